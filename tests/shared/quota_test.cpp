// Tests for the buyer quota: the effective-dated limits of the policy, the value the limits apply
// to, the per-transaction and annual rules with the single-item exception (2019+) and the
// 2016–2018 rule, the positive-list quantity caps, returns and the JSON entry point.
#include "core/quota.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/verdict_api.h"
#include "verdict_fixtures.h"

namespace core {
namespace {

using testing::Require;
using testing::TestPolicyJson;
using testing::TestTables;

constexpr std::string_view kLimitPeriods = R"([
  {"effective_from": "2016-04-08", "effective_to": "2019-01-01", "transaction_fen": 200000,
   "annual_fen": 2000000, "over_limit_single_item": "general_trade", "source": "Caiguanshui [2016] No. 18"},
  {"effective_from": "2019-01-01", "effective_to": null, "transaction_fen": 500000,
   "annual_fen": 2600000, "over_limit_single_item": "cbec_full_tax", "source": "Caiguanshui [2018] No. 49"}
])";

Json PolicyWithPeriodsJson() {
  Json doc = TestPolicyJson();
  doc["limit_periods"] = Require(ParseJson(kLimitPeriods));
  return doc;
}

const Policy& QuotaPolicy() {
  static const Policy policy = Require(PolicyFromJson(PolicyWithPeriodsJson()));
  return policy;
}

Date D(const char* iso) { return Date::Parse(iso).value(); }

QuotaLine Item(std::string code, int64_t qty_milli, std::string unit = "件") {
  return QuotaLine{std::move(code), qty_milli, std::move(unit)};
}

QuotaOrderInput Order(const char* date, Fen goods, std::vector<QuotaLine> lines,
                      Fen year_to_date = 0) {
  QuotaOrderInput o;
  o.date = D(date);
  o.goods_value_fen = goods;
  o.lines = std::move(lines);
  o.year_to_date_fen = year_to_date;
  return o;
}

QuotaVerdict Check(const QuotaOrderInput& order) {
  return CheckQuota(order, TestTables().positive_list, QuotaPolicy());
}

const Finding* FindCode(const Findings& findings, std::string_view code) {
  for (const Finding& f : findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

TEST_CASE("the policy's limit periods: parsed, picked by date, round-tripped") {
  const Policy& p = QuotaPolicy();
  REQUIRE(p.limit_periods.size() == 2);
  LimitsInForce old = p.LimitsOn(D("2018-12-31"));
  CHECK(old.limits.transaction_fen == 200000);
  CHECK(old.limits.annual_fen == 2000000);
  CHECK_FALSE(old.single_item_full_tax);
  CHECK(old.period == "2016-04-08..2019-01-01");
  LimitsInForce now = p.LimitsOn(D("2019-01-01"));
  CHECK(now.limits.transaction_fen == 500000);
  CHECK(now.single_item_full_tax);
  CHECK(now.period == "2019-01-01..");
  // Outside every period: the document's own limits.
  LimitsInForce before = p.LimitsOn(D("2015-01-01"));
  CHECK(before.limits.transaction_fen == 500000);
  CHECK(before.period.empty());
  // Round trip, and a policy without periods keeps its old shape.
  Policy again = Require(PolicyFromJson(PolicyToJson(p)));
  CHECK(PolicyToJson(again) == PolicyToJson(p));
  CHECK(again.limit_periods[0].source == "Caiguanshui [2016] No. 18");
  CHECK_FALSE(PolicyToJson(testing::TestPolicy()).contains("limit_periods"));
}

TEST_CASE("the policy refuses bad limit periods") {
  auto refused = [](const char* periods, const char* field) {
    Json doc = TestPolicyJson();
    doc["limit_periods"] = Require(ParseJson(periods));
    StatusOr<Policy> p = PolicyFromJson(doc);
    REQUIRE_FALSE(p.ok());
    CHECK_MESSAGE(p.status().message().find(field) != std::string::npos, p.status().message());
  };
  refused(R"([{"effective_from": "2019-01-01", "transaction_fen": 500000, "annual_fen": 2600000,
              "over_limit_single_item": "maybe"}])",
          "limit_periods[0].over_limit_single_item");
  refused(R"([{"effective_from": "2019-01-01", "transaction_fen": 0, "annual_fen": 2600000,
              "over_limit_single_item": "cbec_full_tax"}])",
          "limit_periods[0].transaction_fen");
  refused(R"([{"effective_from": "2019-01-01", "effective_to": "2018-01-01",
              "transaction_fen": 1, "annual_fen": 2, "over_limit_single_item": "general_trade"}])",
          "limit_periods[0].effective_to");
  refused(R"([{"effective_from": "2019-01-01", "transaction_fen": 1, "annual_fen": 2,
              "over_limit_single_item": "general_trade", "sourse": "typo"}])",
          "limit_periods[0].sourse");
  refused(R"([{"effective_from": "2016-01-01", "effective_to": "2019-06-01", "transaction_fen": 1,
              "annual_fen": 2, "over_limit_single_item": "general_trade"},
             {"effective_from": "2019-01-01", "transaction_fen": 1, "annual_fen": 2,
              "over_limit_single_item": "cbec_full_tax"}])",
          "limit_periods[1]");
  refused(R"({"effective_from": "2019-01-01"})", "limit_periods");
}

TEST_CASE("the value is goods + freight + insurance - discount, without tax") {
  QuotaOrderInput o = Order("2024-03-01", 499000, {Item("3304990029", 2000)});
  o.freight_fen = 2000;
  o.insurance_fen = 500;
  o.discount_fen = 1500;
  CHECK(TransactionValue(o) == 500000);
  QuotaVerdict v = Check(o);
  CHECK(v.value_fen == 500000);
  CHECK(v.path == QuotaPath::kCbec);  // 5,000.00 exactly is within the limit (T5)
  o.discount_fen = 1499;
  v = Check(o);
  CHECK(v.value_fen == 500001);
  CHECK(v.path == QuotaPath::kGeneralTrade);
  CHECK(FindCode(v.findings, "QUOTA_TRANSACTION_EXCEEDED") != nullptr);
}

TEST_CASE("within both limits: CBEC at 70%, counted toward the year") {
  QuotaVerdict v = Check(Order("2024-03-01", 300000, {Item("1901101090", 3000)}, 1000000));
  CHECK(v.path == QuotaPath::kCbec);
  CHECK(v.tax_path == TaxPath::kWithinLimits);
  CHECK(v.counts_toward_annual);
  CHECK(v.annual_total_after_fen == 1300000);
  CHECK(v.remaining_annual_fen == 1300000);
  CHECK(v.findings.empty());
  CHECK(v.limits.period == "2019-01-01..");
  CHECK(v.policy_version == "test-1");
}

TEST_CASE("an indivisible single item over 5,000: CBEC at full tax, counted (T6)") {
  QuotaVerdict v = Check(Order("2024-03-01", 600000, {Item("8510100000", 1000)}));
  CHECK(v.single_item);
  CHECK(v.path == QuotaPath::kCbecFullTax);
  CHECK(v.tax_path == TaxPath::kFullTax);
  CHECK(v.counts_toward_annual);
  CHECK(v.annual_total_after_fen == 600000);
  CHECK(v.remaining_annual_fen == 2000000);
  const Finding* f = FindCode(v.findings, "QUOTA_SINGLE_ITEM_FULL_TAX");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kInfo);
  CHECK(f->message_en.find("CNY 6000.00") != std::string::npos);
  CHECK(f->message_en.find("CNY 5000.00") != std::string::npos);
}

TEST_CASE("several items over 5,000: not CBEC") {
  // Two lines, or one line of two pieces: neither is a single indivisible item.
  for (const QuotaOrderInput& o :
       {Order("2024-03-01", 600000, {Item("8510100000", 1000), Item("8516320000", 1000)}),
        Order("2024-03-01", 600000, {Item("8510100000", 2000)})}) {
    QuotaVerdict v = Check(o);
    CHECK_FALSE(v.single_item);
    CHECK(v.path == QuotaPath::kGeneralTrade);
    CHECK(v.tax_path == TaxPath::kFullTax);
    CHECK_FALSE(v.counts_toward_annual);
    CHECK(v.annual_total_after_fen == 0);
    CHECK(v.remaining_annual_fen == 2600000);
    const Finding* f = FindCode(v.findings, "QUOTA_TRANSACTION_EXCEEDED");
    REQUIRE(f != nullptr);
    CHECK(f->severity == Severity::kError);
    CHECK(f->message_en.find("CNY 6000.00") != std::string::npos);
  }
}

TEST_CASE("the annual limit: 26,000 exactly is within, a fen more is general trade") {
  QuotaVerdict v = Check(Order("2024-11-01", 100000, {Item("1901101090", 1000)}, 2500000));
  CHECK(v.path == QuotaPath::kCbec);
  CHECK(v.annual_total_after_fen == 2600000);
  CHECK(v.remaining_annual_fen == 0);
  v = Check(Order("2024-11-01", 100001, {Item("1901101090", 1000)}, 2500000));
  CHECK(v.path == QuotaPath::kGeneralTrade);
  CHECK_FALSE(v.counts_toward_annual);
  CHECK(v.annual_total_after_fen == 2500000);
  CHECK(v.remaining_annual_fen == 100000);
  const Finding* f = FindCode(v.findings, "QUOTA_ANNUAL_EXCEEDED");
  REQUIRE(f != nullptr);
  CHECK(f->message_en.find("CNY 25000.00") != std::string::npos);
  CHECK(f->message_en.find("CNY 26000.01") != std::string::npos);
  CHECK(f->message_en.find("CNY 26000.00") != std::string::npos);
  // A single item over 5,000 that would also pass the year: general trade, not full-tax CBEC.
  v = Check(Order("2024-11-01", 600000, {Item("8510100000", 1000)}, 2100000));
  CHECK(v.path == QuotaPath::kGeneralTrade);
  CHECK(FindCode(v.findings, "QUOTA_ANNUAL_EXCEEDED") != nullptr);
  CHECK(FindCode(v.findings, "QUOTA_SINGLE_ITEM_FULL_TAX") == nullptr);
}

TEST_CASE("2016-2018 dates use 2,000 / 20,000 and the older single-item rule") {
  QuotaVerdict v = Check(Order("2017-06-01", 150000, {Item("1901101090", 2000)}));
  CHECK(v.path == QuotaPath::kCbec);
  CHECK(v.limits.limits.transaction_fen == 200000);
  v = Check(Order("2017-06-01", 250000, {Item("1901101090", 2000)}));
  CHECK(v.path == QuotaPath::kGeneralTrade);  // 2,500 would be fine from 2019
  CHECK(FindCode(v.findings, "QUOTA_TRANSACTION_EXCEEDED") != nullptr);
  v = Check(Order("2017-06-01", 250000, {Item("9102110000", 1000)}));
  CHECK(v.path == QuotaPath::kGeneralTrade);
  CHECK(FindCode(v.findings, "QUOTA_SINGLE_ITEM_GENERAL_TRADE") != nullptr);
  v = Check(Order("2018-12-01", 100000, {Item("1901101090", 1000)}, 1950000));
  CHECK(v.path == QuotaPath::kGeneralTrade);
  CHECK(FindCode(v.findings, "QUOTA_ANNUAL_EXCEEDED")->message_en.find("CNY 20000.00") !=
        std::string::npos);
}

TEST_CASE("annual quantity caps from the positive-list remarks, with g/kg conversion") {
  // Sugar: 2 千克 per person per year (fixture list 17019910).
  QuotaOrderInput o = Order("2024-03-01", 5000, {Item("1701991000", 1500, "千克")});
  o.year_to_date_qty = {YearQuantity{"17019910", 500, "千克"}};
  CHECK(Check(o).path == QuotaPath::kCbec);  // 2.0 kg exactly
  o.year_to_date_qty = {YearQuantity{"17019910", 600, "千克"}};
  QuotaVerdict v = Check(o);
  CHECK(v.path == QuotaPath::kGeneralTrade);
  const Finding* f = FindCode(v.findings, "QUOTA_QTY_CAP_EXCEEDED");
  REQUIRE(f != nullptr);
  CHECK(f->field == "lines[0].qty_milli");
  CHECK(f->message_en.find("1.5 千克 in this order") != std::string::npos);
  CHECK(f->message_en.find("0.6 千克 earlier") != std::string::npos);
  CHECK(f->message_en.find("2.1 千克") != std::string::npos);
  CHECK(f->message_en.find("cap of 2 千克") != std::string::npos);
  // Grams and the JGS-20 code 035 convert to kilograms; two lines of one code add up.
  o = Order("2024-03-01", 5000,
            {Item("1701991000", 1000000, "克"), Item("1701991000", 1001, "035")});
  CHECK(FindCode(Check(o).findings, "QUOTA_QTY_CAP_EXCEEDED") != nullptr);
  o = Order("2024-03-01", 5000, {Item("1701991000", 1000000, "g"), Item("1701991000", 1000, "kg")});
  CHECK(FindCode(Check(o).findings, "QUOTA_QTY_CAP_EXCEEDED") == nullptr);
  // A unit that cannot be converted is a warning, and that quantity is left out.
  o = Order("2024-03-01", 5000, {Item("1701991000", 3000, "袋")});
  v = Check(o);
  CHECK(v.path == QuotaPath::kCbec);
  REQUIRE(FindCode(v.findings, "QUOTA_QTY_UNIT_MISMATCH") != nullptr);
  CHECK(FindCode(v.findings, "QUOTA_QTY_UNIT_MISMATCH")->severity == Severity::kWarning);
  // Rice (20 千克): the year's quantity of another code does not count.
  o = Order("2024-03-01", 5000, {Item("1006302000", 15000, "千克")});
  o.year_to_date_qty = {YearQuantity{"17019910", 100000, "千克"}};
  CHECK(Check(o).path == QuotaPath::kCbec);
}

TEST_CASE("a missing policy or list is reported") {
  QuotaVerdict v = CheckQuota(Order("2024-03-01", 1000, {Item("1901101090", 1000)}),
                              TestTables().positive_list, Policy());
  CHECK(v.path == QuotaPath::kUndetermined);
  CHECK_FALSE(v.tax_path.has_value());
  CHECK(FindCode(v.findings, "POLICY_NOT_LOADED") != nullptr);
  v = CheckQuota(Order("2024-03-01", 1000, {Item("1901101090", 1000)}), PositiveList(),
                 QuotaPolicy());
  CHECK(v.path == QuotaPath::kCbec);
  CHECK(FindCode(v.findings, "LIST_NOT_LOADED")->severity == Severity::kWarning);
}

TEST_CASE("a discount above the rest gives a negative value: refused, no path decided") {
  QuotaOrderInput o = Order("2024-03-01", 1000, {Item("1901101090", 1000)});
  o.discount_fen = 2000;
  QuotaVerdict v = Check(o);
  CHECK(FindCode(v.findings, "QUOTA_VALUE_NEGATIVE") != nullptr);
  CHECK(v.value_fen == 0);
  CHECK(v.path == QuotaPath::kUndetermined);
  CHECK_FALSE(v.counts_toward_annual);
}

ReturnInput Return(const char* release, const char* applied, const char* arrived,
                   const char* decision, Fen value = 30000, Fen ytd = 100000) {
  ReturnInput r;
  r.release_date = D(release);
  r.applied_date = D(applied);
  if (arrived != nullptr) r.arrived_date = D(arrived);
  r.decision_date = D(decision);
  r.value_fen = value;
  r.year_to_date_fen = ytd;
  return r;
}

TEST_CASE("returns: applied within 30 days and back within 45 restore the quota") {
  ReturnVerdict v = EvaluateReturn(Return("2024-03-01", "2024-03-31", "2024-04-15", "2024-04-20"));
  CHECK(v.outcome == "restored");
  CHECK(v.apply_by == D("2024-03-31"));
  CHECK(v.arrive_by == D("2024-04-15"));
  CHECK(v.restored_fen == 30000);
  CHECK(v.year_to_date_after_fen == 70000);
  CHECK(v.findings.empty());
}

TEST_CASE("returns: a day late in either window expires them") {
  ReturnVerdict v = EvaluateReturn(Return("2024-03-01", "2024-04-01", "2024-04-10", "2024-04-20"));
  CHECK(v.outcome == "not_restored");
  CHECK(v.restored_fen == 0);
  CHECK(v.year_to_date_after_fen == 100000);
  REQUIRE(FindCode(v.findings, "RETURN_WINDOW_EXPIRED") != nullptr);
  CHECK(FindCode(v.findings, "RETURN_WINDOW_EXPIRED")->field == "applied_date");
  CHECK(FindCode(v.findings, "RETURN_WINDOW_EXPIRED")->message_en.find("CNY 300.00") !=
        std::string::npos);
  v = EvaluateReturn(Return("2024-03-01", "2024-03-05", "2024-04-16", "2024-04-20"));
  CHECK(v.outcome == "not_restored");
  CHECK(FindCode(v.findings, "RETURN_WINDOW_EXPIRED")->field == "arrived_date");
  // Not back yet: pending while day 45 has not passed, expired after it.
  v = EvaluateReturn(Return("2024-03-01", "2024-03-05", nullptr, "2024-04-15"));
  CHECK(v.outcome == "pending");
  CHECK(FindCode(v.findings, "RETURN_PENDING")->severity == Severity::kInfo);
  v = EvaluateReturn(Return("2024-03-01", "2024-03-05", nullptr, "2024-04-16"));
  CHECK(v.outcome == "not_restored");
  CHECK(FindCode(v.findings, "RETURN_WINDOW_EXPIRED")->message_en.find("had not arrived") !=
        std::string::npos);
}

TEST_CASE("returns: dates before the release are refused") {
  ReturnVerdict v = EvaluateReturn(Return("2024-03-01", "2024-02-28", nullptr, "2024-03-02"));
  CHECK(v.outcome == "not_restored");
  CHECK(FindCode(v.findings, "RETURN_DATE_ORDER") != nullptr);
  // A return larger than the counted total cannot take it below 0.
  v = EvaluateReturn(Return("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-03", 5000, 1000));
  CHECK(v.year_to_date_after_fen == 0);
}

Json CallQuota(const std::string& request) {
  StatusOr<Json> j = ParseJson(CheckQuotaJson(request, TestTables(), QuotaPolicy()));
  REQUIRE(j.ok());
  return *j;
}

TEST_CASE("CheckQuotaJson answers orders and returns") {
  Json v = CallQuota(R"({"order": {"date": "2024-03-01", "goods_value_fen": 600000,
      "freight_fen": 0, "lines": [{"code": "8510100000", "qty_milli": 1000, "unit": "个"}],
      "year_to_date_fen": 100000}})");
  CHECK(v["path"] == "cbec_full_tax");
  CHECK(v["tax_path"] == "full_tax");
  CHECK(v["value_fen"] == 600000);
  CHECK(v["single_item"] == true);
  CHECK(v["counts_toward_annual"] == true);
  CHECK(v["annual_total_after_fen"] == 700000);
  CHECK(v["remaining_annual_fen"] == 1900000);
  CHECK(v["limits"]["transaction_fen"] == 500000);
  CHECK(v["limits"]["over_limit_single_item"] == "cbec_full_tax");
  CHECK(v["limits"]["period"] == "2019-01-01..");
  CHECK(v["findings"][0]["code"] == "QUOTA_SINGLE_ITEM_FULL_TAX");
  Json r = CallQuota(R"({"return": {"release_date": "2024-03-01", "applied_date": "2024-03-10",
      "arrived_date": "2024-03-20", "decision_date": "2024-03-20", "value_fen": 30000,
      "year_to_date_fen": 700000}})");
  CHECK(r["outcome"] == "restored");
  CHECK(r["year_to_date_after_fen"] == 670000);
  CHECK(r["apply_by"] == "2024-03-31");
}

TEST_CASE("CheckQuotaJson refuses malformed requests with the field named") {
  auto error = [](const std::string& request) {
    Json j = CallQuota(request);
    REQUIRE(j.contains("error"));
    return j["error"]["message"].get<std::string>();
  };
  CHECK(error(R"({})").find("exactly one") != std::string::npos);
  CHECK(error(R"({"order": {}, "return": {}})").find("exactly one") != std::string::npos);
  CHECK(error(R"({"order": {"date": "2024-03-01", "goods_value_fen": 1, "lines": []}})")
            .find("order.lines") != std::string::npos);
  CHECK(error(R"({"order": {"date": "2024-03-01", "goods_value_fen": 1,
      "lines": [{"code": "1901101090", "qty_milli": 0, "unit": "件"}]}})")
            .find("order.lines[0].qty_milli") != std::string::npos);
  CHECK(error(R"({"order": {"date": "2024-03-01", "goods_value_fen": 1,
      "lines": [{"code": "1901101090", "qty_milli": 1000}]}})")
            .find("order.lines[0].unit") != std::string::npos);
  CHECK(error(R"({"order": {"date": "2024-03-01", "goods_value_fen": 1, "tax_fen": 3,
      "lines": [{"code": "1901101090", "qty_milli": 1000, "unit": "件"}]}})")
            .find("order.tax_fen") != std::string::npos);
  CHECK(error(R"({"order": {"date": "2024-03-01", "goods_value_fen": "1",
      "lines": [{"code": "1901101090", "qty_milli": 1000, "unit": "件"}]}})")
            .find("order.goods_value_fen") != std::string::npos);
  CHECK(error(R"({"return": {"release_date": "2024-03-01", "applied_date": "2024-03-10",
      "value_fen": 1}})")
            .find("return.decision_date") != std::string::npos);
}

}  // namespace
}  // namespace core
