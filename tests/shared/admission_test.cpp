// Tests for enterprise admission: every finding code, the checklist order, validity dates at
// their edges, overseas enterprises, and strict parsing of application JSON.
#include "core/admission.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "verdict_fixtures.h"

namespace core {
namespace {

using testing::TestPolicy;
using testing::TestTables;

Date D(const char* iso) { return Date::Parse(iso).value(); }
const Date kDecision = D("2026-05-20");

Qualification Qual(std::string type, std::optional<Date> from, std::optional<Date> to) {
  Qualification q;
  q.type = std::move(type);
  q.number = "NO-" + q.type;
  q.issuer = "郑州市市场监督管理局";
  q.valid_from = from;
  q.valid_to = to;
  return q;
}

// A domestic e-commerce enterprise that also runs a platform, complete and valid.
EnterpriseApplication GoodApplication() {
  EnterpriseApplication app;
  app.name = "河南保税优品电子商务有限公司";
  app.uscc = std::string(testing::kUsccZhengzhou);
  app.customs_code = "4101960ABC";
  app.roles = {"ecommerce", "platform"};
  app.qualifications = {Qual("business_licence", D("2020-01-01"), D("2040-12-31")),
                        Qual("icp_filing", D("2020-03-01"), std::nullopt)};
  app.shop_urls = {"https://shop.example.cn/"};
  return app;
}

AdmissionVerdict Evaluate(const EnterpriseApplication& app, const Policy& policy = TestPolicy()) {
  return EvaluateAdmission(app, kDecision, TestTables(), policy);
}

std::vector<std::string> Codes(const Findings& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.code);
  return out;
}

const Finding* FindCode(const AdmissionVerdict& v, const std::string& code) {
  for (const Finding& f : v.findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

const ChecklistItem* Item(const AdmissionVerdict& v, const std::string& item) {
  for (const ChecklistItem& c : v.checklist) {
    if (c.item == item) return &c;
  }
  return nullptr;
}

std::vector<std::string> Items(const AdmissionVerdict& v) {
  std::vector<std::string> out;
  for (const ChecklistItem& c : v.checklist) out.push_back(c.item);
  return out;
}

TEST_CASE("a complete domestic application is eligible with a passing checklist in fixed order") {
  AdmissionVerdict v = Evaluate(GoodApplication());
  CHECK(v.outcome == "eligible");
  CHECK(v.findings.empty());
  CHECK(v.policy_version == "test-1");
  CHECK(v.decision_date == kDecision);
  CHECK(Items(v) == std::vector<std::string>{"name", "uscc", "customs_code", "roles",
                                             "qualification:business_licence",
                                             "qualification:icp_filing", "shops"});
  for (const ChecklistItem& c : v.checklist) {
    CHECK_MESSAGE(c.status == "pass", c.item);
    CHECK_FALSE(c.label_zh.empty());
    CHECK_FALSE(c.label_en.empty());
  }
}

TEST_CASE("name, USCC and customs code must be present") {
  EnterpriseApplication app = GoodApplication();
  app.name = "  ";
  app.uscc = "";
  app.customs_code = "";
  AdmissionVerdict v = Evaluate(app);
  CHECK(v.outcome == "ineligible");
  CHECK(Codes(v.findings) ==
        std::vector<std::string>{"NAME_MISSING", "USCC_MISSING", "CUSTOMS_CODE_MISSING"});
  CHECK(Item(v, "name")->status == "fail");
  CHECK(FindCode(v, "USCC_MISSING")->field == "uscc");
}

TEST_CASE("identifier findings come from the identifier checks, fields prefixed") {
  EnterpriseApplication app = GoodApplication();
  app.uscc = "91410100MA44XABC3U";  // wrong check character
  app.customs_code = "41-01";
  AdmissionVerdict v = Evaluate(app);
  CHECK(v.outcome == "ineligible");
  const Finding* f = FindCode(v, "USCC_CHECKSUM_PILOT");  // lenient policy: a warning
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kWarning);
  CHECK(f->field.rfind("uscc", 0) == 0);
  const Finding* c = FindCode(v, "CUSTOMS_CODE_FORMAT");
  REQUIRE(c != nullptr);
  CHECK(c->field.rfind("customs_code", 0) == 0);
}

TEST_CASE("USCC mode comes from the policy: a pilot code warns when lenient, fails when strict") {
  EnterpriseApplication app = GoodApplication();
  app.uscc = std::string(testing::kUsccPilot);
  AdmissionVerdict lenient = Evaluate(app);
  CHECK(lenient.outcome == "eligible");
  CHECK(FindCode(lenient, "USCC_CHECKSUM_PILOT") != nullptr);
  CHECK(Item(lenient, "uscc")->status == "warn");

  Policy strict = TestPolicy();
  strict.admission.uscc_mode = UsccMode::kStrict;
  AdmissionVerdict s = Evaluate(app, strict);
  CHECK(s.outcome == "ineligible");
  CHECK(FindCode(s, "USCC_CHECKSUM") != nullptr);
  CHECK(Item(s, "uscc")->status == "fail");
}

TEST_CASE("roles must be given once each") {
  EnterpriseApplication app = GoodApplication();
  app.roles = {};
  AdmissionVerdict none = Evaluate(app);
  CHECK(FindCode(none, "ROLES_MISSING") != nullptr);
  CHECK(none.outcome == "ineligible");

  app.roles = {"ecommerce", "platform", "ecommerce"};
  AdmissionVerdict dup = Evaluate(app);
  const Finding* f = FindCode(dup, "ROLE_DUPLICATE");
  REQUIRE(f != nullptr);
  CHECK(f->field == "roles[2]");
  CHECK(dup.outcome == "ineligible");
}

TEST_CASE("each role's required qualification types are demanded, naming role and type") {
  EnterpriseApplication app = GoodApplication();
  app.roles = {"platform", "payment"};
  app.qualifications = {Qual("business_licence", D("2020-01-01"), std::nullopt)};
  AdmissionVerdict v = Evaluate(app);
  CHECK(v.outcome == "ineligible");
  CHECK(Items(v) == std::vector<std::string>{
                        "name", "uscc", "customs_code", "roles", "qualification:business_licence",
                        "qualification:icp_filing", "qualification:payment_licence", "shops"});
  CHECK(Item(v, "qualification:business_licence")->status == "pass");
  const ChecklistItem* icp = Item(v, "qualification:icp_filing");
  REQUIRE(icp->findings.size() == 1);
  CHECK(icp->findings[0].code == "QUAL_MISSING");
  CHECK(icp->findings[0].message_zh.find("平台") != std::string::npos);
  CHECK(icp->findings[0].message_zh.find("ICP备案") != std::string::npos);
  CHECK(icp->findings[0].message_en.find("ICP filing") != std::string::npos);
  const ChecklistItem* pay = Item(v, "qualification:payment_licence");
  CHECK(pay->findings[0].message_zh.find("支付企业") != std::string::npos);
  CHECK(pay->findings[0].message_zh.find("支付业务许可证") != std::string::npos);
}

TEST_CASE("number and issuer must be filled in") {
  EnterpriseApplication app = GoodApplication();
  app.qualifications[0].number = "";
  app.qualifications[1].issuer = " ";
  AdmissionVerdict v = Evaluate(app);
  CHECK(FindCode(v, "QUAL_NUMBER_MISSING")->field == "qualifications[0].number");
  CHECK(FindCode(v, "QUAL_ISSUER_MISSING")->field == "qualifications[1].issuer");
  CHECK(v.outcome == "ineligible");
}

TEST_CASE("validity dates at their edges") {
  auto with_dates = [](std::optional<Date> from, std::optional<Date> to) {
    EnterpriseApplication app = GoodApplication();
    app.qualifications[0].valid_from = from;
    app.qualifications[0].valid_to = to;
    return Evaluate(app);
  };
  SUBCASE("valid_to on the decision date is still valid, and expiring") {
    AdmissionVerdict v = with_dates(D("2020-01-01"), kDecision);
    CHECK(v.outcome == "eligible");
    CHECK(Codes(v.findings) == std::vector<std::string>{"QUAL_EXPIRING"});
    CHECK(v.findings[0].field == "qualifications[0].valid_to");
    CHECK(v.findings[0].severity == Severity::kWarning);
    CHECK(Item(v, "qualification:business_licence")->status == "warn");
  }
  SUBCASE("the day before the decision date is expired") {
    AdmissionVerdict v = with_dates(D("2020-01-01"), kDecision.AddDays(-1));
    CHECK(v.outcome == "ineligible");
    CHECK(Codes(v.findings) == std::vector<std::string>{"QUAL_EXPIRED"});
  }
  SUBCASE("the expiry window is expiry_warning_days inclusive") {
    CHECK(Codes(with_dates(std::nullopt, kDecision.AddDays(30)).findings) ==
          std::vector<std::string>{"QUAL_EXPIRING"});
    CHECK(with_dates(std::nullopt, kDecision.AddDays(31)).findings.empty());
  }
  SUBCASE("valid_from on the decision date is valid, the next day is not yet") {
    CHECK(with_dates(kDecision, std::nullopt).findings.empty());
    AdmissionVerdict v = with_dates(kDecision.AddDays(1), std::nullopt);
    CHECK(Codes(v.findings) == std::vector<std::string>{"QUAL_NOT_YET_VALID"});
    CHECK(v.outcome == "ineligible");
  }
  SUBCASE("an end before the start is refused") {
    AdmissionVerdict v = with_dates(D("2025-01-01"), D("2024-01-01"));
    CHECK(FindCode(v, "QUAL_DATE_ORDER") != nullptr);
    CHECK(FindCode(v, "QUAL_EXPIRED") != nullptr);
  }
}

TEST_CASE("a second qualification of one type warns; extra types get their own item") {
  EnterpriseApplication app = GoodApplication();
  app.qualifications.push_back(Qual("business_licence", D("2010-01-01"), D("2019-12-31")));
  app.qualifications.push_back(Qual("express_licence", D("2020-01-01"), D("2026-06-01")));
  AdmissionVerdict v = Evaluate(app);
  const ChecklistItem* bl = Item(v, "qualification:business_licence");
  CHECK(Codes(bl->findings) == std::vector<std::string>{"QUAL_DUPLICATE", "QUAL_EXPIRED"});
  CHECK(bl->findings[1].field == "qualifications[2].valid_to");
  CHECK(Items(v).back() == "shops");
  const ChecklistItem* extra = Item(v, "qualification:express_licence");
  REQUIRE(extra != nullptr);
  CHECK(Codes(extra->findings) == std::vector<std::string>{"QUAL_EXPIRING"});
  CHECK(v.outcome == "ineligible");
}

EnterpriseApplication Overseas() {
  EnterpriseApplication app;
  app.name = "Sakura Cosmetics Co., Ltd.";
  app.overseas = true;
  app.country = "116";
  app.customs_code = "4101980XYZ";
  app.roles = {"ecommerce"};
  Qualification agent = Qual("domestic_agent", D("2025-01-01"), D("2028-12-31"));
  agent.agent_uscc = std::string(testing::kUsccJinshui);
  app.qualifications = {agent};
  app.shop_urls = {"https://sakura.example.jp/store"};
  return app;
}

TEST_CASE("an overseas e-commerce enterprise needs a domestic agent instead of a licence") {
  AdmissionVerdict v = Evaluate(Overseas());
  CHECK(v.outcome == "eligible");
  CHECK(v.findings.empty());
  CHECK(Items(v) == std::vector<std::string>{"name", "uscc", "country", "customs_code", "roles",
                                             "qualification:domestic_agent", "shops"});
}

TEST_CASE("overseas: country, agent and agent USCC are checked") {
  EnterpriseApplication app = Overseas();
  app.country = "";
  app.qualifications[0].agent_uscc = "";
  AdmissionVerdict v = Evaluate(app);
  CHECK(FindCode(v, "COUNTRY_MISSING") != nullptr);
  CHECK(FindCode(v, "QUAL_AGENT_USCC_MISSING")->field == "qualifications[0].agent_uscc");

  app.country = "999";  // in the table, but "neutral packaging" is no country
  app.qualifications[0].agent_uscc = "ABC";
  v = Evaluate(app);
  CHECK(FindCode(v, "COUNTRY_UNKNOWN")->field == "country");
  app.country = "888";  // not in the table at all
  CHECK(FindCode(Evaluate(app), "COUNTRY_UNKNOWN") != nullptr);
  const Finding* f = FindCode(v, "USCC_FORMAT");
  REQUIRE(f != nullptr);
  CHECK(f->field.rfind("qualifications[0].agent_uscc", 0) == 0);
  CHECK(v.outcome == "ineligible");

  app = Overseas();
  app.qualifications.clear();
  v = Evaluate(app);
  CHECK(FindCode(v, "QUAL_MISSING")->message_zh.find("境内代理人") != std::string::npos);
  CHECK(Item(v, "qualification:business_licence") == nullptr);
}

TEST_CASE("shops: required roles need a URL; each must be http(s) with a host") {
  EnterpriseApplication app = GoodApplication();
  app.shop_urls = {};
  AdmissionVerdict v = Evaluate(app);
  CHECK(FindCode(v, "SHOP_MISSING") != nullptr);
  CHECK(v.outcome == "ineligible");

  app.roles = {"payment"};
  app.qualifications = {Qual("business_licence", D("2020-01-01"), std::nullopt),
                        Qual("payment_licence", D("2020-01-01"), std::nullopt)};
  CHECK(Evaluate(app).findings.empty());

  app = GoodApplication();
  app.shop_urls = {
      "ftp://shop.example.cn/",  "https://localhost/", "https://user@shop.example.cn/",
      "shop.example.cn",         "https://shop..cn/",  "https://shop.example.cn:99999/",
      "https://shop example.cn/"};
  v = Evaluate(app);
  CHECK(v.findings.size() == 7);
  for (size_t i = 0; i < v.findings.size(); ++i) {
    CHECK(v.findings[i].code == "SHOP_URL_INVALID");
    CHECK(v.findings[i].field == "shop_urls[" + std::to_string(i) + "]");
  }

  app.shop_urls = {"https://商城.example.中国/path?x=1", "HTTP://Shop.Example.cn:8080/#top",
                   "https://shop.example.cn/", "https://SHOP.example.cn"};
  v = Evaluate(app);
  CHECK(Codes(v.findings) == std::vector<std::string>{"SHOP_URL_DUPLICATE"});
  CHECK(v.findings[0].field == "shop_urls[3]");
  CHECK(v.outcome == "eligible");
}

TEST_CASE("missing tables and a missing policy warn instead of passing silently") {
  AdmissionVerdict v = EvaluateAdmission(Overseas(), kDecision, ReferenceTables{}, TestPolicy());
  CHECK(FindCode(v, "LIST_NOT_LOADED") != nullptr);
  CHECK(v.outcome == "eligible");
  AdmissionVerdict np = EvaluateAdmission(GoodApplication(), kDecision, TestTables(), Policy{});
  CHECK(FindCode(np, "POLICY_NOT_LOADED") != nullptr);
  CHECK(np.policy_version.empty());
}

TEST_CASE("verdict findings are the checklist's findings in checklist order") {
  EnterpriseApplication app = GoodApplication();
  app.name = "";
  app.shop_urls = {};
  app.qualifications[1].valid_to = kDecision.AddDays(3);
  AdmissionVerdict v = Evaluate(app);
  CHECK(Codes(v.findings) ==
        std::vector<std::string>{"NAME_MISSING", "QUAL_EXPIRING", "SHOP_MISSING"});
  Json j = AdmissionVerdictToJson(v);
  CHECK(j["outcome"] == "ineligible");
  CHECK(j["decision_date"] == "2026-05-20");
  CHECK(j["policy_version"] == "test-1");
  REQUIRE(j["checklist"].size() == 7);
  CHECK(j["checklist"][0]["item"] == "name");
  CHECK(j["checklist"][0]["status"] == "fail");
  CHECK(j["checklist"][0]["findings"][0]["code"] == "NAME_MISSING");
  CHECK(j["findings"].size() == 3);
  CHECK(j["findings"][1]["severity"] == "warning");
}

Json GoodApplicationJson() { return ApplicationToJson(GoodApplication()); }

void ExpectBad(const std::function<void(Json&)>& edit, const std::string& field) {
  Json j = GoodApplicationJson();
  edit(j);
  StatusOr<EnterpriseApplication> app = ApplicationFromJson(j);
  REQUIRE_FALSE(app.ok());
  CHECK(app.status().code() == StatusCode::kInvalidArgument);
  CHECK_MESSAGE(app.status().message().find("'" + field + "'") != std::string::npos,
                app.status().message() << " should name " << field);
}

TEST_CASE("ApplicationFromJson round-trips and is strict") {
  StatusOr<EnterpriseApplication> back = ApplicationFromJson(GoodApplicationJson());
  REQUIRE(back.ok());
  CHECK(DumpJson(ApplicationToJson(*back)) == DumpJson(GoodApplicationJson()));
  CHECK(GoodApplicationJson()["qualifications"][1]["valid_to"].is_null());

  // Chinese text counts characters, not bytes: 200 characters are fine, 201 are not.
  std::string name200;
  for (int i = 0; i < 200; ++i) name200 += "商";
  Json ok = GoodApplicationJson();
  ok["name"] = name200;
  CHECK(ApplicationFromJson(ok).ok());

  CHECK_FALSE(ApplicationFromJson(Json::array()).ok());
  ExpectBad([&](Json& j) { j["name"] = name200 + "商"; }, "name");
  ExpectBad([](Json& j) { j["uscc"] = 91410100; }, "uscc");
  ExpectBad([](Json& j) { j["overseas"] = "no"; }, "overseas");
  ExpectBad([](Json& j) { j["roles"] = "ecommerce"; }, "roles");
  ExpectBad([](Json& j) { j["roles"][1] = "shop"; }, "roles[1]");
  ExpectBad([](Json& j) { j["qualifications"][0]["type"] = "licence"; }, "qualifications[0].type");
  ExpectBad([](Json& j) { j["qualifications"][1].erase("type"); }, "qualifications[1].type");
  ExpectBad([](Json& j) { j["qualifications"][0]["valid_to"] = "2040-02-30"; },
            "qualifications[0].valid_to");
  ExpectBad([](Json& j) { j["qualifications"][0]["valid_from"] = "20200101"; },
            "qualifications[0].valid_from");
  ExpectBad([](Json& j) { j["qualifications"][0] = "business_licence"; }, "qualifications[0]");
  ExpectBad([](Json& j) { j["shop_urls"][0] = "https://x.cn/" + std::string(490, 'a'); },
            "shop_urls[0]");
  ExpectBad(
      [](Json& j) {
        for (int i = 0; i < 20; ++i) j["qualifications"].push_back(j["qualifications"][0]);
      },
      "qualifications");
  ExpectBad(
      [](Json& j) {
        for (int i = 0; i < 20; ++i)
          j["shop_urls"].push_back("https://s" + std::to_string(i) + ".cn");
      },
      "shop_urls");
}

}  // namespace
}  // namespace core
