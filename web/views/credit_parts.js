// Pieces of the credit screens: grade and level badges, the measures of a grade, the core's
// assessment (factors, triggers, what would lower the level), the monthly outcomes, decisions
// and violations (the charts are in credit_charts.js). Shown the same way to customs and to the
// enterprise itself. DOM only, no I/O.
import {h} from '../dom.js';
import {t, enumLabel, lang} from '../i18n.js';
import {badge, dataTable, facts, findingList} from '../components.js';
import {formatBp, formatFen, formatTimestamp} from '../format.js';

const LEVEL_TONE = {low: 'ok', medium: 'warn', high: 'bad'};
const GRADE_TONE = {advanced_certified: 'ok', certified: 'ok', regular: 'info', registered: 'info',
                    dishonest: 'bad', seriously_dishonest: 'bad'};
const CHANGE_TONE = {keep: 'muted', upgrade: 'ok', downgrade: 'bad', set: 'info'};

// The risk score cut-offs of the policy's credit model (core/credit_model.h defaults otherwise),
// so the chart marks the same boundaries the core used.
export function cutOffs(policyDoc) {
  const m = (policyDoc && policyDoc.credit_model) || {};
  return {medium: m.medium_from ?? 30, high: m.high_from ?? 60};
}

// The grades of the scale in force on `date` (YYYY-MM-DD), as the server checks an override:
// [{id, name_zh, name_en}]. Scales run from effective_from inclusive to effective_to exclusive.
export function gradesOn(policyDoc, date) {
  const scales = (policyDoc && policyDoc.grade_scales) || [];
  const scale = scales.find((s) => (!s.effective_from || s.effective_from <= date) &&
                                   (!s.effective_to || date < s.effective_to));
  return scale ? scale.grades || [] : [];
}

export function gradeBadge(grade, attrs = {}) {
  if (!grade) return h('span', {class: 'muted', 'data-grade': '', ...attrs}, t('credit.not_rated'));
  return badge(GRADE_TONE[grade] || 'muted', enumLabel('grade', grade),
               {'data-grade': grade, ...attrs});
}

export function levelBadge(level, attrs = {}) {
  if (!level) return h('span', {class: 'muted', 'data-level': '', ...attrs}, '—');
  return badge(LEVEL_TONE[level] || 'muted', enumLabel('risk_level', level),
               {'data-level': level, ...attrs});
}

const explanation = (f) => (lang() === 'en' ? f.explanation_en || f.explanation_zh :
                                        f.explanation_zh || f.explanation_en) || '';

// A rate with the risk level's add-on: "3% + risk add-on 2% = 5%" (just "3%" without one).
function rateText(bp, addon) {
  if (!addon) return formatBp(bp);
  return t('credit.rate_with_addon', {base: formatBp(bp), addon: formatBp(addon),
                                      total: formatBp(Math.min(10000, bp + addon))});
}

// Measures {manual_review_bp, inspection_bp, risk_addon_bp, stocktake_months, guarantee} under
// ids `${id}-review` etc.; `empty` when there are none (no grade in force).
export function measuresView(m, {id, empty}) {
  if (!m) return h('p', {class: 'muted', id}, empty);
  return facts([
    [t('credit.review_rate'), h('span', {id: `${id}-review`, 'data-bp': m.manual_review_bp,
                                         'data-addon-bp': m.risk_addon_bp ?? 0},
                                rateText(m.manual_review_bp, m.risk_addon_bp))],
    [t('credit.inspection_rate'), h('span', {id: `${id}-inspection`, 'data-bp': m.inspection_bp,
                                             'data-addon-bp': m.risk_addon_bp ?? 0},
                                    rateText(m.inspection_bp, m.risk_addon_bp))],
    [t('credit.stocktake_cycle'), h('span', {id: `${id}-stocktake`,
                                             'data-months': m.stocktake_months},
                                    t('credit.months', {n: m.stocktake_months}))],
    [t('credit.guarantee'), h('span', {id: `${id}-guarantee`, 'data-guarantee': m.guarantee},
                              enumLabel('guarantee', m.guarantee))],
  ], {id});
}

// Rates are per mille; counts are plain.
const factorValue = (id, v) => (/_RATE$/.test(id) ? `${v}‰` : String(v));

// The factors of the score, one row each, with the total.
export function factorsTable(result) {
  const rows = result.factors || [];
  const table = dataTable([
    {label: t('credit.factor'), cell: (f) => h('span', {title: f.id},
                                                enumLabel('credit_factor', f.id))},
    {label: t('credit.value'), cell: (f) => factorValue(f.id, f.value), class: 'num'},
    {label: t('credit.full_at'), cell: (f) => factorValue(f.id, f.full_at), class: 'num'},
    {label: t('credit.weight'), cell: (f) => String(f.weight), class: 'num'},
    {label: t('credit.points'), cell: (f) => h('strong', null, String(f.points)), class: 'num'},
    {label: t('credit.explanation'), cell: explanation},
  ], rows, {id: 'credit-factors', rowAttrs: (f) => ({
    'data-factor': f.id, 'data-value': f.value, 'data-full-at': f.full_at,
    'data-weight': f.weight, 'data-points': f.points})});
  const tbody = table.querySelector && table.querySelector('tbody');
  if (tbody) {
    tbody.append(h('tr', {class: 'total-row'}, h('td', null, h('strong', null, t('credit.total'))),
      h('td'), h('td'), h('td', {class: 'num'}, String(rows.reduce((s, f) => s + f.weight, 0))),
      h('td', {class: 'num'}, h('strong', null, String(result.score))), h('td')));
  }
  return table;
}

// The assessment's result: the factors, the legal triggers and notes, what would lower the
// level, and the measures of the recommended grade.
export function assessmentView(result) {
  const toLower = result.to_lower || [];
  return h('div', {id: 'credit-result'},
    factorsTable(result),
    h('div', {class: 'grid-2'},
      h('div', null, h('h3', null, t('credit.triggers')),
        findingList(result.triggers, {id: 'credit-triggers', empty: t('credit.triggers_none')}),
        h('h3', null, t('credit.to_lower')),
        toLower.length ? h('ul', {class: 'plain reason-list', id: 'credit-to-lower'},
          toLower.map((c) => h('li', {'data-factor': c.factor, 'data-value': c.value,
                                      'data-to': c.to, 'data-target-level': c.target_level},
            h('strong', null, enumLabel('credit_factor', c.factor)), ' ',
            h('span', {class: 'muted'}, factorValue(c.factor, c.value), ' → ',
              factorValue(c.factor, c.to)), ' · ',
            t('credit.to_lower_item', {to: factorValue(c.factor, c.to),
                                       level: enumLabel('risk_level', c.target_level)}),
            h('p', {class: 'small muted'}, explanation(c))))) :
            h('p', {class: 'muted', id: 'credit-to-lower'}, t('credit.to_lower_none'))),
      h('div', null, h('h3', null, t('credit.recommended_measures')),
        measuresView(result.measures, {id: 'credit-recommended-measures',
                                       empty: t('credit.measures_none')}))));
}

// Lists, inspections, mismatches and rejections per month.
export function monthlyTable(monthly) {
  return dataTable([
    {label: t('credit.month'), cell: (m) => m.month, class: 'nowrap'},
    {label: t('credit.lists'), cell: (m) => String(m.lists), class: 'num'},
    {label: t('credit.inspections'), cell: (m) => String(m.inspections), class: 'num'},
    {label: t('credit.mismatches'), cell: (m) => String(m.mismatches), class: 'num'},
    {label: t('credit.rejections'), cell: (m) => String(m.rejections), class: 'num'},
  ], monthly || [], {id: 'credit-monthly', empty: t('credit.monthly_none'),
                     rowAttrs: (m) => ({'data-month': m.month, 'data-lists': m.lists})});
}

export function decisionsTable(decisions) {
  return dataTable([
    {label: t('credit.decided_at'), cell: (d) => formatTimestamp(d.decided_at), class: 'nowrap'},
    {label: t('credit.action'), cell: (d) => enumLabel('credit_action', d.action)},
    {label: t('credit.grade'), cell: (d) => gradeBadge(d.grade)},
    {label: t('credit.risk_level'), cell: (d) => levelBadge(d.risk_level)},
    {label: t('credit.reason'), cell: (d) => d.reason || ''},
    {label: t('credit.decided_by'), cell: (d) => d.decided_by || ''},
  ], decisions || [], {id: 'credit-decisions', empty: t('credit.decisions_none'),
                       rowAttrs: (d) => ({'data-id': d.id, 'data-action': d.action,
                                          'data-grade': d.grade})});
}

export function violationsTable(violations) {
  return dataTable([
    {label: t('credit.decided_on'), cell: (v) => v.decided_on, class: 'nowrap'},
    {label: t('credit.kind'), cell: (v) => enumLabel('violation_kind', v.kind)},
    {label: t('credit.penalty'), cell: (v) => formatFen(v.penalty_fen), class: 'num'},
    {label: t('credit.overdue_days'), cell: (v) => (v.overdue_days ? String(v.overdue_days) : ''),
     class: 'num'},
    {label: t('credit.reference'), cell: (v) => v.reference},
    {label: t('credit.description'), cell: (v) => v.description},
  ], violations || [], {id: 'credit-violations', empty: t('credit.violations_none'),
                        rowAttrs: (v) => ({'data-id': v.id, 'data-kind': v.kind,
                                           'data-penalty-fen': v.penalty_fen})});
}
