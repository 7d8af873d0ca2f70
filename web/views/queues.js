// Officer work queues: manual review, inspection and valuation (验估). The list of the queue, and
// for the chosen declaration the form of that queue: a review decision with its reason, an
// inspection outcome with the assigned inspectors, or new dutiable values per line with the tax
// recomputed in the page by the WebAssembly core and the server's supplementary bill after
// submitting. Reads GET /api/v1/queues/{name}, /declarations/{id}; writes
// POST /declarations/{id}/review | inspection | valuation.
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {card, dataTable, errorBanner, facts, findingList, loadingNote} from '../components.js';
import {loadCore} from '../core.js';
import {formatFen, parseCnyToFen} from '../format.js';
import {cebAmountToFen, quotaRequest, taxRequest} from '../ceb.js';
import {coreStatus} from './live.js';
import {declarationLink, declStatusBadge, fenCell, parityMarker, reasonChips, statusTimeline} from
    './supervision_parts.js';

const QUEUES = ['manual_review', 'inspection', 'valuation'];
const REVIEW_DECISIONS = ['release', 'reject', 'inspect', 'valuation'];

export async function render(ctx) {
  const name = ctx.params[0];
  const focus = ctx.query.focus || '';
  replace(ctx.el, h('h1', null, t(`nav.queue_${name}`)), loadingNote());
  const page = await get(`/queues/${name}`, {limit: 200});
  if (!ctx.isCurrent()) return;
  // Queue items: {declaration (summary), queue, entered_at, reasons, detail, value_fen, tax_fen,
  // inspectors, assignment}.
  const items = (page.items || []).map((it) => ({...(it.declaration || {}), queue: it.queue,
                                                  entered_at: it.entered_at, reasons: it.reasons,
                                                  value_fen: it.value_fen, tax_fen: it.tax_fen,
                                                  inspectors: it.inspectors || []}));
  const panel = h('div', {id: 'queue-panel'});
  replace(ctx.el,
    h('div', {class: 'title-row'}, h('h1', null, t(`nav.queue_${name}`)),
      h('span', {class: 'badge badge-info', id: 'queue-total'},
        String(page.total ?? items.length))),
    h('nav', {class: 'tabs', id: 'queue-tabs'}, QUEUES.map((q) => h('a', {
      href: `#/queues/${q}`, id: `queue-tab-${q}`, class: q === name ? 'btn btn-small active' :
                                                                       'btn btn-small btn-ghost',
    }, t(`nav.queue_${q}`)))),
    h('div', {class: 'grid-2'},
      card(t('queue.items'), dataTable([
        {label: t('col.id'), cell: (d) => String(d.id), class: 'num'},
        {label: t('decl.order_no'), cell: (d) => h('code', null, d.order_no || '')},
        {label: t('decl.ebc'), cell: (d) => h('code', null, d.ebc_code || '')},
        {label: t('decl.buyer'), cell: (d) => d.buyer_name || ''},
        {label: t('col.status'), cell: (d) => declStatusBadge(d)},
        {label: t('decl.reasons'), cell: (d) => reasonChips(d.reasons)},
        {label: t('queue.value'), cell: (d) => fenCell(d.value_fen), class: 'num'},
        name === 'inspection' ? {label: t('queue.inspectors'),
                                 cell: (d) => inspectorsText(d.inspectors)} : null,
      ].filter(Boolean), items, {
        id: 'queue-table', empty: t('queue.empty'),
        rowAttrs: (d) => ({'data-id': d.id, 'data-order-no': d.order_no || '',
                           'data-selected': String(d.id) === focus ? 'true' : null}),
        onOpen: (d) => ctx.setQuery({focus: d.id}),
      })),
      panel));
  if (focus) await renderPanel(ctx, name, focus, panel, items.find((d) => String(d.id) === focus));
}

function inspectorsText(list) {
  const names = (list || []).map((x) => (typeof x === 'object' ? x.display_name || x.username ||
                                                                 x.name || `#${x.id}` : String(x)));
  return names.length ? h('span', {class: 'inspectors'}, names.join('、')) :
      h('span', {class: 'muted'}, t('common.none'));
}

async function renderPanel(ctx, name, id, panel, item) {
  replace(panel, loadingNote());
  const d = await get(`/declarations/${id}`);
  if (!ctx.isCurrent()) return;
  const head = [
    h('div', {class: 'title-row'}, h('h2', null, declarationLink(d.id, `#${d.id} ${d.order_no}`)),
      declStatusBadge(d, {id: 'panel-status'})),
    facts([[t('decl.buyer'), d.buyer_name], [t('decl.ebc'), d.ebc_code],
           [t('goods.trade_mode'), enumLabel('trade_mode', d.trade_mode)]]),
    statusTimeline(d.history, {id: 'panel-history'}),
  ];
  const form = name === 'manual_review' ? reviewForm(ctx, d) :
      name === 'inspection' ? inspectionForm(ctx, d, item) : await valuationForm(ctx, d);
  if (!ctx.isCurrent()) return;
  replace(panel, h('section', {class: 'card', id: 'decision-panel', 'data-id': d.id}, head, form));
}

// A reason textarea and an error area; the reason is required by every queue.
function reasonField(id) {
  const input = h('textarea', {id, rows: 3, maxlength: 1000, placeholder: t('queue.reason_hint')});
  return {input, node: h('div', {class: 'field'}, h('label', {for: id}, t('decision.reason')),
                         input)};
}

function requireReason(reason, error) {
  if (reason.input.value.trim()) return true;
  replace(error, h('div', {class: 'banner banner-bad', role: 'alert'},
                   t('decision.reason_required')));
  reason.input.focus();
  return false;
}

function reviewForm(ctx, d) {
  const reason = reasonField('review-reason');
  const error = h('div', {id: 'review-error'});
  const buttons = REVIEW_DECISIONS.map((decision) => h('button', {
    type: 'button', id: `review-${decision}`,
    class: decision === 'release' ? 'btn btn-primary' : decision === 'reject' ? 'btn btn-danger' :
                                                                               'btn',
    onclick: async () => {
      replace(error);
      if (!requireReason(reason, error)) return;
      for (const b of buttons) b.disabled = true;
      try {
        await post(`/declarations/${d.id}/review`, {decision, reason: reason.input.value.trim()});
        ctx.navigate(`#/declarations/${d.id}`);
      } catch (e) {
        replace(error, errorBanner(e));
        for (const b of buttons) b.disabled = false;
      }
    }}, enumLabel('review_decision', decision)));
  return h('div', null, h('h3', null, t('queue.review_title')), reason.node, error,
           h('div', {class: 'actions'}, buttons));
}

function inspectionForm(ctx, d, item) {
  const outcome = h('select', {id: 'inspection-outcome'},
    ['match', 'mismatch'].map((o) => h('option', {value: o}, enumLabel('inspection_outcome', o))));
  const details = h('textarea', {id: 'inspection-details', rows: 3, maxlength: 2000,
                                 placeholder: t('queue.details_hint')});
  // A mismatch either rejects the list or sends it to valuation; a match releases it.
  const action = h('select', {id: 'inspection-action'}, ['valuation', 'reject'].map((a) =>
    h('option', {value: a}, enumLabel('action', a))));
  const actionField = h('div', {class: 'field', hidden: true},
                        h('label', {for: 'inspection-action'}, t('queue.mismatch_action')), action);
  outcome.addEventListener('change', () => { actionField.hidden = outcome.value !== 'mismatch'; });
  const reason = reasonField('inspection-reason');
  const error = h('div', {id: 'inspection-error'});
  const submit = h('button', {type: 'button', class: 'btn btn-primary', id: 'inspection-submit',
    onclick: async () => {
      replace(error);
      if (outcome.value === 'mismatch' && !details.value.trim()) {
        replace(error, h('div', {class: 'banner banner-bad', role: 'alert'},
                         t('queue.details_required')));
        details.focus();
        return;
      }
      if (!requireReason(reason, error)) return;
      submit.disabled = true;
      try {
        const body = {outcome: outcome.value, details: details.value.trim(),
                      reason: reason.input.value.trim()};
        if (outcome.value === 'mismatch') body.action = action.value;
        await post(`/declarations/${d.id}/inspection`, body);
        ctx.navigate(`#/declarations/${d.id}`);
      } catch (e) {
        replace(error, errorBanner(e));
        submit.disabled = false;
      }
    }}, t('queue.record_outcome'));
  const inspectors = (item && item.inspectors) || d.inspectors ||
                     (d.inspection && d.inspection.inspectors) || [];
  return h('div', null, h('h3', null, t('queue.inspection_title')),
    facts([[t('queue.inspectors'), h('span', {id: 'assigned-inspectors'},
                                     inspectorsText(inspectors))]]),
    h('div', {class: 'field'}, h('label', {for: 'inspection-outcome'}, t('queue.outcome')),
      outcome),
    actionField,
    h('div', {class: 'field'}, h('label', {for: 'inspection-details'}, t('queue.details')),
      details),
    reason.node, error, h('div', {class: 'actions'}, submit));
}

// New dutiable values per line; the page checks the CBEC limits again on their total (as the
// server does: past the single limit the full tax, beyond the year a rejection), recomputes the
// tax on the path that gives and shows the difference from the tax screened; the server's
// supplementary bill (or rejection) after submitting.
async function valuationForm(ctx, d) {
  const set = d.set || {};
  const s = d.screening || {};
  const list = set.inventory ? set.inventory.record : null;
  const order = set.order ? set.order.record : null;
  if (!list || !order || !s.tax) {
    return h('p', {class: 'muted', id: 'valuation-none'}, t('queue.valuation_none'));
  }
  const status = coreStatus();
  // The server recomputes with the order's declared tax, freight, insurance and discount set to
  // 0 (they are inside each adjusted dutiable value).
  const path = (s.quota && s.quota.tax_path) || s.tax.path;
  const base = taxRequest(order, list, path);
  // The quota again at the adjusted total; the buyer's year so far as the screening saw it.
  const revaluedQuota = (total) => {
    const req = quotaRequest(order, list, {cappedCode8: core.cappedCode8,
                                           yearToDateFen: (s.quota && s.quota.year_to_date_fen) || 0});
    Object.assign(req.order, {goods_value_fen: total, freight_fen: 0, insurance_fen: 0,
                              discount_fen: 0});
    return core.checkQuota(req).value;
  };
  const serverLines = s.tax.lines || [];
  const inputs = base.order.lines.map((line, i) => h('input', {
    id: `valuation-line-${i + 1}`, class: 'mono', inputmode: 'decimal', autocomplete: 'off',
    value: formatPlain(serverLines[i] ? serverLines[i].dutiable_value_fen :
                                        line.goods_value_fen)}));
  const preview = h('div', {id: 'valuation-preview', 'aria-live': 'polite'});
  const error = h('div', {id: 'valuation-error'});
  const result = h('div', {id: 'valuation-result'});
  const reason = reasonField('valuation-reason');
  let core = null;
  let pageTax = null;

  // Adjusted values -> {gnum, dutiable_value_fen} lines, or null when one is not an amount.
  const adjusted = () => {
    const out = [];
    for (const [i, input] of inputs.entries()) {
      const fen = parseCnyToFen(input.value);
      if (fen === null || fen < 0) return null;
      out.push({gnum: listLines(list)[i].gnum ?? i + 1, dutiable_value_fen: fen});
    }
    return out;
  };
  const update = () => {
    const lines = adjusted();
    if (!core) return;
    if (!lines) {
      pageTax = null;
      replace(preview, h('p', {class: 'banner banner-bad', role: 'alert'}, t('goods.price_bad')));
      return;
    }
    const quota = revaluedQuota(lines.reduce((sum, l) => sum + l.dutiable_value_fen, 0));
    if (!quota.tax_path || (quota.path !== 'cbec' && quota.path !== 'cbec_full_tax')) {
      pageTax = null;
      replace(preview, h('div', {id: 'valuation-beyond', class: 'banner banner-bad', role: 'alert'},
        h('p', null, t('queue.valuation_beyond')),
        findingList(quota.findings, {id: 'valuation-quota-findings'})));
      return;
    }
    // The dutiable value already holds the freight, insurance and discount shares.
    const req = {order: {...base.order, path: quota.tax_path, freight_fen: 0, insurance_fen: 0,
                         discount_fen: 0,
                         lines: base.order.lines.map((l, i) => ({
                           ...l, goods_value_fen: lines[i].dutiable_value_fen}))}};
    pageTax = core.computeTax(req).value;
    const before = s.tax.order.total_fen;
    const after = pageTax.order.total_fen;
    replace(preview, dataTable([
      {label: '', cell: (r) => r.label},
      {label: t('queue.before'), cell: (r) => fenCell(s.tax.order[r.key]), class: 'num'},
      {label: t('queue.after'), cell: (r) => fenCell(pageTax.order[r.key]), class: 'num'},
    ], [{label: t('tax.dutiable'), key: 'dutiable_value_fen'},
        {label: t('tax.customs'), key: 'duty_fen'}, {label: t('tax.ct'), key: 'ct_fen'},
        {label: t('tax.vat'), key: 'vat_fen'}, {label: t('tax.total'), key: 'total_fen'}],
    {id: 'valuation-compare'}),
    h('p', {id: 'valuation-difference', 'data-difference-fen': after - before},
      t('queue.difference'), ' ', h('strong', null, formatFen(after - before))));
  };
  for (const input of inputs) input.addEventListener('input', update);

  const submit = h('button', {type: 'button', class: 'btn btn-primary', id: 'valuation-submit',
    onclick: async () => {
      replace(error);
      const lines = adjusted();
      if (!lines) {
        replace(error, h('div', {class: 'banner banner-bad', role: 'alert'}, t('goods.price_bad')));
        return;
      }
      if (!requireReason(reason, error)) return;
      submit.disabled = true;
      try {
        const answer = await post(`/declarations/${d.id}/valuation`,
                                  {lines, reason: reason.input.value.trim()});
        replace(result, valuationResult(answer, pageTax, s.tax.order));
        const badgeNode = document.getElementById('panel-status');
        if (badgeNode && answer && answer.declaration) {
          badgeNode.replaceWith(declStatusBadge(answer.declaration, {id: 'panel-status'}));
        }
      } catch (e) {
        replace(error, errorBanner(e));
        submit.disabled = false;
      }
    }}, t('queue.submit_valuation'));

  const view = h('div', null, h('h3', null, t('queue.valuation_title')), status.node,
    dataTable([
      {label: t('tax.gnum'), cell: (r) => String(r.line.gnum ?? r.i + 1), class: 'num'},
      {label: t('goods.code10'), cell: (r) => h('code', null, r.line.gcode || '')},
      {label: t('queue.declared_value'), cell: (r) => formatFen(cebAmountToFen(r.line.totalPrice)),
       class: 'num'},
      {label: t('queue.screened_dutiable'), cell: (r) => fenCell(serverLines[r.i] ?
          serverLines[r.i].dutiable_value_fen : null), class: 'num'},
      {label: t('queue.new_dutiable'), cell: (r) => inputs[r.i]},
    ], listLines(list).map((line, i) => ({line, i})), {id: 'valuation-lines'}),
    preview, reason.node, error, h('div', {class: 'actions'}, submit), result);
  loadCore().then((c) => {
    core = c;
    status.ready(c);
    update();
  }).catch((e) => status.failed(e));
  return view;
}

const listLines = (list) => (Array.isArray(list.InventoryList) ? list.InventoryList : []);

// "399.00" for an input's initial value.
const formatPlain = (fen) => (fen === null || fen === undefined ? '' :
    `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`);

// The server's answer to a valuation ({declaration, outcome: {lines, supplementary_tax_bill}}):
// its supplementary bill, compared with what the page computed: the new tax less the billed
// one (the screened tax the list's bill was issued from).
function valuationResult(answer, pageTax, billed) {
  const outcome = (answer && answer.outcome) || {};
  const bill = outcome.supplementary_tax_bill || null;
  const declaration = (answer && answer.declaration) || {};
  const pick = (o, a, b) => (o ? o[a] ?? o[b] ?? 0 : 0);
  const page = pageTax ? {
    customs_tax_fen: pageTax.order.duty_fen - pick(billed, 'customs_tax_fen', 'duty_fen'),
    value_added_tax_fen: pageTax.order.vat_fen - pick(billed, 'value_added_tax_fen', 'vat_fen'),
    consumption_tax_fen: pageTax.order.ct_fen - pick(billed, 'consumption_tax_fen', 'ct_fen'),
    total_fen: pageTax.order.total_fen - pick(billed, 'total_fen', 'total_fen'),
  } : null;
  const server = bill ? {customs_tax_fen: bill.customs_tax_fen,
                         value_added_tax_fen: bill.value_added_tax_fen,
                         consumption_tax_fen: bill.consumption_tax_fen,
                         total_fen: bill.total_fen} : null;
  const rejected = declaration.status === 100;
  return h('div', {class: `banner ${rejected ? 'banner-bad' : 'banner-ok'}`, role: 'status',
                   id: 'valuation-done', 'data-status': declaration.status_name || ''},
    h('p', null, t(rejected ? 'queue.valuation_rejected' : 'queue.valuation_recorded'), ' ',
      declaration.id ? declarationLink(declaration.id) : null),
    bill ? facts([
      [t('decl.tax_no'), bill.tax_no ? h('code', null, bill.tax_no) : null],
      [t('tax.customs'), fenCell(bill.customs_tax_fen)],
      [t('tax.vat'), fenCell(bill.value_added_tax_fen)],
      [t('tax.ct'), fenCell(bill.consumption_tax_fen)],
      [t('queue.supplementary_total'), h('strong', {id: 'supplementary-total',
                                                    'data-total-fen': bill.total_fen ?? ''},
                                         fenCell(bill.total_fen))],
    ]) : null,
    page && server ? parityMarker('valuation-parity', page, server,
                                  {label: t('queue.recomputed')}) : null);
}
