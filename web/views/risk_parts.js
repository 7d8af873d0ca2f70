// Pieces of the risk page: the models with what they look for and their thresholds, the runs,
// the hits-by-model chart of a run and the hits of one model with the records behind each.
// DOM only, no I/O.
import {h} from '../dom.js';
import {t, enumLabel, lang} from '../i18n.js';
import {dataTable} from '../components.js';
import {formatTimestamp} from '../format.js';
import {chartFigure} from '../charts.js';

const inLang = (o, key) => (lang() === 'en' ? o[`${key}_en`] || o[`${key}_zh`] :
                                              o[`${key}_zh`] || o[`${key}_en`]) || '';

// A model's thresholds as "key = value" with the default values (the model names its keys).
function thresholdsText(model, defaults) {
  const th = model.thresholds;
  const keys = Array.isArray(th) ? th : Object.keys(th || {});
  return keys.map((k) => {
    const v = Array.isArray(th) ? (defaults || {})[k] : th[k];
    return h('div', {class: 'mono small', 'data-threshold': k}, `${k} = ${v ?? ''}`);
  });
}

export function modelsTable(models, defaults) {
  return dataTable([
    {label: t('risk.model'), cell: (m) => h('code', null, m.id)},
    {label: t('risk.name'), cell: (m) => inLang(m, 'name')},
    {label: t('risk.looks_for'), cell: (m) => inLang(m, 'looks_for')},
    {label: t('risk.subject'), cell: (m) => enumLabel('risk_subject', m.subject)},
    {label: t('risk.thresholds'), cell: (m) => thresholdsText(m, defaults)},
  ], models, {id: 'risk-models', rowAttrs: (m) => ({'data-model': m.id})});
}

export function runsTable(items, chosenId, onOpen) {
  return dataTable([
    {label: t('col.id'), cell: ({run}) => String(run.id), class: 'num'},
    {label: t('risk.started_at'), cell: ({run}) => formatTimestamp(run.started_at),
     class: 'nowrap'},
    {label: t('risk.started_by'), cell: ({run}) => run.started_by_name || ''},
    {label: t('risk.as_of'), cell: ({run}) => run.as_of, class: 'nowrap'},
    {label: t('risk.declarations'), cell: ({run}) => String(run.declarations), class: 'num'},
    {label: t('risk.hits'), cell: ({run}) => String(run.hits), class: 'num'},
  ], items, {id: 'risk-runs', empty: t('risk.no_runs'), onOpen,
             rowAttrs: ({run}) => ({'data-id': run.id, 'data-hits': run.hits,
                                    'data-declarations': run.declarations,
                                    'aria-selected': run.id === chosenId ? 'true' : 'false',
                                    class: run.id === chosenId ? 'selected' : null})});
}

// Hits per model of one run, every model (zeros too), in the catalogue's order.
export function byModelChart(models, byModel, onPick) {
  const ids = models.map((m) => m.id).filter((id) => id in byModel);
  for (const id of Object.keys(byModel)) if (!ids.includes(id)) ids.push(id);
  return chartFigure({
    id: 'risk-by-model', type: 'bar', label: t('risk.by_model_label'), labels: ids,
    series: [{key: 'hits', label: t('risk.hits'), values: ids.map((id) => byModel[id]),
              tone: 'bad'}],
    rowAttrs: (i) => ({'data-model': ids[i], 'data-hits': byModel[ids[i]]}),
    onPick: (i) => onPick(ids[i]),
  });
}

function recordsCell(hit) {
  const decls = hit.declarations || [];
  const records = hit.records || [];
  return h('div', null,
    decls.length ? h('div', {class: 'risk-decls'}, t('risk.lists'), ' ',
      decls.map((id, i) => [i ? ', ' : '', h('a', {href: `#/declarations/${id}`,
                                                    'data-declaration-id': id}, `#${id}`)])) :
        null,
    records.length ? h('div', {class: 'small muted'},
      records.map((r, i) => [i ? ', ' : '', h('span', {'data-record-kind': r.kind,
                                                       'data-record-id': r.id},
                                              enumLabel('risk_record', r.kind), ' #', r.id)])) :
        null);
}

export function hitsTable(hits) {
  return dataTable([
    {label: t('risk.subject'), cell: (x) => [h('span', {class: 'muted small'},
                                                 enumLabel('risk_subject', x.subject_kind)), ' ',
                                               h('code', null, x.subject)]},
    {label: t('risk.score'), cell: (x) => h('strong', null, String(x.score)), class: 'num'},
    {label: t('risk.explanation'), cell: (x) => inLang(x, 'explanation')},
    {label: t('risk.behind'), cell: recordsCell},
  ], hits, {id: 'risk-hits', empty: t('risk.no_hits'),
            rowAttrs: (x) => ({'data-model': x.model, 'data-subject': x.subject,
                               'data-subject-kind': x.subject_kind, 'data-score': x.score,
                               'data-declarations': (x.declarations || []).length})});
}
