// Several officers open the app at once on a server with a small worker pool. Each browser keeps
// up to six connections alive and a worker serves one connection for as long as it is kept alive,
// so without care a quiet server would make newcomers wait past the queue limit and shed them
// (503). The server asks kept-alive clients to close while others wait, and its wait limit
// exceeds the keep-alive: every response of every page is served.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {OFFICER, Stack} from './harness.mjs';

const stack = new Stack('conn', {serverArgs: ['--threads', '4']});

describe('many browsers at once on a small worker pool', () => {
  before(() => stack.start(), {timeout: 120000});
  after(() => stack.stop());

  test('five officers load and reload the app; nothing is shed', {timeout: 180000}, async () => {
    const pages = [];
    for (let i = 0; i < 5; i++) pages.push(await stack.newPage());
    const statuses = [];
    for (const page of pages) page.on('response', (r) => statuses.push(r.status()));
    try {
      await Promise.all(pages.map((page) => stack.login(page, OFFICER)));
      await Promise.all(pages.map((page) => page.reload()));
      await Promise.all(pages.map((page) => page.locator('#logout').waitFor()));
      assert.ok(statuses.length >= 5 * 20, `the pages loaded their files (${statuses.length})`);
      assert.deepEqual(statuses.filter((s) => s === 503), [], 'no connection was shed');
      for (const [i, page] of pages.entries()) await stack.step(page, `officer-${i + 1}`);
    } finally {
      for (const page of pages) await page.context().close();
    }
  });
});
