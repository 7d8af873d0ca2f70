// Migration 16 (issue 5): risk runs as batch jobs. A job is the request to run every model over
// the whole history; a worker thread takes the oldest queued job, reports which model it is at,
// and stores the run and the job's end in one transaction. A job left running by a stopped or
// killed server is queued again at the next start. SQL text only; no I/O.
#pragma once

#include <string_view>

namespace server {

inline constexpr std::string_view kRiskJobsSchema = R"sql(
CREATE TABLE risk_jobs (
  id INTEGER PRIMARY KEY,
  request TEXT NOT NULL,            -- the checked request: {"thresholds", "as_of"}
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  phase TEXT NOT NULL,              -- queued | reading | the model running | storing | done
  models_done INTEGER NOT NULL,
  models_total INTEGER NOT NULL,
  run_id INTEGER REFERENCES risk_runs(id),
  error TEXT,
  requested_by INTEGER REFERENCES users(id),
  requested_by_name TEXT NOT NULL,
  requested_by_role TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX risk_jobs_state ON risk_jobs(state, id);
)sql";

}  // namespace server
