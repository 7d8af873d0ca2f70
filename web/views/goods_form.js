// Goods filing form. As the user types, the WebAssembly core checks the commodity code and
// previews the whole verdict with the other enterprises' filings of the same name
// (GET /api/v1/goods/name-codes); on submit (POST /api/v1/enterprises/{id}/goods) the server's
// verdict is compared with the page's for the same request.
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel, lang} from '../i18n.js';
import {errorBanner, findingList, outcomeBadge} from '../components.js';
import {loadCore} from '../core.js';
import {canonicalJson, parseCnyToFen} from '../format.js';
import {coreStatus, decisionDate, field, identifierField, setIdentifierFindings} from './live.js';

const TRADE_MODES = ['1210', '9610'];

export async function render(ctx) {
  const user = ctx.session.user;
  const enterpriseId = user.role === 'enterprise' ? user.enterprise_id : ctx.query.enterprise_id;
  if (!enterpriseId) {
    await chooseEnterprise(ctx);
    return;
  }
  const enterprise = await get(`/enterprises/${enterpriseId}`);
  if (!ctx.isCurrent()) return;
  const today = decisionDate(ctx.session);
  let core = null;
  const others = new Map();  // name -> [{name, code10}] from the server
  let othersTimer = null;

  const input = (id, attrs = {}) => h('input', {id, autocomplete: 'off', ...attrs});
  const sku = input('goods-sku');
  const name = input('goods-name');
  const brand = input('goods-brand');
  const spec = input('goods-spec');
  const code = identifierField('goods-code10', t('goods.code10'), t('goods.code10_hint'));
  const origin = h('select', {id: 'goods-origin'}, h('option', {value: ''},
                                                        t('form.choose_country')));
  const unit = input('goods-unit', {placeholder: '件 / 千克 / 瓶'});
  const price = input('goods-price', {inputmode: 'decimal', placeholder: '199.00'});
  const priceNote = h('small', {id: 'goods-price-note', class: 'hint'});
  const mode = h('select', {id: 'goods-trade-mode'}, TRADE_MODES.map((m) => h('option',
    {value: m}, enumLabel('trade_mode', m))));
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'goods-submit'},
                   t('goods.submit'));
  const submitError = h('div', {id: 'goods-submit-error'});
  const status = coreStatus();
  const previewOutcome = h('div');
  const previewFindings = h('div');

  function collect() {
    const fen = parseCnyToFen(price.value);
    return {
      sku: sku.value.trim(), name: name.value.trim(), brand: brand.value.trim(),
      spec: spec.value.trim(), code10: code.input.value.trim(), origin_country: origin.value,
      unit: unit.value.trim(), declared_unit_price_fen: fen === null ? 0 : fen,
      trade_mode: mode.value,
    };
  }

  async function fetchOthers(goodsName) {
    const r = await get('/goods/name-codes', {name: goodsName,
                                              exclude_enterprise_id: enterpriseId});
    const list = (r && r.other_filings) || [];
    others.set(goodsName, list);
    return list;
  }

  // Keeps the same-name filings of the typed name in the cache, fetching after a short pause.
  function refreshOthers() {
    const goodsName = name.value.trim();
    if (!goodsName || others.has(goodsName)) return;
    clearTimeout(othersTimer);
    othersTimer = setTimeout(() => {
      fetchOthers(goodsName).then(() => { if (ctx.isCurrent()) update(); }).catch(() => {});
    }, 250);
  }

  function update() {
    const priceOk = !price.value.trim() || parseCnyToFen(price.value) !== null;
    replace(priceNote, priceOk ? t('goods.price_hint') : t('goods.price_bad'));
    priceNote.classList.toggle('bad', !priceOk);
    refreshOthers();
    if (!core) return;
    setIdentifierFindings(core, code, 'commodity_code', today);
    const filing = collect();
    try {
      const {verdict} = core.evaluateGoods(filing, today, others.get(filing.name) || []);
      const entry = verdict.positive_list;
      replace(previewOutcome, outcomeBadge(verdict.outcome, {id: 'goods-preview-outcome'}),
              h('span', {class: 'muted'}, ' ', t('verdict.decision_date'), ' ', today),
              entry ? h('p', {class: 'small', id: 'goods-preview-entry'},
                        h('span', {class: 'muted'}, t('goods.positive_entry'), ': '),
                        h('code', null, entry.code8), ' ', entry.name,
                        entry.remark ? h('span', {class: 'muted'}, ' · ', entry.remark) : null) :
                  null);
      replace(previewFindings, findingList(verdict.findings, {id: 'goods-preview-findings',
                                                              empty: t('goods.no_findings')}));
    } catch (e) {
      replace(previewOutcome, outcomeBadge('invalid', {id: 'goods-preview-outcome'}));
      replace(previewFindings, h('p', {class: 'banner banner-warn', id: 'goods-preview-error'},
                                 t('form.input_error'), ' ', e.message));
    }
  }

  async function onSubmit(e) {
    e.preventDefault();
    replace(submitError);
    if (price.value.trim() && parseCnyToFen(price.value) === null) {
      replace(submitError, h('div', {class: 'banner banner-bad', role: 'alert'},
                             t('goods.price_bad')));
      return;
    }
    submit.disabled = true;
    const filing = collect();
    try {
      // The same inputs the server will use: the other filings as they are now.
      const otherFilings = filing.name ? await fetchOthers(filing.name) : [];
      let pageCanon = null;
      try {
        if (core) pageCanon = canonicalJson(JSON.parse(
            core.evaluateGoods(filing, today, otherFilings).text));
      } catch {
        pageCanon = null;  // the server will refuse the same input and say why
      }
      const saved = await post(`/enterprises/${enterpriseId}/goods`, {filing});
      const serverCanon = canonicalJson(saved.verdict);
      ctx.navigate(`#/goods/${saved.id}`, {flash: {goodsId: saved.id,
        match: pageCanon === serverCanon, page: pageCanon, server: serverCanon}});
    } catch (err) {
      replace(submitError, errorBanner(err, {id: 'goods-submit-error-banner'}));
      submit.disabled = false;
    }
  }

  const form = h('form', {class: 'card form', id: 'goods-form', novalidate: true,
                          oninput: update, onchange: update, onsubmit: onSubmit},
    h('div', {class: 'row-grid'},
      field('goods-sku', t('goods.sku'), sku),
      field('goods-name', t('goods.name'), name, t('goods.name_hint')),
      field('goods-brand', t('goods.brand'), brand),
      field('goods-spec', t('goods.spec'), spec)),
    code.node,
    h('div', {class: 'row-grid'},
      field('goods-origin', t('goods.origin'), origin),
      field('goods-unit', t('goods.unit'), unit),
      h('div', {class: 'field'}, h('label', {for: 'goods-price'}, t('goods.price')), price,
        priceNote),
      field('goods-trade-mode', t('goods.trade_mode'), mode)),
    submitError,
    h('div', {class: 'actions'}, submit));

  replace(ctx.el,
    h('h1', null, t('nav.new_goods')),
    h('p', {class: 'muted'}, t('goods.for_enterprise'), ' ',
      h('a', {href: `#/enterprises/${enterpriseId}`, id: 'goods-enterprise-name'},
        enterprise.name || `#${enterpriseId}`)),
    enterprise.status !== 'admitted' ?
        h('p', {class: 'banner banner-warn', id: 'goods-not-admitted'}, t('goods.only_admitted')) :
        null,
    h('div', {class: 'form-layout'}, form,
      h('aside', {class: 'card preview', id: 'goods-preview', 'aria-live': 'polite'},
        h('h2', null, t('goods.preview')), status.node,
        h('p', {class: 'muted small'}, t('goods.preview_hint')),
        previewOutcome, previewFindings)));
  update();

  try {
    core = await loadCore();
    const label = lang() === 'en' ? 'name_en' : 'name_zh';
    origin.append(...core.countries.map((c) => h('option', {value: c.code},
                                                  `${c.code} ${c[label] || c.name_zh}`)));
    status.ready(core);
    if (ctx.isCurrent()) update();
  } catch (e) {
    status.failed(e);
  }
}

// An officer opened the form without an enterprise: pick one of the admitted enterprises.
async function chooseEnterprise(ctx) {
  const page = await get('/enterprises', {status: 'admitted', limit: 500});
  if (!ctx.isCurrent()) return;
  const sel = h('select', {id: 'goods-enterprise'}, (page.items || []).map((e) => h('option',
    {value: e.id}, `${e.name} (#${e.id})`)));
  replace(ctx.el, h('h1', null, t('nav.new_goods')),
    h('form', {class: 'card form', onsubmit: (e) => {
      e.preventDefault();
      if (sel.value) ctx.setQuery({enterprise_id: sel.value});
    }}, field('goods-enterprise', t('goods.choose_enterprise'), sel),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary'},
                                   t('common.continue')))));
}

