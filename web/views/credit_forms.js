// Customs' actions on an enterprise's credit: assess again, decide on the newest assessment
// (confirm the recommendation, or override grade and level with a reason) and record a
// violation. Each posts to the API and re-renders the page on success; a refusal (4xx) is shown
// in its form as the server said it, nothing checked twice here except what the server cannot
// read (a penalty that is not an amount). Network I/O: POST /api/v1/enterprises/{id}/credit/
// assessments, /credit/decisions, /violations.
import {post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel, lang} from '../i18n.js';
import {card, errorBanner} from '../components.js';
import {parseCnyToFen} from '../format.js';
import {field} from './live.js';

const LEVELS = ['low', 'medium', 'high'];
const KINDS = ['violation', 'smuggling_penalty', 'smuggling_crime', 'tax_overdue'];

// Runs `send` on submit with the button disabled; on success re-renders the current screen with
// `flash` (unless `send` resolves to null: it showed its own message); on failure shows the
// error under id `${formId}-error`. Shared with the findings forms.
export function submitter(ctx, formId, button, result, send) {
  return async (e) => {
    e.preventDefault();
    button.disabled = true;
    replace(result);
    try {
      const flash = await send();
      if (!ctx.isCurrent() || flash === null) return;
      ctx.navigate(location.hash, {flash});
    } catch (err) {
      if (ctx.isCurrent()) replace(result, errorBanner(err, {id: `${formId}-error`}));
    } finally {
      button.disabled = false;
    }
  };
}

// The three action cards. view: {base (API path of the enterprise), assessment (newest or null),
// grades (of the scale in force: [{id, name_zh, name_en}]), today}.
export function creditActions(ctx, view) {
  return h('div', {id: 'credit-actions'},
    h('div', {class: 'grid-2'},
      h('div', null,
        card(t('credit.assess'), h('p', {class: 'muted small'}, t('credit.assess_hint')),
             assessForm(ctx, view)),
        view.assessment ? card(t('credit.decide'),
                               h('p', {class: 'muted small'}, t('credit.decide_hint')),
                               decideForm(ctx, view)) : null),
      h('div', null, card(t('credit.violation_form'),
                          h('p', {class: 'muted small'}, t('credit.violation_hint')),
                          violationForm(ctx, view)))));
}

function assessForm(ctx, view) {
  const button = h('button', {type: 'submit', class: 'btn btn-primary', id: 'credit-assess-go'},
                   t('credit.assess'));
  const result = h('div', {'aria-live': 'polite'});
  return h('form', {class: 'form', id: 'credit-assess',
                    onsubmit: submitter(ctx, 'credit-assess', button, result, async () => {
                      const r = await post(`${view.base}/credit/assessments`, {});
                      return {creditAssessed: r.assessment.id};
                    })},
           h('div', {class: 'actions'}, button), result);
}

function decideForm(ctx, view) {
  const a = view.assessment;
  const action = h('select', {id: 'credit-decide-action'},
                   ['confirm', 'override'].map((v) => h('option', {value: v},
                                                        enumLabel('credit_action', v))));
  const grade = h('select', {id: 'credit-decide-grade'}, view.grades.map((g) => h('option', {
    value: g.id, selected: g.id === a.recommended_grade},
  (lang() === 'en' ? g.name_en : g.name_zh) || enumLabel('grade', g.id))));
  const level = h('select', {id: 'credit-decide-level'}, LEVELS.map((v) => h('option', {
    value: v, selected: v === a.risk_level}, enumLabel('risk_level', v))));
  // The override's own fields only matter (and only show) when overriding.
  const overrideFields = h('div', {class: 'row-grid', id: 'credit-decide-override'},
                           field('credit-decide-grade', t('credit.grade'), grade),
                           field('credit-decide-level', t('credit.risk_level'), level));
  const sync = () => { overrideFields.hidden = action.value !== 'override'; };
  action.addEventListener('change', sync);
  sync();
  const reason = h('textarea', {id: 'credit-decide-reason', rows: 2, maxlength: 2000});
  const button = h('button', {type: 'submit', class: 'btn btn-primary', id: 'credit-decide-go'},
                   t('credit.decide_go'));
  const result = h('div', {'aria-live': 'polite'});
  return h('form', {class: 'form', id: 'credit-decide', 'data-assessment-id': a.id,
                    onsubmit: submitter(ctx, 'credit-decide', button, result, async () => {
                      const body = {assessment_id: a.id, action: action.value};
                      // An empty reason is left out: the server says when one is required.
                      if (reason.value.trim()) body.reason = reason.value.trim();
                      if (action.value === 'override') {
                        body.grade = grade.value;
                        body.risk_level = level.value;
                      }
                      const r = await post(`${view.base}/credit/decisions`, body);
                      return {creditDecided: r.decision.id};
                    })},
           field('credit-decide-action', t('credit.action'), action), overrideFields,
           field('credit-decide-reason', t('credit.reason'), reason),
           h('div', {class: 'actions'}, button), result);
}

function violationForm(ctx, view) {
  const kind = h('select', {id: 'credit-violation-kind'},
                 KINDS.map((v) => h('option', {value: v}, enumLabel('violation_kind', v))));
  const decidedOn = h('input', {id: 'credit-violation-date', type: 'date', value: view.today,
                                max: view.today});
  const penalty = h('input', {id: 'credit-violation-penalty', class: 'mono',
                              inputmode: 'decimal', autocomplete: 'off'});
  const days = h('input', {id: 'credit-violation-days', class: 'mono', inputmode: 'numeric',
                           autocomplete: 'off'});
  const reference = h('input', {id: 'credit-violation-reference', maxlength: 128});
  const description = h('textarea', {id: 'credit-violation-description', rows: 2,
                                     maxlength: 2000});
  const button = h('button', {type: 'submit', class: 'btn btn-primary',
                              id: 'credit-violation-go'}, t('credit.violation_go'));
  const result = h('div', {'aria-live': 'polite'});
  const localError = (key) => {
    replace(result, h('div', {class: 'banner banner-bad', role: 'alert',
                              id: 'credit-violation-error', 'data-error-code': 'local'},
                      t(key)));
    return null;
  };
  return h('form', {class: 'form', id: 'credit-violation',
                    onsubmit: submitter(ctx, 'credit-violation', button, result, async () => {
                      const body = {kind: kind.value, decided_on: decidedOn.value,
                                    reference: reference.value.trim(),
                                    description: description.value.trim()};
                      // Integer fen parsed from the text, never through a float.
                      if (penalty.value.trim()) {
                        const fen = parseCnyToFen(penalty.value);
                        if (fen === null) return localError('credit.penalty_bad');
                        body.penalty_fen = fen;
                      }
                      if (days.value.trim()) {
                        if (!/^\d{1,6}$/.test(days.value.trim())) {
                          return localError('credit.days_bad');
                        }
                        body.overdue_days = Number(days.value.trim());
                      }
                      const r = await post(`${view.base}/violations`, body);
                      return {creditViolation: r.violation.id};
                    })},
           h('div', {class: 'row-grid'},
             field('credit-violation-kind', t('credit.kind'), kind),
             field('credit-violation-date', t('credit.decided_on'), decidedOn)),
           h('div', {class: 'row-grid'},
             field('credit-violation-penalty', t('credit.penalty_cny'), penalty),
             field('credit-violation-days', t('credit.overdue_days'), days)),
           field('credit-violation-reference', t('credit.reference'), reference),
           field('credit-violation-description', t('credit.description'), description),
           h('div', {class: 'actions'}, button), result);
}
