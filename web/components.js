// Reusable pieces of the screens: badges, finding lists, the admission checklist, tables, a pager,
// error banners and the parity banner. DOM only, no I/O.
import {h} from './dom.js';
import {lang, t, enumLabel} from './i18n.js';

// A coloured pill; tone is one of ok | warn | bad | info | muted.
export function badge(tone, text, attrs = {}) {
  return h('span', {class: `badge badge-${tone}`, ...attrs}, text);
}

const SEVERITY_TONE = {error: 'bad', warning: 'warn', info: 'info'};
const OUTCOME_TONE = {eligible: 'ok', ineligible: 'bad', admitted: 'ok', review: 'warn',
                      rejected: 'bad'};
const STATUS_TONE = {submitted: 'info', approved: 'ok', rejected: 'bad', pending: 'info',
                     admitted: 'ok'};
const ITEM_TONE = {pass: 'ok', warn: 'warn', fail: 'bad'};

export function severityBadge(severity) {
  return badge(SEVERITY_TONE[severity] || 'muted', enumLabel('severity', severity));
}

// Verdict outcome of an application (eligible/ineligible) or a goods filing
// (admitted/review/rejected).
export function outcomeBadge(outcome, attrs = {}) {
  return badge(OUTCOME_TONE[outcome] || 'muted', enumLabel('outcome', outcome),
               {'data-outcome': outcome || '', ...attrs});
}

// Application status (submitted/approved/rejected).
export function applicationStatusBadge(status, attrs = {}) {
  return badge(STATUS_TONE[status] || 'muted', enumLabel('app_status', status),
               {'data-status': status || '', ...attrs});
}

// Enterprise status (pending/admitted/rejected), in words.
export function enterpriseStatusBadge(status, attrs = {}) {
  return badge(STATUS_TONE[status] || 'muted', enumLabel('ent_status', status),
               {'data-status': status || '', ...attrs});
}

// The message in the reader's language first, the other one below it, smaller.
function findingText(f) {
  const [first, second] = lang() === 'en' ? [f.message_en, f.message_zh] : [f.message_zh,
                                                                          f.message_en];
  return h('div', {class: 'finding-text'},
           h('span', {class: 'finding-msg'}, first || second || ''),
           second && first ? h('span', {class: 'finding-alt'}, second) : null);
}

// One finding: code, severity badge, field, text. Carries data-finding-code / data-severity.
export function findingItem(f) {
  return h('li', {class: `finding finding-${f.severity}`, 'data-finding-code': f.code,
                  'data-severity': f.severity},
           h('div', {class: 'finding-head'}, severityBadge(f.severity),
             h('code', {class: 'finding-code'}, f.code),
             f.field ? h('span', {class: 'finding-field'}, f.field) : null),
           findingText(f));
}

// A list of findings; `empty` is shown when there are none (omit it to render nothing).
export function findingList(findings, {id, empty} = {}) {
  const list = findings || [];
  if (!list.length) {
    return empty ? h('p', {class: 'findings-empty', id}, empty) : h('div', {id, hidden: true});
  }
  return h('ul', {class: 'findings', id}, list.map(findingItem));
}

// The admission checklist of a verdict: one row per item with its status and findings.
export function checklistView(verdict, {id} = {}) {
  const items = (verdict && verdict.checklist) || [];
  return h('ol', {class: 'checklist', id},
           items.map((item) => h('li', {class: `check check-${item.status}`,
                                       'data-item': item.item, 'data-status': item.status},
             h('div', {class: 'check-head'},
               badge(ITEM_TONE[item.status] || 'muted', enumLabel('item_status', item.status)),
               h('span', {class: 'check-title'},
                 lang() === 'en' ? item.label_en || item.label_zh : item.label_zh ||
                     item.label_en)),
             findingList(item.findings))));
}

// Outcome, decision date and policy version of a verdict, then its checklist (admission) or
// findings (goods).
export function verdictSummary(verdict, {idPrefix = 'verdict'} = {}) {
  if (!verdict) return h('p', {class: 'muted'}, t('verdict.none'));
  return h('div', {class: 'verdict-summary'},
           h('div', {class: 'verdict-meta'},
             outcomeBadge(verdict.outcome, {id: `${idPrefix}-outcome`}),
             verdict.decision_date ?
                 h('span', null, t('verdict.decision_date'), ' ', verdict.decision_date) : null,
             verdict.policy_version ?
                 h('span', null, t('verdict.policy_version'), ' ', verdict.policy_version) :
                 null));
}

// A data table. columns: [{label, cell: (row) => node|string, class?}]. rowAttrs(row) adds
// attributes (e.g. data-id); onOpen(row) makes rows clickable and keyboard-reachable.
export function dataTable(columns, rows, {id, rowAttrs, onOpen, empty} = {}) {
  if (!rows.length) return h('p', {class: 'muted', id}, empty || t('common.no_rows'));
  return h('div', {class: 'table-wrap'}, h('table', {class: 'data', id},
    h('thead', null, h('tr', null, columns.map((c) => h('th', {class: c.class}, c.label)))),
    h('tbody', null, rows.map((row) => h('tr', {
      ...(rowAttrs ? rowAttrs(row) : {}),
      class: onOpen ? 'clickable' : null,
      tabindex: onOpen ? '0' : null,
      onclick: onOpen ? () => onOpen(row) : null,
      onkeydown: onOpen ? (e) => { if (e.key === 'Enter') onOpen(row); } : null,
    }, columns.map((c) => h('td', {class: c.class}, c.cell(row))))))));
}

// "1–20 / 57" with previous/next buttons. onPage(newOffset).
export function pager({total, limit, offset, onPage, id = 'pager'}) {
  const from = total ? offset + 1 : 0;
  const to = Math.min(offset + limit, total);
  return h('div', {class: 'pager', id},
           h('button', {type: 'button', class: 'btn btn-small', disabled: offset <= 0,
                        'data-testid': 'pager-prev',
                        onclick: () => onPage(Math.max(0, offset - limit))}, t('pager.prev')),
           h('span', {class: 'pager-info'}, t('pager.range', {from, to, total})),
           h('button', {type: 'button', class: 'btn btn-small', disabled: to >= total,
                        'data-testid': 'pager-next', onclick: () => onPage(offset + limit)},
             t('pager.next')));
}

// An error banner with the server's message (ApiError) or the thrown message.
export function errorBanner(err, {id} = {}) {
  const code = err && err.code ? err.code : '';
  return h('div', {class: 'banner banner-bad', role: 'alert', id, 'data-error-code': code},
           err && err.status === 404 ? t('error.not_found') : null,
           err && err.status !== 404 ? (err.message || String(err)) : null,
           code ? h('code', {class: 'error-code'}, code) : null);
}

export function loadingNote() {
  return h('p', {class: 'muted loading'}, t('common.loading'));
}

// The result of comparing the page's verdict with the server's for one submission. On a
// mismatch both canonical JSON texts are shown so the difference can be read.
export function parityBanner({match, page, server}) {
  return h('div', {id: 'parity-status', 'data-parity': match ? 'match' : 'mismatch',
                   class: `banner ${match ? 'banner-ok' : 'banner-bad'}`,
                   role: match ? 'status' : 'alert'},
           match ? t('parity.match') : t('parity.mismatch'),
           match ? null : h('details', {class: 'parity-details'},
             h('summary', null, t('parity.show')),
             h('p', null, t('parity.page')), h('pre', null, page || t('parity.no_page')),
             h('p', null, t('parity.server')), h('pre', null, server || '')));
}

// A two-column definition list from [[label, value], ...]; null values are skipped.
export function facts(rows, attrs = {}) {
  return h('dl', {class: 'facts', ...attrs},
           rows.filter((r) => r && r[1] !== null && r[1] !== undefined && r[1] !== '')
               .map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

// A titled card.
export function card(title, ...children) {
  return h('section', {class: 'card'}, title ? h('h2', null, title) : null, ...children);
}
