// Browser test of declarations and receipts on the real stack: lists submitted through the API,
// the officer's list and detail with the tax preview and quota check computed in the page by the
// WebAssembly core and compared with the server's to the fen, and the enterprise's receipts.
// Self-contained: its own server, database and message sets. Screenshots: output/decl-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, HNBY_USER, OFFICER, Stack} from './harness.mjs';
import {apiClient, makeSet, zeroRandomRates} from './ceb_sets.mjs';

const stack = new Stack('decl');
const ids = {};

describe('declarations in the browser', () => {
  before(async () => {
    await stack.start();
    const admin = await apiClient(stack.url, ADMIN);
    // No random top-up: each list goes where its checks send it.
    await zeroRandomRates(admin, '2026.1-web-declarations');
    // Released within limits (13% VAT); a skin cream over 5,000 CNY at full tax; a list whose
    // line totals are off by 1.00 (a warning: manual review).
    ids.released = await admin.submitSet(makeSet({key: 'WD-REL'}));
    ids.fullTax = await admin.submitSet(makeSet({key: 'WD-FULL', code10: '3304990099',
                                                 price: 600000, taxTotal: 6010 + 78911}));
    ids.review = await admin.submitSet(makeSet({key: 'WD-MR', lineTotal: 39800}));
  }, {timeout: 120000});

  after(() => stack.stop());

  test('the officer sees the lists and the page computes the same tax and quota',
       {timeout: 180000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.locator('#nav-declarations').click();
      await page.locator('#declarations-table').waitFor();
      const statusOf = (id) => page.locator(`#declarations-table tr[data-id="${id}"]`)
          .getAttribute('data-status');
      assert.equal(await statusOf(ids.released), 'released');
      assert.equal(await statusOf(ids.review), 'manual_review');
      await stack.step(page, 'officer-list');

      // Filtered to manual review: only that list.
      await page.locator('#filter-status').selectOption('manual_review');
      await page.locator('#declarations-table tr[data-id] >> nth=0').waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll(
          '#declarations-table tbody tr')].every((tr) => tr.dataset.status === 'manual_review'));
      assert.equal(await page.locator(`#declarations-table tr[data-id="${ids.review}"]`).count(),
                   1);
      await stack.step(page, 'officer-filter-manual-review');

      // Released within limits: page and server agree to the fen, and with the tax bill.
      await page.goto(`${stack.url}/#/declarations/${ids.released}`);
      await page.locator('#declaration-status[data-status="released"]').waitFor();
      await page.locator('#tax-parity').waitFor();
      assert.equal(await page.locator('#quota-parity').getAttribute('data-parity'), 'match',
                   await page.locator('#quota-parity').textContent());
      assert.equal(await page.locator('#tax-parity').getAttribute('data-parity'), 'match',
                   await page.locator('#tax-parity').textContent());
      const pageTotal = await page.locator('#tax-compare tr[data-key="total_fen"]')
          .getAttribute('data-page-fen');
      assert.equal(await page.locator('#tax-bill').getAttribute('data-total-fen'), pageTotal);
      // 399.00 + 10.00 freight at 9.1% = 37.22.
      assert.equal(pageTotal, '3722');
      assert.equal(await page.locator('#page-quota-path').getAttribute('data-path'), 'cbec');
      assert.match(await page.locator('#declaration-history').textContent(), /单证齐全/);
      // The routing draw replayed in the page from its stored seed, as the server replays it.
      await page.locator('#routing-parity').waitFor();
      assert.equal(await page.locator('#routing-parity').getAttribute('data-parity'), 'match');
      assert.equal(await page.locator('#server-replay').getAttribute('data-matches'), 'true');
      assert.match(await page.locator('#routing-seed').textContent(), /^[0-9a-f]{1,16}$/);
      await stack.step(page, 'released-parity');

      // Full tax: the duty appears, still to the fen.
      await page.goto(`${stack.url}/#/declarations/${ids.fullTax}`);
      await page.locator('#tax-parity').waitFor();
      assert.equal(await page.locator('#tax-parity').getAttribute('data-parity'), 'match');
      assert.equal(await page.locator('#quota-parity').getAttribute('data-parity'), 'match');
      assert.equal(await page.locator('#page-quota-path').getAttribute('data-path'),
                   'cbec_full_tax');
      assert.equal(await page.locator('#tax-compare tr[data-key="duty_fen"]')
          .getAttribute('data-page-fen'), '6010');
      await stack.step(page, 'full-tax-parity');

      // In English.
      await page.locator('#lang-switch').click();
      await page.locator('html[lang="en"]').waitFor();
      await page.locator('#tax-parity').waitFor();
      assert.equal((await page.locator('#declaration-status').textContent()).trim(), 'Released');
      await stack.step(page, 'full-tax-english');
    } finally {
      await page.context().close();
    }
  });

  test('the enterprise reads its receipts with status and reasons', {timeout: 120000},
       async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      await page.locator('#nav-receipts').click();
      await page.locator('#declarations-table').waitFor();
      const rows = page.locator('#declarations-table tbody tr');
      assert.equal(await rows.count(), 3);
      await page.locator(`#declarations-table tr[data-id="${ids.review}"]`).click();
      await page.locator('#declaration-status[data-status="manual_review"]').waitFor();
      await page.locator('#declaration-reasons [data-reason="LINE_TOTAL_ARITHMETIC"]').waitFor();
      await page.locator('#screening-reconciliation [data-finding-code="LINE_TOTAL_ARITHMETIC"]')
          .first().waitFor();
      // No officer queue link for the enterprise.
      assert.equal(await page.locator('#open-queue').count(), 0);
      await stack.step(page, 'enterprise-receipt');
    } finally {
      await page.context().close();
    }
  });
});
