// Browser test of "My account" on the real stack: an officer signed in in two browsers signs out
// everywhere from one, and the other is sent back to sign-in at its next request; an enterprise
// user changes their password (a mismatch and a wrong current password are refused first, the
// server's words shown), lands on sign-in with the note, cannot sign in with the old password and
// can with the new one. Self-contained: its own server and database. Screenshots:
// tests/web/output/account-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {HNBY_USER, OFFICER, Stack} from './harness.mjs';

const stack = new Stack('account');

describe('my account in the browser', () => {
  before(async () => { await stack.start(); }, {timeout: 120000});
  after(() => stack.stop());

  test('signing out everywhere ends the session in the other browser too', {timeout: 120000},
       async () => {
    const laptop = await stack.newPage();
    const phone = await stack.newPage();
    try {
      await stack.login(laptop, OFFICER);
      await stack.login(phone, OFFICER);
      await phone.locator('#current-user').click();
      await phone.waitForURL('**/#/account');
      await phone.locator('#account-everywhere').click();
      await phone.locator('#login-note[data-note="signed_out_everywhere"]').waitFor();
      assert.equal(await phone.locator('#login-note').innerText(), '已在所有设备上退出。');
      await stack.step(phone, 'everywhere');
      // The laptop's next request is refused (401) and the page returns to sign-in.
      laptop.expectHttpError(401, '/api/v1/');
      laptop.expectHttpError(401, '/api/v1/');
      await laptop.locator('#nav-declarations').click();
      await laptop.locator('#login-form').waitFor();
      await stack.step(laptop, 'laptop-signed-out');
    } finally {
      await laptop.context().close();
      await phone.context().close();
    }
  });

  test('changing the password: refusals first, then sign in again with the new one',
       {timeout: 120000}, async () => {
    const page = await stack.newPage();
    const next = 'Hnby#Browser2026';
    try {
      await stack.login(page, HNBY_USER);
      await page.goto(`${stack.url}/#/account`);
      await page.locator('#account-current').fill(HNBY_USER.password);
      await page.locator('#account-new').fill(next);
      await page.locator('#account-again').fill(next + 'x');
      await page.locator('#account-password-go').click();
      await page.locator('#account-mismatch').waitFor();

      await page.locator('#account-current').fill('Not#ThePassword1');
      await page.locator('#account-again').fill(next);
      page.expectHttpError(403, '/api/v1/auth/password');
      await page.locator('#account-password-go').click();
      const refused = page.locator('#account-password-failed');
      await refused.waitFor();
      assert.ok((await refused.innerText()).includes('the current password is wrong'));
      await stack.step(page, 'refused');

      await page.locator('#account-current').fill(HNBY_USER.password);
      await page.locator('#account-password-go').click();
      await page.locator('#login-note[data-note="password_changed"]').waitFor();
      await stack.step(page, 'changed');

      page.expectHttpError(401, '/api/v1/auth/login');
      await page.locator('#login-username').fill(HNBY_USER.username);
      await page.locator('#login-password').fill(HNBY_USER.password);
      await page.locator('#login-submit').click();
      await page.locator('#login-error:not([hidden])').waitFor();
      await stack.login(page, {username: HNBY_USER.username, password: next});
      assert.equal(await page.locator('#current-user').getAttribute('data-role'), 'enterprise');
      await stack.step(page, 'new-password');
    } finally {
      await page.context().close();
    }
  });
});
