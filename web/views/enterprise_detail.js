// One enterprise: its data and status, qualifications, applications and goods filings.
// Reads GET /api/v1/enterprises/{id} (with its applications) and /goods (filtered to it).
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {applicationStatusBadge, badge, card, checklistView, dataTable, enterpriseStatusBadge,
        facts, loadingNote, outcomeBadge} from '../components.js';
import {applicationsTable, appOutcome} from './applications.js';
import {goodsTable} from './goods.js';

// Renders enterprise `id` into `el` (used by this screen and by the enterprise portal).
export async function renderEnterprise(ctx, el, id, {portal = false} = {}) {
  const [ent, goods] = await Promise.all([get(`/enterprises/${id}`),
                                          get('/goods', {enterprise_id: id, limit: 100})]);
  if (!ctx.isCurrent()) return;
  const e = ent.enterprise || ent;
  const quals = ent.qualifications || e.qualifications || [];
  // The enterprise answer carries its application summaries; keep only this enterprise's rows.
  const apps = Array.isArray(ent.applications) ? ent.applications :
      ((await get('/applications', {enterprise_id: id, limit: 100})).items || []);
  const ownApps = apps.filter((a) => String(a.enterprise_id) === String(id));
  const ownGoods = (goods.items || []).filter((g) => String(g.enterprise_id) === String(id));
  // The enterprise reads its latest applications in full (checklist and reason) on its home.
  const fullApps = portal ? await Promise.all(ownApps.slice(0, 5).map((a) =>
      get(`/applications/${a.id}`))) : [];
  if (!ctx.isCurrent()) return;
  replace(el,
    h('div', {class: 'title-row'},
      h('h1', null, e.name, ' ', h('span', {class: 'muted'}, `#${e.id}`)),
      enterpriseStatusBadge(e.status, {id: 'enterprise-status'}),
      h('a', {class: 'btn', id: 'enterprise-credit-link',
              href: portal ? '#/credit' : `#/enterprises/${e.id}/credit`}, t('credit.open'))),
    h('p', {class: 'status-words', id: 'enterprise-status-text', 'data-status': e.status},
      t(`ent.status_words_${e.status}`)),
    h('div', {class: 'grid-2'},
      card(t('detail.enterprise'), facts([
        [t('form.name'), e.name],
        [t('form.uscc'), e.uscc ? h('code', null, e.uscc) : t('common.none')],
        [t('form.customs_code'), h('code', null, e.customs_code || '')],
        [t('form.overseas'), e.overseas ? t('common.yes') : t('common.no')],
        [t('form.country'), e.overseas ? e.country : null],
        [t('form.roles'), h('span', {class: 'chips'},
          (e.roles || []).map((r) => badge('info', enumLabel('role', r))))],
        [t('form.shop_urls'), (e.shop_urls || []).length ? h('ul', {class: 'plain'},
          e.shop_urls.map((u) => h('li', null, h('code', null, u)))) : null],
      ])),
      card(t('form.qualifications'), dataTable([
        {label: t('form.qual_type'), cell: (q) => enumLabel('qual', q.type)},
        {label: t('form.qual_number'), cell: (q) => q.number},
        {label: t('form.qual_issuer'), cell: (q) => q.issuer},
        {label: t('form.valid_from'), cell: (q) => q.valid_from || '', class: 'nowrap'},
        {label: t('form.valid_to'), cell: (q) => q.valid_to || t('form.no_expiry'),
         class: 'nowrap'},
      ], quals, {id: 'enterprise-qualifications', empty: t('form.no_qualifications')}))),
    card(portal ? t('portal.my_applications') : t('nav.applications'),
         applicationsTable(ownApps, ctx, {id: 'enterprise-applications'}),
         portal ? applicationDetails(fullApps) : null),
    card(portal ? t('portal.my_goods') : t('nav.goods'),
         e.status === 'admitted' ? h('p', null, h('a', {
           class: 'btn btn-primary', id: 'goods-new',
           href: portal ? '#/goods/new' : `#/goods/new?enterprise_id=${e.id}`},
         t('nav.new_goods'))) : h('p', {class: 'muted'}, t('goods.only_admitted')),
         goodsTable(ownGoods, ctx, {id: 'enterprise-goods'})));
}

// For the enterprise itself: each application's decision reason and checklist, the newest open.
function applicationDetails(apps) {
  if (!apps.length) return null;
  return h('div', {class: 'app-details', id: 'portal-application-details'},
    apps.map((a, i) => h('details', {'data-id': a.id, open: i === 0},
      h('summary', null, `#${a.id} `, applicationStatusBadge(a.status), ' ',
        outcomeBadge(appOutcome(a))),
      a.decision_reason ? h('p', {class: 'reason', 'data-testid': 'decision-reason-text'},
                            h('strong', null, t('decision.reason'), ': '), a.decision_reason) :
          null,
      a.verdict ? checklistView(a.verdict) : null)));
}

export async function render(ctx) {
  replace(ctx.el, loadingNote());
  await renderEnterprise(ctx, ctx.el, ctx.params[0],
                         {portal: ctx.session.user.role === 'enterprise'});
}
