// The risk page's "Learned score" section (issue 5): the trained models with their holdout
// figures, the learned ranking beside the rules' ranking on the same held-out lists; a form that
// trains a new model on the stored inspection outcomes; and the newest run's highest learned
// scores, each linking to its list. The section loads itself, so the rest of the risk page does
// not wait for it. Network I/O: GET /api/v1/risk/learned-models, /risk/runs/{id}/learned-scores;
// POST /risk/learned-models.
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {card, dataTable, errorBanner, loadingNote} from '../components.js';
import {formatTimestamp} from '../format.js';
import {field} from './live.js';
import {declarationLink} from './supervision_parts.js';

const TOP = 20;  // of the 100 the server answers: enough to pick lists to open

// Per mille as a per cent with one decimal ("83.3%"); "—" when the server had none (an AUC
// needs both outcomes among the held-out lists).
export const pmPercent = (pm) => (pm === null || pm === undefined ? '—' :
                                                                     `${(pm / 10).toFixed(1)}%`);

// newestRun: the newest risk run ({run, by_model}) or null.
export function learnedSection(ctx, newestRun) {
  const models = h('div', {id: 'learned-models-area'}, loadingNote());
  const top = h('div', {id: 'learned-top-area'});
  const node = card(t('learned.title'),
    h('p', {class: 'muted'}, t('learned.intro')),
    ctx.flash && ctx.flash.learnedModel ? h('div', {
      class: 'banner banner-ok', role: 'status', id: 'learned-trained',
      'data-model-id': ctx.flash.learnedModel}, t('learned.trained_done',
                                                 {id: ctx.flash.learnedModel})) : null,
    h('h3', null, t('learned.models')), models,
    h('h3', null, t('learned.train')), trainForm(ctx),
    top);
  fill(ctx, models, top, newestRun);
  return node;
}

async function fill(ctx, modelsArea, topArea, newestRun) {
  try {
    const [list, scores] = await Promise.all([
      get('/risk/learned-models'),
      newestRun ? get(`/risk/runs/${newestRun.run.id}/learned-scores`) : null]);
    if (!ctx.isCurrent()) return;
    replace(modelsArea, modelsTable(list.items || []));
    replace(topArea, topScores(newestRun, scores));
  } catch (e) {
    if (ctx.isCurrent()) replace(modelsArea, errorBanner(e, {id: 'learned-error'}));
  }
}

function modelsTable(items) {
  return dataTable([
    {label: t('col.id'), cell: (m) => String(m.id), class: 'num'},
    {label: t('learned.trained'), cell: (m) => [formatTimestamp(m.trained_at), h('br'),
                                                h('span', {class: 'muted'}, m.trained_by || '')]},
    {label: t('learned.as_of'), cell: (m) => m.as_of, class: 'nowrap'},
    {label: t('learned.rows'), cell: (m) => `${metric(m, 'rows')} (${metric(m, 'frauds')})`,
     class: 'num'},
    {label: t('learned.params'), cell: (m) => t('learned.params_text', {
      trees: metric(m, 'trees'), depth: (m.params || {}).max_depth ?? '',
      eta: (m.params || {}).eta_pm ?? ''})},
    {label: t('learned.holdout'), cell: (m) => holdoutView(m)},
  ], items, {id: 'learned-models', empty: t('learned.no_models'),
             rowAttrs: (m) => ({'data-model-id': m.id, 'data-rows': metric(m, 'rows'),
                                'data-frauds': metric(m, 'frauds')})});
}

const metric = (m, key) => ((m.metrics || {})[key] ?? '');

// The learned ranking and the rules' ranking on the same held-out lists, side by side; or the
// server's note when the older lists held a single outcome (no holdout was possible).
function holdoutView(m) {
  const hold = (m.metrics || {}).holdout || {};
  if (!hold.learned || !hold.rules) {
    return h('p', {class: 'muted small', 'data-holdout': 'none'}, hold.note || '—');
  }
  const row = (label, key) => h('tr', {'data-metric': key}, h('th', {scope: 'row'}, label),
    ['learned', 'rules'].map((side) => h('td', {class: 'num', 'data-side': side,
                                                'data-pm': hold[side][key] ?? ''},
                                         pmPercent(hold[side][key]))));
  return h('table', {class: 'data holdout', 'data-holdout': 'figures'},
    h('caption', {class: 'small muted'}, t('learned.holdout_caption', {
      rows: hold.learned.rows, train: hold.train_rows, budget: hold.learned.budget})),
    h('thead', null, h('tr', null, h('th', {scope: 'col'}, t('learned.metric')),
                       h('th', {scope: 'col'}, t('learned.learned')),
                       h('th', {scope: 'col'}, t('learned.rules')))),
    h('tbody', null, row(t('learned.auc'), 'auc_pm'), row(t('learned.precision'), 'precision_pm'),
      row(t('learned.recall'), 'recall_pm')));
}

// Rounds and depth; the server's defaults (60, 4) prefilled. Its refusal while there are too few
// outcomes (409) is said in words above the server's own message.
function trainForm(ctx) {
  const rounds = h('input', {id: 'learned-rounds', type: 'number', min: '1', max: '500',
                             step: '1', value: '60', required: true});
  const depth = h('input', {id: 'learned-depth', type: 'number', min: '1', max: '10', step: '1',
                            value: '4', required: true});
  const button = h('button', {type: 'submit', class: 'btn btn-primary', id: 'learned-train-go'},
                   t('learned.train_go'));
  const result = h('div', {'aria-live': 'polite'});
  return h('form', {class: 'form', id: 'learned-train', onsubmit: async (e) => {
    e.preventDefault();
    button.disabled = true;
    replace(result, h('p', {class: 'muted'}, t('learned.training')));
    try {
      const r = await post('/risk/learned-models', {rounds: Number(rounds.value),
                                                    max_depth: Number(depth.value)});
      if (ctx.isCurrent()) ctx.navigate(location.hash, {flash: {learnedModel: r.model.id}});
    } catch (err) {
      if (!ctx.isCurrent()) return;
      const banner = errorBanner(err, {id: 'learned-train-error'});
      banner.setAttribute('data-status', String(err.status || ''));
      if (err.status === 409) banner.prepend(h('strong', null, t('learned.too_early')), ' ');
      replace(result, banner);
    } finally {
      button.disabled = false;
    }
  }}, h('p', {class: 'muted small'}, t('learned.train_hint')),
  h('div', {class: 'grid-2'}, field('learned-rounds', t('learned.rounds'), rounds),
    field('learned-depth', t('learned.max_depth'), depth)),
  h('div', {class: 'actions'}, button), result);
}

function topScores(newestRun, scores) {
  if (!newestRun) return h('p', {class: 'muted', id: 'learned-top'}, t('learned.top_no_run'));
  const items = ((scores && scores.items) || []).slice(0, TOP);
  return h('div', null, h('h3', null, t('learned.top', {id: newestRun.run.id})),
    dataTable([
      {label: t('learned.rank'), cell: (x) => String(items.indexOf(x) + 1), class: 'num'},
      {label: t('learned.declaration'), cell: (x) => declarationLink(x.declaration_id)},
      {label: t('learned.score'), cell: (x) => h('strong', null, pmPercent(x.score_pm)),
       class: 'num'},
      {label: t('learned.model'), cell: (x) => `#${x.model_id}`, class: 'num'},
    ], items, {id: 'learned-top', empty: t('learned.top_none'),
               rowAttrs: (x) => ({'data-declaration-id': x.declaration_id,
                                  'data-score-pm': x.score_pm, 'data-model-id': x.model_id,
                                  'data-run-id': newestRun.run.id})}));
}
