// The booking forms of the ledger view: a first-line entry or (customs only) an adjustment, and a
// transfer to another ledger. The page's core checks each pending entry first (the what-if the
// server runs before it books); then the server's answer is shown as it came: 201 the booked
// entry, 409 the core's findings (nothing stored), 400 the message. Network I/O: POST
// /api/v1/ledgers/{ems_no}/entries, /api/v1/ledger-transfers; GET /api/v1/ledgers (targets).
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {card, errorBanner, facts, findingList} from '../components.js';
import {field} from './live.js';
import {parityMarker} from './supervision_parts.js';

// The server's check names its own entry id; everything else must equal the page's what-if.
const withoutPending = (check) => {
  const {pending, ...rest} = check || {};
  return rest;
};

// The two booking cards. view: {ems, base (the core's ledger), counterparts, entries, today,
// core: () => the loaded Core or null}. ctx.flash carries the answer of the booking that
// re-rendered the page, so it stays on screen above balances that now include it.
export function bookingForms(ctx, view) {
  const customs = ctx.session.user && ctx.session.user.role !== 'enterprise';
  const flash = ctx.flash && ctx.flash.ledgerBooking ? ctx.flash.ledgerBooking : {};
  return h('div', {class: 'grid-2'},
    h('div', null, card(t('ledger.book'), h('p', {class: 'muted small'}, t('ledger.book_hint')),
                        entryForm(ctx, view, customs, flash.entry))),
    h('div', null, card(t('ledger.transfer'),
                        h('p', {class: 'muted small'}, t('ledger.transfer_hint')),
                        transferForm(ctx, view, flash.transfer))));
}

// Text inputs shared by both forms, ids `${prefix}-${name}`.
function goodsInputs(prefix, view) {
  const list = `${prefix}-sku-list`;
  const skus = [...new Set(view.entries.map((e) => e.sku))].sort();
  const inputs = {
    date: h('input', {id: `${prefix}-date`, type: 'date', value: view.today, max: view.today}),
    sku: h('input', {id: `${prefix}-sku`, class: 'mono', list, autocomplete: 'off'}),
    item_no: h('input', {id: `${prefix}-item-no`, class: 'mono', autocomplete: 'off'}),
    code10: h('input', {id: `${prefix}-code10`, class: 'mono', inputmode: 'numeric',
                        maxlength: 10}),
    qty: h('input', {id: `${prefix}-qty`, class: 'mono', inputmode: 'decimal'}),
    unit: h('input', {id: `${prefix}-unit`, class: 'mono', inputmode: 'numeric', maxlength: 3}),
  };
  // A known SKU brings its code and unit: the core refuses a SKU booked under another one.
  const prefill = () => {
    const first = view.entries.find((e) => e.sku === inputs.sku.value.trim());
    if (!first) return;
    inputs.code10.value = first.code10 || '';
    inputs.unit.value = first.unit || '';
    if (!inputs.item_no.value) inputs.item_no.value = first.item_no || '';
  };
  inputs.sku.addEventListener('input', prefill);
  inputs.sku.addEventListener('change', prefill);
  const datalist = h('datalist', {id: list}, skus.map((s) => h('option', {value: s})));
  const rows = [
    h('div', {class: 'row-grid'}, field(`${prefix}-date`, t('ledger.date'), inputs.date),
      field(`${prefix}-sku`, t('ledger.sku'), inputs.sku), datalist),
    h('div', {class: 'row-grid'},
      field(`${prefix}-item-no`, t('ledger.item_no'), inputs.item_no, t('ledger.optional')),
      field(`${prefix}-code10`, t('goods.code10'), inputs.code10)),
    h('div', {class: 'row-grid'}, field(`${prefix}-qty`, t('ledger.qty'), inputs.qty),
      field(`${prefix}-unit`, t('goods.unit'), inputs.unit)),
  ];
  return {inputs, rows};
}

// The fields every entry carries, trimmed; item_no only when given (it is optional).
function goodsFields(inputs) {
  const out = {date: inputs.date.value, sku: inputs.sku.value.trim(),
               code10: inputs.code10.value.trim(), qty: inputs.qty.value.trim(),
               unit: inputs.unit.value.trim()};
  const itemNo = inputs.item_no.value.trim();
  if (itemNo) out.item_no = itemNo;
  return out;
}

function entryForm(ctx, view, customs, shown) {
  const kinds = customs ? ['first_line_in', 'adjustment'] : ['first_line_in'];
  const kind = h('select', {id: 'entry-kind'},
                 kinds.map((k) => h('option', {value: k}, enumLabel('entry_kind', k))));
  const {inputs, rows} = goodsInputs('entry', view);
  const entryNo = h('input', {id: 'entry-no', class: 'mono', maxlength: 18, autocomplete: 'off'});
  const direction = h('select', {id: 'entry-direction'}, ['decrease', 'increase'].map(
      (d) => h('option', {value: d}, enumLabel('adjust_direction', d))));
  const reason = h('input', {id: 'entry-reason', maxlength: 200});
  const inFields = h('div', {class: 'row-grid'}, field('entry-no', t('ledger.entry_no'), entryNo));
  const adjustFields = h('div', {class: 'row-grid', hidden: true},
    field('entry-direction', t('ledger.direction'), direction),
    field('entry-reason', t('ledger.reason'), reason));
  kind.addEventListener('change', () => {
    inFields.hidden = kind.value !== 'first_line_in';
    adjustFields.hidden = kind.value !== 'adjustment';
  });
  const preview = h('div', {id: 'entry-whatif'});
  const result = h('div', {id: 'entry-result', 'aria-live': 'polite'});
  if (shown) showAnswer(shown, {preview, result, prefix: 'entry'});

  const pendingEntry = () => {
    const entry = {kind: kind.value, ...goodsFields(inputs)};
    if (kind.value === 'first_line_in') entry.entry_no = entryNo.value.trim();
    else Object.assign(entry, {direction: direction.value, reason: reason.value.trim()});
    return entry;
  };
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'entry-submit'},
                   t('ledger.book_go'));
  return h('form', {class: 'form', id: 'entry-form', onsubmit: async (e) => {
    e.preventDefault();
    const entry = pendingEntry();
    await book(ctx, view, {
      submit, preview, result, prefix: 'entry', pending: {id: 'pending', ...entry},
      send: () => post(`/ledgers/${encodeURIComponent(view.ems)}/entries`, {entry}),
      serverCheck: (answer) => answer.check,
    });
  }}, h('div', {class: 'row-grid'}, field('entry-kind', t('ledger.kind'), kind)), rows,
  inFields, adjustFields, preview,
  h('div', {class: 'actions'}, submit), result);
}

function transferForm(ctx, view, shown) {
  const list = 'transfer-to-list';
  const to = h('input', {id: 'transfer-to', class: 'mono', list, autocomplete: 'off'});
  const targets = h('datalist', {id: list});
  // Other ledgers the user may see, as suggestions; typing a number works without them.
  get('/ledgers', {limit: 500}).then((page) => {
    const others = (page.items || []).filter((l) => l.ems_no !== view.ems);
    replace(targets, others.map((l) => h('option', {value: l.ems_no},
                                        l.name || l.enterprise_name || '')));
  }).catch(() => {});
  const {inputs, rows} = goodsInputs('transfer', view);
  const preview = h('div', {id: 'transfer-whatif'});
  const result = h('div', {id: 'transfer-result', 'aria-live': 'polite'});
  if (shown) showAnswer(shown, {preview, result, prefix: 'transfer'});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'transfer-submit'},
                   t('ledger.transfer_go'));
  return h('form', {class: 'form', id: 'transfer-form', onsubmit: async (e) => {
    e.preventDefault();
    const goods = goodsFields(inputs);
    const toEms = to.value.trim().toUpperCase();
    const transfer = {from_ems_no: view.ems, to_ems_no: toEms, ...goods};
    // The out half is what this ledger's books must cover; the in half pairs with it.
    const pending = {id: 'pending', kind: 'transfer_out', transfer_id: 'PENDING',
                     counterpart_ems_no: toEms, ...goods};
    await book(ctx, view, {
      submit, preview, result, prefix: 'transfer', pending,
      send: () => post('/ledger-transfers', {transfer}),
      serverCheck: (answer) => (answer.checks || {}).out,
    });
  }}, h('div', {class: 'row-grid'}, field('transfer-to', t('ledger.transfer_to'), to), targets),
  rows, preview, h('div', {class: 'actions'}, submit), result);
}

// Checks the pending entry in the page, posts it, and shows the server's answer. A booking
// re-renders the whole view (balances, trace and entries then include it) with the answer in
// the flash; a refusal or an error stays in this form with what the user typed.
async function book(ctx, view, {submit, preview, result, prefix, pending, send, serverCheck}) {
  submit.disabled = true;
  delete result.dataset.outcome;
  replace(result);
  const whatIf = pageWhatIf(view, pending);
  replace(preview, whatIfNode(prefix, whatIf));
  let answer;
  try {
    answer = {status: 201, body: await send()};
  } catch (err) {
    answer = {status: err.status, body: err.body, message: err.message, code: err.code};
  } finally {
    submit.disabled = false;
  }
  if (!ctx.isCurrent()) return;
  const shown = {whatIf, answer, check: serverCheck(answer.body || {})};
  if (answer.status === 201) {
    ctx.navigate(location.hash, {flash: {ledgerBooking: {[prefix]: shown}}});
    return;
  }
  showAnswer(shown, {preview, result, prefix});
}

// The core's what-if in the page: {value} or {error}; null when the core is not loaded yet.
function pageWhatIf(view, pending) {
  const core = view.core();
  if (!core) return null;
  const req = {ledger: view.base, pending};
  if (view.counterparts.length) req.counterparts = view.counterparts;
  try {
    return {value: core.ledgerWhatIf(req).value};
  } catch (e) {
    return {error: e};
  }
}

function whatIfNode(prefix, whatIf) {
  if (!whatIf) return h('p', {class: 'muted small'}, t('ledger.precheck_unavailable'));
  if (whatIf.error) return errorBanner(whatIf.error, {id: `${prefix}-whatif-error`});
  const r = whatIf.value;
  const ok = r.outcome === 'accepted';
  return h('div', {id: `${prefix}-whatif-result`, 'data-outcome': r.outcome,
                   class: `banner ${ok ? 'banner-ok' : 'banner-bad'}`},
    h('strong', null, t('ledger.precheck'), ' ', enumLabel('whatif_outcome', r.outcome)),
    facts([[t('ledger.available'), r.available], [t('ledger.balance_after'), r.balance_after]]),
    findingList(r.findings, {id: `${prefix}-whatif-findings`}));
}

// The server's answer: booked (201), refused by the core (409, its findings) or an error.
function showAnswer(shown, {preview, result, prefix}) {
  const {whatIf, answer, check} = shown;
  replace(preview, whatIfNode(prefix, whatIf));
  // Page and server ran the same check on the same books: they must agree.
  if (whatIf && whatIf.value && check) {
    preview.append(parityMarker(`${prefix}-parity`, withoutPending(whatIf.value),
                                withoutPending(check), {label: t('ledger.precheck')}));
  }
  const refused = answer.status === 409 && answer.body && answer.body.findings;
  result.dataset.outcome = answer.status === 201 ? 'booked' : refused ? 'refused' : 'error';
  if (answer.status === 201) {
    replace(result, bookedNode(prefix, answer.body));
  } else if (refused) {
    replace(result, h('div', {class: 'banner banner-bad', role: 'alert',
                              'data-outcome': 'refused', id: `${prefix}-refused`},
      h('strong', null, t('ledger.refused')), ' ', answer.message,
      findingList(answer.body.findings, {id: `${prefix}-findings`})));
  } else {
    replace(result, errorBanner(answer, {id: `${prefix}-error`}));
  }
}

function bookedNode(prefix, body) {
  if (prefix === 'transfer') {
    const tr = body.transfer || {};
    return h('div', {class: 'banner banner-ok', role: 'status', id: 'transfer-booked',
                     'data-outcome': 'booked', 'data-transfer-id': tr.transfer_id},
      h('strong', null, t('ledger.transfer_booked', {id: tr.transfer_id})), ' ',
      h('a', {href: `#/ledgers/${encodeURIComponent(tr.to_ems_no)}`, id: 'transfer-to-link'},
        tr.to_ems_no),
      facts([[t('ledger.sku'), (tr.out || {}).sku], [t('ledger.qty'), (tr.out || {}).qty],
             [t('ledger.date'), (tr.out || {}).date]]));
  }
  const e = body.entry || {};
  return h('div', {class: 'banner banner-ok', role: 'status', id: 'entry-booked',
                   'data-outcome': 'booked', 'data-entry-id': e.id},
    h('strong', null, t('ledger.booked')), ' ',
    `${e.date} · ${enumLabel('entry_kind', e.kind)} · ${e.sku} · ${e.qty} ${e.unit || ''}`,
    facts([['#', String(e.seq ?? '')], [t('ledger.reference'),
                                        e.entry_no || e.reason || '']]));
}
