// One admission application: enterprise data, roles, qualifications, the checklist with every
// finding, the decision form (officers, while submitted) and the history. Reads
// GET /api/v1/applications/{id}; decides with POST .../decision.
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {applicationStatusBadge, badge, card, checklistView, dataTable, enterpriseStatusBadge,
        errorBanner, facts, loadingNote, parityBanner, verdictSummary} from '../components.js';
import {formatTimestamp} from '../format.js';

export async function render(ctx) {
  const id = ctx.params[0];
  replace(ctx.el, loadingNote());
  const app = await get(`/applications/${id}`);
  const ent = await get(`/enterprises/${app.enterprise_id}`).catch(() => null);
  if (!ctx.isCurrent()) return;
  const a = app.application || {};
  const officer = ctx.session.user.role !== 'enterprise';
  const parity = ctx.flash && String(ctx.flash.applicationId) === String(app.id) ?
      ctx.flash : null;
  const enterprise = ent && (ent.enterprise || ent);

  replace(ctx.el,
    h('div', {class: 'title-row'},
      h('h1', null, a.name || t('app.application'), ' ',
        h('span', {class: 'muted'}, `#${app.id}`)),
      applicationStatusBadge(app.status, {id: 'application-status'})),
    parity ? parityBanner(parity) : null,
    h('div', {class: 'grid-2'},
      h('div', null,
        card(t('detail.enterprise'), facts([
          [t('form.name'), a.name],
          [t('form.uscc'), a.uscc ? h('code', null, a.uscc) : t('common.none')],
          [t('form.customs_code'), h('code', null, a.customs_code || '')],
          [t('form.overseas'), a.overseas ? t('common.yes') : t('common.no')],
          [t('form.country'), a.overseas ? a.country : null],
          [t('detail.enterprise_status'), enterprise ? h('a',
              {href: `#/enterprises/${app.enterprise_id}`},
              enterpriseStatusBadge(enterprise.status, {id: 'application-enterprise-status'})) :
              null],
          [t('form.shop_urls'), (a.shop_urls || []).length ? h('ul', {class: 'plain'},
              a.shop_urls.map((u) => h('li', null, h('code', null, u)))) : t('common.none')],
        ])),
        card(t('form.roles'), h('div', {class: 'chips', id: 'application-roles'},
          (a.roles || []).map((r) => badge('info', enumLabel('role', r), {'data-role': r})))),
        card(t('form.qualifications'), qualificationsTable(a.qualifications || [])),
        history(app)),
      h('div', null,
        card(t('detail.checklist'), verdictSummary(app.verdict),
             checklistView(app.verdict, {id: 'checklist'})),
        officer && app.status === 'submitted' ? decisionForm(ctx, app, parity) : null)));
}

function qualificationsTable(quals) {
  const agents = quals.some((q) => q.agent_uscc);
  return dataTable([
    {label: t('form.qual_type'), cell: (q) => enumLabel('qual', q.type)},
    {label: t('form.qual_number'), cell: (q) => q.number},
    {label: t('form.qual_issuer'), cell: (q) => q.issuer},
    {label: t('form.valid_from'), cell: (q) => q.valid_from || '', class: 'nowrap'},
    {label: t('form.valid_to'), cell: (q) => q.valid_to || t('form.no_expiry'), class: 'nowrap'},
    agents ? {label: t('form.agent_uscc'),
              cell: (q) => q.agent_uscc ? h('code', null, q.agent_uscc) : ''} : null,
  ].filter(Boolean), quals, {id: 'qualifications-table', empty: t('form.no_qualifications')});
}

function history(app) {
  // Who acted is shown when the server names them (it may answer only a user id).
  const name = (v) => (typeof v === 'string' ? v : '');
  const rows = [
    {at: app.submitted_at, what: 'submitted', who: name(app.submitted_by), reason: ''},
    app.decided_at ? {at: app.decided_at, what: app.status, who: name(app.decided_by),
                      reason: app.decision_reason || ''} : null,
  ].filter(Boolean);
  return card(t('detail.history'), h('ol', {class: 'timeline', id: 'application-history'},
    rows.map((r) => h('li', {'data-event': r.what},
      h('span', {class: 'timeline-at'}, formatTimestamp(r.at)),
      h('strong', null, enumLabel('history', r.what)),
      r.who ? h('span', {class: 'muted'}, ' · ', String(r.who)) : null,
      r.reason ? h('p', {class: 'timeline-reason', 'data-testid': 'decision-reason-text'},
                   r.reason) : null))));
}

function decisionForm(ctx, app, parity) {
  const reason = h('textarea', {id: 'decision-reason', rows: 3, maxlength: 1000,
                                placeholder: t('decision.reason_hint')});
  const error = h('div', {id: 'decision-error'});
  const ineligible = app.verdict && app.verdict.outcome === 'ineligible';
  async function decide(decision) {
    replace(error);
    if (!reason.value.trim()) {
      replace(error, h('div', {class: 'banner banner-bad', role: 'alert'},
                       t('decision.reason_required')));
      reason.focus();
      return;
    }
    for (const b of buttons) b.disabled = true;
    try {
      await post(`/applications/${app.id}/decision`, {decision, reason: reason.value.trim()});
      ctx.navigate(`#/applications/${app.id}`, {flash: parity});
    } catch (e) {
      replace(error, errorBanner(e));
      for (const b of buttons) b.disabled = false;
    }
  }
  const buttons = [
    h('button', {type: 'button', class: 'btn btn-primary', id: 'decision-approve',
                 onclick: () => decide('approve')}, t('decision.approve')),
    h('button', {type: 'button', class: 'btn btn-danger', id: 'decision-reject',
                 onclick: () => decide('reject')}, t('decision.reject')),
  ];
  return card(t('decision.title'),
    ineligible ? h('p', {class: 'banner banner-warn'}, t('decision.ineligible_note')) : null,
    h('label', {for: 'decision-reason'}, t('decision.reason')), reason, error,
    h('div', {class: 'actions'}, buttons));
}
