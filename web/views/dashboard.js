// Officer dashboard: counts of applications, enterprises and goods filings by state, each a link
// to the filtered list, and the applications waiting for a decision. Reads the list endpoints.
import {get, hasRoute} from '../api.js';
import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {card, loadingNote} from '../components.js';
import {applicationsTable} from './applications.js';

const TILES = [
  {group: 'applications', key: 'app_submitted', path: '/applications', q: {status: 'submitted'}},
  {group: 'applications', key: 'app_approved', path: '/applications', q: {status: 'approved'}},
  {group: 'applications', key: 'app_rejected', path: '/applications', q: {status: 'rejected'}},
  {group: 'applications', key: 'app_ineligible', path: '/applications',
   q: {outcome: 'ineligible'}},
  {group: 'enterprises', key: 'ent_pending', path: '/enterprises', q: {status: 'pending'}},
  {group: 'enterprises', key: 'ent_admitted', path: '/enterprises', q: {status: 'admitted'}},
  {group: 'enterprises', key: 'ent_rejected', path: '/enterprises', q: {status: 'rejected'}},
  {group: 'goods', key: 'goods_admitted', path: '/goods', q: {outcome: 'admitted'}},
  {group: 'goods', key: 'goods_review', path: '/goods', q: {outcome: 'review'}},
  {group: 'goods', key: 'goods_rejected', path: '/goods', q: {outcome: 'rejected'}},
  {group: 'supervision', key: 'queue_manual_review', path: '/queues/manual_review', q: {}},
  {group: 'supervision', key: 'queue_inspection', path: '/queues/inspection', q: {}},
  {group: 'supervision', key: 'queue_valuation', path: '/queues/valuation', q: {}},
  {group: 'supervision', key: 'decl_released', path: '/declarations', q: {status: 'released'}},
  {group: 'supervision', key: 'decl_rejected', path: '/declarations', q: {status: 'rejected'}},
];

export async function render(ctx) {
  replace(ctx.el, h('h1', null, t('nav.dashboard')), loadingNote());
  const [totals, waiting] = await Promise.all([
    // The supervision tiles only when the server has the queues (no 404s on an older one).
    hasRoute('GET', '/api/v1/queues/{name}').catch(() => false).then((queues) => Promise.all(
        TILES.map((tile) => (tile.group === 'supervision' && !queues ? null :
            get(tile.path, {...tile.q, limit: 1}).then((r) => r.total).catch(() => null))))),
    get('/applications', {status: 'submitted', limit: 10}),
  ]);
  if (!ctx.isCurrent()) return;
  const groups = ['applications', 'enterprises', 'goods', 'supervision'].map((group) => h('section',
    {class: 'tile-group'}, h('h2', null, t(`dash.group_${group}`)),
    h('div', {class: 'tiles'}, TILES.map((tile, i) => tile.group !== group ? null : h('a', {
      class: `tile tile-${tile.key}`, 'data-testid': `count-${tile.key}`,
      href: '#' + tile.path + (Object.keys(tile.q).length ?
          '?' + new URLSearchParams(tile.q).toString() : ''),
    }, h('span', {class: 'tile-count'}, String(totals[i] ?? 0)),
       h('span', {class: 'tile-label'}, t(`dash.${tile.key}`)))))));
  replace(ctx.el, h('h1', null, t('nav.dashboard')),
    h('div', {class: 'dash'}, groups),
    card(t('dash.waiting'), applicationsTable(waiting.items || [], ctx)));
}
