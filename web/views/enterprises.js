// Enterprises list for officers: search by name/USCC, filter by status, paging.
// Reads GET /api/v1/enterprises.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {dataTable, enterpriseStatusBadge, loadingNote, pager} from '../components.js';
import {filterBar, selectFilter, textFilter} from './filters.js';
import {PAGE_SIZE} from './applications.js';

export async function render(ctx) {
  const q = ctx.query;
  const offset = Math.max(0, Number.parseInt(q.offset || '0', 10) || 0);
  replace(ctx.el, h('h1', null, t('nav.enterprises')), loadingNote());
  const page = await get('/enterprises', {q: q.q, status: q.status, limit: PAGE_SIZE, offset});
  if (!ctx.isCurrent()) return;
  replace(ctx.el, h('h1', null, t('nav.enterprises')),
    filterBar(ctx, [
      selectFilter('status', t('col.status'), ['pending', 'admitted', 'rejected'],
                   (v) => enumLabel('ent_status', v), q.status),
      textFilter('q', t('filter.search'), t('ent.search_hint'), q.q),
    ]),
    dataTable([
      {label: t('col.id'), cell: (e) => String(e.id), class: 'num'},
      {label: t('col.enterprise'), cell: (e) => e.name},
      {label: t('col.uscc'), cell: (e) => h('code', null, e.uscc || '')},
      {label: t('col.customs_code'), cell: (e) => h('code', null, e.customs_code || '')},
      {label: t('col.roles'), cell: (e) => (e.roles || []).map((r) => enumLabel('role', r))
          .join('、')},
      {label: t('col.status'), cell: (e) => enterpriseStatusBadge(e.status)},
    ], page.items || [], {
      id: 'enterprises-table',
      empty: t('ent.none'),
      rowAttrs: (e) => ({'data-id': e.id, 'data-status': e.status}),
      onOpen: (e) => ctx.navigate(`#/enterprises/${e.id}`),
    }),
    pager({total: page.total || 0, limit: PAGE_SIZE, offset,
           onPage: (o) => ctx.setQuery({...q, offset: o})}));
}
