// Pure text helpers for the page: CSV parsing (country select), money in integer fen, canonical
// JSON for the parity comparison, date-time display. No I/O, no DOM.

// RFC 4180-style CSV (quoted fields, "" escapes, CRLF or LF) into objects keyed by the header
// row. Lines starting with '#' before the header are comments (the lists carry a version there).
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const s = String(text || '');
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i += 1; continue; }
      field += c; i += 1; continue;
    }
    if (c === '"') { quoted = true; i += 1; continue; }
    if (c === ',') { row.push(field); field = ''; i += 1; continue; }
    if (c === '\r' || c === '\n') {
      row.push(field); rows.push(row); row = []; field = '';
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c; i += 1;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  while (rows.length && (rows[0].length === 0 || String(rows[0][0]).startsWith('#'))) rows.shift();
  const header = (rows.shift() || []).map((x) => x.trim());
  return rows.filter((r) => r.length > 1 || (r[0] || '') !== '')
      .map((r) => Object.fromEntries(header.map((name, k) => [name, r[k] ?? ''])));
}

// "¥1,299.00" from integer fen (exact: no floating point touches the amount).
export function formatFen(fen) {
  if (fen === null || fen === undefined || fen === '') return '';
  let n = BigInt(fen);
  const neg = n < 0n;
  if (neg) n = -n;
  const yuan = (n / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (n % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}¥${yuan}.${cents}`;
}

// Parses a CNY amount typed by a person ("1299", "1,299.5", "¥12.00") into integer fen.
// Returns null when the text is not an amount (at most two decimals, commas grouping by three).
export function parseCnyToFen(text) {
  const m = String(text || '').trim().replace(/^[¥￥]/, '').replace(/元$/, '')
      .match(/^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/);
  if (!m) return null;
  const fen = BigInt(m[2].replaceAll(',', '')) * 100n + BigInt((m[3] || '').padEnd(2, '0'));
  if (fen > 1000000000000000n) return null;  // the core's kMaxFen
  return Number(m[1] ? -fen : fen);
}

// JSON text with every object's keys sorted, so two serialisations of the same value compare
// equal as strings whatever order their producers wrote keys in.
export function canonicalJson(value) {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  }
  return v;
}

// "2026-11-26 09:30" in China time from a UTC ISO-8601 timestamp; a "YYYY-MM-DD HH:MM[:SS]" text
// (already local) as it is written; other text as is.
export function formatTimestamp(ts) {
  if (!ts) return '';
  const s = String(ts);
  // The server stores UTC ("...Z"); officers work on China time (UTC+8, no daylight saving), the
  // same clock as the business date, so a list screened at 01:00Z shows as 09:00 that day.
  const utc = s.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?Z$/);
  if (utc) {
    const [y, mo, d, h, mi] = utc.slice(1).map(Number);
    const t = new Date(Date.UTC(y, mo - 1, d, h + 8, mi));
    const p2 = (n) => String(n).padStart(2, '0');
    return `${t.getUTCFullYear()}-${p2(t.getUTCMonth() + 1)}-${p2(t.getUTCDate())} ` +
           `${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}`;
  }
  const m = s.match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/);
  return m ? `${m[1]} ${m[2]}` : s;
}

// "2", "20.5" from thousandths (quantity caps are kept in thousandths of the unit).
export function formatMilli(milli) {
  const n = BigInt(milli || 0);
  const whole = n / 1000n;
  const frac = (n % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

// "3%", "0.5%", "12.34%" from basis points (rates in the policy are kept in bp: 100 bp = 1%).
export function formatBp(bp) {
  const n = BigInt(bp || 0);
  const neg = n < 0n;
  const a = neg ? -n : n;
  const frac = (a % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${a / 100n}${frac ? '.' + frac : ''}%`;
}
