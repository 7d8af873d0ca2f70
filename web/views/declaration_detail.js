// One declaration list: its parties and figures, status history with reasons, the screening's
// findings, the electronic tax bill, the routing decision (when the server offers it) and the
// page's own tax and quota computed by the WebAssembly core from the same records, compared
// with the server's to the fen. Reads GET /api/v1/declarations/{id} (and .../routing).
import {get, hasRoute} from '../api.js';
import {h, replace} from '../dom.js';
import {lang, t, enumLabel} from '../i18n.js';
import {card, dataTable, facts, findingList, loadingNote} from '../components.js';
import {loadCore} from '../core.js';
import {formatFen, formatTimestamp} from '../format.js';
import {quotaRequest, taxRequest} from '../ceb.js';
import {coreStatus} from './live.js';
import {learnedPanel} from './declaration_learned.js';
import {declStatusBadge, fenCell, parityMarker, reasonList, statusTimeline} from
    './supervision_parts.js';

// Every finding of a screening (reconciliation, quota, tax), to explain reason codes.
const screeningFindings = (s) => (s ? ['reconciliation', 'quota', 'tax']
    .flatMap((k) => (s[k] && Array.isArray(s[k].findings) ? s[k].findings : [])) : []);

// Without the routing record, the queue a status implies (valuation also holds at 300).
const QUEUE_OF = {manual_review: 'manual_review', inspection: 'inspection'};

export async function render(ctx) {
  const id = ctx.params[0];
  replace(ctx.el, loadingNote());
  const officer = ctx.session.user.role !== 'enterprise';
  const d = await get(`/declarations/${id}`);
  // The routing record is customs-only; a list rejected by the checks was never routed (404).
  const routed = officer && !['declaring', 'closed'].includes(d.status_name) &&
                 (d.history || []).some((e) => e.status_name !== 'declaring');
  const routing = routed ? await hasRoute('GET', '/api/v1/declarations/{id}/routing')
      .then((yes) => (yes ? get(`/declarations/${id}/routing`) : null))
      .catch(() => null) : null;
  if (!ctx.isCurrent()) return;
  const history = d.history || [];
  const last = history.length ? history[history.length - 1] : null;
  const routedQueue = routing && routing.queue ? routing.queue.queue : null;
  const queue = QUEUE_OF[d.status_name] ? routedQueue || QUEUE_OF[d.status_name] : null;
  const pageCheck = h('div', {id: 'page-check'});
  const replayBox = h('div', {id: 'routing-replay'});
  const status = coreStatus();

  replace(ctx.el,
    h('div', {class: 'title-row'},
      h('h1', null, t('decl.title'), ' ', h('code', null, d.invt_no || d.order_no || ''), ' ',
        h('span', {class: 'muted'}, `#${d.id}`)),
      declStatusBadge(d, {id: 'declaration-status'})),
    last && (last.reasons || []).length ? h('div', {class: 'card'},
      h('h2', null, t('decl.reasons')),
      reasonList(last.reasons, screeningFindings(d.screening), {id: 'declaration-reasons'})) :
        null,
    officer && queue ? h('p', null, h('a', {class: 'btn btn-primary', id: 'open-queue',
                                           href: `#/queues/${queue}?focus=${d.id}`},
                                        t(`nav.queue_${queue}`))) : null,
    h('div', {class: 'grid-2'},
      h('div', null,
        card(t('decl.facts'), facts([
          [t('decl.invt_no'), d.invt_no ? h('code', null, d.invt_no) : null],
          [t('decl.order_no'), h('code', null, d.order_no || '')],
          [t('decl.ebp'), h('code', null, d.ebp_code || '')],
          [t('decl.ebc'), h('code', null, d.ebc_code || '')],
          [t('decl.agent'), h('code', null, d.agent_code || '')],
          [t('decl.logistics'), `${d.logistics_code || ''} ${d.logistics_no || ''}`],
          [t('decl.buyer'), `${d.buyer_name || ''} ${d.buyer_id_number || ''}`],
          [t('goods.trade_mode'), enumLabel('trade_mode', d.trade_mode)],
          [t('decl.decl_date'), d.decl_date],
          [t('decl.released_on'), d.released_on],
        ])),
        card(t('decl.history'), statusTimeline(history)),
        taxBillCard(d.tax_bill),
        routing ? routingCard(routing, replayBox) : null),
      h('div', null,
        card(t('decl.page_check'), status.node,
             h('p', {class: 'muted small'}, t('decl.page_check_hint')), pageCheck),
        screeningCard(d.screening),
        officer ? learnedPanel(ctx, d.id) : null)));

  try {
    const core = await loadCore();
    if (!ctx.isCurrent()) return;
    status.ready(core);
    replace(pageCheck, pageCheckView(core, d));
    if (routing) replace(replayBox, replayView(core, routing));
  } catch (e) {
    status.failed(e);
  }
}

// The lines of the list and the screening results, each finding list under its own id.
function screeningCard(s) {
  if (!s) return card(t('decl.screening'), h('p', {class: 'muted'}, t('decl.no_screening')));
  const part = (key, value) => h('div', {'data-part': key},
    h('h3', null, t(`decl.part_${key}`)),
    value ? findingList(value.findings, {id: `screening-${key}`, empty: t('goods.no_findings')}) :
        h('p', {class: 'muted'}, t('common.none')));
  return card(t('decl.screening'),
    facts([[t('decl.screened_at'), formatTimestamp(s.at)],
           [t('verdict.decision_date'), s.decision_date]]),
    part('reconciliation', s.reconciliation), part('quota', s.quota), part('tax', s.tax));
}

function taxBillCard(bill) {
  if (!bill) return card(t('decl.tax_bill'), h('p', {class: 'muted', id: 'tax-bill'},
                                                t('decl.no_tax_bill')));
  return card(t('decl.tax_bill'), h('div', {id: 'tax-bill', 'data-total-fen': bill.total_fen},
    facts([
      [t('decl.tax_no'), h('code', null, bill.tax_no || '')],
      [t('tax.customs'), formatFen(bill.customs_tax_fen)],
      [t('tax.vat'), formatFen(bill.value_added_tax_fen)],
      [t('tax.ct'), formatFen(bill.consumption_tax_fen)],
      [t('tax.total'), h('strong', null, formatFen(bill.total_fen))],
    ]),
    dataTable([
      {label: t('tax.gnum'), cell: (l) => String(l.gnum), class: 'num'},
      {label: t('goods.code10'), cell: (l) => h('code', null, l.gcode || '')},
      {label: t('tax.dutiable'), cell: (l) => fenCell(l.tax_price_fen), class: 'num'},
      {label: t('tax.customs'), cell: (l) => fenCell(l.customs_tax_fen), class: 'num'},
      {label: t('tax.vat'), cell: (l) => fenCell(l.value_added_tax_fen), class: 'num'},
      {label: t('tax.ct'), cell: (l) => fenCell(l.consumption_tax_fen), class: 'num'},
    ], bill.lines || [], {id: 'tax-bill-lines'})));
}

// The stored routing ({routing, decision, context, arrival_hits, rules, replay, queue,
// assignment, outcomes, supplementary_tax_bills}): lane and action, what decided it, the measures and the draw with
// its seed, the server's own replay, and the page's replay of the same seed with its core.
function routingCard(r, replayNode) {
  const meta = r.routing || {};
  const decision = r.decision || {};
  const draw = decision.draw || {};
  const measures = decision.measures || {};
  const matched = decision.matched_rules || [];
  const assignment = r.assignment || null;
  return card(t('decl.routing'), h('div', {id: 'routing', 'data-action': meta.action || '',
                                         'data-source': decision.source || ''},
    facts([
      [t('rules.action'), meta.action ? enumLabel('action', meta.action) : null],
      [t('decl.lane'), decision.lane ? h('span', {class: `lane lane-${decision.lane}`},
                                         enumLabel('lane', decision.lane)) : null],
      [t('decl.decided_by'), decision.source ? h('span', null,
          enumLabel('route_source', decision.source),
          decision.decided_by ? h('code', null, ' ', decision.decided_by) : null) : null],
      [t('decl.rule'), matched.length ? h('ul', {class: 'plain', id: 'routing-matched'},
          matched.map((m) => h('li', {'data-rule-id': m.id}, h('a', {href: `#/rules/${m.id}`},
                                                                h('code', null, m.id)), ' ',
                               enumLabel('action', m.action), ' · ', ruleReason(m)))) : null],
      [t('decl.measures'), measures.grade ? `${measures.grade_name_zh || measures.grade} · ` +
          `${t('decl.rates', {review: measures.manual_review_bp ?? 0,
                              inspect: measures.inspection_bp ?? 0,
                              addon: measures.risk_addon_bp ?? 0})}` : null],
      [t('decl.seed'), meta.seed ? h('code', {id: 'routing-seed'}, meta.seed) : null],
      [t('decl.draw'), draw.value !== undefined ? t('decl.draw_value', {
        value: draw.value, inspect: draw.inspect_below, review: draw.manual_review_below}) : null],
      [t('decl.versions'), `${meta.rules_version ?? ''} / ${meta.policy_version ?? ''}`],
      [t('decl.arrival_hits'), arrivalHits(r)],
      [t('decl.replay'), r.replay ? h('span', {id: 'server-replay',
                                              'data-matches': String(r.replay.matches)},
          r.replay.matches ? t('parity.match') : t('parity.mismatch')) : null],
      [t('queue.inspectors'), assignment && assignment.chosen ?
          (assignment.chosen_users || assignment.chosen).map((u) => (typeof u === 'object' ?
              u.display_name || u.username : `#${u}`)).join('、') : null],
    ]),
    replayNode,
    (r.outcomes || []).length ? h('div', null, h('h3', null, t('decl.outcomes')),
      h('ul', {class: 'plain', id: 'routing-outcomes'}, r.outcomes.map((o) => h('li',
        {'data-kind': o.kind || '', 'data-outcome': o.outcome || ''},
        [o.decided_on || o.at, o.kind, o.outcome, o.reason].filter(Boolean).join(' · '))))) :
        null,
    h('details', null, h('summary', null, t('decl.routing_record')),
      h('pre', {class: 'small'}, JSON.stringify(r, null, 2)))));
}

// The consumer risk models' hits on the list as it arrived (what risk.arrival_* read), each
// with its explanation; "none" once the server records them.
function arrivalHits(r) {
  if (!Array.isArray(r.arrival_hits)) return null;
  if (!r.arrival_hits.length) {
    return h('span', {class: 'muted', id: 'routing-arrival-hits', 'data-count': '0'},
             t('common.none'));
  }
  return h('ul', {class: 'plain', id: 'routing-arrival-hits',
                  'data-count': String(r.arrival_hits.length)},
    r.arrival_hits.map((x) => h('li', {'data-model': x.model, 'data-subject': x.subject},
      h('code', null, x.model), ` · ${x.score} · `,
      lang() === 'en' ? x.explanation_en || x.explanation_zh : x.explanation_zh)));
}

const ruleReason = (m) => (lang() === 'en' ? m.reason_en || m.reason_zh :
                                             m.reason_zh || m.reason_en) || m.name || '';

// The page's replay of the stored draw: the same date, seed, rule set and context through the
// WebAssembly core, compared with the server's stored decision.
function replayView(core, r) {
  const meta = r.routing || {};
  if (!r.decision || !meta.seed) return h('p', {class: 'muted', id: 'routing-parity-none'},
                                          t('decl.no_replay'));
  try {
    // Adaptive rules' records the server routed with (null when no rule was adaptive).
    const history = r.rule_history ? {rule_history: r.rule_history} : {};
    const page = core.route({date: meta.decision_date, seed: meta.seed, rules: r.rules || [],
                             context: r.context || {}, ...history}).value;
    return parityMarker('routing-parity', page, r.decision, {label: t('decl.page_replay')});
  } catch (e) {
    return h('p', {class: 'banner banner-bad', id: 'routing-parity', 'data-parity': 'mismatch'},
             e.message || String(e));
  }
}

// The page's quota and tax for the list, next to the server's, with a parity marker each.
function pageCheckView(core, d) {
  const set = d.set || {};
  const s = d.screening;
  if (!set.order || !set.inventory || !s || !s.quota) {
    return h('p', {class: 'muted', id: 'page-check-none'}, t('decl.page_check_none'));
  }
  const order = set.order.record;
  const list = set.inventory.record;
  // The buyer's year-to-date figure comes from the server's store; the page takes it from the
  // server's own quota answer (the page cannot read other buyers' lists).
  const quota = core.checkQuota(quotaRequest(order, list, {
    cappedCode8: core.cappedCode8, yearToDateFen: s.quota.year_to_date_fen})).value;
  const tax = quota.tax_path ? core.computeTax(taxRequest(order, list, quota.tax_path)).value :
      null;
  const serverTax = s.tax || null;
  const bill = d.tax_bill;
  const row = (label, key, billKey) => ({label, key, billKey});
  const rows = [
    row(t('tax.dutiable'), 'dutiable_value_fen', null),
    row(t('tax.customs'), 'duty_fen', 'customs_tax_fen'),
    row(t('tax.ct'), 'ct_fen', 'consumption_tax_fen'),
    row(t('tax.vat'), 'vat_fen', 'value_added_tax_fen'),
    row(t('tax.total'), 'total_fen', 'total_fen'),
  ];
  return h('div', null,
    h('h3', null, t('decl.quota')),
    parityMarker('quota-parity', quota, s.quota, {label: t('decl.quota')}),
    facts([
      [t('decl.quota_path'), h('span', {id: 'page-quota-path', 'data-path': quota.path},
                               enumLabel('quota_path', quota.path))],
      [t('decl.quota_value'), formatFen(quota.value_fen)],
      [t('decl.quota_ytd'), formatFen(quota.year_to_date_fen)],
      [t('decl.quota_remaining'), formatFen(quota.remaining_annual_fen)],
    ]),
    findingList(quota.findings, {id: 'page-quota-findings'}),
    h('h3', null, t('decl.tax_preview')),
    tax ? parityMarker('tax-parity', tax, serverTax, {label: t('decl.tax_preview')}) :
        h('p', {class: 'muted', id: 'tax-parity', 'data-parity': serverTax ? 'mismatch' : 'match'},
          t('decl.no_tax_path')),
    tax ? dataTable([
      {label: '', cell: (r) => r.label},
      {label: t('decl.page'), cell: (r) => fenCell(tax.order[r.key]), class: 'num'},
      {label: t('decl.server'), cell: (r) => fenCell(serverTax && serverTax.order ?
                                                     serverTax.order[r.key] : null), class: 'num'},
      {label: t('decl.tax_bill'), cell: (r) => fenCell(bill && r.billKey ? bill[r.billKey] : null),
       class: 'num'},
    ], rows, {id: 'tax-compare', rowAttrs: (r) => ({
      'data-key': r.key, 'data-page-fen': tax.order[r.key],
      'data-same': String(!serverTax || !serverTax.order ||
                          serverTax.order[r.key] === tax.order[r.key])})}) : null,
    tax && tax.declared_tax_fen !== null ? h('p', {id: 'tax-declared'},
      t('decl.declared_tax'), ' ', formatFen(tax.declared_tax_fen), ' · ',
      t('decl.difference'), ' ', formatFen(tax.difference_fen)) : null);
}
