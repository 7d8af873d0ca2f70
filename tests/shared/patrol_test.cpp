// core/patrol.h: shop observations against declarations, mystery purchases against the
// declaration that followed.
#include "core/patrol.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "verdict_fixtures.h"

namespace core {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

std::vector<std::string> Codes(const Findings& f) {
  std::vector<std::string> out;
  for (const Finding& x : f) out.push_back(x.code);
  return out;
}

bool Has(const Findings& f, const std::string& code) {
  const std::vector<std::string> c = Codes(f);
  return std::find(c.begin(), c.end(), code) != c.end();
}

DeclaredItem Item(const char* sku, Fen filed, Fen lowest, std::optional<Fen> freight) {
  DeclaredItem d;
  d.sku = sku;
  d.name = std::string("商品") + sku;
  d.filed = true;
  d.filed_price = filed;
  d.lists = 3;
  d.lowest_unit_price = lowest;
  d.lowest_freight = freight;
  return d;
}

ListingObservation Seen(const char* sku, Fen price, std::optional<Fen> freight = 0) {
  ListingObservation o;
  o.sku = sku;
  o.name = std::string("商品") + sku;
  o.price = price;
  o.freight = freight;
  return o;
}

PatrolInput Input() {
  PatrolInput in;
  in.enterprise_code = "4101960001";
  in.date = D("2026-11-20");
  in.complete_listing = true;
  return in;
}

}  // namespace

TEST_CASE("patrol: an honest shop is consistent") {
  PatrolInput in = Input();
  in.declared = {Item("A1", 10000, 10000, 0), Item("B2", 25900, 25900, 1000)};
  in.observed = {Seen("A1", 10000), Seen("B2", 25900, 1000)};
  const PatrolVerdict v = ComparePatrol(in, Policy{});
  CHECK(v.outcome == "consistent");
  CHECK(v.findings.empty());
  REQUIRE(v.items.size() == 2);
  CHECK(v.items[1].matched_sku == "B2");
  CHECK(v.items[1].matched_by == "sku");
}

TEST_CASE("patrol: a declared price more than the tolerance below the listed one") {
  Policy policy;  // 500 bp
  PatrolInput in = Input();
  // Listed 100.00: the threshold is 95.00; 95.00 passes, 94.99 does not.
  in.declared = {Item("A1", 10000, 9500, 0)};
  in.observed = {Seen("A1", 10000)};
  CHECK(ComparePatrol(in, policy).findings.empty());
  in.declared[0].lowest_unit_price = 9499;
  PatrolVerdict v = ComparePatrol(in, policy);
  CHECK(Codes(v.findings) == std::vector<std::string>{"PRICE_BELOW_LISTED"});
  CHECK(v.findings[0].field == "observed[0].price");
  CHECK(v.findings[0].severity == Severity::kError);
  CHECK(v.findings[0].message_en.find("CNY 94.99") != std::string::npos);
  // A filed promotion covering the day at or below the declared price explains it.
  PromotionFiling f;
  f.id = "P1";
  f.enterprise_code = in.enterprise_code;
  f.skus = {"A1"};
  f.promo_price_fen = 9000;
  f.normal_price_fen = 10000;
  f.from = D("2026-11-11");
  f.to = D("2026-11-30");
  f.filed_at = D("2026-11-01");
  in.promotions = {f};
  CHECK_FALSE(Has(ComparePatrol(in, policy).findings, "PRICE_BELOW_LISTED"));
  // ... but not a promotion of another enterprise, nor one filed after the day.
  in.promotions[0].enterprise_code = "4101960099";
  CHECK(Has(ComparePatrol(in, policy).findings, "PRICE_BELOW_LISTED"));
  in.promotions[0].enterprise_code = in.enterprise_code;
  in.promotions[0].filed_at = D("2026-11-21");
  CHECK(Has(ComparePatrol(in, policy).findings, "PRICE_BELOW_LISTED"));
  // The tolerance is policy.
  policy.price_tolerance_bp = 1000;
  CHECK_FALSE(Has(ComparePatrol(in, policy).findings, "PRICE_BELOW_LISTED"));
}

TEST_CASE("patrol: freight charged but declared lower, at any amount") {
  PatrolInput in = Input();
  in.declared = {Item("A1", 10000, 10000, 0)};
  in.observed = {Seen("A1", 10000, 1000)};
  PatrolVerdict v = ComparePatrol(in, Policy{});
  CHECK(Codes(v.findings) == std::vector<std::string>{"FREIGHT_BELOW_OBSERVED"});
  in.declared[0].lowest_freight = 999;
  CHECK(Has(ComparePatrol(in, Policy{}).findings, "FREIGHT_BELOW_OBSERVED"));
  in.declared[0].lowest_freight = 1000;
  CHECK(ComparePatrol(in, Policy{}).findings.empty());
  // Free shipping, or freight not shown on the page: nothing to compare.
  in.declared[0].lowest_freight = 0;
  in.observed[0].freight = 0;
  CHECK(ComparePatrol(in, Policy{}).findings.empty());
  in.observed[0].freight.reset();
  CHECK(ComparePatrol(in, Policy{}).findings.empty());
}

TEST_CASE("patrol: a price cut with no filed promotion") {
  PatrolInput in = Input();
  in.declared = {Item("A1", 19900, 19900, 0)};
  in.observed = {Seen("A1", 14900)};
  in.observed[0].old_price = 19900;
  PatrolVerdict v = ComparePatrol(in, Policy{});
  CHECK(Has(v.findings, "PROMOTION_NOT_FILED"));
  // The declarations still at the normal price: no under-declaration.
  CHECK_FALSE(Has(v.findings, "PRICE_BELOW_LISTED"));
  // Without a filed normal price the struck-through price is the reference.
  in.declared[0].filed_price = 0;
  CHECK(Has(ComparePatrol(in, Policy{}).findings, "PROMOTION_NOT_FILED"));
  PromotionFiling f;
  f.id = "P9";
  f.enterprise_code = in.enterprise_code;
  f.skus = {"A1"};
  f.promo_price_fen = 14900;
  f.normal_price_fen = 19900;
  f.from = D("2026-11-20");
  f.to = D("2026-11-20");
  f.filed_at = D("2026-11-19");
  in.promotions = {f};
  CHECK(ComparePatrol(in, Policy{}).findings.empty());
}

TEST_CASE("patrol: goods sold but not declared, declared but not sold, and a front shop") {
  PatrolInput in = Input();
  in.declared = {Item("A1", 10000, 10000, 0), Item("B2", 5000, 5000, 0)};
  in.declared[1].lists = 0;  // filed, never declared
  in.observed = {Seen("A1", 10000), Seen("B2", 5000), Seen("ZZ", 7000)};
  PatrolVerdict v = ComparePatrol(in, Policy{});
  CHECK(Codes(v.findings) ==
        std::vector<std::string>{"GOODS_LISTED_NOT_DECLARED", "GOODS_LISTED_NOT_DECLARED"});
  CHECK(v.findings[0].message_en.find("(filed)") != std::string::npos);
  CHECK(v.findings[1].message_en.find("(not filed)") != std::string::npos);
  CHECK(v.items[2].matched_sku.empty());

  // Match by name when the shop shows no SKU.
  in.observed = {Seen("", 10000)};
  in.observed[0].name = "商品A1";
  v = ComparePatrol(in, Policy{});
  CHECK(v.items[0].matched_by == "name");
  CHECK(v.findings.empty());

  // A front: declarations, and none of the goods on the shop.
  in.declared[1].lists = 4;
  in.observed = {Seen("X1", 100), Seen("X2", 200)};
  v = ComparePatrol(in, Policy{});
  CHECK(Has(v.findings, "SHOP_LISTS_NO_DECLARED_GOODS"));
  const std::vector<std::string> codes = Codes(v.findings);
  CHECK(std::count(codes.begin(), codes.end(), "GOODS_DECLARED_NOT_LISTED") == 2);
  // A partial patrol cannot say what is not listed.
  in.complete_listing = false;
  v = ComparePatrol(in, Policy{});
  CHECK_FALSE(Has(v.findings, "SHOP_LISTS_NO_DECLARED_GOODS"));
  CHECK_FALSE(Has(v.findings, "GOODS_DECLARED_NOT_LISTED"));
}

TEST_CASE("mystery purchase: matched to the fen, or each difference named") {
  MysteryPurchase p;
  p.order_no = "SO20261120001";
  p.placed_on = D("2026-11-20");
  p.goods = 29900;
  p.freight = 1000;
  p.tax = 2721;
  p.total = 33621;
  p.sku = "A1";
  p.unit_price = 29900;
  DeclaredPurchase d;
  d.order_no = p.order_no;
  d.goods_value = 29900;
  d.freight = 1000;
  d.tax_total = 2721;
  d.actural_paid = 33621;
  d.unit_price = 29900;
  CHECK(MatchMysteryPurchase(p, d).outcome == "matched");

  d.freight = 0;
  d.tax_total = 2630;
  d.actural_paid = 32530;
  d.unit_price = 29900;
  MysteryMatch m = MatchMysteryPurchase(p, d);
  CHECK(m.outcome == "mismatch");
  CHECK(Codes(m.findings) == std::vector<std::string>{"MYSTERY_FREIGHT_UNDERDECLARED",
                                                      "MYSTERY_TAX_UNDERDECLARED",
                                                      "MYSTERY_PAID_UNDERDECLARED"});
  CHECK(m.findings[0].message_en == "Test order freight: charged CNY 10.00, declared CNY 0.00");

  d = DeclaredPurchase{};
  d.goods_value = 19900;
  d.freight = 1000;
  d.tax_total = 2721;
  d.actural_paid = 33621;
  d.unit_price = 19900;
  m = MatchMysteryPurchase(p, d);
  CHECK(Codes(m.findings) == std::vector<std::string>{"MYSTERY_GOODS_UNDERDECLARED",
                                                      "MYSTERY_UNIT_PRICE_UNDERDECLARED"});
  d.goods_value = 30000;
  d.unit_price = 30000;
  m = MatchMysteryPurchase(p, d);
  REQUIRE(m.findings.size() == 1);
  CHECK(m.findings[0].code == "MYSTERY_GOODS_OVERDECLARED");
  CHECK(m.findings[0].severity == Severity::kWarning);
}

TEST_CASE("mystery purchase: no declaration within the window") {
  MysteryPurchase p;
  p.order_no = "SO1";
  p.placed_on = D("2026-11-20");
  CHECK_FALSE(MysteryOverdue(p, D("2026-11-27"), 7).has_value());
  const std::optional<Finding> f = MysteryOverdue(p, D("2026-11-28"), 7);
  REQUIRE(f.has_value());
  CHECK(f->code == "MYSTERY_NO_DECLARATION");
  CHECK(f->severity == Severity::kError);
  CHECK(f->message_en.find("after 7 days") != std::string::npos);
}

TEST_CASE("patrol policy: look-back, mystery window and cycle divisors are data, bounded") {
  using namespace testing;
  const Policy& base = TestPolicy();
  CHECK(base.patrol_lookback_days == 90);
  CHECK(base.mystery_window_days == 7);
  CHECK(base.patrol_cycle_divisor.at("high") == 4);
  Json doc = TestPolicyJson();
  doc["mystery_window_days"] = 14;
  doc["patrol_cycle_divisor"] = {{"low", 1}, {"medium", 3}, {"high", 6}};
  const Policy p = Require(PolicyFromJson(doc));
  CHECK(p.mystery_window_days == 14);
  CHECK(p.patrol_cycle_divisor.at("medium") == 3);
  CHECK(PolicyToJson(p)["patrol_cycle_divisor"]["high"] == 6);
  CHECK(PolicyToJson(Require(PolicyFromJson(PolicyToJson(p)))) == PolicyToJson(p));
  doc["patrol_cycle_divisor"] = {{"low", 1}, {"medium", 0}, {"high", 6}};
  StatusOr<Policy> bad = PolicyFromJson(doc);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("patrol_cycle_divisor") != std::string::npos);
  doc["patrol_cycle_divisor"] = {{"low", 1}, {"medium", 2}, {"high", 4}, {"extreme", 9}};
  CHECK_FALSE(PolicyFromJson(doc).ok());
  doc.erase("patrol_cycle_divisor");
  doc["mystery_window_days"] = 0;
  CHECK_FALSE(PolicyFromJson(doc).ok());
}

}  // namespace core
