// Browser test of the risk page (#/risk) on the real stack: the demo holds no declarations, so
// the test first submits (through the API) three lists of three buyer IDs behind one phone — the
// case tests/server/risk_runs_test.cpp makes SHARED_PHONE hit. An officer then reads the models,
// runs every model from the page as a job (its progress element goes from queued to done, as
// GET /risk/jobs/{id} reports), sees the new run, the hits-by-model chart whose numbers equal the
// API's by_model, and opens the hits of a model that has some (chosen from the API's answer),
// each with its subject, score and the lists behind it linking to their pages. A running job's
// progress names its model (zh and en). An enterprise user has no risk page. Self-contained:
// its own server and database. Screenshots: tests/web/output/risk-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, HNBY_USER, OFFICER, Stack} from './harness.mjs';
import {BUYER_A, BUYER_B, apiClient, makeSet} from './ceb_sets.mjs';
import {chartData, chartRows} from './charts.mjs';

const stack = new Stack('risk');
const BUYER_C = '410105197806150020';  // a third valid resident ID
let officer = null;
let lists = [];
let finishedJob = null;  // the job the first test ran from the page, as GET /risk/jobs/{id} says

describe('risk: the models, a run from the page, hits by model, a model\'s hits', () => {
  before(async () => {
    await stack.start();
    officer = await apiClient(stack.url, OFFICER);
    const admin = await apiClient(stack.url, ADMIN);
    // makeSet gives every order the same buyer phone: three IDs behind it.
    lists = [];
    for (const [i, buyerId] of [BUYER_A, BUYER_B, BUYER_C].entries()) {
      lists.push(await admin.submitSet(makeSet({key: `WR-PHONE-${i}`, buyerId})));
    }
  }, {timeout: 120000});

  after(() => stack.stop());

  test('an officer runs the models and reads the hits of one', {timeout: 240000}, async () => {
    const models = (await officer.get('/risk/models')).json.models;
    assert.ok(models.length >= 30, 'at least thirty models');
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.locator('#nav-risk').click();
      await page.locator('#risk-models tr[data-model]').first().waitFor();
      assert.deepEqual(await page.locator('#risk-models tr[data-model]').evaluateAll(
          (els) => els.map((e) => e.dataset.model)), models.map((m) => m.id));
      assert.equal((await officer.get('/risk/runs')).json.items.length, 0);
      await stack.step(page, 'models');

      // "Run now" queues a job; the page records every state its progress element shows.
      await page.evaluate(() => {
        window.jobStates = [];
        const record = () => {
          const p = document.querySelector('#risk-job-progress');
          if (!p) return;
          const s = {state: p.dataset.state, phase: p.dataset.phase,
                     pm: Number(p.getAttribute('value')), done: Number(p.dataset.modelsDone),
                     text: document.querySelector('#risk-job-label').textContent};
          const last = window.jobStates[window.jobStates.length - 1];
          if (!last || JSON.stringify(last) !== JSON.stringify(s)) window.jobStates.push(s);
        };
        new MutationObserver(record).observe(document.body, {childList: true, subtree: true});
      });
      await page.locator('#risk-run-go').click();
      const progress = page.locator('#risk-job-progress[data-state="done"]');
      await progress.waitFor();
      const jobId = await progress.getAttribute('data-job-id');
      const job = (await officer.get(`/risk/jobs/${jobId}`)).json.job;
      assert.equal(job.state, 'done');
      finishedJob = job;
      assert.equal(job.models_total, models.length);
      assert.equal(job.models_done, models.length);
      assert.equal(await progress.getAttribute('value'), '1000');
      assert.equal(await progress.getAttribute('data-run-id'), String(job.run_id));
      assert.ok((await page.locator('#risk-job-label').innerText())
          .includes(`${models.length} / ${models.length}`));
      // Seen on the way: the queued job first (POST's answer), then only forward moves, each
      // running model named as the catalogue names it, and done last.
      const seen = await page.evaluate(() => window.jobStates);
      const order = ['queued', 'running', 'done'];
      assert.equal(seen[0].state, 'queued', JSON.stringify(seen));
      assert.equal(seen[seen.length - 1].state, 'done');
      for (let i = 1; i < seen.length; ++i) {
        assert.ok(order.indexOf(seen[i].state) >= order.indexOf(seen[i - 1].state),
                  JSON.stringify(seen));
        assert.ok(seen[i].pm >= seen[i - 1].pm && seen[i].done >= seen[i - 1].done);
      }
      for (const s of seen) {
        const m = models.find((x) => x.id === s.phase);
        if (m) assert.ok(s.text.includes(m.name_zh), JSON.stringify(s));
      }

      const done = page.locator('#risk-run-done');
      await done.waitFor();
      const runs = (await officer.get('/risk/runs')).json.items;
      assert.equal(runs.length, 1);
      const {run, by_model: byModel} = runs[0];
      assert.equal(run.id, job.run_id);
      assert.equal(await done.getAttribute('data-run-id'), String(run.id));
      assert.equal(run.declarations, lists.length);
      const row = page.locator(`#risk-runs tr[data-id="${run.id}"]`);
      assert.equal(await row.getAttribute('data-hits'), String(run.hits));
      assert.equal(await row.getAttribute('data-declarations'), String(run.declarations));

      // The chart's bars and its table are the API's counts per model, every model.
      const chart = await chartData(page, 'risk-by-model');
      assert.deepEqual(Object.fromEntries(chart.labels.map((m, i) => [m, chart.datasets[0].data[i]])),
                       byModel);
      const rows = await chartRows(page, 'risk-by-model');
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.model, Number(r.hits)])), byModel);
      assert.ok(await page.locator('#risk-by-model-canvas[aria-label]').count());
      await stack.step(page, 'run');

      // A model with hits, as the API says (the phone shared by three IDs at least).
      const model = Object.keys(byModel).find((m) => byModel[m] > 0);
      assert.ok(model, 'the run has hits');
      assert.ok(byModel.SHARED_PHONE >= 1);
      await page.locator('#risk-model').selectOption(model);
      const hits = (await officer.get(`/risk/runs/${run.id}/hits?model=${model}`)).json.items;
      await page.locator(`#risk-hits-title[data-model="${model}"][data-count="${hits.length}"]`)
          .waitFor();
      const shown = await page.locator('#risk-hits tr[data-subject]').evaluateAll(
          (els) => els.map((e) => ({subject: e.dataset.subject, score: Number(e.dataset.score),
                                    model: e.dataset.model})));
      assert.deepEqual(shown, hits.map((x) => ({subject: x.subject, score: x.score, model})));
      const first = page.locator('#risk-hits tr[data-subject]').first();
      assert.ok((await first.innerText()).includes(hits[0].explanation_zh));
      const links = await first.locator('a[data-declaration-id]').evaluateAll(
          (els) => els.map((e) => e.getAttribute('href')));
      assert.deepEqual(links, hits[0].declarations.map((d) => `#/declarations/${d}`));
      await stack.step(page, 'hits');

      // The lists behind it open their pages.
      await first.locator('a[data-declaration-id]').first().click();
      await page.waitForURL(`**/#/declarations/${hits[0].declarations[0]}`);
    } finally {
      await page.context().close();
    }
  });

  // A job on this little store ends before the page's first poll, so a running job's view is
  // checked on the page's own module: the server's job, as it said while at a model.
  test('a running job\'s progress names the model it is at; a failed one alerts',
       {timeout: 120000}, async () => {
    assert.ok(finishedJob, 'the first test ran a job');
    const models = (await officer.get('/risk/models')).json.models;
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.locator('#nav-risk').click();
      await page.locator('#risk-run-go').waitFor();
      for (const lang of ['zh', 'en']) {
        if (lang === 'en') {
          await page.locator('#lang-switch').click();
          await page.locator('#risk-run-go').waitFor();
        }
        const m = models[2];
        const running = {...finishedJob, state: 'running', phase: m.id, models_done: 2,
                         progress_pm: Math.floor(2000 / finishedJob.models_total),
                         run_id: null};
        const shown = await page.evaluate(async ({job, models}) => {
          const {jobProgress} = await import('/views/risk_job.js');
          const node = jobProgress(job, models);
          const bar = node.querySelector('progress');
          return {text: node.textContent, state: bar.dataset.state, value: bar.value,
                  max: bar.max};
        }, {job: running, models});
        assert.equal(shown.state, 'running');
        assert.equal(shown.value, running.progress_pm);
        assert.equal(shown.max, 1000);
        assert.ok(shown.text.includes(lang === 'en' ? m.name_en : m.name_zh), shown.text);
        assert.ok(shown.text.includes(m.id));
        assert.ok(shown.text.includes(`2 / ${finishedJob.models_total}`), shown.text);
      }
      // A failed job (hard to provoke on the real server): its error in an alert.
      const failed = await page.evaluate(async ({job, models}) => {
        const {jobProgress} = await import('/views/risk_job.js');
        const node = jobProgress(job, models);
        const alert = node.querySelector('[role="alert"]');
        return {state: node.querySelector('progress').dataset.state,
                alert: alert ? alert.textContent : null};
      }, {job: {...finishedJob, state: 'failed', phase: 'storing', run_id: null,
                error: 'database is locked'}, models});
      assert.equal(failed.state, 'failed');
      assert.ok(failed.alert && failed.alert.includes('database is locked'), failed.alert);
      await stack.step(page, 'job-view');
    } finally {
      await page.context().close();
    }
  });

  test('an enterprise user has no risk page', {timeout: 120000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      assert.equal(await page.locator('#nav-risk').count(), 0);
      await page.goto(`${stack.url}/#/risk`);
      await page.locator('#view .banner-bad').waitFor();
      assert.equal(await page.locator('#risk-models, #risk-runs').count(), 0);
    } finally {
      await page.context().close();
    }
  });
});
