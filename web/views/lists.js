// Reference lists loaded on the server (name, version, rows, SHA-256, when loaded), the policy in
// force, and a search of the positive list. Reads GET /api/v1/lists, /policy, /lists/positive.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {card, dataTable, facts, loadingNote} from '../components.js';
import {formatTimestamp} from '../format.js';

// The search answers the list's CSV rows as text: flags are "1"/"true"/"yes"/"是" or empty.
const flag = (v) => ['1', 'true', 'yes', 'y', '是'].includes(String(v || '').trim().toLowerCase());
const rowsOf = (r) => (Array.isArray(r) ? r : (r && (r.items || r.lists)) || []);

export async function render(ctx) {
  const q = ctx.query.q || '';
  replace(ctx.el, h('h1', null, t('nav.lists')), loadingNote());
  const [lists, positive, policy] = await Promise.all([
    get('/lists'), get('/lists/positive', {q, limit: 100}), get('/policy')]);
  if (!ctx.isCurrent()) return;
  const search = h('input', {id: 'positive-q', type: 'search', value: q,
                             placeholder: t('lists.search_hint')});
  const entries = rowsOf(positive);
  replace(ctx.el, h('h1', null, t('nav.lists')),
    card(t('lists.loaded'), dataTable([
      {label: t('lists.name'), cell: (l) => h('span', null, t(`list.${l.name}`), ' ',
                                               h('code', {class: 'muted'}, l.name))},
      {label: t('lists.version'), cell: (l) => l.version || ''},
      {label: t('lists.rows'), cell: (l) => String(l.rows ?? ''), class: 'num'},
      {label: 'SHA-256', cell: (l) => h('code', {class: 'hash', title: l.sha256 || ''},
                                         (l.sha256 || '').slice(0, 16) + '…')},
      {label: t('lists.loaded_at'), cell: (l) => formatTimestamp(l.loaded_at)},
    ], rowsOf(lists), {id: 'lists-table', rowAttrs: (l) => ({'data-name': l.name})})),
    card(t('lists.policy'), facts([
      [t('lists.version'), h('span', {id: 'policy-version'}, policy.version || '')],
      [t('lists.effective'), policy.document && policy.document.effective_date],
      ['SHA-256', policy.sha256 ? h('code', {class: 'hash', title: policy.sha256},
                                    policy.sha256.slice(0, 16) + '…') : null],
      [t('lists.loaded_at'), formatTimestamp(policy.loaded_at)],
    ])),
    card(t('lists.positive'),
      h('p', {class: 'muted small'}, t('lists.subset_note')),
      h('form', {class: 'filterbar', role: 'search', id: 'positive-search', onsubmit: (e) => {
        e.preventDefault();
        ctx.setQuery({q: search.value.trim()});
      }}, h('label', {class: 'filter filter-grow'}, h('span', null, t('filter.search')), search),
        h('button', {type: 'submit', class: 'btn', id: 'positive-search-submit'},
          t('filter.apply'))),
      h('p', {class: 'muted small'}, t('lists.found', {n: positive.total ?? entries.length})),
      dataTable([
        {label: t('lists.code8'), cell: (e) => h('code', null, e.code8)},
        {label: t('goods.name'), cell: (e) => e.name},
        {label: t('goods.remark'), cell: (e) => e.remark || ''},
        {label: t('lists.controls'), cell: (e) => h('span', {class: 'chips'}, [
          flag(e.bonded_only) ? h('span', {class: 'badge badge-info'}, t('lists.bonded_only')) :
              null,
          flag(e.excluded) ? h('span', {class: 'badge badge-warn', title: e.exclusion || ''},
                               t('lists.excluded')) : null,
          (e.allowed_names || '').trim() ? h('span', {class: 'badge badge-info',
                                                      title: e.allowed_names},
                                             t('lists.name_limit')) : null,
          (e.annual_cap || '').trim() ? h('span', {class: 'badge badge-info'},
              t('lists.qty_cap_value', {qty: e.annual_cap, unit: e.cap_unit || ''})) : null,
        ])},
      ], entries, {id: 'positive-table', empty: t('lists.none')})));
}
