// Tests for three-document reconciliation, document heads: a consistent set, amounts, links,
// identities, consignee, the list head, incomplete sets, and the JSON entry point.
#include "core/reconcile.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/reconcile_api.h"
#include "reconcile_fixtures.h"

namespace core {
namespace {

using namespace testing;  // NOLINT: the fixtures of this suite

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
