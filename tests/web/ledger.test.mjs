// Browser test of the ledger view on the real stack: a bonded ledger with first-line entries, an
// adjustment and a transfer booked through the API; the page runs the core's ledger in
// WebAssembly over the entries the API returns and agrees with the server's balances to the
// unit at any date, traces a unit to its lot, and refuses a what-if debit beyond the stock.
// Self-contained: its own server and database. Screenshots: tests/web/output/ledger-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, HNBY_USER, OFFICER, Stack} from './harness.mjs';
import {apiClient, HNBY} from './ceb_sets.mjs';

const stack = new Stack('ledger');
const EMS = 'T4606WEB00001';
const EMS2 = 'T4606WEB00002';

async function book(admin, ems, entry) {
  const r = await admin.post(`/ledgers/${ems}/entries`, {entry});
  assert.equal(r.status, 201, r.text);
}

describe('the ledger view in the browser', () => {
  before(async () => {
    await stack.start();
    const admin = await apiClient(stack.url, ADMIN);
    const ents = await admin.get(`/enterprises?q=${HNBY}`);
    const enterpriseId = ents.json.items[0].id;
    for (const ems of [EMS, EMS2]) {
      const r = await admin.post('/ledgers', {ledger: {ems_no: ems, customs_code: '4606',
                                                       name: `测试账册 ${ems}`,
                                                       enterprise_id: enterpriseId}});
      assert.equal(r.status, 201, r.text);
    }
    const a = {sku: 'SKU-A', code10: '3304990099', unit: '007'};
    const b = {sku: 'SKU-B', code10: '8510100000', unit: '001'};
    await book(admin, EMS, {kind: 'first_line_in', date: '2026-10-01', ...a, qty: '100',
                            entry_no: '460620261000000001'});
    await book(admin, EMS, {kind: 'first_line_in', date: '2026-10-15', ...b, qty: '20',
                            entry_no: '460620261000000002'});
    await book(admin, EMS, {kind: 'adjustment', date: '2026-10-20', ...a, qty: '30',
                            direction: 'decrease', reason: '盘点短少'});
    await book(admin, EMS, {kind: 'first_line_in', date: '2026-11-01', ...a, qty: '50',
                            entry_no: '460620261100000003'});
    const t = await admin.post('/ledger-transfers', {transfer: {
      from_ems_no: EMS, to_ems_no: EMS2, date: '2026-11-10', ...a, qty: '40'}});
    assert.equal(t.status, 201, t.text);
  }, {timeout: 120000});

  after(() => stack.stop());

  test('balances agree with the server at any date; trace; a what-if shortfall',
       {timeout: 180000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.locator('#nav-ledgers').click();
      await page.locator(`#ledgers-table tr[data-ems-no="${EMS}"]`).click();
      await page.locator('#ledger-parity').waitFor();
      assert.equal(await page.locator('#ledger-parity').getAttribute('data-parity'), 'match',
                   await page.locator('#ledger-parity').textContent());
      // Today: A = 100 - 30 + 50 - 40 = 80; B = 20.
      assert.equal(await page.locator('#ledger-balances tr[data-sku="SKU-A"]')
          .getAttribute('data-balance'), '80');
      assert.equal(await page.locator('#ledger-balances tr[data-sku="SKU-B"]')
          .getAttribute('data-balance'), '20');
      await stack.step(page, 'balances-today');

      // An earlier date: A = 70 on 2026-10-25, still to the unit with the server.
      await page.locator('#ledger-date').fill('2026-10-25');
      await page.locator('#ledger-balances tr[data-sku="SKU-A"][data-balance="70"]').waitFor();
      assert.equal(await page.locator('#ledger-parity').getAttribute('data-parity'), 'match');
      await stack.step(page, 'balances-2026-10-25');

      // Unit 31 out of SKU-A is the transfer's first unit; it came from the first lot.
      await page.locator('#trace-sku').selectOption('SKU-A');
      await page.locator('#trace-unit').fill('31');
      await page.locator('#trace-submit').click();
      await page.locator('#ledger-trace[data-outcome="traced"]').waitFor();
      assert.match(await page.locator('#ledger-trace-links').textContent(),
                   /460620261000000001/);

      // A pending debit of 500 while 80 are in stock: refused, nothing booked.
      await page.locator('#whatif-kind').selectOption('release_out');
      await page.locator('#whatif-sku').selectOption('SKU-A');
      await page.locator('#whatif-qty').fill('500');
      await page.locator('#whatif-submit').click();
      await page.locator('#whatif-result[data-outcome="refused"]').waitFor();
      await page.locator('#whatif-findings [data-finding-code="LEDGER_NEGATIVE_BALANCE"]')
          .waitFor();
      assert.equal((await page.locator('#whatif-available').textContent()).trim(), '80');
      // The server's what-if of the same entry says the same.
      await page.locator('#whatif-parity[data-parity="match"]').waitFor();
      // Within the stock it would be accepted.
      await page.locator('#whatif-qty').fill('80');
      await page.locator('#whatif-submit').click();
      await page.locator('#whatif-result[data-outcome="accepted"]').waitFor();
      await page.locator('#whatif-qty').fill('500');
      await page.locator('#whatif-submit').click();
      await page.locator('#whatif-result[data-outcome="refused"]').waitFor();
      await page.locator('#whatif-parity[data-parity="match"]').waitFor();
      await stack.step(page, 'what-if-shortfall');
    } finally {
      await page.context().close();
    }
  });

  test('the enterprise sees its own ledger with the same balances', {timeout: 120000},
       async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      await page.goto(`${stack.url}/#/ledgers/${EMS2}`);
      await page.locator('#ledger-parity[data-parity="match"]').waitFor();
      assert.equal(await page.locator('#ledger-balances tr[data-sku="SKU-A"]')
          .getAttribute('data-balance'), '40');
      await stack.step(page, 'enterprise-ledger');
    } finally {
      await page.context().close();
    }
  });
});
