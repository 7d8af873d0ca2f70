// Tests for the tax rate table (parsing, line-numbered errors, longest prefix by date) and the
// ComputeTaxJson entry point (output shape, deterministic text, refused requests).
#include <doctest/doctest.h>

#include <string>

#include "core/tax.h"
#include "core/verdict_api.h"
#include "tax_fixtures.h"

namespace core {
namespace {

using testing::D;
using testing::Rates;

// Parses the fixture with one data row replaced, expecting "line 3: ..." mentioning `what`.
void ExpectRowRefused(const std::string& row, const std::string& what) {
  const std::string csv =
      "code_prefix,valid_from,valid_to,vat_bp,ct_bp,duty_bp,ct_threshold_kind,ct_threshold_fen,"
      "source\n"
      "19011010,2019-04-01,,1300,0,1500,none,,ok\n" +
      row + "\n";
  StatusOr<TaxRateTable> t = TaxRateTable::FromCsv(csv);
  REQUIRE_FALSE(t.ok());
  CHECK(t.status().code() == StatusCode::kInvalidArgument);
  CHECK_MESSAGE(t.status().message().find("line 3") != std::string::npos, t.status().message());
  CHECK_MESSAGE(t.status().message().find(what) != std::string::npos, t.status().message());
}

TEST_CASE("TaxRateTable reads rows, the version comment and extra columns") {
  const TaxRateTable& t = Rates();
  CHECK(t.size() == 9);
  CHECK(t.version() == "test-rates");
  const TaxRate* r = t.Find("3304990029", D("2024-01-01"));
  REQUIRE(r != nullptr);
  CHECK(r->code_prefix == "33049900");
  CHECK(r->vat_bp == 1300);
  CHECK(r->ct_bp == 1500);
  CHECK(r->duty_bp == 100);
  CHECK(r->ct_threshold == CtThreshold::kPerMlOrG);
  CHECK(r->ct_threshold_fen == 1000);
  CHECK(r->source == "Ann. 2019 No. 39");
  CHECK(r->line == 4);
  CHECK_FALSE(r->valid_to.has_value());
}

TEST_CASE("TaxRateTable::Find takes the longest prefix valid on the date") {
  const TaxRateTable& t = Rates();
  // The 10-digit sheet row overrides its 8-digit line from the day it is valid.
  REQUIRE(t.Find("3304990049", D("2019-04-01")) != nullptr);
  CHECK(t.Find("3304990049", D("2019-04-01"))->code_prefix == "3304990049");
  // Before that, the 10-digit code falls back to the 8-digit row of the older period.
  REQUIRE(t.Find("3304990049", D("2019-03-31")) != nullptr);
  CHECK(t.Find("3304990049", D("2019-03-31"))->code_prefix == "33049900");
  CHECK(t.Find("3304990049", D("2019-03-31"))->vat_bp == 1600);
  // valid_to is exclusive, valid_from inclusive.
  CHECK(t.Find("3304100091", D("2016-09-30"))->ct_bp == 3000);
  CHECK(t.Find("3304100091", D("2016-10-01")) == nullptr);
  CHECK(t.Find("3304100091", D("2016-04-07")) == nullptr);
  // No default row: an unknown code has no rate.
  CHECK(t.Find("2203000000", D("2024-01-01")) == nullptr);
  CHECK(t.Find("33049900", D("2024-01-01")) != nullptr);  // an 8-digit code works too
}

TEST_CASE("TaxRateTable refuses bad rows and names the line") {
  ExpectRowRefused("3304990,2019-04-01,,1300,0,,none,,x", "8 or 10 digits");
  ExpectRowRefused("330499000,2019-04-01,,1300,0,,none,,x", "8 or 10 digits");
  ExpectRowRefused("33049900,2019-4-1,,1300,0,,none,,x", "valid_from");
  ExpectRowRefused("33049900,2019-04-01,2019-04-01,1300,0,,none,,x", "after valid_from");
  ExpectRowRefused("33049900,2019-04-01,,13%,0,,none,,x", "vat_bp");
  ExpectRowRefused("33049900,2019-04-01,,10000,0,,none,,x", "vat_bp");
  ExpectRowRefused("33049900,2019-04-01,,,0,,none,,x", "vat_bp is required");
  ExpectRowRefused("33049900,2019-04-01,,1300,,,none,,x", "ct_bp is required");
  ExpectRowRefused("33049900,2019-04-01,,1300,0,-1,none,,x", "duty_bp");
  ExpectRowRefused("33049900,2019-04-01,,1300,1500,,per_kg,1000,x", "ct_threshold_kind");
  ExpectRowRefused("33049900,2019-04-01,,1300,1500,,per_ml_g,,x", "ct_threshold_fen");
  ExpectRowRefused("33049900,2019-04-01,,1300,1500,,none,1000,x", "ct_threshold_fen");
  ExpectRowRefused("33049900,2019-04-01,,1300,0,,per_piece,1500,x", "ct_bp above 0");
  ExpectRowRefused("33049900,2019-04-01,,1300,0,,none,,", "source");
  ExpectRowRefused("19011010,2024-01-01,,1300,0,,none,,x", "overlaps the row of line 2");
  ExpectRowRefused("19011010,2019-04-01", "expected 9 fields");

  StatusOr<TaxRateTable> missing = TaxRateTable::FromCsv("code_prefix,valid_from\n");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("'valid_to'") != std::string::npos);
  // Adjacent periods of one prefix do not overlap.
  CHECK(TaxRateTable::FromCsv(
            "code_prefix,valid_from,valid_to,vat_bp,ct_bp,duty_bp,ct_threshold_kind,"
            "ct_threshold_fen,source\n"
            "19011010,2018-05-01,2019-04-01,1600,0,,none,,a\n"
            "19011010,2019-04-01,,1300,0,,none,,b\n")
            .ok());
}

// The JSON entry point, as the server and the page call it.
ReferenceTables TablesWithRates() {
  ReferenceTables t;
  t.tax_rates = Rates();
  return t;
}

Json CallTax(const std::string& request) {
  StatusOr<Json> j = ParseJson(ComputeTaxJson(request, TablesWithRates()));
  REQUIRE(j.ok());
  return *j;
}

std::string ErrorMessage(const Json& j) {
  REQUIRE(j.contains("error"));
  CHECK(j["error"]["code"] == "invalid_argument");
  return j["error"]["message"].get<std::string>();
}

TEST_CASE("ComputeTaxJson returns the lines, the order totals and the rate rows used") {
  const Json r = CallTax(R"({"order": {"date": "2024-06-01", "freight_fen": 1000,
      "insurance_fen": 100, "discount_fen": 2500, "declared_tax_fen": 4400,
      "lines": [{"code": "1901101090", "goods_value_fen": 30000},
                {"code": "3304990039", "goods_value_fen": 20000, "net_content_milli": 50000},
                {"code": "1901101090", "goods_value_fen": 0}]}})");
  CHECK(r["outcome"] == "mismatch");
  CHECK(r["path"] == "within_limits");
  CHECK(r["rates_version"] == "test-rates");
  CHECK(r["declared_tax_fen"] == 4400);
  CHECK(r["difference_fen"] == -23);
  CHECK(r["order"]["total_fen"] == 4423);
  CHECK(r["order"]["dutiable_value_fen"] == 48600);
  REQUIRE(r["lines"].size() == 3);
  CHECK(r["lines"][0]["gnum"] == 1);
  CHECK(r["lines"][0]["freight_share_fen"] == 600);
  CHECK(r["lines"][1]["rate"]["code_prefix"] == "33049900");
  CHECK(r["lines"][1]["rate"]["ct_threshold_kind"] == "per_ml_g");
  CHECK(r["lines"][1]["rate"]["duty_bp"] == 100);
  CHECK(r["lines"][1]["ct_applies"] == false);
  CHECK(r["findings"][0]["code"] == "TAX_CT_BELOW_THRESHOLD");
  // Deterministic text: the same request gives the same bytes.
  const std::string req = R"({"order": {"date": "2024-06-01", "lines": [{"code": "1901101090",
      "goods_value_fen": 50000}]}})";
  CHECK(ComputeTaxJson(req, TablesWithRates()) == ComputeTaxJson(req, TablesWithRates()));
  CHECK(CallTax(req)["rates_version"] == "test-rates");
}

TEST_CASE("ComputeTaxJson refuses malformed requests with the field named") {
  CHECK(ErrorMessage(CallTax("[1]")).find("JSON object") != std::string::npos);
  CHECK(ErrorMessage(CallTax(R"({"order": {"date": "2024-06-01"}})")).find("order.lines") !=
        std::string::npos);
  CHECK(ErrorMessage(CallTax(R"({"order": {"date": "2024-06-01", "lines": [{"code": "1901101090",
      "goods_value_fen": 12.5}]}})"))
            .find("order.lines[0].goods_value_fen") != std::string::npos);
  CHECK(ErrorMessage(CallTax(R"({"order": {"date": "2024-06-01", "lines": [{"code": "1901101090",
      "goods_value_fen": -1}]}})"))
            .find("goods_value_fen") != std::string::npos);
  CHECK(ErrorMessage(CallTax(R"({"order": {"date": "2024-06-01", "frieght_fen": 5,
      "lines": [{"code": "1901101090", "goods_value_fen": 1}]}})"))
            .find("frieght_fen") != std::string::npos);
  CHECK(ErrorMessage(CallTax(R"({"order": {"date": "2024-06-01", "path": "half",
      "lines": [{"code": "1901101090", "goods_value_fen": 1}]}})"))
            .find("order.path") != std::string::npos);
  CHECK(ErrorMessage(CallTax(R"({"order": {"date": "20240601",
      "lines": [{"code": "1901101090", "goods_value_fen": 1}]}})"))
            .find("order.date") != std::string::npos);
  CHECK(ErrorMessage(CallTax(R"({"order": {"date": "2024-06-01", "lines": [{"code": "1901101090",
      "goods_value_fen": 1, "pieces": 0}]}})"))
            .find("pieces") != std::string::npos);
  CHECK(ErrorMessage(CallTax(R"({"order": {"date": "2024-06-01", "lines": [
      {"code": "1901101090", "goods_value_fen": 1000000000000000},
      {"code": "1901101090", "goods_value_fen": 1}]}})"))
            .find("largest amount") != std::string::npos);
  CHECK(ErrorMessage(CallTax(R"({"tax": {}})")).find("tax") != std::string::npos);
}

}  // namespace
}  // namespace core
