// One stocktake: what was counted, the server's comparison with the book as stored, and the
// page's own check: the WebAssembly core compares the stored input with the ledger as the API
// returns it now, and a marker says whether both agree. Customs (officer, admin) re-count a SKU
// here; the server's new comparison then replaces the old. Network I/O: GET
// /api/v1/stocktakes/{id}, /api/v1/ledgers/{ems_no}; POST /api/v1/stocktakes/{id}/recount.
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {card, errorBanner, facts, loadingNote} from '../components.js';
import {formatTimestamp} from '../format.js';
import {loadCore} from '../core.js';
import {coreStatus, field} from './live.js';
import {parityMarker} from './supervision_parts.js';
import {resultView} from './stocktake_parts.js';

export async function render(ctx) {
  const id = ctx.params[0];
  replace(ctx.el, h('h1', null, t('stk.detail'), ` #${id}`), loadingNote());
  const answer = await get(`/stocktakes/${id}`);
  if (!ctx.isCurrent()) return;
  const st = answer.stocktake || answer;
  const customs = ctx.session.user.role !== 'enterprise';
  const status = coreStatus();
  const parity = h('div', {id: 'stocktake-parity-area'});
  const ledgerHref = `#/ledgers/${encodeURIComponent(st.ems_no)}`;
  replace(ctx.el,
    h('div', {class: 'title-row'},
      h('h1', {id: 'stocktake-title', 'data-id': st.id}, t('stk.detail'), ` #${st.id}`),
      h('a', {href: `#/stocktakes?ems_no=${encodeURIComponent(st.ems_no)}`, class: 'btn'},
        t('stk.open_ledger'))),
    flashBanner(ctx, st.id),
    facts([
      [t('stk.ledger'), h('a', {href: ledgerHref, id: 'stocktake-ems'}, st.ems_no)],
      [t('col.enterprise'), st.enterprise_name],
      [t('stk.date'), h('span', {id: 'stocktake-date-shown'}, st.date)],
      [t('stk.method'), h('span', {'data-method': st.method},
                          enumLabel('stocktake_method', st.method))],
      [t('col.submitted_at'), formatTimestamp(st.created_at)],
      [t('stk.recounted_at'), st.recounted_at ? formatTimestamp(st.recounted_at) : null],
    ]),
    status.node, parity,
    card(t('stk.result'), resultView(st.result)),
    customs ? card(t('stk.recount'), h('p', {class: 'muted small'}, t('stk.recount_hint')),
                   recountForm(ctx, st)) : null);
  await pageCheck(ctx, st, status, parity);
}

// The banner of the action that led here: just recorded, or just re-counted.
function flashBanner(ctx, id) {
  const f = ctx.flash || {};
  if (f.stocktakeRecorded === id) {
    return h('div', {class: 'banner banner-ok', role: 'status', id: 'stocktake-recorded'},
             t('stk.recorded'));
  }
  if (f.stocktakeRecounted === id) {
    return h('div', {class: 'banner banner-ok', role: 'status', id: 'recount-done'},
             t('stk.recount_done'));
  }
  return null;
}

// Recomputes the stored input against the ledger in the page and compares with the stored
// result. A ledger booked into on or before the stocktake's date since would show a mismatch:
// that is the point of looking again.
async function pageCheck(ctx, st, status, parity) {
  let core;
  let doc;
  try {
    [core, doc] = await Promise.all([loadCore(),
                                     get(`/ledgers/${encodeURIComponent(st.ems_no)}`)]);
  } catch (e) {
    if (ctx.isCurrent()) status.failed(e);
    return;
  }
  if (!ctx.isCurrent()) return;
  status.ready(core);
  // The core's ledger shape {ems_no, enterprise_code, entries}, as ledger_detail.js sends it.
  const ledger = doc.ledger && doc.ledger.entries ? doc.ledger : doc;
  const base = {ems_no: ledger.ems_no || st.ems_no, enterprise_code: ledger.enterprise_code,
                entries: ledger.entries || []};
  try {
    const page = core.compareStocktake({ledger: base, stocktake: st.input}).value;
    replace(parity, parityMarker('stocktake-parity', page, st.result, {label: t('stk.parity')}));
  } catch (e) {
    replace(parity, errorBanner(e, {id: 'stocktake-parity-error'}));
  }
}

// Customs' re-count of one counted SKU, with a reason (audited by the server).
function recountForm(ctx, st) {
  const skus = ((st.input || {}).counts || []).map((c) => c.sku);
  const sku = h('select', {id: 'recount-sku'}, skus.map((s) => h('option', {value: s}, s)));
  const qty = h('input', {id: 'recount-qty', class: 'mono', inputmode: 'decimal',
                          autocomplete: 'off'});
  const reason = h('input', {id: 'recount-reason', maxlength: 1000});
  const result = h('div', {id: 'recount-result', 'aria-live': 'polite'});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'recount-submit'},
                   t('stk.recount_go'));
  return h('form', {class: 'form', id: 'recount-form', onsubmit: async (e) => {
    e.preventDefault();
    submit.disabled = true;
    replace(result);
    try {
      await post(`/stocktakes/${st.id}/recount`, {
        recounts: [{sku: sku.value, recounted: qty.value.trim()}], reason: reason.value.trim()});
      if (!ctx.isCurrent()) return;
      // Re-render from the server: the new result, and the page's check of it.
      ctx.navigate(location.hash, {flash: {stocktakeRecounted: st.id}});
    } catch (err) {
      if (ctx.isCurrent()) replace(result, errorBanner(err, {id: 'recount-error'}));
    } finally {
      submit.disabled = false;
    }
  }}, h('div', {class: 'row-grid'}, field('recount-sku', t('ledger.sku'), sku),
        field('recount-qty', t('stk.recounted'), qty)),
  field('recount-reason', t('stk.recount_reason'), reason),
  h('div', {class: 'actions'}, submit), result);
}
