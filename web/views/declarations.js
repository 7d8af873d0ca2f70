// Declaration lists (清单) with their receipt status: officers see every list, an enterprise user
// its own lists' receipts (the server scopes the read). Filters: status, e-commerce enterprise
// code, order number, declaration dates. Reads GET /api/v1/declarations.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {dataTable, loadingNote, pager} from '../components.js';
import {formatTimestamp} from '../format.js';
import {filterBar, selectFilter, textFilter} from './filters.js';
import {DECL_STATUSES, declStatusBadge, reasonChips} from './supervision_parts.js';

const PAGE_SIZE = 20;

export function declarationsTable(items, ctx, {id = 'declarations-table'} = {}) {
  return dataTable([
    {label: t('col.id'), cell: (d) => String(d.id), class: 'num'},
    {label: t('decl.invt_no'), cell: (d) => h('code', null, d.invt_no || '')},
    {label: t('decl.order_no'), cell: (d) => h('code', null, d.order_no || '')},
    {label: t('decl.ebc'), cell: (d) => h('code', null, d.ebc_code || '')},
    {label: t('decl.buyer'), cell: (d) => d.buyer_name || ''},
    {label: t('goods.trade_mode'), cell: (d) => enumLabel('trade_mode', d.trade_mode)},
    {label: t('decl.decl_date'), cell: (d) => d.decl_date || '', class: 'nowrap'},
    {label: t('col.status'), cell: (d) => declStatusBadge(d)},
    {label: t('decl.reasons'), cell: (d) => reasonChips(d.reasons || d.status_reasons)},
    {label: t('decl.status_at'), cell: (d) => formatTimestamp(d.status_at), class: 'nowrap'},
  ], items, {
    id,
    empty: t('decl.none'),
    rowAttrs: (d) => ({'data-id': d.id, 'data-status': d.status_name || '',
                       'data-order-no': d.order_no || ''}),
    onOpen: (d) => ctx.navigate(`#/declarations/${d.id}`),
  });
}

export async function render(ctx) {
  const q = ctx.query;
  const offset = Math.max(0, Number.parseInt(q.offset || '0', 10) || 0);
  const enterprise = ctx.session.user.role === 'enterprise';
  const title = enterprise ? t('nav.receipts') : t('nav.declarations');
  replace(ctx.el, h('h1', null, title), loadingNote());
  const page = await get('/declarations', {status: q.status, ebc: q.ebc, order_no: q.order_no,
                                           from: q.from, to: q.to, limit: PAGE_SIZE, offset});
  if (!ctx.isCurrent()) return;
  const bar = filterBar(ctx, [
    selectFilter('status', t('col.status'), DECL_STATUSES, (v) => enumLabel('decl_status', v),
                 q.status),
    enterprise ? null : textFilter('ebc', t('decl.ebc'), t('decl.ebc_hint'), q.ebc),
    textFilter('order_no', t('decl.order_no'), t('decl.order_no'), q.order_no),
    dateFilter('from', t('decl.from'), q.from),
    dateFilter('to', t('decl.to'), q.to),
  ].filter(Boolean));
  replace(ctx.el,
    h('h1', null, title),
    enterprise ? h('p', {class: 'muted'}, t('decl.receipts_intro')) : null,
    bar,
    declarationsTable(page.items || [], ctx),
    pager({total: page.total || 0, limit: PAGE_SIZE, offset,
           onPage: (o) => ctx.setQuery({...q, offset: o})}));
}

function dateFilter(key, label, current) {
  const input = h('input', {id: `filter-${key}`, name: key, type: 'date', value: current || ''});
  return {key, input, node: h('label', {class: 'filter'}, h('span', null, label), input)};
}
