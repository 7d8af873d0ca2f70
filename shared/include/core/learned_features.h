// The columns the learned risk score reads (issue 5): facts of the list itself and, per risk model,
// the summed scores of that model's hits naming the list, so the trees learn how much each
// pattern, and each combination, has meant in past inspections. Models that read inspection
// outcomes themselves (the mismatch history and the priors) are left out: for a list in the
// training set they would carry its own label. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/risk.h"

namespace core {

struct LearnedFeatureInfo {
  std::string id;  // "list.value_fen", "model.SHARED_PHONE"
  std::string name_zh, name_en;
};

// Every column, in order: the list facts, then one per risk model (registry order) but those
// named above.
const std::vector<LearnedFeatureInfo>& LearnedFeatures();
// The ids alone, in column order (TreeEnsemble::features of a model trained on them).
std::vector<std::string> LearnedFeatureIds();

struct LearnedRow {
  int64_t declaration_id = 0;
  std::vector<float> values;  // LearnedFeatures() order; NaN where unknown
};

// One row per declaration of `data`, in its order, from the declarations and `hits` (a run of
// RunRiskModels over the same data).
std::vector<LearnedRow> LearnedFeatureRows(const RiskData& data, const std::vector<RiskHit>& hits);

// The rules' own ranking of a row: the summed model.* columns (what the learned score is judged
// against).
float RuleHitScore(const LearnedRow& row);

}  // namespace core
