// The routing decision: rules valid on the date, the grade's measures with the risk add-on, and
// the seeded random top-up, combined by strength. Pure.
#include "core/routing.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "routing/route_text.h"

namespace core {
namespace {

const std::string* ContextString(const RuleSchema& schema, const RuleContext& context,
                                 std::string_view path) {
  return std::get_if<std::string>(&ContextValue(schema, context, path));
}

// The grade in the scale in force, or (scale == nullptr) in any of the policy's scales.
const Grade* FindGrade(const Policy& policy, const GradeScale* scale, const std::string& id) {
  for (const GradeScale& s : policy.grade_scales) {
    if (scale != nullptr && &s != scale) continue;
    for (const Grade& g : s.grades) {
      if (g.id == id) return &g;
    }
  }
  return nullptr;
}

// Fills the measures from the policy; appends findings and returns the floor the policy puts
// under the action (manual review when the grade's measures are unknown).
RuleAction ApplyMeasures(const Policy& policy, const RuleSchema& schema, const RuleContext& context,
                         const Date& date, RouteDecision& d) {
  AppliedMeasures& m = d.measures;
  m.policy_version = policy.version;
  const GradeScale* in_force = policy.ScaleOn(date);
  if (in_force != nullptr) m.grade_scale = in_force->id;
  if (const std::string* g = ContextString(schema, context, "enterprise.grade")) m.grade = *g;
  const Grade* named = FindGrade(policy, in_force, m.grade);
  if (named == nullptr) named = FindGrade(policy, nullptr, m.grade);  // e.g. a Decree 251 grade
  if (named != nullptr) {
    m.grade_name_zh = named->name_zh;
    m.grade_name_en = named->name_en;
  }
  if (const std::string* r = ContextString(schema, context, "enterprise.risk_level")) {
    m.risk_level = *r;
  }
  if (policy.measures.empty()) {
    d.findings.push_back(internal::PolicyNotLoadedFinding());
    return RuleAction::kManualReview;
  }
  auto grade = policy.measures.find(m.grade);
  if (m.grade.empty() || grade == policy.measures.end()) {
    d.findings.push_back(internal::GradeUnknownFinding(m.grade));
    return RuleAction::kManualReview;
  }
  m.manual_review_bp = grade->second.manual_review_bp;
  m.inspection_bp = grade->second.inspection_bp;
  if (in_force != nullptr && FindGrade(policy, in_force, m.grade) == nullptr) {
    d.findings.push_back(internal::GradeNotInScaleFinding(m.grade, *in_force, date));
  }
  auto addon = policy.risk_level_addon_bp.find(m.risk_level);
  if (m.risk_level.empty() || addon == policy.risk_level_addon_bp.end()) {
    d.findings.push_back(internal::RiskLevelUnknownFinding(m.risk_level));
  } else {
    m.risk_addon_bp = addon->second;
  }
  return RuleAction::kRelease;
}

void Draw(uint64_t seed, const AppliedMeasures& m, RandomDraw& draw) {
  draw.seed = seed;
  draw.stream = kStreamRouting;
  draw.value = DrawBasisPoints(seed, kStreamRouting);
  draw.inspect_below = std::min(10000, m.inspection_bp + m.risk_addon_bp);
  draw.manual_review_below = std::min(10000, draw.inspect_below + m.manual_review_bp);
  if (draw.value < draw.inspect_below) {
    draw.result = RuleAction::kInspect;
  } else if (draw.value < draw.manual_review_below) {
    draw.result = RuleAction::kManualReview;
  } else {
    draw.result = RuleAction::kRelease;
  }
}

// Each matched adaptive rule's share from its record and its draw, in the order of `matched`,
// so a replay with the same seed and rules draws the same values.
void DrawAdaptive(uint64_t seed, const RuleTrackRecords& records,
                  std::vector<MatchedRule>& matched) {
  Prng prng(seed, kStreamAdaptive);
  int index = 0;
  for (MatchedRule& m : matched) {
    if (!m.adaptive) continue;
    AdaptiveDraw& a = *m.adaptive;
    if (auto it = records.find(m.id); it != records.end()) a.record = it->second;
    a.record.inspected = std::max<int64_t>(a.record.inspected, 0);
    a.record.mismatches = std::clamp<int64_t>(a.record.mismatches, 0, a.record.inspected);
    a.enough_history = a.record.inspected >= a.adaptive.min_inspections;
    a.mismatch_pm = a.record.inspected == 0
                        ? 0
                        : static_cast<int>(a.record.mismatches * 1000 / a.record.inspected);
    a.share_pm = AdaptiveSharePm(a.adaptive, a.record.inspected, a.record.mismatches);
    a.stream = kStreamAdaptive;
    a.index = index++;
    a.value = static_cast<int>(prng.Below(1000));
    a.drawn = a.value < a.share_pm;
  }
}

bool Stronger(const MatchedRule& a, const MatchedRule& b) {
  if (a.action != b.action) return a.action > b.action;
  if (a.priority != b.priority) return a.priority > b.priority;
  return a.id < b.id;
}

}  // namespace

std::string_view LaneName(Lane lane) {
  switch (lane) {
    case Lane::kGreen:
      return "green";
    case Lane::kYellow:
      return "yellow";
    case Lane::kRed:
      return "red";
  }
  return "green";
}

Lane LaneOf(RuleAction action) {
  switch (action) {
    case RuleAction::kRelease:
      return Lane::kGreen;
    case RuleAction::kManualReview:
    case RuleAction::kValuation:
      return Lane::kYellow;
    case RuleAction::kInspect:
    case RuleAction::kReject:
      return Lane::kRed;
  }
  return Lane::kYellow;
}

RouteDecision Route(const std::vector<Rule>& rules, const RuleSchema& schema,
                    const RuleContext& context, const Date& date, uint64_t seed,
                    const Policy& policy) {
  return Route(rules, schema, context, date, seed, policy, RuleTrackRecords());
}

RouteDecision Route(const std::vector<Rule>& rules, const RuleSchema& schema,
                    const RuleContext& context, const Date& date, uint64_t seed,
                    const Policy& policy, const RuleTrackRecords& records) {
  RouteDecision d;
  d.date = date;
  const RuleAction floor = ApplyMeasures(policy, schema, context, date, d);

  for (const Rule& rule : rules) {
    if (!rule.enabled || !rule.ValidOn(date)) continue;
    ++d.rules_considered;
    ConditionResult r = EvaluateCondition(rule.condition, context);
    if (r.truth == Truth::kTrue) {
      MatchedRule m{rule.id,        rule.name,      rule.action,        rule.priority,
                    rule.reason_zh, rule.reason_en, std::move(r.lines), std::nullopt};
      if (rule.adaptive) m.adaptive = AdaptiveDraw{.adaptive = *rule.adaptive};
      d.matched.push_back(std::move(m));
    } else if (r.truth == Truth::kUnknown) {
      d.undecided.push_back(UndecidedRule{rule.id, MissingFields(rule.condition, schema, context)});
    }
  }
  std::sort(d.matched.begin(), d.matched.end(), Stronger);
  std::sort(d.undecided.begin(), d.undecided.end(),
            [](const UndecidedRule& a, const UndecidedRule& b) { return a.id < b.id; });

  DrawAdaptive(seed, records, d.matched);

  Draw(seed, d.measures, d.draw);
  // Strength decides; on equal strength a rule is the better explanation than the draw, and
  // the draw better than the policy's floor.
  d.action = RuleAction::kRelease;
  d.source = "default";
  auto deciding = std::find_if(d.matched.begin(), d.matched.end(),
                               [](const MatchedRule& m) { return m.applies(); });
  if (deciding != d.matched.end()) {
    d.action = deciding->action;
    d.source = "rule";
    d.decided_by = deciding->id;
  }
  if (d.draw.result > d.action) {
    d.action = d.draw.result;
    d.source = "random";
    d.decided_by.clear();
    d.draw.applied = true;
  }
  if (floor > d.action) {
    d.action = floor;
    d.source = "policy";
    d.decided_by.clear();
    d.draw.applied = false;
  }
  d.lane = LaneOf(d.action);

  for (const MatchedRule& m : d.matched) {
    d.findings.push_back(m.applies() ? internal::RuleMatchedFinding(m)
                                     : internal::RuleNotDrawnFinding(m));
  }
  for (const UndecidedRule& u : d.undecided) {
    d.findings.push_back(internal::RuleUndecidedFinding(u));
  }
  if (d.draw.applied) d.findings.push_back(internal::RandomFinding(d.draw, d.measures));
  return d;
}

}  // namespace core
