// Every label of web/ exists in Chinese and English, with the same placeholders, and every label
// key the screens use is defined. Reads web/*.js as text; no browser.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');

// web/ has no package.json (it is served as is), so load its ES modules from text, each of
// its relative imports (e.g. i18n.js's ./i18n_after_the_fact.js) turned into a data: URL the same way.
function webUrl(file) {
  const src = readFileSync(path.join(WEB, file), 'utf8').replace(
      /from '\.\/([\w.-]+\.js)'/g, (m, dep) => `from ${JSON.stringify(webUrl(dep))}`);
  return 'data:text/javascript;charset=utf-8,' + encodeURIComponent(src);
}

async function importWeb(file) {
  return import(webUrl(file));
}

const {CATALOGUE, t, enumLabel} = await importWeb('i18n.js');
const sources = ['app.js', 'components.js',
                 ...readdirSync(path.join(WEB, 'views')).map((f) => `views/${f}`)]
    .map((f) => [f, readFileSync(path.join(WEB, f), 'utf8')]);

const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every label has Chinese and English text with the same placeholders', () => {
  for (const [key, pair] of Object.entries(CATALOGUE.TEXT)) {
    assert.equal(pair.length, 2, key);
    assert.ok(pair[0] && pair[1], `${key} has both languages`);
    assert.match(pair[0], /[\u4e00-\u9fff]/, `${key}: the first text is Chinese`);
    assert.deepEqual(placeholders(pair[0]), placeholders(pair[1]), `${key} placeholders`);
  }
  for (const [group, values] of Object.entries(CATALOGUE.ENUMS)) {
    for (const [value, pair] of Object.entries(values)) {
      assert.ok(pair[0] && pair[1], `${group}.${value} has both languages`);
    }
  }
});

test('every label key used by the screens is defined', () => {
  const missing = [];
  for (const [file, src] of sources) {
    for (const m of src.matchAll(/\bt\(\s*'([^']+)'/g)) {
      if (!(m[1] in CATALOGUE.TEXT)) missing.push(`${file}: ${m[1]}`);
    }
    for (const m of src.matchAll(/\benumLabel\(\s*'([^']+)'/g)) {
      if (!(m[1] in CATALOGUE.ENUMS)) missing.push(`${file}: enum ${m[1]}`);
    }
  }
  // Keys built from data: navigation entries, dashboard tiles, list names, enterprise statuses.
  const app = sources.find(([f]) => f === 'app.js')[1];
  for (const m of app.matchAll(/\['(\w+)', '#\//g)) {
    if (!(`nav.${m[1]}` in CATALOGUE.TEXT)) missing.push(`app.js: nav.${m[1]}`);
  }
  const dash = sources.find(([f]) => f === 'views/dashboard.js')[1];
  for (const m of dash.matchAll(/key: '(\w+)'/g)) {
    if (!(`dash.${m[1]}` in CATALOGUE.TEXT)) missing.push(`dashboard.js: dash.${m[1]}`);
  }
  for (const name of ['divisions', 'hs8', 'positive_list', 'controls', 'high_risk', 'countries']) {
    if (!(`list.${name}` in CATALOGUE.TEXT)) missing.push(`list.${name}`);
  }
  for (const status of Object.keys(CATALOGUE.ENUMS.ent_status)) {
    const key = `ent.status_words_${status}`;
    if (!(key in CATALOGUE.TEXT)) missing.push(key);
  }
  assert.deepEqual(missing, []);
});

test('labels fill placeholders and fall back visibly', () => {
  assert.equal(t('pager.range', {from: 1, to: 20, total: 57}), '第 1–20 条，共 57 条');
  assert.equal(t('no.such.key'), 'no.such.key');
  assert.equal(enumLabel('role', 'platform'), '电商平台');
  assert.equal(enumLabel('role', 'unknown_role'), 'unknown_role');
});
