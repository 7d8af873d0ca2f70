// Tests for rules and contexts as JSON: every problem of a rule reported at once, normalised
// output, validity windows, strict context reading, the validation and preview entry points.
#include <doctest/doctest.h>

#include <string>

#include "core/rules.h"
#include "core/rules_api.h"
#include "rules_fixtures.h"

namespace core {
namespace {

using testing::Ctx;
using testing::Require;
using testing::RulesSchema;
using testing::TestPolicy;

Json RuleDoc() {
  return Require(ParseJson(R"({
    "id": "cosmetics-dishonest", "name": "失信企业化妆品",
    "condition": "enterprise.grade = \"dishonest\" and goods.code8 startswith \"3304\"",
    "action": "inspect", "priority": 100, "valid_from": "2026-04-01", "valid_to": null,
    "enabled": true, "reason_zh": "失信企业申报化妆品", "reason_en": "cosmetics from a dishonest enterprise"})"));
}

Json Call(const std::string& out) { return Require(ParseJson(out)); }

std::vector<std::string> Codes(const ParsedRule& p) {
  std::vector<std::string> codes;
  for (const RuleError& e : p.errors) codes.push_back(e.finding.field + ":" + e.finding.code);
  return codes;
}

TEST_CASE("a valid rule reads and writes back unchanged") {
  ParsedRule p = RuleFromJson(RuleDoc(), RulesSchema());
  REQUIRE(p.rule.has_value());
  CHECK(p.errors.empty());
  CHECK(p.rule->action == RuleAction::kInspect);
  CHECK(p.rule->priority == 100);
  CHECK_FALSE(p.rule->valid_to.has_value());
  CHECK(RuleToJson(*p.rule) == RuleDoc());
}

TEST_CASE("every problem of a rule is reported, in field order") {
  Json doc = RuleDoc();
  doc["id"] = "Bad Id";
  doc["name"] = "";
  doc["condition"] = "list.value_fen > 2000";
  doc["action"] = "hold";
  doc["priority"] = -1;
  doc["valid_from"] = "2026-02-30";
  doc["enabled"] = "yes";
  doc.erase("reason_en");
  doc["colour"] = "red";
  ParsedRule p = RuleFromJson(doc, RulesSchema());
  CHECK_FALSE(p.rule.has_value());
  CHECK(Codes(p) ==
        std::vector<std::string>{"colour:RULE_UNKNOWN_KEY", "id:RULE_FIELD_INVALID",
                                 "name:RULE_FIELD_INVALID", "condition:RULE_TYPE_MISMATCH",
                                 "action:RULE_ACTION_UNKNOWN", "priority:RULE_FIELD_INVALID",
                                 "valid_from:RULE_FIELD_INVALID", "enabled:RULE_FIELD_INVALID",
                                 "reason_en:RULE_FIELD_INVALID"});
  for (const RuleError& e : p.errors) {
    CHECK_FALSE(e.finding.message_zh.empty());
    CHECK_FALSE(e.finding.message_en.empty());
    CHECK((e.finding.field == "condition") == (e.offset >= 0));
  }
}

TEST_CASE("the rule id 'stats' is reserved: GET /routing/rules/stats could not read it back") {
  Json doc = RuleDoc();
  doc["id"] = "stats";
  ParsedRule p = RuleFromJson(doc, RulesSchema());
  CHECK_FALSE(p.rule.has_value());
  CHECK(Codes(p) == std::vector<std::string>{"id:RULE_FIELD_INVALID"});
  doc["id"] = "stats-2";
  CHECK(RuleFromJson(doc, RulesSchema()).rule.has_value());
}

TEST_CASE("validity windows are inclusive and ordered") {
  Json doc = RuleDoc();
  doc["valid_from"] = "2026-05-01";
  doc["valid_to"] = "2026-05-31";
  Rule r = *RuleFromJson(doc, RulesSchema()).rule;
  CHECK_FALSE(r.ValidOn(Require(Date::Parse("2026-04-30"))));
  CHECK(r.ValidOn(Require(Date::Parse("2026-05-01"))));
  CHECK(r.ValidOn(Require(Date::Parse("2026-05-31"))));
  CHECK_FALSE(r.ValidOn(Require(Date::Parse("2026-06-01"))));
  doc["valid_to"] = "2026-04-30";
  CHECK(Codes(RuleFromJson(doc, RulesSchema())) ==
        std::vector<std::string>{"valid_to:RULE_VALIDITY_ORDER"});
  doc["valid_to"] = "2026-05-01";
  CHECK(RuleFromJson(doc, RulesSchema()).rule.has_value());  // a one-day rule
}

TEST_CASE("rule ids and priorities") {
  Json doc = RuleDoc();
  for (const char* ok : {"r1", "0-x", "a.b_c-d"}) {
    doc["id"] = ok;
    CHECK_MESSAGE(RuleFromJson(doc, RulesSchema()).rule.has_value(), ok);
  }
  for (const char* bad : {"-r", "R1", "r 1", "规则", ""}) {
    doc["id"] = bad;
    CHECK_MESSAGE(!RuleFromJson(doc, RulesSchema()).rule.has_value(), bad);
  }
  doc["id"] = std::string(65, 'a');
  CHECK_FALSE(RuleFromJson(doc, RulesSchema()).rule.has_value());
  doc["id"] = "r1";
  doc["priority"] = 1000001;
  CHECK_FALSE(RuleFromJson(doc, RulesSchema()).rule.has_value());
  doc["priority"] = 2.5;
  CHECK_FALSE(RuleFromJson(doc, RulesSchema()).rule.has_value());
  doc["priority"] = 1000000;
  CHECK(RuleFromJson(doc, RulesSchema()).rule.has_value());
  CHECK_FALSE(RuleFromJson(Json::array(), RulesSchema()).rule.has_value());
}

TEST_CASE("contexts are read strictly against the schema") {
  auto error = [](const char* json) {
    StatusOr<RuleContext> c =
        RuleContextFromJson(Require(ParseJson(json)), RulesSchema(), "context");
    REQUIRE_FALSE(c.ok());
    return c.status().message();
  };
  CHECK(error(R"({"lists": {}})").find("context.lists") != std::string::npos);
  CHECK(error(R"({"list": {"valu_fen": 1}})").find("did you mean list.value_fen?") !=
        std::string::npos);
  CHECK(error(R"({"list": {"value_fen": "100"}})").find("integer amount in fen") !=
        std::string::npos);
  CHECK(error(R"({"list": {"value_fen": 1.5}})").find("context.list.value_fen") !=
        std::string::npos);
  CHECK(error(R"({"list": {"hour": 24}})").find("between 0 and 23") != std::string::npos);
  CHECK(error(R"({"list": {"value_fen": 18446744073709551615}})").find("too large") !=
        std::string::npos);
  CHECK(error(R"({"enterprise": {"risk_level": "extreme"}})").find("extreme") != std::string::npos);
  CHECK(error(R"({"enterprise": {"roles": ["platform", 3]}})").find("array of strings") !=
        std::string::npos);
  CHECK(error(R"({"goods": [{"code10": "3304990099"}, {"high_risk": "yes"}]})")
            .find("context.goods[1].high_risk") != std::string::npos);
  CHECK(error(R"({"goods": {"code10": "1"}})").find("array") != std::string::npos);
  CHECK(error(R"([])").find("object") != std::string::npos);

  RuleContext ok = Ctx(R"({"list": {"value_fen": null, "lines": 2}, "goods": [{}, {}]})");
  CHECK(std::holds_alternative<std::monostate>(ContextValue(RulesSchema(), ok, "list.value_fen")));
  CHECK(ContextValue(RulesSchema(), ok, "list.lines") == RuleValue{int64_t{2}});
  CHECK(ok.lines.size() == 2);
}

TEST_CASE("contexts built value by value are checked the same way") {
  RuleContext c = EmptyContext(RulesSchema(), 1);
  CHECK(SetContextValue(RulesSchema(), c, "list.hour", int64_t{23}).ok());
  CHECK_FALSE(SetContextValue(RulesSchema(), c, "list.hour", int64_t{24}).ok());
  CHECK_FALSE(SetContextValue(RulesSchema(), c, "list.hour", std::string("3")).ok());
  CHECK_FALSE(SetContextValue(RulesSchema(), c, "list.hours", int64_t{3}).ok());
  CHECK(SetContextValue(RulesSchema(), c, "goods.high_risk", true, 0).ok());
  CHECK_FALSE(SetContextValue(RulesSchema(), c, "goods.high_risk", true, 1).ok());
  CHECK(EvaluateCondition(testing::Parse("goods.high_risk and list.hour > 22"), c).truth ==
        Truth::kTrue);
}

TEST_CASE("ValidateRuleJson reports errors with positions, or the normalised rule") {
  Json req = Json::object();
  req["rule"] = RuleDoc();
  Json ok = Call(ValidateRuleJson(DumpJson(req), TestPolicy()));
  CHECK(ok["ok"] == true);
  CHECK(ok["outcome"] == "valid");
  CHECK(ok["errors"].empty());
  CHECK(ok["rule"] == RuleDoc());
  CHECK(ok["fields"] == Json::array({"enterprise.grade", "goods.code8"}));
  CHECK(ok["uses_goods"] == true);

  req["rule"]["condition"] = "enterprise.grade = \"dishonst\"";
  Json bad = Call(ValidateRuleJson(DumpJson(req), TestPolicy()));
  CHECK(bad["ok"] == false);
  CHECK(bad["outcome"] == "invalid");
  CHECK(bad["rule"].is_null());
  REQUIRE(bad["errors"].size() == 1);
  CHECK(bad["errors"][0]["code"] == "RULE_UNKNOWN_VALUE");
  CHECK(bad["errors"][0]["offset"] == 19);
  CHECK(bad["errors"][0]["length"] == 10);

  CHECK(Call(ValidateRuleJson("{}", TestPolicy())).contains("error"));
  CHECK(Call(ValidateRuleJson("{\"rule\": {}, \"x\": 1}", TestPolicy())).contains("error"));
  CHECK(Call(ValidateRuleJson("{", TestPolicy())).contains("error"));
}

TEST_CASE("PreviewRuleJson shows which past lists a rule would hit") {
  Json req = Json::object();
  req["rule"] = RuleDoc();
  req["rule"]["enabled"] = false;  // previewed before it is switched on
  req["lists"] = Require(ParseJson(R"([
    {"id": "L1", "date": "2026-05-02", "context": {"enterprise": {"grade": "dishonest"},
      "goods": [{"code10": "0402210000"}, {"code10": "3304990099"}]}},
    {"id": "L2", "date": "2026-03-02", "context": {"enterprise": {"grade": "regular"},
      "goods": [{"code10": "3304990099"}]}},
    {"id": "L3", "context": {"goods": [{"code10": "3304990099"}]}}])"));
  Json p = Call(PreviewRuleJson(DumpJson(req), TestPolicy()));
  CHECK(p["outcome"] == "hits");
  CHECK(p["total"] == 3);
  CHECK(p["matched"] == 1);
  CHECK(p["unknown"] == 1);
  CHECK(p["hits"] == Json::array({"L1"}));
  CHECK(p["results"][0]["lines"] == Json::array({1}));
  CHECK(p["results"][0]["in_validity"] == true);
  CHECK(p["results"][1]["result"] == "false");
  CHECK(p["results"][1]["in_validity"] == false);
  CHECK(p["results"][2]["result"] == "unknown");
  CHECK(p["results"][2]["missing"] == Json::array({"enterprise.grade"}));
  CHECK(p["results"][2]["in_validity"].is_null());

  req["rule"]["action"] = "hold";
  Json invalid = Call(PreviewRuleJson(DumpJson(req), TestPolicy()));
  CHECK(invalid["outcome"] == "invalid");
  CHECK(invalid["errors"][0]["code"] == "RULE_ACTION_UNKNOWN");

  req["lists"][0]["context"]["list"] = Json::object({{"hour", 25}});
  Json refused = Call(PreviewRuleJson(DumpJson(req), TestPolicy()));
  CHECK(refused["error"]["message"].get<std::string>().find("lists[0].context.list.hour") !=
        std::string::npos);
}

TEST_CASE("the schema the editor offers lists every field with its type") {
  Json s = Call(RuleSchemaJson(TestPolicy()));
  REQUIRE(s["fields"].is_array());
  bool saw_grade = false;
  for (const Json& f : s["fields"]) {
    CHECK_FALSE(f["description_zh"].get<std::string>().empty());
    if (f["path"] == "enterprise.grade") {
      saw_grade = true;
      CHECK(f["type"] == "string");
      CHECK(f["allowed"].size() == 6);  // Decree 282's five and Decree 251's "registered"
    }
    if (f["path"] == "list.value_fen") CHECK(f["type"] == "money");
  }
  CHECK(saw_grade);
}

}  // namespace
}  // namespace core
