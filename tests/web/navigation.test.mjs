// Browser smoke test of every screen in the navigation, for each role, on the real stack with the
// demo data (which includes ledgers, vehicles, gate passes and promotions): each opens without a
// page error, a console error or an error banner. Self-contained: its own server and database.
// Screenshots: tests/web/output/nav-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ADMIN, HNBY_USER, OFFICER, Stack} from './harness.mjs';

const stack = new Stack('nav');

describe('every screen of the navigation opens', () => {
  before(() => stack.start(), {timeout: 120000});
  after(() => stack.stop());

  for (const [role, user] of [['officer', OFFICER], ['admin', ADMIN], ['enterprise', HNBY_USER]]) {
    test(`as ${role}`, {timeout: 180000}, async () => {
      const page = await stack.newPage();
      try {
        await stack.login(page, user);
        const links = await page.locator('.mainnav a').evaluateAll((as) => as.map((a) => a.id));
        assert.ok(links.length >= 5, `${role} has a navigation`);
        for (const id of links) {
          await page.locator(`#${id}`).click();
          await page.locator(`#${id}.active`).waitFor();
          // Loaded: the loading note is gone and the screen has its title.
          await page.waitForFunction(() => !document.querySelector('#view .loading') &&
                                           document.querySelector('#view h1'));
          assert.equal(await page.locator('#view-error').count(), 0, `${role} ${id}`);
          await stack.step(page, `${role}-${id.replace(/^nav-/, '')}`);
        }
      } finally {
        await page.context().close();
      }
    });
  }
});
