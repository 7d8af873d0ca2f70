// Browser test of the risk models at arrival on the real stack: a rule routes lists that a
// consumer model hits as they arrive ("SPLIT_UNDER_LIMIT" in risk.arrival_models); one buyer's
// three lists of 2,000 CNY on one day are sent through the API, and the officer opens the third
// (which took the three over the 5,000 CNY transaction limit): its routing card names the hit and
// its explanation as the server stored them, the rule that matched, and the page's WebAssembly
// core replays the decision from the stored context to the same result. The first list shows no
// hit. Self-contained: its own server, database, policy version and rule. Screenshots:
// tests/web/output/arrival-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, OFFICER, Stack} from './harness.mjs';
import {apiClient, makeSet, zeroRandomRates} from './ceb_sets.mjs';

const stack = new Stack('arrival');
const ids = [];
let officer = null;

describe('risk models at arrival in the browser', () => {
  before(async () => {
    await stack.start();
    const admin = await apiClient(stack.url, ADMIN);
    officer = await apiClient(stack.url, OFFICER);
    await zeroRandomRates(admin, '2026.1-web-arrival');
    const rule = {id: 'arr-split', name: '浏览器测试 拆单', action: 'manual_review',
                  condition: '"SPLIT_UNDER_LIMIT" in risk.arrival_models', priority: 50,
                  valid_from: '2026-01-01', valid_to: null, enabled: true,
                  reason_zh: '到达时拆单命中', reason_en: 'split purchase at arrival'};
    const saved = await admin.put(`/routing/rules/${rule.id}`, {rule, note: 'browser test'});
    assert.equal(saved.status, 201, saved.text);
    for (let i = 0; i < 3; i += 1) {
      ids.push(await admin.submitSet(makeSet({key: `ARR-${i}`, price: 200000,
                                              declDate: '20261125'})));
    }
  }, {timeout: 120000});

  after(() => stack.stop());

  test('the list that completes a split purchase shows the hit that routed it', {timeout: 120000},
       async () => {
    const third = (await officer.get(`/declarations/${ids[2]}/routing`)).json;
    assert.equal(third.arrival_hits.length, 1);
    const hit = third.arrival_hits[0];
    assert.equal(hit.model, 'SPLIT_UNDER_LIMIT');
    assert.deepEqual(hit.declarations, ids);
    assert.equal(third.routing.action, 'manual_review');

    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.goto(`${stack.url}/#/declarations/${ids[2]}`);
      const hits = page.locator('#routing-arrival-hits');
      await hits.waitFor();
      assert.equal(await hits.getAttribute('data-count'), '1');
      const item = hits.locator('li[data-model="SPLIT_UNDER_LIMIT"]');
      assert.equal(await item.getAttribute('data-subject'), hit.subject);
      assert.ok((await item.innerText()).includes(hit.explanation_zh), await item.innerText());
      await page.locator('#routing-matched li[data-rule-id="arr-split"]').waitFor();
      const parity = page.locator('#routing-parity');
      await parity.waitFor();
      assert.equal(await parity.getAttribute('data-parity'), 'match');
      await stack.step(page, 'split-hit');

      await page.goto(`${stack.url}/#/declarations/${ids[0]}`);
      await page.locator(`#routing[data-action="release"]`).waitFor();
      assert.equal(await page.locator('#routing-arrival-hits').getAttribute('data-count'), '0');
      await stack.step(page, 'first-list');
    } finally {
      await page.context().close();
    }
  });
});
