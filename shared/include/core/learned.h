// The learned risk score (issue 5): beside the rule-like models, a gradient-boosted tree ensemble
// trained on the server (XGBoost, binary:logistic) on past inspection outcomes, exported as plain
// trees and evaluated here, so the browser shows the same score, and the same explanation, as the
// server used. Evaluation follows XGBoost's CPU predictor exactly: float arithmetic, a split sends
// a value v left when v < threshold, a missing value (NaN) goes the node's default way, the trees'
// leaf values are added to the base margin one tree after the other. The explanation is
// XGBoost's "approximate" contributions (Saabas): walking each tree's path, the change in the
// cover-weighted mean of the subtree is credited to the feature the node split on; the bias is
// the base margin plus every root's mean. Contributions and bias add up to the margin. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/status.h"

namespace core {

// One node of a tree. A leaf has left = right = -1 and its value in `leaf`.
struct TreeNode {
  int32_t left = -1, right = -1;
  int32_t feature = 0;  // the column an inner node splits on
  float threshold = 0;  // v < threshold goes left
  bool default_left = true;
  float leaf = 0;
  float cover = 0;  // sum of hessians of the training rows that reached the node
};

struct Tree {
  std::vector<TreeNode> nodes;  // node 0 is the root
};

struct TreeEnsemble {
  std::vector<std::string> features;  // column names, in order
  float base_margin = 0;              // logit of XGBoost's base_score
  std::vector<Tree> trees;
};

// {"features": [name...], "base_margin": x, "trees": [{"left": [...], "right": [...],
// "feature": [...], "threshold": [...], "default_left": [0|1...], "leaf": [...],
// "cover": [...]}]}: arrays per node as XGBoost keeps them. Checked: equal lengths, children
// inside the tree and after their parent (so a walk always ends), features within the columns,
// at most 5000 trees of 100000 nodes. InvalidArgument naming the tree and field otherwise.
StatusOr<TreeEnsemble> TreeEnsembleFromJson(const Json& obj);
Json TreeEnsembleToJson(const TreeEnsemble& model);

struct FeatureContribution {
  int feature = 0;
  float value = 0;         // the row's value (NaN: missing)
  float contribution = 0;  // to the margin
};

struct LearnedScore {
  float margin = 0;  // base margin + every tree's leaf
  int score_pm = 0;  // the logistic of the margin, in per mille (0..1000)
  float bias = 0;
  std::vector<FeatureContribution> contributions;  // every feature with a non-zero one, largest
                                                   // absolute first (ties: lower column first)
};

// Scores one row (`row.size()` must equal the model's feature count; NaN is a missing value).
// InvalidArgument when it does not.
StatusOr<LearnedScore> ScoreRow(const TreeEnsemble& model, const std::vector<float>& row);

// The margin alone (no explanation): for ranking many rows. `row` as ScoreRow, unchecked length
// beyond the model's columns.
float LearnedMargin(const TreeEnsemble& model, const std::vector<float>& row);
// round(1000 / (1 + e^-margin)).
int ScorePerMille(float margin);

// Row values as JSON: numbers, null for NaN; and back (null -> NaN). InvalidArgument naming
// `field` for anything else.
Json FeatureRowToJson(const std::vector<float>& row);
StatusOr<std::vector<float>> FeatureRowFromJson(const Json& values, std::string_view field);

// {"margin", "score_pm", "bias", "contributions": [{"feature": name, "value", "contribution"}]}.
Json LearnedScoreToJson(const TreeEnsemble& model, const LearnedScore& score);

// The browser's entry: {"model": TreeEnsembleToJson, "values": [...]} -> LearnedScoreToJson,
// or an error body.
std::string ScoreLearnedJson(std::string_view request);

}  // namespace core
