// Tests for goods admission: every finding code, the outcome rule, name normalisation, the
// verdict JSON, and strict parsing of filings.
#include "core/goods.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "verdict_fixtures.h"

namespace core {
namespace {

using testing::TestPolicy;
using testing::TestTables;

const Date kDecision = Date::Parse("2026-05-20").value();

GoodsFiling Perfume() {
  GoodsFiling f;
  f.sku = "SKU-001";
  f.name = "香奈儿五号香水 100ml";
  f.brand = "Chanel";
  f.spec = "100ml";
  f.code10 = "3303000000";
  f.origin_country = "305";
  f.unit = "瓶";
  f.declared_unit_price_fen = 150000;
  f.trade_mode = "1210";
  return f;
}

GoodsVerdict Evaluate(const GoodsFiling& f, const std::vector<OtherFiling>& others = {}) {
  return EvaluateGoods(f, kDecision, others, TestTables(), TestPolicy());
}

std::vector<std::string> Codes(const GoodsVerdict& v) {
  std::vector<std::string> out;
  for (const Finding& f : v.findings) out.push_back(f.code);
  return out;
}

const Finding* FindCode(const GoodsVerdict& v, const std::string& code) {
  for (const Finding& f : v.findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

using Codes_ = std::vector<std::string>;

TEST_CASE("a listed, unremarked product is admitted") {
  GoodsVerdict v = Evaluate(Perfume());
  CHECK(v.outcome == "admitted");
  CHECK(v.findings.empty());
  CHECK(v.code8 == "33030000");
  REQUIRE(v.positive_entry != nullptr);
  CHECK(v.positive_entry->name == "香水及花露水");
  Json j = GoodsVerdictToJson(v);
  CHECK(j["outcome"] == "admitted");
  CHECK(j["code8"] == "33030000");
  CHECK(j["decision_date"] == "2026-05-20");
  CHECK(j["policy_version"] == "test-1");
  CHECK(j["positive_list"]["code8"] == "33030000");
  CHECK(j["positive_list"]["bonded_only"] == false);
  CHECK(j["positive_list"]["excluded"] == false);
  CHECK(j["positive_list"]["annual_cap"].is_null());
  CHECK(j["positive_list"]["remark"] == "");
  CHECK(j["findings"].empty());
}

TEST_CASE("commodity-code findings: format, unknown, not listed in the year") {
  GoodsFiling f = Perfume();
  f.code10 = "33030";
  GoodsVerdict bad = Evaluate(f);
  CHECK(bad.outcome == "rejected");
  CHECK(Codes(bad) == Codes_{"HS_FORMAT"});
  CHECK(bad.findings[0].field.rfind("code10", 0) == 0);
  CHECK(bad.code8.empty());
  CHECK(GoodsVerdictToJson(bad)["positive_list"].is_null());

  f.code10 = "9999999900";
  CHECK(Codes(Evaluate(f)) == Codes_{"HS_UNKNOWN", "GOODS_NOT_ON_POSITIVE_LIST"});

  f = Perfume();
  f.code10 = "1006302000";
  f.name = "泰国香米";
  GoodsVerdict old =
      EvaluateGoods(f, Date::Parse("2016-06-01").value(), {}, TestTables(), TestPolicy());
  CHECK(Codes(old) == Codes_{"HS_NOT_LISTED_IN_YEAR", "POSITIVE_LIST_QUANTITY_CAP"});
  CHECK(old.outcome == "review");
}

TEST_CASE("name and trade mode are required") {
  GoodsFiling f = Perfume();
  f.name = " ";
  f.trade_mode = "0110";
  GoodsVerdict v = Evaluate(f);
  CHECK(Codes(v) == Codes_{"GOODS_NAME_MISSING", "GOODS_TRADE_MODE"});
  CHECK(v.outcome == "rejected");
  CHECK(FindCode(v, "GOODS_TRADE_MODE")->field == "trade_mode");
}

TEST_CASE("goods not on the positive list are rejected") {
  GoodsFiling f = Perfume();
  f.name = "越野车";
  f.code10 = "8703234200";
  GoodsVerdict v = Evaluate(f);
  CHECK(Codes(v) == Codes_{"GOODS_NOT_ON_POSITIVE_LIST"});
  CHECK(v.outcome == "rejected");
  CHECK(v.positive_entry == nullptr);
}

TEST_CASE("remark (a): an exclusion asks the officer to confirm") {
  GoodsFiling f = Perfume();
  f.name = "观赏金鱼";
  f.code10 = "0301110000";
  GoodsVerdict v = Evaluate(f);
  CHECK(Codes(v) == Codes_{"POSITIVE_LIST_EXCLUSION", "GOODS_HIGH_RISK_QUARANTINE"});
  CHECK(v.findings[0].severity == Severity::kWarning);
  CHECK(v.findings[0].message_zh.find("CITES") != std::string::npos);
  CHECK(v.outcome == "review");
  CHECK(GoodsVerdictToJson(v)["positive_list"]["excluded"] == true);
}

TEST_CASE("remark (b): bonded-only lines refuse direct purchase") {
  GoodsFiling f = Perfume();
  f.name = "布洛芬缓释胶囊";
  f.code10 = "3004909000";
  f.trade_mode = "9610";
  GoodsVerdict direct = Evaluate(f);
  CHECK(Codes(direct) == Codes_{"POSITIVE_LIST_BONDED_ONLY", "GOODS_RESTRICTED"});
  CHECK(direct.outcome == "rejected");
  CHECK(GoodsVerdictToJson(direct)["positive_list"]["bonded_only"] == true);
  f.trade_mode = "1210";
  GoodsVerdict bonded = Evaluate(f);
  CHECK(Codes(bonded) == Codes_{"GOODS_RESTRICTED"});
  CHECK(bonded.outcome == "review");
}

TEST_CASE("remark (c): a name restriction needs one of the allowed names") {
  GoodsFiling f = Perfume();
  f.code10 = "3215190000";
  f.name = "印刷油墨 5kg";
  GoodsVerdict v = Evaluate(f);
  CHECK(Codes(v) == Codes_{"POSITIVE_LIST_NAME_RESTRICTED"});
  CHECK(v.findings[0].field == "name");
  CHECK(v.outcome == "rejected");
  for (const char* ok :
       {"惠普 803 黑色墨盒", "HP INK Cartridge 803", "Ink-Cartridge", "打印机墨水"}) {
    f.name = ok;
    CHECK_MESSAGE(Evaluate(f).outcome == "admitted", ok);
  }
}

TEST_CASE("remark (d): a quantity cap is information with the cap in the text") {
  GoodsFiling f = Perfume();
  f.code10 = "1701991000";
  f.name = "日本砂糖";
  GoodsVerdict v = Evaluate(f);
  CHECK(Codes(v) == Codes_{"POSITIVE_LIST_QUANTITY_CAP"});
  CHECK(v.findings[0].severity == Severity::kInfo);
  CHECK(v.findings[0].message_zh.find("2 千克") != std::string::npos);
  CHECK(v.outcome == "admitted");
  Json cap = GoodsVerdictToJson(v)["positive_list"]["annual_cap"];
  CHECK(cap["qty_milli"] == 2000);
  CHECK(cap["unit"] == "千克");
  f.code10 = "1006302000";
  CHECK(Evaluate(f).findings[0].message_en.find("20 千克") != std::string::npos);
}

TEST_CASE("control list: prohibited by code or keyword, restricted warns") {
  GoodsFiling f = Perfume();
  f.name = "日本武士刀";
  f.code10 = "9307009000";
  GoodsVerdict sword = Evaluate(f);
  CHECK(Codes(sword) == Codes_{"GOODS_NOT_ON_POSITIVE_LIST", "GOODS_PROHIBITED"});
  CHECK(FindCode(sword, "GOODS_PROHIBITED")->field == "code10");

  f = Perfume();
  f.name = "象牙梳子";
  GoodsVerdict ivory = Evaluate(f);
  CHECK(Codes(ivory) == Codes_{"GOODS_PROHIBITED"});
  CHECK(ivory.findings[0].field == "name");
  CHECK(ivory.outcome == "rejected");
}

TEST_CASE("high-risk quarantine categories warn with their measure") {
  GoodsFiling f = Perfume();
  f.name = "新西兰全脂奶粉";
  f.code10 = "0402210000";
  f.origin_country = "609";
  GoodsVerdict v = Evaluate(f);
  CHECK(Codes(v) == Codes_{"GOODS_HIGH_RISK_QUARANTINE"});
  CHECK(v.findings[0].message_zh.find("境外企业注册") != std::string::npos);
  CHECK(v.outcome == "review");
}

TEST_CASE("origin must be a customs country code naming a real place (not 701 or 999)") {
  for (const char* origin : {"", "998", "999", "701", "JP"}) {
    GoodsFiling f = Perfume();
    f.origin_country = origin;
    GoodsVerdict v = Evaluate(f);
    CHECK_MESSAGE(Codes(v) == Codes_{"GOODS_ORIGIN_UNKNOWN"}, origin);
    CHECK(v.outcome == "rejected");
  }
}

TEST_CASE("price: must be positive; above the transaction limit only a single item clears") {
  GoodsFiling f = Perfume();
  f.declared_unit_price_fen = 0;
  CHECK(Codes(Evaluate(f)) == Codes_{"GOODS_PRICE_INVALID"});
  f.declared_unit_price_fen = -100;
  CHECK(Evaluate(f).outcome == "rejected");
  f.declared_unit_price_fen = 500000;
  CHECK(Evaluate(f).findings.empty());
  f.declared_unit_price_fen = 500001;
  GoodsVerdict v = Evaluate(f);
  CHECK(Codes(v) == Codes_{"GOODS_PRICE_OVER_LIMIT"});
  CHECK(v.findings[0].message_zh.find("¥5,000.00") != std::string::npos);
  CHECK(v.outcome == "review");
}

TEST_CASE("the same normalised name under other codes is flagged, codes sorted and unique") {
  GoodsFiling f = Perfume();
  f.name = "兰蔻小黑瓶精华";
  f.code10 = "3304990000";
  std::vector<OtherFiling> others = {{"兰蔻 小黑瓶 精华", "3304990099"},
                                     {"兰蔻（小黑瓶）精华", "3304100000"},
                                     {"兰蔻小黑瓶精华", "3304990099"},
                                     {"兰蔻小黑瓶精华", "3304990000"},
                                     {"兰蔻小黑瓶眼霜", "3304910000"}};
  GoodsVerdict v = Evaluate(f, others);
  CHECK(Codes(v) == Codes_{"SAME_NAME_DIFFERENT_CODE"});
  CHECK(v.findings[0].message_en.find("3304100000, 3304990099;") != std::string::npos);
  CHECK(v.outcome == "review");
  CHECK(Evaluate(f, {{"兰蔻小黑瓶精华", "3304990000"}}).findings.empty());
}

TEST_CASE("NormalizeGoodsName folds case, width, spaces and punctuation") {
  CHECK(NormalizeGoodsName("  Lancôme  Advanced-Génifique ") == "lancômeadvancedgénifique");
  CHECK(NormalizeGoodsName("ＡＢＣ（１００ｍｌ）") == "abc100ml");
  CHECK(NormalizeGoodsName("【正品】兰蔻·小黑瓶，精华！") == "正品兰蔻小黑瓶精华");
  CHECK(NormalizeGoodsName("2.5kg") != NormalizeGoodsName("25kg"));
  CHECK(NormalizeGoodsName("维生素C+E") == "维生素c+e");
  CHECK(NormalizeGoodsName("") == "");
  CHECK(NormalizeGoodsName(std::string("a\xff b")) == std::string("a\xff"
                                                                  "b"));
}

TEST_CASE("unloaded lists and policy warn instead of passing silently") {
  GoodsVerdict v = EvaluateGoods(Perfume(), kDecision, {}, ReferenceTables{}, Policy{});
  CHECK(v.outcome == "review");
  CHECK(FindCode(v, "POLICY_NOT_LOADED") != nullptr);
  CHECK(FindCode(v, "HS_NOT_CHECKED") != nullptr);
  int not_loaded = 0;
  for (const Finding& f : v.findings) not_loaded += f.code == "LIST_NOT_LOADED";
  CHECK(not_loaded == 4);  // positive list, controls, high risk, countries
}

void ExpectBad(const std::function<void(Json&)>& edit, const std::string& field) {
  Json j = GoodsFilingToJson(Perfume());
  edit(j);
  StatusOr<GoodsFiling> f = GoodsFilingFromJson(j);
  REQUIRE_FALSE(f.ok());
  CHECK_MESSAGE(f.status().message().find("'" + field + "'") != std::string::npos,
                f.status().message() << " should name " << field);
}

TEST_CASE("GoodsFilingFromJson round-trips and is strict") {
  Json j = GoodsFilingToJson(Perfume());
  StatusOr<GoodsFiling> back = GoodsFilingFromJson(j);
  REQUIRE(back.ok());
  CHECK(DumpJson(GoodsFilingToJson(*back)) == DumpJson(j));
  CHECK_FALSE(GoodsFilingFromJson(Json("x")).ok());
  ExpectBad([](Json& x) { x["declared_unit_price_fen"] = "1500.00"; }, "declared_unit_price_fen");
  ExpectBad([](Json& x) { x["declared_unit_price_fen"] = 1500.5; }, "declared_unit_price_fen");
  ExpectBad([](Json& x) { x.erase("declared_unit_price_fen"); }, "declared_unit_price_fen");
  ExpectBad([](Json& x) { x["declared_unit_price_fen"] = kMaxFen + 1; }, "declared_unit_price_fen");
  ExpectBad([](Json& x) { x["code10"] = 3303000000; }, "code10");
  ExpectBad([](Json& x) { x["name"] = std::string(201, 'a'); }, "name");
  ExpectBad([](Json& x) { x["trade_mode"] = Json::array(); }, "trade_mode");
}

}  // namespace
}  // namespace core
