// Tests for the text-in, text-out entry points: verdict output, the error shape for malformed
// requests, and the identifier check request.
#include "core/verdict_api.h"

#include <doctest/doctest.h>

#include <string>

#include "verdict_fixtures.h"

namespace core {
namespace {

using testing::TestPolicy;
using testing::TestTables;

Json Call(std::string (*fn)(std::string_view, const ReferenceTables&, const Policy&),
          const std::string& request) {
  std::string out = fn(request, TestTables(), TestPolicy());
  StatusOr<Json> j = ParseJson(out);
  REQUIRE_MESSAGE(j.ok(), out);
  return *j;
}

// The error message, after checking the exact error shape.
std::string ErrorOf(const Json& j) {
  REQUIRE(j.is_object());
  REQUIRE(j.size() == 1);
  REQUIRE(j.contains("error"));
  const Json& e = j["error"];
  REQUIRE(e.size() == 2);
  CHECK(e["code"] == "invalid_argument");
  REQUIRE(e["message"].is_string());
  return e["message"].get<std::string>();
}

const char* kApplication = R"({"application": {
  "name": "河南保税优品电子商务有限公司", "uscc": "91410100MA44XABC3T",
  "customs_code": "4101960ABC", "overseas": false, "country": "",
  "roles": ["ecommerce", "platform"],
  "qualifications": [
    {"type": "business_licence", "number": "91410100MA44XABC3T", "issuer": "郑州市市场监督管理局",
     "valid_from": "2020-01-01", "valid_to": "2040-12-31"},
    {"type": "icp_filing", "number": "豫ICP备2020000001号", "issuer": "河南省通信管理局",
     "valid_from": "2020-03-01", "valid_to": null}],
  "shop_urls": ["https://shop.example.cn/"]},
  "decision_date": "2026-05-20"})";

TEST_CASE("EvaluateAdmissionJson returns the verdict with sorted keys, deterministically") {
  std::string out = EvaluateAdmissionJson(kApplication, TestTables(), TestPolicy());
  CHECK(out == EvaluateAdmissionJson(kApplication, TestTables(), TestPolicy()));
  CHECK(out.rfind(R"({"checklist":[{"findings":[],"item":"name","label_en":)", 0) == 0);
  Json j = Call(EvaluateAdmissionJson, kApplication);
  CHECK(j["outcome"] == "eligible");
  CHECK(j["decision_date"] == "2026-05-20");
  CHECK(j["policy_version"] == "test-1");
  CHECK(j["checklist"].size() == 7);
}

TEST_CASE("malformed admission requests give the error shape naming the field") {
  CHECK(ErrorOf(Call(EvaluateAdmissionJson, "{not json")).find("malformed") != std::string::npos);
  CHECK_FALSE(ErrorOf(Call(EvaluateAdmissionJson, "[1,2]")).empty());
  CHECK(ErrorOf(Call(EvaluateAdmissionJson, R"({"decision_date":"2026-05-20"})"))
            .find("'application'") != std::string::npos);
  CHECK(ErrorOf(Call(EvaluateAdmissionJson, R"({"application":[],"decision_date":"2026-05-20"})"))
            .find("'application'") != std::string::npos);
  CHECK(ErrorOf(Call(EvaluateAdmissionJson, R"({"application":{}})")).find("'decision_date'") !=
        std::string::npos);
  CHECK(ErrorOf(Call(EvaluateAdmissionJson, R"({"application":{},"decision_date":"2026-13-01"})"))
            .find("'decision_date'") != std::string::npos);
  CHECK(ErrorOf(Call(EvaluateAdmissionJson,
                     R"({"application":{"roles":["shop"]},"decision_date":"2026-05-20"})"))
            .find("'application.roles[0]'") != std::string::npos);
  CHECK(ErrorOf(Call(EvaluateAdmissionJson,
                     R"({"application":{"qualifications":[{"type":"business_licence",
                        "valid_to":"2040-1-1"}]},"decision_date":"2026-05-20"})"))
            .find("'application.qualifications[0].valid_to'") != std::string::npos);
}

TEST_CASE("EvaluateGoodsJson evaluates with other filings; bad requests give the error shape") {
  const std::string req = R"({"filing": {"sku":"A1","name":"兰蔻小黑瓶精华","brand":"Lancome",
    "spec":"50ml","code10":"3304990000","origin_country":"305","unit":"瓶",
    "declared_unit_price_fen":98000,"trade_mode":"1210"},
    "decision_date":"2026-05-20",
    "other_filings":[{"name":"兰蔻 小黑瓶精华","code10":"3303000000"}]})";
  Json j = Call(EvaluateGoodsJson, req);
  CHECK(j["outcome"] == "review");
  CHECK(j["code8"] == "33049900");
  CHECK(j["findings"][0]["code"] == "SAME_NAME_DIFFERENT_CODE");
  CHECK(j["positive_list"]["name"] == "其他美容品或化妆品及护肤品");

  CHECK(ErrorOf(Call(EvaluateGoodsJson, R"({"decision_date":"2026-05-20"})")).find("'filing'") !=
        std::string::npos);
  CHECK(ErrorOf(Call(EvaluateGoodsJson,
                     R"({"filing":{"declared_unit_price_fen":"12"},"decision_date":"2026-05-20"})"))
            .find("'filing.declared_unit_price_fen'") != std::string::npos);
  CHECK(ErrorOf(Call(EvaluateGoodsJson, R"({"filing":{"declared_unit_price_fen":1},
                     "decision_date":"2026-05-20","other_filings":{}})"))
            .find("'other_filings'") != std::string::npos);
  CHECK(ErrorOf(Call(EvaluateGoodsJson, R"({"filing":{"declared_unit_price_fen":1},
                     "decision_date":"2026-05-20","other_filings":[{"name":5}]})"))
            .find("'other_filings[0].name'") != std::string::npos);
}

TEST_CASE("CheckIdentifierJson runs each kind and reports valid, normalized, findings, details") {
  Json uscc = Call(CheckIdentifierJson, R"({"kind":"uscc","value":" 91310110666007217t "})");
  CHECK(uscc["valid"] == true);
  CHECK(uscc["normalized"] == "91310110666007217T");
  CHECK(uscc["findings"].is_array());
  CHECK(uscc["details"].is_object());
  CHECK(uscc.size() == 4);

  // Lenient by default (the policy), strict when asked.
  Json pilot = Call(CheckIdentifierJson, R"({"kind":"uscc","value":"91350100M0001TGQXM"})");
  CHECK(pilot["valid"] == true);
  CHECK(pilot["findings"][0]["code"] == "USCC_CHECKSUM_PILOT");
  Json strict =
      Call(CheckIdentifierJson, R"({"kind":"uscc","value":"91350100M0001TGQXM","lenient":false})");
  CHECK(strict["valid"] == false);

  Json id = Call(CheckIdentifierJson, R"({"kind":"resident_id","value":"11010519491231002X",
                                          "date":"2026-05-20"})");
  CHECK(id["details"]["birth_date"] == "1949-12-31");

  Json customs = Call(CheckIdentifierJson, R"({"kind":"customs_code","value":"4101960ABC"})");
  CHECK(customs["valid"] == true);

  Json retired = Call(CheckIdentifierJson, R"({"kind":"commodity_code","value":"1006301000"})");
  CHECK(retired["valid"] == true);
  CHECK(retired["findings"][0]["code"] == "HS_NOT_LISTED_IN_YEAR");
  Json in_year = Call(CheckIdentifierJson,
                      R"({"kind":"commodity_code","value":"1006301000","date":"2017-01-01"})");
  CHECK(in_year["findings"].empty());

  CHECK(
      ErrorOf(Call(CheckIdentifierJson, R"({"kind":"passport","value":"E123"})")).find("'kind'") !=
      std::string::npos);
  CHECK(ErrorOf(Call(CheckIdentifierJson, R"({"value":"E123"})")).find("'kind'") !=
        std::string::npos);
  CHECK(ErrorOf(Call(CheckIdentifierJson, R"({"kind":"uscc","value":"x","lenient":"yes"})"))
            .find("'lenient'") != std::string::npos);
  CHECK(ErrorOf(Call(CheckIdentifierJson, R"({"kind":"uscc","value":"x","date":"yesterday"})"))
            .find("'date'") != std::string::npos);
}

}  // namespace
}  // namespace core
