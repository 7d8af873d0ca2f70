// Routing of a declaration list (DOMAIN §5, §8; lanes in the manner of ASYCUDA's selectivity):
// the routing rules valid on the date, the credit grade's rates with the risk-level add-on, and
// a seeded random top-up, decide release, manual review, inspection, valuation or rejection.
// Pure: the seed comes in, and the decision carries everything needed to replay it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/policy.h"
#include "core/rules.h"
#include "core/sampling.h"

namespace core {

enum class Lane { kGreen, kYellow, kRed };
// "green" / "yellow" / "red".
std::string_view LaneName(Lane lane);
// green = release; yellow = manual review, valuation; red = inspection, rejection.
Lane LaneOf(RuleAction action);

// An adaptive rule's record over its window (the server counts it from the lists the rule
// matched and their inspection outcomes): what its share follows.
struct RuleTrackRecord {
  int64_t inspected = 0;
  int64_t mismatches = 0;
};
using RuleTrackRecords = std::map<std::string, RuleTrackRecord>;  // by rule id

// How an adaptive rule that matched was applied: its share from its record, and the draw on
// stream kStreamAdaptive of the decision's seed (the index-th value, matched adaptive rules
// drawing in the order of `matched`) that selected this list or not.
struct AdaptiveDraw {
  AdaptiveShare adaptive;
  RuleTrackRecord record;
  bool enough_history = false;  // record.inspected >= adaptive.min_inspections
  int mismatch_pm = 0;          // mismatches per mille of inspected (0 when none inspected)
  int share_pm = 0;
  uint64_t stream = kStreamAdaptive;
  int index = 0;
  int value = 0;       // [0, 1000)
  bool drawn = false;  // value < share_pm: the rule applies to this list
};

struct MatchedRule {
  std::string id;
  std::string name;
  RuleAction action = RuleAction::kRelease;
  int priority = 0;
  std::string reason_zh;
  std::string reason_en;
  std::vector<int> lines;  // goods lines that satisfied it (empty when it reads no goods.*)
  std::optional<AdaptiveDraw> adaptive;  // set for an adaptive rule
  // False for an adaptive rule this list was not drawn for: it matched but does not act.
  bool applies() const { return !adaptive || adaptive->drawn; }
};

// A rule whose condition came out unknown because the context lacked values it reads.
struct UndecidedRule {
  std::string id;
  std::vector<std::string> missing;  // field paths
};

// The differentiated measures that applied (DOMAIN §8), as the policy version gave them.
struct AppliedMeasures {
  std::string policy_version;
  std::string grade_scale;    // id of the scale in force on the date, "" when none
  std::string grade;          // the context's enterprise.grade, "" when unknown
  std::string grade_name_zh;  // the grade's names in the policy's scales ("" when not found)
  std::string grade_name_en;
  std::string risk_level;  // the context's enterprise.risk_level, "" when unknown
  int manual_review_bp = 0;
  int inspection_bp = 0;
  int risk_addon_bp = 0;
};

// The random top-up: one value drawn on stream kStreamRouting of the seed. Below
// inspect_below it selects inspection; below manual_review_below, manual review. When the two
// rates sum past 10000 bp, manual review gets what inspection leaves.
struct RandomDraw {
  uint64_t seed = 0;
  uint64_t stream = kStreamRouting;
  int value = 0;                             // [0, 10000)
  int inspect_below = 0;                     // inspection_bp + risk add-on, at most 10000
  int manual_review_below = 0;               // inspect_below + manual_review_bp, at most 10000
  RuleAction result = RuleAction::kRelease;  // inspect, manual_review, or release (not drawn)
  bool applied = false;  // the draw decided the action (no rule asked for as much or more)
};

struct RouteDecision {
  Date date;
  RuleAction action = RuleAction::kRelease;
  Lane lane = Lane::kGreen;
  std::string source;      // "rule" | "random" | "policy" | "default" (nothing asked for more)
  std::string decided_by;  // the deciding rule's id when source is "rule"
  std::vector<MatchedRule> matched;  // strongest first: action, then priority, then id
  std::vector<UndecidedRule> undecided;
  int rules_considered = 0;  // enabled and valid on the date
  AppliedMeasures measures;
  RandomDraw draw;
  Findings findings;
};

// Decides one list. Rules that are enabled and valid on `date` are evaluated over `context`
// (laid out by `schema`); the strongest action of those that match wins (reject > valuation >
// inspect > manual_review > release), ties by higher priority, then lower id. The random top-up
// is always drawn (so rates can be measured) and applies when no matched rule is at least as
// strong. The grade and risk level are the context's enterprise.grade and enterprise.risk_level,
// so rules and rates cannot disagree. A grade the policy has no measures for, or no policy,
// raises the action to manual review at least (ROUTE_GRADE_UNKNOWN, POLICY_NOT_LOADED; errors).
// Findings: ROUTE_RULE_MATCHED per matched rule (info for release, warning, error for reject),
// ROUTE_RULE_UNDECIDED (info), ROUTE_RANDOM_INSPECTION / ROUTE_RANDOM_REVIEW (warning) when the
// draw applied, ROUTE_GRADE_NOT_IN_SCALE and ROUTE_RISK_LEVEL_UNKNOWN (warnings). Never fails.
// An adaptive rule (Rule::adaptive) that matches acts only when its draw selects the list; its
// share follows its record in `records` (none: not enough history, so max_pm), and a matched
// rule not drawn gives ROUTE_RULE_NOT_DRAWN (info) instead of ROUTE_RULE_MATCHED.
RouteDecision Route(const std::vector<Rule>& rules, const RuleSchema& schema,
                    const RuleContext& context, const Date& date, uint64_t seed,
                    const Policy& policy, const RuleTrackRecords& records);
// The same with no records (every adaptive rule lacks history).
RouteDecision Route(const std::vector<Rule>& rules, const RuleSchema& schema,
                    const RuleContext& context, const Date& date, uint64_t seed,
                    const Policy& policy);

// {"outcome" (= action), "action", "lane", "source", "decided_by": id|null, "date",
//  "matched_rules": [{"id", "name", "action", "priority", "reason_zh", "reason_en", "lines",
//                     "adaptive"?: {"min_pm", "max_pm", "window_days", "min_inspections",
//                                   "inspected", "mismatches", "mismatch_pm", "enough_history",
//                                   "share_pm", "stream", "index", "value", "drawn",
//                                   "reason_zh", "reason_en"}}],
//  "undecided_rules": [{"id", "missing"}], "rules_considered",
//  "measures": {"policy_version", "grade_scale", "grade", "grade_name_zh", "grade_name_en",
//               "risk_level", "manual_review_bp", "inspection_bp", "risk_addon_bp"},
//  "draw": {"seed" (16 hex digits), "stream", "value", "inspect_below", "manual_review_below",
//           "result": "inspect"|"manual_review"|"none", "applied"},
//  "findings"}.
Json RouteDecisionToJson(const RouteDecision& decision);

}  // namespace core
