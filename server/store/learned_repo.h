// The learned risk score's models and per-run scores (migration 15). Prepared statements only.
// Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct LearnedModelRecord {
  int64_t id = 0;
  std::string trained_at;
  std::optional<int64_t> trained_by;
  std::string trained_by_name;
  std::string as_of;
  std::string params;   // JSON
  std::string model;    // core TreeEnsembleToJson ("" when listed without it)
  std::string metrics;  // JSON
};

// {"id", "trained_at", "trained_by", "as_of", "params", "metrics"}.
core::Json LearnedModelJson(const LearnedModelRecord& m);
core::StatusOr<int64_t> InsertLearnedModel(Db& db, const LearnedModelRecord& m);
// With its trees; nullopt when there is no such model (`id` 0: the newest).
core::StatusOr<std::optional<LearnedModelRecord>> FindLearnedModel(Db& db, int64_t id);
// Newest first, at most `limit`, without the trees.
core::StatusOr<std::vector<LearnedModelRecord>> ListLearnedModels(Db& db, int64_t limit);

struct LearnedScoreRecord {
  int64_t run_id = 0;
  int64_t declaration_id = 0;
  int64_t model_id = 0;
  int64_t score_pm = 0;
  std::string features;  // JSON array
};

core::Status InsertLearnedScore(Db& db, const LearnedScoreRecord& s);
// The run's highest scores, at most `limit` (ties: lower declaration id first).
core::StatusOr<std::vector<LearnedScoreRecord>> TopLearnedScores(Db& db, int64_t run_id,
                                                                 int64_t limit);
// The list's score in the newest run that scored it.
core::StatusOr<std::optional<LearnedScoreRecord>> NewestLearnedScore(Db& db,
                                                                     int64_t declaration_id);

struct ArrivalScoreRecord {
  int64_t routing_id = 0;
  int64_t declaration_id = 0;
  int64_t model_id = 0;
  std::optional<int64_t> hits_run_id;
  int64_t score_pm = 0;
  std::string features;  // JSON array
  std::string at;        // the routing's time (read back; not stored here)
};

core::Status InsertArrivalScore(Db& db, const ArrivalScoreRecord& s);
// The score the list's newest routing gave it on arrival; nullopt when none had a model.
core::StatusOr<std::optional<ArrivalScoreRecord>> NewestArrivalScore(Db& db,
                                                                     int64_t declaration_id);

}  // namespace server
