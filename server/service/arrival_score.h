// What a list is found to be as it arrives (issue 5, incremental runs), at routing: the consumer
// risk models run over its neighbourhood give the hits on its buyer, phone, address, payer and on
// itself that a run over the whole history would give (core/risk_arrival.h; the newest run's
// thresholds), and the newest learned model scores it from its own facts, the newest run's hits
// reaching it and those fresh hits. Routing rules read them as risk.arrival_hits,
// risk.arrival_models and risk.learned_score_pm before the next batch run. The model is parsed
// once per model; the run's hits come from RiskHitIndex (once per run). Does database I/O.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/date.h"
#include "core/json.h"
#include "core/learned.h"
#include "core/risk.h"
#include "core/status.h"
#include "service/newest_cache.h"
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
  NewestCache<NewestLearnedModel> cache_;
};

struct ArrivalScore {
  int64_t model_id = 0;
  std::optional<int64_t> hits_run_id;  // the run whose hits were read; none before any run
  int score_pm = 0;
  core::Json values;  // core FeatureRowToJson of the row read
};

struct ArrivalAssessment {
  std::vector<core::RiskHit> hits;    // the consumer models' hits on the list's subjects
  std::optional<ArrivalScore> score;  // none without a usable model
};

// The list's hits and learned score now, the models' windows ending `today`. Empty when the list
// does not read as the models read lists (no valid date).
core::StatusOr<ArrivalAssessment> AssessOnArrival(LearnedModelCache& models,
                                                  const RiskHitCounts& run, Db& db,
                                                  int64_t declaration_id, const core::Date& today);

// The rule context's arrival fields: risk.arrival_hits, risk.arrival_models (ids, registry
// order) and, with a score, risk.learned_score_pm; added to `risk` (an object).
void AddArrivalContext(const ArrivalAssessment& a, core::Json& risk);

}  // namespace server
