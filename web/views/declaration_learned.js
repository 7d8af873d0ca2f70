// The declaration page's "Learned score" panel (issue 5), customs only: the list's newest learned
// score (from the newest risk run that scored it, else the score it was given on arrival), its
// top contributions (table and Chart.js bars) and the page's own check: the page fetches the
// model's trees and scores the stored values with its WebAssembly core, which must give the
// server's explanation to the byte (parity marker, as on the credit page). The panel loads
// itself, so the rest of the page does not wait for it. Network I/O: GET
// /api/v1/risk/learned-models, /declarations/{id}/learned-score, /declarations/{id}/arrival-score,
// /risk/learned-models/{id}.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {lang, t} from '../i18n.js';
import {badge, card, dataTable, errorBanner, facts, loadingNote} from '../components.js';
import {loadCore} from '../core.js';
import {formatFen} from '../format.js';
import {chartFigure} from '../charts.js';
import {parityMarker} from './supervision_parts.js';
import {pmPercent} from './risk_learned.js';

const TOP = 8;  // contributions shown; the parity check covers every one

export function learnedPanel(ctx, declarationId) {
  const body = h('div', {id: 'learned-panel', 'data-state': 'loading'}, loadingNote());
  fill(ctx, body, declarationId).catch((e) => {
    if (!ctx.isCurrent()) return;
    body.dataset.state = 'error';
    replace(body, errorBanner(e, {id: 'learned-panel-error'}));
  });
  return card(t('learned.panel'), body);
}

function notScored(body) {
  body.dataset.state = 'none';
  replace(body, h('p', {class: 'muted', id: 'learned-not-scored'}, t('learned.not_scored')));
}

async function fill(ctx, body, id) {
  // Without any trained model no list has a score: asking would only provoke a 404.
  const models = await get('/risk/learned-models');
  if (!ctx.isCurrent()) return;
  if (!(models.items || []).length) {
    notScored(body);
    return;
  }
  // A run's score, once there is one, is the newer; until then, the score routing read when the
  // list arrived (the routing panel's context keeps that figure in either case).
  const run = await orNull(get(`/declarations/${id}/learned-score`));
  const arrival = run ? null : await orNull(get(`/declarations/${id}/arrival-score`));
  if (!ctx.isCurrent()) return;
  const s = run || arrival;
  if (!s) {
    notScored(body);
    return;
  }
  const model = await get(`/risk/learned-models/${s.model_id}`);
  if (!ctx.isCurrent()) return;
  const names = Object.fromEntries((model.features || []).map((f) => [f.id, f]));
  const e = s.explanation || {};
  const top = (e.contributions || []).slice(0, TOP);
  const parity = h('div', {id: 'learned-parity-area'}, loadingNote());
  body.dataset.state = run ? 'scored' : 'arrival';
  replace(body,
    facts([
      [t('learned.score'), h('strong', {id: 'learned-score', 'data-score-pm': s.score_pm},
                             pmPercent(s.score_pm))],
      [t('learned.model'), run ? h('span', {id: 'learned-source', 'data-run-id': s.run_id,
                                            'data-model-id': s.model_id},
                                   t('learned.scored_by', {run: s.run_id, model: s.model_id}))
        : arrivalSource(s)],
      [t('learned.margin'), signed(e.margin)],
      [t('learned.bias'), signed(e.bias)],
    ]),
    parity,
    h('h3', null, t('learned.contributions')),
    h('p', {class: 'muted small'}, t('learned.contrib_hint')),
    contributionsTable(top, names),
    top.length ? contributionsChart(top, names) : null);

  try {
    const core = await loadCore();
    if (!ctx.isCurrent()) return;
    const page = core.scoreLearned({model: model.model, values: s.values}).value;
    replace(parity, parityMarker('learned-parity', page, e, {label: t('learned.parity')}));
  } catch (err) {
    if (ctx.isCurrent()) replace(parity, errorBanner(err, {id: 'learned-parity-error'}));
  }
}

// A 404 is "not scored that way"; other failures are errors.
async function orNull(request) {
  try {
    return await request;
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

// Where an arrival score came from: its model and the run whose hits it read.
function arrivalSource(a) {
  return h('span', {id: 'learned-source', 'data-routing-id': a.routing_id,
                    'data-model-id': a.model_id, 'data-hits-run-id': a.hits_run_id ?? ''},
           a.hits_run_id === null
             ? t('learned.arrival_no_run', {model: a.model_id})
             : t('learned.arrival_by', {model: a.model_id, run: a.hits_run_id}));
}

const featureName = (names, id) => {
  const f = names[id];
  return (f && (lang() === 'en' ? f.name_en || f.name_zh : f.name_zh || f.name_en)) || id;
};

// "+0.8123" / "−0.0457": the sign says which way the feature moved the score.
function signed(x) {
  if (x === null || x === undefined) return '';
  return `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(4)}`;
}

// Amounts in fen read as money; other values as they are; null is a missing value.
function valueText(id, v) {
  if (v === null || v === undefined) return t('learned.missing');
  if (id.endsWith('_fen') && Number.isInteger(v)) return formatFen(v);
  return String(v);
}

function contributionsTable(top, names) {
  return dataTable([
    {label: t('learned.feature'), cell: (c) => [featureName(names, c.feature), ' ',
                                                h('code', {class: 'small muted'}, c.feature)]},
    {label: t('learned.value'), cell: (c) => valueText(c.feature, c.value), class: 'num'},
    {label: t('learned.contribution'), cell: (c) => badge(c.contribution < 0 ? 'ok' : 'bad',
                                                         signed(c.contribution)), class: 'num'},
  ], top, {id: 'learned-contributions', empty: t('common.none'),
           rowAttrs: (c) => ({'data-feature': c.feature, 'data-contribution': c.contribution,
                              'data-value': c.value === null ? '' : c.value})});
}

// Horizontal bars, one per feature: raising the score in the "bad" tone, lowering it in "ok".
function contributionsChart(top, names) {
  const values = top.map((c) => c.contribution);
  return chartFigure({
    id: 'learned-chart', type: 'bar', horizontal: true, label: t('learned.chart_label'),
    labels: top.map((c) => featureName(names, c.feature)),
    series: [{key: 'contribution', label: t('learned.contribution'), values, tone: 'bad',
              pointTones: values.map((v) => (v < 0 ? 'ok' : 'bad'))}],
    rowAttrs: (i) => ({'data-feature': top[i].feature, 'data-contribution': values[i]}),
  });
}
