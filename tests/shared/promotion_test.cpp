// Tests for promotion filings: declared prices against the filed normal price and covering
// promotions (the tolerance's exact boundary, late filings, the lowest covering price), the
// check of a new filing, the after-period summary, and the JSON entry points.
#include "core/promotion.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/ledger_api.h"
#include "verdict_fixtures.h"

namespace core {
namespace {

using testing::Require;
using testing::TestPolicy;

constexpr const char* kEnt = "4101960ABC";

Date D(const char* iso) { return Date::Parse(iso).value(); }

PromotionFiling Filing(std::string id, Fen promo, Fen normal, const char* from, const char* to,
                       const char* filed, std::vector<std::string> skus = {"SKU1"},
                       std::string enterprise = kEnt) {
  return PromotionFiling{
      std::move(id), std::move(enterprise), std::move(skus), promo, normal, D(from), D(to),
      D(filed)};
}

PriceLine Line(const char* date, Fen price, const char* qty = "1", std::string sku = "SKU1") {
  return PriceLine{"INV1/1", std::move(sku), price, D(date), ParseQty(qty).value()};
}

PromotionCheck Check(const std::vector<PromotionFiling>& filings,
                     const std::vector<PriceLine>& lines,
                     const std::vector<NormalPrice>& normal = {{"SKU1", 9999}}) {
  return CheckPriceLines(kEnt, filings, normal, lines, TestPolicy());
}

std::vector<std::string> Codes(const Findings& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.code);
  return out;
}

TEST_CASE("a price more than the tolerance below the normal price needs a promotion") {
  // 9,999 fen less 5% is 9,499.05: 9,500 is within, 9,499 is not.
  PromotionCheck ok = Check({}, {Line("2026-06-01", 9500)});
  CHECK(ok.outcome == "ok");
  CHECK(ok.lines[0].status == "normal");
  CHECK(ok.lines[0].threshold_fen == 9500);
  CHECK(ok.lines[0].normal_price_source == "normal_prices");
  PromotionCheck low = Check({}, {Line("2026-06-01", 9499)});
  CHECK(low.outcome == "flagged");
  CHECK(low.lines[0].status == "below_filed_no_promotion");
  REQUIRE(Codes(low.findings) == std::vector<std::string>{"PRICE_BELOW_FILED_NO_PROMOTION"});
  CHECK(low.findings[0].field == "lines[0].price_fen");
  CHECK(low.findings[0].message_en.find("CNY 94.99 is more than 5% below the filed normal "
                                        "price CNY 99.99") != std::string::npos);
}

TEST_CASE("a promotion covers its SKUs and days; below its price is a finding") {
  const std::vector<PromotionFiling> filings = {
      Filing("P1", 7000, 9999, "2026-06-01", "2026-06-18", "2026-05-20")};
  PromotionCheck c = Check(filings,
                           {Line("2026-06-18", 7000), Line("2026-06-10", 6999),
                            Line("2026-06-19", 7000), Line("2026-06-10", 7000, "1", "SKU2")},
                           {{"SKU1", 9999}, {"SKU2", 9999}});
  CHECK(c.lines[0].status == "promotion");
  CHECK(c.lines[0].promotion_id == "P1");
  CHECK(*c.lines[0].promo_price_fen == 7000);
  CHECK(c.lines[1].status == "below_promotion");
  CHECK(c.lines[2].status == "below_filed_no_promotion");  // the day after
  CHECK(c.lines[3].status == "below_filed_no_promotion");  // a SKU it does not name
  CHECK(Codes(c.findings) == std::vector<std::string>{"PRICE_BELOW_PROMOTION",
                                                      "PRICE_BELOW_FILED_NO_PROMOTION",
                                                      "PRICE_BELOW_FILED_NO_PROMOTION"});
  CHECK(c.findings[0].field == "lines[1].price_fen");
  CHECK(c.findings[0].message_en.find("below the promotional price CNY 70.00 filed in "
                                      "promotion P1") != std::string::npos);
}

TEST_CASE("a late filing covers only from the day it was filed, and is named") {
  const std::vector<PromotionFiling> filings = {
      Filing("LATE", 7000, 9999, "2026-06-01", "2026-06-18", "2026-06-05")};
  CHECK(IsLate(filings[0]));
  PromotionCheck c = Check(filings, {Line("2026-06-03", 7000), Line("2026-06-05", 7000)});
  CHECK(c.lines[0].status == "below_filed_no_promotion");
  CHECK(c.lines[1].status == "promotion");
  REQUIRE(Codes(c.findings) ==
          std::vector<std::string>{"PRICE_BELOW_FILED_NO_PROMOTION", "PROMOTION_FILED_LATE"});
  CHECK(c.findings[1].message_en.find("filed on 2026-06-05, after its start on 2026-06-01; "
                                      "2026-06-03 is not covered") != std::string::npos);
}

TEST_CASE("of overlapping promotions the lowest price applies; other enterprises' do not") {
  const std::vector<PromotionFiling> filings = {
      Filing("P1", 8000, 9999, "2026-06-01", "2026-06-30", "2026-05-01"),
      Filing("P2", 6000, 9999, "2026-06-10", "2026-06-12", "2026-05-01"),
      Filing("X", 1000, 9999, "2026-06-01", "2026-06-30", "2026-05-01", {"SKU1"}, "OTHER")};
  PromotionCheck c = Check(
      filings, {Line("2026-06-11", 6500), Line("2026-06-20", 6500), Line("2026-06-20", 1000)});
  CHECK(c.lines[0].promotion_id == "P2");
  CHECK(c.lines[0].status == "promotion");
  CHECK(c.lines[1].promotion_id == "P1");
  CHECK(c.lines[1].status == "below_promotion");
  CHECK(c.lines[2].status == "below_promotion");
  CHECK(Covers(filings[2], "OTHER", "SKU1", D("2026-06-20")));
  CHECK_FALSE(Covers(filings[2], kEnt, "SKU1", D("2026-06-20")));
}

TEST_CASE("without a filed normal price the latest filing's is used, else nothing is checked") {
  const std::vector<PromotionFiling> filings = {
      Filing("OLD", 5000, 8000, "2026-01-01", "2026-01-10", "2025-12-01"),
      Filing("NEW", 5000, 10000, "2026-03-01", "2026-03-10", "2026-02-01")};
  PromotionCheck c =
      Check(filings, {Line("2026-06-01", 9000), Line("2026-06-01", 1, "1", "SKU9")}, {});
  CHECK(*c.lines[0].normal_price_fen == 10000);
  CHECK(c.lines[0].normal_price_source == "filing:NEW");
  CHECK(c.lines[0].status == "below_filed_no_promotion");
  CHECK(c.lines[1].status == "no_normal_price");
  CHECK(Codes(c.findings) ==
        std::vector<std::string>{"PRICE_BELOW_FILED_NO_PROMOTION", "PRICE_NORMAL_UNKNOWN"});
  CHECK(c.findings[1].severity == Severity::kInfo);
}

TEST_CASE("the price tolerance comes from the policy") {
  Json doc = testing::TestPolicyJson();
  doc["price_tolerance_bp"] = 0;
  const Policy strict = Require(PolicyFromJson(doc));
  PromotionCheck c =
      CheckPriceLines(kEnt, {}, {{"SKU1", 9999}}, {Line("2026-06-01", 9998)}, strict);
  CHECK(c.lines[0].threshold_fen == 9999);
  CHECK(c.lines[0].status == "below_filed_no_promotion");
}

TEST_CASE("a new filing is checked: late, not a reduction, overlapping, another normal price") {
  PromotionFiling f =
      Filing("N", 9999, 9999, "2026-06-01", "2026-06-10", "2026-06-02", {"SKU1", "SKU2"});
  const std::vector<PromotionFiling> others = {
      Filing("A", 7000, 9999, "2026-06-10", "2026-06-20", "2026-05-01", {"SKU2"}),
      Filing("B", 7000, 9999, "2026-06-11", "2026-06-20", "2026-05-01", {"SKU1"}),
      Filing("C", 7000, 9999, "2026-06-01", "2026-06-20", "2026-05-01", {"SKU1"}, "OTHER"), f};
  PromotionCheck c = CheckFiling(f, others, {{"SKU1", 9999}, {"SKU2", 12000}});
  CHECK(c.outcome == "flagged");
  CHECK(Codes(c.findings) ==
        std::vector<std::string>{"PROMOTION_FILED_LATE", "PROMOTION_PRICE_NOT_BELOW_NORMAL",
                                 "PROMOTION_OVERLAP", "PROMOTION_NORMAL_PRICE_DIFFERS"});
  CHECK(c.findings[2].message_en.find("overlaps promotion A") != std::string::npos);
  PromotionFiling good = Filing("G", 7000, 9999, "2026-07-01", "2026-07-10", "2026-06-20");
  PromotionCheck ok = CheckFiling(good, others, {{"SKU1", 9999}});
  CHECK(ok.outcome == "ok");
  CHECK(ok.findings.empty());
}

TEST_CASE("the summary compares the filed price with prices and volumes transacted") {
  const std::vector<PromotionFiling> filings = {
      Filing("P2", 7000, 9999, "2026-06-10", "2026-06-30", "2026-05-01", {"SKU2"}),
      Filing("P1", 7000, 9999, "2026-06-01", "2026-06-05", "2026-05-01"),
      Filing("P0", 5000, 9999, "2026-07-01", "2026-07-05", "2026-07-02", {"SKU3"})};
  const std::vector<PriceLine> lines = {
      Line("2026-06-01", 7000, "2"), Line("2026-06-02", 7001, "1"), Line("2026-06-05", 6900, "0.5"),
      Line("2026-06-06", 100, "9"),  // after P1
      Line("2026-06-03", 100, "9", "SKU9")};
  PromotionSummaryResult r = SummarisePromotions(kEnt, filings, lines, D("2026-06-20"));
  REQUIRE(r.summaries.size() == 3);
  const PromotionSummary& p1 = r.summaries[0];
  CHECK(p1.filing.id == "P1");
  CHECK(p1.status == "closed");
  CHECK(p1.line_count == 3);
  CHECK(FormatQty(p1.qty) == "3.5");
  CHECK(*p1.min_price_fen == 6900);
  CHECK(*p1.max_price_fen == 7001);
  // (7000 x 2 + 7001 + 6900 x 0.5) / 3.5 = 24451 / 3.5 = 6986.0 exactly.
  CHECK(p1.value_fen == 24451);
  CHECK(*p1.avg_price_fen == 6986);
  CHECK(p1.lines_below_promo == 1);
  CHECK(FormatQty(p1.qty_below_promo) == "0.5");
  CHECK(r.summaries[1].filing.id == "P2");
  CHECK(r.summaries[1].status == "open");
  CHECK(r.summaries[1].line_count == 0);
  CHECK_FALSE(r.summaries[1].avg_price_fen.has_value());
  CHECK(r.summaries[2].status == "not_started");
  CHECK(r.summaries[2].late);
  CHECK(Codes(r.findings) == std::vector<std::string>{"PROMOTION_SOLD_BELOW_PRICE",
                                                      "PROMOTION_PERIOD_OPEN", "PROMOTION_NO_SALES",
                                                      "PROMOTION_PERIOD_OPEN", "PROMOTION_NO_SALES",
                                                      "PROMOTION_FILED_LATE"});
  CHECK(r.findings[0].field == "summaries[0].lines_below_promo");
}

TEST_CASE("the summary's average is rounded half up to the fen") {
  const std::vector<PromotionFiling> filings = {
      Filing("P", 100, 200, "2026-06-01", "2026-06-05", "2026-05-01")};
  PromotionSummaryResult r = SummarisePromotions(
      kEnt, filings, {Line("2026-06-01", 100), Line("2026-06-02", 101)}, D("2026-07-01"));
  CHECK(*r.summaries[0].avg_price_fen == 101);  // 100.5
  PromotionSummaryResult down = SummarisePromotions(
      kEnt, filings, {Line("2026-06-01", 100, "2"), Line("2026-06-02", 101)}, D("2026-07-01"));
  CHECK(*down.summaries[0].avg_price_fen == 100);  // 100.33
  CHECK(down.summaries[0].value_fen == 301);
}

TEST_CASE("PromotionCheckJson and PromotionSummaryJson read strictly") {
  const std::string filings = R"("filings": [{"id": "P1", "enterprise_code": "4101960ABC",
      "skus": ["SKU1"], "promo_price_fen": 7000, "normal_price_fen": 9999,
      "from": "2026-06-01", "to": "2026-06-18", "filed_at": "2026-05-20"}])";
  Json c = ParseJson(PromotionCheckJson(R"({"enterprise_code": "4101960ABC", )" + filings +
                                            R"(, "lines": [{"ref": "I1/1", "sku": "SKU1",
      "price_fen": 6000, "date": "2026-06-02"}]})",
                                        TestPolicy()))
               .value();
  CHECK(c["outcome"] == "flagged");
  CHECK(c["lines"][0]["status"] == "below_promotion");
  CHECK(c["lines"][0]["normal_price_source"] == "filing:P1");
  Json s = ParseJson(PromotionSummaryJson(R"({"enterprise_code": "4101960ABC", )" + filings +
                                          R"(, "decision_date": "2026-07-01", "lines": [
      {"sku": "SKU1", "price_fen": 7000, "date": "2026-06-02", "qty": "3"}]})"))
               .value();
  CHECK(s["outcome"] == "summarised");
  CHECK(s["summaries"][0]["avg_price_fen"] == 7000);
  CHECK(s["summaries"][0]["qty"] == "3");

  auto error = [](const std::string& out) {
    Json j = ParseJson(out).value();
    return j.contains("error") ? j["error"]["message"].get<std::string>() : std::string();
  };
  CHECK(error(PromotionSummaryJson(R"({"enterprise_code": "E", )" + filings +
                                   R"(, "decision_date": "2026-07-01", "lines": [
      {"sku": "SKU1", "price_fen": 7000, "date": "2026-06-02"}]})")) ==
        "field 'lines[0].qty' is required");
  CHECK(error(PromotionCheckJson(R"({"enterprise_code": "E", "lines": [{"sku": "S",
      "price_fen": 70.5, "date": "2026-06-02"}]})",
                                 TestPolicy()))
            .find("lines[0].price_fen") != std::string::npos);
  CHECK(error(PromotionCheckJson(R"({"enterprise_code": "E", "filings": [{"id": "P",
      "enterprise_code": "E", "skus": ["S"], "promo_price_fen": 1, "normal_price_fen": 2,
      "from": "2026-06-05", "to": "2026-06-01", "filed_at": "2026-05-01"}], "lines": []})",
                                 TestPolicy())) == "field 'filings[0].to' must not be before from");
  CHECK(error(PromotionCheckJson(R"({"enterprise_code": "E", "lines": [], "filing": {}})",
                                 TestPolicy()))
            .find("either") != std::string::npos);
  CHECK(error(PromotionCheckJson(R"({"enterprise_code": "E", "filing": {"id": "P",
      "enterprise_code": "OTHER", "skus": ["S"], "promo_price_fen": 1, "normal_price_fen": 2,
      "from": "2026-06-01", "to": "2026-06-01", "filed_at": "2026-05-01"}})",
                                 TestPolicy())) ==
        "field 'filing.enterprise_code' is not the request's enterprise_code");
}

}  // namespace
}  // namespace core
