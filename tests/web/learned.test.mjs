// Browser test of the learned risk score on the real stack (server, store, XGBoost, the wasm
// core): an officer who tries to train before there are inspection outcomes reads the server's
// refusal (409) on the risk page; then 30 lists at 199.00 are routed to inspection by a rule and
// inspected through the API (those sent without freight do not match: the pattern the trees
// should learn, as in tests/server/learned_test.cpp). The officer trains a model from the page's
// form, reads its holdout figures beside the rules', runs the models, opens the top-scored list
// and finds its score, its top contribution and the page core's parity marker agreeing with the
// server. A list arriving after the run shows the score routing gave it on arrival (with the same
// check); before any model a list says "not scored yet"; an enterprise user sees no panel.
// Self-contained: its own server, database, policy version and rule. Screenshots:
// tests/web/output/learned-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, HNBY_USER, OFFICER, Stack} from './harness.mjs';
import {apiClient, makeSet, zeroRandomRates} from './ceb_sets.mjs';
import {chartData, chartRows} from './charts.mjs';

const stack = new Stack('learned');
let admin = null;
let officer = null;
const mismatched = [];
const matched = [];

// The page's rendering of a per mille figure, one decimal of a per cent.
const percent = (pm) => (pm === null ? '—' : `${(pm / 10).toFixed(1)}%`);

// 30 lists at 199.00 over ten days, each inspected: two in five sent without freight and found
// not to match, the others with freight and matching.
async function inspectThirty() {
  const rule = {id: 'lrn-199', name: '浏览器测试 lrn-199', condition:
                'goods.unit_price_fen = 199.00 cny', action: 'inspect', priority: 900,
                valid_from: '2026-01-01', valid_to: null, enabled: true, reason_zh: '测试规则',
                reason_en: 'test rule'};
  const saved = await admin.put(`/routing/rules/${rule.id}`, {rule, note: 'browser test'});
  assert.equal(saved.status, 201, saved.text);
  for (let i = 0; i < 30; i += 1) {
    const bad = i % 5 < 2;
    const id = await admin.submitSet(makeSet({key: `LRN-${i}`, price: 19900, freight: bad ? 0 : 1000,
                                              declDate: `202611${10 + Math.floor(i / 3)}`}));
    const body = {outcome: bad ? 'mismatch' : 'match', reason: '查验',
                  details: bad ? '实货与申报不符' : '开箱查验'};
    if (bad) body.action = 'reject';
    const r = await officer.post(`/declarations/${id}/inspection`, body);
    assert.equal(r.status, 200, r.text);
    (bad ? mismatched : matched).push(id);
  }
}

describe('the learned score in the browser', () => {
  before(async () => {
    await stack.start();
    admin = await apiClient(stack.url, ADMIN);
    officer = await apiClient(stack.url, OFFICER);
    await zeroRandomRates(admin, '2026.1-web-learned');
  }, {timeout: 120000});

  after(() => stack.stop());

  test('training before there are outcomes shows the server\'s refusal', {timeout: 120000},
       async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.locator('#nav-risk').click();
      await page.locator('#learned-train-go').waitFor();
      assert.equal(await page.locator('#learned-models').innerText(), '尚未训练模型。');
      assert.equal(await page.locator('#learned-top').innerText(),
                   '尚未运行风险模型；运行后按最新模型为每票清单评分。');
      page.expectHttpError(409, '/api/v1/risk/learned-models');
      await page.locator('#learned-train-go').click();
      const error = page.locator('#learned-train-error[data-status="409"]');
      await error.waitFor();
      // The server's own words, after the page's plain statement of why.
      const refused = await officer.post('/risk/learned-models', {rounds: 60, max_depth: 4});
      assert.equal(refused.status, 409);
      const text = await error.innerText();
      assert.ok(text.startsWith('暂不能训练：已查验清单不足。'), text);
      assert.ok(text.includes(refused.json.error.message), text);
      assert.match(refused.json.error.message, /at least 20 inspected lists/);
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.equal((await officer.get('/risk/learned-models')).json.items.length, 0);
      await stack.step(page, 'too-early');

      // Without a model no list is scored, on arrival or by a run.
      const early = await admin.submitSet(makeSet({key: 'LRN-EARLY'}));
      await page.goto(`${stack.url}/#/declarations/${early}`);
      await page.locator('#learned-panel[data-state="none"]').waitFor();
      assert.equal(await page.locator('#learned-not-scored').innerText(),
                   '尚未评分：本清单到达时尚无已训练的模型；训练模型后运行风险模型即为其评分。');
      await stack.step(page, 'not-scored');
    } finally {
      await page.context().close();
    }
  });

  test('train from the page, run, and read a list\'s score with the page\'s own check',
       {timeout: 300000}, async () => {
    await inspectThirty();
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.goto(`${stack.url}/#/risk`);
      await page.locator('#learned-rounds').fill('20');
      await page.locator('#learned-depth').fill('3');
      await page.locator('#learned-train-go').click();
      const trained = page.locator('#learned-trained');
      await trained.waitFor();
      const models = (await officer.get('/risk/learned-models')).json.items;
      assert.equal(models.length, 1);
      const m = models[0];
      assert.equal(await trained.getAttribute('data-model-id'), String(m.id));
      assert.deepEqual(m.params.rounds, 20);
      assert.deepEqual(m.params.max_depth, 3);
      assert.equal(m.trained_by.length > 0, true);

      // The model's row: who and when, 30 inspected of which 12 mismatched, and the holdout
      // figures of the learned score beside the rules', as the server measured them.
      const row = page.locator(`#learned-models tr[data-model-id="${m.id}"]`);
      await row.waitFor();
      assert.equal(await row.getAttribute('data-rows'), '30');
      assert.equal(await row.getAttribute('data-frauds'), '12');
      assert.ok((await row.innerText()).includes(m.trained_by));
      const hold = m.metrics.holdout;
      assert.ok(hold.learned && hold.rules, JSON.stringify(hold));
      for (const metric of ['auc_pm', 'precision_pm', 'recall_pm']) {
        for (const side of ['learned', 'rules']) {
          const cell = row.locator(`tr[data-metric="${metric}"] td[data-side="${side}"]`);
          assert.equal(await cell.innerText(), percent(hold[side][metric]), `${side} ${metric}`);
        }
      }
      assert.equal(hold.learned.auc_pm, 1000);  // freight alone separates the held-out lists
      await stack.step(page, 'trained');

      // A run scores every list with the newest model; the page lists the highest.
      await page.locator('#risk-run-go').click();
      const done = page.locator('#risk-run-done');
      await done.waitFor();
      const runId = await done.getAttribute('data-run-id');
      const top = (await officer.get(`/risk/runs/${runId}/learned-scores`)).json.items;
      assert.ok(top.length >= 30);
      await page.locator(`#learned-top tr[data-run-id="${runId}"]`).first().waitFor();
      const shown = await page.locator('#learned-top tbody tr').evaluateAll(
          (rows) => rows.map((r) => ({id: Number(r.dataset.declarationId),
                                      pm: Number(r.dataset.scorePm), text: r.innerText})));
      assert.deepEqual(shown.map(({id, pm}) => ({id, pm})),
                       top.slice(0, 20).map((x) => ({id: x.declaration_id, pm: x.score_pm})));
      assert.ok(shown[0].text.includes(percent(top[0].score_pm)));
      // The learned pattern: the highest score is a list sent without freight.
      assert.ok(mismatched.includes(top[0].declaration_id), JSON.stringify(top[0]));
      await stack.step(page, 'top-scores');

      // The top-scored list's page: its score, the contribution that moved it most, and the
      // page's core, given the stored trees and values, agreeing with the server.
      const first = top[0].declaration_id;
      await page.locator(`#learned-top a[data-declaration-id="${first}"]`).click();
      await page.waitForURL(`**/#/declarations/${first}`);
      await page.locator('#learned-panel[data-state="scored"]').waitFor();
      const s = (await officer.get(`/declarations/${first}/learned-score`)).json;
      const detail = (await officer.get(`/risk/learned-models/${s.model_id}`)).json;
      assert.equal(await page.locator('#learned-score').getAttribute('data-score-pm'),
                   String(s.score_pm));
      assert.equal(await page.locator('#learned-score').innerText(), percent(s.score_pm));
      assert.ok(s.score_pm > 500);
      const best = s.explanation.contributions[0];
      assert.equal(best.feature, 'list.freight_fen');
      const firstRow = page.locator('#learned-contributions tbody tr').first();
      assert.equal(await firstRow.getAttribute('data-feature'), best.feature);
      assert.equal(Number(await firstRow.getAttribute('data-contribution')), best.contribution);
      assert.ok(best.contribution > 0);
      const name = detail.features.find((f) => f.id === best.feature).name_zh;
      assert.ok((await firstRow.innerText()).includes(name));
      assert.ok((await firstRow.innerText()).includes(`+${best.contribution.toFixed(4)}`));
      const parity = page.locator('#learned-parity');
      await parity.waitFor();
      assert.equal(await parity.getAttribute('data-parity'), 'match');
      assert.ok((await parity.innerText()).includes('页面与服务器结论一致'));
      // The chart draws the same contributions as the table.
      const shownTop = s.explanation.contributions.slice(0, 8);
      const chart = await chartData(page, 'learned-chart');
      assert.deepEqual(chart.datasets[0].data, shownTop.map((c) => c.contribution));
      assert.deepEqual((await chartRows(page, 'learned-chart')).map((r) => r.feature),
                       shownTop.map((c) => c.feature));
      await stack.step(page, 'declaration');

      // A list the run never saw, sent without freight: scored as it arrived (routing read it),
      // from the newest model over the run's hits; the page's core agrees with that score too.
      const late = await admin.submitSet(makeSet({key: 'LRN-LATE', price: 19900, freight: 0,
                                                  declDate: '20261125'}));
      const a = (await officer.get(`/declarations/${late}/arrival-score`)).json;
      assert.equal(String(a.hits_run_id), runId);
      assert.ok(a.score_pm > 500, JSON.stringify(a));
      const routed = (await officer.get(`/declarations/${late}/routing`)).json;
      assert.equal(routed.context.risk.learned_score_pm, a.score_pm);
      page.expectHttpError(404, `/api/v1/declarations/${late}/learned-score`);
      await page.goto(`${stack.url}/#/declarations/${late}`);
      await page.locator('#learned-panel[data-state="arrival"]').waitFor();
      assert.equal(await page.locator('#learned-score').getAttribute('data-score-pm'),
                   String(a.score_pm));
      const source = page.locator('#learned-source');
      assert.equal(await source.getAttribute('data-hits-run-id'), runId);
      assert.equal(await source.innerText(),
                   `到达时评分 · 模型 ${a.model_id} · 依据第 ${runId} 次运行的命中`);
      const arrivalParity = page.locator('#learned-parity');
      await arrivalParity.waitFor();
      assert.equal(await arrivalParity.getAttribute('data-parity'), 'match');
      await stack.step(page, 'arrival');
    } finally {
      await page.context().close();
    }
  });

  test('an enterprise user sees no learned score', {timeout: 120000}, async () => {
    assert.ok(mismatched.length > 0, 'the previous test made the lists');
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      await page.goto(`${stack.url}/#/declarations/${mismatched[0]}`);
      await page.locator('#declaration-status').waitFor();
      await page.locator('#core-status[data-state="ready"]').waitFor();
      assert.equal(await page.locator('#learned-panel, #learned-score').count(), 0);
      assert.equal((await page.content()).includes('学习型风险评分'), false);
      await stack.step(page, 'enterprise');
    } finally {
      await page.context().close();
    }
  });
});
