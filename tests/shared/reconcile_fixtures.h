// A consistent order, payment, waybill and declaration list, and the context they reconcile in,
// for the reconciliation tests (each test breaks one thing). No file I/O.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/reconcile.h"
#include "verdict_fixtures.h"

namespace core::testing {

inline constexpr std::string_view kBuyerId = "410105198511200048";  // valid, 郑州市金水区
inline constexpr std::string_view kOtherId = "41010519900307123X";  // valid, another person
inline constexpr std::string_view kEbc = "41019602BB";

inline CebTime Time(std::string_view digits) { return Require(CebTime::Parse(digits)); }
inline Qty Q(std::string_view text) { return Require(ParseQty(text)); }

inline Order MakeOrder() {
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

inline Payment MakePayment() {
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

inline Waybill MakeWaybill() {
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

inline Inventory MakeInventory() {
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

inline ReconcileSet CompleteSet() {
  ReconcileSet s;
  s.order = MakeOrder();
  s.payment = MakePayment();
  s.waybill = MakeWaybill();
  s.inventory = MakeInventory();
  return s;
}

inline ReconcileContext Context() {
  ReconcileContext c;
  c.filed_goods[std::string(kEbc)] = {{"3303000000", "admitted"}, {"3304990000", "admitted"}};
  c.positive_list = &TestTables().positive_list;
  c.divisions = &TestTables().divisions;
  c.decision_date = Require(Date::Parse("2026-05-20"));
  return c;
}

inline std::vector<std::string> Codes(const ReconcileResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.push_back(f.code);
  return out;
}

// The only finding of the result; fails when there is not exactly one.
inline const Finding& Only(const ReconcileResult&& r) = delete;
inline const Finding& Only(const ReconcileResult& r) {
  REQUIRE_MESSAGE(r.findings.size() == 1, DumpJson(FindingsToJson(r.findings)));
  return r.findings.front();
}

inline bool Mentions(const Finding& f, std::string_view a, std::string_view b) {
  auto has = [](const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
  };
  return has(f.message_zh, a) && has(f.message_zh, b) && has(f.message_en, a) &&
         has(f.message_en, b);
}

inline ReconcileResult Run(const ReconcileSet& s) { return Reconcile(s, Context()); }

using Strings = std::vector<std::string>;

}  // namespace core::testing
