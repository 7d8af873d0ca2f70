// Applications list (officers: all, filtered by status, outcome and text, with paging; an
// enterprise user: its own). Reads GET /api/v1/applications.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {applicationStatusBadge, dataTable, loadingNote, outcomeBadge, pager} from
    '../components.js';
import {formatTimestamp} from '../format.js';
import {filterBar, selectFilter, textFilter} from './filters.js';

export const PAGE_SIZE = 20;

// Lists answer summaries (name, uscc, outcome at the top level) and the detail route the full
// stored application (application and verdict objects): read both shapes.
export const appName = (a) => (a.application && a.application.name) || a.enterprise_name ||
                              a.name || '';
export const appUscc = (a) => (a.application && a.application.uscc) || a.uscc || '';
export const appOutcome = (a) => (a.verdict && a.verdict.outcome) || a.outcome || '';

export function applicationsTable(items, ctx, {id = 'applications-table'} = {}) {
  return dataTable([
    {label: t('col.id'), cell: (a) => String(a.id), class: 'num'},
    {label: t('col.enterprise'), cell: (a) => appName(a)},
    {label: t('col.uscc'), cell: (a) => h('code', null, appUscc(a))},
    {label: t('col.outcome'), cell: (a) => outcomeBadge(appOutcome(a))},
    {label: t('col.status'), cell: (a) => applicationStatusBadge(a.status)},
    {label: t('col.submitted_at'), cell: (a) => formatTimestamp(a.submitted_at)},
  ], items, {
    id,
    empty: t('apps.none'),
    rowAttrs: (a) => ({'data-id': a.id, 'data-enterprise-id': a.enterprise_id,
                       'data-status': a.status}),
    onOpen: (a) => ctx.navigate(`#/applications/${a.id}`),
  });
}

export async function render(ctx) {
  const q = ctx.query;
  const offset = Math.max(0, Number.parseInt(q.offset || '0', 10) || 0);
  const officer = ctx.session.user.role !== 'enterprise';
  replace(ctx.el, h('h1', null, t('nav.applications')), loadingNote());
  const page = await get('/applications', {status: q.status, outcome: q.outcome, q: q.q,
                                           limit: PAGE_SIZE, offset});
  if (!ctx.isCurrent()) return;
  const bar = filterBar(ctx, [
    selectFilter('status', t('col.status'), ['submitted', 'approved', 'rejected'],
                 (v) => enumLabel('app_status', v), q.status),
    selectFilter('outcome', t('col.outcome'), ['eligible', 'ineligible'],
                 (v) => enumLabel('outcome', v), q.outcome),
    textFilter('q', t('filter.search'), t('apps.search_hint'), q.q),
  ]);
  replace(ctx.el,
    h('div', {class: 'title-row'}, h('h1', null, t('nav.applications')),
      officer ? h('a', {class: 'btn btn-primary', href: '#/applications/new',
                        id: 'new-application'}, t('nav.new_application')) : null),
    bar,
    applicationsTable(page.items || [], ctx),
    pager({total: page.total || 0, limit: PAGE_SIZE, offset,
           onPage: (o) => ctx.setQuery({...q, offset: o})}));
}
