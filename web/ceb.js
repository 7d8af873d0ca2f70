// Pure helpers over CEB records in the core's JSON form (strings exactly as CEB writes them):
// exact amount and quantity parsing, and the core requests the server builds for a screening
// (server/service/screening_requests.cpp), rebuilt here so the page's WebAssembly core can
// compute the same tax and quota. No I/O, no DOM, no floating point on amounts.

// "190.50" -> 19050 fen; null when the text is not a CEB amount (digits, at most 2 decimals).
export function cebAmountToFen(text) {
  const m = String(text ?? '').match(/^(\d{1,16})(?:\.(\d{0,2}))?$/);
  if (!m) return null;
  return Number(BigInt(m[1]) * 100n + BigInt((m[2] || '').padEnd(2, '0')));
}

// "12.5" -> 1250000n (10^-5 of the unit, as core::Qty); null when not a CEB quantity.
export function cebQtyToE5(text) {
  const m = String(text ?? '').match(/^(\d{1,13})(?:\.(\d{0,5}))?$/);
  if (!m) return null;
  return BigInt(m[1]) * 100000n + BigInt((m[2] || '').padEnd(5, '0'));
}

// "20261120" or "20261120100000" -> "2026-11-20"; "" when not a CEB time.
export function cebDate(text) {
  const m = String(text ?? '').match(/^(\d{4})(\d{2})(\d{2})(?:\d{6}(?:\d{3})?)?$/);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

// JGS-20 units (and the Chinese names real senders write) the tax threshold can measure.
const KG_OR_L = new Set(['035', '千克', '公斤', 'kg', 'KG', '095', '升', 'L', 'l']);
const G_OR_ML = new Set(['036', '克', 'g', '096', '毫升', 'ml', 'mL']);
const PIECES = new Set(['007', '010', '011', '020', '个', '张', '件', '片']);

// Net content in thousandths of a gram or millilitre from the legal (qty1) or the declared
// quantity, whichever is first in a mass or volume unit; null when neither is.
function netContentMilli(line) {
  for (const [qty, unit] of [[line.qty1, line.unit1], [line.qty, line.unit]]) {
    const e5 = cebQtyToE5(qty);
    if (e5 === null) continue;
    if (KG_OR_L.has(unit)) return Number(e5 * 10n);
    if (G_OR_ML.has(unit)) return Number((e5 + 50n) / 100n);
  }
  return null;
}

// Whole pieces from the declared or legal quantity in a piece unit; null otherwise.
function pieces(line) {
  for (const [qty, unit] of [[line.qty, line.unit], [line.qty1, line.unit1]]) {
    const e5 = cebQtyToE5(qty);
    if (e5 !== null && PIECES.has(unit) && e5 % 100000n === 0n) return Number(e5 / 100000n);
  }
  return null;
}

const head = (record, name) => (record && record[name]) || {};
const lines = (record, name) => (record && Array.isArray(record[name]) ? record[name] : []);

// The core's ComputeTax request for a list on a tax path ("within_limits" | "full_tax"):
// list lines and charges, the order's discount and declared taxTotal, the list's decl date.
export function taxRequest(orderRecord, listRecord, taxPath) {
  const o = head(orderRecord, 'OrderHead');
  const l = head(listRecord, 'InventoryHead');
  return {order: {
    date: cebDate(l.declTime),
    path: taxPath,
    freight_fen: cebAmountToFen(l.freight || '0'),
    insurance_fen: cebAmountToFen(l.insuredFee || '0'),
    discount_fen: cebAmountToFen(o.discount || '0'),
    declared_tax_fen: cebAmountToFen(o.taxTotal || '0'),
    lines: lines(listRecord, 'InventoryList').map((line) => {
      const out = {code: line.gcode, goods_value_fen: cebAmountToFen(line.totalPrice)};
      const content = netContentMilli(line);
      if (content !== null) out.net_content_milli = content;
      const n = pieces(line);
      if (n !== null) out.pieces = n;
      return out;
    }),
  }};
}

// Thousandths of a quantity, rounded up (a cap is never undercounted).
const milliUp = (e5) => Number(((e5 ?? 0n) + 99n) / 100n);

// The core's CheckQuota request for a list: the order's goods value and discount, the list's
// freight and insured fee and lines; capped goods (cappedCode8 has the 8-digit code) count in
// the legal unit. yearToDateFen and yearToDateQty ([{code8, qty_milli, unit}]) are the buyer's
// figures before this list.
export function quotaRequest(orderRecord, listRecord, {cappedCode8, yearToDateFen,
                                                       yearToDateQty} = {}) {
  const o = head(orderRecord, 'OrderHead');
  const l = head(listRecord, 'InventoryHead');
  const capped = cappedCode8 || new Set();
  return {order: {
    date: cebDate(l.declTime),
    goods_value_fen: cebAmountToFen(o.goodsValue),
    freight_fen: cebAmountToFen(l.freight || '0'),
    insurance_fen: cebAmountToFen(l.insuredFee || '0'),
    discount_fen: cebAmountToFen(o.discount || '0'),
    lines: lines(listRecord, 'InventoryList').map((line) => {
      const isCapped = capped.has(String(line.gcode || '').slice(0, 8));
      return {code: line.gcode,
              qty_milli: milliUp(cebQtyToE5(isCapped ? line.qty1 : line.qty)),
              unit: isCapped ? line.unit1 : line.unit};
    }),
    year_to_date_fen: Math.max(yearToDateFen || 0, 0),
    year_to_date_qty: (yearToDateQty || []).filter((q) => q.qty_milli > 0),
  }};
}
