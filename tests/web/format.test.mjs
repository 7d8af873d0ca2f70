// The page's pure text helpers (web/format.js): money in integer fen, CSV, canonical JSON.
// No browser.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const src = readFileSync(path.join(WEB, 'format.js'), 'utf8');
const {parseCnyToFen, formatFen, formatMilli, canonicalJson, parseCsv, formatTimestamp,
       formatBp} =
    await import('data:text/javascript;charset=utf-8,' + encodeURIComponent(src));

test('CNY text to integer fen, exactly', () => {
  assert.equal(parseCnyToFen('1299'), 129900);
  assert.equal(parseCnyToFen('1,299.5'), 129950);
  assert.equal(parseCnyToFen('¥0.07'), 7);
  assert.equal(parseCnyToFen('￥12元'), 1200);
  assert.equal(parseCnyToFen('0.29'), 29);  // 0.29 * 100 is 28.999... in floating point
  assert.equal(parseCnyToFen('-3.20'), -320);
  for (const bad of ['', '1.234', '12,34', 'abc', '1 000', '10000000000001']) {
    assert.equal(parseCnyToFen(bad), null, bad);
  }
});

test('fen to display text', () => {
  assert.equal(formatFen(129900), '¥1,299.00');
  assert.equal(formatFen(7), '¥0.07');
  assert.equal(formatFen(-320), '-¥3.20');
  assert.equal(formatFen(null), '');
  assert.equal(formatMilli(2000), '2');
  assert.equal(formatMilli(20500), '20.5');
});

test('canonical JSON ignores key order, keeps array order', () => {
  assert.equal(canonicalJson({b: 1, a: {d: [2, 1], c: null}}), '{"a":{"c":null,"d":[2,1]},"b":1}');
  assert.equal(canonicalJson({a: 1, b: 2}), canonicalJson(JSON.parse('{"b":2,"a":1}')));
  assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
});

test('CSV with comments, quotes and CRLF', () => {
  const rows = parseCsv('# version 2022\r\ncode,name_zh,name_en\r\n116,日本,Japan\r\n' +
                        '502,美国,"United States, the"\r\n"1""2",x,y\n');
  assert.deepEqual(rows, [
    {code: '116', name_zh: '日本', name_en: 'Japan'},
    {code: '502', name_zh: '美国', name_en: 'United States, the'},
    {code: '1"2', name_zh: 'x', name_en: 'y'},
  ]);
});

test('UTC timestamps shown in China time (UTC+8), across midnight and month ends', () => {
  assert.equal(formatTimestamp('2026-11-27T01:18:07Z'), '2026-11-27 09:18');
  assert.equal(formatTimestamp('2026-11-26T16:30:00Z'), '2026-11-27 00:30');
  assert.equal(formatTimestamp('2026-12-31T20:05:00.123Z'), '2027-01-01 04:05');
  assert.equal(formatTimestamp('2026-05-20 10:00:00'), '2026-05-20 10:00');  // already local
  assert.equal(formatTimestamp(''), '');
  assert.equal(formatTimestamp('soon'), 'soon');
});

test('basis points to a percentage, exactly', () => {
  assert.equal(formatBp(300), '3%');
  assert.equal(formatBp(50), '0.5%');
  assert.equal(formatBp(1234), '12.34%');
  assert.equal(formatBp(5), '0.05%');
  assert.equal(formatBp(10000), '100%');
  assert.equal(formatBp(0), '0%');
});
