// The columns the learned risk score reads (issue 5): facts of the list itself and, per risk model,
// the summed scores of that model's hits naming the list, so the trees learn how much each
// pattern, and each combination, has meant in past inspections. Models that read inspection
// outcomes themselves (the mismatch history and the priors) are left out: for a list in the
// training set they would carry its own label. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
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

// A run's hits as the model columns read them. A hit reaches a list through its subject when the
// list carries that subject (the buyer, phone, address, payer, enterprise or a commodity code),
// and through the declarations it names (those are capped, the subject is not). Built once per
// run; the server keeps the newest run's to score each list as it arrives.
class LearnedHitIndex {
 public:
  LearnedHitIndex() = default;
  explicit LearnedHitIndex(const std::vector<RiskHit>& hits);
  // Raises each model column of `values` to the highest score of that model's hits reaching `d`.
  void RaiseColumns(const RiskDeclaration& d, std::vector<float>& values) const;

 private:
  using Scores = std::vector<std::pair<size_t, int>>;  // (column, score)
  using ScoresByKey = std::unordered_map<std::string, Scores>;
  static void RaiseFrom(const ScoresByKey& index, const std::string& key,
                        std::vector<float>& values);
  ScoresByKey buyers_, phones_, addresses_, payers_, enterprises_, codes_;
  std::unordered_map<int64_t, Scores> by_declaration_;
};

// One declaration's row: its own facts, then the model columns from `hits`. A list that arrived
// after the run those hits came from is reached through its subjects only.
LearnedRow LearnedFeatureRow(const RiskDeclaration& d, const LearnedHitIndex& hits);

// One row per declaration of `data`, in its order, from the declarations and `hits` (a run of
// RunRiskModels over the same data).
std::vector<LearnedRow> LearnedFeatureRows(const RiskData& data, const std::vector<RiskHit>& hits);

// The rules' own ranking of a row: the summed model.* columns (what the learned score is judged
// against).
float RuleHitScore(const LearnedRow& row);

}  // namespace core
