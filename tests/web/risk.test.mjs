// Browser test of the risk page (#/risk) on the real stack: the demo holds no declarations, so
// the test first submits (through the API) three lists of three buyer IDs behind one phone — the
// case tests/server/risk_runs_test.cpp makes SHARED_PHONE hit. An officer then reads the models,
// runs every model from the page, sees the run, the hits-by-model chart whose numbers equal the
// API's by_model, and opens the hits of a model that has some (chosen from the API's answer),
// each with its subject, score and the lists behind it linking to their pages. An enterprise
// user has no risk page. Self-contained: its own server and database. Screenshots:
// tests/web/output/risk-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, HNBY_USER, OFFICER, Stack} from './harness.mjs';
import {BUYER_A, BUYER_B, apiClient, makeSet} from './ceb_sets.mjs';
import {chartData, chartRows} from './charts.mjs';

const stack = new Stack('risk');
const BUYER_C = '410105197806150020';  // a third valid resident ID
let officer = null;
let lists = [];

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

      await page.locator('#risk-run-go').click();
      const done = page.locator('#risk-run-done');
      await done.waitFor();
      const runs = (await officer.get('/risk/runs')).json.items;
      assert.equal(runs.length, 1);
      const {run, by_model: byModel} = runs[0];
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
