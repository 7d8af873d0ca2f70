// Quality of the risk models on labelled lists (issue 5): per model, how many of the lists its
// hits name carry a known outcome, how many of those were frauds (precision) and what share of
// all frauds it names (recall); overall, the lists ranked by their hits' summed scores with a
// fixed inspection budget (5% of the lists by default), the precision and recall of inspecting
// the top of that ranking. Labels may be partial (a district's history knows outcomes only for
// the lists it inspected): precision counts only lists with a known outcome. Ratios are given
// in per mille, exact integers. Pure.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/risk.h"

namespace core {

struct RiskModelQuality {
  std::string model;
  int64_t flagged = 0;        // lists its hits name
  int64_t flagged_known = 0;  // of them with a known outcome
  int64_t true_positive = 0;  // of them frauds
  int64_t precision_pm = 0;   // true_positive / flagged_known, per mille (0 when none known)
  int64_t recall_pm = 0;      // true_positive / frauds, per mille
};

struct RiskEvaluation {
  int64_t lists = 0;
  int64_t known = 0;                     // lists with a known outcome
  int64_t frauds = 0;                    // of them frauds
  std::vector<RiskModelQuality> models;  // registry order
  int budget_pm = 50;                    // the inspection budget, per mille of the lists
  int64_t budget = 0;                    // lists that budget inspects
  int64_t inspected = 0;  // lists ranked within the budget (those with a hit, at most budget)
  int64_t inspected_known = 0;
  int64_t caught = 0;        // frauds among them
  int64_t precision_pm = 0;  // caught / inspected_known
  int64_t recall_pm = 0;     // caught / frauds
};

// Evaluates `hits` over `lists` declaration lists whose outcomes are known for `known` (ids)
// and fraudulent for `frauds` (ids, a subset of known). The ranking sums each list's hit scores;
// ties go to the lower id. `budget_pm` is clamped to 1..1000.
RiskEvaluation EvaluateRiskHits(const std::vector<RiskHit>& hits, int64_t lists,
                                const std::set<int64_t>& known, const std::set<int64_t>& frauds,
                                int budget_pm = 50);

// {"lists", "known", "frauds", "budget_pm", "budget", "inspected", "inspected_known", "caught",
// "precision_pm", "recall_pm", "models": [{"model", "flagged", "flagged_known",
// "true_positive", "precision_pm", "recall_pm"}]}.
Json RiskEvaluationToJson(const RiskEvaluation& e);

}  // namespace core
