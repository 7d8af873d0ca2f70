// The form that records a stocktake of a ledger: date, method and one counted quantity per SKU,
// prefilled from the book's balances on that date so a counter changes only what differs. The
// server compares it with the book; 201 opens the stocktake's detail (its result and the page's
// own check), 400 shows the server's message here. Network I/O: GET
// /api/v1/ledgers/{ems_no}/balances?date=, POST /api/v1/ledgers/{ems_no}/stocktakes.
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {dataTable, errorBanner, loadingNote} from '../components.js';
import {decisionDate, field} from './live.js';

const METHODS = ['electronic', 'self_count', 'third_party'];

// emsList: the ledgers the user may count (from the schedule); preferred: ?ems_no= when given.
export function recordForm(ctx, emsList, preferred) {
  if (!emsList.length) return h('p', {class: 'muted', id: 'stocktake-form'}, t('stk.no_ledgers'));
  const today = decisionDate(ctx.session);
  const ledger = h('select', {id: 'stocktake-ledger'}, emsList.map(
      (e) => h('option', {value: e}, e)));
  if (emsList.includes(preferred)) ledger.value = preferred;
  const date = h('input', {id: 'stocktake-date', type: 'date', value: today, max: today});
  const method = h('select', {id: 'stocktake-method'}, METHODS.map(
      (m) => h('option', {value: m}, enumLabel('stocktake_method', m))));
  const counts = h('div', {id: 'stocktake-counts-area'});
  const result = h('div', {id: 'stocktake-form-result', 'aria-live': 'polite'});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'stocktake-submit',
                              disabled: true}, t('stk.submit'));
  let loadToken = 0;

  // The book on the chosen day decides which SKUs there are and what to prefill.
  const loadCounts = async () => {
    const token = ++loadToken;
    submit.disabled = true;
    replace(counts, loadingNote());
    try {
      const answer = await get(`/ledgers/${encodeURIComponent(ledger.value)}/balances`,
                               {date: date.value});
      if (token !== loadToken || !ctx.isCurrent()) return;
      const rows = answer.balances || [];
      replace(counts, countsTable(rows));
      counts.dataset.loaded = `${ledger.value}@${date.value}`;
      submit.disabled = rows.length === 0;
    } catch (e) {
      if (token === loadToken) replace(counts, errorBanner(e, {id: 'stocktake-counts-error'}));
    }
  };
  ledger.addEventListener('change', loadCounts);
  date.addEventListener('change', loadCounts);
  loadCounts();

  return h('form', {class: 'form', id: 'stocktake-form', onsubmit: async (e) => {
    e.preventDefault();
    await send(ctx, {ems: ledger.value, date: date.value, method: method.value, counts, submit,
                     result});
  }}, h('div', {class: 'row-grid'}, field('stocktake-ledger', t('stk.ledger'), ledger),
        field('stocktake-date', t('stk.date'), date),
        field('stocktake-method', t('stk.method'), method)),
  counts, h('div', {class: 'actions'}, submit), result);
}

// One input per SKU on the book that day, named by data-sku, holding the book's figure.
function countsTable(rows) {
  return dataTable([
    {label: t('ledger.sku'), cell: (b) => h('code', null, b.sku)},
    {label: t('goods.code10'), cell: (b) => h('code', null, b.code10 || '')},
    {label: t('goods.unit'), cell: (b) => b.unit || ''},
    {label: t('stk.book'), cell: (b) => b.balance, class: 'num'},
    {label: t('stk.counted'), cell: (b) => h('input', {
      class: 'mono', inputmode: 'decimal', value: String(b.balance), 'data-sku': b.sku,
      'aria-label': `${t('stk.counted')} ${b.sku}`})},
  ], rows, {id: 'stocktake-counts', empty: t('stk.no_skus'),
            rowAttrs: (b) => ({'data-sku': b.sku, 'data-book': b.balance})});
}

async function send(ctx, {ems, date, method, counts, submit, result}) {
  const inputs = [...counts.querySelectorAll('input[data-sku]')];
  const stocktake = {date, method, counts: inputs.map((i) => ({sku: i.dataset.sku,
                                                               counted: i.value.trim()}))};
  submit.disabled = true;
  replace(result);
  try {
    const answer = await post(`/ledgers/${encodeURIComponent(ems)}/stocktakes`, {stocktake});
    if (!ctx.isCurrent()) return;
    const id = answer.stocktake.id;
    ctx.navigate(`#/stocktakes/${id}`, {flash: {stocktakeRecorded: id}});
  } catch (e) {
    if (!ctx.isCurrent()) return;
    replace(result, errorBanner(e, {id: 'stocktake-error'}));
  } finally {
    submit.disabled = false;
  }
}
