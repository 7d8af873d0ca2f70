// CBEC ledgers (账册): officers see every enterprise's, an enterprise user its own. Each row opens
// the ledger view. Reads GET /api/v1/ledgers.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {dataTable, loadingNote} from '../components.js';
import {formatTimestamp} from '../format.js';

export async function render(ctx) {
  replace(ctx.el, h('h1', null, t('nav.ledgers')), loadingNote());
  const page = await get('/ledgers', {limit: 500});
  if (!ctx.isCurrent()) return;
  const rows = Array.isArray(page) ? page : page.items || page.ledgers || [];
  replace(ctx.el, h('h1', null, t('nav.ledgers')),
    h('p', {class: 'muted'}, t('ledger.intro')),
    dataTable([
      {label: t('ledger.ems_no'), cell: (l) => h('code', null, l.ems_no)},
      {label: t('col.enterprise'), cell: (l) => l.enterprise_name || l.enterprise_code || ''},
      {label: t('col.customs_code'), cell: (l) => h('code', null, l.enterprise_code || '')},
      {label: t('ledger.entries'), cell: (l) => String(l.entries_count ?? l.entry_count ??
                                                       (l.entries || []).length ?? ''),
       class: 'num'},
      {label: t('rules.updated'), cell: (l) => formatTimestamp(l.updated_at || l.created_at)},
    ], rows, {id: 'ledgers-table', empty: t('ledger.none'),
              rowAttrs: (l) => ({'data-ems-no': l.ems_no}),
              onOpen: (l) => ctx.navigate(`#/ledgers/${encodeURIComponent(l.ems_no)}`)}));
}
