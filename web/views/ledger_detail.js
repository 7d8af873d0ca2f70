// The ledger view: the page loads one ledger's entries from the API and runs the core's ledger in
// the page (WebAssembly): balances at any date (compared with the server's /balances to the
// unit), the FIFO trace of a unit, and a what-if of a pending debit that books nothing (compared
// with the server's own what-if); the booking forms live in ledger_forms.js. Reads GET
// /api/v1/ledgers/{ems_no}, /ledgers/{ems_no}/balances?date=; POST /ledgers/{ems_no}/what-if
// (stores nothing).
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {card, dataTable, errorBanner, facts, findingList, loadingNote} from '../components.js';
import {loadCore} from '../core.js';
import {coreStatus, decisionDate, field} from './live.js';
import {parityMarker} from './supervision_parts.js';
import {bookingForms} from './ledger_forms.js';

const DEBIT_KINDS = ['release_out', 'transfer_out', 'adjustment'];

export async function render(ctx) {
  const ems = decodeURIComponent(ctx.params[0]);
  replace(ctx.el, loadingNote());
  const answer = await get(`/ledgers/${encodeURIComponent(ems)}`);
  if (!ctx.isCurrent()) return;
  // The core's ledger shape {ems_no, enterprise_code, entries}, possibly wrapped.
  const ledger = answer.ledger && answer.ledger.entries ? answer.ledger : answer;
  const entries = ledger.entries || [];
  const counterparts = answer.counterparts || [];
  const today = decisionDate(ctx.session);
  const status = coreStatus();
  const date = h('input', {id: 'ledger-date', type: 'date', value: ctx.query.date || today});
  const balancesOut = h('div', {id: 'ledger-balances-out'});
  const traceOut = h('div', {id: 'ledger-trace-out'});
  const whatIfOut = h('div', {id: 'whatif-out'});
  const skus = [...new Set(entries.map((e) => e.sku))].sort();
  const skuSelect = (id) => h('select', {id}, skus.map((s) => h('option', {value: s}, s)));
  const traceSku = skuSelect('trace-sku');
  const traceUnit = h('input', {id: 'trace-unit', type: 'number', min: 1, step: 1, value: '1'});
  const wiKind = h('select', {id: 'whatif-kind'},
                   DEBIT_KINDS.map((k) => h('option', {value: k}, enumLabel('entry_kind', k))));
  const wiSku = skuSelect('whatif-sku');
  const wiQty = h('input', {id: 'whatif-qty', class: 'mono', inputmode: 'decimal', value: '1'});
  const wiDate = h('input', {id: 'whatif-date', type: 'date', value: today});
  let core = null;

  const base = {ems_no: ledger.ems_no || ems, enterprise_code: ledger.enterprise_code,
                entries};
  const withCounterparts = (req) => (counterparts.length ? {...req, counterparts} : req);

  const showBalances = async () => {
    if (!core) return;
    replace(balancesOut, loadingNote());
    const on = date.value || null;
    try {
      const page = core.ledgerBalances(withCounterparts({ledger: base, ...(on ? {date: on} : {})}))
          .value;
      const server = await get(`/ledgers/${encodeURIComponent(ems)}/balances`,
                               on ? {date: on} : {});
      if (!ctx.isCurrent()) return;
      replace(balancesOut,
        parityMarker('ledger-parity', page.balances, server.balances || [],
                     {label: t('ledger.balances')}),
        facts([[t('ledger.outcome'), h('span', {id: 'ledger-outcome', 'data-outcome': page.outcome},
                                           enumLabel('ledger_outcome', page.outcome))]]),
        balancesTable(page.balances || []),
        findingList(page.findings, {id: 'ledger-findings'}));
    } catch (e) {
      replace(balancesOut, errorBanner(e));
    }
  };

  const showTrace = () => {
    if (!core) return;
    try {
      const unit = Number.parseInt(traceUnit.value, 10);
      const r = core.ledgerTrace({ledger: base, sku: traceSku.value, unit}).value;
      replace(traceOut, h('div', {id: 'ledger-trace', 'data-outcome': r.outcome},
        facts([[t('ledger.outcome'), enumLabel('trace_outcome', r.outcome)]]),
        dataTable([
          {label: t('ledger.debit'), cell: (l) => entryText(l.out)},
          {label: t('ledger.lot'), cell: (l) => (l.in ? entryText(l.in) :
              h('span', {class: 'badge badge-bad'}, t('ledger.no_lot')))},
          {label: t('ledger.qty'), cell: (l) => l.qty, class: 'num'},
        ], r.links || [], {id: 'ledger-trace-links', empty: t('ledger.trace_none')}),
        findingList(r.findings, {id: 'ledger-trace-findings'})));
    } catch (e) {
      replace(traceOut, errorBanner(e));
    }
  };

  const showWhatIf = async () => {
    if (!core) return;
    const first = entries.find((e) => e.sku === wiSku.value) || {};
    const kind = wiKind.value;
    const pending = {id: 'what-if', kind, date: wiDate.value || today, sku: wiSku.value,
                     code10: first.code10 || '', qty: wiQty.value.trim(), unit: first.unit || ''};
    if (kind === 'release_out') Object.assign(pending, {invt_no: 'WHAT-IF', gnum: 1});
    if (kind === 'transfer_out') {
      Object.assign(pending, {transfer_id: 'WHAT-IF', counterpart_ems_no: 'WHAT-IF'});
    }
    if (kind === 'adjustment') Object.assign(pending, {direction: 'decrease', reason: 'what-if'});
    try {
      const r = core.ledgerWhatIf(withCounterparts({ledger: base, pending})).value;
      replace(whatIfOut, h('div', {id: 'whatif-result', 'data-outcome': r.outcome,
                                   class: `banner ${r.outcome === 'accepted' ? 'banner-ok' :
                                                                               'banner-bad'}`},
        h('strong', null, enumLabel('whatif_outcome', r.outcome)),
        facts([
          [t('ledger.available'), h('span', {id: 'whatif-available'}, r.available ?? '')],
          [t('ledger.balance_before'), r.balance_before],
          [t('ledger.balance_after'), r.balance_after],
          [t('ledger.lowest_after'), r.lowest_after !== undefined ?
              `${r.lowest_after} (${r.lowest_after_date || ''})` : null],
        ]),
        findingList(r.findings, {id: 'whatif-findings'})));
      // The same pending entry checked by the server (nothing is stored there either).
      const server = await post(`/ledgers/${encodeURIComponent(ems)}/what-if`, {pending});
      if (!ctx.isCurrent()) return;
      whatIfOut.append(parityMarker('whatif-parity', r, server, {label: t('ledger.what_if')}));
    } catch (e) {
      replace(whatIfOut, errorBanner(e, {id: 'whatif-error'}));
    }
  };

  date.addEventListener('change', showBalances);
  replace(ctx.el,
    h('div', {class: 'title-row'},
      h('h1', null, t('ledger.title'), ' ', h('code', {id: 'ledger-ems'}, ledger.ems_no || ems)),
      h('span', {class: 'muted'}, ledger.enterprise_code || ''),
      // Stocktakes are recorded and read on their own screen, narrowed to this ledger.
      h('a', {class: 'btn', id: 'ledger-stocktakes',
              href: `#/stocktakes?ems_no=${encodeURIComponent(ledger.ems_no || ems)}`},
        t('stk.open_ledger'))),
    status.node,
    h('div', {class: 'grid-2'},
      h('div', null,
        card(t('ledger.balances'), h('p', {class: 'muted small'}, t('ledger.balances_hint')),
          field('ledger-date', t('ledger.as_of'), date), balancesOut)),
      h('div', null,
        card(t('ledger.trace'),
          h('form', {class: 'row-grid', id: 'trace-form', onsubmit: (e) => {
            e.preventDefault();
            showTrace();
          }}, field('trace-sku', t('ledger.sku'), traceSku),
          field('trace-unit', t('ledger.unit_no'), traceUnit),
          h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn',
                                                   id: 'trace-submit'}, t('ledger.trace_go')))),
          traceOut),
        card(t('ledger.what_if'), h('p', {class: 'muted small'}, t('ledger.what_if_hint')),
          h('form', {id: 'whatif-form', onsubmit: (e) => {
            e.preventDefault();
            showWhatIf();
          }}, h('div', {class: 'row-grid'}, field('whatif-kind', t('ledger.kind'), wiKind),
                field('whatif-sku', t('ledger.sku'), wiSku)),
          h('div', {class: 'row-grid'}, field('whatif-qty', t('ledger.qty'), wiQty),
            field('whatif-date', t('ledger.date'), wiDate)),
          h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary',
                                                   id: 'whatif-submit'}, t('ledger.what_if_go')))),
          whatIfOut))),
    bookingForms(ctx, {ems: base.ems_no, base, entries, counterparts, today, core: () => core}),
    card(t('ledger.entries'), entriesTable(entries)));

  try {
    core = await loadCore();
    if (!ctx.isCurrent()) return;
    status.ready(core);
    await showBalances();
  } catch (e) {
    status.failed(e);
  }
}

function entryText(e) {
  if (!e) return '';
  const ref = e.invt_no || e.entry_no || e.transfer_id || e.reason || '';
  return h('span', {'data-entry-id': e.id}, `${e.date} · ${enumLabel('entry_kind', e.kind)} · `,
           h('code', null, ref), ` · ${e.qty}`);
}

function balancesTable(rows) {
  return dataTable([
    {label: t('ledger.sku'), cell: (b) => h('code', null, b.sku)},
    {label: t('goods.code10'), cell: (b) => h('code', null, b.code10 || '')},
    {label: t('goods.unit'), cell: (b) => b.unit || ''},
    {label: t('ledger.in'), cell: (b) => b.in, class: 'num'},
    {label: t('ledger.out'), cell: (b) => b.out, class: 'num'},
    {label: t('ledger.balance'), cell: (b) => h('strong', null, b.balance), class: 'num'},
    {label: t('ledger.last_date'), cell: (b) => b.last_date || '', class: 'nowrap'},
  ], rows, {id: 'ledger-balances', empty: t('ledger.no_balances'),
            rowAttrs: (b) => ({'data-sku': b.sku, 'data-balance': b.balance})});
}

function entriesTable(entries) {
  return dataTable([
    {label: t('ledger.date'), cell: (e) => e.date, class: 'nowrap'},
    {label: '#', cell: (e) => String(e.seq ?? ''), class: 'num'},
    {label: t('ledger.kind'), cell: (e) => enumLabel('entry_kind', e.kind)},
    {label: t('ledger.sku'), cell: (e) => h('code', null, e.sku)},
    {label: t('ledger.qty'), cell: (e) => e.qty, class: 'num'},
    {label: t('goods.unit'), cell: (e) => e.unit || ''},
    {label: t('ledger.reference'), cell: (e) => h('code', null, e.invt_no || e.entry_no ||
                                                               e.transfer_id || e.reason || '')},
  ], entries, {id: 'ledger-entries', empty: t('ledger.no_entries'),
               rowAttrs: (e) => ({'data-entry-id': e.id, 'data-kind': e.kind})});
}
