// Shared set-up of the browser test files: starts the dev server build on an ephemeral port with
// its own temporary database and the demo data, launches headless Debian Chromium, opens pages
// that record every page and console error, signs in, and writes numbered screenshots under
// tests/web/output/<prefix>-NN-name.png. Process, file and network I/O.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = path.join(ROOT, 'tests/web/output');
// The builds under test: build/dev and build/wasm (scripts/test-all.sh makes them); a developer
// may point at other build directories with PATROL_DEV_BUILD / PATROL_WASM_BUILD.
const DEV_BUILD = path.resolve(ROOT, process.env.PATROL_DEV_BUILD || 'build/dev');
const WASM_BUILD = path.resolve(ROOT, process.env.PATROL_WASM_BUILD || 'build/wasm');
const SERVER = path.join(DEV_BUILD, 'server/server');
export const TODAY = '2026-11-26';

export const ADMIN = {username: 'admin', password: 'Admin#2026demo'};
export const OFFICER = {username: 'officer', password: 'Officer#2026demo'};
export const HNBY_USER = {username: 'hnby', password: 'Ent#2026demo'};

// One server + browser for a test file. start() in before(), stop() in after().
export class Stack {
  // serverArgs: extra flags for the server (e.g. a small --threads pool).
  constructor(prefix, {serverArgs = []} = {}) {
    this.prefix = prefix;
    this.serverArgs = serverArgs;
    this.shot = 0;
    this.log = '';
    this.proc = null;
    this.url = null;
    this.browser = null;
    this.tmpDir = null;
  }

  async start() {
    assert.ok(existsSync(SERVER), `build the dev preset first: ${SERVER} is missing`);
    mkdirSync(OUT, {recursive: true});
    this.tmpDir = mkdtempSync(path.join(tmpdir(), `patrol-${this.prefix}-`));
    await this.startServer_(path.join(this.tmpDir, 't.db'));
    // launch() gives Chromium a fresh temporary user-data-dir, removed on close.
    this.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run',
             '--disable-quic'],
    });
  }

  // Resolves once the server prints "listening on http://HOST:PORT".
  startServer_(dbPath) {
    const proc = spawn(SERVER, ['--port', '0', '--db', dbPath, '--data-dir', 'data',
                                '--web-dir', 'web',
                                '--wasm-dir', path.join(WASM_BUILD, 'wasm-ui'),
                                '--seed-demo', '--today', TODAY, ...this.serverArgs],
                       {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe']});
    this.proc = proc;
    proc.stderr.on('data', (d) => { this.log += d; });
    return new Promise((resolve, reject) => {
      const lines = createInterface({input: proc.stdout});
      lines.on('line', (line) => {
        this.log += line + '\n';
        const m = line.match(/listening on (http:\/\/\S+)/);
        if (m) {
          this.url = m[1].replace(/\/$/, '');
          resolve();
        }
      });
      proc.on('error', reject);
      proc.on('exit', (code, signal) => reject(new Error(
          `server exited (${code ?? signal}) before listening:\n${this.log}`)));
    });
  }

  // Closes the browser; SIGTERM to the server, SIGKILL should it still run 15 s later.
  async stop() {
    if (this.browser) await this.browser.close();
    const proc = this.proc;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      await new Promise((resolve) => {
        const force = setTimeout(() => proc.kill('SIGKILL'), 15000);
        proc.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        proc.kill('SIGTERM');
      });
    }
    if (this.tmpDir) rmSync(this.tmpDir, {recursive: true, force: true});
  }

  // A page recording page errors and console errors. Expected HTTP error answers (logged by the
  // browser as console errors) are allowed one by one with page.expectHttpError.
  async newPage() {
    const context = await this.browser.newContext({viewport: {width: 1440, height: 900},
                                                   locale: 'zh-CN',
                                                   timezoneId: 'Asia/Shanghai'});
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    const errors = [];
    const expected = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const where = msg.location().url || '';
      const i = expected.findIndex((x) => msg.text().includes(`status of ${x.status}`) &&
                                          where.includes(x.urlPart));
      if (i >= 0) expected.splice(i, 1);
      else errors.push(`console error: ${msg.text()} ${where}`);
    });
    page.expectHttpError = (status, urlPart) => expected.push({status, urlPart});
    page.errors = errors;
    return page;
  }

  // Screenshot of the step, then fail if the page logged an error so far.
  async step(page, name) {
    this.shot += 1;
    const file = `${this.prefix}-${String(this.shot).padStart(2, '0')}-${name}.png`;
    await page.screenshot({path: path.join(OUT, file), fullPage: true});
    assert.deepEqual(page.errors, [], `page errors by step "${name}"`);
  }

  async login(page, {username, password}) {
    await page.goto(this.url + '/#/login');
    await page.locator('#login-username').fill(username);
    await page.locator('#login-password').fill(password);
    await page.locator('#login-submit').click();
    await page.locator('#logout').waitFor();
  }
}
