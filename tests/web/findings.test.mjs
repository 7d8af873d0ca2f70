// Browser test of the findings screen (#/findings) on the real stack with the demo data: 河南保税
// (hnby) records, through the API, a stocktake of the demo ledger with one SKU short; the
// enterprise sees that finding open (and counted on its portal home), answers it with an
// explanation; another enterprise sees nothing of it; an officer rejects the answer (a rejection
// without a note shows the server's 400), the enterprise answers again with a correction, the
// officer accepts and the finding is closed. Every state is checked against the API, and the
// findings chart's numbers against the API's counts. Self-contained: its own server and database.
// Screenshots: tests/web/output/findings-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {HNBY_USER, OFFICER, Stack, TODAY} from './harness.mjs';
import {apiClient} from './ceb_sets.mjs';
import {chartData, chartRows} from './charts.mjs';

const stack = new Stack('findings');
const DEMO_EMS = 'T4606W000001';
const SHORT_SKU = 'HNBY-0001';
const SHORT_BY = 3;
const JPBEAUTY_USER = {username: 'jpbeauty', password: 'Ent#2026demo'};
const STATES = ['open', 'answered', 'closed'];
let officer = null;
let hnby = null;
let stocktakeId = null;

// Every finding the client may see.
async function allFindings(client, state = '') {
  const items = [];
  for (let offset = 0; ; offset += 500) {
    const r = await client.get(`/findings?limit=500&offset=${offset}&state=${state}`);
    assert.equal(r.status, 200, r.text);
    items.push(...r.json.items);
    if (!r.json.items.length || items.length >= r.json.total) return items;
  }
}

async function theFinding(client) {
  const f = (await allFindings(client)).find((x) => x.object_type === 'stocktake' &&
                                                   x.object_id === stocktakeId);
  assert.ok(f, 'the stocktake\'s finding is listed');
  return f;
}

// The month a finding counts in, as the page shows its date: China time (UTC+8) for a UTC
// timestamp, else the date as written.
function monthOf(at) {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(at)) {
    return new Date(Date.parse(at) + 8 * 3600 * 1000).toISOString().slice(0, 7);
  }
  return String(at).slice(0, 7);
}

// The chart (as Chart.js holds it, and its table) counts the API's findings per month and state.
async function assertChart(page, client) {
  const expected = {};
  for (const f of await allFindings(client)) {
    const m = monthOf(f.at);
    expected[m] = expected[m] || {open: 0, answered: 0, closed: 0};
    expected[m][f.state] += 1;
  }
  const chart = await chartData(page, 'findings-chart');
  const shown = {};
  chart.labels.forEach((m, i) => {
    const counts = Object.fromEntries(STATES.map((s, j) => [s, chart.datasets[j].data[i]]));
    if (STATES.some((s) => counts[s])) shown[m] = counts;  // months between findings show zeros
  });
  assert.deepEqual(shown, expected);
  const rows = await chartRows(page, 'findings-chart');
  assert.deepEqual(rows.map((r) => r.month), chart.labels);
  for (const r of rows.filter((x) => expected[x.month])) {
    for (const s of STATES) assert.equal(Number(r[s]), expected[r.month][s], `${r.month} ${s}`);
  }
}

const itemSelector = () => `#findings-list li[data-object-type="stocktake"]` +
                           `[data-object-id="${stocktakeId}"]`;

// The finding's item on the page shows the API's state and answers.
async function assertItem(page, f) {
  const item = page.locator(`${itemSelector()}[data-state="${f.state}"]`);
  await item.waitFor();
  const answers = await item.locator('li[data-answer-id]').evaluateAll(
      (els) => els.map((e) => ({id: Number(e.dataset.answerId), kind: e.dataset.kind,
                                review: e.dataset.review})));
  assert.deepEqual(answers, f.answers.map((a) => ({id: a.id, kind: a.kind,
                                                   review: a.review || ''})));
  return item;
}

async function answerOnPage(page, kind, text) {
  await page.locator(`${itemSelector()} button[data-action="answer"]`).click();
  await page.locator('#finding-answer-kind').selectOption(kind);
  await page.locator('#finding-answer-text').fill(text);
  await page.locator('#finding-answer-go').click();
  await page.locator('#finding-answered').waitFor();
}

describe('findings: answer, review, isolation, the chart', () => {
  before(async () => {
    await stack.start();
    officer = await apiClient(stack.url, OFFICER);
    hnby = await apiClient(stack.url, HNBY_USER);
    const b = await hnby.get(`/ledgers/${DEMO_EMS}/balances?date=${TODAY}`);
    assert.equal(b.status, 200, b.text);
    const counts = b.json.balances.map((x) => ({
      sku: x.sku, counted: x.sku === SHORT_SKU ? String(Number(x.balance) - SHORT_BY) : x.balance}));
    assert.ok(counts.some((c) => c.sku === SHORT_SKU), `the demo ledger holds ${SHORT_SKU}`);
    const r = await hnby.post(`/ledgers/${DEMO_EMS}/stocktakes`,
                              {stocktake: {date: TODAY, method: 'self_count', counts}});
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.stocktake.outcome, 'shortage');
    stocktakeId = r.json.stocktake.id;
    assert.equal((await theFinding(hnby)).state, 'open');
  }, {timeout: 120000});

  after(() => stack.stop());

  test('the enterprise sees its finding open and answers it', {timeout: 180000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      const open = await allFindings(hnby, 'open');
      const link = page.locator(`#portal-open-findings[data-count="${open.length}"]`);
      await link.waitFor();
      await stack.step(page, 'portal');
      await link.click();
      const f = await theFinding(hnby);
      const item = await assertItem(page, f);
      assert.equal(await item.getAttribute('data-code'), f.code);
      assert.equal(await item.locator('a.finding-object').getAttribute('href'),
                   `#/stocktakes/${stocktakeId}`);
      assert.equal(await page.locator('#findings-list > li').count(), open.length);
      await assertChart(page, hnby);
      await stack.step(page, 'open');

      await answerOnPage(page, 'explanation', '盘点时三件面霜在复核区，已归位。');
      const answered = await theFinding(hnby);
      assert.equal(answered.state, 'answered');
      assert.equal(answered.answers.length, 1);
      assert.equal(answered.answers[0].kind, 'explanation');
      assert.equal(answered.answers[0].text, '盘点时三件面霜在复核区，已归位。');
      // The open tab no longer lists it; every finding's tab shows it waiting.
      assert.equal(await page.locator(itemSelector()).count(), 0);
      await page.locator('#findings-tab-all').click();
      await assertItem(page, answered);
      // A second answer while one waits is refused.
      const again = await hnby.post('/findings/answers', {object_type: 'stocktake',
                                                          object_id: stocktakeId,
                                                          kind: 'explanation', text: 'x'});
      assert.equal(again.status, 409, again.text);
      await assertChart(page, hnby);
      await stack.step(page, 'answered');
    } finally {
      await page.context().close();
    }
  });

  test('another enterprise sees nothing of it', {timeout: 120000}, async () => {
    const jp = await apiClient(stack.url, JPBEAUTY_USER);
    assert.ok(!(await allFindings(jp)).some((f) => f.object_type === 'stocktake' &&
                                                   f.object_id === stocktakeId));
    const r = await jp.post('/findings/answers', {object_type: 'stocktake',
                                                  object_id: stocktakeId, kind: 'correction',
                                                  text: 'not ours'});
    assert.equal(r.status, 404, r.text);
    const page = await stack.newPage();
    try {
      await stack.login(page, JPBEAUTY_USER);
      await page.locator('#nav-findings').click();
      await page.locator('#findings-list').waitFor();
      assert.equal(await page.locator(itemSelector()).count(), 0);
      await stack.step(page, 'other-enterprise');
    } finally {
      await page.context().close();
    }
  });

  test('an officer rejects with a note, the enterprise corrects, the officer accepts',
       {timeout: 240000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.locator('#nav-findings').click();
      await page.locator('#findings-tab-answered').click();
      const f = await theFinding(officer);
      await assertItem(page, f);
      await assertChart(page, officer);

      // A rejection without a note: the server's 400 in the form, nothing changed.
      await page.locator(`${itemSelector()} button[data-action="review"]`).click();
      await page.locator('#finding-review-decision').selectOption('rejected');
      page.expectHttpError(400, `/findings/answers/${f.answers[0].id}/review`);
      await page.locator('#finding-review-go').click();
      await page.locator('#finding-review-error[data-error-code="invalid_argument"]').waitFor();
      assert.equal((await theFinding(officer)).state, 'answered');
      await stack.step(page, 'reject-refused');

      await page.locator('#finding-review-note').fill('货物不在复核区，请提供更正后的盘点数据。');
      await page.locator('#finding-review-go').click();
      await page.locator('#finding-reviewed[data-review="rejected"]').waitFor();
      const rejected = await theFinding(officer);
      assert.equal(rejected.state, 'open');
      assert.equal(rejected.answers[0].review, 'rejected');
      assert.equal(rejected.answers[0].review_note, '货物不在复核区，请提供更正后的盘点数据。');
      await page.locator('#findings-tab-all').click();
      await assertItem(page, rejected);
      await stack.step(page, 'rejected');

      // The enterprise answers again, with a correction.
      const ent = await stack.newPage();
      try {
        await stack.login(ent, HNBY_USER);
        await ent.goto(`${stack.url}/#/findings?state=open`);
        await assertItem(ent, rejected);
        await answerOnPage(ent, 'correction', '更正：实盘短少 3 件，同意补缴税款。');
      } finally {
        await ent.context().close();
      }
      const corrected = await theFinding(officer);
      assert.equal(corrected.state, 'answered');
      assert.deepEqual(corrected.answers.map((a) => a.kind), ['explanation', 'correction']);

      // The officer accepts: the finding is closed.
      await page.goto(`${stack.url}/#/findings?state=answered`);
      await assertItem(page, corrected);
      await page.locator(`${itemSelector()} button[data-action="review"]`).click();
      await page.locator('#finding-review-decision').selectOption('accepted');
      await page.locator('#finding-review-go').click();
      await page.locator('#finding-reviewed[data-review="accepted"]').waitFor();
      const closed = await theFinding(officer);
      assert.equal(closed.state, 'closed');
      assert.deepEqual(closed.answers.map((a) => a.review), ['rejected', 'accepted']);
      await page.locator('#findings-tab-closed').click();
      await assertItem(page, closed);
      await assertChart(page, officer);
      await stack.step(page, 'closed');
    } finally {
      await page.context().close();
    }
  });
});
