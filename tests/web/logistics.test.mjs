// Browser test of gate control on the real stack: a gate pass binding a released list to a demo
// vehicle filed in the page, an over-weight weighbridge reading held by the core's gate check,
// and the officer's release of the hold with a reason. Self-contained: its own server, database,
// policy version and list. Screenshots: tests/web/output/gate-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, OFFICER, Stack} from './harness.mjs';
import {apiClient, makeSet, ZTLOG, zeroRandomRates} from './ceb_sets.mjs';

const stack = new Stack('gate');
let invtNo = null;

describe('gate passes in the browser', () => {
  before(async () => {
    await stack.start();
    const admin = await apiClient(stack.url, ADMIN);
    await zeroRandomRates(admin, '2026.1-web-gates');
    const id = await admin.submitSet(makeSet({key: 'WG-REL'}));
    const d = await admin.get(`/declarations/${id}`);
    assert.equal(d.json.status_name, 'released', d.text);
    invtNo = d.json.invt_no;
  }, {timeout: 120000});

  after(() => stack.stop());

  test('an over-weight vehicle is held, and the officer releases the hold', {timeout: 180000},
       async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.locator('#nav-logistics').click();
      // The demo's registered vehicle of the logistics enterprise (8,500 kg frame).
      await page.locator('#vehicles-table tr[data-plate="豫A8G301"]').waitFor();
      await page.locator('#pass-vehicle-no').fill('豫A8G301');
      await page.locator('#pass-vehicle-ic').fill('ICZT20260001');
      await page.locator('#pass-frame-wt').fill('8500');
      await page.locator('#pass-gross-wt').fill('1.2');
      await page.locator('#pass-logistics-code').fill(ZTLOG);
      await page.locator('#pass-invt-nos').fill(invtNo);
      await page.locator('#pass-submit').click();
      await page.locator('#pass-panel[data-status="open"]').waitFor();
      await stack.step(page, 'pass-open');

      // 9,000 kg at the weighbridge: about 500 kg of goods against 1.2 declared.
      await page.locator('#event-weight').fill('9000');
      await page.locator('#event-submit').click();
      await page.locator('#pass-panel[data-status="held"]').waitFor();
      await page.locator('#pass-events li[data-outcome="hold"] ' +
                         '[data-finding-code="GATE_WEIGHT_MISMATCH"]').waitFor();
      await stack.step(page, 'pass-held-overweight');

      await page.locator('#hold-reason').fill('复核地磅读数有误，重新过磅后放行。');
      await page.locator('#hold-release').click();
      await page.locator('#pass-panel[data-status="passed"]').waitFor();
      const passId = await page.locator('#pass-panel').getAttribute('data-id');
      assert.equal(await page.locator(`#gate-passes-table tr[data-id="${passId}"]`)
          .getAttribute('data-status'), 'passed');
      await stack.step(page, 'pass-hold-released');
    } finally {
      await page.context().close();
    }
  });
});
