// Training the learned risk score with XGBoost (libxgboost-dev, C API): a binary:logistic
// gradient-boosted tree model over a dense matrix of features and 0/1 labels, exported as the
// core's TreeEnsemble so the core (natively and in the browser) evaluates exactly these trees.
// Deterministic: one thread, a fixed seed, no row or column sampling unless asked for.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/learned.h"
#include "core/status.h"

namespace server {

// Rows of equal width, row-major; NaN is a missing value.
struct FeatureMatrix {
  size_t columns = 0;
  std::vector<float> values;  // rows x columns
  size_t rows() const { return columns == 0 ? 0 : values.size() / columns; }
};

struct BoosterParams {
  int rounds = 60;  // trees
  int max_depth = 4;
  int eta_pm = 200;  // learning rate, per mille
  int min_child_weight = 1;
  int seed = 20261127;
};

// One trained booster. Move-only; frees XGBoost's handles.
class XgbBooster {
 public:
  // Trains on `x` with `labels` (0 or 1, one per row). InvalidArgument for shapes that do not
  // fit, Internal with XGBoost's message when it fails.
  static core::StatusOr<XgbBooster> Train(const FeatureMatrix& x, const std::vector<float>& labels,
                                          const BoosterParams& params);
  ~XgbBooster();
  XgbBooster(XgbBooster&& other) noexcept;
  XgbBooster& operator=(XgbBooster&& other) noexcept;
  XgbBooster(const XgbBooster&) = delete;
  XgbBooster& operator=(const XgbBooster&) = delete;

  // The trees as the core reads them, with `features` as column names.
  core::StatusOr<core::TreeEnsemble> Export(const std::vector<std::string>& features) const;
  // XGBoost's own margins, and its approximate contributions (rows x (columns + 1), the bias
  // last): what tests hold the core's evaluation to.
  core::StatusOr<std::vector<float>> PredictMargins(const FeatureMatrix& x) const;
  core::StatusOr<std::vector<float>> PredictApproxContributions(const FeatureMatrix& x) const;

 private:
  explicit XgbBooster(void* handle) : handle_(handle) {}
  core::StatusOr<std::vector<float>> Predict(const FeatureMatrix& x, int type) const;
  void* handle_ = nullptr;  // BoosterHandle
};

}  // namespace server
