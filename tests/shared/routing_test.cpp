// Tests for routing: strongest action wins with ties by priority then id, validity and enabled
// flags, the grade's rates with the risk add-on and the seeded random top-up (seeds chosen from
// the pinned draws of sampling_test), the policy's floor, lanes, replay, and RouteJson.
#include "core/routing.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/rules_api.h"
#include "rules_fixtures.h"

namespace core {
namespace {

using testing::Ctx;
using testing::Require;
using testing::RulesSchema;
using testing::TestPolicy;

// Routing-stream draws of some seeds (Python reference): 0 -> 2991, 8 -> 781, 13 -> 8931,
// 57 -> 218, 68 -> 530.
constexpr uint64_t kDraw2991 = 0, kDraw781 = 8, kDraw8931 = 13, kDraw218 = 57, kDraw530 = 68;

Rule MakeRule(std::string id, std::string condition, RuleAction action, int priority = 0) {
  ParsedCondition c = ParseCondition(condition, RulesSchema());
  REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.errors[0].finding.message_en));
  Rule r;
  r.id = std::move(id);
  r.name = "rule " + r.id;
  r.condition = c.condition;
  r.action = action;
  r.priority = priority;
  r.valid_from = Require(Date::Parse("2026-01-01"));
  r.reason_zh = "理由 " + r.id;
  r.reason_en = "reason " + r.id;
  return r;
}

Date D(const char* iso) { return Require(Date::Parse(iso)); }

constexpr const char* kRegularLow = R"({"enterprise": {"grade": "regular", "risk_level": "low"},
  "list": {"value_fen": 300000, "lines": 1}, "goods": [{"code10": "3304990099"}]})";

RouteDecision RouteCtx(const std::vector<Rule>& rules, const char* ctx, uint64_t seed,
                       const char* date = "2026-05-20") {
  return Route(rules, RulesSchema(), Ctx(ctx), D(date), seed, TestPolicy());
}

bool HasCode(const RouteDecision& d, std::string_view code) {
  for (const Finding& f : d.findings) {
    if (f.code == code) return true;
  }
  return false;
}

TEST_CASE("no rules: the random top-up of a regular, low-risk enterprise") {
  RouteDecision release = RouteCtx({}, kRegularLow, kDraw2991);
  CHECK(release.action == RuleAction::kRelease);
  CHECK(release.lane == Lane::kGreen);
  CHECK(release.source == "default");
  CHECK(release.findings.empty());
  CHECK(release.draw.value == 2991);
  CHECK(release.draw.inspect_below == 300);
  CHECK(release.draw.manual_review_below == 600);
  CHECK_FALSE(release.draw.applied);
  CHECK(release.measures.grade_scale == "decree282");
  CHECK(release.measures.policy_version == "test-1");
  CHECK(release.measures.grade_name_zh == "一般信用企业");

  RouteDecision inspect = RouteCtx({}, kRegularLow, kDraw218);
  CHECK(inspect.action == RuleAction::kInspect);
  CHECK(inspect.lane == Lane::kRed);
  CHECK(inspect.source == "random");
  CHECK(inspect.draw.applied);
  REQUIRE(inspect.findings.size() == 1);
  CHECK(inspect.findings[0].code == "ROUTE_RANDOM_INSPECTION");
  CHECK(inspect.findings[0].message_en ==
        "random inspection: draw 218 is below 300 (Regular inspection rate 3.00% + risk add-on "
        "0.00%)");
  CHECK(inspect.findings[0].message_zh ==
        "随机布控查验：抽取值 218 小于 300（一般信用企业查验率 3.00% + 风险附加 0.00%）");

  RouteDecision review = RouteCtx({}, kRegularLow, kDraw530);
  CHECK(review.action == RuleAction::kManualReview);
  CHECK(review.lane == Lane::kYellow);
  CHECK(review.findings[0].code == "ROUTE_RANDOM_REVIEW");
  CHECK(review.findings[0].message_en ==
        "random manual review: draw 530 is in [300, 600) (Regular manual review rate 3.00%)");
}

TEST_CASE("the risk level adds to the inspection rate") {
  const char* high = R"({"enterprise": {"grade": "regular", "risk_level": "high"}})";
  const char* medium = R"({"enterprise": {"grade": "regular", "risk_level": "medium"}})";
  RouteDecision h = RouteCtx({}, high, kDraw781);
  CHECK(h.draw.inspect_below == 1300);
  CHECK(h.action == RuleAction::kInspect);
  CHECK(h.measures.risk_addon_bp == 1000);
  RouteDecision m = RouteCtx({}, medium, kDraw781);
  CHECK(m.draw.inspect_below == 500);
  CHECK(m.draw.manual_review_below == 800);
  CHECK(m.action == RuleAction::kManualReview);
  CHECK(RouteCtx({}, kRegularLow, kDraw781).action == RuleAction::kRelease);
}

TEST_CASE("dishonest and seriously dishonest enterprises: rates past 100% are capped") {
  const char* dishonest = R"({"enterprise": {"grade": "dishonest", "risk_level": "low"}})";
  RouteDecision d = RouteCtx({}, dishonest, kDraw2991);
  CHECK(d.action == RuleAction::kInspect);
  CHECK(d.draw.inspect_below == 8000);
  CHECK(d.draw.manual_review_below == 10000);  // 8000 + 3000 capped
  CHECK(RouteCtx({}, dishonest, kDraw8931).action == RuleAction::kManualReview);
  const char* serious = R"({"enterprise": {"grade": "seriously_dishonest", "risk_level": "high"}})";
  for (uint64_t seed : {kDraw2991, kDraw8931, kDraw781}) {
    RouteDecision s = RouteCtx({}, serious, seed);
    CHECK(s.action == RuleAction::kInspect);
    CHECK(s.draw.inspect_below == 10000);
  }
}

TEST_CASE("over many seeds the top-up selects the configured shares") {
  RuleContext ctx = Ctx(kRegularLow);
  int inspect = 0;
  int review = 0;
  for (uint64_t seed = 0; seed < 10000; ++seed) {
    const RuleAction a = Route({}, RulesSchema(), ctx, D("2026-05-20"), seed, TestPolicy()).action;
    if (a == RuleAction::kInspect) ++inspect;
    if (a == RuleAction::kManualReview) ++review;
  }
  CHECK(inspect > 240);  // expected 300, sd about 17
  CHECK(inspect < 360);
  CHECK(review > 240);
  CHECK(review < 360);
}

TEST_CASE("the strongest matched action wins; ties by priority, then id") {
  std::vector<Rule> rules = {
      MakeRule("b-review", "list.lines >= 1", RuleAction::kManualReview, 999),
      MakeRule("c-inspect", R"(goods.code8 startswith "3304")", RuleAction::kInspect, 1),
      MakeRule("a-valuation", "list.value_fen > 2000.00 cny", RuleAction::kValuation, 0),
      MakeRule("d-reject", "list.value_fen > 5000.00 cny", RuleAction::kReject, 5),
      MakeRule("e-inspect", "list.lines = 1", RuleAction::kInspect, 1),
      MakeRule("a-inspect", "list.lines = 1", RuleAction::kInspect, 1),
  };
  RouteDecision d = RouteCtx(rules, kRegularLow, kDraw218);
  CHECK(d.action == RuleAction::kValuation);
  CHECK(d.lane == Lane::kYellow);
  CHECK(d.source == "rule");
  CHECK(d.decided_by == "a-valuation");
  CHECK_FALSE(d.draw.applied);  // the draw said inspect, valuation is stronger
  CHECK(d.draw.result == RuleAction::kInspect);
  std::vector<std::string> order;
  for (const MatchedRule& m : d.matched) order.push_back(m.id);
  CHECK(order ==
        std::vector<std::string>{"a-valuation", "a-inspect", "c-inspect", "e-inspect", "b-review"});
  CHECK(d.matched[2].lines == std::vector<int>{0});
  CHECK(d.rules_considered == 6);
  // One finding per matched rule, with the rule's reason; none for the superseded draw.
  CHECK(d.findings.size() == 5);
  CHECK(d.findings[0].code == "ROUTE_RULE_MATCHED");
  CHECK(d.findings[0].field == "rules.a-valuation");
  CHECK(d.findings[0].severity == Severity::kWarning);
  CHECK(d.findings[0].message_en ==
        "rule a-valuation \"rule a-valuation\" matched, action: valuation. reason a-valuation");
  CHECK(d.findings[0].message_zh ==
        "规则 a-valuation「rule a-valuation」命中，处置：验估。理由 a-valuation");
}

TEST_CASE(
    "a matched rule as strong as the draw explains the decision; a release rule does not "
    "stop the top-up") {
  std::vector<Rule> inspect = {MakeRule("r", "list.lines = 1", RuleAction::kInspect)};
  RouteDecision d = RouteCtx(inspect, kRegularLow, kDraw218);
  CHECK(d.source == "rule");
  CHECK_FALSE(d.draw.applied);
  std::vector<Rule> release = {MakeRule("white", "list.lines = 1", RuleAction::kRelease)};
  RouteDecision r = RouteCtx(release, kRegularLow, kDraw218);
  CHECK(r.action == RuleAction::kInspect);
  CHECK(r.source == "random");
  CHECK(r.findings[0].severity == Severity::kInfo);  // the release rule, for the record
  RouteDecision g = RouteCtx(release, kRegularLow, kDraw2991);
  CHECK(g.action == RuleAction::kRelease);
  CHECK(g.source == "rule");
  CHECK(g.decided_by == "white");
}

TEST_CASE("disabled rules and rules outside their window are not considered") {
  Rule off = MakeRule("off", "list.lines = 1", RuleAction::kReject);
  off.enabled = false;
  Rule later = MakeRule("later", "list.lines = 1", RuleAction::kReject);
  later.valid_from = D("2026-06-01");
  Rule over = MakeRule("over", "list.lines = 1", RuleAction::kReject);
  over.valid_to = D("2026-05-19");
  Rule last_day = MakeRule("last-day", "list.lines = 1", RuleAction::kInspect);
  last_day.valid_to = D("2026-05-20");
  RouteDecision d = RouteCtx({off, later, over, last_day}, kRegularLow, kDraw2991);
  CHECK(d.rules_considered == 1);
  CHECK(d.action == RuleAction::kInspect);
  CHECK(d.decided_by == "last-day");
}

TEST_CASE("a rule that lacks data is reported and does not apply") {
  std::vector<Rule> rules = {
      MakeRule("quota", "consumer.ytd_fen > 20000 cny", RuleAction::kInspect),
      MakeRule("not-quota", "not (consumer.ytd_fen > 20000 cny)", RuleAction::kReject)};
  RouteDecision d = RouteCtx(rules, kRegularLow, kDraw2991);
  CHECK(d.action == RuleAction::kRelease);
  REQUIRE(d.undecided.size() == 2);
  CHECK(d.undecided[0].id == "not-quota");
  CHECK(d.undecided[1].missing == std::vector<std::string>{"consumer.ytd_fen"});
  CHECK(HasCode(d, "ROUTE_RULE_UNDECIDED"));
  CHECK(d.findings[0].severity == Severity::kInfo);
}

TEST_CASE("unknown grade, no policy, grade outside the scale, unknown risk level") {
  RouteDecision unknown = RouteCtx({}, R"({"enterprise": {"risk_level": "low"}})", kDraw2991);
  CHECK(unknown.action == RuleAction::kManualReview);
  CHECK(unknown.source == "policy");
  CHECK(HasCode(unknown, "ROUTE_GRADE_UNKNOWN"));
  CHECK(unknown.draw.inspect_below == 0);

  std::vector<Rule> rules = {MakeRule("r", "list.lines = 1", RuleAction::kInspect)};
  RouteDecision stronger = RouteCtx(rules, R"({"list": {"lines": 1}})", kDraw2991);
  CHECK(stronger.action == RuleAction::kInspect);
  CHECK(stronger.source == "rule");

  RouteDecision none =
      Route({}, RulesSchema(), Ctx(kRegularLow), D("2026-05-20"), kDraw218, Policy{});
  CHECK(none.action == RuleAction::kManualReview);
  CHECK(HasCode(none, "POLICY_NOT_LOADED"));
  CHECK_FALSE(none.draw.applied);

  // "registered" is a Decree 251 grade: on a Decree 282 date it is flagged but still priced.
  RouteDecision scale = RouteCtx({}, R"({"enterprise": {"grade": "registered",
                                          "risk_level": "low"}})",
                                 kDraw2991);
  CHECK(HasCode(scale, "ROUTE_GRADE_NOT_IN_SCALE"));
  CHECK(scale.measures.grade_name_en == "Registered");  // named from the scale it belongs to
  CHECK(scale.draw.inspect_below == 300);
  RouteDecision old = RouteCtx({}, R"({"enterprise": {"grade": "registered",
                                        "risk_level": "low"}})",
                               kDraw2991, "2025-05-20");
  CHECK(old.measures.grade_scale == "decree251");
  CHECK_FALSE(HasCode(old, "ROUTE_GRADE_NOT_IN_SCALE"));

  RouteDecision no_risk = RouteCtx({}, R"({"enterprise": {"grade": "regular"}})", kDraw2991);
  CHECK(HasCode(no_risk, "ROUTE_RISK_LEVEL_UNKNOWN"));
  CHECK(no_risk.draw.inspect_below == 300);
}

TEST_CASE("lanes") {
  CHECK(LaneOf(RuleAction::kRelease) == Lane::kGreen);
  CHECK(LaneOf(RuleAction::kManualReview) == Lane::kYellow);
  CHECK(LaneOf(RuleAction::kValuation) == Lane::kYellow);
  CHECK(LaneOf(RuleAction::kInspect) == Lane::kRed);
  CHECK(LaneOf(RuleAction::kReject) == Lane::kRed);
  CHECK(LaneName(Lane::kYellow) == "yellow");
}

Json RouteRequest(const char* seed) {
  Json req = Require(ParseJson(R"({"date": "2026-05-20", "rules": [
    {"id": "cosmetics", "name": "化妆品", "condition": "goods.code8 startswith \"3304\"",
     "action": "manual_review", "priority": 1, "valid_from": "2026-01-01", "valid_to": null,
     "enabled": true, "reason_zh": "化妆品抽查", "reason_en": "cosmetics spot check"}],
    "context": {"enterprise": {"grade": "regular", "risk_level": "low"},
                "goods": [{"code10": "3304990099"}]}})"));
  req["seed"] = seed;
  return req;
}

TEST_CASE("RouteJson: the decision replays from its seed") {
  const std::string request = DumpJson(RouteRequest("39"));  // 57: draw 218
  const std::string first = RouteJson(request, TestPolicy());
  CHECK(first == RouteJson(request, TestPolicy()));
  Json d = Require(ParseJson(first));
  CHECK(d["outcome"] == "inspect");
  CHECK(d["action"] == "inspect");
  CHECK(d["lane"] == "red");
  CHECK(d["source"] == "random");
  CHECK(d["decided_by"].is_null());
  CHECK(d["matched_rules"][0]["id"] == "cosmetics");
  CHECK(d["matched_rules"][0]["lines"] == Json::array({0}));
  CHECK(d["draw"]["seed"] == "0000000000000039");
  CHECK(d["draw"]["value"] == 218);
  CHECK(d["draw"]["result"] == "inspect");
  CHECK(d["draw"]["applied"] == true);
  CHECK(d["measures"]["inspection_bp"] == 300);
  // Replaying the recorded draw gives the recorded value.
  CHECK(DrawBasisPoints(*SeedFromHex(d["draw"]["seed"].get<std::string>()),
                        d["draw"]["stream"].get<uint64_t>()) == 218);

  Json quiet = Require(ParseJson(RouteJson(DumpJson(RouteRequest("0")), TestPolicy())));
  CHECK(quiet["outcome"] == "manual_review");
  CHECK(quiet["source"] == "rule");
  CHECK(quiet["decided_by"] == "cosmetics");
}

TEST_CASE("RouteJson refuses malformed requests") {
  auto refused = [](Json req) {
    Json out = Require(ParseJson(RouteJson(DumpJson(req), TestPolicy())));
    REQUIRE(out.contains("error"));
    return out["error"]["message"].get<std::string>();
  };
  Json bad_seed = RouteRequest("xyz");
  CHECK(refused(bad_seed).find("seed") != std::string::npos);
  Json no_seed = RouteRequest("1");
  no_seed.erase("seed");
  CHECK(refused(no_seed).find("seed") != std::string::npos);
  Json twice = RouteRequest("1");
  twice["rules"].push_back(twice["rules"][0]);
  CHECK(refused(twice).find("repeats the rule id 'cosmetics'") != std::string::npos);
  Json broken = RouteRequest("1");
  broken["rules"][0]["condition"] = "goods.code8 startswith 3304";
  CHECK(refused(broken).find("rules[0]") != std::string::npos);
  Json no_context = RouteRequest("1");
  no_context.erase("context");
  CHECK(refused(no_context).find("context") != std::string::npos);
  Json bad_context = RouteRequest("1");
  bad_context["context"]["enterprise"]["grade"] = "excellent";
  CHECK(refused(bad_context).find("context.enterprise.grade") != std::string::npos);
  Json extra = RouteRequest("1");
  extra["policy"] = "x";
  CHECK(refused(extra).find("policy") != std::string::npos);
}

}  // namespace
}  // namespace core
