// Tests for three-document reconciliation: a consistent set, every finding code with its field
// path and both values, incomplete sets, the outcome rule, and the JSON entry point.
#include "core/reconcile.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/reconcile_api.h"
#include "verdict_fixtures.h"

namespace core {
namespace {

using testing::Require;
using testing::TestTables;

constexpr std::string_view kBuyerId = "410105198511200048";  // valid, 郑州市金水区
constexpr std::string_view kOtherId = "41010519900307123X";  // valid, another person
constexpr std::string_view kEbc = "41019602BB";

CebTime Time(std::string_view digits) { return Require(CebTime::Parse(digits)); }
Qty Q(std::string_view text) { return Require(ParseQty(text)); }

Order MakeOrder() {
  Order o;
  OrderHead& h = o.head;
  h.guid = "ORDER-GUID-0001";
  h.app_time = Time("20260520100000");
  h.app_status = "2";
  h.order_type = "I";
  h.order_no = "ORD-2026-0001";
  h.ebp_code = "41019601AA";
  h.ebp_name = "郑州示例平台";
  h.ebc_code = std::string(kEbc);
  h.ebc_name = "郑州示例电商";
  h.goods_value = 30000;
  h.freight = 1000;
  h.discount = 500;
  h.tax_total = 2730;
  h.actural_paid = 33230;
  h.currency = "142";
  h.buyer_reg_no = "u-1";
  h.buyer_name = "张三";
  h.buyer_telephone = "13800000000";
  h.buyer_id_type = "1";
  h.buyer_id_number = std::string(kBuyerId);
  h.pay_code = "4101PAY001";
  h.pay_transaction_id = "TX-0001";
  h.consignee = "张三";
  h.consignee_telephone = "13800000000";
  h.consignee_address = "河南省郑州市金水区花园路1号";
  OrderLine a;
  a.gnum = 1;
  a.item_no = "SKU-PERFUME";
  a.item_name = "香水";
  a.gmodel = "100ml";
  a.unit = "142";
  a.qty = Q("2");
  a.price = 10000;
  a.total_price = 20000;
  a.currency = "142";
  a.country = "305";
  a.gcode = "3303000000";
  OrderLine b = a;
  b.gnum = 2;
  b.item_no = "SKU-CREAM";
  b.item_name = "面霜";
  b.qty = Q("1");
  b.total_price = 10000;
  b.gcode = "3304990000";
  o.lines = {a, b};
  return o;
}

Payment MakePayment() {
  Payment p;
  PaymentHead& h = p.head;
  h.guid = "PAY-GUID-0001";
  h.app_time = Time("20260520100500");
  h.app_status = "2";
  h.pay_code = "4101PAY001";
  h.pay_name = "示例支付";
  h.pay_transaction_id = "TX-0001";
  h.order_no = "ORD-2026-0001";
  h.ebp_code = "41019601AA";
  h.ebp_name = "郑州示例平台";
  h.payer_id_type = "1";
  h.payer_id_number = std::string(kBuyerId);
  h.payer_name = "张三";
  h.amount_paid = 33230;
  h.currency = "142";
  h.pay_time = Time("20260520100400");
  return p;
}

Waybill MakeWaybill() {
  Waybill w;
  LogisticsHead& h = w.head;
  h.guid = "WAYBILL-GUID-0001";
  h.app_time = Time("20260520110000");
  h.app_status = "2";
  h.logistics_code = "4101986180";
  h.logistics_name = "圆通";
  h.logistics_no = "YT0000000001";
  h.order_no = "ORD-2026-0001";
  h.freight = 1000;
  h.insured_fee = 0;
  h.currency = "142";
  h.weight = Q("0.8");
  h.pack_no = 1;
  h.consignee = "张三";
  h.consignee_address = "河南省郑州市金水区花园路1号";
  h.consignee_telephone = "13800000000";
  return w;
}

Inventory MakeInventory() {
  const Order order = MakeOrder();
  Inventory l;
  InventoryHead& h = l.head;
  h.guid = "LIST-GUID-0001";
  h.app_time = Time("20260520120000");
  h.app_status = "2";
  h.order_no = "ORD-2026-0001";
  h.ebp_code = "41019601AA";
  h.ebp_name = "郑州示例平台";
  h.ebc_code = std::string(kEbc);
  h.ebc_name = "郑州示例电商";
  h.logistics_no = "YT0000000001";
  h.logistics_code = "4101986180";
  h.logistics_name = "圆通";
  h.cop_no = "COP-0001";
  h.assure_code = std::string(kEbc);
  h.ie_flag = "I";
  h.decl_time = Time("20260520");
  h.customs_code = "4601";
  h.port_code = "4601";
  h.buyer_id_type = "1";
  h.buyer_id_number = std::string(kBuyerId);
  h.buyer_name = "张三";
  h.buyer_telephone = "13800000000";
  h.consignee_address = "河南省郑州市金水区花园路1号";
  h.agent_code = std::string(kEbc);
  h.agent_name = "郑州示例电商";
  h.trade_mode = "9610";
  h.traf_mode = "5";
  h.country = "305";
  h.freight = 1000;
  h.insured_fee = 0;
  h.currency = "142";
  h.pack_no = 1;
  h.gross_weight = Q("0.8");
  h.net_weight = Q("0.6");
  for (const OrderLine& o : order.lines) {
    InventoryLine line;
    line.gnum = o.gnum;
    line.item_no = o.item_no;
    line.gcode = o.gcode;
    line.gname = o.item_name;
    line.gmodel = o.gmodel;
    line.country = o.country;
    line.currency = "142";
    line.qty = o.qty;
    line.unit = o.unit;
    line.qty1 = o.qty;
    line.unit1 = o.unit;
    line.price = o.price;
    line.total_price = o.total_price;
    l.lines.push_back(line);
  }
  return l;
}

ReconcileSet CompleteSet() {
  ReconcileSet s;
  s.order = MakeOrder();
  s.payment = MakePayment();
  s.waybill = MakeWaybill();
  s.inventory = MakeInventory();
  return s;
}

ReconcileContext Context() {
  ReconcileContext c;
  c.filed_goods[std::string(kEbc)] = {{"3303000000", "admitted"}, {"3304990000", "admitted"}};
  c.positive_list = &TestTables().positive_list;
  c.divisions = &TestTables().divisions;
  c.decision_date = Require(Date::Parse("2026-05-20"));
  return c;
}

std::vector<std::string> Codes(const ReconcileResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.push_back(f.code);
  return out;
}

// The only finding of the result; fails when there is not exactly one.
const Finding& Only(const ReconcileResult&& r) = delete;
const Finding& Only(const ReconcileResult& r) {
  REQUIRE_MESSAGE(r.findings.size() == 1, DumpJson(FindingsToJson(r.findings)));
  return r.findings.front();
}

bool Mentions(const Finding& f, std::string_view a, std::string_view b) {
  auto has = [](const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
  };
  return has(f.message_zh, a) && has(f.message_zh, b) && has(f.message_en, a) &&
         has(f.message_en, b);
}

ReconcileResult Run(const ReconcileSet& s) { return Reconcile(s, Context()); }

using Strings = std::vector<std::string>;

TEST_CASE("a consistent set has no findings") {
  const ReconcileResult r = Run(CompleteSet());
  CHECK(r.outcome == "consistent");
  CHECK(r.findings.empty());
  CHECK(r.missing.empty());
  CHECK(r.order_no == "ORD-2026-0001");
}

TEST_CASE("ORDER_PAID_FORMULA: acturalPaid = goodsValue + freight + taxTotal - discount") {
  ReconcileSet s = CompleteSet();
  s.order->head.discount = 0;  // buyer paid 5.00 more than the formula allows
  ReconcileResult r = Run(s);
  CHECK(Codes(r) == Strings{"ORDER_PAID_FORMULA"});
  CHECK(r.outcome == "inconsistent");
  const Finding& f = r.findings[0];
  CHECK(f.field == "order.OrderHead.acturalPaid");
  CHECK(f.severity == Severity::kError);
  CHECK(Mentions(f, "332.30", "337.30"));
}

TEST_CASE("PAYMENT_AMOUNT_MISMATCH: the payment must equal acturalPaid") {
  ReconcileSet s = CompleteSet();
  s.payment->head.amount_paid = 30000;
  const ReconcileResult r = Run(s);
  const Finding& f = Only(r);
  CHECK(f.code == "PAYMENT_AMOUNT_MISMATCH");
  CHECK(f.field == "payment.PaymentHead.amountPaid");
  CHECK(Mentions(f, "300.00", "332.30"));
}

TEST_CASE("ORDER_PAYMENT_LINK: orderNo, ebpCode, payTransactionId, payCode") {
  ReconcileSet s = CompleteSet();
  s.payment->head.order_no = "ORD-OTHER";
  s.payment->head.ebp_code = "41019601ZZ";
  s.payment->head.pay_transaction_id = "TX-9999";
  s.payment->head.pay_code = "4101PAY999";
  ReconcileResult r = Run(s);
  REQUIRE(r.findings.size() == 4);
  CHECK(r.findings[0].field == "payment.PaymentHead.orderNo");
  CHECK(Mentions(r.findings[0], "ORD-OTHER", "ORD-2026-0001"));
  CHECK(r.findings[1].field == "payment.PaymentHead.ebpCode");
  CHECK(r.findings[2].field == "payment.PaymentHead.payTransactionId");
  CHECK(r.findings[3].field == "payment.PaymentHead.payCode");
  for (const Finding& f : r.findings) CHECK(f.code == "ORDER_PAYMENT_LINK");

  SUBCASE("an order without payTransactionId or payCode is linked by orderNo only") {
    s = CompleteSet();
    s.order->head.pay_transaction_id.clear();
    s.order->head.pay_code.clear();
    s.payment->head.pay_transaction_id = "TX-9999";
    CHECK(Run(s).findings.empty());
  }
}

TEST_CASE("BUYER_ID_INVALID and PAYER_ID_INVALID") {
  ReconcileSet s = CompleteSet();
  s.order->head.buyer_id_number = "410105198511200047";  // wrong check digit
  s.inventory->head.buyer_id_number = s.order->head.buyer_id_number;
  s.payment->head.payer_id_number = s.order->head.buyer_id_number;
  ReconcileResult r = Run(s);
  CHECK(Codes(r) == Strings{"BUYER_ID_INVALID", "PAYER_ID_INVALID"});
  CHECK(r.findings[0].field == "order.OrderHead.buyerIdNumber");
  CHECK(r.findings[0].message_en.find("ID_CHECKSUM") != std::string::npos);
  CHECK(r.findings[1].field == "payment.PaymentHead.payerIdNumber");

  SUBCASE("without an order the list's buyer is checked") {
    s.order.reset();
    r = Run(s);
    CHECK(Codes(r) == Strings{"MISSING_DOCUMENT", "BUYER_ID_INVALID", "PAYER_ID_INVALID"});
    CHECK(r.findings[1].field == "inventory.InventoryHead.buyerIdNumber");
  }
  SUBCASE("an address code never listed is invalid when divisions are given") {
    s = CompleteSet();
    s.order->head.buyer_id_number = "11010519491231002X";  // 110105 is not in the test table
    s.inventory->head.buyer_id_number = s.order->head.buyer_id_number;
    s.payment->head.payer_id_number = s.order->head.buyer_id_number;
    CHECK(Codes(Run(s)) == Strings{"BUYER_ID_INVALID", "PAYER_ID_INVALID"});
    ReconcileContext c = Context();
    c.divisions = nullptr;  // then only the checksum and date count
    CHECK(Reconcile(s, c).findings.empty());
  }
}

TEST_CASE("BUYER_PAYER_MISMATCH: another person's ID is an error, another name a warning") {
  ReconcileSet s = CompleteSet();
  s.payment->head.payer_id_number = std::string(kOtherId);
  s.payment->head.payer_name = "李四";
  ReconcileResult r = Run(s);
  REQUIRE(Codes(r) == Strings{"BUYER_PAYER_MISMATCH", "BUYER_PAYER_MISMATCH"});
  CHECK(r.findings[0].severity == Severity::kError);
  CHECK(r.findings[0].field == "payment.PaymentHead.payerIdNumber");
  CHECK(Mentions(r.findings[0], kOtherId, kBuyerId));
  CHECK(r.findings[1].severity == Severity::kWarning);
  CHECK(r.findings[1].field == "payment.PaymentHead.payerName");
  CHECK(Mentions(r.findings[1], "李四", "张三"));

  SUBCASE("a name-only difference leaves the set for review") {
    s = CompleteSet();
    s.payment->head.payer_name = "张 三";
    r = Run(s);
    CHECK(Only(r).severity == Severity::kWarning);
    CHECK(r.outcome == "review");
  }
  SUBCASE("an x in the check position is the same ID as X") {
    s = CompleteSet();
    s.order->head.buyer_id_number = std::string(kOtherId);
    s.inventory->head.buyer_id_number = std::string(kOtherId);
    s.payment->head.payer_id_number = "41010519900307123x";
    CHECK(Run(s).findings.empty());
  }
}

TEST_CASE("CONSIGNEE_MISMATCH: the order's consignee must be the waybill's") {
  ReconcileSet s = CompleteSet();
  s.waybill->head.consignee = "王五";
  s.waybill->head.consignee_telephone = "13900000000";
  s.waybill->head.consignee_address = "上海市杨浦区";
  ReconcileResult r = Run(s);
  CHECK(Codes(r) == Strings(3, "CONSIGNEE_MISMATCH"));
  CHECK(r.findings[0].field == "waybill.LogisticsHead.consignee");
  CHECK(Mentions(r.findings[0], "王五", "张三"));
  CHECK(r.findings[1].field == "waybill.LogisticsHead.consigneeTelephone");
  CHECK(r.findings[2].field == "waybill.LogisticsHead.consigneeAddress");
  CHECK(r.findings[2].message_zh.find("收货地址") != std::string::npos);
}

TEST_CASE("WAYBILL_LINK: orderNo, logisticsNo and logisticsCode") {
  ReconcileSet s = CompleteSet();
  s.waybill->head.order_no = "ORD-OTHER";
  s.waybill->head.logistics_no = "YT0000000002";
  s.waybill->head.logistics_code = "4101986181";
  ReconcileResult r = Run(s);
  CHECK(Codes(r) == Strings(3, "WAYBILL_LINK"));
  CHECK(r.findings[0].field == "waybill.LogisticsHead.orderNo");
  CHECK(r.findings[1].field == "waybill.LogisticsHead.logisticsNo");
  CHECK(Mentions(r.findings[1], "YT0000000002", "YT0000000001"));
  CHECK(r.findings[2].field == "waybill.LogisticsHead.logisticsCode");

  SUBCASE("an order naming its logisticsNo is compared too") {
    s = CompleteSet();
    s.order->head.logistics_no = "YT0000000009";
    r = Run(s);
    CHECK(Codes(r) == Strings{"WAYBILL_LINK", "LIST_HEAD_MISMATCH"});
    CHECK(r.findings[0].field == "waybill.LogisticsHead.logisticsNo");
    CHECK(r.findings[1].field == "inventory.InventoryHead.logisticsNo");
  }
}

TEST_CASE("LIST_HEAD_MISMATCH: the list's head against the order") {
  ReconcileSet s = CompleteSet();
  InventoryHead& h = s.inventory->head;
  h.order_no = "ORD-OTHER";
  h.ebp_code = "41019601ZZ";
  h.buyer_name = "李四";
  h.buyer_id_number = std::string(kOtherId);
  h.buyer_telephone = "13700000000";
  h.consignee_address = "别处";
  ReconcileResult r = Run(s);
  CHECK(Codes(r) == Strings(6, "LIST_HEAD_MISMATCH"));
  const Strings fields = {"orderNo",       "ebpCode",        "buyerName",
                          "buyerIdNumber", "buyerTelephone", "consigneeAddress"};
  for (size_t i = 0; i < fields.size(); ++i) {
    CHECK(r.findings[i].field == "inventory.InventoryHead." + fields[i]);
  }
  CHECK(Mentions(r.findings[2], "李四", "张三"));

  SUBCASE("another ebcCode is also another enterprise's goods") {
    s = CompleteSet();
    s.inventory->head.ebc_code = "41019602ZZ";
    r = Run(s);
    CHECK(Codes(r) == Strings{"LIST_HEAD_MISMATCH", "GOODS_NOT_FILED", "GOODS_NOT_FILED"});
    CHECK(r.findings[0].field == "inventory.InventoryHead.ebcCode");
  }
}

TEST_CASE("LIST_LINE_MISMATCH names the field of the line with the same gnum") {
  ReconcileSet s = CompleteSet();
  InventoryLine& l = s.inventory->lines[1];  // gnum 2
  l.item_no = "SKU-OTHER";
  l.gcode = "3304990099";
  l.qty = Q("3");
  l.price = 9000;
  l.total_price = 27000;
  ReconcileResult r = Run(s);
  CHECK(Codes(r) == Strings{"LIST_LINE_MISMATCH", "LIST_LINE_MISMATCH", "LIST_LINE_MISMATCH",
                            "LIST_LINE_MISMATCH", "LIST_LINE_MISMATCH", "GOODS_NOT_FILED"});
  const Strings fields = {"itemNo", "gcode", "qty", "price", "totalPrice"};
  for (size_t i = 0; i < fields.size(); ++i) {
    CHECK(r.findings[i].field == "inventory.InventoryList[1]." + fields[i]);
  }
  CHECK(Mentions(r.findings[2], "3", "1"));
  CHECK(Mentions(r.findings[3], "90.00", "100.00"));
  CHECK(r.findings[3].message_zh.find("商品序号2") != std::string::npos);
  CHECK(r.findings[3].message_en.find("gnum 2") != std::string::npos);

  SUBCASE("lines are matched by gnum, not by position") {
    s = CompleteSet();
    std::swap(s.inventory->lines[0], s.inventory->lines[1]);
    CHECK(Run(s).findings.empty());
  }
  SUBCASE("itemNo is compared only when both documents carry one") {
    s = CompleteSet();
    s.inventory->lines[0].item_no.clear();
    CHECK(Run(s).findings.empty());
  }
}

TEST_CASE("LIST_LINE_COUNT and lines on one side only") {
  ReconcileSet s = CompleteSet();
  s.inventory->lines.pop_back();
  ReconcileResult r = Run(s);
  CHECK(Codes(r) == Strings{"LIST_LINE_COUNT", "LIST_LINE_MISMATCH"});
  CHECK(r.findings[0].field == "inventory.InventoryList");
  CHECK(Mentions(r.findings[0], "1", "2"));
  CHECK(r.findings[1].field == "order.OrderList[1].gnum");

  s = CompleteSet();
  InventoryLine extra = s.inventory->lines[0];
  extra.gnum = 3;
  s.inventory->lines.push_back(extra);
  r = Run(s);
  CHECK(Codes(r) == Strings{"LIST_LINE_COUNT", "LIST_LINE_MISMATCH"});
  CHECK(r.findings[1].field == "inventory.InventoryList[2].gnum");
}

// Sets line 2 (gnum 2) of the order and the list, and the amounts that depend on it.
void SetSecondLine(ReconcileSet& s, std::string_view qty, Fen price, Fen total) {
  OrderLine& ol = s.order->lines[1];
  ol.qty = Q(qty);
  ol.price = price;
  ol.total_price = total;
  InventoryLine& il = s.inventory->lines[1];
  il.qty = Q(qty);
  il.price = price;
  il.total_price = total;
  OrderHead& h = s.order->head;
  h.goods_value = s.order->lines[0].total_price + total;
  h.actural_paid = h.goods_value + h.freight + h.tax_total - h.discount;
  s.payment->head.amount_paid = h.actural_paid;
}

TEST_CASE("LINE_TOTAL_ARITHMETIC: qty x price within half a fen of totalPrice") {
  ReconcileSet s = CompleteSet();
  SetSecondLine(s, "0.5", 33, 17);  // 0.165 rounds to 0.17
  CHECK(Run(s).findings.empty());
  SetSecondLine(s, "0.5", 33, 16);  // or truncates to 0.16: both are rounding
  CHECK(Run(s).findings.empty());
  SetSecondLine(s, "0.5", 33, 18);
  ReconcileResult r = Run(s);
  CHECK(Codes(r) == Strings{"LINE_TOTAL_ARITHMETIC", "LINE_TOTAL_ARITHMETIC"});
  CHECK(r.findings[0].field == "order.OrderList[1].totalPrice");
  CHECK(r.findings[1].field == "inventory.InventoryList[1].totalPrice");
  CHECK(r.findings[0].severity == Severity::kWarning);
  CHECK(Mentions(r.findings[0], "0.17", "0.18"));
  CHECK(r.outcome == "review");

  // The official sample's line: 200 x 10 declared as 12000 (SOURCE.md).
  SetSecondLine(s, "200", 1000, 1200000);
  r = Run(s);
  CHECK(Codes(r) == Strings{"LINE_TOTAL_ARITHMETIC", "LINE_TOTAL_ARITHMETIC"});
  CHECK(Mentions(r.findings[0], "2000.00", "12000.00"));

  // Large values do not overflow: 10^8 units at 10^6 CNY each.
  SetSecondLine(s, "100000000", 100000000, 100000000);
  r = Run(s);
  CHECK(Codes(r) == Strings{"LINE_TOTAL_ARITHMETIC", "LINE_TOTAL_ARITHMETIC"});
}

TEST_CASE("ORDER_GOODS_VALUE: goodsValue against the sum of the lines") {
  ReconcileSet s = CompleteSet();
  s.order->head.goods_value = 31000;
  s.order->head.actural_paid = 34230;
  s.payment->head.amount_paid = 34230;
  ReconcileResult r = Run(s);
  const Finding& f = Only(r);
  CHECK(f.code == "ORDER_GOODS_VALUE");
  CHECK(f.severity == Severity::kWarning);
  CHECK(f.field == "order.OrderHead.goodsValue");
  CHECK(Mentions(f, "310.00", "300.00"));
  CHECK(r.outcome == "review");
}

TEST_CASE("LIST_FREIGHT_MISMATCH and LIST_INSURED_FEE_MISMATCH against the waybill") {
  ReconcileSet s = CompleteSet();
  s.inventory->head.freight = 0;
  s.inventory->head.insured_fee = 100;
  s.waybill->head.insured_fee.reset();  // absent on the waybill means 0
  ReconcileResult r = Run(s);
  CHECK(Codes(r) == Strings{"LIST_FREIGHT_MISMATCH", "LIST_INSURED_FEE_MISMATCH"});
  CHECK(r.findings[0].field == "inventory.InventoryHead.freight");
  CHECK(Mentions(r.findings[0], "0.00", "10.00"));
  CHECK(r.findings[1].field == "inventory.InventoryHead.insuredFee");
  CHECK(Mentions(r.findings[1], "1.00", "0.00"));

  s = CompleteSet();
  s.waybill->head.freight.reset();
  s.inventory->head.freight = 0;
  CHECK(Run(s).findings.empty());
}

TEST_CASE("TRADE_MODE_NOT_ALLOWED: bonded-only goods declared under 9610") {
  ReconcileSet s = CompleteSet();
  s.order->lines[1].gcode = "3004909000";  // 30049090: 仅限网购保税商品
  s.inventory->lines[1].gcode = "3004909000";
  ReconcileContext c = Context();
  c.filed_goods[std::string(kEbc)]["3004909000"] = "admitted";
  ReconcileResult r = Reconcile(s, c);
  const Finding& f = Only(r);
  CHECK(f.code == "TRADE_MODE_NOT_ALLOWED");
  CHECK(f.field == "inventory.InventoryList[1].gcode");
  CHECK(Mentions(f, "3004909000", "9610"));

  s.inventory->head.trade_mode = "1210";
  CHECK(Reconcile(s, c).findings.empty());

  s.inventory->head.trade_mode = "0110";
  r = Reconcile(s, c);
  CHECK(Only(r).code == "TRADE_MODE_INVALID");
  CHECK(r.findings[0].field == "inventory.InventoryHead.tradeMode");
}

TEST_CASE("LIST_NOT_LOADED: 9610 cannot be checked without the positive list") {
  ReconcileSet s = CompleteSet();
  ReconcileContext c = Context();
  c.positive_list = nullptr;
  ReconcileResult r = Reconcile(s, c);
  CHECK(Only(r).code == "LIST_NOT_LOADED");
  CHECK(r.findings[0].severity == Severity::kWarning);
  PositiveList empty;
  c.positive_list = &empty;
  CHECK(Codes(Reconcile(s, c)) == Strings{"LIST_NOT_LOADED"});
  s.inventory->head.trade_mode = "1210";
  CHECK(Reconcile(s, c).findings.empty());
}

TEST_CASE("GOODS_NOT_FILED and GOODS_NOT_ADMITTED per list line") {
  ReconcileSet s = CompleteSet();
  ReconcileContext c = Context();
  c.filed_goods[std::string(kEbc)] = {{"3303000000", "rejected"}, {"3304990000", "review"}};
  ReconcileResult r = Reconcile(s, c);
  CHECK(Codes(r) == Strings{"GOODS_NOT_ADMITTED", "GOODS_NOT_ADMITTED"});
  CHECK(r.findings[0].severity == Severity::kError);
  CHECK(r.findings[0].field == "inventory.InventoryList[0].gcode");
  CHECK(r.findings[1].severity == Severity::kWarning);
  CHECK(r.findings[1].field == "inventory.InventoryList[1].gcode");

  c.filed_goods[std::string(kEbc)].erase("3304990000");
  // Filed by another enterprise does not count.
  c.filed_goods["41019602ZZ"]["3304990000"] = "admitted";
  r = Reconcile(s, c);
  CHECK(Codes(r) == Strings{"GOODS_NOT_ADMITTED", "GOODS_NOT_FILED"});
  CHECK(Mentions(r.findings[1], "3304990000", std::string(kEbc)));
}

TEST_CASE("CURRENCY: every currency field must be 142") {
  ReconcileSet s = CompleteSet();
  s.order->head.currency = "502";
  s.payment->head.currency = "USD";
  s.inventory->lines[0].currency = "840";
  ReconcileResult r = Run(s);
  CHECK(Codes(r) == Strings(3, "CURRENCY"));
  CHECK(r.findings[0].field == "order.OrderHead.currency");
  CHECK(r.findings[1].field == "payment.PaymentHead.currency");
  CHECK(r.findings[2].field == "inventory.InventoryList[0].currency");
  CHECK(Mentions(r.findings[0], "502", "142"));
}

TEST_CASE("MISSING_DOCUMENT: an incomplete set reports what is missing") {
  ReconcileSet s = CompleteSet();
  s.payment.reset();
  s.waybill.reset();
  ReconcileResult r = Run(s);
  CHECK(r.outcome == "incomplete");
  CHECK(r.missing == Strings{"payment", "waybill"});
  CHECK(Codes(r) == Strings{"MISSING_DOCUMENT", "MISSING_DOCUMENT"});
  CHECK(r.findings[0].field == "payment");
  CHECK(r.findings[1].field == "waybill");

  SUBCASE("what is present is still reconciled") {
    s.inventory->head.ebp_code = "41019601ZZ";
    r = Run(s);
    CHECK(Codes(r) == Strings{"MISSING_DOCUMENT", "MISSING_DOCUMENT", "LIST_HEAD_MISMATCH"});
    CHECK(r.outcome == "incomplete");
  }
  SUBCASE("nothing at all") {
    r = Run(ReconcileSet{});
    CHECK(r.missing == Strings{"order", "payment", "waybill", "inventory"});
    CHECK(r.order_no.empty());
    CHECK(r.findings.size() == 4);
  }
  SUBCASE("the set's orderNo comes from whichever document is there") {
    ReconcileSet only;
    only.waybill = MakeWaybill();
    CHECK(Run(only).order_no == "ORD-2026-0001");
  }
}

Json RequestFor(const ReconcileSet& s) {
  Json req = Json::object();
  if (s.order) req["order"] = OrderToJson(*s.order);
  if (s.payment) req["payment"] = PaymentToJson(*s.payment);
  if (s.waybill) req["waybill"] = WaybillToJson(*s.waybill);
  if (s.inventory) req["inventory"] = InventoryToJson(*s.inventory);
  req["decision_date"] = "2026-05-20";
  req["filed_goods"] =
      Json::array({Json{{"ebcCode", kEbc}, {"code10", "3303000000"}, {"outcome", "admitted"}},
                   Json{{"ebcCode", kEbc}, {"code10", "3304990000"}, {"outcome", "admitted"}}});
  return req;
}

TEST_CASE("ReconcileJson: the same verdict through text, deterministically") {
  const std::string consistent = ReconcileJson(DumpJson(RequestFor(CompleteSet())), TestTables());
  CHECK(consistent ==
        R"({"decision_date":"2026-05-20","findings":[],"missing":[],"order_no":"ORD-2026-0001",)"
        R"("outcome":"consistent"})");

  ReconcileSet s = CompleteSet();
  s.payment->head.amount_paid = 30000;
  s.waybill.reset();
  const std::string text = DumpJson(RequestFor(s));
  const std::string out = ReconcileJson(text, TestTables());
  CHECK(out == ReconcileJson(text, TestTables()));
  CHECK(out == DumpJson(ReconcileResultToJson(Run(s))));
  const Json j = Require(ParseJson(out));
  CHECK(j["outcome"] == "incomplete");
  CHECK(j["missing"] == Json::array({"waybill"}));
  REQUIRE(j["findings"].size() == 2);
  CHECK(j["findings"][1]["code"] == "PAYMENT_AMOUNT_MISMATCH");
  CHECK(j["findings"][1]["severity"] == "error");

  SUBCASE("null documents are absent") {
    Json req = RequestFor(CompleteSet());
    req["waybill"] = nullptr;
    CHECK(Require(ParseJson(ReconcileJson(DumpJson(req), TestTables())))["missing"] ==
          Json::array({"waybill"}));
  }
}

TEST_CASE("ReconcileJson errors name the field") {
  auto error_of = [](const Json& req) {
    const Json out = Require(ParseJson(ReconcileJson(DumpJson(req), TestTables())));
    REQUIRE(out.contains("error"));
    CHECK(out["error"]["code"] == "invalid_argument");
    return out["error"]["message"].get<std::string>();
  };
  Json req = RequestFor(CompleteSet());
  SUBCASE("decision_date") {
    req.erase("decision_date");
    CHECK(error_of(req) == "field 'decision_date' is required");
  }
  SUBCASE("a document") {
    req["inventory"]["InventoryList"][0]["price"] = "100.001";
    CHECK(error_of(req).find("field 'inventory.InventoryList[0].price' has more than 2 "
                             "decimals") == 0);
  }
  SUBCASE("filed goods") {
    req["filed_goods"][1]["outcome"] = "maybe";
    CHECK(error_of(req) == "field 'filed_goods[1].outcome' must be admitted, review or rejected");
  }
  SUBCASE("not JSON") {
    CHECK(ReconcileJson("{", TestTables()).find("\"invalid_argument\"") != std::string::npos);
  }
}

}  // namespace
}  // namespace core
