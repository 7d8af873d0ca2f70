// "代为登记": an officer registers an enterprise's admission application. As the officer types,
// the WebAssembly core checks the USCC, customs code and agent USCCs field by field and previews
// the whole checklist; on submit (POST /api/v1/applications) the server's verdict is compared
// with the page's for the same request.
import {post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel, lang} from '../i18n.js';
import {checklistView, errorBanner, outcomeBadge} from '../components.js';
import {loadCore} from '../core.js';
import {canonicalJson} from '../format.js';
import {coreStatus, decisionDate, field, identifierField, setIdentifierFindings} from './live.js';

const ROLES = ['ecommerce', 'platform', 'payment', 'logistics'];
const QUAL_TYPES = ['business_licence', 'icp_filing', 'payment_licence', 'express_licence',
                    'domestic_agent'];

export async function render(ctx) {
  const today = decisionDate(ctx.session);
  let core = null;
  let rowSeq = 0;
  const rows = [];  // qualification rows: {key, el, typeSel, number, issuer, from, to, agent}

  const name = h('input', {id: 'app-name', name: 'name', autocomplete: 'organization'});
  const uscc = identifierField('app-uscc', t('form.uscc'), t('form.uscc_hint'));
  const customs = identifierField('app-customs-code', t('form.customs_code'),
                                  t('form.customs_code_hint'));
  const overseas = h('input', {type: 'checkbox', id: 'app-overseas', name: 'overseas'});
  const country = h('select', {id: 'app-country', name: 'country', disabled: true},
                    h('option', {value: ''}, t('form.choose_country')));
  const roleBoxes = ROLES.map((r) => h('input', {type: 'checkbox', id: `app-role-${r}`,
                                                 name: 'roles', value: r}));
  const quals = h('div', {id: 'app-quals', class: 'qual-rows'});
  const shops = h('textarea', {id: 'app-shop-urls', name: 'shop_urls', rows: 2,
                               placeholder: 'https://shop.example.cn/'});
  const accUser = h('input', {id: 'app-account-username', name: 'account_username',
                              autocomplete: 'off'});
  const accPass = h('input', {id: 'app-account-password', name: 'account_password',
                              type: 'password', autocomplete: 'new-password'});
  const accName = h('input', {id: 'app-account-display-name', name: 'account_display_name'});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'app-submit'},
                   t('form.submit_application'));
  const submitError = h('div', {id: 'app-submit-error'});
  const status = coreStatus();
  const previewOutcome = h('div', {id: 'preview-outcome-wrap'});
  const previewList = h('div', {id: 'preview-checklist-wrap'});

  function addQualRow(type = 'business_licence') {
    const key = rowSeq++;
    const id = (f) => `app-qual-${key}-${f}`;
    const typeSel = h('select', {id: id('type'), class: 'qual-type'},
                      QUAL_TYPES.map((q) => h('option', {value: q, selected: q === type},
                                              enumLabel('qual', q))));
    const number = h('input', {id: id('number'), class: 'qual-number'});
    const issuer = h('input', {id: id('issuer'), class: 'qual-issuer'});
    const from = h('input', {id: id('valid-from'), type: 'date', class: 'qual-from'});
    const to = h('input', {id: id('valid-to'), type: 'date', class: 'qual-to'});
    const agent = identifierField(id('agent-uscc'), t('form.agent_uscc'),
                                  t('form.agent_uscc_hint'));
    const row = {key, typeSel, number, issuer, from, to, agent};
    const remove = h('button', {type: 'button', class: 'btn btn-ghost btn-small',
                                id: id('remove'), 'aria-label': t('form.remove_qual'),
                                onclick: () => {
                                  rows.splice(rows.indexOf(row), 1);
                                  row.el.remove();
                                  update();
                                }}, '✕ ', t('form.remove_qual'));
    row.el = h('fieldset', {class: 'qual-row', 'data-row': key},
      h('legend', null, t('form.qualification'), ` ${key + 1}`),
      h('div', {class: 'row-grid'},
        field(id('type'), t('form.qual_type'), typeSel),
        field(id('number'), t('form.qual_number'), number),
        field(id('issuer'), t('form.qual_issuer'), issuer),
        field(id('valid-from'), t('form.valid_from'), from),
        field(id('valid-to'), t('form.valid_to'), to, t('form.valid_to_hint'))),
      agent.node, remove);
    const syncAgent = () => { agent.node.hidden = typeSel.value !== 'domestic_agent'; };
    typeSel.addEventListener('change', syncAgent);
    syncAgent();
    rows.push(row);
    quals.append(row.el);
    return row;
  }

  function collect() {
    return {
      name: name.value.trim(),
      uscc: uscc.input.value.trim(),
      customs_code: customs.input.value.trim(),
      overseas: overseas.checked,
      country: overseas.checked ? country.value : '',
      roles: roleBoxes.filter((b) => b.checked).map((b) => b.value),
      qualifications: rows.map((r) => {
        const q = {type: r.typeSel.value, number: r.number.value.trim(),
                   issuer: r.issuer.value.trim(), valid_from: r.from.value || null,
                   valid_to: r.to.value || null};
        if (q.type === 'domestic_agent') q.agent_uscc = r.agent.input.value.trim();
        return q;
      }),
      shop_urls: shops.value.split(/\s+/).map((s) => s.trim()).filter(Boolean),
    };
  }

  // Re-runs every live check and the checklist preview from the current form.
  function update() {
    country.disabled = !overseas.checked;
    if (!core) return;
    setIdentifierFindings(core, uscc, 'uscc', today);
    setIdentifierFindings(core, customs, 'customs_code', today);
    for (const r of rows) {
      if (r.typeSel.value === 'domestic_agent') setIdentifierFindings(core, r.agent, 'uscc', today);
    }
    try {
      const {verdict} = core.evaluateAdmission(collect(), today);
      replace(previewOutcome, outcomeBadge(verdict.outcome, {id: 'preview-outcome'}),
              h('span', {class: 'muted'}, ' ', t('verdict.decision_date'), ' ', today));
      replace(previewList, checklistView(verdict, {id: 'preview-checklist'}));
    } catch (e) {
      replace(previewOutcome, outcomeBadge('invalid', {id: 'preview-outcome'}));
      replace(previewList, h('p', {class: 'banner banner-warn', id: 'preview-error'},
                             t('form.input_error'), ' ', e.message));
    }
  }

  async function onSubmit(e) {
    e.preventDefault();
    replace(submitError);
    const application = collect();
    const body = {application};
    if (accUser.value.trim()) {
      body.account = {username: accUser.value.trim(), password: accPass.value,
                      display_name: accName.value.trim() || application.name};
    }
    // The page's verdict for exactly what is sent, computed before the server answers.
    let pageText = null;
    try {
      if (core) pageText = core.evaluateAdmission(application, today).text;
    } catch {
      pageText = null;  // the server will refuse the same input and say why
    }
    submit.disabled = true;
    try {
      const saved = await post('/applications', body);
      const serverText = canonicalJson(saved.verdict);
      const pageCanon = pageText === null ? null : canonicalJson(JSON.parse(pageText));
      ctx.navigate(`#/applications/${saved.id}`, {flash: {
        applicationId: saved.id, match: pageCanon === serverText, page: pageCanon,
        server: serverText}});
    } catch (err) {
      replace(submitError, errorBanner(err, {id: 'app-submit-error-banner'}));
      submit.disabled = false;
    }
  }

  addQualRow('business_licence');
  const form = h('form', {class: 'card form', id: 'application-form', novalidate: true,
                          oninput: update, onchange: update, onsubmit: onSubmit},
    h('h2', null, t('form.section_enterprise')),
    field('app-name', t('form.name'), name),
    uscc.node, customs.node,
    h('div', {class: 'inline'},
      h('label', {class: 'check-label'}, overseas, ' ', t('form.overseas')),
      field('app-country', t('form.country'), country)),
    h('h2', null, t('form.roles')),
    h('div', {class: 'chips', id: 'app-roles'}, roleBoxes.map((b) => h('label',
      {class: 'chip-check', for: b.id}, b, ' ', enumLabel('role', b.value)))),
    h('h2', null, t('form.qualifications')),
    quals,
    h('button', {type: 'button', class: 'btn', id: 'app-add-qual',
                 onclick: () => { addQualRow('icp_filing'); update(); }}, '+ ',
      t('form.add_qual')),
    h('h2', null, t('form.shop_urls')),
    field('app-shop-urls', t('form.shop_urls_hint'), shops),
    h('h2', null, t('form.account')),
    h('p', {class: 'muted'}, t('form.account_hint')),
    h('div', {class: 'row-grid'},
      field('app-account-username', t('form.account_username'), accUser),
      field('app-account-password', t('form.account_password'), accPass,
            t('form.account_password_hint')),
      field('app-account-display-name', t('form.account_display_name'), accName)),
    submitError,
    h('div', {class: 'actions'}, submit));

  replace(ctx.el,
    h('h1', null, t('nav.new_application')),
    h('div', {class: 'form-layout'}, form,
      h('aside', {class: 'card preview', id: 'preview', 'aria-live': 'polite'},
        h('h2', null, t('form.preview')), status.node,
        h('p', {class: 'muted small'}, t('form.preview_hint')),
        previewOutcome, previewList)));

  try {
    core = await loadCore();
    const label = lang() === 'en' ? 'name_en' : 'name_zh';
    country.append(...core.countries.map((c) => h('option', {value: c.code},
                                                   `${c.code} ${c[label] || c.name_zh}`)));
    status.ready(core);
    if (ctx.isCurrent()) update();
  } catch (e) {
    status.failed(e);
  }
}
