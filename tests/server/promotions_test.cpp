// Server tests: promotion filings over HTTP checked by the core (late, overlapping), a list
// priced below the filed normal price with no promotion covering it flagged, the summary of
// filed against transacted prices, and who sees which filings.
#include <doctest/doctest.h>

#include "service/supervision_hooks.h"
#include "supervision_fixtures.h"

namespace server::testing {
namespace {

core::Json Promotion(const std::string& from, const std::string& to, int64_t promo = 30000) {
  return {{"promotion",
           {{"skus", {"HNBY-0010"}},
            {"promo_price_fen", promo},
            {"normal_price_fen", 39900},
            {"from", from},
            {"to", to}}}};
}

// hnby's shaver (goods filing HNBY-0010, declared unit price 39900) sold at `price`.
CebSet ShaverSet(const std::string& key, core::Fen price, const std::string& decl_date) {
  SetSpec spec = Spec(key);
  spec.price = price;
  spec.decl_date = decl_date;
  CebSet set = MakeSet(spec);
  set.order.lines[0].item_no = "HNBY-0010";
  set.list.lines[0].item_no = "HNBY-0010";
  return set;
}

std::string StatusOfLine(const core::Json& check) {
  REQUIRE(check["lines"].size() == 1);
  return check["lines"][0]["status"].get<std::string>();
}

core::Json CheckPrices(TestServer& s, const core::Inventory& list) {
  auto db = s.OpenDb();
  core::StatusOr<core::Json> r = CheckListPromotions(s.app(), *db, list);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return *r;
}

TEST_CASE("promotions are filed with the core's check; late and overlapping ones are flagged") {
  TestServer s({.seed_demo = true});
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  auto before = SupervisionCounts(s);
  Response ok = s.Post("/api/v1/promotions", Promotion("2026-11-26", "2026-12-10"), hnby);
  REQUIRE_MESSAGE(ok.status == 201, ok.body);
  CHECK(ok.json["promotion"]["outcome"] == "ok");
  CHECK(ok.json["promotion"]["filing"]["enterprise_code"] == kHnbyCode);
  CHECK(ok.json["promotion"]["filing"]["filed_at"] == kToday);
  CHECK(s.Count("promotions") == before["promotions"] + 1);
  CHECK(s.Count("audit_log") == before["audit_log"] + 1);

  Response overlap = s.Post("/api/v1/promotions", Promotion("2026-12-01", "2026-12-20"), hnby);
  REQUIRE(overlap.status == 201);
  CHECK(overlap.json["promotion"]["outcome"] == "flagged");
  CHECK(CodesOf(overlap.json["promotion"]["check"]["findings"]).find("PROMOTION_OVERLAP") !=
        std::string::npos);
  Response late = s.Post("/api/v1/promotions", Promotion("2026-11-20", "2026-11-30", 31000), hnby);
  REQUIRE(late.status == 201);
  CHECK(CodesOf(late.json["promotion"]["check"]["findings"]).find("PROMOTION_FILED_LATE") !=
        std::string::npos);

  // A period already over, and malformed filings, are refused with nothing stored.
  auto mid = SupervisionCounts(s);
  CHECK(s.Post("/api/v1/promotions", Promotion("2026-11-01", "2026-11-25"), hnby).status == 409);
  core::Json no_skus = Promotion("2026-11-26", "2026-12-10");
  no_skus["promotion"].erase("skus");
  core::Json extra = Promotion("2026-11-26", "2026-12-10");
  extra["promotion"]["id"] = "7";
  core::Json reversed = Promotion("2026-12-10", "2026-11-26");
  for (const core::Json& body : {no_skus, extra, reversed}) {
    CAPTURE(core::DumpJson(body));
    CHECK(s.Post("/api/v1/promotions", body, hnby).status == 400);
  }
  CHECK(SupervisionCounts(s) == mid);

  // Another enterprise sees none of it; an officer sees all.
  std::string jp = s.Login("jpbeauty", kEnterprisePassword);
  std::string id = std::to_string(ok.json["promotion"]["id"].get<int64_t>());
  CHECK(s.Get("/api/v1/promotions/" + id, jp).status == 404);
  CHECK(s.Get("/api/v1/promotions/" + id + "/summary", jp).status == 404);
  CHECK(s.Get("/api/v1/promotions", jp).body.find(kHnbyCode) == std::string::npos);
  CHECK(s.Get("/api/v1/promotions/" + id, s.Login("officer", kOfficerPassword)).status == 200);
}

TEST_CASE("a list below the filed normal price needs a promotion covering it") {
  TestServer s({.seed_demo = true});
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  std::string admin = s.Login("admin", kAdminPassword);
  REQUIRE(s.Post("/api/v1/promotions", Promotion("2026-11-26", "2026-12-10"), hnby).status == 201);

  // Declared before the promotion's period: below the goods filing's 39900 with no promotion.
  CebSet early = ShaverSet("P001", 30000, "20261120");
  core::Json flagged = CheckPrices(s, early.list);
  CHECK(flagged["outcome"] == "flagged");
  CHECK(StatusOfLine(flagged) == "below_filed_no_promotion");
  CHECK(flagged["lines"][0]["normal_price_fen"] == 39900);
  CHECK(CodesOf(flagged["findings"]).find("PRICE_BELOW_FILED_NO_PROMOTION") != std::string::npos);
  int64_t held = SubmitSet(s, admin, early);
  core::Json d = Declaration(s, officer, held);
  CHECK(d["status_name"] != "released");
  CHECK(core::DumpJson(d).find("PRICE_BELOW_FILED_NO_PROMOTION") != std::string::npos);

  // Within the period at the promotional price: covered; at the normal price: normal.
  CHECK(StatusOfLine(CheckPrices(s, ShaverSet("P002", 30000, "20261126").list)) == "promotion");
  CHECK(StatusOfLine(CheckPrices(s, ShaverSet("P003", 39900, "20261120").list)) == "normal");
  // An enterprise with no filings and no filed prices is not checked.
  SetSpec other = Spec("P004");
  other.ebc = kZzpayCode;
  CHECK(CheckPrices(s, MakeSet(other).list).empty());
}

TEST_CASE("the promotion summary compares the filed price with the released lists") {
  TestServer s({.seed_demo = true});
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  std::string admin = s.Login("admin", kAdminPassword);
  Response p = s.Post("/api/v1/promotions", Promotion("2026-11-26", "2026-12-10"), hnby);
  REQUIRE(p.status == 201);
  std::string id = std::to_string(p.json["promotion"]["id"].get<int64_t>());

  CebSet sold = ShaverSet("S001", 30000, "20261126");
  int64_t released = SubmitSet(s, admin, sold);
  REQUIRE_MESSAGE(Declaration(s, officer, released)["status_name"] == "released",
                  core::DumpJson(Declaration(s, officer, released)["history"]));
  // Outside the period (and flagged): not in the summary.
  SubmitSet(s, admin, ShaverSet("S002", 30000, "20261120"));

  Response summary = s.Get("/api/v1/promotions/" + id + "/summary", hnby);
  REQUIRE_MESSAGE(summary.status == 200, summary.body);
  CHECK(summary.json["outcome"] == "summarised");
  CHECK(summary.json["decision_date"] == kToday);
  REQUIRE(summary.json["summaries"].size() == 1);
  const core::Json& one = summary.json["summaries"][0];
  CHECK(one["status"] == "open");
  CHECK(one["line_count"] == 1);
  CHECK(one["qty"] == "1");
  CHECK(one["avg_price_fen"] == 30000);
  CHECK(one["value_fen"] == 30000);
  CHECK(one["lines_below_promo"] == 0);
}

}  // namespace
}  // namespace server::testing
