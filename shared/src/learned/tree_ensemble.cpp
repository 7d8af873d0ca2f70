// Evaluating and explaining the learned score's trees the way XGBoost's CPU predictor does. Pure.
#include <algorithm>
#include <cmath>

#include "core/learned.h"

namespace core {
namespace {

int32_t NextNode(const TreeNode& node, float value) {
  if (std::isnan(value)) return node.default_left ? node.left : node.right;
  return value < node.threshold ? node.left : node.right;
}

bool IsLeaf(const TreeNode& node) { return node.left < 0; }

int32_t LeafOf(const Tree& tree, const std::vector<float>& row) {
  int32_t at = 0;
  while (!IsLeaf(tree.nodes[static_cast<size_t>(at)])) {
    const TreeNode& node = tree.nodes[static_cast<size_t>(at)];
    at = NextNode(node, row[static_cast<size_t>(node.feature)]);
  }
  return at;
}

// XGBoost's FillNodeMeanValues: a leaf's value, or the children's means weighted by their cover.
// Children come after their parents (checked on load), so one backward pass fills every node.
std::vector<float> NodeMeans(const Tree& tree) {
  std::vector<float> mean(tree.nodes.size(), 0.0f);
  for (size_t i = tree.nodes.size(); i-- > 0;) {
    const TreeNode& n = tree.nodes[i];
    if (IsLeaf(n)) {
      mean[i] = n.leaf;
      continue;
    }
    const TreeNode& l = tree.nodes[static_cast<size_t>(n.left)];
    const TreeNode& r = tree.nodes[static_cast<size_t>(n.right)];
    float sum = mean[static_cast<size_t>(n.left)] * l.cover;
    sum += mean[static_cast<size_t>(n.right)] * r.cover;
    mean[i] = n.cover > 0 ? sum / n.cover : 0.0f;
  }
  return mean;
}

}  // namespace

int ScorePerMille(float margin) {
  const double p = 1.0 / (1.0 + std::exp(-static_cast<double>(margin)));
  return static_cast<int>(std::lround(p * 1000.0));
}

float LearnedMargin(const TreeEnsemble& model, const std::vector<float>& row) {
  // XGBoost's batch predictor starts from the base margin and adds one tree at a time, in float.
  float margin = model.base_margin;
  for (const Tree& tree : model.trees) {
    margin += tree.nodes[static_cast<size_t>(LeafOf(tree, row))].leaf;
  }
  return margin;
}

StatusOr<LearnedScore> ScoreRow(const TreeEnsemble& model, const std::vector<float>& row) {
  if (row.size() != model.features.size()) {
    return InvalidArgumentError("values: " + std::to_string(row.size()) +
                                " values for a model of " + std::to_string(model.features.size()) +
                                " features");
  }
  LearnedScore out;
  out.margin = LearnedMargin(model, row);
  out.score_pm = ScorePerMille(out.margin);
  // As XGBoost: each tree's contributions are summed on their own, then added to the row's.
  std::vector<float> contribution(row.size(), 0.0f);
  std::vector<float> this_tree(row.size(), 0.0f);
  std::vector<size_t> touched;
  float bias = 0.0f;
  for (const Tree& tree : model.trees) {
    const std::vector<float> mean = NodeMeans(tree);
    bias += mean[0];
    int32_t at = 0;
    while (!IsLeaf(tree.nodes[static_cast<size_t>(at)])) {
      const TreeNode& node = tree.nodes[static_cast<size_t>(at)];
      const int32_t next = NextNode(node, row[static_cast<size_t>(node.feature)]);
      const auto f = static_cast<size_t>(node.feature);
      if (std::find(touched.begin(), touched.end(), f) == touched.end()) touched.push_back(f);
      this_tree[f] += mean[static_cast<size_t>(next)] - mean[static_cast<size_t>(at)];
      at = next;
    }
    for (size_t f : touched) {
      contribution[f] += this_tree[f];
      this_tree[f] = 0.0f;
    }
    touched.clear();
  }
  out.bias = bias + model.base_margin;
  for (size_t c = 0; c < contribution.size(); ++c) {
    if (contribution[c] != 0.0f) {
      out.contributions.push_back({static_cast<int>(c), row[c], contribution[c]});
    }
  }
  std::stable_sort(out.contributions.begin(), out.contributions.end(),
                   [](const FeatureContribution& a, const FeatureContribution& b) {
                     return std::fabs(a.contribution) > std::fabs(b.contribution);
                   });
  return out;
}

}  // namespace core
