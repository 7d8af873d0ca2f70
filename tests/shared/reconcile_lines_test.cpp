// Tests for three-document reconciliation, goods lines: list lines against order lines by gnum,
// line arithmetic, goods value, fees against the waybill, trade mode, filed goods, currency.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/reconcile.h"
#include "reconcile_fixtures.h"

namespace core {
namespace {

using namespace testing;  // NOLINT: the fixtures of this suite

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

}  // namespace
}  // namespace core
