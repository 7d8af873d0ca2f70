// Pieces shared by the supervision screens (declarations, queues, rules, ledgers): the status
// badge of a declaration, reason chips, a status-history timeline, money/quantity cells and a
// page-versus-server parity marker. DOM only, no I/O.
import {h} from '../dom.js';
import {t, enumLabel, lang} from '../i18n.js';
import {badge} from '../components.js';
import {canonicalJson, formatFen, formatTimestamp} from '../format.js';

// DOMAIN §2.6 list-receipt status names, in the order the filters offer them.
export const DECL_STATUSES = ['declaring', 'accepted', 'manual_review', 'inspection', 'valuation',
                              'released', 'rejected', 'closed'];

const DECL_TONE = {released: 'ok', rejected: 'bad', manual_review: 'warn', inspection: 'warn',
                   valuation: 'warn', declaring: 'info', accepted: 'info', closed: 'muted'};

// Status of a declaration in words, carrying data-status (the name) and data-status-code.
export function declStatusBadge(d, attrs = {}) {
  const name = d.status_name || String(d.status ?? '');
  return badge(DECL_TONE[name] || 'muted', enumLabel('decl_status', name),
               {'data-status': name, 'data-status-code': d.status ?? '',
                title: String(d.status ?? ''), ...attrs});
}

// Reason codes as chips, each titled by its label when the page knows one.
export function reasonChips(reasons, attrs = {}) {
  const list = reasons || [];
  if (!list.length) return h('span', {class: 'muted', ...attrs}, '');
  return h('span', {class: 'chips', ...attrs}, list.map((r) => {
    const label = enumLabel('decl_reason', r);
    return h('span', {class: 'badge badge-muted', 'data-reason': r, title: r},
             label === r ? h('code', null, r) : label);
  }));
}

// Reasons with what they mean: each code as a chip, then the label the page knows or the
// message of the finding with that code (findings: the screening's findings, any order).
export function reasonList(reasons, findings, attrs = {}) {
  const byCode = new Map();
  for (const f of findings || []) if (f && f.code && !byCode.has(f.code)) byCode.set(f.code, f);
  return h('ul', {class: 'plain reason-list', ...attrs}, (reasons || []).map((r) => {
    const label = enumLabel('decl_reason', r);
    const text = label !== r ? label : messageOf(byCode.get(r));
    return h('li', {'data-reason': r}, h('code', {class: 'badge badge-muted'}, r), ' ', text);
  }));
}

// The status history of a declaration, oldest first, with actor, reasons and the officer's
// written reason (detail.reason) when there is one.
export function statusTimeline(events, {id = 'declaration-history'} = {}) {
  return h('ol', {class: 'timeline', id}, (events || []).map((e) => {
    const detail = e.detail && typeof e.detail === 'object' ? e.detail : {};
    const written = detail.reason || detail.details || '';
    return h('li', {'data-status': e.status_name || String(e.status), 'data-event-id': e.id},
      h('span', {class: 'timeline-at'}, formatTimestamp(e.at)),
      h('strong', null, enumLabel('decl_status', e.status_name || String(e.status))),
      h('span', {class: 'muted'}, ' · ', e.actor_name || t('audit.system')),
      ' ', reasonChips(e.reasons),
      written ? h('p', {class: 'timeline-reason', 'data-testid': 'event-reason'}, String(written)) :
          null);
  }));
}

export const fenCell = (fen) => (fen === null || fen === undefined ? '' : formatFen(fen));

// The message of a finding-like object in the reader's language.
export function messageOf(f) {
  if (!f) return '';
  return lang() === 'en' ? f.message_en || f.message_zh || f.message || '' :
                           f.message_zh || f.message_en || f.message || '';
}

// A marker comparing what the page's core computed with the server's result: data-parity
// "match" | "mismatch"; on a mismatch both canonical JSON texts can be opened.
export function parityMarker(id, pageValue, serverValue, {label} = {}) {
  const a = canonicalJson(pageValue);
  const b = canonicalJson(serverValue);
  const match = a === b;
  return h('div', {id, 'data-parity': match ? 'match' : 'mismatch',
                   class: `banner ${match ? 'banner-ok' : 'banner-bad'}`,
                   role: match ? 'status' : 'alert'},
           label ? h('strong', null, label, ' ') : null,
           match ? t('parity.match') : t('parity.mismatch'),
           match ? null : h('details', {class: 'parity-details'},
             h('summary', null, t('parity.show')),
             h('p', null, t('parity.page')), h('pre', null, a),
             h('p', null, t('parity.server')), h('pre', null, b)));
}

// "#12 ORD-0001" link to a declaration.
export function declarationLink(id, text) {
  return h('a', {href: `#/declarations/${id}`, 'data-declaration-id': id}, text || `#${id}`);
}
