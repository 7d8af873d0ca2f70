// Risk run jobs (migration 16): queued, claimed by the worker, their progress and end.
// Prepared statements only. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct RiskJobRecord {
  int64_t id = 0;
  std::string request;  // JSON
  std::string state;
  std::string phase;
  int64_t models_done = 0;
  int64_t models_total = 0;
  std::optional<int64_t> run_id;
  std::optional<std::string> error;
  std::optional<int64_t> requested_by;
  std::string requested_by_name;
  std::string requested_by_role;
  std::string requested_at;
  std::string updated_at;
};

// {"id", "request", "state", "phase", "models_done", "models_total", "progress_pm", "run_id",
// "error", "requested_by", "requested_at", "updated_at"}.
core::Json RiskJobJson(const RiskJobRecord& j);
core::StatusOr<int64_t> InsertRiskJob(Db& db, const RiskJobRecord& j);
core::StatusOr<std::optional<RiskJobRecord>> FindRiskJob(Db& db, int64_t id);
// Marks the oldest queued job running and returns it (nullopt when none is queued).
core::StatusOr<std::optional<RiskJobRecord>> ClaimRiskJob(Db& db, const std::string& now);
core::Status SetRiskJobProgress(Db& db, int64_t id, const std::string& phase, int64_t done,
                                const std::string& now);
core::Status FinishRiskJob(Db& db, int64_t id, int64_t run_id, const std::string& now);
core::Status FailRiskJob(Db& db, int64_t id, const std::string& error, const std::string& now);
// Queues again every job left running (the server stopped or died mid-job); how many.
core::StatusOr<int64_t> RequeueRunningRiskJobs(Db& db, const std::string& now);
core::StatusOr<int64_t> CountQueuedRiskJobs(Db& db);

}  // namespace server
