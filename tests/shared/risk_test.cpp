// Tests for the risk models: each with cases that must hit and cases that must not, the scores,
// the records behind each hit, the registry and the thresholds as data.
#include "core/risk.h"

#include <doctest/doctest.h>

#include <set>

#include "risk_fixtures.h"

namespace core {
namespace {

using testing::Data;
using testing::Decl;
using testing::Hits;

}  // namespace

TEST_CASE("split orders: lists under the limit within days that together pass it") {
  // 3,000 + 2,500 within two days at one shop: 5,500 > 5,000.
  RiskData d = Data({Decl("A", "2026-06-01", 300000), Decl("A", "2026-06-02", 250000),
                     Decl("A", "2026-06-20", 400000)});
  std::vector<RiskHit> h = Hits(d, "SPLIT_UNDER_LIMIT");
  REQUIRE(h.size() == 1);
  CHECK(h[0].subject == "A");
  CHECK(h[0].declarations == std::vector<int64_t>{d.declarations[0].id, d.declarations[1].id});
  CHECK(h[0].score == 55);  // 5,500 against 5,000
  CHECK(h[0].explanation_en.find("together 5500.00 CNY") != std::string::npos);
  // Not: the same lists a week apart, at two shops, or together under the limit.
  CHECK(Hits(Data({Decl("A", "2026-06-01", 300000), Decl("A", "2026-06-08", 250000)}),
             "SPLIT_UNDER_LIMIT")
            .empty());
  CHECK(Hits(Data({Decl("A", "2026-06-01", 300000), Decl("A", "2026-06-01", 250000, "OTHER")}),
             "SPLIT_UNDER_LIMIT")
            .empty());
  CHECK(Hits(Data({Decl("A", "2026-06-01", 200000), Decl("A", "2026-06-01", 250000)}),
             "SPLIT_UNDER_LIMIT")
            .empty());
  // A list over the limit on its own is no split (it is refused or taxed in full elsewhere).
  CHECK(Hits(Data({Decl("A", "2026-06-01", 600000), Decl("A", "2026-06-01", 100)}),
             "SPLIT_UNDER_LIMIT")
            .empty());
}

TEST_CASE("shared contacts: many IDs behind one phone or address, one ID at many addresses") {
  std::vector<RiskDeclaration> ds;
  for (const char* id : {"A", "B", "C"}) {
    RiskDeclaration r = Decl(id, "2026-06-01", 10000);
    r.phone_key = "13912345678";
    r.address_key = "home";
    ds.push_back(r);
  }
  RiskDeclaration lone = Decl("D", "2026-06-01", 10000);
  lone.phone_key = "13700000000";
  ds.push_back(lone);
  RiskData d = Data(ds);
  std::vector<RiskHit> phone = Hits(d, "SHARED_PHONE");
  REQUIRE(phone.size() == 1);
  CHECK(phone[0].subject == "13912345678");
  CHECK(phone[0].declarations.size() == 3);
  CHECK(phone[0].score == 50);               // exactly the threshold
  CHECK(Hits(d, "SHARED_ADDRESS").empty());  // 3 IDs, threshold 5
  RiskThresholds strict;
  strict.ids_per_address = 3;
  CHECK(Hits(d, "SHARED_ADDRESS", strict).size() == 1);

  std::vector<RiskDeclaration> moves;
  for (int i = 0; i < 5; ++i) {
    RiskDeclaration r = Decl("E", "2026-05-01", 10000);
    r.address_key = "addr" + std::to_string(i);
    moves.push_back(r);
  }
  CHECK(Hits(Data(moves), "ID_MANY_ADDRESSES").size() == 1);
  moves.pop_back();
  CHECK(Hits(Data(moves), "ID_MANY_ADDRESSES").empty());
  // Addresses older than a year do not count.
  std::vector<RiskDeclaration> old = moves;
  RiskDeclaration past = Decl("E", "2025-05-01", 10000);
  past.address_key = "addr-old";
  old.push_back(past);
  CHECK(Hits(Data(old), "ID_MANY_ADDRESSES").empty());
}

TEST_CASE("bulk consignee: one address receiving many lists within 30 days") {
  std::vector<RiskDeclaration> ds;
  for (int i = 0; i < 10; ++i) {
    RiskDeclaration r = Decl("B" + std::to_string(i), "2026-06-20", 10000);
    r.address_key = "depot";
    ds.push_back(r);
  }
  CHECK(Hits(Data(ds), "BULK_CONSIGNEE").size() == 1);
  CHECK(Hits(Data(ds, "2026-08-30"), "BULK_CONSIGNEE").empty());  // long ago by then
  ds.pop_back();
  CHECK(Hits(Data(ds), "BULK_CONSIGNEE").empty());
}

TEST_CASE("quantity beyond personal use and odd hours") {
  RiskDeclaration many = Decl("A", "2026-06-01", 100000);
  many.lines[0].qty_e5 = 24 * 100000;
  RiskDeclaration few = Decl("A", "2026-06-01", 100000);
  few.lines[0].qty_e5 = 10 * 100000;
  std::vector<RiskHit> q = Hits(Data({many, few}), "QTY_BEYOND_PERSONAL_USE");
  REQUIRE(q.size() == 1);
  CHECK(q[0].subject == std::to_string(many.id));
  CHECK(q[0].score == 100);  // 24 against 10: past twice the threshold

  std::vector<RiskDeclaration> night;
  for (int i = 0; i < 20; ++i) {
    RiskDeclaration r = Decl("N" + std::to_string(i), "2026-06-01", 10000, "NIGHTSHOP");
    r.hour = i < 8 ? 3 : 14;  // 40% at 3 h
    night.push_back(r);
  }
  std::vector<RiskHit> o = Hits(Data(night), "ODD_HOURS");
  REQUIRE(o.size() == 1);
  CHECK(o[0].subject == "NIGHTSHOP");
  CHECK(o[0].declarations.size() == 8);
  night.pop_back();  // 19 lists: too few to judge a share
  CHECK(Hits(Data(night), "ODD_HOURS").empty());
}

TEST_CASE("a burst of lists on one day, and a new enterprise with a sudden volume") {
  std::vector<RiskDeclaration> ds;
  const char* days[] = {"2026-06-01", "2026-06-02", "2026-06-03"};
  for (const char* day : days) {
    for (int i = 0; i < 4; ++i) ds.push_back(Decl("B", day, 10000, "STEADY"));
  }
  for (int i = 0; i < 20; ++i) ds.push_back(Decl("B", "2026-06-04", 10000, "STEADY"));
  std::vector<RiskHit> b = Hits(Data(ds), "BURST");
  REQUIRE(b.size() == 1);  // 20 lists against a median day of 4: five times
  CHECK(b[0].subject == "STEADY");
  CHECK(b[0].declarations.size() == 20);
  CHECK(b[0].explanation_en.find("2026-06-04") != std::string::npos);
  ds.pop_back();  // 19: below burst_min_lists
  CHECK(Hits(Data(ds), "BURST").empty());

  RiskThresholds small;
  small.new_enterprise_lists = 15;
  std::vector<RiskDeclaration> fresh;
  for (int i = 0; i < 15; ++i) fresh.push_back(Decl("C", "2026-06-20", 10000, "NEWCO"));
  CHECK(Hits(Data(fresh), "NEW_ENTERPRISE_SURGE", small).size() == 1);
  fresh.push_back(Decl("C", "2026-03-01", 10000, "NEWCO"));  // its first list long before
  CHECK(Hits(Data(fresh), "NEW_ENTERPRISE_SURGE", small).empty());
}

TEST_CASE("prices below the enterprise's own history and below other enterprises") {
  std::vector<RiskDeclaration> ds = {Decl("A", "2026-06-01", 10000), Decl("B", "2026-06-02", 10000),
                                     Decl("C", "2026-06-03", 10000), Decl("D", "2026-06-04", 6000)};
  std::vector<RiskHit> own = Hits(Data(ds), "PRICE_BELOW_OWN_HISTORY");
  REQUIRE(own.size() == 1);  // 60.00 against a median of 100.00: 40% below
  CHECK(own[0].subject == std::to_string(ds[3].id));
  CHECK(own[0].explanation_en.find("40% below") != std::string::npos);
  ds[3].lines[0].unit_price_fen = 7500;  // 25% below: within the 30% tolerance
  CHECK(Hits(Data(ds), "PRICE_BELOW_OWN_HISTORY").empty());

  std::vector<RiskDeclaration> peers = {Decl("A", "2026-06-01", 10000, "S1"),
                                        Decl("B", "2026-06-01", 11000, "S2"),
                                        Decl("C", "2026-06-01", 4000, "CHEAP")};
  std::vector<RiskHit> p = Hits(Data(peers), "PRICE_BELOW_PEERS");
  REQUIRE(p.size() == 1);
  CHECK(p[0].subject == "CHEAP");
  CHECK(p[0].declarations == std::vector<int64_t>{peers[2].id});
  peers.pop_back();  // two shops: each has one other, fewer than peer_min_enterprises
  CHECK(Hits(Data(peers), "PRICE_BELOW_PEERS").empty());
}

TEST_CASE("the registry documents every model; thresholds are data") {
  std::set<std::string> ids;
  for (const RiskModelInfo& m : RiskModels()) {
    CAPTURE(m.id);
    CHECK(ids.insert(m.id).second);
    CHECK_FALSE(m.name_zh.empty());
    CHECK_FALSE(m.looks_for_en.empty());
    CHECK_FALSE(m.thresholds.empty());
    const Json defaults = RiskThresholdsToJson(RiskThresholds{});
    for (const std::string& key : m.thresholds) CHECK(defaults.contains(key));
  }
  CHECK(ids.size() >= 31);
  StatusOr<RiskThresholds> t = RiskThresholdsFromJson({{"ids_per_phone", 4}});
  REQUIRE(t.ok());
  CHECK(t->ids_per_phone == 4);
  CHECK(t->ids_per_address == 5);  // default kept
  CHECK(RiskThresholdsFromJson({{"ids_per_fone", 4}}).status().message().find("ids_per_fone") !=
        std::string::npos);
  CHECK(RiskThresholdsFromJson({{"ids_per_phone", 1}}).status().message().find("ids_per_phone") !=
        std::string::npos);
  Json hit = RiskHitToJson(RiskHit{"SHARED_PHONE", "phone", "139", 50, {1, 2}, "zh", "en", {}});
  CHECK(hit["declarations"] == Json::array({1, 2}));
  CHECK(hit["records"] == Json::array());
  // Every threshold goes through JSON and back; records too.
  RiskThresholds changed;
  changed.prior_factor_pct = 300;
  changed.gate_weight_tolerance_bp = 250;
  StatusOr<RiskThresholds> back = RiskThresholdsFromJson(RiskThresholdsToJson(changed));
  REQUIRE(back.ok());
  CHECK(RiskThresholdsToJson(*back) == RiskThresholdsToJson(changed));
  CHECK(RiskThresholdsFromJson({{"prior_factor_pct", 100}})
            .status()
            .message()
            .find("prior_factor_pct") != std::string::npos);
  RiskHit with{"LEDGER_SHORTFALL",
               "enterprise",
               "E",
               60,
               {},
               "zh",
               "en",
               {{"stocktake", 7}, {"observation", 3}}};
  const Json j = RiskHitToJson(with);
  CHECK(j["records"][1] == Json{{"kind", "observation"}, {"id", 3}});
  CHECK(RiskRecordsFromJson(j["records"]) == with.records);
  CHECK(RiskRecordsFromJson(Json::array({{{"kind", 1}, {"id", 2}}, 5})).empty());
}

TEST_CASE("risk models one at a time give, together, what the whole run gives") {
  std::vector<RiskDeclaration> ds;
  for (const char* id : {"A", "B", "C", "D", "E"}) {
    RiskDeclaration r = Decl(id, "2026-06-01", 10000);
    r.phone_key = "13912345678";
    r.address_key = "home";
    ds.push_back(r);
  }
  ds.push_back(Decl("A", "2026-06-02", 300000));
  ds.push_back(Decl("A", "2026-06-02", 300000));
  const RiskData d = Data(ds);
  const std::vector<RiskHit> all = RunRiskModels(d, RiskThresholds{});
  std::vector<RiskHit> one_by_one;
  for (size_t i = 0; i <= RiskModels().size(); ++i) {  // one past the end: nothing
    for (RiskHit& h : RunRiskModel(d, RiskThresholds{}, i)) one_by_one.push_back(std::move(h));
  }
  REQUIRE(all.size() >= 3);  // shared phone, shared address, split
  REQUIRE(all.size() == one_by_one.size());
  for (size_t i = 0; i < all.size(); ++i) {
    CHECK(DumpJson(RiskHitToJson(all[i])) == DumpJson(RiskHitToJson(one_by_one[i])));
  }
}

}  // namespace core
