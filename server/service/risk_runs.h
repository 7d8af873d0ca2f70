// Runs of the core's risk models over everything in the store they read (core/risk.h), stored with
// the thresholds they used, and what officers read of them. Customs only. Does database I/O.
#pragma once

#include <cstdint>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "core/risk.h"
#include "store/risk_repo.h"

namespace server {

// {"thresholds"?: {...}, "as_of"?: "YYYY-MM-DD"} (core RiskThresholdsFromJson: absent keys keep
// the defaults; as_of, the day the models' windows end, defaults to today: a district's history
// is evaluated as of its own last day): reads every input of the models (LoadRiskData), runs
// every model, stores the run and its hits in the
// caller's transaction, audited ("risk.run"). -> {"run", "by_model": {model: hits}, "inputs":
// {declarations, observations, mystery_orders, promotions, stocktakes, gate_passes, vehicles,
// inspections}: rows read}. InvalidArgument on bad thresholds.
core::StatusOr<core::Json> RunRiskModelsOverStore(App& app, Db& db, const Actor& actor,
                                                  const core::Json& body);

// The request of a run, checked: the thresholds (defaults for absent keys) and as_of (today).
struct RiskRunRequest {
  core::RiskThresholds thresholds;
  core::Date as_of;
};
core::StatusOr<RiskRunRequest> ReadRiskRunRequest(App& app, const core::Json& body);
// {"thresholds": every key, "as_of"}: read back by ReadRiskRunRequest to the same request.
core::Json RiskRunRequestJson(const RiskRunRequest& r);
// Stores a run of `request` over `data` with `hits` (every model's), scores its lists with the
// newest learned model and audits it, in the caller's transaction: the answer of POST /risk/runs.
core::StatusOr<core::Json> StoreRiskRun(App& app, Db& db, const Actor& actor,
                                        const RiskRunRequest& request, const core::RiskData& data,
                                        const std::vector<core::RiskHit>& hits);

// {"models": [RiskModelInfoToJson...], "default_thresholds"}.
core::Json RiskModelsJson();

// {"run", "items": [RiskHitToJson...]} of run `id` (`model` "" = all), at most 1000. NotFound for
// an unknown run.
core::StatusOr<core::Json> RiskRunHits(Db& db, int64_t id, const std::string& model);

// The newest runs (at most 50), each with its hits per model (every registry model, 0 when
// none): {"items": [{"run", "by_model"}]}.
core::StatusOr<core::Json> RecentRiskRuns(Db& db);

}  // namespace server
