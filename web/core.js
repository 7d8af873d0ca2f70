// The decision core in the page: loads the WebAssembly build of shared/ once, feeds it every
// reference table and the policy in force (network I/O: GET /api/v1/reference/*, /policy), and
// exposes the same checks the server runs. Verdicts come back both as the core's JSON text (for
// byte-level parity with the server) and parsed.
import {get} from './api.js';
import {parseCsv} from './format.js';

export const TABLE_NAMES = ['divisions', 'hs8', 'positive_list', 'controls', 'high_risk',
                            'countries', 'tax_rates'];

let loading = null;

// Resolves to the one Core instance of this page; the first call loads everything.
export function loadCore() {
  if (!loading) {
    loading = init().catch((e) => {
      loading = null;  // let a later screen try again (e.g. after signing in)
      throw e;
    });
  }
  return loading;
}

// A binding answer is JSON text. The core refuses input with {"error":{"code","message"}}
// (evaluate/check) or {"ok":false,"error":"message"} (table and policy loaders).
function parseAnswer(text, what) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${what}: the core answered non-JSON text`);
  }
  if (value && typeof value === 'object' && !Array.isArray(value) &&
      (value.ok === false || value.error)) {
    const e = value.error;
    const err = new Error(`${what}: ${typeof e === 'string' ? e : (e && (e.message || e.code)) ||
                                                                   'refused'}`);
    err.code = e && e.code ? e.code : 'invalid_argument';
    throw err;
  }
  return value;
}

async function init() {
  const [{default: createCore}, texts, policy] = await Promise.all([
    import('/wasm/core.mjs'),
    Promise.all(TABLE_NAMES.map((name) => get(`/reference/${name}`))),
    get('/policy'),
  ]);
  const module = await createCore();
  TABLE_NAMES.forEach((name, i) => {
    if (typeof texts[i] !== 'string') throw new Error(`reference ${name}: not CSV text`);
    parseAnswer(module.loadTable(name, texts[i]), `loadTable(${name})`);
  });
  const doc = policy && policy.document !== undefined ? policy.document : policy;
  parseAnswer(module.loadPolicy(typeof doc === 'string' ? doc : JSON.stringify(doc)), 'loadPolicy');
  return new Core(module, texts[TABLE_NAMES.indexOf('countries')], policy,
                  texts[TABLE_NAMES.indexOf('positive_list')]);
}

class Core {
  constructor(module, countriesCsv, policy, positiveCsv) {
    this.module_ = module;
    // 8-digit codes with an annual quantity cap: their quota counts the legal quantity (qty1).
    this.cappedCode8 = new Set(parseCsv(positiveCsv)
        .filter((r) => /[1-9]/.test(r.annual_cap || ''))
        .map((r) => String(r.code8 || '').trim()));
    this.policyVersion = (policy && (policy.version || (policy.document || {}).version)) || '';
    // Customs 3-digit country codes for the forms' selects: [{code, name_zh, name_en}].
    this.countries = parseCsv(countriesCsv)
        .filter((r) => /^\d{3}$/.test(r.code || ''))
        .map((r) => ({code: r.code, name_zh: r.name_zh || '', name_en: r.name_en || ''}));
  }

  version() {
    return this.module_.coreVersion();
  }

  // kind: resident_id | uscc | customs_code | commodity_code. -> {valid, normalized, findings,
  // details}. date (YYYY-MM-DD) is the decision date (commodity-code year, birth-date check).
  checkIdentifier(kind, value, date) {
    const req = {kind, value};
    if (date) req.date = date;
    return parseAnswer(this.module_.checkIdentifier(JSON.stringify(req)), 'checkIdentifier');
  }

  // The admission verdict for exactly the request the server will evaluate.
  // -> {text: the core's JSON, verdict: parsed}. Throws with the core's message on bad input.
  evaluateAdmission(application, decisionDate) {
    const text = this.module_.evaluateAdmission(
        JSON.stringify({application, decision_date: decisionDate}));
    return {text, verdict: parseAnswer(text, 'evaluateAdmission')};
  }

  // otherFilings: [{name, code10}] of other enterprises (GET /api/v1/goods/name-codes).
  evaluateGoods(filing, decisionDate, otherFilings) {
    const text = this.module_.evaluateGoods(JSON.stringify(
        {filing, decision_date: decisionDate, other_filings: otherFilings || []}));
    return {text, verdict: parseAnswer(text, 'evaluateGoods')};
  }

  // A JSON-in, JSON-out binding of the core: -> {text: the core's JSON, value: parsed}. Throws
  // with the core's message when it refuses the request itself (malformed request).
  // resultOk: answers with "ok": false are results (an invalid rule), not refusals.
  call_(name, request, {resultOk = false} = {}) {
    const text = this.module_[name](typeof request === 'string' ? request :
                                                                  JSON.stringify(request));
    if (!resultOk) return {text, value: parseAnswer(text, name)};
    const value = JSON.parse(text);
    if (value && value.error && typeof value.error === 'object') parseAnswer(text, name);
    return {text, value};
  }

  // Tax (core/tax.h ComputeTax) and quota (core/quota.h CheckQuota) of a list, as the server's
  // screening computes them; requests from ceb.js taxRequest / quotaRequest.
  computeTax(request) {
    return this.call_('computeTax', request);
  }

  checkQuota(request) {
    return this.call_('checkQuota', request);
  }

  // The rule editor (core/rules_api.h): validateRule answers {ok, outcome, errors, ...} for a
  // rule with problems (a result, not a refusal); previewRule over past lists' contexts.
  validateRule(rule) {
    return this.call_('validateRule', {rule}, {resultOk: true});
  }

  previewRule(request) {
    return this.call_('previewRule', request, {resultOk: true});
  }

  // Replays a routing decision: {date, seed, rules, context} -> the core's RouteDecision JSON.
  route(request) {
    return this.call_('route', request);
  }

  ruleSchema() {
    return parseAnswer(this.module_.ruleSchema(), 'ruleSchema');
  }

  // The ledger view (core/ledger_api.h) over the entries the API returned.
  ledgerBalances(request) {
    return this.call_('ledgerBalances', request);
  }

  ledgerTrace(request) {
    return this.call_('ledgerTrace', request);
  }

  ledgerWhatIf(request) {
    return this.call_('ledgerWhatIf', request);
  }

  compareStocktake(request) {
    return this.call_('compareStocktake', request);
  }

  // The credit assessment (core/credit.h) over the facts the server stored.
  assessCredit(request) {
    return this.call_('assessCredit', request);
  }

  // The learned risk score (core/learned.h) from a stored model's trees and a list's values.
  scoreLearned(request) {
    return this.call_('scoreLearned', request);
  }
}
