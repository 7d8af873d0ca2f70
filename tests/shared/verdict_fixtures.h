// Small in-memory reference tables and a policy for the admission, goods and verdict_api tests
// (no file I/O, so the same tests run natively and under node). The rows are real codes from
// data/reference and data/lists; the policy mirrors data/policy/default.json.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>

#include "core/catalog.h"
#include "core/ids.h"
#include "core/json.h"
#include "core/policy.h"

namespace core::testing {

inline constexpr std::string_view kDivisionsCsv =
    "code,province,prefecture,name,level,status,start_year,end_year,successors\n"
    "310000,上海市,,上海市,province,active,1981,,\n"
    "310110,上海市,直辖,杨浦区,county,active,1981,,\n"
    "410000,河南省,,河南省,province,active,1981,,\n"
    "410100,河南省,郑州市,郑州市,prefecture,active,1981,,\n"
    "410105,河南省,郑州市,金水区,county,active,1981,,\n"
    "440000,广东省,,广东省,province,active,1981,,\n"
    "440300,广东省,深圳市,深圳市,prefecture,active,1981,,\n";

inline constexpr std::string_view kHs8Csv =
    "code,first_year,last_year,years_present,name_zh_latest,name_en_latest\n"
    "03011100,2015,2023,,淡水观赏鱼,Live ornamental freshwater fish\n"
    "04022100,2015,2023,,乳粉,Milk powder\n"
    "10063010,2015,2018,,籼米精米,Semi or wholly milled long grain\n"
    "10063020,2018,2023,,长粒米精米,Semi or wholly milled rice\n"
    "17019910,2015,2023,,砂糖,Granulated sugar\n"
    "19011010,2015,2023,,婴幼儿配方奶粉,Infant formula\n"
    "22042100,2015,2023,,葡萄酒,Wine\n"
    "30049090,2015,2023,,未列名药品,Medicaments nes\n"
    "32151900,2015,2023,,其他印刷油墨,Printing ink\n"
    "33030000,2015,2023,,香水及花露水,Perfumes\n"
    "33049900,2015,2023,,其他美容品或化妆品及护肤品,Beauty and skin-care nes\n"
    "87032342,2015,2023,,越野车,Cross-country cars\n"
    "91021100,2015,2023,,电子手表,Electric wrist-watches\n"
    "93070090,2015,2023,,其他剑,Swords\n";

inline constexpr std::string_view kPositiveListCsv =
    "# version: test-subset\n"
    "code8,name,remark,excluded,exclusion,bonded_only,allowed_names,annual_cap,cap_unit\n"
    "03011100,淡水观赏鱼,濒危物种除外,1,列入CITES附录的物种,0,,,\n"
    "04022100,乳粉,,0,,0,,,\n"
    "10063020,长粒米精米,每人每年限购20千克,0,,0,,20,千克\n"
    "17019910,砂糖,每人每年限购2千克,0,,0,,2,千克\n"
    "19011010,婴幼儿配方奶粉,,0,,0,,,\n"
    "22042100,葡萄酒,,0,,0,,,\n"
    "30049090,未列名药品,仅限网购保税商品,0,,1,,,\n"
    "32151900,其他印刷油墨,仅限家用打印机用墨盒,0,,0,墨盒;墨水;ink cartridge,,\n"
    "33030000,香水及花露水,,0,,0,,,\n"
    "33049900,其他美容品或化妆品及护肤品,,0,,0,,,\n"
    "91021100,电子手表,,0,,0,,,\n";

inline constexpr std::string_view kControlsCsv =
    "kind,code_prefix,name_keyword,reason_zh,reason_en\n"
    "prohibited,9307,,刀剑,Swords\n"
    "prohibited,,象牙,象牙制品,Ivory\n"
    "restricted,3004,,药品,Medicines\n";

inline constexpr std::string_view kHighRiskCsv =
    "code_prefix,category_zh,category_en,measure_zh,measure_en\n"
    "03,水产品,Aquatic products,检疫证书,Quarantine certificate\n"
    "0402,乳粉,Milk powder,境外企业注册,Producer registration\n"
    "1901,婴幼儿配方食品,Infant formula,配方注册,Recipe registration\n";

inline constexpr std::string_view kCountriesCsv =
    "code,name_zh,name_en,note\n"
    "116,日本,Japan,\n"
    "142,中国,China,\n"
    "304,德国,Germany,\n"
    "305,法国,France,\n"
    "502,美国,United States,\n"
    "601,澳大利亚,Australia,\n"
    "609,新西兰,New Zealand,\n"
    "701,国（地）别不详,Countries (regions) unknown,\n"
    "999,中性包装原产国别,Countries from the Neutral Package,abolished in 2008\n";

inline constexpr std::string_view kPolicyJson = R"({
  "version": "test-1",
  "effective_date": "2026-04-01",
  "grade_scales": [
    {"id": "decree282", "name_zh": "署令第282号", "name_en": "Decree 282",
     "effective_from": "2026-04-01", "effective_to": null,
     "grades": [
       {"id": "advanced_certified", "name_zh": "高级认证企业", "name_en": "Advanced certified"},
       {"id": "certified", "name_zh": "认证企业", "name_en": "Certified"},
       {"id": "regular", "name_zh": "一般信用企业", "name_en": "Regular"},
       {"id": "dishonest", "name_zh": "失信企业", "name_en": "Dishonest"},
       {"id": "seriously_dishonest", "name_zh": "严重失信企业", "name_en": "Seriously dishonest"}]},
    {"id": "decree251", "name_zh": "署令第251号", "name_en": "Decree 251",
     "effective_from": "2021-11-01", "effective_to": "2026-04-01",
     "grades": [
       {"id": "advanced_certified", "name_zh": "高级认证企业", "name_en": "Advanced certified"},
       {"id": "registered", "name_zh": "其他注册登记和备案企业", "name_en": "Registered"},
       {"id": "dishonest", "name_zh": "失信企业", "name_en": "Dishonest"}]}
  ],
  "measures": {
    "advanced_certified": {"manual_review_bp": 50, "inspection_bp": 50,
                           "stocktake_months": 12, "guarantee": "exempt"},
    "certified": {"manual_review_bp": 100, "inspection_bp": 100,
                  "stocktake_months": 6, "guarantee": "bank_guarantee"},
    "regular": {"manual_review_bp": 300, "inspection_bp": 300,
                "stocktake_months": 3, "guarantee": "bank_guarantee"},
    "registered": {"manual_review_bp": 300, "inspection_bp": 300,
                   "stocktake_months": 3, "guarantee": "bank_guarantee"},
    "dishonest": {"manual_review_bp": 3000, "inspection_bp": 8000,
                  "stocktake_months": 1, "guarantee": "cash_deposit"},
    "seriously_dishonest": {"manual_review_bp": 10000, "inspection_bp": 10000,
                            "stocktake_months": 1, "guarantee": "cash_deposit"}
  },
  "risk_level_addon_bp": {"low": 0, "medium": 200, "high": 1000},
  "admission": {
    "role_requirements": {
      "ecommerce": ["business_licence"],
      "platform": ["business_licence", "icp_filing"],
      "payment": ["business_licence", "payment_licence"],
      "logistics": ["business_licence", "express_licence"]
    },
    "overseas_role_requirements": {"ecommerce": ["domestic_agent"]},
    "shop_required_roles": ["ecommerce", "platform"],
    "expiry_warning_days": 30,
    "uscc_mode": "lenient"
  },
  "limits": {"transaction_fen": 500000, "annual_fen": 2600000}
})";

// Valid codes (check characters computed per DOMAIN §4.2, inner organisation code valid too).
inline constexpr std::string_view kUsccZhengzhou = "91410100MA44XABC3T";
inline constexpr std::string_view kUsccJinshui = "91410105MA9F8K2LXJ";
inline constexpr std::string_view kUsccShanghai = "91310110666007217T";
// A real early pilot code whose check character fails the standard (DOMAIN §4.2).
inline constexpr std::string_view kUsccPilot = "91350100M0001TGQXM";

template <typename T>
T Require(StatusOr<T> result) {
  REQUIRE_MESSAGE(result.ok(), result.status().ToString());
  return std::move(result).value();
}

inline const ReferenceTables& TestTables() {
  static const ReferenceTables tables = [] {
    ReferenceTables t;
    t.divisions = Require(DivisionTable::FromHistoryCsv(kDivisionsCsv));
    t.hs8 = Require(Hs8Catalog::FromYearsCsv(kHs8Csv));
    t.positive_list = Require(PositiveList::FromCsv(kPositiveListCsv));
    t.controls = Require(ControlList::FromCsv(kControlsCsv));
    t.high_risk = Require(HighRiskList::FromCsv(kHighRiskCsv));
    t.countries = Require(CountryTable::FromCsv(kCountriesCsv));
    return t;
  }();
  return tables;
}

inline Json TestPolicyJson() { return Require(ParseJson(kPolicyJson)); }

inline const Policy& TestPolicy() {
  static const Policy policy = Require(PolicyFromJson(TestPolicyJson()));
  return policy;
}

}  // namespace core::testing
