// Pieces of the stocktake screens: the outcome and action badges and the core's comparison of a
// stocktake with the book (outcome, tax due, one row per SKU, findings), shown the same way
// whether the server or the page computed it. DOM only, no I/O.
import {h} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {badge, dataTable, facts, findingList} from '../components.js';
import {fenCell} from './supervision_parts.js';

const OUTCOME_TONE = {consistent: 'ok', shortage: 'bad', surplus: 'warn',
                      shortage_and_surplus: 'bad', incomplete: 'warn'};
const LINE_TONE = {match: 'ok', shortage: 'bad', surplus: 'warn', not_counted: 'warn'};

export function outcomeBadge(outcome, attrs = {}) {
  return badge(OUTCOME_TONE[outcome] || 'muted', enumLabel('stocktake_outcome', outcome),
               {'data-outcome': outcome || '', ...attrs});
}

// "" (no shortage) shows as nothing rather than an empty pill.
export function actionBadge(action, attrs = {}) {
  if (!action) return h('span', {class: 'muted', 'data-action': '', ...attrs}, '—');
  return badge(action === 'referral' ? 'bad' : 'warn', enumLabel('stocktake_action', action),
               {'data-action': action, ...attrs});
}

const qtyCell = (q) => (q === null || q === undefined ? '' : String(q));

// The comparison {outcome, shortage_action, lines, *_fen, findings} under ids `${prefix}-...`.
export function resultView(result, {prefix = 'stocktake'} = {}) {
  const r = result || {};
  return h('div', {id: `${prefix}-result`, 'data-outcome': r.outcome || ''},
    facts([
      [t('stk.outcome'), outcomeBadge(r.outcome, {id: `${prefix}-outcome`})],
      [t('stk.action'), actionBadge(r.shortage_action, {id: `${prefix}-action`})],
      [t('stk.tax'), h('strong', {id: `${prefix}-tax`, 'data-tax-fen': r.tax_fen ?? ''},
                       fenCell(r.tax_fen ?? 0))],
      [t('stk.shortage_value'), h('span', {id: `${prefix}-shortage-value`,
                                           'data-fen': r.shortage_value_fen ?? ''},
                                  fenCell(r.shortage_value_fen ?? 0))],
      [t('stk.duty'), fenCell(r.duty_fen)],
      [t('stk.vat'), fenCell(r.vat_fen)],
      [t('stk.ct'), fenCell(r.ct_fen)],
    ]),
    h('h3', null, t('stk.lines')),
    linesTable(r.lines || [], `${prefix}-lines`),
    findingList(r.findings, {id: `${prefix}-findings`, empty: t('stk.findings_none')}));
}

function linesTable(lines, id) {
  return dataTable([
    {label: t('ledger.sku'), cell: (l) => h('code', null, l.sku)},
    {label: t('goods.code10'), cell: (l) => h('code', null, l.code10 || '')},
    {label: t('goods.unit'), cell: (l) => l.unit || ''},
    {label: t('stk.book'), cell: (l) => qtyCell(l.book), class: 'num'},
    {label: t('stk.counted'), cell: (l) => qtyCell(l.counted), class: 'num'},
    {label: t('stk.recounted'), cell: (l) => qtyCell(l.recounted), class: 'num'},
    {label: t('stk.difference'), cell: (l) => h('strong', null, qtyCell(l.difference)),
     class: 'num'},
    {label: t('stk.line_status'), cell: (l) => badge(LINE_TONE[l.status] || 'muted',
                                                     enumLabel('stocktake_line', l.status))},
    {label: t('stk.unit_value'), cell: (l) => fenCell(l.unit_value_fen), class: 'num'},
    {label: t('stk.shortage_value'), cell: (l) => fenCell(l.shortage_value_fen), class: 'num'},
    {label: t('stk.line_tax'), cell: (l) => fenCell(l.tax_fen), class: 'num'},
  ], lines, {id, rowAttrs: (l) => ({
    'data-sku': l.sku, 'data-status': l.status, 'data-book': qtyCell(l.book),
    'data-counted': qtyCell(l.counted), 'data-recounted': qtyCell(l.recounted),
    'data-accepted': qtyCell(l.accepted), 'data-difference': qtyCell(l.difference),
    'data-shortage-value-fen': l.shortage_value_fen ?? '', 'data-tax-fen': l.tax_fen ?? ''})});
}
