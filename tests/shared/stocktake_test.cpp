// Tests for stocktakes: counts against the book at the stocktake date; shortages valued and taxed
// in full (DOMAIN §1.5 T6 figures) or referred; surpluses; customs re-counts; SKUs left out; the
// due date by grade; the JSON forms.
#include "core/stocktake.h"

#include <doctest/doctest.h>

#include "ledger_fixtures.h"
#include "tax_fixtures.h"

namespace core {
namespace {

using testing::Book;
using testing::D;
using testing::FindCode;
using testing::In;
using testing::Out;
using testing::Q;
using testing::Rates;
using testing::TestPolicy;

// Shavers (85101000: duty 10%, VAT 13%) and face cream: 10 + 5 shavers in, 3 out on 05-10;
// 20 creams in. On 05-20 the book holds 12 shavers and 20 creams.
Ledger ShaverBook() {
  LedgerEntry shaver = In("L1", "2026-05-01", 1, "SHAVER", "10");
  shaver.code10 = "8510100000";
  LedgerEntry more = In("L2", "2026-05-05", 1, "SHAVER", "5");
  more.code10 = "8510100000";
  LedgerEntry sold = Out("O1", "2026-05-10", 1, "SHAVER", "3");
  sold.code10 = "8510100000";
  return Book({shaver, more, sold, In("L3", "2026-05-01", 2, "CREAM", "20")});
}

StocktakeInput Count(std::vector<StocktakeCount> counts, const char* date = "2026-05-20") {
  StocktakeInput in;
  in.date = D(date);
  in.method = StocktakeMethod::kSelfCount;
  in.counts = std::move(counts);
  in.unit_values = {{"SHAVER", 300000}, {"CREAM", 15000}};
  return in;
}

StocktakeResult Compare(const StocktakeInput& in, const Ledger& l = ShaverBook()) {
  StatusOr<StocktakeResult> r = CompareStocktake(l, in, Rates(), TestPolicy());
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return std::move(r).value();
}

const StocktakeLine& Line(const StocktakeResult& r, const std::string& sku) {
  for (const StocktakeLine& l : r.lines) {
    if (l.sku == sku) return l;
  }
  FAIL("no line " << sku);
  return r.lines.front();
}

}  // namespace

TEST_CASE("a count that matches the book at the date is consistent") {
  StocktakeResult r = Compare(Count({{"SHAVER", Q("12"), {}}, {"CREAM", Q("20"), {}}}));
  CHECK(r.outcome == "consistent");
  CHECK(r.shortage_action.empty());
  CHECK(r.findings.empty());
  CHECK(Line(r, "SHAVER").book == Q("12"));
  CHECK(Line(r, "SHAVER").status == "match");
  // Before the release on 05-10 the book held 15.
  StocktakeResult earlier =
      Compare(Count({{"SHAVER", Q("15"), {}}, {"CREAM", Q("20"), {}}}, "2026-05-09"));
  CHECK(earlier.outcome == "consistent");
}

TEST_CASE("a shortage owes the full tax of the missing goods") {
  // Two shavers missing at 3,000.00 each: P = 6,000.00, duty 600.00, VAT 858.00 (T6).
  StocktakeResult r = Compare(Count({{"SHAVER", Q("10"), {}}, {"CREAM", Q("20"), {}}}));
  CHECK(r.outcome == "shortage");
  CHECK(r.shortage_action == "supplementary_tax");
  const StocktakeLine& l = Line(r, "SHAVER");
  CHECK(l.status == "shortage");
  CHECK(l.difference == Qty{-Q("2").e5});
  CHECK(l.shortage_value_fen == 600000);
  CHECK(r.duty_fen == 60000);
  CHECK(r.vat_fen == 85800);
  CHECK(r.tax_fen == 145800);
  CHECK(l.tax_fen == 145800);
  const Finding* f = FindCode(r.findings, "STOCKTAKE_SHORTAGE");
  REQUIRE(f != nullptr);
  CHECK(f->field == "stocktake.counts[0]");
  CHECK(f->message_en.find("12 件 on the book, 10 件 counted: 2 件 left the area") !=
        std::string::npos);
  CHECK(FindCode(r.findings, "STOCKTAKE_REFERRAL") == nullptr);
}

TEST_CASE("a shortage is referred when its tax reaches the threshold or its value is unknown") {
  Policy strict = TestPolicy();
  strict.stocktake_referral_tax_fen = 145800;  // exactly the tax of two shavers
  StatusOr<StocktakeResult> r = CompareStocktake(
      ShaverBook(), Count({{"SHAVER", Q("10"), {}}, {"CREAM", Q("20"), {}}}), Rates(), strict);
  REQUIRE(r.ok());
  CHECK(r->shortage_action == "referral");
  CHECK(FindCode(r->findings, "STOCKTAKE_REFERRAL") != nullptr);

  StocktakeInput unvalued = Count({{"SHAVER", Q("12"), {}}, {"CREAM", Q("19"), {}}});
  unvalued.unit_values.erase("CREAM");
  StocktakeResult u = Compare(unvalued);
  CHECK(u.shortage_action == "referral");
  CHECK(FindCode(u.findings, "STOCKTAKE_VALUE_UNKNOWN") != nullptr);
  CHECK(Line(u, "CREAM").shortage_value_fen == 0);
}

TEST_CASE("a surplus, a SKU the book never held, and a shortage together") {
  StocktakeResult r =
      Compare(Count({{"SHAVER", Q("13.5"), {}}, {"CREAM", Q("19"), {}}, {"GHOST", Q("4"), {}}}));
  CHECK(r.outcome == "shortage_and_surplus");
  CHECK(Line(r, "SHAVER").status == "surplus");
  CHECK(Line(r, "SHAVER").difference == Q("1.5"));
  CHECK(Line(r, "GHOST").status == "surplus");
  CHECK(Line(r, "GHOST").book == Qty{0});
  CHECK(Line(r, "CREAM").shortage_value_fen == 15000);
  int surpluses = 0;
  for (const Finding& f : r.findings) surpluses += f.code == "STOCKTAKE_SURPLUS";
  CHECK(surpluses == 2);
}

TEST_CASE("customs' re-count decides, and a count that differs from it is a finding") {
  StocktakeResult r = Compare(Count({{"SHAVER", Q("12"), Q("11")}, {"CREAM", Q("20"), Q("20")}}));
  CHECK(r.outcome == "shortage");
  CHECK(Line(r, "SHAVER").accepted == Q("11"));
  const Finding* f = FindCode(r.findings, "STOCKTAKE_RECOUNT_DIFFERS");
  REQUIRE(f != nullptr);
  CHECK(f->field == "stocktake.counts[0].recounted");
  CHECK(Line(r, "CREAM").status == "match");
}

TEST_CASE("a SKU with stock left out makes the stocktake incomplete") {
  StocktakeResult r = Compare(Count({{"SHAVER", Q("12"), {}}}));
  CHECK(r.outcome == "incomplete");
  CHECK(r.shortage_action.empty());
  CHECK(Line(r, "CREAM").status == "not_counted");
  CHECK(FindCode(r.findings, "STOCKTAKE_SKU_NOT_COUNTED") != nullptr);
  CHECK(r.tax_fen == 0);
}

TEST_CASE("malformed stocktakes are refused naming the field") {
  StatusOr<StocktakeResult> twice =
      CompareStocktake(ShaverBook(), Count({{"SHAVER", Q("12"), {}}, {"SHAVER", Q("1"), {}}}),
                       Rates(), TestPolicy());
  CHECK(twice.status().message().find("stocktake.counts[1].sku") != std::string::npos);
  StatusOr<StocktakeResult> early = CompareStocktake(
      ShaverBook(), Count({{"SHAVER", Q("12"), {}}}, "2026-04-30"), Rates(), TestPolicy());
  CHECK(early.status().message().find("stocktake.date") != std::string::npos);

  Json j = StocktakeInputToJson(Count({{"SHAVER", Q("12"), Q("11")}}));
  StatusOr<StocktakeInput> back = StocktakeInputFromJson(j, "stocktake");
  REQUIRE(back.ok());
  CHECK(back->counts[0].recounted == Q("11"));
  CHECK(back->unit_values.at("SHAVER") == 300000);
  j["method"] = "guess";
  CHECK(StocktakeInputFromJson(j, "stocktake").status().message().find("stocktake.method") !=
        std::string::npos);
  j["method"] = "third_party";
  j["counts"][0]["counted"] = "-1";
  CHECK(StocktakeInputFromJson(j, "stocktake")
            .status()
            .message()
            .find("stocktake.counts[0].counted") != std::string::npos);
}

TEST_CASE("the next stocktake is due after the grade's cycle") {
  CHECK(StocktakeDueDate(D("2026-01-31"), "certified", TestPolicy()) == D("2026-07-31"));
  CHECK(StocktakeDueDate(D("2026-03-15"), "advanced_certified", TestPolicy()) == D("2027-03-15"));
  CHECK_FALSE(StocktakeDueDate(D("2026-03-15"), "no-such-grade", TestPolicy()).has_value());
  StocktakeResult r = Compare(Count({{"SHAVER", Q("10"), {}}, {"CREAM", Q("20"), {}}}));
  Json j = StocktakeResultToJson(r);
  CHECK(j["outcome"] == "shortage");
  CHECK(j["lines"][1]["sku"] == "SHAVER");  // by SKU
  CHECK(j["lines"][1]["difference"] == "-2");
  CHECK(j["tax_fen"] == 145800);
}

TEST_CASE("StocktakeCompareJson answers the page as CompareStocktake answers the server") {
  const StocktakeInput in = Count({{"SHAVER", Q("10"), {}}, {"CREAM", Q("20"), {}}});
  const Json request = {{"ledger", {{"ems_no", "T4601W000001"}, {"entries", Json::array()}}},
                        {"stocktake", StocktakeInputToJson(in)}};
  Json ledger = request;
  Json entries = Json::array();
  const Ledger book = ShaverBook();
  for (const LedgerEntry& e : book.entries()) entries.push_back(LedgerEntryToJson(e));
  ledger["ledger"]["entries"] = entries;
  const std::string text = StocktakeCompareJson(DumpJson(ledger), Rates(), TestPolicy());
  CHECK(text == DumpJson(StocktakeResultToJson(Compare(in))));
  Json bad = ledger;
  bad["stocktake"]["counts"][0]["counted"] = 3;
  const std::string error = StocktakeCompareJson(DumpJson(bad), Rates(), TestPolicy());
  CHECK(error.find("stocktake.counts[0].counted") != std::string::npos);
  CHECK(StocktakeCompareJson("{\"stocktake\": {}}", Rates(), TestPolicy()).find("ledger") !=
        std::string::npos);
}

}  // namespace core
