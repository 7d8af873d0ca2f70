// CEB message sets for the browser tests, in the core's JSON form (the same consistent order,
// payment, waybill and list among the demo enterprises as tests/server/ceb_fixtures.cpp), and a
// small API client (sign in, submit, read) to set up each test file's own data. Network I/O to
// the test server only.

// Demo enterprises' customs codes (server/demo/demo_seed.cpp).
export const HNBY = '4101460012';   // e-commerce + platform, admitted
export const ZZPAY = '4101960034';  // payment, admitted
export const ZTLOG = '4101460056';  // logistics, admitted
// Valid resident IDs (郑州市金水区).
export const BUYER_A = '410105198511200048';
export const BUYER_B = '41010519900307123X';

// "399.00" from fen.
export const cny = (fen) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

// The within-limits comprehensive tax of a 13% VAT, 0% CT good on dutiable value p (fen).
export const vat13WithinLimits = (p) => Math.floor((p * 91 + 500) / 1000);

// A complete set. key makes every number unique; price/qty/freight in fen and units;
// lineTotal overrides the line totals (an arithmetic warning sends the list to manual review).
export function makeSet({key, buyerId = BUYER_A, buyerName = '张三', code10 = '8510100000',
                         price = 39900, qty = 1, freight = 1000, declDate = '20261120',
                         lineTotal, taxTotal} = {}) {
  const orderNo = `ORD-${key}`;
  const logisticsNo = `ZT${key}`;
  const tx = `PAY-TX-${key}`;
  const appTime = `${declDate}100000`;
  const goods = lineTotal ?? price * qty;
  const tax = taxTotal ?? vat13WithinLimits(goods + freight);
  const paid = goods + freight + tax;
  const address = '河南省郑州市金水区花园路1号';
  const phone = '13800000000';
  const order = {
    OrderHead: {
      guid: `ORDER-${key}`, appType: '1', appTime, appStatus: '2', orderType: 'I', orderNo,
      ebpCode: HNBY, ebpName: `平台 ${HNBY}`, ebcCode: HNBY, ebcName: `电商 ${HNBY}`,
      goodsValue: cny(goods), freight: cny(freight), discount: '0.00', taxTotal: cny(tax),
      acturalPaid: cny(paid), currency: '142', buyerRegNo: `buyer-${key}`, buyerName,
      buyerTelephone: phone, buyerIdType: '1', buyerIdNumber: buyerId, payCode: ZZPAY,
      payName: `支付 ${ZZPAY}`, payTransactionId: tx, consignee: buyerName,
      consigneeTelephone: phone, consigneeAddress: address,
    },
    OrderList: [{gnum: 1, itemNo: `SKU-${code10}`, itemName: '测试商品', gmodel: '1台',
                 unit: '001', qty: String(qty), price: cny(price), totalPrice: cny(goods),
                 currency: '142', country: '116', gcode: code10}],
  };
  const payment = {PaymentHead: {
    guid: `PAYMENT-${key}`, appType: '1', appTime, appStatus: '2', payCode: ZZPAY,
    payName: `支付 ${ZZPAY}`, payTransactionId: tx, orderNo, ebpCode: HNBY,
    ebpName: `平台 ${HNBY}`, payerIdType: '1', payerIdNumber: buyerId, payerName: buyerName,
    telephone: phone, amountPaid: cny(paid), currency: '142', payTime: appTime,
  }};
  const waybill = {LogisticsHead: {
    guid: `WAYBILL-${key}`, appType: '1', appTime, appStatus: '2', logisticsCode: ZTLOG,
    logisticsName: `物流 ${ZTLOG}`, logisticsNo, orderNo, freight: cny(freight),
    insuredFee: '0.00', currency: '142', weight: '1.2', packNo: 1, consignee: buyerName,
    consigneeAddress: address, consigneeTelephone: phone,
  }};
  const list = {
    InventoryHead: {
      guid: `LIST-${key}`, appType: '1', appTime, appStatus: '2', orderNo, ebpCode: HNBY,
      ebpName: `平台 ${HNBY}`, ebcCode: HNBY, ebcName: `电商 ${HNBY}`, logisticsNo,
      logisticsCode: ZTLOG, logisticsName: `物流 ${ZTLOG}`, copNo: `COP-${key}`,
      assureCode: HNBY, ieFlag: 'I', declTime: declDate, customsCode: '4606', portCode: '4606',
      buyerIdType: '1', buyerIdNumber: buyerId, buyerName, buyerTelephone: phone,
      consigneeAddress: address, agentCode: HNBY, agentName: `电商 ${HNBY}`, tradeMode: '9610',
      trafMode: '5', country: '116', freight: cny(freight), insuredFee: '0.00', currency: '142',
      packNo: 1, grossWeight: '1.2', netWeight: '1',
    },
    InventoryList: [{gnum: 1, itemNo: `SKU-${code10}`, gcode: code10, gname: '测试商品',
                     gmodel: '1台', country: '116', currency: '142', qty: String(qty),
                     unit: '001', qty1: '1', unit1: '035', price: cny(price),
                     totalPrice: cny(goods)}],
  };
  return {messages: [{type: 'CEB311', message: order}, {type: 'CEB411', message: payment},
                     {type: 'CEB511', message: waybill}, {type: 'CEB621', message: list}]};
}

// A signed-in API client for one user of the test server (cookie kept by hand).
export async function apiClient(baseUrl, {username, password}) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username, password})});
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') || '').split(';')[0];
  async function call(method, path, body) {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {Cookie: cookie,
                ...(body === undefined ? {} : {'Content-Type': 'application/json'})},
      body: body === undefined ? undefined : JSON.stringify(body)});
    const text = await r.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return {status: r.status, json, text};
  }
  return {
    call,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    // Submits a set; resolves to the list's declaration id (throws unless every record stored).
    async submitSet(set) {
      const r = await call('POST', '/messages', set);
      if (r.status !== 200) throw new Error(`messages: ${r.status} ${r.text}`);
      for (const receipt of r.json.receipts) {
        if (receipt.status !== 'stored') throw new Error(`not stored: ${JSON.stringify(receipt)}`);
      }
      return r.json.receipts[3].declaration_id;
    },
  };
}

// Puts a policy version in force whose random top-up rates are all zero, so that routing in a
// test decides by the checks and the rules alone (no random inspection or review).
export async function zeroRandomRates(admin, version) {
  const current = await admin.get('/policy');
  if (current.status !== 200) throw new Error(`policy: ${current.status} ${current.text}`);
  const doc = structuredClone(current.json.document);
  doc.version = version;
  for (const m of Object.values(doc.measures || {})) {
    m.manual_review_bp = 0;
    m.inspection_bp = 0;
  }
  for (const k of Object.keys(doc.risk_level_addon_bp || {})) doc.risk_level_addon_bp[k] = 0;
  const r = await admin.put('/policy', {document: doc});
  if (r.status !== 200 && r.status !== 201) throw new Error(`policy: ${r.status} ${r.text}`);
}
