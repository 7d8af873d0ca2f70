// Pieces of the findings screen: one finding with its answers, the enterprise's answer form and
// customs' review form (each opened under one finding at a time, so their ids stay unique), and
// the chart of findings per month by state. Network I/O only in the forms' submits: POST
// /api/v1/findings/answers and /findings/answers/{id}/review.
import {post} from '../api.js';
import {h} from '../dom.js';
import {t, enumLabel, lang} from '../i18n.js';
import {badge, severityBadge} from '../components.js';
import {formatTimestamp} from '../format.js';
import {chartFigure, countByMonth} from '../charts.js';
import {field} from './live.js';
import {submitter} from './credit_forms.js';

export const STATES = ['open', 'answered', 'closed'];
const STATE_TONE = {open: 'bad', answered: 'warn', closed: 'ok'};
const REVIEW_TONE = {accepted: 'ok', rejected: 'bad'};

// The page of the object a finding is about, where the page has one.
export function objectHref(f) {
  if (f.object_type === 'stocktake') return `#/stocktakes/${f.object_id}`;
  if (f.object_type === 'declaration') return `#/declarations/${f.object_id}`;
  return null;
}

// The month a finding counts in: that of its date as the page shows it (China time).
export const monthOf = (f) => formatTimestamp(f.at).slice(0, 7);

export function stateBadge(state) {
  return badge(STATE_TONE[state] || 'muted', enumLabel('finding_state', state),
               {'data-state': state});
}

function message(f) {
  const [first, second] = lang() === 'en' ? [f.message_en, f.message_zh] :
      [f.message_zh, f.message_en];
  return h('p', {class: 'finding-msg'}, first || second || '');
}

function answerItem(a) {
  return h('li', {'data-answer-id': a.id, 'data-kind': a.kind, 'data-review': a.review || ''},
    h('strong', null, enumLabel('answer_kind', a.kind)), ' · ', a.text, ' ',
    h('span', {class: 'muted small'}, `${a.created_by || ''} · ${formatTimestamp(a.created_at)}`),
    a.review ? h('div', null, badge(REVIEW_TONE[a.review] || 'muted',
                                    enumLabel('answer_review', a.review)),
                 a.review_note ? [' ', a.review_note] : null, ' ',
                 h('span', {class: 'muted small'},
                   `${a.reviewed_by || ''} · ${formatTimestamp(a.reviewed_at)}`)) :
        h('div', {class: 'muted small'}, t('findings.awaiting_review')));
}

// One finding. `action` is a button that opens a form under it, or null; `customs` adds the
// enterprise the finding is against.
export function findingCard(f, action, customs) {
  const href = objectHref(f);
  const answers = f.answers || [];
  return h('li', {class: 'finding-card', 'data-object-type': f.object_type,
                  'data-object-id': f.object_id, 'data-state': f.state, 'data-code': f.code},
    h('div', {class: 'finding-head'}, stateBadge(f.state), ' ', severityBadge(f.severity), ' ',
      h('code', {class: 'finding-code'}, f.code), ' ',
      h('span', {class: 'muted'}, formatTimestamp(f.at)), ' · ',
      href ? h('a', {href, class: 'finding-object'},
               enumLabel('finding_object', f.object_type), ' #', String(f.object_id)) :
          h('span', null, enumLabel('finding_object', f.object_type), ' #',
            String(f.object_id)),
      customs ? [' · ', h('a', {href: `#/enterprises/${f.enterprise_id}`,
                                'data-enterprise-id': f.enterprise_id},
                          t('col.enterprise'), ' #', String(f.enterprise_id))] : null),
    message(f),
    answers.length ? h('ol', {class: 'finding-answers'}, answers.map(answerItem)) : null,
    action);
}

// The enterprise's answer to an open finding: an explanation or a correction, with its text.
export function answerForm(ctx, f) {
  const kind = h('select', {id: 'finding-answer-kind'}, ['explanation', 'correction'].map(
      (k) => h('option', {value: k}, enumLabel('answer_kind', k))));
  const text = h('textarea', {id: 'finding-answer-text', rows: 3, maxlength: 2000});
  const button = h('button', {type: 'submit', class: 'btn btn-primary', id: 'finding-answer-go'},
                   t('findings.answer_go'));
  const result = h('div', {'aria-live': 'polite'});
  return h('form', {class: 'form', id: 'finding-answer', 'data-object-type': f.object_type,
                    'data-object-id': f.object_id,
                    onsubmit: submitter(ctx, 'finding-answer', button, result, async () => {
                      const r = await post('/findings/answers', {
                        object_type: f.object_type, object_id: f.object_id, kind: kind.value,
                        text: text.value.trim()});
                      return {findingAnswered: r.response.id};
                    })},
           field('finding-answer-kind', t('findings.kind'), kind),
           field('finding-answer-text', t('findings.text'), text),
           h('div', {class: 'actions'}, button), result);
}

// Customs' review of the answer that waits: accept, or reject with a note (the server requires
// it and says so; the page does not check it twice).
export function reviewForm(ctx, f) {
  const waiting = (f.answers || []).filter((a) => !a.review).pop();
  if (!waiting) return null;
  const decision = h('select', {id: 'finding-review-decision'}, ['accepted', 'rejected'].map(
      (d) => h('option', {value: d}, enumLabel('answer_review', d))));
  const note = h('textarea', {id: 'finding-review-note', rows: 2, maxlength: 2000});
  const button = h('button', {type: 'submit', class: 'btn btn-primary', id: 'finding-review-go'},
                   t('findings.review_go'));
  const result = h('div', {'aria-live': 'polite'});
  return h('form', {class: 'form', id: 'finding-review', 'data-answer-id': waiting.id,
                    onsubmit: submitter(ctx, 'finding-review', button, result, async () => {
                      const body = {decision: decision.value};
                      if (note.value.trim()) body.note = note.value.trim();
                      const r = await post(`/findings/answers/${waiting.id}/review`, body);
                      return {findingReviewed: r.response.review};
                    })},
           field('finding-review-decision', t('findings.decision'), decision),
           field('finding-review-note', t('findings.note'), note),
           h('div', {class: 'actions'}, button), result);
}

// Findings per month, stacked by state; the table rows carry data-month and one cell per state.
export function findingsChart(items) {
  if (!items.length) return null;
  const {months, groups} = countByMonth(items, monthOf, (f) => f.state, STATES);
  return chartFigure({
    id: 'findings-chart', type: 'bar', stacked: true, label: t('findings.chart_label'),
    labels: months,
    series: STATES.map((s) => ({key: s, label: enumLabel('finding_state', s), values: groups[s],
                                tone: STATE_TONE[s]})),
    rowAttrs: (i) => ({'data-month': months[i],
                       ...Object.fromEntries(STATES.map((s) => [`data-${s}`, groups[s][i]]))}),
  });
}
