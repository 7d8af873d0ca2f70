// Routing rules (officers read, the administrator edits): id, name, action, priority, validity,
// enabled and current version, and each rule's hits and their outcomes over a period, with a
// badge on rules that only produce noise. Reads GET /api/v1/routing/rules and
// GET /api/v1/routing/rules/stats.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {badge, dataTable, errorBanner, loadingNote} from '../components.js';
import {formatTimestamp} from '../format.js';
import {statsCells, statsSummary} from './rule_stats.js';

// A rules answer may hold stored rows ({rule, version, ...}) or bare rules.
export const ruleOf = (row) => (row && row.rule && typeof row.rule === 'object' ? row.rule : row);

export async function render(ctx) {
  replace(ctx.el, h('h1', null, t('nav.rules')), loadingNote());
  const query = ctx.query || {};
  const period = {from: query.from || undefined, to: query.to || undefined};
  const [page, stats] = await Promise.all([
    get('/routing/rules', {limit: 500}),
    // The statistics are an addition: the rules still show when they cannot be read.
    get('/routing/rules/stats', period).catch((e) => ({error: e})),
  ]);
  if (!ctx.isCurrent()) return;
  const admin = ctx.session.user.role === 'admin';
  const rows = Array.isArray(page) ? page : page.items || page.rules || [];
  const byId = new Map(((stats && stats.rules) || []).map((s) => [s.rule_id, s]));
  const statsOf = (r) => byId.get(ruleOf(r).id) || null;
  replace(ctx.el,
    h('div', {class: 'title-row'}, h('h1', null, t('nav.rules')),
      admin ? h('a', {class: 'btn btn-primary', href: '#/rules/new', id: 'new-rule'},
                t('rules.new')) : null),
    h('p', {class: 'muted'}, t('rules.intro')),
    stats && stats.error ? errorBanner(stats.error, {id: 'rule-stats-error'}) :
        statsSummary(stats, ctx),
    dataTable([
      {label: t('rules.id'), cell: (r) => h('code', null, ruleOf(r).id)},
      {label: t('rules.name'), cell: (r) => ruleOf(r).name || ''},
      {label: t('rules.action'), cell: (r) => enumLabel('action', ruleOf(r).action)},
      {label: t('rules.priority'), cell: (r) => String(ruleOf(r).priority ?? ''), class: 'num'},
      {label: t('rules.validity'), cell: (r) => `${ruleOf(r).valid_from || ''} – ${
        ruleOf(r).valid_to || t('form.no_expiry')}`, class: 'nowrap'},
      {label: t('rules.enabled'), cell: (r) => (ruleOf(r).enabled === false ?
          badge('muted', t('rules.disabled')) : badge('ok', t('rules.enabled')))},
      {label: t('lists.version'), cell: (r) => String(r.version ?? ''), class: 'num'},
      {label: t('rules.updated'), cell: (r) => [formatTimestamp(r.updated_at),
                                                r.updated_by ? ` · ${r.updated_by}` : '']},
      {label: t('rules.check'), cell: (r) => (r.valid === false ?
          badge('bad', t('rules.invalid')) : badge('ok', t('rules.valid')))},
      ...statsCells(statsOf),
    ], rows, {
      id: 'rules-table', empty: t('rules.none'),
      rowAttrs: (r) => ({'data-rule-id': ruleOf(r).id, 'data-version': r.version ?? '',
                         'data-enabled': String(ruleOf(r).enabled !== false),
                         'data-valid': String(r.valid !== false),
                         'data-noisy': String(Boolean(statsOf(r) && statsOf(r).noisy))}),
      onOpen: (r) => ctx.navigate(`#/rules/${ruleOf(r).id}`),
    }));
}
