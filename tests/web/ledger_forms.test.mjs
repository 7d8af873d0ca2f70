// Browser test of the ledger view's booking forms on the real stack, over the demo ledger the
// server seeds (T4606W000001 of 河南保税: HNBY-0010 200 shavers, HNBY-0001 500 face creams): an
// enterprise books a first-line entry and sees the balance grow; an officer's decreasing
// adjustment beyond the stock is refused by the core (nothing stored); a transfer between two
// ledgers of one enterprise appears on both. Self-contained: its own server and database.
// Screenshots: tests/web/output/ledger-forms-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, HNBY_USER, OFFICER, Stack, TODAY} from './harness.mjs';
import {apiClient} from './ceb_sets.mjs';

const stack = new Stack('ledger-forms');
const DEMO_EMS = 'T4606W000001';
const OTHER_EMS = 'T4606WEBF0002';
let admin = null;

// The server's balance of one SKU today, or '0' when it has none.
async function serverBalance(ems, sku) {
  const r = await admin.get(`/ledgers/${ems}/balances`);
  assert.equal(r.status, 200, r.text);
  const row = (r.json.balances || []).find((b) => b.sku === sku);
  return row ? row.balance : '0';
}

async function entryCount(ems) {
  const r = await admin.get(`/ledgers/${ems}`);
  assert.equal(r.status, 200, r.text);
  return r.json.entries.length;
}

// Opens a ledger and waits until the page's balances agree with the server's.
async function openLedger(page, ems) {
  await page.goto(`${stack.url}/#/ledgers/${ems}`);
  await page.locator('#core-status[data-state="ready"]').waitFor();
  await page.locator('#ledger-parity[data-parity="match"]').waitFor();
}

const balanceRow = (page, sku, balance) =>
  page.locator(`#ledger-balances tr[data-sku="${sku}"][data-balance="${balance}"]`);

describe('booking entries and transfers from the ledger view', () => {
  before(async () => {
    await stack.start();
    admin = await apiClient(stack.url, ADMIN);
    // A second ledger of the same enterprise, registered by its own user.
    const hnby = await apiClient(stack.url, HNBY_USER);
    const r = await hnby.post('/ledgers', {ledger: {ems_no: OTHER_EMS, customs_code: '4606',
                                                    name: '第二本账册'}});
    assert.equal(r.status, 201, r.text);
  }, {timeout: 120000});

  after(() => stack.stop());

  test('an enterprise books a first-line entry and the balance grows', {timeout: 180000},
       async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      await openLedger(page, DEMO_EMS);
      await balanceRow(page, 'HNBY-0010', '200').waitFor();
      // Adjustments are customs' business: the enterprise is offered first-line entries only.
      assert.deepEqual(await page.locator('#entry-kind option').evaluateAll(
          (os) => os.map((o) => o.value)), ['first_line_in']);
      // A known SKU brings its commodity code and unit from its first entry.
      await page.locator('#entry-sku').fill('HNBY-0010');
      assert.equal(await page.locator('#entry-code10').inputValue(), '8510100000');
      assert.equal(await page.locator('#entry-unit').inputValue(), '001');
      assert.equal(await page.locator('#entry-date').inputValue(), TODAY);

      // Without the entry declaration number the server refuses it (400) and books nothing.
      await page.locator('#entry-qty').fill('50');
      page.expectHttpError(400, `/ledgers/${DEMO_EMS}/entries`);
      await page.locator('#entry-submit').click();
      await page.locator('#entry-result[data-outcome="error"] ' +
                         '#entry-error[data-error-code="invalid_argument"]').waitFor();
      assert.equal(await serverBalance(DEMO_EMS, 'HNBY-0010'), '200');
      await stack.step(page, 'entry-400');

      await page.locator('#entry-no').fill('460620261126000001');
      await page.locator('#entry-submit').click();
      const booked = page.locator('#entry-result[data-outcome="booked"] #entry-booked');
      await booked.waitFor();
      // The page re-rendered over the server's books: 200 + 50, to the unit with the server.
      await balanceRow(page, 'HNBY-0010', '250').waitFor();
      await page.locator('#ledger-parity[data-parity="match"]').waitFor();
      assert.equal(await serverBalance(DEMO_EMS, 'HNBY-0010'), '250');
      // The core's check in the page agreed with the server's before it booked.
      assert.equal(await page.locator('#entry-whatif-result').getAttribute('data-outcome'),
                   'accepted');
      assert.equal(await page.locator('#entry-parity').getAttribute('data-parity'), 'match');
      const id = await booked.getAttribute('data-entry-id');
      const row = page.locator(`#ledger-entries tr[data-entry-id="${id}"]`);
      assert.equal(await row.getAttribute('data-kind'), 'first_line_in');
      assert.match(await row.textContent(), /460620261126000001/);
      await stack.step(page, 'entry-booked');
    } finally {
      await page.context().close();
    }
  });

  test('an officer\'s decrease beyond the stock is refused and nothing is stored',
       {timeout: 180000}, async () => {
    const before = await serverBalance(DEMO_EMS, 'HNBY-0001');
    const count = await entryCount(DEMO_EMS);
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await openLedger(page, DEMO_EMS);
      await balanceRow(page, 'HNBY-0001', before).waitFor();
      await page.locator('#entry-kind').selectOption('adjustment');
      await page.locator('#entry-direction').waitFor();
      assert.equal(await page.locator('#entry-no').isVisible(), false);
      await page.locator('#entry-direction').selectOption('decrease');
      await page.locator('#entry-sku').fill('HNBY-0001');
      assert.equal(await page.locator('#entry-unit').inputValue(), '142');
      await page.locator('#entry-qty').fill(String(Number(before) + 100));
      await page.locator('#entry-reason').fill('盘点短少');
      page.expectHttpError(409, `/ledgers/${DEMO_EMS}/entries`);
      await page.locator('#entry-submit').click();

      // The page's core said so first, and the server's core refused it.
      await page.locator('#entry-whatif-result[data-outcome="refused"]').waitFor();
      await page.locator('#entry-whatif-findings [data-finding-code="LEDGER_NEGATIVE_BALANCE"]')
          .waitFor();
      await page.locator('#entry-result[data-outcome="refused"] #entry-refused').waitFor();
      await page.locator('#entry-findings [data-finding-code="LEDGER_NEGATIVE_BALANCE"]')
          .waitFor();
      assert.equal(await page.locator('#entry-parity').getAttribute('data-parity'), 'match');
      // Nothing stored: the same balance in the page and on the server, no new entry.
      await balanceRow(page, 'HNBY-0001', before).waitFor();
      assert.equal(await serverBalance(DEMO_EMS, 'HNBY-0001'), before);
      assert.equal(await entryCount(DEMO_EMS), count);
      await stack.step(page, 'adjustment-refused');
    } finally {
      await page.context().close();
    }
  });

  test('a transfer between two ledgers of the enterprise appears on both', {timeout: 180000},
       async () => {
    const before = Number(await serverBalance(DEMO_EMS, 'HNBY-0010'));
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      await openLedger(page, DEMO_EMS);
      // The enterprise's other ledger is offered as a target.
      await page.locator(`#transfer-to-list option[value="${OTHER_EMS}"]`).waitFor(
          {state: 'attached'});
      await page.locator('#transfer-to').fill(OTHER_EMS);
      await page.locator('#transfer-sku').fill('HNBY-0010');
      assert.equal(await page.locator('#transfer-code10').inputValue(), '8510100000');
      await page.locator('#transfer-qty').fill('30');
      await page.locator('#transfer-submit').click();
      const booked = page.locator('#transfer-result[data-outcome="booked"] #transfer-booked');
      await booked.waitFor();
      const transferId = await booked.getAttribute('data-transfer-id');
      assert.match(transferId, /^TR\d+$/);
      assert.equal(await page.locator('#transfer-parity').getAttribute('data-parity'), 'match');
      await balanceRow(page, 'HNBY-0010', String(before - 30)).waitFor();
      await page.locator('#ledger-parity[data-parity="match"]').waitFor();
      const out = page.locator('#ledger-entries tr[data-kind="transfer_out"]');
      assert.match(await out.textContent(), new RegExp(transferId));
      await stack.step(page, 'transfer-out');

      // The other ledger holds the transfer_in of the same transfer.
      await page.locator('#transfer-to-link').click();
      await page.locator(`#ledger-ems:text("${OTHER_EMS}")`).waitFor();
      await page.locator('#ledger-parity[data-parity="match"]').waitFor();
      await balanceRow(page, 'HNBY-0010', '30').waitFor();
      const inRow = page.locator('#ledger-entries tr[data-kind="transfer_in"]');
      assert.match(await inRow.textContent(), new RegExp(transferId));
      assert.equal(await serverBalance(OTHER_EMS, 'HNBY-0010'), '30');
      await stack.step(page, 'transfer-in');
    } finally {
      await page.context().close();
    }
  });
});
