// XGBoost through its C API; its JSON model read back into the core's trees.
#include "learn/xgb_booster.h"

#include <xgboost/c_api.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <utility>

#include "core/json.h"

namespace server {
namespace {

core::Status XgbError(const char* what) {
  return core::InternalError(std::string("xgboost: ") + what + ": " + XGBGetLastError());
}

// A DMatrix that frees itself.
class Matrix {
 public:
  ~Matrix() {
    if (handle_ != nullptr) XGDMatrixFree(handle_);
  }
  static core::StatusOr<std::unique_ptr<Matrix>> From(const FeatureMatrix& x) {
    if (x.columns == 0 || x.values.empty() || x.values.size() % x.columns != 0) {
      return core::InvalidArgumentError("the feature matrix is empty or ragged");
    }
    auto m = std::unique_ptr<Matrix>(new Matrix);
    if (XGDMatrixCreateFromMat(x.values.data(), x.rows(), x.columns,
                               std::numeric_limits<float>::quiet_NaN(), &m->handle_) != 0) {
      return XgbError("creating the matrix");
    }
    return m;
  }
  DMatrixHandle handle() const { return handle_; }

 private:
  Matrix() = default;
  DMatrixHandle handle_ = nullptr;
};

// XGBoost keeps numbers of its parameters as strings ("5E-1").
float NumberOf(const core::Json& v) {
  if (v.is_number()) return static_cast<float>(v.get<double>());
  if (v.is_string()) return std::strtof(v.get<std::string>().c_str(), nullptr);
  return 0.0f;
}

const core::Json* Path(const core::Json& doc, std::initializer_list<const char*> keys) {
  const core::Json* at = &doc;
  for (const char* k : keys) {
    if (!at->is_object() || !at->contains(k)) return nullptr;
    at = &(*at)[k];
  }
  return at;
}

}  // namespace

core::StatusOr<XgbBooster> XgbBooster::Train(const FeatureMatrix& x,
                                             const std::vector<float>& labels,
                                             const BoosterParams& params) {
  if (labels.size() != x.rows()) {
    return core::InvalidArgumentError("one label per row is required");
  }
  CORE_ASSIGN_OR_RETURN(std::unique_ptr<Matrix> m, Matrix::From(x));
  if (XGDMatrixSetFloatInfo(m->handle(), "label", labels.data(), labels.size()) != 0) {
    return XgbError("setting the labels");
  }
  DMatrixHandle train[] = {m->handle()};
  BoosterHandle handle = nullptr;
  if (XGBoosterCreate(train, 1, &handle) != 0) return XgbError("creating the booster");
  XgbBooster booster(handle);
  const std::pair<const char*, std::string> settings[] = {
      {"objective", "binary:logistic"},
      {"base_score", "0.5"},
      {"tree_method", "exact"},
      {"nthread", "1"},
      {"seed", std::to_string(params.seed)},
      {"max_depth", std::to_string(params.max_depth)},
      {"eta", std::to_string(params.eta_pm / 1000.0)},
      {"min_child_weight", std::to_string(params.min_child_weight)},
      {"verbosity", "0"},
  };
  for (const auto& [name, value] : settings) {
    if (XGBoosterSetParam(handle, name, value.c_str()) != 0) return XgbError(name);
  }
  for (int i = 0; i < params.rounds; ++i) {
    if (XGBoosterUpdateOneIter(handle, i, m->handle()) != 0) return XgbError("training");
  }
  return booster;
}

XgbBooster::~XgbBooster() {
  if (handle_ != nullptr) XGBoosterFree(handle_);
}

XgbBooster::XgbBooster(XgbBooster&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)) {}

XgbBooster& XgbBooster::operator=(XgbBooster&& other) noexcept {
  if (this != &other) {
    if (handle_ != nullptr) XGBoosterFree(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}

core::StatusOr<core::TreeEnsemble> XgbBooster::Export(
    const std::vector<std::string>& features) const {
  bst_ulong length = 0;
  const char* bytes = nullptr;
  if (XGBoosterSaveModelToBuffer(handle_, R"({"format": "json"})", &length, &bytes) != 0) {
    return XgbError("saving the model");
  }
  CORE_ASSIGN_OR_RETURN(core::Json doc, core::ParseJson(std::string_view(bytes, length)));
  const core::Json* base = Path(doc, {"learner", "learner_model_param", "base_score"});
  const core::Json* trees = Path(doc, {"learner", "gradient_booster", "model", "trees"});
  if (base == nullptr || trees == nullptr || !trees->is_array()) {
    return core::InternalError("xgboost: the saved model has no base_score or trees");
  }
  // XGBoost's ProbToMargin for binary:logistic, in float as it computes it.
  const float p = NumberOf(*base);
  core::Json out = {{"features", features},
                    {"base_margin", static_cast<double>(-std::log(1.0f / p - 1.0f))},
                    {"trees", core::Json::array()}};
  for (const core::Json& t : *trees) {
    const core::Json* left = Path(t, {"left_children"});
    const core::Json* right = Path(t, {"right_children"});
    const core::Json* index = Path(t, {"split_indices"});
    const core::Json* cond = Path(t, {"split_conditions"});
    const core::Json* dleft = Path(t, {"default_left"});
    const core::Json* hess = Path(t, {"sum_hessian"});
    if (!left || !right || !index || !cond || !dleft || !hess || !left->is_array()) {
      return core::InternalError("xgboost: a saved tree lacks its node arrays");
    }
    // A leaf keeps its value in split_conditions; an inner node its threshold.
    core::Json leaf = core::Json::array(), threshold = core::Json::array();
    for (size_t i = 0; i < left->size(); ++i) {
      const bool is_leaf = (*left)[i] == -1;
      leaf.push_back(is_leaf ? (*cond)[i] : core::Json(0.0));
      threshold.push_back(is_leaf ? core::Json(0.0) : (*cond)[i]);
    }
    core::Json dl = core::Json::array();
    for (const core::Json& v : *dleft)
      dl.push_back(v.is_boolean() ? core::Json(v.get<bool>() ? 1 : 0) : v);
    out["trees"].push_back({{"left", *left},
                            {"right", *right},
                            {"feature", *index},
                            {"threshold", threshold},
                            {"default_left", dl},
                            {"leaf", leaf},
                            {"cover", *hess}});
  }
  return core::TreeEnsembleFromJson(out);
}

core::StatusOr<std::vector<float>> XgbBooster::Predict(const FeatureMatrix& x, int type) const {
  CORE_ASSIGN_OR_RETURN(std::unique_ptr<Matrix> m, Matrix::From(x));
  const std::string config = R"({"type": )" + std::to_string(type) +
                             R"(, "training": false, "iteration_begin": 0, "iteration_end": 0,
                             "strict_shape": false})";
  const bst_ulong* shape = nullptr;
  bst_ulong dims = 0;
  const float* result = nullptr;
  if (XGBoosterPredictFromDMatrix(handle_, m->handle(), config.c_str(), &shape, &dims, &result) !=
      0) {
    return XgbError("predicting");
  }
  size_t n = 1;
  for (bst_ulong i = 0; i < dims; ++i) n *= shape[i];
  return std::vector<float>(result, result + n);
}

core::StatusOr<std::vector<float>> XgbBooster::PredictMargins(const FeatureMatrix& x) const {
  return Predict(x, 1);
}

core::StatusOr<std::vector<float>> XgbBooster::PredictApproxContributions(
    const FeatureMatrix& x) const {
  return Predict(x, 3);
}

}  // namespace server
