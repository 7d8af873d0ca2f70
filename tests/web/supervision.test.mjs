// Browser test of in-process supervision on the real stack: the officer queues (manual review
// decisions, an inspection outcome by a drawn inspector, a valuation with the tax recomputed in
// the page and the server's supplementary bill) and the administrator's rule editor (live
// validation by the WebAssembly core, preview against past lists, saving a new version).
// Self-contained: its own server, database, policy version and message sets.
// Screenshots: tests/web/output/sup-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, OFFICER, Stack} from './harness.mjs';
import {apiClient, BUYER_B, makeSet, zeroRandomRates} from './ceb_sets.mjs';

const stack = new Stack('sup');
const ids = {};

describe('officer queues and the rule editor in the browser', () => {
  before(async () => {
    await stack.start();
    const admin = await apiClient(stack.url, ADMIN);
    // No random top-up: lists go where the checks and the demo rules send them.
    await zeroRandomRates(admin, '2026.1-web-supervision');
    // Line totals 1.00 below price x qty: a warning, so manual review.
    ids.release = await admin.submitSet(makeSet({key: 'WS-MR1', lineTotal: 39800}));
    ids.reject = await admin.submitSet(makeSet({key: 'WS-MR2', lineTotal: 39800}));
    ids.inspect = await admin.submitSet(makeSet({key: 'WS-MR3', lineTotal: 39800}));
    ids.valuation = await admin.submitSet(makeSet({key: 'WS-VAL', lineTotal: 39800}));
    // A large first purchase of another buyer, for the rule preview (value >= 3,000 CNY).
    ids.large = await admin.submitSet(makeSet({key: 'WS-BIG', buyerId: BUYER_B,
                                               buyerName: '李明', price: 350000}));
    for (const [id, decision] of [[ids.inspect, 'inspect'], [ids.valuation, 'valuation']]) {
      const r = await admin.post(`/declarations/${id}/review`, {decision, reason: '单证疑点'});
      assert.equal(r.status, 200, r.text);
    }
  }, {timeout: 120000});

  after(() => stack.stop());

  test('manual review: release and reject with a reason, shown in the status history',
       {timeout: 180000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.locator('#nav-queues').click();
      await page.locator('#queue-table').waitFor();
      for (const id of [ids.release, ids.reject]) {
        await page.locator(`#queue-table tr[data-id="${id}"]`).waitFor();
      }
      assert.equal(await page.locator(`#queue-table tr[data-id="${ids.valuation}"]`).count(), 0);
      await stack.step(page, 'manual-review-queue');

      await page.locator(`#queue-table tr[data-id="${ids.release}"]`).click();
      await page.locator(`#decision-panel[data-id="${ids.release}"]`).waitFor();
      // A decision needs a reason.
      await page.locator('#review-release').click();
      await page.locator('#review-error [role="alert"]').waitFor();
      await stack.step(page, 'review-reason-required');
      await page.locator('#review-reason').fill('行合计差额已核实为平台舍入，准予放行。');
      await page.locator('#review-release').click();
      await page.locator('#declaration-status[data-status="released"]').waitFor();
      const released = page.locator('#declaration-history li[data-status="released"]');
      await released.locator('[data-reason="REVIEW_RELEASED"]').waitFor();
      assert.match(await released.textContent(), /准予放行/);
      await page.locator('#tax-bill[data-total-fen]').waitFor();
      await stack.step(page, 'review-released-history');

      await page.goto(`${stack.url}/#/queues/manual_review?focus=${ids.reject}`);
      await page.locator(`#decision-panel[data-id="${ids.reject}"]`).waitFor();
      assert.equal(await page.locator(`#queue-table tr[data-id="${ids.release}"]`).count(), 0);
      await page.locator('#review-reason').fill('商品价格与订单不符，退单。');
      await page.locator('#review-reject').click();
      await page.locator('#declaration-status[data-status="rejected"]').waitFor();
      const rejected = page.locator('#declaration-history li[data-status="rejected"]');
      await rejected.locator('[data-reason="REVIEW_REJECTED"]').waitFor();
      assert.match(await rejected.textContent(), /退单/);
      await stack.step(page, 'review-rejected-history');
    } finally {
      await page.context().close();
    }
  });

  test('inspection: the drawn inspectors are shown and record the outcome', {timeout: 180000},
       async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.goto(`${stack.url}/#/queues/inspection`);
      const row = page.locator(`#queue-table tr[data-id="${ids.inspect}"]`);
      await row.waitFor();
      // Both demo officers are drawn (two of two).
      assert.match(await row.locator('.inspectors').textContent(), /李巡查/);
      assert.match(await row.locator('.inspectors').textContent(), /王审核/);
      await row.click();
      await page.locator(`#decision-panel[data-id="${ids.inspect}"]`).waitFor();
      // A mismatch needs its details.
      await page.locator('#inspection-outcome').selectOption('mismatch');
      await page.locator('#inspection-action').waitFor();
      await page.locator('#inspection-reason').fill('开箱查验');
      await page.locator('#inspection-submit').click();
      await page.locator('#inspection-error [role="alert"]').waitFor();
      await stack.step(page, 'inspection-details-required');
      await page.locator('#inspection-outcome').selectOption('match');
      await page.locator('#inspection-reason').fill('开箱查验，货物与申报相符。');
      await page.locator('#inspection-submit').click();
      await page.locator('#declaration-status[data-status="released"]').waitFor();
      await page.locator('#declaration-history li[data-status="released"] ' +
                         '[data-reason="INSPECTION_MATCH"]').waitFor();
      await page.locator('#declaration-history li[data-status="inspection"]').waitFor();
      await stack.step(page, 'inspection-match-released');
    } finally {
      await page.context().close();
    }
  });

  test('valuation: the page recomputes the tax and agrees with the supplementary bill',
       {timeout: 180000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.goto(`${stack.url}/#/queues/valuation?focus=${ids.valuation}`);
      await page.locator(`#decision-panel[data-id="${ids.valuation}"]`).waitFor();
      await page.locator('#core-status[data-state="ready"]').waitFor();
      // Dutiable value 408.00 (398.00 + 10.00 freight; tax 37.13) assessed at 508.00: the tax
      // at 9.1% becomes 46.23, 9.10 more.
      assert.equal(await page.locator('#valuation-line-1').inputValue(), '408.00');
      // Valued beyond the buyer's annual limit, the core says the list would be rejected.
      await page.locator('#valuation-line-1').fill('30000.00');
      await page.locator('#valuation-beyond').waitFor();
      assert.match(await page.locator('#valuation-quota-findings').textContent(), /QUOTA_/);
      await page.locator('#valuation-line-1').fill('508.00');
      await page.locator('#valuation-difference[data-difference-fen="910"]').waitFor();
      await page.locator('#valuation-reason').fill('参考同期同类商品成交价格核定。');
      await stack.step(page, 'valuation-preview');
      await page.locator('#valuation-submit').click();
      await page.locator('#valuation-done').waitFor();
      assert.equal(await page.locator('#valuation-parity').getAttribute('data-parity'), 'match',
                   await page.locator('#valuation-done').textContent());
      assert.equal(await page.locator('#supplementary-total').getAttribute('data-total-fen'),
                   '910');
      assert.equal(await page.locator('#valuation-done').getAttribute('data-status'),
                   'released');
      await stack.step(page, 'valuation-supplementary-bill');
    } finally {
      await page.context().close();
    }
  });

  test('rule editor: live validation, preview against past lists, a new version',
       {timeout: 180000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, ADMIN);
      await page.locator('#nav-rules').click();
      await page.locator('#rules-table tr[data-rule-id="new-consumer-large"]').click();
      await page.locator('#core-status[data-state="ready"]').waitFor();
      await page.locator('#rule-validation[data-outcome="valid"]').waitFor();
      assert.equal(await page.locator('#rule-history tbody tr').count(), 1);

      // A misspelt field: the core's error sits under the condition, at the field's position.
      const condition = page.locator('#rule-condition');
      await condition.fill('list.value_fen >= 3000.00 cny and consumer.lits_30d = 0');
      const error = page.locator('#rule-condition-errors [data-finding-code="RULE_UNKNOWN_FIELD"]');
      await error.waitFor();
      assert.equal(await error.getAttribute('data-offset'), '34');
      assert.match(await error.locator('mark').textContent(), /consumer\.lits_30d/);
      await page.locator('#rule-validation[data-outcome="invalid"]').waitFor();
      assert.equal(await page.locator('#rule-save').isVisible(), true);
      await stack.step(page, 'rule-live-error');

      // Field suggestions from the schema as the field is typed.
      await condition.fill('list.value_fen >= 3000.00 cny and consumer.li');
      await page.locator('#rule-suggestions [data-path="consumer.lists_30d"]').click();
      await condition.press('End');
      await condition.pressSequentially(' = 0');
      await page.locator('#rule-validation[data-outcome="valid"]').waitFor();
      assert.equal(await page.locator('#rule-condition-errors [data-finding-code]').count(), 0);

      // Preview against past lists: the large first purchase is a hit, the 399.00 ones are not.
      await page.locator('#rule-preview').click();
      await page.locator('#preview-summary').waitFor();
      await page.locator(`#preview-hits tr[data-declaration-id="${ids.large}"]`).waitFor();
      assert.equal(await page.locator(`#preview-hits tr[data-declaration-id="${ids.release}"]`)
          .count(), 0);
      await stack.step(page, 'rule-preview-hits');

      await page.locator('#rule-note').fill('去掉年度累计条件，仅看 30 天内无清单。');
      await page.locator('#rule-save').click();
      await page.locator('#rule-saved').waitFor();
      await page.locator('#rule-history tr[data-version="2"]').waitFor();
      assert.equal(await page.locator('#rule-condition').inputValue(),
                   'list.value_fen >= 3000.00 cny and consumer.lists_30d = 0');
      await stack.step(page, 'rule-saved-version-2');
    } finally {
      await page.context().close();
    }
  });
});
