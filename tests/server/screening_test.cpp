// Server tests: screening of complete sets over HTTP: an inconsistent set rejected with the
// reconciliation's finding codes and released once corrected, warnings to manual review, the
// full-tax path of a single expensive item, the buyer's annual quota across several lists up to
// the 26,000 CNY boundary, and a return restoring it.
#include <doctest/doctest.h>

#include "ceb_fixtures.h"
#include "test_server.h"

namespace server::testing {
namespace {

std::vector<std::string> Reasons(const core::Json& declaration) {
  std::vector<std::string> out;
  for (const core::Json& r : declaration["history"].back()["reasons"]) {
    out.push_back(r.get<std::string>());
  }
  return out;
}

core::Json Item(const core::Payment& p) { return JsonItem("CEB411", core::PaymentToJson(p)); }
core::Json Item(const core::Waybill& w) { return JsonItem("CEB511", core::WaybillToJson(w)); }
core::Json Item(const core::Inventory& l) { return JsonItem("CEB621", core::InventoryToJson(l)); }

TEST_CASE("an inconsistent set is rejected with the finding codes, and released once corrected") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  CebSet set = MakeSet(Spec("BADSET"));
  set.payment.head.amount_paid += 100;  // paid one yuan more than the order says
  set.waybill.head.consignee = "李四";  // delivered to someone else
  const int64_t id = SubmitSet(s, admin, set);
  core::Json d = Declaration(s, hnby, id);
  CAPTURE(core::DumpJson(d["screening"]));
  CHECK(d["status"] == 100);
  CHECK(d["status_name"] == "rejected");
  CHECK(Reasons(d) == std::vector<std::string>{"PAYMENT_AMOUNT_MISMATCH", "CONSIGNEE_MISMATCH"});
  CHECK(d["history"].back()["detail"]["findings"][0]["field"] == "payment.PaymentHead.amountPaid");
  CHECK(d["screening"]["reconciliation"]["outcome"] == "inconsistent");
  CHECK(d["tax_bill"].is_null());
  CHECK(s.Count("buyer_quota_entries") == 0);
  // The list can be filtered by status.
  Response rejected = s.Get("/api/v1/declarations?status=rejected", hnby);
  REQUIRE(rejected.json["total"] == 1);
  CHECK(rejected.json["items"][0]["id"] == id);
  // Each item carries the reasons of its latest status.
  CHECK(rejected.json["items"][0]["reasons"] ==
        core::Json::array({"PAYMENT_AMOUNT_MISMATCH", "CONSIGNEE_MISMATCH"}));
  CHECK(s.Get("/api/v1/declarations?status=100", hnby).json["total"] == 1);
  CHECK(s.Get("/api/v1/declarations?status=released", hnby).json["total"] == 0);
  CHECK(s.Get("/api/v1/declarations?status=bogus", hnby).status == 400);

  // The payment corrected: screened again, still rejected for the consignee.
  core::Payment payment = set.payment;
  payment.head.guid = "PAYMENT-BADSET-2";
  payment.head.app_type = core::AppType::kChange;
  payment.head.amount_paid -= 100;
  Response r = SubmitJson(s, admin, Item(payment));
  REQUIRE_MESSAGE(r.status == 200, r.body);
  CHECK(r.json["receipts"][0]["status"] == "new_version");
  d = Declaration(s, hnby, id);
  CHECK(d["status"] == 100);
  CHECK(Reasons(d) == std::vector<std::string>{"CONSIGNEE_MISMATCH"});

  core::Waybill waybill = set.waybill;
  waybill.head.guid = "WAYBILL-BADSET-2";
  waybill.head.app_type = core::AppType::kChange;
  waybill.head.consignee = set.order.head.consignee;
  REQUIRE(SubmitJson(s, admin, Item(waybill)).status == 200);
  d = Declaration(s, hnby, id);
  CHECK(d["status"] == 800);
  CHECK(History(d) == std::vector<std::string>{"120:SET_COMPLETE",
                                               "100:PAYMENT_AMOUNT_MISMATCH,CONSIGNEE_MISMATCH",
                                               "120:SET_COMPLETE", "100:CONSIGNEE_MISMATCH",
                                               "120:SET_COMPLETE", "800:ROUTE_DEFAULT_RELEASE"});
  CHECK(d["set"]["waybill"]["message_id"] == d["screening"]["messages"]["waybill"]);
  CHECK(d["set"]["waybill"]["version"] == 2);
  CHECK(s.Count("screenings") == 3);

  // Documents of a released list cannot change any more.
  core::Waybill late = waybill;
  late.head.guid = "WAYBILL-BADSET-3";
  Response locked = SubmitJson(s, admin, Item(late));
  CHECK(locked.status == 409);
  CHECK(locked.ErrorMessage().find("released") != std::string::npos);
}

TEST_CASE("warnings send the list to manual review with their codes") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  CebSet set = MakeSet(Spec("WARN"));
  // Lines declared at 398.00 for one item priced 399.00: arithmetic off, everything else agrees.
  set.order.lines[0].total_price = 39800;
  set.list.lines[0].total_price = 39800;
  set.order.head.goods_value = 39800;
  set.order.head.tax_total = Vat13WithinLimits(39800 + 1000);
  set.order.head.actural_paid = 39800 + 1000 + set.order.head.tax_total;
  set.payment.head.amount_paid = set.order.head.actural_paid;
  const int64_t id = SubmitSet(s, admin, set);
  core::Json d = Declaration(s, admin, id);
  CAPTURE(core::DumpJson(d["screening"]));
  CHECK(d["status"] == 300);
  CHECK(d["status_name"] == "manual_review");
  CHECK(Reasons(d) == std::vector<std::string>{"LINE_TOTAL_ARITHMETIC"});
  CHECK(d["history"].back()["detail"]["findings"].size() == 2);  // order line and list line
  CHECK(d["tax_bill"].is_null());
}

TEST_CASE("a single item above 5,000 CNY clears at full tax and its bill shows the duty") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  SetSpec spec = Spec("FULL");
  spec.code10 = "3304990099";  // skin cream, hnby filed (admitted); duty 1%, CT 15% >= 10 CNY/g
  spec.price = 600000;
  // P = 6,010.00; duty 1% = 60.10; 6.07 CNY per gram is below the CT threshold; VAT 13% of
  // 6,070.10 = 789.11.
  spec.tax_total = 6010 + 78911;
  const int64_t id = SubmitSet(s, admin, MakeSet(spec));
  core::Json d = Declaration(s, admin, id);
  CAPTURE(core::DumpJson(d["screening"]));
  CHECK(d["status"] == 800);
  CHECK(d["screening"]["quota"]["path"] == "cbec_full_tax");
  CHECK(d["screening"]["tax"]["path"] == "full_tax");
  CHECK(d["tax_bill"]["customs_tax_fen"] == 6010);
  CHECK(d["tax_bill"]["consumption_tax_fen"] == 0);
  CHECK(d["tax_bill"]["value_added_tax_fen"] == 78911);
  CHECK(d["tax_bill"]["total_fen"] == 84921);
}

// Releases a list of `value` fen (goods + 10.00 freight) for buyer B; returns its declaration.
int64_t BuyForB(TestServer& s, const std::string& cookie, const std::string& key, core::Fen value) {
  SetSpec spec = Spec(key);
  spec.buyer_id = kBuyerB;
  spec.buyer_name = "李明";
  spec.freight = value >= 1000 ? 1000 : 0;
  spec.price = value - spec.freight;
  return SubmitSet(s, cookie, MakeSet(spec));
}

TEST_CASE("the annual quota counts released lists up to 26,000 CNY, and a return restores it") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  std::vector<int64_t> ids;
  for (int i = 1; i <= 5; ++i) {
    ids.push_back(BuyForB(s, admin, "Q" + std::to_string(i), 500000));  // 5,000.00 each
    core::Json d = Declaration(s, admin, ids.back());
    CAPTURE(i);
    CHECK(d["status"] == 800);
    CHECK(d["screening"]["quota"]["year_to_date_fen"] == 500000 * (i - 1));
  }
  // 25,000 + 1,000 = 26,000 exactly: still within the year.
  const int64_t at_limit = BuyForB(s, admin, "Q6", 100000);
  core::Json d = Declaration(s, admin, at_limit);
  CHECK(d["status"] == 800);
  CHECK(d["screening"]["quota"]["annual_total_after_fen"] == 2600000);
  CHECK(d["screening"]["quota"]["remaining_annual_fen"] == 0);
  // One fen more is over the year's limit: general trade, rejected.
  SetSpec over = Spec("Q7");
  over.buyer_id = kBuyerB;
  over.buyer_name = "李明";
  over.freight = 0;
  over.price = 1;
  CebSet over_set = MakeSet(over);
  const int64_t over_id = SubmitSet(s, admin, over_set);
  d = Declaration(s, admin, over_id);
  CAPTURE(core::DumpJson(d["screening"]));
  CHECK(d["status"] == 100);
  CHECK(Reasons(d) == std::vector<std::string>{"QUOTA_ANNUAL_EXCEEDED"});
  CHECK(d["screening"]["quota"]["path"] == "general_trade");
  CHECK(d["screening"]["tax"].is_null());
  // Another buyer is not affected.
  SetSpec other = Spec("QA");
  CHECK(Declaration(s, admin, SubmitSet(s, admin, MakeSet(other)))["status"] == 800);

  // A return of the first list, applied and back today: 5,000 restored.
  core::Json first = Declaration(s, admin, ids[0]);
  core::Refund refund = RefundOf(first, "REFUND-Q1", "1");
  Response r = SubmitJson(s, hnby, JsonItem("CEB625", core::RefundToJson(refund)));
  REQUIRE_MESSAGE(r.status == 200, r.body);
  CHECK(r.json["receipts"][0]["status"] == "stored");
  CHECK(r.json["receipts"][0]["declaration_id"] == ids[0]);
  first = Declaration(s, admin, ids[0]);
  REQUIRE(first["returns"].size() == 1);
  CHECK(first["returns"][0]["outcome"] == "restored");
  CHECK(first["returns"][0]["restored_fen"] == 500000);
  CHECK(first["status"] == 800);
  CHECK(History(first).back() == "800:RETURN_DECIDED");
  // The same return again is a duplicate, and it cannot be changed once decided.
  CHECK(SubmitJson(s, hnby, JsonItem("CEB625", core::RefundToJson(refund)))
            .json["receipts"][0]["status"] == "duplicate");
  core::Refund changed = refund;
  changed.head.guid = "REFUND-Q1-2";
  changed.head.app_type = core::AppType::kChange;
  CHECK(SubmitJson(s, hnby, JsonItem("CEB625", core::RefundToJson(changed))).status == 409);

  // The rejected list, declared again (appType 2), now fits: 21,000 + 0.01.
  core::Inventory list = over_set.list;
  list.head.guid = "LIST-Q7-2";
  list.head.app_type = core::AppType::kChange;
  REQUIRE(SubmitJson(s, admin, Item(list)).status == 200);
  d = Declaration(s, admin, over_id);
  CHECK(d["status"] == 800);
  CHECK(d["screening"]["quota"]["year_to_date_fen"] == 2100000);

  // A return without a released list is refused, and nothing of it stays.
  auto before = IngestCounts(s);
  core::Refund orphan = refund;
  orphan.head.guid = "REFUND-ORPHAN";
  orphan.head.cop_no = "REFUND-COP-ORPHAN";
  orphan.head.invt_no = "NO-SUCH-LIST";
  orphan.head.order_no = "NO-SUCH-ORDER";
  Response refused = SubmitJson(s, hnby, JsonItem("CEB625", core::RefundToJson(orphan)));
  CHECK(refused.status == 409);
  CHECK(refused.ErrorMessage().find("no released list") != std::string::npos);
  CHECK(IngestCounts(s) == before);
}

TEST_CASE("a withdrawn list closes its declaration; declared again, it is screened anew") {
  TestServer s({.seed_demo = true});
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  std::string admin = s.Login("admin", kAdminPassword);
  CebSet set = MakeSet(Spec("WD"));
  // The list and the order only: waiting for payment and waybill.
  Response r = SubmitJson(s, hnby, {{"messages", {Item(set.list)}}});
  REQUIRE(r.status == 200);
  const int64_t id = r.json["receipts"][0]["declaration_id"].get<int64_t>();
  core::Inventory withdraw = set.list;
  withdraw.head.guid = "LIST-WD-DEL";
  withdraw.head.app_type = core::AppType::kDelete;
  Response w = SubmitJson(s, hnby, Item(withdraw));
  REQUIRE_MESSAGE(w.status == 200, w.body);
  CHECK(w.json["receipts"][0]["status"] == "withdrawn");
  CHECK(w.json["receipts"][0]["declaration_id"] == id);
  core::Json d = Declaration(s, hnby, id);
  CHECK(d["status"] == 899);
  CHECK(d["status_name"] == "closed");
  CHECK(d["history"].back()["actor_name"] == "hnby");
  CHECK(d["set"]["inventory"]["version"] == 2);
  // The rest of the set arriving changes nothing for a closed declaration.
  REQUIRE(SubmitJson(s, admin, {{"messages", {Item(set.payment), Item(set.waybill)}}}).status ==
          200);
  CHECK(Declaration(s, hnby, id)["status"] == 899);
  // Declared again (appType 1 after the withdrawal): the same declaration, screened at once.
  core::Inventory again = set.list;
  again.head.guid = "LIST-WD-3";
  REQUIRE(SubmitJson(s, hnby, {{"messages", {Item(again)}}}).status == 200);
  d = Declaration(s, hnby, id);
  CHECK(d["status"] == 2);
  CHECK(d["history"].back()["detail"]["missing"] == core::Json::array({"order"}));
  core::Json order_item = JsonItem("CEB311", core::OrderToJson(set.order));
  REQUIRE(SubmitJson(s, hnby, order_item).status == 200);
  d = Declaration(s, hnby, id);
  CHECK(d["status"] == 800);
  CHECK(d["set"]["inventory"]["version"] == 3);
}

}  // namespace
}  // namespace server::testing
