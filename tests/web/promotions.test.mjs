// Browser test of promotion filing (促销行为报备) on the real stack: the enterprise files a
// promotion in its portal, the officer finds it, opens it and reads the filing's check and the
// summary of transacted prices; every outcome, finding and figure the page shows is compared
// with what the server answers for the same filing. Self-contained: its own server, database,
// policy version and two released lists. Screenshots: tests/web/output/promo-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, HNBY_USER, OFFICER, Stack} from './harness.mjs';
import {apiClient, BUYER_B, makeSet, zeroRandomRates} from './ceb_sets.mjs';

const stack = new Stack('promo');
// The SKU the test lists sell (makeSet's itemNo for a shaver).
const SKU = 'SKU-8510100000';
let admin = null;
let filedId = null;

const codes = (findings) => (findings || []).map((f) => f.code).sort();

async function pageCodes(list) {
  return (await list.locator('[data-finding-code]').evaluateAll(
      (els) => els.map((e) => e.dataset.findingCode))).sort();
}

describe('promotion filings in the browser', () => {
  before(async () => {
    await stack.start();
    admin = await apiClient(stack.url, ADMIN);
    await zeroRandomRates(admin, '2026.1-web-promotions');
    // Two lists declared on 2026-11-20: one at 399.00, one at 299.00.
    for (const set of [makeSet({key: 'WP-399', price: 39900}),
                       makeSet({key: 'WP-299', price: 29900, buyerId: BUYER_B,
                                buyerName: '李明'})]) {
      const id = await admin.submitSet(set);
      const d = await admin.get(`/declarations/${id}`);
      assert.equal(d.json.status_name, 'released', d.text);
    }
  }, {timeout: 120000});

  after(() => stack.stop());

  test('the enterprise files a promotion and sees the core\'s outcome', {timeout: 180000},
       async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      await page.locator('#nav-promotions').click();
      await page.locator('#promotions-table').waitFor();
      // An enterprise files for itself: no enterprise field.
      assert.equal(await page.locator('#promo-enterprise').count(), 0);
      const rowsBefore = await page.locator('#promotions-table tbody tr').count();

      // A price the page cannot read is refused before anything is sent.
      await page.locator('#promo-skus').fill(SKU);
      await page.locator('#promo-price').fill('349.123');
      await page.locator('#promo-normal-price').fill('399.00');
      await page.locator('#promo-submit').click();
      await page.locator('#promo-error [role="alert"]').waitFor();

      // Started on 2026-11-15 and filed today (2026-11-26): filed late.
      await page.locator('#promo-price').fill('349.00');
      await page.locator('#promo-from').fill('2026-11-15');
      await page.locator('#promo-to').fill('2026-11-30');
      await page.locator('#promo-submit').click();
      await page.locator('#promotions-table tbody tr').nth(rowsBefore).waitFor();

      const mine = await apiClient(stack.url, HNBY_USER);
      const list = await mine.get('/promotions');
      const filed = list.json.items.find((p) => (p.filing.skus || []).includes(SKU));
      assert.ok(filed, list.text);
      filedId = filed.id;
      const row = page.locator(`#promotions-table tr[data-id="${filedId}"]`);
      assert.equal(await row.locator('[data-outcome]').getAttribute('data-outcome'),
                   filed.outcome);
      assert.equal(filed.outcome, 'flagged');
      assert.match(await row.textContent(), /¥349\.00/);
      assert.match(await row.textContent(), /¥399\.00/);
      assert.match(await row.textContent(), /2026-11-15 – 2026-11-30/);
      await stack.step(page, 'enterprise-filed');
    } finally {
      await page.context().close();
    }
  });

  test('the officer opens it: the check and the summary agree with the server',
       {timeout: 180000}, async () => {
    assert.ok(filedId, 'the enterprise filed first');
    const [one, summary] = await Promise.all([admin.get(`/promotions/${filedId}`),
                                              admin.get(`/promotions/${filedId}/summary`)]);
    assert.equal(one.status, 200, one.text);
    assert.equal(summary.status, 200, summary.text);
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.locator('#nav-promotions').click();
      const row = page.locator(`#promotions-table tr[data-id="${filedId}"]`);
      await row.waitFor();
      assert.match(await row.textContent(), new RegExp(one.json.promotion.enterprise_name));
      await row.click();
      await page.locator(`#promotion-open[data-id="${filedId}"]`).waitFor();

      // The filing's check: outcome and findings as the server stored them.
      assert.equal(await page.locator('#promotion-open [data-outcome]')
          .getAttribute('data-outcome'), one.json.promotion.check.outcome);
      const checkCodes = await pageCodes(page.locator('#promotion-check-findings'));
      assert.deepEqual(checkCodes, codes(one.json.promotion.check.findings));
      assert.ok(checkCodes.includes('PROMOTION_FILED_LATE'), checkCodes.join());

      // The summary: both lists' lines, one below the promotional price.
      const s = summary.json.summaries[0];
      const figures = page.locator('#promotion-summary-table tbody tr');
      assert.equal(await figures.count(), summary.json.summaries.length);
      const attrs = await figures.first().evaluate((tr) => ({...tr.dataset}));
      assert.deepEqual(attrs, {
        lineCount: String(s.line_count), qty: s.qty, minFen: String(s.min_price_fen),
        avgFen: String(s.avg_price_fen), maxFen: String(s.max_price_fen),
        valueFen: String(s.value_fen), below: String(s.lines_below_promo), status: s.status,
      });
      assert.deepEqual([s.line_count, s.min_price_fen, s.max_price_fen, s.lines_below_promo],
                       [2, 29900, 39900, 1]);
      assert.match(await figures.first().textContent(), /¥299\.00.*¥349\.00.*¥399\.00/);
      const summaryCodes = await pageCodes(page.locator('#promotion-summary-findings'));
      assert.deepEqual(summaryCodes, codes(summary.json.findings));
      assert.ok(summaryCodes.includes('PROMOTION_SOLD_BELOW_PRICE'), summaryCodes.join());
      await stack.step(page, 'officer-summary');
    } finally {
      await page.context().close();
    }
  });

  test('the officer files one for the enterprise in advance', {timeout: 180000}, async () => {
    const ents = await admin.get('/enterprises?q=4101460012');
    const enterpriseId = ents.json.items[0].id;
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.goto(`${stack.url}/#/promotions`);
      const rowsBefore = await page.locator('#promotions-table tbody tr').count();
      await page.locator('#promo-enterprise').fill(String(enterpriseId));
      await page.locator('#promo-skus').fill(`${SKU}, SKU-X2`);
      await page.locator('#promo-price').fill('329');
      await page.locator('#promo-normal-price').fill('399.00');
      await page.locator('#promo-from').fill('2026-12-10');
      await page.locator('#promo-to').fill('2026-12-20');
      await page.locator('#promo-submit').click();
      await page.locator('#promotions-table tbody tr').nth(rowsBefore).waitFor();

      const list = await admin.get('/promotions');
      const filed = list.json.items.find((p) => p.from === '2026-12-10');
      assert.ok(filed, list.text);
      assert.deepEqual(filed.filing.skus, [SKU, 'SKU-X2']);
      assert.equal(filed.enterprise_id, enterpriseId);
      const row = page.locator(`#promotions-table tr[data-id="${filed.id}"]`);
      assert.equal(await row.locator('[data-outcome]').getAttribute('data-outcome'),
                   filed.outcome);
      await row.click();
      await page.locator(`#promotion-open[data-id="${filed.id}"]`).waitFor();
      const one = await admin.get(`/promotions/${filed.id}`);
      assert.deepEqual(await pageCodes(page.locator('#promotion-check-findings')),
                       codes(one.json.promotion.check.findings));
      // Not started: no lines yet, and the summary says so.
      assert.equal(await page.locator('#promotion-summary-table tbody tr')
          .getAttribute('data-line-count'), '0');
      assert.equal(await page.locator('#promotion-summary-table tbody tr')
          .getAttribute('data-status'), 'not_started');
      await stack.step(page, 'officer-filed');
    } finally {
      await page.context().close();
    }
  });
});
