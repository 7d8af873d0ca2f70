// Per-rule hits and outcomes (issue 5, dynamic rules): whether a routing rule only produces
// noise — lists inspected because of it that nearly always match what was declared. The server
// counts; the core judges, with the policy's thresholds. Pure.
#pragma once

#include <cstdint>
#include <string>

#include "core/json.h"
#include "core/policy.h"

namespace core {

// Inspection outcomes of a set of lists (one rule's matches, or every routed list).
struct InspectionCounts {
  int64_t inspected = 0;   // lists with an inspection outcome
  int64_t mismatches = 0;  // of those, lists found not to match their declaration
};

// part per mille of whole, rounded down; 0 when whole is 0.
int PerMille(int64_t part, int64_t whole);

struct RuleNoise {
  bool noisy = false;
  std::string reason;  // "" | "RULE_NO_MISMATCH" | "RULE_BELOW_OVERALL_RATE"
  int mismatch_pm = 0;
  int overall_pm = 0;     // the mismatch rate of every inspected list
  int threshold_pm = 0;   // overall_pm x factor_pm / 1000
  std::string reason_zh;  // why, in words ("" when not noisy)
  std::string reason_en;
};

// A rule is noise when at least policy.min_inspected of its lists were inspected and either
// none mismatched (RULE_NO_MISMATCH) or its mismatch rate is below the overall rate times
// factor_pm / 1000 (RULE_BELOW_OVERALL_RATE). Fewer inspections: not judged (not noisy).
RuleNoise JudgeRuleNoise(const InspectionCounts& rule, const InspectionCounts& overall,
                         const RuleNoisePolicy& policy);

// {"noisy", "reason": code|null, "mismatch_pm", "overall_pm", "threshold_pm", "reason_zh",
// "reason_en"}.
Json RuleNoiseToJson(const RuleNoise& noise);

}  // namespace core
