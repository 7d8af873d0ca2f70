// Findings against enterprises and their answers (#/findings): for an enterprise user its own
// findings, each open one answerable with an explanation or a correction; for customs every
// enterprise's, each answered one reviewable. A state filter (tabs), a page of findings, and a
// chart of all findings per month by state. Network I/O: GET /api/v1/findings.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {card, loadingNote, pager} from '../components.js';
import {PAGE_SIZE} from './applications.js';
import {STATES, answerForm, findingCard, findingsChart, reviewForm} from './findings_parts.js';

// Every finding the caller may see (the chart counts them all, not one page).
async function allFindings(query) {
  const items = [];
  for (let offset = 0; ; offset += 500) {
    const page = await get('/findings', {...query, limit: 500, offset});
    items.push(...(page.items || []));
    if (!page.items || !page.items.length || items.length >= (page.total || 0)) return items;
  }
}

function flashBanner(ctx) {
  const f = ctx.flash || {};
  if (f.findingAnswered) {
    return h('div', {class: 'banner banner-ok', role: 'status', id: 'finding-answered'},
             t('findings.answered'));
  }
  if (f.findingReviewed) {
    return h('div', {class: 'banner banner-ok', role: 'status', id: 'finding-reviewed',
                     'data-review': f.findingReviewed}, t('findings.reviewed'));
  }
  return null;
}

export async function render(ctx) {
  const enterprise = ctx.session.user.role === 'enterprise';
  const state = STATES.includes(ctx.query.state) ? ctx.query.state : '';
  const offset = Math.max(0, Number.parseInt(ctx.query.offset || '0', 10) || 0);
  const scope = ctx.query.enterprise_id ? {enterprise_id: ctx.query.enterprise_id} : {};
  replace(ctx.el, h('h1', null, t('findings.title')), loadingNote());
  const [page, all] = await Promise.all([
    get('/findings', {...scope, state, limit: PAGE_SIZE, offset}), allFindings(scope)]);
  if (!ctx.isCurrent()) return;
  const items = page.items || [];
  const tabs = h('nav', {class: 'tabs', id: 'findings-states'}, ['', ...STATES].map((s) => h('a', {
    href: s ? `#/findings?state=${s}` : '#/findings', id: `findings-tab-${s || 'all'}`,
    class: s === state ? 'btn btn-small active' : 'btn btn-small',
    'aria-current': s === state ? 'page' : null},
  s ? enumLabel('finding_state', s) : t('filter.all'),
  ' ', h('span', {class: 'muted small'},
         String(s ? all.filter((f) => f.state === s).length : all.length)))));
  const list = items.length ? h('ul', {class: 'findings-plain', id: 'findings-list'},
    items.map((f) => findingCard(f, actionFor(ctx, f, enterprise), !enterprise))) :
      h('p', {class: 'muted', id: 'findings-list', 'data-empty': 'true'}, t('findings.none'));
  replace(ctx.el,
    h('h1', {id: 'findings-title'}, t('findings.title')),
    h('p', {class: 'muted'}, t(enterprise ? 'findings.intro_enterprise' : 'findings.intro_customs')),
    flashBanner(ctx),
    card(t('findings.chart'), findingsChart(all) ||
         h('p', {class: 'muted', id: 'findings-chart'}, t('findings.none'))),
    tabs, list,
    page.total > PAGE_SIZE ? pager({total: page.total, limit: PAGE_SIZE, offset,
                                    onPage: (o) => ctx.setQuery({state, offset: o})}) : null);
}

// The button that opens the one form of a finding: answer (enterprise, open) or review
// (customs, answered). Opening one form closes any other.
function actionFor(ctx, f, enterprise) {
  const [key, make] = enterprise && f.state === 'open' ? ['findings.answer', answerForm] :
      !enterprise && f.state === 'answered' ? ['findings.review', reviewForm] : [];
  if (!key) return null;
  const slot = h('div', {class: 'finding-action'});
  const button = h('button', {type: 'button', class: 'btn btn-small', 'data-action':
                              enterprise ? 'answer' : 'review',
                              onclick: () => {
                                for (const open of document.querySelectorAll('.finding-action')) {
                                  if (open !== slot) replace(open, open.firstChild);
                                }
                                replace(slot, button, make(ctx, f));
                              }}, t(key));
  replace(slot, button);
  return slot;
}
