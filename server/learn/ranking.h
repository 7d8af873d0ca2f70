// How well a score ranks lists whose outcome is known: the area under the ROC curve (the chance
// a fraud outranks a clean list, ties counting half) and precision and recall when only the top
// `budget_pm` per mille are inspected. Used to judge a learned model on lists it was not trained
// on, beside the rule hits' summed scores on the same lists. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/json.h"

namespace server {

struct RankingQuality {
  int64_t rows = 0;
  int64_t frauds = 0;
  std::optional<int64_t> auc_pm;  // none without both a fraud and a clean list
  int64_t budget = 0;             // rows inspected: ceil(rows x budget_pm / 1000), at least 1
  int64_t caught = 0;             // frauds among them
  int64_t precision_pm = 0;
  int64_t recall_pm = 0;
};

// `scores[i]` ranks row i (higher first; ties: lower index first), `fraud[i]` its outcome.
RankingQuality RankByScore(const std::vector<float>& scores, const std::vector<bool>& fraud,
                           int budget_pm);

// {"rows", "frauds", "auc_pm", "budget", "caught", "precision_pm", "recall_pm"}.
core::Json RankingQualityJson(const RankingQuality& q);

}  // namespace server
