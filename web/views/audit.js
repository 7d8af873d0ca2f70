// Audit log (newest first, paged) and the hash-chain check. Reads GET /api/v1/audit and
// /api/v1/audit/verify.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {card, dataTable, errorBanner, loadingNote, pager} from '../components.js';
import {formatTimestamp} from '../format.js';
import {PAGE_SIZE} from './applications.js';

const text = (v) => (v === null || v === undefined ? '' :
                     typeof v === 'object' ? JSON.stringify(v) : String(v));

// An entry's detail object as "key: value" lines; long hashes shortened (the full text is in the
// tooltip).
function detail(d) {
  if (!d || typeof d !== 'object' || Array.isArray(d)) {
    return h('span', {class: 'detail-text'}, text(d));
  }
  return h('ul', {class: 'plain detail-text', title: JSON.stringify(d)},
    Object.entries(d).map(([k, v]) => {
      const value = text(v);
      return h('li', null, h('span', {class: 'muted'}, k, ': '),
               /^[0-9a-f]{64}$/.test(value) ? h('code', null, value.slice(0, 12) + '…') : value);
    }));
}

export async function render(ctx) {
  const offset = Math.max(0, Number.parseInt(ctx.query.offset || '0', 10) || 0);
  replace(ctx.el, h('h1', null, t('nav.audit')), loadingNote());
  const page = await get('/audit', {limit: PAGE_SIZE, offset});
  if (!ctx.isCurrent()) return;
  const result = h('div', {id: 'audit-verify-result', 'aria-live': 'polite'});
  const button = h('button', {type: 'button', class: 'btn btn-primary', id: 'audit-verify',
                              onclick: verify}, t('audit.verify'));
  async function verify() {
    button.disabled = true;
    replace(result, t('common.loading'));
    try {
      const r = await get('/audit/verify');
      result.dataset.ok = r.ok ? 'true' : 'false';
      replace(result, h('div', {class: `banner ${r.ok ? 'banner-ok' : 'banner-bad'}`},
        r.ok ? t('audit.chain_ok', {n: r.entries ?? 0}) :
            t('audit.chain_broken', {id: r.broken_at ?? '?'}),
        r.ok ? null : h('code', {class: 'error-code'}, text(r.reason || r.message || ''))));
    } catch (e) {
      result.dataset.ok = '';
      replace(result, errorBanner(e));
    }
    button.disabled = false;
  }
  replace(ctx.el, h('h1', null, t('nav.audit')),
    card(t('audit.chain'), h('p', {class: 'muted small'}, t('audit.chain_hint')),
         h('div', {class: 'actions'}, button), result),
    card(t('audit.entries'), dataTable([
      {label: t('col.id'), cell: (e) => String(e.id), class: 'num'},
      {label: t('audit.at'), cell: (e) => formatTimestamp(e.at || e.created_at || e.time)},
      {label: t('audit.actor'), cell: (e) => text(e.actor_name || e.actor || e.actor_id ||
                                                  t('audit.system'))},
      {label: t('audit.action'), cell: (e) => h('code', null, text(e.action))},
      {label: t('audit.object'), cell: (e) => text(e.object || e.target ||
                                                   [e.object_type, e.object_id].filter(Boolean)
                                                       .join(' '))},
      {label: t('audit.detail'), cell: (e) => detail(e.detail)},
      {label: t('audit.hash'), cell: (e) => h('code', {class: 'hash', title: text(e.hash)},
                                               text(e.hash).slice(0, 12))},
    ], page.items || [], {id: 'audit-table', empty: t('audit.none'),
                          rowAttrs: (e) => ({'data-id': e.id})}),
    pager({total: page.total || 0, limit: PAGE_SIZE, offset,
           onPage: (o) => ctx.setQuery({offset: o})})));
}
