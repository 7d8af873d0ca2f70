// Promotion filings (促销行为报备): SKUs, promotional and normal price and period, filed in advance
// and checked by the core (ok / flagged); a form files a new one, and each row opens the summary
// of filed against transacted prices with the filing's own check. Reads GET /api/v1/promotions,
// /promotions/{id}, /promotions/{id}/summary; writes POST /promotions.
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {badge, card, dataTable, errorBanner, facts, findingList, loadingNote} from
    '../components.js';
import {formatFen, parseCnyToFen} from '../format.js';
import {decisionDate, field} from './live.js';

export async function render(ctx) {
  replace(ctx.el, h('h1', null, t('promo.title')), loadingNote());
  const page = await get('/promotions', {limit: 200});
  if (!ctx.isCurrent()) return;
  const summary = h('div', {id: 'promotion-summary'});
  replace(ctx.el, h('h1', null, t('promo.title')),
    card(null, dataTable([
      {label: t('col.id'), cell: (p) => String(p.id), class: 'num'},
      {label: t('col.enterprise'), cell: (p) => p.enterprise_name || p.enterprise_code || ''},
      {label: t('promo.skus'), cell: (p) => ((p.filing || {}).skus || []).join(', ')},
      {label: t('promo.price'), cell: (p) => formatFen((p.filing || {}).promo_price_fen),
       class: 'num'},
      {label: t('promo.normal_price'), cell: (p) => formatFen((p.filing || {}).normal_price_fen),
       class: 'num'},
      {label: t('promo.period'), cell: (p) => `${p.from || ''} – ${p.to || ''}`, class: 'nowrap'},
      {label: t('col.outcome'), cell: (p) => badge(p.outcome === 'ok' ? 'ok' : 'warn',
                                                   enumLabel('promo_outcome', p.outcome),
                                                   {'data-outcome': p.outcome || ''})},
    ], page.items || [], {
      id: 'promotions-table', empty: t('promo.none'),
      rowAttrs: (p) => ({'data-id': p.id}),
      onOpen: async (p) => {
        replace(summary, loadingNote());
        try {
          const [one, s] = await Promise.all([get(`/promotions/${p.id}`),
                                              get(`/promotions/${p.id}/summary`)]);
          const check = (one.promotion || one).check || {};
          replace(summary, h('h3', {id: 'promotion-open', 'data-id': p.id}, t('promo.check'),
                             ` #${p.id} `, badge(check.outcome === 'ok' ? 'ok' : 'warn',
                                                 enumLabel('promo_outcome', check.outcome),
                                                 {'data-outcome': check.outcome || ''})),
                  findingList(check.findings, {id: 'promotion-check-findings',
                                               empty: t('promo.check_clean')}),
                  h('h3', null, t('promo.summary'), ` #${p.id}`),
                  facts([[t('verdict.decision_date'), s.decision_date]]),
                  summaryTable(s.summaries || []),
                  findingList(s.findings, {id: 'promotion-summary-findings'}),
                  h('details', null, h('summary', null, t('decl.routing_record')),
                    h('pre', {class: 'small'}, JSON.stringify(s, null, 2))));
        } catch (e) {
          replace(summary, errorBanner(e));
        }
      },
    }), summary),
    card(t('promo.file'), promotionForm(ctx)));
}

// Filed against transacted: one row per filing summarised, figures as the core computed them.
function summaryTable(rows) {
  return dataTable([
    {label: t('promo.status'), cell: (r) => enumLabel('promo_status', r.status)},
    {label: t('promo.lines'), cell: (r) => String(r.line_count), class: 'num'},
    {label: t('ledger.qty'), cell: (r) => r.qty, class: 'num'},
    {label: t('promo.min_price'), cell: (r) => formatFen(r.min_price_fen), class: 'num'},
    {label: t('promo.avg_price'), cell: (r) => formatFen(r.avg_price_fen), class: 'num'},
    {label: t('promo.max_price'), cell: (r) => formatFen(r.max_price_fen), class: 'num'},
    {label: t('promo.value'), cell: (r) => formatFen(r.value_fen), class: 'num'},
    {label: t('promo.below'), cell: (r) => `${r.lines_below_promo} / ${r.qty_below_promo}`,
     class: 'num'},
  ], rows, {id: 'promotion-summary-table',
            rowAttrs: (r) => ({'data-line-count': r.line_count, 'data-qty': r.qty,
                               'data-min-fen': r.min_price_fen ?? '',
                               'data-avg-fen': r.avg_price_fen ?? '',
                               'data-max-fen': r.max_price_fen ?? '',
                               'data-value-fen': r.value_fen,
                               'data-below': r.lines_below_promo, 'data-status': r.status})});
}

function promotionForm(ctx) {
  const customs = ctx.session.user.role !== 'enterprise';
  const today = decisionDate(ctx.session);
  const inputs = {
    skus: h('input', {id: 'promo-skus', class: 'mono', placeholder: 'SKU-1, SKU-2'}),
    promo: h('input', {id: 'promo-price', inputmode: 'decimal'}),
    normal: h('input', {id: 'promo-normal-price', inputmode: 'decimal'}),
    from: h('input', {id: 'promo-from', type: 'date', value: today}),
    to: h('input', {id: 'promo-to', type: 'date', value: today}),
    enterprise: customs ? h('input', {id: 'promo-enterprise', type: 'number', min: 1}) : null,
  };
  const error = h('div', {id: 'promo-error'});
  return h('form', {class: 'form', id: 'promotion-form', onsubmit: async (e) => {
    e.preventDefault();
    replace(error);
    const promo = parseCnyToFen(inputs.promo.value);
    const normal = parseCnyToFen(inputs.normal.value);
    if (promo === null || normal === null) {
      replace(error, h('p', {class: 'banner banner-bad', role: 'alert'}, t('goods.price_bad')));
      return;
    }
    const promotion = {skus: inputs.skus.value.split(/[,，\s]+/).filter(Boolean),
                       promo_price_fen: promo, normal_price_fen: normal,
                       from: inputs.from.value, to: inputs.to.value};
    if (customs) promotion.enterprise_id = Number.parseInt(inputs.enterprise.value, 10);
    try {
      await post('/promotions', {promotion});
      ctx.navigate('#/promotions');
    } catch (err) {
      replace(error, errorBanner(err));
    }
  }},
  h('div', {class: 'row-grid'},
    field('promo-skus', t('promo.skus'), inputs.skus),
    customs ? field('promo-enterprise', t('goods.enterprise_id'), inputs.enterprise) : null),
  h('div', {class: 'row-grid'},
    field('promo-price', t('promo.price'), inputs.promo),
    field('promo-normal-price', t('promo.normal_price'), inputs.normal)),
  h('div', {class: 'row-grid'},
    field('promo-from', t('form.valid_from'), inputs.from),
    field('promo-to', t('form.valid_to'), inputs.to)),
  error, h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary',
                                                  id: 'promo-submit'}, t('promo.file'))));
}
