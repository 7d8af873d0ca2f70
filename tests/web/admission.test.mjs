// Browser test of admission end to end on the real stack: the dev server build with the demo
// data, the WebAssembly core in the page, headless Debian Chromium driven by playwright-core.
// Starts a server process on an ephemeral port and writes screenshots to tests/web/output/.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {apiClient} from './ceb_sets.mjs';
import {HNBY_USER, OFFICER, Stack} from './harness.mjs';

// A demo enterprise user of an enterprise seeded by --seed-demo (not the one this test creates).
const OTHER_ENTERPRISE_USER = HNBY_USER;

// The enterprise this test registers. USCC computed per GB 32100 (check character D) with a
// valid GB 11714 inner organisation code (MA9WEB01-7); 410100 is Zhengzhou.
const NEW_ENTERPRISE = {
  name: '郑州网测跨境优选电子商务有限公司',
  badUscc: '91410100MA9WEB01',  // 16 characters: a layout error the core reports live
  uscc: '91410100MA9WEB017D',
  customsCode: '4101960WEB',
  account: {username: 'zzwc', password: 'Zzwc#2026-portal', displayName: '郑州网测'},
};

// Registered through the API by the second test (no account, nothing valid needed).
const ISOLATED_ENTERPRISE = {name: '郑州隔离测试贸易有限公司', customsCode: '4101960WE2'};

const stack = new Stack('admission');

describe('admission in the browser', () => {
  before(() => stack.start(), {timeout: 120000});
  after(() => stack.stop());

  test('officer registers an enterprise, approves it, and the enterprise sees it',
       {timeout: 180000}, async () => {
    const page = await stack.newPage();
    try {
      await page.goto(stack.url + '/');
      await page.locator('#login-username').waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      await stack.step(page, 'login');

      await stack.login(page, OFFICER);
      await page.locator('[data-testid="count-app_submitted"]').waitFor();
      await stack.step(page, 'officer-dashboard');

      await page.locator('#nav-new_application').click();
      const coreStatus = page.locator('#core-status:not([data-state="loading"])');
      await coreStatus.waitFor();
      assert.equal(await coreStatus.getAttribute('data-state'), 'ready',
                   `the page's core: ${await coreStatus.textContent()} ${page.errors}`);

      // An invalid USCC: the core's finding appears under the field as it is typed.
      await page.locator('#app-uscc').fill(NEW_ENTERPRISE.badUscc);
      const usccFindings = page.locator('#app-uscc-findings');
      await usccFindings.locator('[data-finding-code="USCC_FORMAT"][data-severity="error"]')
          .waitFor();
      assert.equal(await usccFindings.getAttribute('data-valid'), 'false');
      await page.locator('#preview-outcome[data-outcome="ineligible"]').waitFor();
      await stack.step(page, 'invalid-uscc-live-finding');

      // Corrected: no finding left on the field.
      await page.locator('#app-uscc').fill(NEW_ENTERPRISE.uscc);
      await page.locator('#app-uscc-findings[data-valid="true"]').waitFor();
      assert.equal(await usccFindings.locator('[data-finding-code]').count(), 0);

      await page.locator('#app-name').fill(NEW_ENTERPRISE.name);
      await page.locator('#app-customs-code').fill(NEW_ENTERPRISE.customsCode);
      await page.locator('#app-customs-code-findings[data-valid="true"]').waitFor();
      await page.locator('#app-role-ecommerce').check();
      await page.locator('#app-role-platform').check();
      await page.locator('#app-qual-0-type').selectOption('business_licence');
      await page.locator('#app-qual-0-number').fill(NEW_ENTERPRISE.uscc);
      await page.locator('#app-qual-0-issuer').fill('郑州市市场监督管理局');
      await page.locator('#app-qual-0-valid-from').fill('2021-03-01');
      await page.locator('#app-qual-0-valid-to').fill('2041-02-28');
      await page.locator('#app-add-qual').click();
      await page.locator('#app-qual-1-type').selectOption('icp_filing');
      await page.locator('#app-qual-1-number').fill('豫ICP备2021000123号');
      await page.locator('#app-qual-1-issuer').fill('河南省通信管理局');
      await page.locator('#app-qual-1-valid-from').fill('2021-04-01');
      await page.locator('#app-shop-urls').fill('https://zzwc-shop.example.cn/');
      await page.locator('#app-account-username').fill(NEW_ENTERPRISE.account.username);
      await page.locator('#app-account-password').fill(NEW_ENTERPRISE.account.password);
      await page.locator('#app-account-display-name').fill(NEW_ENTERPRISE.account.displayName);
      await page.locator('#preview-outcome[data-outcome="eligible"]').waitFor();
      assert.equal(await page.locator('#preview-checklist [data-severity="error"]').count(), 0);
      await stack.step(page, 'application-filled');

      // Submit: the server's verdict must equal the page's for the same request.
      await page.locator('#app-submit').click();
      await page.locator('#parity-status').waitFor();
      assert.equal(await page.locator('#parity-status').getAttribute('data-parity'), 'match');
      assert.equal(await page.locator('#verdict-outcome').getAttribute('data-outcome'),
                   'eligible');
      assert.equal(await page.locator('#application-status').getAttribute('data-status'),
                   'submitted');
      assert.match(page.url(), /#\/applications\/\d+$/);
      const entHref = await page.locator('a[href^="#/enterprises/"]').first().getAttribute('href');
      assert.match(entHref, /^#\/enterprises\/\d+$/);
      assert.equal(await page.locator('#checklist [data-item="uscc"]').getAttribute('data-status'),
                   'pass');
      await stack.step(page, 'submitted-parity-match');

      // A decision needs a reason.
      await page.locator('#decision-approve').click();
      await page.locator('#decision-error [role="alert"]').waitFor();
      assert.equal(await page.locator('#application-status').getAttribute('data-status'),
                   'submitted');
      await page.locator('#decision-reason').fill('资质齐全有效，网店可访问，准予准入。');
      await page.locator('#decision-approve').click();
      await page.locator('#application-status[data-status="approved"]').waitFor();
      await page.locator('#application-enterprise-status[data-status="admitted"]').waitFor();
      await stack.step(page, 'approved');

      // The same screen in English.
      await page.locator('#lang-switch').click();
      await page.locator('html[lang="en"]').waitFor();
      assert.equal((await page.locator('#application-status').textContent()).trim(), 'Approved');
      await stack.step(page, 'approved-english');
      await page.locator('#lang-switch').click();
      await page.locator('html[lang="zh-CN"]').waitFor();

      await page.locator('#logout').click();
      await page.locator('#login-username').waitFor();

      // The new enterprise account sees its application approved and itself admitted.
      await stack.login(page, NEW_ENTERPRISE.account);
      await page.locator('#enterprise-status').waitFor();
      assert.equal(await page.locator('#enterprise-status').getAttribute('data-status'),
                   'admitted');
      const rows = page.locator('#enterprise-applications tbody tr');
      assert.equal(await rows.count(), 1);
      assert.equal(await rows.first().getAttribute('data-status'), 'approved');
      assert.match(await page.locator('#portal-application-details').textContent(),
                   /资质齐全有效/);
      await stack.step(page, 'enterprise-portal-admitted');
      await page.locator('#logout').click();
      await page.locator('#login-username').waitFor();
      await stack.step(page, 'signed-out');
    } finally {
      await page.context().close();
    }
  });

  test('another enterprise user sees only its own enterprise', {timeout: 120000}, async () => {
    // An enterprise of this test's own, registered through the API by the officer, so that the
    // test does not depend on the one the previous test registers.
    const officer = await apiClient(stack.url, OFFICER);
    const r = await officer.post('/applications', {application: {
      name: ISOLATED_ENTERPRISE.name, uscc: '', customs_code: ISOLATED_ENTERPRISE.customsCode,
      overseas: false, country: '', roles: ['ecommerce'], qualifications: [], shop_urls: []}});
    assert.equal(r.status, 201, r.text);
    const created = {applicationId: String(r.json.id), enterpriseId: String(r.json.enterprise_id)};
    const page = await stack.newPage();
    try {
      await stack.login(page, OTHER_ENTERPRISE_USER);
      await page.locator('#enterprise-status').waitFor();
      const ownHref = page.url();
      assert.match(ownHref, /#\/portal$/);
      assert.notEqual((await page.locator('h1').first().textContent()).trim(),
                      NEW_ENTERPRISE.name);

      await page.locator('#nav-applications').click();
      await page.locator('#applications-table, #filters + p').first().waitFor();
      const ids = await page.locator('#applications-table tbody tr')
          .evaluateAll((trs) => trs.map((tr) => tr.dataset.enterpriseId));
      assert.ok(ids.length > 0, 'the demo enterprise has applications of its own');
      assert.equal(new Set(ids).size, 1, `only one enterprise's rows: ${ids}`);
      assert.ok(!ids.includes(created.enterpriseId));
      assert.equal(await page.getByText(ISOLATED_ENTERPRISE.name).count(), 0);
      await stack.step(page, 'other-enterprise-applications');

      // Opening the new enterprise's application by id answers "not found".
      page.expectHttpError(404, `/api/v1/applications/${created.applicationId}`);
      await page.goto(`${stack.url}/#/applications/${created.applicationId}`);
      await page.locator('#view-error[data-error-code="not_found"]').waitFor();
      page.expectHttpError(404, `/api/v1/enterprises/${created.enterpriseId}`);
      await page.goto(`${stack.url}/#/enterprises/${created.enterpriseId}`);
      await page.locator('#view-error[data-error-code="not_found"]').waitFor();
      assert.equal(await page.getByText(ISOLATED_ENTERPRISE.name).count(), 0);
      await stack.step(page, 'other-enterprise-not-found');
    } finally {
      await page.context().close();
    }
  });
});
