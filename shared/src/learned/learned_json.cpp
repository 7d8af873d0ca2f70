// The learned score's JSON forms: the exported trees, feature rows, a score with its explanation,
// and the browser's entry point. Pure.
#include <cmath>
#include <limits>
#include <string>

#include "../internal/api_common.h"
#include "core/learned.h"

namespace core {
namespace {

constexpr size_t kMaxTrees = 5000;
constexpr size_t kMaxNodes = 100000;
constexpr size_t kMaxFeatures = 10000;

Status TreeError(size_t tree, std::string_view field, std::string_view what) {
  return InvalidArgumentError("trees[" + std::to_string(tree) + "]." + std::string(field) + ": " +
                              std::string(what));
}

// The node array `key` of tree `t`, of `size` entries (or any size when `size` is 0).
StatusOr<const Json*> NodeArray(const Json& tree, size_t t, const char* key, size_t size) {
  if (!tree.contains(key) || !tree[key].is_array()) return TreeError(t, key, "must be an array");
  const Json& a = tree[key];
  if (a.empty() || a.size() > kMaxNodes) return TreeError(t, key, "must have 1..100000 nodes");
  if (size != 0 && a.size() != size) return TreeError(t, key, "must have one entry per node");
  for (const Json& v : a) {
    if (!v.is_number()) return TreeError(t, key, "must hold numbers");
  }
  return &a;
}

float AsFloat(const Json& v) { return static_cast<float>(v.get<double>()); }

StatusOr<Tree> TreeFromJson(const Json& obj, size_t t, size_t features) {
  if (!obj.is_object()) return TreeError(t, "", "must be an object");
  CORE_ASSIGN_OR_RETURN(const Json* left, NodeArray(obj, t, "left", 0));
  const size_t n = left->size();
  CORE_ASSIGN_OR_RETURN(const Json* right, NodeArray(obj, t, "right", n));
  CORE_ASSIGN_OR_RETURN(const Json* feature, NodeArray(obj, t, "feature", n));
  CORE_ASSIGN_OR_RETURN(const Json* threshold, NodeArray(obj, t, "threshold", n));
  CORE_ASSIGN_OR_RETURN(const Json* default_left, NodeArray(obj, t, "default_left", n));
  CORE_ASSIGN_OR_RETURN(const Json* leaf, NodeArray(obj, t, "leaf", n));
  CORE_ASSIGN_OR_RETURN(const Json* cover, NodeArray(obj, t, "cover", n));
  Tree tree;
  tree.nodes.resize(n);
  for (size_t i = 0; i < n; ++i) {
    TreeNode& node = tree.nodes[i];
    const Json& l = (*left)[i];
    const Json& r = (*right)[i];
    const Json& f = (*feature)[i];
    if (!l.is_number_integer() || !r.is_number_integer() || !f.is_number_integer()) {
      return TreeError(t, "left", "children and features must be integers");
    }
    const int64_t li = l.get<int64_t>(), ri = r.get<int64_t>(), fi = f.get<int64_t>();
    const bool is_leaf = li == -1 && ri == -1;
    // Children after their parent: every walk from the root moves forward and ends.
    const auto in_tree = [&](int64_t c) {
      return c > static_cast<int64_t>(i) && c < static_cast<int64_t>(n);
    };
    if (!is_leaf && (!in_tree(li) || !in_tree(ri))) {
      return TreeError(t, "left", "node " + std::to_string(i) + " has a child outside the tree");
    }
    if (!is_leaf && (fi < 0 || fi >= static_cast<int64_t>(features))) {
      return TreeError(t, "feature", "node " + std::to_string(i) + " splits on no column");
    }
    node.left = static_cast<int32_t>(li);
    node.right = static_cast<int32_t>(ri);
    node.feature = is_leaf ? 0 : static_cast<int32_t>(fi);
    node.threshold = AsFloat((*threshold)[i]);
    node.default_left = (*default_left)[i].get<double>() != 0;
    node.leaf = AsFloat((*leaf)[i]);
    node.cover = AsFloat((*cover)[i]);
  }
  return tree;
}

Json FloatOrNull(float v) { return std::isnan(v) ? Json(nullptr) : Json(static_cast<double>(v)); }

}  // namespace

StatusOr<TreeEnsemble> TreeEnsembleFromJson(const Json& obj) {
  if (!obj.is_object()) return InvalidArgumentError("model: must be an object");
  TreeEnsemble model;
  if (!obj.contains("features") || !obj["features"].is_array() || obj["features"].empty() ||
      obj["features"].size() > kMaxFeatures) {
    return InvalidArgumentError("features: must be an array of 1..10000 names");
  }
  for (const Json& f : obj["features"]) {
    if (!f.is_string()) return InvalidArgumentError("features: must hold names");
    model.features.push_back(f.get<std::string>());
  }
  if (!obj.contains("base_margin") || !obj["base_margin"].is_number()) {
    return InvalidArgumentError("base_margin: must be a number");
  }
  model.base_margin = AsFloat(obj["base_margin"]);
  if (!obj.contains("trees") || !obj["trees"].is_array() || obj["trees"].size() > kMaxTrees) {
    return InvalidArgumentError("trees: must be an array of at most 5000 trees");
  }
  for (size_t t = 0; t < obj["trees"].size(); ++t) {
    CORE_ASSIGN_OR_RETURN(Tree tree, TreeFromJson(obj["trees"][t], t, model.features.size()));
    model.trees.push_back(std::move(tree));
  }
  return model;
}

Json TreeEnsembleToJson(const TreeEnsemble& model) {
  Json trees = Json::array();
  for (const Tree& tree : model.trees) {
    Json left = Json::array(), right = Json::array(), feature = Json::array(),
         threshold = Json::array(), default_left = Json::array(), leaf = Json::array(),
         cover = Json::array();
    for (const TreeNode& n : tree.nodes) {
      left.push_back(n.left);
      right.push_back(n.right);
      feature.push_back(n.feature);
      threshold.push_back(static_cast<double>(n.threshold));
      default_left.push_back(n.default_left ? 1 : 0);
      leaf.push_back(static_cast<double>(n.leaf));
      cover.push_back(static_cast<double>(n.cover));
    }
    trees.push_back({{"left", left},
                     {"right", right},
                     {"feature", feature},
                     {"threshold", threshold},
                     {"default_left", default_left},
                     {"leaf", leaf},
                     {"cover", cover}});
  }
  return {{"features", model.features},
          {"base_margin", static_cast<double>(model.base_margin)},
          {"trees", trees}};
}

Json FeatureRowToJson(const std::vector<float>& row) {
  Json out = Json::array();
  for (float v : row) out.push_back(FloatOrNull(v));
  return out;
}

StatusOr<std::vector<float>> FeatureRowFromJson(const Json& values, std::string_view field) {
  if (!values.is_array() || values.size() > kMaxFeatures) {
    return InvalidArgumentError(std::string(field) + ": must be an array of numbers");
  }
  std::vector<float> row;
  for (const Json& v : values) {
    if (v.is_null()) {
      row.push_back(std::numeric_limits<float>::quiet_NaN());
    } else if (v.is_number()) {
      row.push_back(AsFloat(v));
    } else {
      return InvalidArgumentError(std::string(field) + ": must hold numbers or null");
    }
  }
  return row;
}

Json LearnedScoreToJson(const TreeEnsemble& model, const LearnedScore& score) {
  Json contributions = Json::array();
  for (const FeatureContribution& c : score.contributions) {
    contributions.push_back({{"feature", model.features[static_cast<size_t>(c.feature)]},
                             {"value", FloatOrNull(c.value)},
                             {"contribution", static_cast<double>(c.contribution)}});
  }
  return {{"margin", static_cast<double>(score.margin)},
          {"score_pm", score.score_pm},
          {"bias", static_cast<double>(score.bias)},
          {"contributions", contributions}};
}

std::string ScoreLearnedJson(std::string_view request) {
  auto run = [&]() -> StatusOr<std::string> {
    CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
    if (!doc.contains("model")) return InvalidArgumentError("model: is required");
    if (!doc.contains("values")) return InvalidArgumentError("values: is required");
    CORE_ASSIGN_OR_RETURN(TreeEnsemble model, TreeEnsembleFromJson(doc["model"]));
    CORE_ASSIGN_OR_RETURN(std::vector<float> row, FeatureRowFromJson(doc["values"], "values"));
    CORE_ASSIGN_OR_RETURN(LearnedScore score, ScoreRow(model, row));
    return DumpJson(LearnedScoreToJson(model, score));
  };
  return internal::Respond(run());
}

}  // namespace core
