// Browser test of online patrol on the real stack: a crawler account works a patrol through the
// crawler API (lease, evidence, result), then an officer sees the shop, its findings and opens
// the evidence viewer (the exact bytes fetched, with their SHA-256), queues the next patrol and
// saves a new profile version; the enterprise sees its own shop's findings without evidence.
// The profile editor's live preview runs against a real demo shop and a real crawler daemon.
// Self-contained: its own server, database, demo shops and crawler. Screenshots:
// tests/web/output/patrol-*.png.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {ADMIN, HNBY_USER, OFFICER, ROOT, Stack} from './harness.mjs';
import {apiClient} from './ceb_sets.mjs';

const stack = new Stack('patrol');
const PAGE = '<html><h1>电动剃须刀</h1><span class="price">¥499.00</span> 运费 ¥15</html>';
const ids = {};
const children = [];
const DEV_BUILD = path.resolve(ROOT, process.env.PATROL_DEV_BUILD || 'build/dev');

// Starts the demo shops on ephemeral ports; resolves to {key: origin} once all listen.
function startShops() {
  const proc = spawn(path.join(DEV_BUILD, 'tests/shops/demo-shops'),
                     ['--port-base', '0', '--seed', '42', '--data-dir', 'data'],
                     {cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit']});
  children.push(proc);
  return new Promise((resolve, reject) => {
    const origins = {};
    proc.on('exit', (code) => reject(new Error(`demo-shops exited with ${code}`)));
    createInterface({input: proc.stdout}).on('line', (line) => {
      const [key, , , origin] = line.split(' ');
      if (origin && origin.startsWith('http://')) origins[key] = origin;
      if (Object.keys(origins).length === 7) resolve(origins);
    });
  });
}

async function crawlerCall(token, path, body) {
  const r = await fetch(`${stack.url}/api/v1${path}`, {
    method: 'POST',
    headers: {'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json'},
    body: JSON.stringify(body)});
  const text = await r.text();
  return {status: r.status, json: text ? JSON.parse(text) : null, text};
}

describe('online patrol in the browser', () => {
  before(async () => {
    await stack.start();
    const admin = await apiClient(stack.url, ADMIN);
    const officer = await apiClient(stack.url, OFFICER);
    const e = await officer.get('/enterprises?q=4101460012');
    const shop = await officer.post('/shops', {enterprise_id: e.json.items[0].id,
                                               name: '河南保税直营店',
                                               base_url: 'http://127.0.0.1:18081/'});
    assert.equal(shop.status, 201, shop.text);
    ids.shop = shop.json.shop.id;
    const account = await admin.post('/crawler-accounts', {name: 'web-test'});
    assert.equal(account.status, 201, account.text);
    const token = account.json.token;
    const lease = await crawlerCall(token, '/crawler/lease', {});
    assert.equal(lease.status, 200, lease.text);
    const task = lease.json.task;
    const ev = await crawlerCall(token, `/crawler/tasks/${task.id}/evidence`, {
      lease_token: task.lease_token,
      items: [{seq: 1, purpose: 'product page', method: 'GET',
               url: 'http://127.0.0.1:18081/item/10', status: 200,
               headers: [['Content-Type', 'text/html; charset=utf-8']],
               body_base64: Buffer.from(PAGE).toString('base64'),
               sha256: createHash('sha256').update(PAGE).digest('hex'),
               content_type: 'text/html; charset=utf-8',
               fetched_at: '2026-11-26T02:00:01.000Z'}]});
    assert.equal(ev.status, 201, ev.text);
    const done = await crawlerCall(token, `/crawler/tasks/${task.id}/complete`, {
      lease_token: task.lease_token, complete_listing: false,
      observations: [{url: 'http://127.0.0.1:18081/item/10', sku: 'HNBY-0010', name: '电动剃须刀',
                      price_fen: 49900, freight_fen: 1500, currency: 'CNY', evidence_seq: 1}]});
    assert.equal(done.status, 200, done.text);
    assert.ok(done.json.findings.length >= 1);

    // A demo shop and a crawler daemon that takes profile previews.
    ids.origins = await startShops();
    const previewer = await admin.post('/crawler-accounts', {name: 'web-preview'});
    const tokenFile = path.join(stack.tmpDir, 'crawler.token');
    writeFileSync(tokenFile, previewer.json.token + '\n', {mode: 0o600});
    children.push(spawn(path.join(DEV_BUILD, 'crawler/crawler'),
                        ['--daemon', '--poll-seconds', '1', '--kinds', 'preview',
                         '--server', stack.url, '--token-file', tokenFile, '--allow-private'],
                        {cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit']}));
  }, {timeout: 120000});

  after(async () => {
    for (const c of children) c.kill('SIGTERM');
    await stack.stop();
  });

  test('an officer reads the findings, opens the evidence, queues a patrol, edits the profile',
       {timeout: 120000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.goto(`${stack.url}/#/shops`);
      const row = page.locator(`#shops-table tr[data-id="${ids.shop}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), /河南保税直营店/);
      await stack.step(page, 'shops');
      await row.click();
      const finding = page.locator('#shop-findings tr[data-code="GOODS_LISTED_NOT_DECLARED"]');
      await finding.waitFor();
      await finding.locator('button[data-evidence]').click();
      await page.locator('#evidence-body').waitFor();
      assert.equal(await page.locator('#evidence-body').innerText(), PAGE);
      assert.equal(await page.locator('#evidence-sha').innerText(),
                   createHash('sha256').update(PAGE).digest('hex'));
      await stack.step(page, 'evidence');

      await page.locator('#queue-patrol').click();
      await page.locator('#shop-tasks tr[data-status="queued"]').waitFor();
      await stack.step(page, 'patrol-queued');

      // A profile that is not JSON is refused in the page; a valid one becomes version 1.
      await page.locator('#profile-json').fill('{not json');
      await page.locator('#profile-save').click();
      await page.locator('#profile-error .banner').waitFor();
      await page.locator('#profile-json').fill(JSON.stringify({
        profile_version: 1, name: 'hnby', allowed_hosts: ['127.0.0.1:18081'],
        start_urls: ['http://127.0.0.1:18081/'], fields: {price: [{css: '.price'}]}}));
      await page.locator('#profile-save').click();
      await page.getByText(/当前版本 1|Version 1 in use/).waitFor();
      await stack.step(page, 'profile-saved');
    } finally {
      await page.context().close();
    }
  });

  test('the enterprise sees its shop and findings, not the evidence or the profile',
       {timeout: 60000}, async () => {
    const page = await stack.newPage();
    try {
      await stack.login(page, HNBY_USER);
      await page.goto(`${stack.url}/#/shops/${ids.shop}`);
      await page.locator('#shop-findings tr[data-code="GOODS_LISTED_NOT_DECLARED"]').waitFor();
      assert.equal(await page.locator('button[data-evidence]').count(), 0);
      assert.equal(await page.locator('#profile-json').count(), 0);
      assert.equal(await page.locator('#queue-patrol').count(), 0);
      await stack.step(page, 'enterprise');
    } finally {
      await page.context().close();
    }
  });

  test('the profile editor previews what a profile reads from a live shop page',
       {timeout: 120000}, async () => {
    const origin = ids.origins['s1-honest'];
    const listing = await (await fetch(origin + '/')).text();
    const item = listing.match(/href="(\/item\/[^"]+)"/)[1];
    const productPage = await (await fetch(origin + item)).text();
    const price = productPage.match(/"price"\s*:\s*"?([0-9.]+)/)[1];
    const expectedDigits = String(Math.round(Number(price) * 100));
    const host = origin.replace('http://', '');
    const page = await stack.newPage();
    try {
      await stack.login(page, OFFICER);
      await page.goto(`${stack.url}/#/shops/${ids.shop}`);
      await page.locator('#profile-json').fill(JSON.stringify({
        profile_version: 1, name: 's1', allowed_hosts: [host], start_urls: [origin + '/'],
        product_url: '^/item/'}, null, 2));
      await page.locator('#preview-url').fill(origin + item);
      await page.locator('#preview-run').click();
      await page.locator('#profile-preview').waitFor({timeout: 60000});
      assert.equal(await page.locator('#profile-preview').getAttribute('data-status'), '200');
      const shown = (await page.locator('#preview-price').innerText()).replace(/[^0-9]/g, '');
      assert.equal(shown, expectedDigits);
      await stack.step(page, 'profile-preview');
    } finally {
      await page.context().close();
    }
  });
});
