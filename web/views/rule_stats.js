// Each routing rule's hits and their outcomes on the rules page: the period and the overall
// inspection figures above the table, and per rule the lists it matched and decided, the
// inspected lists, mismatches, the mismatch rate per mille and a "noise" badge with the core's
// reason. Renders GET /api/v1/routing/rules/stats answers; no I/O of its own.
import {h} from '../dom.js';
import {enumLabel, lang, t} from '../i18n.js';
import {badge, facts} from '../components.js';

const perMille = (n) => `${n ?? 0}‰`;
// A factor in per mille as a multiplier: 1000 -> "1", 1500 -> "1.5" (integers only).
const factorText = (pm) => {
  const n = Number(pm ?? 1000);
  const frac = String(n % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${Math.trunc(n / 1000)}.${frac}` : String(Math.trunc(n / 1000));
};
const num = (s, key) => (s ? String(s[key] ?? 0) : '–');

// The period filter and the overall figures the rules are compared with.
export function statsSummary(stats, ctx) {
  if (!stats) return null;
  const from = h('input', {id: 'rule-stats-from', type: 'date', value: stats.from || ''});
  const to = h('input', {id: 'rule-stats-to', type: 'date', value: stats.to || ''});
  const all = stats.overall || {};
  const policy = stats.noise_policy || {};
  return h('section', {class: 'card', id: 'rule-stats', 'data-from': stats.from || '',
                       'data-to': stats.to || ''},
    h('h2', null, t('rules.stats_title')),
    h('p', {class: 'muted small'}, t('rules.stats_hint', {n: policy.min_inspected ?? '',
                                                          factor: factorText(policy.factor_pm)})),
    h('div', {class: 'filterbar'},
      h('label', {class: 'filter'}, h('span', null, t('decl.from')), from),
      h('label', {class: 'filter'}, h('span', null, t('decl.to')), to),
      h('button', {type: 'button', class: 'btn', id: 'rule-stats-apply',
                   onclick: () => ctx.setQuery({from: from.value, to: to.value})},
        t('rules.stats_apply'))),
    facts([
      [t('rules.stats_lists'), h('span', {id: 'rule-stats-lists'}, String(all.lists ?? 0))],
      [t('rules.stats_inspected'), String(all.inspected ?? 0)],
      [t('rules.stats_mismatches'), String(all.mismatches ?? 0)],
      [t('rules.stats_overall_rate'), h('span', {id: 'rule-stats-overall-rate'},
                                         perMille(all.mismatch_pm))],
    ]));
}

// Table columns for a rule's statistics; statsOf(row) gives its stats row or null.
export function statsCells(statsOf) {
  const reasonOf = (s) => `${enumLabel('noise_reason', s.noise.reason)}: ${
    (lang() === 'en' ? s.noise.reason_en : s.noise.reason_zh) || ''}`;
  return [
    {label: t('rules.stats_matched'), class: 'num',
     cell: (r) => h('span', {'data-stat': 'lists'}, num(statsOf(r), 'lists'))},
    {label: t('rules.stats_decided'), class: 'num',
     cell: (r) => h('span', {'data-stat': 'decided'}, num(statsOf(r), 'decided'))},
    {label: t('rules.stats_inspected'), class: 'num',
     cell: (r) => h('span', {'data-stat': 'inspected'}, num(statsOf(r), 'inspected'))},
    {label: t('rules.stats_mismatches'), class: 'num',
     cell: (r) => h('span', {'data-stat': 'mismatches'}, num(statsOf(r), 'mismatches'))},
    {label: t('rules.stats_rate'), class: 'num',
     cell: (r) => h('span', {'data-stat': 'mismatch_pm'},
                    statsOf(r) && statsOf(r).inspected ? perMille(statsOf(r).mismatch_pm) : '–')},
    {label: t('rules.stats_noise'), cell: (r) => {
      const s = statsOf(r);
      if (!s || !s.noisy) return null;
      return badge('warn', t('rules.noise'), {class: 'badge badge-warn noise-badge',
                                               title: reasonOf(s),
                                               'data-reason': (s.noise && s.noise.reason) || ''});
    }},
  ];
}
