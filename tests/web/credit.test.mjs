// Browser test of the credit pages on the real stack with the demo data: an officer opens 河南保税
// (hnby)'s credit profile from the credit list, assesses it and sees the core's score, level,
// factors, the page's own re-assessment agreeing and the Chart.js trend and month-by-month
// charts holding the API's figures (one list is submitted first so a month has a bar); records
// a smuggling penalty through the form (the penalty typed in CNY arrives as integer fen),
// assesses again and sees the dishonest recommendation with its trigger; an override without a
// reason is refused by the server and changes nothing; confirming puts the grade in force. The
// enterprise then reads its own profile without the customs forms, and another enterprise sees
// nothing of it. Every expected figure is read from the API. Self-contained: its own server and
// database. Screenshots: tests/web/output/credit-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, HNBY_USER, OFFICER, Stack} from './harness.mjs';
import {apiClient, makeSet} from './ceb_sets.mjs';
import {chartData, chartRows} from './charts.mjs';

const stack = new Stack('credit');
const JPBEAUTY_USER = {username: 'jpbeauty', password: 'Ent#2026demo'};
const PENALTY_TEXT = '50,000.07';
const PENALTY_FEN = 5000007;  // what PENALTY_TEXT is, exactly
let officer = null;
let hnbyId = null;
let hnbyName = null;

async function profileOf(client, id) {
  const r = await client.get(`/enterprises/${id}/credit/profile`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

// The newest assessment as the page shows it, checked against the API's.
async function assertAssessmentShown(page, a) {
  await page.locator(`#credit-assessment[data-assessment-id="${a.id}"]`).waitFor();
  assert.equal(await page.locator('#credit-score').getAttribute('data-score'), String(a.score));
  assert.equal(await page.locator('#credit-level').getAttribute('data-level'), a.risk_level);
  assert.equal(await page.locator('#credit-recommended').getAttribute('data-grade'),
               a.recommended_grade);
  assert.equal(await page.locator('#credit-change').getAttribute('data-change'), a.result.change);
  const rows = page.locator('#credit-factors tr[data-factor]');
  assert.equal(await rows.count(), a.result.factors.length);
  for (const f of a.result.factors) {
    const row = page.locator(`#credit-factors tr[data-factor="${f.id}"]`);
    assert.equal(await row.getAttribute('data-points'), String(f.points), f.id);
    assert.equal(await row.getAttribute('data-value'), String(f.value), f.id);
    assert.equal(await row.getAttribute('data-weight'), String(f.weight), f.id);
  }
  const codes = await page.locator('#credit-triggers [data-finding-code]').evaluateAll(
      (els) => els.map((e) => e.dataset.findingCode));
  assert.deepEqual(codes, a.result.triggers.map((f) => f.code));
  // The page's core re-assessed the stored facts and got the stored result.
  await page.locator('#credit-parity[data-parity="match"]').waitFor();
}

// One point per assessment of the trend, oldest first, with the API's scores: in the chart
// Chart.js drew (with the policy's cut-offs as flat lines) and in its table.
async function assertTrend(page, trend) {
  await page.locator(`#credit-trend[data-marks="${trend.length}"]`).waitFor();
  const rows = await chartRows(page, 'credit-trend');
  assert.deepEqual(rows.map((r) => r.score), trend.map((a) => String(a.score)));
  assert.deepEqual(rows.map((r) => r.id), trend.map((a) => String(a.id)));
  const chart = await chartData(page, 'credit-trend');
  assert.deepEqual(chart.labels, trend.map((a) => a.as_of));
  assert.deepEqual(chart.datasets[0].data, trend.map((a) => a.score));
  assert.equal(chart.datasets.length, 1);
  // The policy's medium and high cut-offs (the core's defaults when the policy names none).
  const r = await officer.get('/policy');
  assert.equal(r.status, 200, r.text);
  const model = r.json.document.credit_model || {};
  assert.deepEqual(chart.lines, [model.medium_from ?? 30, model.high_from ?? 60]);
}

// The monthly bars equal the profile's monthly outcomes.
async function assertMonthly(page, monthly) {
  const chart = await chartData(page, 'credit-monthly-chart');
  assert.deepEqual(chart.labels, monthly.map((m) => m.month));
  assert.deepEqual(chart.datasets.map((d) => d.data),
                   ['lists', 'inspections', 'mismatches'].map((k) => monthly.map((m) => m[k])));
}

describe('credit: assess, record a violation, decide; the portal reads its own', () => {
  before(async () => {
    await stack.start();
    officer = await apiClient(stack.url, OFFICER);
    const hnby = await apiClient(stack.url, HNBY_USER);
    const me = await hnby.get('/auth/me');
    assert.equal(me.status, 200, me.text);
    hnbyId = me.json.user.enterprise_id;
    assert.ok(hnbyId, 'hnby is bound to an enterprise');
    const p = await profileOf(officer, hnbyId);
    hnbyName = p.enterprise.name;
    // One list of hnby's this month, so the month-by-month chart has a bar to check.
    const admin = await apiClient(stack.url, ADMIN);
    await admin.submitSet(makeSet({key: 'WC-MONTH'}));
    // The demo seeds a grade but no assessment: the test starts the history.
    assert.equal(p.assessment, null);
    assert.equal(p.trend.length, 0);
  }, {timeout: 120000});

  after(() => stack.stop());

  test('an officer assesses, records a penalty, assesses again and decides', {timeout: 240000},
       async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      const start = await profileOf(officer, hnbyId);
      await page.locator('#nav-credit').click();
      const row = page.locator(`#credit-enterprises tr[data-id="${hnbyId}"]`);
      await row.waitFor();
      assert.equal(await row.getAttribute('data-grade'), start.credit.grade);
      await stack.step(page, 'list');
      await row.click();
      await page.locator(`#credit-title[data-enterprise-id="${hnbyId}"]`).waitFor();
      assert.equal(await page.locator('#credit-grade').getAttribute('data-grade'),
                   start.credit.grade);
      await page.locator('#credit-no-assessment').waitFor();
      assert.equal(await page.locator('#credit-decide').count(), 0);

      // Assess: the stored assessment is shown and re-computed in the page.
      await page.locator('#credit-assess-go').click();
      await page.locator('#credit-assessed').waitFor();
      const first = await profileOf(officer, hnbyId);
      assert.ok(first.assessment, 'the assessment was stored');
      await assertAssessmentShown(page, first.assessment);
      await assertTrend(page, first.trend);
      assert.ok(first.monthly.length, 'the list is counted in its month');
      await assertMonthly(page, first.monthly);
      await stack.step(page, 'assessed');

      // A penalty that is not an amount stays in the page; nothing is sent.
      await page.locator('#credit-violation-kind').selectOption('smuggling_penalty');
      await page.locator('#credit-violation-date').fill('2026-10-08');
      await page.locator('#credit-violation-penalty').fill('50000.075');
      await page.locator('#credit-violation-reference').fill('郑关缉违字〔2026〕118号');
      await page.locator('#credit-violation-description').fill('以化整为零方式走私化妆品');
      await page.locator('#credit-violation-go').click();
      await page.locator('#credit-violation-error[data-error-code="local"]').waitFor();
      assert.equal((await profileOf(officer, hnbyId)).violations.length, 0);

      await page.locator('#credit-violation-penalty').fill(PENALTY_TEXT);
      await page.locator('#credit-violation-go').click();
      await page.locator('#credit-violation-recorded').waitFor();
      const withViolation = await profileOf(officer, hnbyId);
      assert.equal(withViolation.violations.length, 1);
      const v = withViolation.violations[0];
      assert.equal(v.kind, 'smuggling_penalty');
      assert.equal(v.penalty_fen, PENALTY_FEN);
      assert.equal(v.decided_on, '2026-10-08');
      await page.locator(`#credit-violations tr[data-id="${v.id}"]` +
                         `[data-kind="smuggling_penalty"][data-penalty-fen="${PENALTY_FEN}"]`)
          .waitFor();

      // Assess again: the penalty is a legal trigger of the dishonest grade.
      await page.locator('#credit-assess-go').click();
      await page.locator('#credit-assessed').waitFor();
      const second = await profileOf(officer, hnbyId);
      assert.notEqual(second.assessment.id, first.assessment.id);
      assert.equal(second.assessment.recommended_grade, 'dishonest');
      assert.ok(second.assessment.result.triggers.some(
          (f) => f.code === 'CREDIT_SMUGGLING_PENALTY'));
      await assertAssessmentShown(page, second.assessment);
      await page.locator('#credit-recommended[data-grade="dishonest"]').waitFor();
      await page.locator('#credit-triggers [data-finding-code="CREDIT_SMUGGLING_PENALTY"]')
          .waitFor();
      await assertTrend(page, second.trend);
      assert.equal(second.trend.length, 2);
      await stack.step(page, 'dishonest-recommended');

      // An override without a reason: the server's 400 in the form, nothing changed.
      await page.locator('#credit-decide-action').selectOption('override');
      await page.locator('#credit-decide-grade').selectOption('regular');
      await page.locator('#credit-decide-level').selectOption('medium');
      page.expectHttpError(400, `/enterprises/${hnbyId}/credit/decisions`);
      await page.locator('#credit-decide-go').click();
      await page.locator('#credit-decide-error[data-error-code="invalid_argument"]').waitFor();
      const unchanged = await profileOf(officer, hnbyId);
      assert.equal(unchanged.decisions.length, 0);
      assert.deepEqual(unchanged.credit, second.credit);
      await stack.step(page, 'override-refused');

      // Confirm: the recommended grade and level are in force, with their measures.
      await page.locator('#credit-decide-action').selectOption('confirm');
      await page.locator('#credit-decide-reason').fill('走私行政处罚，依法认定为失信企业');
      await page.locator('#credit-decide-go').click();
      await page.locator('#credit-decided').waitFor();
      const decided = await profileOf(officer, hnbyId);
      assert.equal(decided.credit.grade, second.assessment.recommended_grade);
      assert.equal(decided.credit.risk_level, second.assessment.risk_level);
      assert.equal(decided.decisions.length, 1);
      assert.equal(decided.decisions[0].action, 'confirm');
      await page.locator(`#credit-grade[data-grade="${decided.credit.grade}"]`).waitFor();
      assert.equal(await page.locator('#credit-measures-stocktake').getAttribute('data-months'),
                   String(decided.measures.stocktake_months));
      assert.equal(await page.locator('#credit-measures-guarantee')
                       .getAttribute('data-guarantee'), decided.measures.guarantee);
      await page.locator(`#credit-decisions tr[data-id="${decided.decisions[0].id}"]` +
                         '[data-action="confirm"]').waitFor();
      await assertTrend(page, decided.trend);
      await stack.step(page, 'confirmed');
    } finally {
      await page.context().close();
    }
  });

  test('the enterprise reads its own credit profile, without the customs forms',
       {timeout: 180000}, async () => {
    const p = await profileOf(officer, hnbyId);
    assert.ok(p.assessment, 'the officer\'s test assessed hnby');
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      await page.locator('#nav-credit').click();
      await page.locator(`#credit-title[data-enterprise-id="${hnbyId}"]`).waitFor();
      await assertAssessmentShown(page, p.assessment);
      await assertTrend(page, p.trend);
      await page.locator(`#credit-grade[data-grade="${p.credit.grade}"]`).waitFor();
      assert.equal(await page.locator('#credit-measures-stocktake').getAttribute('data-months'),
                   String(p.measures.stocktake_months));
      for (const form of ['#credit-assess', '#credit-decide', '#credit-violation']) {
        assert.equal(await page.locator(form).count(), 0, form);
      }
      await stack.step(page, 'portal');
    } finally {
      await page.context().close();
    }
  });

  test('another enterprise sees nothing of hnby\'s credit', {timeout: 180000}, async () => {
    const jp = await apiClient(stack.url, JPBEAUTY_USER);
    assert.equal((await jp.get(`/enterprises/${hnbyId}/credit/profile`)).status, 404);
    const jpId = (await jp.get('/auth/me')).json.user.enterprise_id;
    assert.notEqual(jpId, hnbyId);
    const page = await stack.newPage();
    try {
      await stack.login(page, JPBEAUTY_USER);
      page.expectHttpError(404, `/enterprises/${hnbyId}/credit/profile`);
      await page.goto(`${stack.url}/#/enterprises/${hnbyId}/credit`);
      await page.locator('#view-error').waitFor();
      assert.equal(await page.locator('#credit-score, #credit-grade, #credit-trend').count(), 0);
      assert.ok(!(await page.locator('#view').innerText()).includes(hnbyName));
      await stack.step(page, 'other-enterprise');
      // Its own page is its own.
      await page.locator('#nav-credit').click();
      await page.locator(`#credit-title[data-enterprise-id="${jpId}"]`).waitFor();
      assert.ok(!(await page.locator('#view').innerText()).includes(hnbyName));
    } finally {
      await page.context().close();
    }
  });
});
