// Enterprise credit (企业精准画像, 差别化管理): for customs, the enterprises with their grade
// and risk level (#/credit) and one enterprise's credit profile (#/enterprises/{id}/credit) with
// the actions of credit_forms.js; for an enterprise user, its own profile, read-only (#/credit).
// The page's own check re-runs the core's assessment over the stored facts and compares it with
// the stored result. Network I/O: GET /api/v1/enterprises, /enterprises/{id}/credit/profile,
// /policy.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {card, dataTable, errorBanner, facts, loadingNote, pager} from '../components.js';
import {formatTimestamp} from '../format.js';
import {loadCore} from '../core.js';
import {coreStatus, decisionDate} from './live.js';
import {parityMarker} from './supervision_parts.js';
import {PAGE_SIZE} from './applications.js';
import {assessmentView, cutOffs, decisionsTable, gradeBadge, gradesOn, levelBadge,
        measuresView, monthlyTable, violationsTable} from './credit_parts.js';
import {monthlyChart, trendChart} from './credit_charts.js';
import {creditActions} from './credit_forms.js';

export async function render(ctx) {
  const user = ctx.session.user;
  if (ctx.params[0]) {
    await renderProfile(ctx, ctx.params[0]);
  } else if (user.role !== 'enterprise') {
    await renderList(ctx);
  } else if (user.enterprise_id) {
    await renderProfile(ctx, user.enterprise_id);
  } else {
    replace(ctx.el, h('h1', null, t('credit.title')),
            h('p', {class: 'banner banner-warn'}, t('portal.no_enterprise')));
  }
}

// Customs' overview: a page of enterprises, each with its grade in force and newest assessment
// (one profile read per row: a page is small, and the list itself carries no grade).
async function renderList(ctx) {
  const offset = Math.max(0, Number.parseInt(ctx.query.offset || '0', 10) || 0);
  replace(ctx.el, h('h1', null, t('credit.list_title')), loadingNote());
  const page = await get('/enterprises', {limit: PAGE_SIZE, offset});
  if (!ctx.isCurrent()) return;
  const items = page.items || [];
  const profiles = await Promise.all(items.map((e) => get(`/enterprises/${e.id}/credit/profile`)));
  if (!ctx.isCurrent()) return;
  const rows = items.map((e, i) => ({e, p: profiles[i]}));
  const grade = (p) => (p.credit ? p.credit.grade : '');
  replace(ctx.el, h('h1', null, t('credit.list_title')),
    h('p', {class: 'muted'}, t('credit.list_intro')),
    dataTable([
      {label: t('col.id'), cell: ({e}) => String(e.id), class: 'num'},
      {label: t('col.enterprise'), cell: ({e}) => h('a', {href: `#/enterprises/${e.id}/credit`},
                                                     e.name)},
      {label: t('col.customs_code'), cell: ({e}) => h('code', null, e.customs_code || '')},
      {label: t('credit.in_force'), cell: ({p}) => gradeBadge(grade(p))},
      {label: t('credit.risk_level'), cell: ({p}) => levelBadge(p.credit && p.credit.risk_level)},
      {label: t('credit.score'), cell: ({p}) => (p.assessment ? String(p.assessment.score) : ''),
       class: 'num'},
      {label: t('credit.recommended'), cell: ({p}) => (p.assessment ?
          gradeBadge(p.assessment.recommended_grade) : '')},
      {label: t('credit.col_assessed'), cell: ({p}) => (p.assessment ? p.assessment.as_of : ''),
       class: 'nowrap'},
    ], rows, {
      id: 'credit-enterprises', empty: t('credit.none'),
      rowAttrs: ({e, p}) => ({'data-id': e.id, 'data-grade': grade(p),
                              'data-level': p.credit ? p.credit.risk_level : '',
                              'data-score': p.assessment ? p.assessment.score : ''}),
      onOpen: ({e}) => ctx.navigate(`#/enterprises/${e.id}/credit`),
    }),
    pager({total: page.total || 0, limit: PAGE_SIZE, offset,
           onPage: (o) => ctx.setQuery({offset: o})}));
}

// The banner of the action that led here.
function flashBanner(ctx) {
  const f = ctx.flash || {};
  const [id, key] = f.creditAssessed ? ['credit-assessed', 'credit.assessed'] :
      f.creditDecided ? ['credit-decided', 'credit.decided'] :
      f.creditViolation ? ['credit-violation-recorded', 'credit.violation_recorded'] : [];
  return id ? h('div', {class: 'banner banner-ok', role: 'status', id}, t(key)) : null;
}

async function renderProfile(ctx, id) {
  replace(ctx.el, h('h1', null, t('credit.title')), loadingNote());
  const [profile, policy] = await Promise.all([get(`/enterprises/${id}/credit/profile`),
                                               get('/policy')]);
  if (!ctx.isCurrent()) return;
  const doc = (policy && policy.document) || {};
  const customs = ctx.session.user.role !== 'enterprise';
  const today = decisionDate(ctx.session);
  const ent = profile.enterprise || {id};
  const credit = profile.credit;
  const a = profile.assessment;
  const status = coreStatus();
  const parity = h('div', {id: 'credit-parity-area'});
  replace(ctx.el,
    h('div', {class: 'title-row'},
      h('h1', {id: 'credit-title', 'data-enterprise-id': ent.id}, t('credit.title'), ' · ',
        ent.name || `#${ent.id}`),
      h('a', {href: customs ? `#/enterprises/${ent.id}` : '#/portal', class: 'btn',
              id: 'credit-back'}, t('credit.back'))),
    flashBanner(ctx),
    h('div', {class: 'grid-2'},
      card(t('credit.in_force'),
        facts([
          [t('credit.grade'), gradeBadge(credit && credit.grade, {id: 'credit-grade'})],
          [t('credit.risk_level'), levelBadge(credit && credit.risk_level,
                                              {id: 'credit-grade-level'})],
          [t('credit.score'), credit && credit.risk_score !== null ? String(credit.risk_score) :
              null],
          [t('credit.updated'), credit ? `${formatTimestamp(credit.updated_at)} · ` +
                                         `${credit.updated_by || ''}` : null],
        ]),
        h('h3', null, t('credit.measures')),
        measuresView(profile.measures, {id: 'credit-measures',
                                        empty: t('credit.measures_none')})),
      card(t('credit.assessment'), a ? assessmentSummary(a) :
          h('p', {class: 'muted', id: 'credit-no-assessment'}, t('credit.no_assessment')),
      status.node, parity)),
    a ? card(t('credit.factors'), assessmentView(a.result || {})) : null,
    h('div', {class: 'grid-2'},
      card(t('credit.trend'), trendChart(profile.trend, cutOffs(doc))),
      card(t('credit.monthly'), monthlyChart(profile.monthly), monthlyTable(profile.monthly))),
    card(t('credit.decisions'), decisionsTable(profile.decisions)),
    card(t('credit.violations'), violationsTable(profile.violations)),
    customs ? creditActions(ctx, {base: `/enterprises/${ent.id}`, assessment: a, today,
                                  grades: gradesOn(doc, today)}) : null);
  await pageCheck(ctx, a, status, parity);
}

function assessmentSummary(a) {
  const r = a.result || {};
  return facts([
    [t('credit.score'), h('strong', {id: 'credit-score', 'data-score': a.score}, String(a.score))],
    [t('credit.risk_level'), levelBadge(a.risk_level, {id: 'credit-level'})],
    [t('credit.recommended'), gradeBadge(a.recommended_grade, {id: 'credit-recommended'})],
    [t('credit.change'), h('span', {id: 'credit-change', 'data-change': r.change || ''},
                           enumLabel('credit_change', r.change))],
    [t('credit.as_of'), h('span', {id: 'credit-as-of'}, a.as_of)],
    [t('credit.period'), `${a.period_from || ''} – ${a.as_of}`],
    [t('credit.policy_version'), a.policy_version],
    [t('credit.assessed_by'), `${a.created_by || ''} · ${formatTimestamp(a.created_at)}`],
  ], {id: 'credit-assessment', 'data-assessment-id': a.id});
}

// The core in the page over the stored facts: the same request the server ran, so the result
// must be the stored one to the byte (compared as canonical JSON).
async function pageCheck(ctx, a, status, parity) {
  let core;
  try {
    core = await loadCore();
  } catch (e) {
    if (ctx.isCurrent()) status.failed(e);
    return;
  }
  if (!ctx.isCurrent()) return;
  status.ready(core);
  if (!a) return;
  try {
    const page = core.assessCredit({as_of: a.as_of, facts: a.facts}).value;
    replace(parity, parityMarker('credit-parity', page, a.result, {label: t('credit.parity')}));
  } catch (e) {
    replace(parity, errorBanner(e, {id: 'credit-parity-error'}));
  }
}
