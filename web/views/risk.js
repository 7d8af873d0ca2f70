// The risk models for customs (#/risk): what each model looks for and its thresholds, a button
// that runs every model over the store as a job with its progress (risk_job.js), the runs, and
// for the chosen run (?run=, newest by default) a chart of hits by model and the hits of one
// model (?model=). Network I/O: GET /api/v1/risk/models, /risk/runs, /risk/runs/{id}/hits (and
// risk_job.js's POST /risk/jobs, GET /risk/jobs/{id}).
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t, lang} from '../i18n.js';
import {card, loadingNote} from '../components.js';
import {field} from './live.js';
import {byModelChart, hitsTable, modelsTable, runsTable} from './risk_parts.js';
import {learnedSection} from './risk_learned.js';
import {runForm} from './risk_job.js';

export async function render(ctx) {
  replace(ctx.el, h('h1', null, t('risk.title')), loadingNote());
  const [catalogue, runs] = await Promise.all([get('/risk/models'), get('/risk/runs')]);
  if (!ctx.isCurrent()) return;
  const models = catalogue.models || [];
  const items = runs.items || [];
  const chosen = items.find((i) => String(i.run.id) === ctx.query.run) || items[0] || null;
  const model = chosen && ctx.query.model && ctx.query.model in chosen.by_model ?
      ctx.query.model : '';
  const hitsArea = h('div', {id: 'risk-hits-area'});
  replace(ctx.el,
    h('h1', {id: 'risk-title'}, t('risk.title')),
    h('p', {class: 'muted'}, t('risk.intro')),
    ctx.flash && ctx.flash.riskRun ? h('div', {class: 'banner banner-ok', role: 'status',
                                              id: 'risk-run-done',
                                              'data-run-id': ctx.flash.riskRun},
                                       t('risk.run_done', {id: ctx.flash.riskRun})) : null,
    card(t('risk.runs'), runForm(ctx, models),
         runsTable(items, chosen && chosen.run.id,
                   ({run}) => ctx.setQuery({run: run.id}))),
    chosen ? card(t('risk.run_title', {id: chosen.run.id}),
      byModelChart(models, chosen.by_model, (m) => ctx.setQuery({run: chosen.run.id, model: m})),
      modelPicker(ctx, models, chosen, model), hitsArea) : null,
    learnedSection(ctx, items[0] || null),
    card(t('risk.models', {n: models.length}),
         modelsTable(models, catalogue.default_thresholds)));
  if (chosen && model) await showHits(ctx, hitsArea, chosen.run.id, model);
}

// A select of the run's models with their hit counts; choosing one shows its hits.
function modelPicker(ctx, models, chosen, model) {
  const name = (id) => {
    const m = models.find((x) => x.id === id);
    return m ? (lang() === 'en' ? m.name_en : m.name_zh) || id : id;
  };
  const select = h('select', {id: 'risk-model', onchange: () => ctx.setQuery(
      {run: chosen.run.id, model: select.value})},
  h('option', {value: ''}, t('risk.pick_model')),
  Object.entries(chosen.by_model).map(([id, n]) => h('option', {value: id, selected: id === model,
                                                                'data-hits': n},
                                                     `${id} · ${name(id)} (${n})`)));
  return field('risk-model', t('risk.model'), select);
}

async function showHits(ctx, area, runId, model) {
  replace(area, loadingNote());
  const r = await get(`/risk/runs/${runId}/hits`, {model});
  if (!ctx.isCurrent()) return;
  const hits = r.items || [];
  replace(area, h('h3', {id: 'risk-hits-title', 'data-model': model, 'data-count': hits.length},
                  t('risk.hits_of', {model, n: hits.length})),
          hitsTable(hits));
}
