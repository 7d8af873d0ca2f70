// Native-only tests against the real data/tax/rates.csv (reads files): it loads whole, covers the
// positive-list lines it claims to, has no default row, and gives the DOMAIN §1.5 results with
// the real rates and the default policy's limits.
#include <doctest/doctest.h>

#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "core/catalog.h"
#include "core/json.h"
#include "core/policy.h"
#include "core/quota.h"
#include "core/tax.h"

#ifndef PATROL_SOURCE_DIR
#error "PATROL_SOURCE_DIR must name the source tree"
#endif

namespace core {
namespace {

std::string ReadData(const std::string& relative) {
  const std::string path = std::string(PATROL_SOURCE_DIR) + "/data/" + relative;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

template <typename T>
T Loaded(StatusOr<T> result) {
  REQUIRE_MESSAGE(result.ok(), result.status().ToString());
  return std::move(result).value();
}

const TaxRateTable& RealRates() {
  static const TaxRateTable t = Loaded(TaxRateTable::FromCsv(ReadData("tax/rates.csv")));
  return t;
}

Date D(const char* iso) { return Date::Parse(iso).value(); }

TaxResult Tax(const char* code, Fen value, const char* date, TaxPath path,
              std::optional<int64_t> net_milli = std::nullopt,
              std::optional<int64_t> pieces = std::nullopt) {
  TaxOrderInput order;
  order.date = D(date);
  order.path = path;
  TaxLineInput line;
  line.code = code;
  line.goods_value_fen = value;
  line.net_content_milli = net_milli;
  line.pieces = pieces;
  order.lines.push_back(line);
  return ComputeTax(order, RealRates());
}

TEST_CASE("data/tax/rates.csv loads and covers the positive-list lines it rates") {
  const TaxRateTable& t = RealRates();
  CHECK(t.size() > 100);
  CHECK(t.version().rfind("2024-1", 0) == 0);
  const PositiveList list = Loaded(PositiveList::FromCsv(ReadData("lists/positive_list.csv")));
  // Every rated line is on the positive list, and every listed line but the documented
  // exceptions has a rate today (data/tax/README.md, "Lines deliberately without rates").
  const std::set<std::string> unrated = {"03011100", "12119039", "22030000", "22083000",
                                         "71131911"};
  int rated = 0;
  for (const char* code8 :
       {"03011100", "04021000", "04022100", "04061000", "04090000", "10063020", "10063080",
        "12119039", "17019910", "17019920", "18063100", "19011010", "19053100", "21011100",
        "21069090", "22021000", "22030000", "22042100", "22083000", "30045000", "30049059",
        "30049090", "32151900", "33030000", "33041000", "33042000", "33043000", "33049100",
        "33049900", "33051000", "33059000", "33061010", "34011100", "39249000", "42022100",
        "48181000", "61091000", "64039900", "71131911", "85101000", "85163200", "85176299",
        "90041000", "91021100", "95030089", "96032100", "96190011"}) {
    REQUIRE(list.Find(code8) != nullptr);
    const TaxRate* r = t.Find(std::string(code8) + "00", D("2025-01-01"));
    CHECK_MESSAGE((r == nullptr) == (unrated.count(code8) > 0), code8);
    if (r != nullptr) ++rated;
  }
  CHECK(list.size() == 47);
  CHECK(rated == 42);
  // No row before the CBEC tax began, and no default.
  CHECK(t.Find("1901101090", D("2016-04-07")) == nullptr);
  CHECK(t.Find("8703234290", D("2025-01-01")) == nullptr);
}

TEST_CASE("the real rates reproduce DOMAIN §1.5 T1, T3, T4, T5 and T7") {
  CHECK(Tax("1901101090", 50000, "2025-01-01", TaxPath::kWithinLimits).total_fen == 4550);
  TaxResult t3 = Tax("3304990029", 42500, "2025-01-01", TaxPath::kWithinLimits, 20000);
  CHECK(t3.ct_fen == 5250);
  CHECK(t3.vat_fen == 4550);
  TaxResult t4 = Tax("3304990029", 100000, "2025-01-01", TaxPath::kWithinLimits, 50000);
  CHECK(t4.total_fen == 23059);
  CHECK(Tax("1901101090", 500000, "2025-01-01", TaxPath::kWithinLimits).total_fen == 45500);
  // T7: lipstick in 2016 (30% CT, 17% VAT, no threshold) and milk powder (17%).
  CHECK(Tax("3304100091", 10000, "2016-06-01", TaxPath::kWithinLimits).total_fen == 4700);
  CHECK(Tax("0402210000", 10000, "2016-06-01", TaxPath::kWithinLimits).total_fen == 1190);
  // T2 with a 9% line: rice.
  CHECK(Tax("1006302000", 100000, "2025-01-01", TaxPath::kWithinLimits).total_fen == 6300);
  // The VAT steps: 16% in 2018-05 .. 2019-03, low rate 10% then.
  CHECK(Tax("0402210000", 10000, "2018-06-01", TaxPath::kWithinLimits).total_fen == 1120);
  CHECK(Tax("1006302000", 10000, "2018-06-01", TaxPath::kWithinLimits).total_fen == 700);
}

TEST_CASE("full tax with the real rates: a watch over 10,000 CNY and missing duty rates") {
  // 12,000 CNY watch: duty 10% 1,200; CT (13,200)/0.8 x 0.2 = 3,300; VAT (16,500) x 13% 2,145.
  TaxResult w = Tax("9102110000", 1200000, "2025-01-01", TaxPath::kFullTax, std::nullopt, 1);
  CHECK(w.outcome == "computed");
  CHECK(w.duty_fen == 120000);
  CHECK(w.ct_fen == 330000);
  CHECK(w.vat_fen == 214500);
  // Before 2024 the table cites no duty rate for it: reported, not guessed.
  TaxResult old = Tax("9102110000", 1200000, "2023-06-01", TaxPath::kFullTax, std::nullopt, 1);
  CHECK(old.outcome == "incomplete");
}

TEST_CASE("the default policy's limit periods decide by date") {
  StatusOr<Json> doc = ParseJson(ReadData("policy/default.json"));
  REQUIRE(doc.ok());
  const Policy policy = Loaded(PolicyFromJson(*doc));
  // The document with its limit periods round-trips unchanged (the server stores and serves it).
  CHECK(PolicyToJson(policy) == *doc);
  REQUIRE(policy.limit_periods.size() == 2);
  const PositiveList list = Loaded(PositiveList::FromCsv(ReadData("lists/positive_list.csv")));
  QuotaOrderInput o;
  o.goods_value_fen = 600000;
  o.lines = {QuotaLine{"8510100000", 1000, "个"}};
  o.date = D("2025-01-01");
  CHECK(CheckQuota(o, list, policy).path == QuotaPath::kCbecFullTax);  // T6
  o.date = D("2018-06-01");
  CHECK(CheckQuota(o, list, policy).path == QuotaPath::kGeneralTrade);
  o.goods_value_fen = 150000;
  CHECK(CheckQuota(o, list, policy).path == QuotaPath::kCbec);
  CHECK(CheckQuota(o, list, policy).limits.limits.annual_fen == 2000000);
}

}  // namespace
}  // namespace core
