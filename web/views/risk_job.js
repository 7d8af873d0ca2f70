// The risk page's "Run now" as a batch job (issue 5, "with progress"): the button queues a run of
// every model over the whole history (POST /risk/jobs), then a <progress> shows the job's state,
// the model it is at (named from GET /risk/models) and "n / total models", read from GET
// /risk/jobs/{id} by a setTimeout chain (~400 ms) that stops when the job ends or the page is
// left. Done: the page opens the new run, so its runs, chart and learned section reload with it
// (the finished job handed over as flash). Failed: the server's error in an alert.
// Network I/O: POST /api/v1/risk/jobs, GET /api/v1/risk/jobs/{id}.
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel, lang} from '../i18n.js';
import {errorBanner} from '../components.js';

const POLL_MS = 400;

// The id of the job this tab queued and has not yet seen end: coming back to the page (or
// switching the language, which renders it again) follows it again. Per tab, in memory.
let following = null;

// What the job is doing, in words: waiting, reading the store, the model it runs (its name),
// storing the run, the run it stored, or where it stopped when it failed.
function phaseText(job, models) {
  if (job.state === 'failed') return t('risk.job_stopped', {phase: job.phase});
  switch (job.phase) {
    case 'queued': return t('risk.job_queued');
    case 'reading': return t('risk.job_reading');
    case 'storing': return t('risk.job_storing');
    case 'done': return t('risk.job_done', {id: job.run_id ?? ''});
    default: {
      const m = models.find((x) => x.id === job.phase);
      const name = m ? (lang() === 'en' ? m.name_en || m.name_zh : m.name_zh || m.name_en) : '';
      return t('risk.job_model', {id: job.phase, name: name || job.phase});
    }
  }
}

// The progress of one job (GET /risk/jobs/{id}'s job): a <progress> out of 1000 (per mille) with
// the job's state and phase as data attributes, what it is doing and how many models are done.
export function jobProgress(job, models) {
  const attrs = {'data-job-id': job.id, 'data-state': job.state, 'data-phase': job.phase,
                 'data-models-done': job.models_done, 'data-models-total': job.models_total,
                 'data-run-id': job.run_id ?? null};
  return h('div', {class: 'risk-job', id: 'risk-job', ...attrs},
    h('progress', {id: 'risk-job-progress', max: '1000', value: job.progress_pm,
                   'aria-labelledby': 'risk-job-label', 'data-progress-pm': job.progress_pm,
                   ...attrs}),
    h('div', {id: 'risk-job-label', class: 'small'},
      h('strong', {id: 'risk-job-state'}, enumLabel('risk_job_state', job.state)), ' · ',
      h('span', {id: 'risk-job-phase'}, phaseText(job, models)), ' · ',
      h('span', {id: 'risk-job-count'}, t('risk.job_count', {done: job.models_done,
                                                             total: job.models_total}))),
    job.state === 'failed' ? h('div', {class: 'banner banner-bad', role: 'alert',
                                       id: 'risk-job-error'},
                               h('strong', null, t('risk.job_failed')), ' ', job.error || '') :
        null);
}

// The "Run now" form. models: GET /risk/models's models (to name the model a job is at).
export function runForm(ctx, models) {
  const button = h('button', {type: 'submit', class: 'btn btn-primary', id: 'risk-run-go'},
                   t('risk.run_now'));
  const area = h('div', {id: 'risk-job-area', 'aria-live': 'polite'});
  const finished = ctx.flash && ctx.flash.riskJob;
  if (finished) {
    replace(area, jobProgress(finished, models));
  } else if (following !== null) {
    button.disabled = true;
    poll(ctx, following, {area, button, models});
  }
  return h('form', {class: 'form', id: 'risk-run', onsubmit: async (e) => {
    e.preventDefault();
    button.disabled = true;
    try {
      const r = await post('/risk/jobs', {});
      following = r.job.id;
      if (!ctx.isCurrent()) return;
      show(ctx, r.job, {area, button, models});
    } catch (err) {
      if (!ctx.isCurrent()) return;
      replace(area, errorBanner(err, {id: 'risk-run-error'}));
      button.disabled = false;
    }
  }}, h('p', {class: 'muted small'}, t('risk.run_hint')), h('div', {class: 'actions'}, button),
  area);
}

// Shows the job; when it has ended, opens the new run or keeps the failure on screen, else
// reads it again in POLL_MS.
function show(ctx, job, view) {
  replace(view.area, jobProgress(job, view.models));
  if (job.state === 'done') {
    following = null;
    ctx.navigate(`#/risk?run=${job.run_id}`, {flash: {riskRun: job.run_id, riskJob: job}});
  } else if (job.state === 'failed') {
    following = null;
    view.button.disabled = false;
  } else {
    setTimeout(() => poll(ctx, job.id, view), POLL_MS);
  }
}

async function poll(ctx, id, view) {
  if (!ctx.isCurrent()) return;  // the page was left: the chain stops here
  let job;
  try {
    job = (await get(`/risk/jobs/${id}`)).job;
  } catch (err) {
    if (!ctx.isCurrent()) return;
    following = null;
    replace(view.area, errorBanner(err, {id: 'risk-run-error'}));
    view.button.disabled = false;
    return;
  }
  if (ctx.isCurrent()) show(ctx, job, view);
}
