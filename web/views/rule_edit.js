// The rule editor: a routing rule's condition, action, priority, validity, enabled flag and
// reasons, checked live by the WebAssembly core as the administrator types (errors placed under
// the condition at their position; field suggestions from the core's schema), a preview of the
// rule against past lists by the server, saving as a new version, and the version history.
// Reads GET /api/v1/routing/rules/{id}; writes PUT /routing/rules/{id}, POST /routing/preview.
import {get, post, put} from '../api.js';
import {h, replace} from '../dom.js';
import {lang, t, enumLabel} from '../i18n.js';
import {badge, card, dataTable, errorBanner, facts, loadingNote} from '../components.js';
import {loadCore} from '../core.js';
import {formatTimestamp} from '../format.js';
import {coreStatus, decisionDate, field} from './live.js';
import {dynamicInputs} from './rule_dynamic.js';
import {ruleOf} from './rules.js';
import {declarationLink, messageOf} from './supervision_parts.js';

const ACTIONS = ['release', 'manual_review', 'inspect', 'valuation', 'reject'];

export async function render(ctx) {
  const id = ctx.params[0] || null;
  const admin = ctx.session.user.role === 'admin';
  replace(ctx.el, loadingNote());
  const stored = id ? await get(`/routing/rules/${id}`) : null;
  if (!ctx.isCurrent()) return;
  const rule = stored ? ruleOf(stored) : {id: '', name: '', condition: '', action: 'manual_review',
                                         priority: 100, valid_from: decisionDate(ctx.session),
                                         valid_to: null, enabled: false, reason_zh: '',
                                         reason_en: ''};
  const versions = (stored && (stored.versions || stored.history)) || [];

  const inputs = {
    id: h('input', {id: 'rule-id', class: 'mono', value: rule.id || '', disabled: Boolean(id),
                    autocomplete: 'off', spellcheck: 'false'}),
    name: h('input', {id: 'rule-name', value: rule.name || ''}),
    condition: h('textarea', {id: 'rule-condition', class: 'mono', rows: 5, spellcheck: 'false',
                              'aria-describedby': 'rule-condition-errors',
                              value: rule.condition || ''}),
    action: h('select', {id: 'rule-action'}, ACTIONS.map((a) => h('option',
        {value: a, selected: a === rule.action}, enumLabel('action', a)))),
    priority: h('input', {id: 'rule-priority', type: 'number', min: 0, max: 1000000, step: 1,
                          value: String(rule.priority ?? 0)}),
    valid_from: h('input', {id: 'rule-valid-from', type: 'date', value: rule.valid_from || ''}),
    valid_to: h('input', {id: 'rule-valid-to', type: 'date', value: rule.valid_to || ''}),
    enabled: h('input', {id: 'rule-enabled', type: 'checkbox', checked: rule.enabled !== false}),
    reason_zh: h('input', {id: 'rule-reason-zh', value: rule.reason_zh || ''}),
    reason_en: h('input', {id: 'rule-reason-en', value: rule.reason_en || ''}),
  };
  const note = h('input', {id: 'rule-note', placeholder: t('rules.note_hint')});
  // Checked on every edit like the other inputs (validate, below, exists by the first edit).
  const dynamic = dynamicInputs(rule, () => validate());
  const conditionErrors = h('div', {id: 'rule-condition-errors', class: 'live-findings',
                                    'aria-live': 'polite'});
  const otherErrors = h('div', {id: 'rule-other-errors', class: 'live-findings'});
  const validation = h('p', {id: 'rule-validation', 'data-outcome': ''});
  const suggestions = h('div', {id: 'rule-suggestions', class: 'chips'});
  const fieldsList = h('div', {id: 'rule-fields'});
  const status = coreStatus();
  const saveError = h('div', {id: 'rule-save-error'});
  const previewOut = h('div', {id: 'rule-preview-result'});
  const from = h('input', {id: 'preview-from', type: 'date'});
  const to = h('input', {id: 'preview-to', type: 'date'});
  let core = null;
  let schema = [];

  // The rule as the form holds it, in the core's JSON form.
  const current = () => {
    const priority = Number.parseInt(inputs.priority.value, 10);
    return {
      id: inputs.id.value.trim(), name: inputs.name.value.trim(),
      condition: inputs.condition.value, action: inputs.action.value,
      priority: Number.isFinite(priority) ? priority : -1,
      valid_from: inputs.valid_from.value, valid_to: inputs.valid_to.value || null,
      enabled: inputs.enabled.checked,
      reason_zh: inputs.reason_zh.value.trim(), reason_en: inputs.reason_en.value.trim(),
      ...dynamic.value(),
    };
  };

  const showErrors = (errors) => {
    const inCondition = errors.filter((e) => e.field === 'condition' || e.offset >= 0);
    const others = errors.filter((e) => !inCondition.includes(e));
    replace(conditionErrors, inCondition.map((e) => conditionError(inputs.condition.value, e)));
    replace(otherErrors, others.length ? h('ul', {class: 'findings'}, others.map((e) =>
      h('li', {class: 'finding finding-error', 'data-finding-code': e.code,
               'data-field': e.field || ''},
        h('code', {class: 'finding-code'}, e.code), ' ',
        e.field ? h('span', {class: 'finding-field'}, e.field) : null, ' ', messageOf(e)))) :
        null);
    for (const [key, input] of Object.entries(inputs)) {
      const bad = others.some((e) => e.field === key) ||
                  (key === 'condition' && inCondition.length > 0);
      input.setAttribute('aria-invalid', bad ? 'true' : 'false');
    }
    dynamic.markInvalid(others);
  };

  const validate = () => {
    if (!core) return null;
    const answer = core.validateRule(current()).value;
    const errors = answer.errors || [];
    validation.dataset.outcome = answer.outcome || (errors.length ? 'invalid' : 'valid');
    replace(validation, errors.length ? badge('bad', t('rules.invalid')) :
        badge('ok', t('rules.valid')), ' ',
        (answer.fields || []).length ? h('span', {class: 'muted small'}, t('rules.reads'), ' ',
                                         answer.fields.join(', ')) : null);
    showErrors(errors);
    suggest();
    return answer;
  };

  // Schema paths that complete the word before the cursor ("list.va" -> list.value_fen).
  const suggest = () => {
    const text = inputs.condition.value;
    const caret = inputs.condition.selectionStart ?? text.length;
    const m = text.slice(0, caret).match(/[A-Za-z_][\w.]*$/);
    const word = m ? m[0] : '';
    const hits = word.length >= 2 ? schema.filter((f) => f.path.startsWith(word) &&
                                                         f.path !== word).slice(0, 8) : [];
    // mousedown keeps the focus (and the caret) in the condition while a suggestion is taken.
    replace(suggestions, hits.map((f) => h('button', {
      type: 'button', class: 'btn btn-small btn-ghost', 'data-path': f.path,
      title: describe(f), onmousedown: (e) => e.preventDefault(),
      onclick: () => insertAtCaret(inputs.condition, f.path, word.length, validate)}, f.path)));
  };

  for (const input of Object.values(inputs)) {
    const choice = input.tagName === 'SELECT' || input.type === 'checkbox';
    if (!choice) input.addEventListener('input', validate);
    if (choice || input.type === 'date') input.addEventListener('change', validate);
  }
  inputs.condition.addEventListener('keyup', suggest);
  inputs.condition.addEventListener('click', suggest);

  const save = h('button', {type: 'button', class: 'btn btn-primary', id: 'rule-save',
    onclick: async () => {
      replace(saveError);
      const r = current();
      if (!r.id) {
        replace(saveError, h('div', {class: 'banner banner-bad', role: 'alert'},
                             t('rules.id_required')));
        return;
      }
      save.disabled = true;
      try {
        const answer = await put(`/routing/rules/${encodeURIComponent(r.id)}`,
                                 {rule: r, note: note.value.trim()});
        ctx.navigate(`#/rules/${r.id}`, {flash: {savedRule: r.id,
                                                 version: answer && answer.version}});
      } catch (e) {
        const errors = errorsOf(e.body);
        if (errors) showErrors(errors);
        replace(saveError, errorBanner(e));
        save.disabled = false;
      }
    }}, t('rules.save'));

  const previewBtn = h('button', {type: 'button', class: 'btn', id: 'rule-preview',
    onclick: async () => {
      previewBtn.disabled = true;
      replace(previewOut, loadingNote());
      try {
        const answer = await post('/routing/preview', {rule: current(), from: from.value || null,
                                                        to: to.value || null, limit: 500});
        replace(previewOut, previewView(answer));
      } catch (e) {
        replace(previewOut, errorBanner(e, {id: 'rule-preview-error'}));
      } finally {
        previewBtn.disabled = false;
      }
    }}, t('rules.preview'));

  const saved = ctx.flash && ctx.flash.savedRule === id ? ctx.flash : null;
  replace(ctx.el,
    h('div', {class: 'title-row'},
      h('h1', null, id ? t('rules.edit_title') : t('rules.new'), ' ',
        id ? h('code', null, id) : null),
      stored && stored.version !== undefined ?
          h('span', {class: 'badge badge-info', id: 'rule-version'},
            t('lists.version'), ' ', String(stored.version)) : null),
    saved ? h('p', {class: 'banner banner-ok', role: 'status', id: 'rule-saved'},
              t('rules.saved', {version: saved.version ?? ''})) : null,
    admin ? null : h('p', {class: 'banner banner-warn'}, t('rules.read_only')),
    h('div', {class: 'form-layout'},
      h('form', {class: 'card form', id: 'rule-form', onsubmit: (e) => e.preventDefault()},
        field('rule-id', t('rules.id'), inputs.id, t('rules.id_hint')),
        field('rule-name', t('rules.name'), inputs.name),
        h('div', {class: 'field'}, h('label', {for: 'rule-condition'}, t('rules.condition')),
          inputs.condition, suggestions, conditionErrors,
          h('small', {class: 'hint'}, t('rules.condition_hint'))),
        h('div', {class: 'row-grid'},
          field('rule-action', t('rules.action'), inputs.action),
          field('rule-priority', t('rules.priority'), inputs.priority)),
        h('div', {class: 'row-grid'},
          field('rule-valid-from', t('form.valid_from'), inputs.valid_from),
          field('rule-valid-to', t('form.valid_to'), inputs.valid_to, t('form.valid_to_hint'))),
        h('label', {class: 'inline'}, inputs.enabled, ' ', t('rules.enabled')),
        dynamic.node,
        field('rule-reason-zh', t('rules.reason_zh'), inputs.reason_zh),
        field('rule-reason-en', t('rules.reason_en'), inputs.reason_en),
        otherErrors,
        admin ? field('rule-note', t('rules.note'), note) : null,
        saveError,
        admin ? h('div', {class: 'actions'}, save) : null),
      h('aside', {class: 'card preview'},
        h('h2', null, t('rules.live_check')), status.node, validation,
        h('h3', null, t('rules.fields')), fieldsList)),
    card(t('rules.preview_title'),
      h('p', {class: 'muted small'}, t('rules.preview_hint')),
      h('div', {class: 'filterbar'},
        h('label', {class: 'filter'}, h('span', null, t('decl.from')), from),
        h('label', {class: 'filter'}, h('span', null, t('decl.to')), to), previewBtn),
      previewOut),
    card(t('rules.history'), historyView(versions)));

  try {
    core = await loadCore();
    if (!ctx.isCurrent()) return;
    status.ready(core);
    schema = (core.ruleSchema().fields || []);
    replace(fieldsList, h('ul', {class: 'plain small'}, schema.map((f) => h('li',
      {'data-path': f.path},
      h('button', {type: 'button', class: 'btn btn-small btn-ghost', title: t('rules.insert'),
                   onmousedown: (e) => e.preventDefault(),
                   onclick: () => insertAtCaret(inputs.condition, f.path, 0, validate)},
        h('code', null, f.path)), ' ', h('span', {class: 'muted'}, f.type), ' ',
      describe(f)))));
    validate();
  } catch (e) {
    status.failed(e);
  }
}

// The core's rule errors in a 422 answer, wherever the server put them.
function errorsOf(body) {
  if (!body || typeof body !== 'object') return null;
  for (const c of [body.errors, body.error && body.error.errors,
                   body.validation && body.validation.errors,
                   body.error && body.error.details && body.error.details.errors]) {
    if (Array.isArray(c)) return c;
  }
  return null;
}

const describe = (f) => (lang() === 'en' ? f.description_en || f.description_zh :
                                           f.description_zh || f.description_en) || '';

// Replaces the `replaced` characters before the caret with `text` and re-checks.
function insertAtCaret(textarea, text, replaced, then) {
  const start = (textarea.selectionStart ?? textarea.value.length) - replaced;
  const end = textarea.selectionEnd ?? textarea.value.length;
  textarea.value = textarea.value.slice(0, start) + text + textarea.value.slice(end);
  const caret = start + text.length;
  textarea.focus();
  textarea.setSelectionRange(caret, caret);
  then();
}

// One condition error: the message, then the condition with the faulty span marked and a caret
// line under it. offset/length count code points.
function conditionError(text, e) {
  const chars = Array.from(text);
  const at = Math.max(0, Math.min(e.offset ?? 0, chars.length));
  const len = Math.max(1, e.length || 1);
  const lineStart = chars.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = chars.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = chars.length;
  const line = chars.slice(lineStart, lineEnd);
  const col = at - lineStart;
  return h('div', {class: 'finding finding-error rule-error', 'data-finding-code': e.code,
                   'data-offset': e.offset ?? '', 'data-length': e.length ?? ''},
    h('div', {class: 'finding-head'}, badge('bad', enumLabel('severity', 'error')),
      h('code', {class: 'finding-code'}, e.code),
      h('span', {class: 'finding-field'}, t('rules.position', {pos: (e.offset ?? 0) + 1}))),
    h('pre', {class: 'rule-excerpt'},
      line.slice(0, col).join(''),
      h('mark', null, line.slice(col, col + len).join('') || ' '),
      line.slice(col + len).join(''), '\n',
      ' '.repeat(col), '^', '~'.repeat(Math.max(0, len - 1))),
    h('p', {class: 'finding-msg'}, messageOf(e)));
}

// The server's preview: how many past lists the rule would hit, and the hits with their lists.
function previewView(answer) {
  // hits_detail: [{declaration_id, invt_no, decl_date, lines}] (the core's hits are context ids).
  const rows = Array.isArray(answer.hits_detail) ? answer.hits_detail :
      (answer.hits || []).map((x) => (typeof x === 'object' ? x : {declaration_id: x}));
  const errors = answer.errors || [];
  return h('div', {id: 'preview-summary', 'data-outcome': answer.outcome || '',
                   'data-matched': answer.matched ?? rows.length},
    facts([
      [t('rules.preview_total'), String(answer.scanned ?? answer.total ?? '')],
      [t('rules.preview_matched'), h('strong', {id: 'preview-matched'},
                                     String(answer.matched ?? rows.length))],
      [t('rules.preview_unknown'), String(answer.unknown ?? 0)],
    ]),
    errors.length ? h('ul', {class: 'findings'}, errors.map((e) => h('li',
      {class: 'finding finding-error', 'data-finding-code': e.code}, messageOf(e)))) : null,
    dataTable([
      {label: t('col.id'), cell: (r) => declarationLink(r.declaration_id ?? r.id)},
      {label: t('decl.invt_no'), cell: (r) => h('code', null, r.invt_no || r.order_no || '')},
      {label: t('decl.decl_date'), cell: (r) => r.decl_date || r.date || ''},
      {label: t('col.status'), cell: (r) => (r.status_name ?
          enumLabel('decl_status', r.status_name) : '')},
      {label: t('rules.preview_lines'), cell: (r) => (r.lines || []).map((n) => n + 1).join(', ')},
    ], rows, {id: 'preview-hits', empty: t('rules.preview_none'),
              rowAttrs: (r) => ({'data-declaration-id': r.declaration_id ?? r.id})}));
}

function historyView(versions) {
  return dataTable([
    {label: t('lists.version'), cell: (v) => String(v.version ?? ''), class: 'num'},
    {label: t('audit.at'), cell: (v) => formatTimestamp(v.updated_at || v.at)},
    {label: t('audit.actor'), cell: (v) => v.updated_by || v.actor_name || ''},
    {label: t('rules.action'), cell: (v) => enumLabel('action', ruleOf(v).action)},
    {label: t('rules.enabled'), cell: (v) => (ruleOf(v).enabled === false ? t('common.no') :
                                              t('common.yes'))},
    {label: t('rules.condition'),
     cell: (v) => h('code', {class: 'small'}, ruleOf(v).condition || '')},
    {label: t('rules.note'), cell: (v) => v.note || ''},
  ], versions, {id: 'rule-history', empty: t('rules.no_history'),
                rowAttrs: (v) => ({'data-version': v.version ?? ''})});
}
