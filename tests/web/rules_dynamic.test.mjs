// Browser test of dynamic routing rules on the real stack: the rules page shows each rule's hits
// and their outcomes (matched, decided, inspected, mismatches, rate) with a visible "noise"
// badge on a rule whose inspections all matched, as the server counted them from real routed
// lists and real inspection outcomes; and the administrator's editor sets a seasonal focus and
// an adaptive share, checked live by the WebAssembly core, saved and read back.
// Self-contained: its own server, database, policy version, rules and message sets.
// Screenshots: tests/web/output/dyn-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, OFFICER, Stack} from './harness.mjs';
import {apiClient, makeSet, zeroRandomRates} from './ceb_sets.mjs';

const stack = new Stack('dyn');
let stats = null;

const rule = (id, condition, action) => ({
  id, name: `浏览器测试 ${id}`, condition, action, priority: 900, valid_from: '2026-01-01',
  valid_to: null, enabled: true, reason_zh: '测试规则', reason_en: 'test rule'});

describe('dynamic rules in the browser', () => {
  before(async () => {
    await stack.start();
    const admin = await apiClient(stack.url, ADMIN);
    const officer = await apiClient(stack.url, OFFICER);
    await zeroRandomRates(admin, '2026.1-web-dynamic-rules');
    for (const r of [rule('bt-cheap', 'goods.unit_price_fen = 199.00 cny', 'inspect'),
                     rule('bt-dear', 'goods.unit_price_fen = 299.00 cny', 'inspect')]) {
      const saved = await admin.put(`/routing/rules/${r.id}`, {rule: r, note: 'browser test'});
      assert.equal(saved.status, 201, saved.text);
    }
    const cheap = [];
    for (let i = 0; i < 5; i += 1) {
      cheap.push(await admin.submitSet(makeSet({key: `DYN-C${i}`, price: 19900})));
    }
    const dear = await admin.submitSet(makeSet({key: 'DYN-D1', price: 29900}));
    for (const [id, outcome] of [...cheap.map((id) => [id, 'match']), [dear, 'mismatch']]) {
      const body = {outcome, reason: '查验', details: '开箱查验'};
      if (outcome === 'mismatch') body.action = 'reject';
      const r = await officer.post(`/declarations/${id}/inspection`, body);
      assert.equal(r.status, 200, r.text);
    }
    const answer = await officer.get('/routing/rules/stats');
    assert.equal(answer.status, 200, answer.text);
    stats = answer.json;
  }, {timeout: 180000});

  after(() => stack.stop());

  test('the rules page shows each rule\'s hits and outcomes and marks noise', {timeout: 120000},
       async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.locator('#nav-rules').click();
      const cheap = page.locator('#rules-table tr[data-rule-id="bt-cheap"]');
      await cheap.waitFor();
      const cell = async (row, stat) => (await row.locator(`[data-stat="${stat}"]`).innerText());
      assert.equal(await cell(cheap, 'lists'), '5');
      assert.equal(await cell(cheap, 'decided'), '5');
      assert.equal(await cell(cheap, 'inspected'), '5');
      assert.equal(await cell(cheap, 'mismatches'), '0');
      assert.equal(await cell(cheap, 'mismatch_pm'), '0‰');
      assert.equal(await cheap.getAttribute('data-noisy'), 'true');
      const badge = cheap.locator('.noise-badge');
      assert.equal(await badge.isVisible(), true);
      assert.equal(await badge.innerText(), '噪声');
      assert.equal(await badge.getAttribute('data-reason'), 'RULE_NO_MISMATCH');
      assert.match(await badge.getAttribute('title'), /查验 5 票，无一不符/);

      const dear = page.locator('#rules-table tr[data-rule-id="bt-dear"]');
      assert.equal(await cell(dear, 'inspected'), '1');
      assert.equal(await cell(dear, 'mismatches'), '1');
      assert.equal(await cell(dear, 'mismatch_pm'), '1000‰');
      assert.equal(await dear.locator('.noise-badge').count(), 0);
      // The page shows the server's figures for the whole period.
      assert.equal(await page.locator('#rule-stats-lists').innerText(),
                   String(stats.overall.lists));
      assert.equal(await page.locator('#rule-stats-overall-rate').innerText(),
                   `${stats.overall.mismatch_pm}‰`);
      await stack.step(page, 'rules-stats-noise');

      // A period after the lists were declared: no hits, no badge.
      await page.locator('#rule-stats-from').fill('2026-11-21');
      await page.locator('#rule-stats-apply').click();
      await page.locator('#rule-stats[data-from="2026-11-21"]').waitFor();
      const later = page.locator('#rules-table tr[data-rule-id="bt-cheap"]');
      assert.equal(await cell(later, 'lists'), '0');
      assert.equal(await later.locator('.noise-badge').count(), 0);
      await stack.step(page, 'rules-stats-later-period');

      // English labels, the default period again.
      await page.locator('#lang-switch').click();
      await page.goto(`${stack.url}/#/rules`);
      await page.locator('#rules-table tr[data-rule-id="bt-cheap"] .noise-badge').waitFor();
      assert.equal(await page.locator('#rules-table tr[data-rule-id="bt-cheap"] .noise-badge')
                       .innerText(), 'Noise');
      await stack.step(page, 'rules-stats-english');
    } finally {
      await page.context().close();
    }
  });

  test('the editor sets a season and an adaptive share, checked live by the core',
       {timeout: 120000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, ADMIN);
      await page.goto(`${stack.url}/#/rules/bt-dear`);
      await page.locator('#core-status[data-state="ready"]').waitFor();
      await page.locator('#rule-validation[data-outcome="valid"]').waitFor();
      assert.equal(await page.locator('#rule-season-from').isDisabled(), true);

      // A season with a day no year has: the core's error on season.from.
      await page.locator('#rule-season-on').check();
      await page.locator('#rule-season-from').fill('02-30');
      await page.locator('#rule-season-to').fill('01-10');
      const seasonError = page.locator(
          '#rule-other-errors [data-finding-code="RULE_FIELD_INVALID"][data-field="season.from"]');
      await seasonError.waitFor();
      await page.locator('#rule-validation[data-outcome="invalid"]').waitFor();
      assert.equal(await page.locator('#rule-season-from').getAttribute('aria-invalid'), 'true');
      await stack.step(page, 'editor-season-error');
      await page.locator('#rule-season-from').fill('12-15');  // wraps the year end
      await page.locator('#rule-validation[data-outcome="valid"]').waitFor();

      // Adaptive: the lowest share above the highest is refused, then fixed.
      await page.locator('#rule-adaptive-on').check();
      await page.locator('#rule-adaptive-min-pm').fill('900');
      await page.locator('#rule-adaptive-max-pm').fill('100');
      await page.locator(
          '#rule-other-errors [data-field="adaptive.min_pm"]').waitFor();
      await stack.step(page, 'editor-adaptive-error');
      await page.locator('#rule-adaptive-min-pm').fill('100');
      await page.locator('#rule-adaptive-max-pm').fill('800');
      await page.locator('#rule-adaptive-window-days').fill('30');
      await page.locator('#rule-adaptive-min-inspections').fill('3');
      await page.locator('#rule-validation[data-outcome="valid"]').waitFor();
      // Only inspect and manual review rules adjust from history.
      await page.locator('#rule-action').selectOption('reject');
      await page.locator('#rule-other-errors [data-field="adaptive"]').waitFor();
      await page.locator('#rule-action').selectOption('inspect');
      await page.locator('#rule-validation[data-outcome="valid"]').waitFor();
      await stack.step(page, 'editor-dynamic-valid');

      await page.locator('#rule-note').fill('年末季节性布控，按历史调整比例');
      await page.locator('#rule-save').click();
      await page.locator('#rule-saved').waitFor();
      await page.locator('#rule-history tr[data-version="2"]').waitFor();
      // Read back from the server into the form.
      assert.equal(await page.locator('#rule-season-on').isChecked(), true);
      assert.equal(await page.locator('#rule-season-from').inputValue(), '12-15');
      assert.equal(await page.locator('#rule-season-to').inputValue(), '01-10');
      assert.equal(await page.locator('#rule-adaptive-on').isChecked(), true);
      assert.equal(await page.locator('#rule-adaptive-max-pm').inputValue(), '800');
      assert.equal(await page.locator('#rule-adaptive-min-inspections').inputValue(), '3');
      await stack.step(page, 'editor-dynamic-saved');

      const admin = await apiClient(stack.url, ADMIN);
      const stored = await admin.get('/routing/rules/bt-dear');
      assert.equal(stored.status, 200, stored.text);
      assert.deepEqual(stored.json.rule.season, {from: '12-15', to: '01-10'});
      assert.deepEqual(stored.json.rule.adaptive,
                       {min_pm: 100, max_pm: 800, window_days: 30, min_inspections: 3});
    } finally {
      await page.context().close();
    }
  });
});
