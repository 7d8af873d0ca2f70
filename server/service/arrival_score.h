// The learned score a list is given as it arrives (issue 5, incremental scoring): at routing, the
// newest learned model reads the list's own facts and the newest risk run's hits that reach it
// through its buyer, phone, address, payer, enterprise or codes, so routing rules can use
// risk.learned_score_pm before the next batch run. The model is parsed once per model; the hits
// come from RiskHitIndex (once per run). Does database I/O.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "core/json.h"
#include "core/learned.h"
#include "core/status.h"
#include "service/risk_hit_index.h"
#include "store/db.h"

namespace server {

// The newest learned model's trees, when it reads the columns the core now gives.
struct NewestLearnedModel {
  int64_t id = 0;       // 0: no model yet
  bool usable = false;  // false: none, or trained on other columns (train it again)
  core::TreeEnsemble trees;
};

class LearnedModelCache {
 public:
  // The newest model (parsed once per model id). Internal on database errors or a stored model
  // that does not read.
  core::StatusOr<std::shared_ptr<const NewestLearnedModel>> Get(Db& db);

 private:
  std::mutex mu_;
  std::shared_ptr<const NewestLearnedModel> current_ = std::make_shared<NewestLearnedModel>();
};

struct ArrivalScore {
  int64_t model_id = 0;
  std::optional<int64_t> hits_run_id;  // the run whose hits were read; none before any run
  int score_pm = 0;
  core::Json values;  // core FeatureRowToJson of the row read
};

// The list's learned score now; nullopt when there is no usable model or the list does not read
// as the models read lists.
core::StatusOr<std::optional<ArrivalScore>> ScoreOnArrival(LearnedModelCache& models,
                                                           const RiskHitCounts& hits, Db& db,
                                                           int64_t declaration_id);

}  // namespace server
