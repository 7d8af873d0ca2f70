// Tests for the risk models that compare declarations with what patrols saw, what mystery orders
// were charged and who paid: each hits with the records behind it and misses just under its
// threshold.
#include <doctest/doctest.h>

#include "core/risk.h"
#include "risk_fixtures.h"

namespace core {
namespace {

using testing::D;
using testing::Data;
using testing::Decl;
using testing::Hits;
using testing::Mentions;
using testing::Seen;

constexpr const char* kShop = "4101960001";

PromotionFiling Promo(const char* from, const char* to, Fen promo_price) {
  PromotionFiling f;
  f.id = "P1";
  f.enterprise_code = kShop;
  f.skus = {"SKU-1"};
  f.promo_price_fen = promo_price;
  f.normal_price_fen = 10000;
  f.from = D(from);
  f.to = D(to);
  f.filed_at = D("2026-05-01");
  return f;
}

RiskMysteryOrder Mystery(const char* placed_on, std::optional<int64_t> declaration) {
  RiskMysteryOrder m;
  m.id = testing::NextRiskId();
  m.enterprise_code = kShop;
  m.sku = "SKU-1";
  m.quantity = 1;
  m.status = declaration ? "matched" : "placed";
  m.placed_on = D(placed_on);
  m.declaration_id = declaration;
  return m;
}

}  // namespace

TEST_CASE("price below observed: a declared price under what the patrol saw at the shop") {
  RiskData d = Data({Decl("A", "2026-06-05", 9000)});
  d.observations = {Seen(kShop, "SKU-1", "2026-06-01", 10000),
                    Seen(kShop, "SKU-1", "2026-06-03", 12000)};
  std::vector<RiskHit> h = Hits(d, "PRICE_BELOW_OBSERVED");
  REQUIRE(h.size() == 1);  // 90.00 against the lowest seen, 100.00: 10% below, tolerance 5%
  CHECK(h[0].subject == std::to_string(d.declarations[0].id));
  CHECK(h[0].score == 100);
  CHECK(h[0].declarations == std::vector<int64_t>{d.declarations[0].id});
  CHECK(h[0].records == std::vector<RiskRecordRef>{{"observation", d.observations[0].id}});
  CHECK(Mentions(h[0].explanation_en, "10% below the 100.00 CNY"));
  CHECK(Mentions(h[0].explanation_zh, "2026-06-01"));
  // Not: exactly 5% below, a filed promotion at that price, or a sighting outside the window.
  d.declarations[0].lines[0].unit_price_fen = 9500;
  CHECK(Hits(d, "PRICE_BELOW_OBSERVED").empty());
  d.declarations[0].lines[0].unit_price_fen = 9000;
  d.promotions = {Promo("2026-06-01", "2026-06-10", 9000)};
  CHECK(Hits(d, "PRICE_BELOW_OBSERVED").empty());
  d.promotions.clear();
  d.declarations[0].date = D("2026-08-01");
  CHECK(Hits(d, "PRICE_BELOW_OBSERVED", RiskThresholds{}).empty());
}

TEST_CASE("freight below observed: nothing declared where the shop charges shipping") {
  RiskDeclaration r = Decl("A", "2026-06-05", 10000);
  r.freight_fen = 0;
  RiskData d = Data({r});
  d.observations = {Seen(kShop, "SKU-1", "2026-06-02", 10000, 1500)};
  std::vector<RiskHit> h = Hits(d, "FREIGHT_BELOW_OBSERVED");
  REQUIRE(h.size() == 1);
  CHECK(h[0].score == 100);  // nothing declared of 15.00
  CHECK(h[0].records == std::vector<RiskRecordRef>{{"observation", d.observations[0].id}});
  CHECK(Mentions(h[0].explanation_en, "0.00 CNY freight"));
  CHECK(Mentions(h[0].explanation_en, "15.00 CNY"));
  d.declarations[0].freight_fen = 1500;  // as shown: no hit
  CHECK(Hits(d, "FREIGHT_BELOW_OBSERVED").empty());
  // A mystery order charged 20.00 for the same list: the declared 15.00 is below it.
  RiskMysteryOrder m = Mystery("2026-06-04", r.id);
  m.freight_fen = 2000;
  d.mystery_orders = {m};
  h = Hits(d, "FREIGHT_BELOW_OBSERVED");
  REQUIRE(h.size() == 1);
  CHECK(h[0].score == 62);  // 5.00 short of 20.00
  CHECK(h[0].records == std::vector<RiskRecordRef>{{"mystery_order", m.id}});
  RiskThresholds loose;
  loose.freight_tolerance_fen = 500;
  CHECK(Hits(d, "FREIGHT_BELOW_OBSERVED", loose).empty());
}

TEST_CASE("mystery orders: tax charged above declared, goods paid above declared, none declared") {
  RiskDeclaration r = Decl("A", "2026-06-05", 10000);
  r.tax_fen = 0;
  RiskMysteryOrder m = Mystery("2026-06-04", r.id);
  m.tax_fen = 910;
  m.goods_fen = 12000;
  RiskData d = Data({r});
  d.mystery_orders = {m};
  std::vector<RiskHit> tax = Hits(d, "TAX_COLLECTED_NOT_DECLARED");
  REQUIRE(tax.size() == 1);
  CHECK(tax[0].subject == std::to_string(r.id));
  CHECK(tax[0].score == 100);
  CHECK(tax[0].records == std::vector<RiskRecordRef>{{"mystery_order", m.id}});
  CHECK(Mentions(tax[0].explanation_en, "charged 9.10 CNY in tax"));
  std::vector<RiskHit> paid = Hits(d, "MYSTERY_PAID_ABOVE_DECLARED");
  REQUIRE(paid.size() == 1);
  CHECK(paid[0].score == 58);  // 20.00 of 120.00
  CHECK(Mentions(paid[0].explanation_en, "120.00 CNY for the goods; its list declares 100.00"));
  // Declared as charged: neither.
  d.declarations[0].tax_fen = 910;
  d.mystery_orders[0].goods_fen = 10000;
  CHECK(Hits(d, "TAX_COLLECTED_NOT_DECLARED").empty());
  CHECK(Hits(d, "MYSTERY_PAID_ABOVE_DECLARED").empty());

  // Placed on 06-20, nothing declared by 06-30: ten days past a seven-day window.
  RiskData none = Data({});
  none.mystery_orders = {Mystery("2026-06-20", std::nullopt), Mystery("2026-06-25", std::nullopt)};
  std::vector<RiskHit> late = Hits(none, "MYSTERY_NO_DECLARATION");
  REQUIRE(late.size() == 1);
  CHECK(late[0].subject == kShop);
  CHECK(late[0].score == 71);  // 10 days against 7
  CHECK(late[0].records ==
        std::vector<RiskRecordRef>{{"mystery_order", none.mystery_orders[0].id}});
  CHECK(Mentions(late[0].explanation_en, "placed on 2026-06-20, 10 days ago"));
  none.mystery_orders[0].placed_on = D("2026-06-23");  // seven days: still within the window
  CHECK(Hits(none, "MYSTERY_NO_DECLARATION").empty());
  none.mystery_orders[0].placed_on = D("2026-06-01");
  none.mystery_orders[0].status = "failed";  // never went through
  CHECK(Hits(none, "MYSTERY_NO_DECLARATION").empty());
}

TEST_CASE("unfiled promotion: a price cut below the usual price with no filing") {
  std::vector<RiskDeclaration> ds = {Decl("A", "2026-06-01", 10000), Decl("B", "2026-06-02", 10000),
                                     Decl("C", "2026-06-03", 10000), Decl("D", "2026-06-04", 8500)};
  RiskData d = Data(ds);
  std::vector<RiskHit> h = Hits(d, "UNFILED_PROMOTION");
  REQUIRE(h.size() == 1);  // 85.00 against a usual 100.00: a 15% cut, threshold 10%
  CHECK(h[0].subject == kShop);
  CHECK(h[0].declarations == std::vector<int64_t>{ds[3].id});
  CHECK(h[0].score == 75);
  CHECK(Mentions(h[0].explanation_en, "usual 100.00 CNY (lowest 85.00 CNY, 15% below)"));
  d.promotions = {Promo("2026-06-04", "2026-06-04", 8000)};  // filed: covered
  CHECK(Hits(d, "UNFILED_PROMOTION").empty());
  d.promotions.clear();
  d.declarations[3].lines[0].unit_price_fen = 9000;  // 10%: not deeper than the threshold
  CHECK(Hits(d, "UNFILED_PROMOTION").empty());
  // A page showing a struck-through "was" price: the shop's own usual price.
  d.observations = {Seen(kShop, "SKU-9", "2026-06-10", 15000, std::nullopt, 20000)};
  h = Hits(d, "UNFILED_PROMOTION");
  REQUIRE(h.size() == 1);
  CHECK(h[0].records == std::vector<RiskRecordRef>{{"observation", d.observations[0].id}});
  CHECK(h[0].declarations.empty());
}

TEST_CASE("payers: a household near its limits, one payer for many buyers, payer not buyer") {
  // Two IDs at one address bought 21,000 each this year: 42,000 of 52,000 (80% is 41,600).
  std::vector<RiskDeclaration> home = {Decl("A", "2026-03-01", 2100000),
                                       Decl("B", "2026-04-01", 2100000),
                                       Decl("B", "2025-12-01", 2500000)};  // last year's
  for (RiskDeclaration& r : home) r.address_key = "home";
  std::vector<RiskHit> f = Hits(Data(home), "FAMILY_QUOTA_PRESSURE");
  REQUIRE(f.size() == 1);
  CHECK(f[0].subject == "home");
  CHECK(f[0].score == 50);
  CHECK(f[0].declarations == std::vector<int64_t>{home[0].id, home[1].id});
  CHECK(Mentions(f[0].explanation_en, "2 IDs at one address bought 42000.00 CNY this year, 80%"));
  home[1].value_fen = 2000000;  // 41,000: under 80%
  CHECK(Hits(Data(home), "FAMILY_QUOTA_PRESSURE").empty());

  std::vector<RiskDeclaration> paid;
  for (int i = 0; i < 5; ++i) {
    RiskDeclaration r = Decl("B" + std::to_string(i), "2026-06-01", 10000);
    r.payer_id = "PAYER";
    paid.push_back(r);
  }
  std::vector<RiskHit> p = Hits(Data(paid), "PAYER_MANY_BUYERS");
  REQUIRE(p.size() == 1);
  CHECK(p[0].subject == "PAYER");
  CHECK(p[0].declarations.size() == 5);
  CHECK(Mentions(p[0].explanation_en, "paid for 5 other buyers"));
  paid.pop_back();
  CHECK(Hits(Data(paid), "PAYER_MANY_BUYERS").empty());

  std::vector<RiskDeclaration> shop;
  for (int i = 0; i < 20; ++i) {
    RiskDeclaration r = Decl("C" + std::to_string(i), "2026-06-01", 10000, "PAYSHOP");
    r.payer_id = i < 4 ? "SOMEONE" : r.buyer_id;  // 4 of 20: 20%
    shop.push_back(r);
  }
  std::vector<RiskHit> n = Hits(Data(shop), "PAYER_NOT_BUYER");
  REQUIRE(n.size() == 1);
  CHECK(n[0].subject == "PAYSHOP");
  CHECK(n[0].declarations.size() == 4);
  CHECK(Mentions(n[0].explanation_en, "4 of the enterprise's 20 lists (20%"));
  shop[0].payer_id = shop[0].buyer_id;  // 3 of 20
  CHECK(Hits(Data(shop), "PAYER_NOT_BUYER").empty());
}

TEST_CASE("sold but not declared, declared but not listed") {
  RiskData d = Data({Decl("A", "2026-06-01", 10000)});
  d.observations = {Seen(kShop, "SKU-1", "2026-05-01", 10000), Seen(kShop, "X1", "2026-05-01", 1),
                    Seen(kShop, "X2", "2026-05-02", 1), Seen(kShop, "X3", "2026-05-03", 1),
                    Seen(kShop, "X3", "2026-06-20", 1)};
  std::vector<RiskHit> sold = Hits(d, "SOLD_NOT_DECLARED");
  REQUIRE(sold.size() == 1);  // X1..X3 on sale since May, never declared; SKU-1 was
  CHECK(sold[0].subject == kShop);
  CHECK(sold[0].records.size() == 3);
  CHECK(sold[0].records[2] == RiskRecordRef{"observation", d.observations[3].id});  // first seen
  CHECK(Mentions(sold[0].explanation_en, "3 SKUs on sale in the shop (X1, X2, X3)"));
  d.observations[3].date = D("2026-06-15");  // X3 on sale for 15 days only: within the grace
  d.observations.pop_back();
  CHECK(Hits(d, "SOLD_NOT_DECLARED").empty());

  RiskThresholds t;
  t.declared_not_listed_lists = 5;
  std::vector<RiskDeclaration> ds;
  for (int i = 0; i < 5; ++i) ds.push_back(Decl("B" + std::to_string(i), "2026-06-01", 10000));
  RiskData volume = Data(ds);
  volume.observations = {Seen(kShop, "OTHER", "2026-06-01", 1)};
  std::vector<RiskHit> nl = Hits(volume, "DECLARED_NOT_LISTED", t);
  REQUIRE(nl.size() == 1);
  CHECK(nl[0].declarations.size() == 5);
  CHECK(Mentions(nl[0].explanation_en, "SKU-1 was declared in 5 lists"));
  volume.declarations.pop_back();  // 4 lists
  CHECK(Hits(volume, "DECLARED_NOT_LISTED", t).empty());
  volume.declarations = ds;
  volume.observations.push_back(Seen(kShop, "SKU-1", "2026-06-02", 1));  // found after all
  CHECK(Hits(volume, "DECLARED_NOT_LISTED", t).empty());
  volume.observations = {Seen("ELSEWHERE", "OTHER", "2026-06-01", 1)};  // shop never patrolled
  CHECK(Hits(volume, "DECLARED_NOT_LISTED", t).empty());
}

}  // namespace core
