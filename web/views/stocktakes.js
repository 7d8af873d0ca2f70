// Stocktakes (盘库管理): the schedule of due stocktakes per ledger (overdue ones marked), the form
// that records one (stocktake_form.js) and the stocktakes recorded, each opening its detail.
// Officers see every enterprise's, an enterprise user its own. ?ems_no= narrows the list and
// picks the ledger of the form. Reads GET /api/v1/stocktakes/schedule, /api/v1/stocktakes.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {badge, card, dataTable, loadingNote} from '../components.js';
import {formatTimestamp} from '../format.js';
import {actionBadge, outcomeBadge} from './stocktake_parts.js';
import {fenCell} from './supervision_parts.js';
import {recordForm} from './stocktake_form.js';

export async function render(ctx) {
  replace(ctx.el, h('h1', null, t('stk.title')), loadingNote());
  const ems = ctx.query.ems_no || '';
  const [schedule, list] = await Promise.all([
    get('/stocktakes/schedule'),
    get('/stocktakes', {ems_no: ems, limit: 200}),
  ]);
  if (!ctx.isCurrent()) return;
  const items = schedule.items || [];
  replace(ctx.el, h('h1', null, t('stk.title')),
    h('p', {class: 'muted'}, t('stk.intro')),
    card(t('stk.schedule'), scheduleTable(ctx, items)),
    card(t('stk.record'), h('p', {class: 'muted small'}, t('stk.record_hint')),
         recordForm(ctx, items.map((i) => i.ems_no), ems)),
    card(t('stk.list'), ems ? h('p', {class: 'muted'}, t('stk.ledger'), ' ',
                                h('code', {id: 'stocktakes-ems'}, ems)) : null,
         listTable(ctx, list.items || [])));
}

// Soonest due first, as the server orders it; overdue rows carry a red badge and data-overdue.
function scheduleTable(ctx, items) {
  return dataTable([
    // The link opens the ledger; the row (anywhere else) narrows this screen to it.
    {label: t('ledger.ems_no'), cell: (s) => h('a', {
      href: `#/ledgers/${encodeURIComponent(s.ems_no)}`, onclick: (e) => e.stopPropagation(),
    }, h('code', null, s.ems_no))},
    {label: t('col.enterprise'), cell: (s) => s.enterprise_name || ''},
    {label: t('stk.grade'), cell: (s) => h('span', {'data-grade': s.grade || ''},
                                          enumLabel('grade', s.grade))},
    {label: t('stk.cycle'), cell: (s) => String(s.cycle_months ?? ''), class: 'num'},
    {label: t('stk.last'), cell: (s) => s.last_stocktake ||
        h('span', {class: 'muted'}, t('stk.never')), class: 'nowrap'},
    {label: t('stk.due'), cell: (s) => h('strong', {'data-testid': 'due'}, s.due || ''),
     class: 'nowrap'},
    {label: t('stk.days_left'), cell: (s) => String(s.days_left ?? ''), class: 'num'},
    {label: t('col.status'), cell: (s) => (s.overdue ? badge('bad', t('stk.overdue')) :
                                                       badge('ok', t('stk.on_time')))},
  ], items, {id: 'stocktake-schedule', empty: t('stk.no_schedule'),
             rowAttrs: (s) => ({'data-ems-no': s.ems_no, 'data-overdue': String(!!s.overdue),
                                'data-due': s.due || '', 'data-last': s.last_stocktake || ''}),
             onOpen: (s) => ctx.setQuery({ems_no: s.ems_no})});
}

function listTable(ctx, rows) {
  return dataTable([
    {label: t('col.id'), cell: (s) => String(s.id), class: 'num'},
    {label: t('ledger.ems_no'), cell: (s) => h('code', null, s.ems_no)},
    {label: t('col.enterprise'), cell: (s) => s.enterprise_name || ''},
    {label: t('stk.date'), cell: (s) => s.date, class: 'nowrap'},
    {label: t('stk.method'), cell: (s) => enumLabel('stocktake_method', s.method)},
    {label: t('stk.outcome'), cell: (s) => outcomeBadge(s.outcome)},
    {label: t('stk.action'), cell: (s) => actionBadge(s.shortage_action)},
    {label: t('stk.tax'), cell: (s) => fenCell(s.tax_fen), class: 'num'},
    {label: t('stk.recounted_at'), cell: (s) => formatTimestamp(s.recounted_at), class: 'nowrap'},
  ], rows, {id: 'stocktakes-table', empty: t('stk.none'),
            rowAttrs: (s) => ({'data-id': s.id, 'data-ems-no': s.ems_no,
                               'data-outcome': s.outcome}),
            onOpen: (s) => ctx.navigate(`#/stocktakes/${s.id}`)});
}
