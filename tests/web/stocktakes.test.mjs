// Browser test of the stocktake screens on the real stack, over the demo ledger the server seeds
// (T4606W000001 of 河南保税, with goods filings that give each SKU a unit value): the enterprise
// records a stocktake with one SKU short and sees the shortage, its tax and the finding, with the
// page's own core agreeing with the server; an officer re-counts that SKU to the book's figure
// and the stocktake becomes consistent with the re-count finding; the schedule counts the next
// stocktake from it; another enterprise sees none of it. Self-contained: its own server and
// database. Screenshots: tests/web/output/stocktakes-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, HNBY_USER, OFFICER, Stack, TODAY} from './harness.mjs';
import {apiClient} from './ceb_sets.mjs';

const stack = new Stack('stocktakes');
const DEMO_EMS = 'T4606W000001';
const SHORT_SKU = 'HNBY-0001';
const SHORT_BY = 3;
const JPBEAUTY_USER = {username: 'jpbeauty', password: 'Ent#2026demo'};
let admin = null;
let hnby = null;
let stocktakeId = null;
let book = null;  // the short SKU's book balance on TODAY, as the server computes it

async function apiStocktake(client, id) {
  const r = await client.get(`/stocktakes/${id}`);
  assert.equal(r.status, 200, r.text);
  return r.json.stocktake;
}

async function scheduleRow(client, ems) {
  const r = await client.get('/stocktakes/schedule');
  assert.equal(r.status, 200, r.text);
  return r.json.items.find((i) => i.ems_no === ems);
}

// "YYYY-MM-DD" plus n months (the day of month exists in every month this test reaches).
function addMonths(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const pad = (x) => String(x).padStart(2, '0');
  return `${Math.floor(total / 12)}-${pad(total % 12 + 1)}-${pad(d)}`;
}

// The page's figures of the stocktake as shown, checked against the server's stored result.
async function assertShown(page, st) {
  const r = st.result;
  await page.locator(`#stocktake-outcome[data-outcome="${r.outcome}"]`).waitFor();
  assert.equal(await page.locator('#stocktake-action').getAttribute('data-action'),
               r.shortage_action);
  assert.equal(await page.locator('#stocktake-tax').getAttribute('data-tax-fen'),
               String(r.tax_fen));
  for (const line of r.lines) {
    const row = page.locator(`#stocktake-lines tr[data-sku="${line.sku}"]`);
    assert.equal(await row.getAttribute('data-status'), line.status, line.sku);
    assert.equal(await row.getAttribute('data-book'), String(line.book), line.sku);
    assert.equal(await row.getAttribute('data-difference'), String(line.difference), line.sku);
    assert.equal(await row.getAttribute('data-tax-fen'), String(line.tax_fen), line.sku);
  }
  const codes = await page.locator('#stocktake-findings [data-finding-code]').evaluateAll(
      (els) => els.map((e) => e.dataset.findingCode));
  assert.deepEqual(codes, r.findings.map((f) => f.code));
}

describe('stocktakes: record, check in the page, re-count, schedule, isolation', () => {
  before(async () => {
    await stack.start();
    admin = await apiClient(stack.url, ADMIN);
    hnby = await apiClient(stack.url, HNBY_USER);
    const r = await hnby.get(`/ledgers/${DEMO_EMS}/balances?date=${TODAY}`);
    assert.equal(r.status, 200, r.text);
    book = r.json.balances.find((b) => b.sku === SHORT_SKU).balance;
    assert.ok(Number(book) > SHORT_BY, `the demo ledger holds ${SHORT_SKU}`);
  }, {timeout: 120000});

  after(() => stack.stop());

  test('an enterprise records a stocktake with one SKU short', {timeout: 180000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      await page.locator('#nav-stocktakes').click();
      const row = page.locator(`#stocktake-schedule tr[data-ems-no="${DEMO_EMS}"]`);
      await row.waitFor();
      const due = await scheduleRow(hnby, DEMO_EMS);
      assert.equal(await row.getAttribute('data-due'), due.due);
      assert.equal(await row.getAttribute('data-overdue'), String(due.overdue));
      assert.equal(await row.getAttribute('data-last'), '');

      // The counts start at the book of the chosen day, one input per SKU.
      await page.locator('#stocktake-ledger').selectOption(DEMO_EMS);
      const count = page.locator(`#stocktake-counts input[data-sku="${SHORT_SKU}"]`);
      await count.waitFor();
      assert.equal(await page.locator('#stocktake-date').inputValue(), TODAY);
      assert.equal(await count.inputValue(), book);
      await stack.step(page, 'form');

      // A negative count is refused by the server (400) and nothing is stored.
      await count.fill('-1');
      page.expectHttpError(400, `/ledgers/${DEMO_EMS}/stocktakes`);
      await page.locator('#stocktake-submit').click();
      await page.locator('#stocktake-error[data-error-code="invalid_argument"]').waitFor();
      assert.equal((await hnby.get('/stocktakes')).json.total, 0);

      await count.fill(String(Number(book) - SHORT_BY));
      await page.locator('#stocktake-method').selectOption('self_count');
      await page.locator('#stocktake-submit').click();
      await page.locator('#stocktake-recorded').waitFor();
      stocktakeId = Number(await page.locator('#stocktake-title').getAttribute('data-id'));
      const st = await apiStocktake(hnby, stocktakeId);
      assert.equal(st.method, 'self_count');
      assert.equal(st.date, TODAY);
      assert.equal(st.outcome, 'shortage');
      assert.equal(st.shortage_action, 'supplementary_tax');
      assert.ok(st.tax_fen > 0, 'a shortage of filed goods owes tax');
      const line = st.result.lines.find((l) => l.sku === SHORT_SKU);
      assert.equal(line.status, 'shortage');
      assert.equal(line.difference, `-${SHORT_BY}`);
      await assertShown(page, st);
      await page.locator('#stocktake-findings [data-finding-code="STOCKTAKE_SHORTAGE"]')
          .waitFor();
      // The page's core compared the same input with the same book: the same result.
      await page.locator('#stocktake-parity[data-parity="match"]').waitFor();
      // Re-counting is customs' business.
      assert.equal(await page.locator('#recount-form').count(), 0);
      await stack.step(page, 'recorded');
    } finally {
      await page.context().close();
    }
  });

  test('an officer re-counts the short SKU to the book\'s figure', {timeout: 180000},
       async () => {
    assert.ok(stocktakeId, 'the first test recorded a stocktake');
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.locator('#nav-stocktakes').click();
      await page.locator(`#stocktakes-table tr[data-id="${stocktakeId}"]`).click();
      await page.locator('#stocktake-parity[data-parity="match"]').waitFor();
      await page.locator('#stocktake-outcome[data-outcome="shortage"]').waitFor();

      await page.locator('#recount-sku').selectOption(SHORT_SKU);
      await page.locator('#recount-qty').fill(book);
      await page.locator('#recount-reason').fill('海关抽盘：面霜复盘');
      await page.locator('#recount-submit').click();
      await page.locator('#recount-done').waitFor();
      const st = await apiStocktake(admin, stocktakeId);
      assert.equal(st.outcome, 'consistent');
      assert.equal(st.shortage_action, '');
      assert.equal(st.tax_fen, 0);
      assert.ok(st.recounted_at);
      const line = st.result.lines.find((l) => l.sku === SHORT_SKU);
      assert.equal(line.recounted, book);
      assert.equal(line.status, 'match');
      await assertShown(page, st);
      const row = page.locator(`#stocktake-lines tr[data-sku="${SHORT_SKU}"]`);
      assert.equal(await row.getAttribute('data-recounted'), book);
      await page.locator('#stocktake-findings [data-finding-code="STOCKTAKE_RECOUNT_DIFFERS"]')
          .waitFor();
      assert.equal(await page.locator('[data-finding-code="STOCKTAKE_SHORTAGE"]').count(), 0);
      await page.locator('#stocktake-parity[data-parity="match"]').waitFor();
      await stack.step(page, 'recounted');
    } finally {
      await page.context().close();
    }
  });

  test('the schedule counts the next stocktake from this one', {timeout: 180000}, async () => {
    const due = await scheduleRow(hnby, DEMO_EMS);
    assert.equal(due.last_stocktake, TODAY);
    assert.equal(due.due, addMonths(TODAY, due.cycle_months));
    assert.equal(due.overdue, false);
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      await page.goto(`${stack.url}/#/stocktakes`);
      const row = page.locator(`#stocktake-schedule tr[data-ems-no="${DEMO_EMS}"]`);
      await row.waitFor();
      assert.equal(await row.getAttribute('data-last'), TODAY);
      assert.equal(await row.getAttribute('data-due'), due.due);
      assert.equal(await row.getAttribute('data-overdue'), 'false');
      await page.locator(`#stocktakes-table tr[data-id="${stocktakeId}"]` +
                         '[data-outcome="consistent"]').waitFor();
      await stack.step(page, 'schedule');
    } finally {
      await page.context().close();
    }
  });

  test('another enterprise sees neither the stocktake nor the ledger', {timeout: 180000},
       async () => {
    const jp = await apiClient(stack.url, JPBEAUTY_USER);
    assert.equal((await jp.get(`/stocktakes/${stocktakeId}`)).status, 404);
    const page = await stack.newPage();
    try {
      await stack.login(page, JPBEAUTY_USER);
      await page.goto(`${stack.url}/#/stocktakes`);
      await page.locator('#stocktakes-table').waitFor();
      assert.equal(await page.locator(`[data-id="${stocktakeId}"]`).count(), 0);
      assert.equal(await page.locator(`[data-ems-no="${DEMO_EMS}"]`).count(), 0);
      page.expectHttpError(404, `/stocktakes/${stocktakeId}`);
      await page.goto(`${stack.url}/#/stocktakes/${stocktakeId}`);
      await page.locator('#view-error').waitFor();
      assert.equal(await page.locator('#stocktake-result').count(), 0);
      await stack.step(page, 'other-enterprise');
    } finally {
      await page.context().close();
    }
  });
});
