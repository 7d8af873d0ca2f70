// Goods filings list with their verdicts (officers: all enterprises, filtered by outcome, text and
// enterprise; an enterprise user: its own). Reads GET /api/v1/goods.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {dataTable, loadingNote, outcomeBadge, pager} from '../components.js';
import {formatTimestamp} from '../format.js';
import {filterBar, selectFilter, textFilter} from './filters.js';
import {PAGE_SIZE} from './applications.js';

// Lists answer summaries (sku, name, code10, outcome at the top level), the detail route the
// full filing and verdict objects: read both shapes.
export const filingOf = (g) => g.filing || g;
export const goodsOutcome = (g) => (g.verdict && g.verdict.outcome) || g.outcome || '';

export function goodsTable(items, ctx, {id = 'goods-table'} = {}) {
  return dataTable([
    {label: t('col.id'), cell: (g) => String(g.id), class: 'num'},
    {label: t('goods.sku'), cell: (g) => filingOf(g).sku},
    {label: t('goods.name'), cell: (g) => filingOf(g).name},
    {label: t('goods.code10'), cell: (g) => h('code', null, filingOf(g).code10 || '')},
    {label: t('col.enterprise'), cell: (g) => g.enterprise_name || String(g.enterprise_id ?? '')},
    {label: t('col.outcome'), cell: (g) => outcomeBadge(goodsOutcome(g))},
    {label: t('col.filed_at'), cell: (g) => formatTimestamp(g.filed_at || g.created_at)},
  ], items, {
    id,
    empty: t('goods.none'),
    rowAttrs: (g) => ({'data-id': g.id, 'data-enterprise-id': g.enterprise_id,
                       'data-outcome': goodsOutcome(g)}),
    onOpen: (g) => ctx.navigate(`#/goods/${g.id}`),
  });
}

export async function render(ctx) {
  const q = ctx.query;
  const offset = Math.max(0, Number.parseInt(q.offset || '0', 10) || 0);
  const officer = ctx.session.user.role !== 'enterprise';
  replace(ctx.el, h('h1', null, t('nav.goods')), loadingNote());
  const page = await get('/goods', {outcome: q.outcome, q: q.q, enterprise_id: q.enterprise_id,
                                    limit: PAGE_SIZE, offset});
  if (!ctx.isCurrent()) return;
  const filters = [
    selectFilter('outcome', t('col.outcome'), ['admitted', 'review', 'rejected'],
                 (v) => enumLabel('outcome', v), q.outcome),
    textFilter('q', t('filter.search'), t('goods.search_hint'), q.q),
  ];
  if (officer) {
    const ent = textFilter('enterprise_id', t('goods.enterprise_id'), '', q.enterprise_id);
    ent.input.type = 'number';
    ent.input.min = '1';
    ent.node.classList.remove('filter-grow');
    filters.push(ent);
  }
  replace(ctx.el,
    h('div', {class: 'title-row'}, h('h1', null, t('nav.goods')),
      !officer ? h('a', {class: 'btn btn-primary', href: '#/goods/new', id: 'goods-new'},
                   t('nav.new_goods')) : null),
    filterBar(ctx, filters),
    goodsTable(page.items || [], ctx),
    pager({total: page.total || 0, limit: PAGE_SIZE, offset,
           onPage: (o) => ctx.setQuery({...q, offset: o})}));
}
