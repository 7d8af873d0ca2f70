// One goods filing with its verdict: outcome, the positive-list line it matched and every
// finding. Reads GET /api/v1/goods/{id}.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {badge, card, facts, findingList, loadingNote, outcomeBadge, parityBanner} from
    '../components.js';
import {formatFen, formatMilli, formatTimestamp} from '../format.js';
import {filingOf, goodsOutcome} from './goods.js';

export async function render(ctx) {
  const id = ctx.params[0];
  replace(ctx.el, loadingNote());
  const g = await get(`/goods/${id}`);
  if (!ctx.isCurrent()) return;
  const f = filingOf(g);
  const v = g.verdict || {};
  const parity = ctx.flash && String(ctx.flash.goodsId) === String(g.id) ? ctx.flash : null;
  const entry = v.positive_list || null;
  replace(ctx.el,
    h('div', {class: 'title-row'},
      h('h1', null, f.name || t('nav.goods'), ' ', h('span', {class: 'muted'}, `#${g.id}`)),
      outcomeBadge(goodsOutcome(g), {id: 'goods-outcome'})),
    parity ? parityBanner(parity) : null,
    h('div', {class: 'grid-2'},
      card(t('goods.filing'), facts([
        [t('goods.sku'), f.sku],
        [t('goods.name'), f.name],
        [t('goods.brand'), f.brand],
        [t('goods.spec'), f.spec],
        [t('goods.code10'), h('code', null, f.code10 || '')],
        [t('goods.origin'), f.origin_country],
        [t('goods.unit'), f.unit],
        [t('goods.price'), formatFen(f.declared_unit_price_fen)],
        [t('goods.trade_mode'), enumLabel('trade_mode', f.trade_mode)],
        [t('col.enterprise'), g.enterprise_id ? h('a', {href: `#/enterprises/${g.enterprise_id}`},
                                                 g.enterprise_name || `#${g.enterprise_id}`) :
            null],
        [t('col.filed_at'), formatTimestamp(g.filed_at || g.created_at)],
      ])),
      card(t('goods.verdict'),
        facts([
          [t('col.outcome'), outcomeBadge(goodsOutcome(g))],
          [t('goods.code8'), v.code8 ? h('code', null, v.code8) : null],
          [t('goods.positive_entry'), entry ? `${entry.code8 || ''} ${entry.name || ''}` : null],
          [t('goods.remark'), entry && entry.remark ? entry.remark : null],
          [t('lists.controls'), entry ? h('span', {class: 'chips'},
            entry.bonded_only ? badge('info', t('lists.bonded_only')) : null,
            entry.excluded ? badge('warn', t('lists.excluded')) : null,
            entry.annual_cap ? badge('info', t('lists.qty_cap_value', {
              qty: formatMilli(entry.annual_cap.qty_milli), unit: entry.annual_cap.unit})) :
                null) : null],
          [t('verdict.decision_date'), v.decision_date],
          [t('verdict.policy_version'), v.policy_version],
        ]),
        h('h3', null, t('goods.findings')),
        findingList(v.findings, {id: 'goods-findings', empty: t('goods.no_findings')}))));
}
