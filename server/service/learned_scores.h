// The learned risk score on the server (issue 5): training an XGBoost model on the inspection
// outcomes in the store (features from the core's risk models, core/learned_features.h), judging
// it on the newest fifth of the labelled lists it did not see, beside the rule hits' summed
// scores on the same lists, storing its trees; scoring every list of a risk run with the newest
// model; and reading scores back with their explanation. Customs only. Does database I/O.
#pragma once

#include <cstdint>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "core/risk.h"
#include "store/db.h"

namespace server {

// {"as_of"?: date (default today), "rounds"?: 1..500, "max_depth"?: 1..10, "eta_pm"?: 10..1000}
// -> {"model": LearnedModelJson}; audited "risk.learned_model". FailedPrecondition when the
// store has fewer than 20 inspected lists or not both outcomes among them; InvalidArgument for
// bad parameters.
core::StatusOr<core::Json> TrainLearnedModel(App& app, Db& db, const Actor& actor,
                                             const core::Json& body);

// Scores every declaration of `data` with the newest model, stored under `run_id`:
// {"model_id", "scored"}; {"model_id": null} when no model is trained yet, and a "note" when the
// newest model reads other columns than the core now builds (train again).
core::StatusOr<core::Json> ScoreRunWithNewestModel(Db& db, int64_t run_id,
                                                   const core::RiskData& data,
                                                   const std::vector<core::RiskHit>& hits);

// {"items": [LearnedModelJson...]}, newest first (50).
core::StatusOr<core::Json> LearnedModelsJson(Db& db);
// LearnedModelJson with "model" (the trees) and "features" [{id, name_zh, name_en}]. NotFound.
core::StatusOr<core::Json> LearnedModelDetail(Db& db, int64_t id);
// {"run_id", "items": [{"declaration_id", "model_id", "score_pm"}]}: the run's highest (100).
core::StatusOr<core::Json> RunLearnedScores(Db& db, int64_t run_id);
// The list's newest score: {"run_id", "model_id", "score_pm", "values", "explanation"
// (core LearnedScoreToJson)}. NotFound when no run scored it.
core::StatusOr<core::Json> DeclarationLearnedScore(Db& db, int64_t declaration_id);
// The score the list's newest routing gave it on arrival (service/arrival_score.h):
// {"routing_id", "at", "model_id", "hits_run_id" (null before any run), "score_pm", "values",
// "explanation"}. NotFound when no model existed when it was routed.
core::StatusOr<core::Json> DeclarationArrivalScore(Db& db, int64_t declaration_id);

}  // namespace server
