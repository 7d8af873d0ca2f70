// Risk run jobs: rows in, rows out.
#include "store/risk_jobs_repo.h"

#include "common/json_text.h"

namespace server {
namespace {

constexpr const char* kColumns =
    "id, request, state, phase, models_done, models_total, run_id, error, requested_by, "
    "requested_by_name, requested_by_role, requested_at, updated_at";

RiskJobRecord JobFrom(const Stmt& q) {
  return {q.Int(0),     q.Text(1),   q.Text(2), q.Text(3),  q.Int(4),   q.Int(5),  q.OptInt(6),
          q.OptText(7), q.OptInt(8), q.Text(9), q.Text(10), q.Text(11), q.Text(12)};
}

}  // namespace

core::Json RiskJobJson(const RiskJobRecord& j) {
  const int64_t progress =
      j.state == "done" ? 1000 : (j.models_total > 0 ? j.models_done * 1000 / j.models_total : 0);
  return {{"id", j.id},
          {"request", JsonOrNull(j.request)},
          {"state", j.state},
          {"phase", j.phase},
          {"models_done", j.models_done},
          {"models_total", j.models_total},
          {"progress_pm", progress},
          {"run_id", j.run_id ? core::Json(*j.run_id) : core::Json(nullptr)},
          {"error", j.error ? core::Json(*j.error) : core::Json(nullptr)},
          {"requested_by", j.requested_by_name},
          {"requested_at", j.requested_at},
          {"updated_at", j.updated_at}};
}

core::StatusOr<int64_t> InsertRiskJob(Db& db, const RiskJobRecord& j) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO risk_jobs (request, state, phase, models_done, models_total, requested_by, "
      "requested_by_name, requested_by_role, requested_at, updated_at) "
      "VALUES (?, 'queued', 'queued', 0, ?, ?, ?, ?, ?, ?)",
      j.request, j.models_total, j.requested_by, j.requested_by_name, j.requested_by_role,
      j.requested_at, j.requested_at));
  return db.LastInsertId();
}

core::StatusOr<std::optional<RiskJobRecord>> FindRiskJob(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query(std::string("SELECT ") + kColumns + " FROM risk_jobs WHERE id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<RiskJobRecord>();
  return std::optional<RiskJobRecord>(JobFrom(q));
}

core::StatusOr<std::optional<RiskJobRecord>> ClaimRiskJob(Db& db, const std::string& now) {
  Transaction tx(db);
  CORE_RETURN_IF_ERROR(tx.Begin());
  RiskJobRecord job;
  {
    CORE_ASSIGN_OR_RETURN(Stmt q,
                          db.Query(std::string("SELECT ") + kColumns +
                                   " FROM risk_jobs WHERE state = 'queued' ORDER BY id LIMIT 1"));
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return std::optional<RiskJobRecord>();
    job = JobFrom(q);
  }  // the statement is reset before the update and the commit
  CORE_RETURN_IF_ERROR(db.Exec(
      "UPDATE risk_jobs SET state = 'running', phase = 'reading', updated_at = ? WHERE id = ?", now,
      job.id));
  CORE_RETURN_IF_ERROR(tx.Commit());
  job.state = "running";
  job.phase = "reading";
  return std::optional<RiskJobRecord>(std::move(job));
}

core::Status SetRiskJobProgress(Db& db, int64_t id, const std::string& phase, int64_t done,
                                const std::string& now) {
  return db.Exec("UPDATE risk_jobs SET phase = ?, models_done = ?, updated_at = ? WHERE id = ?",
                 phase, done, now, id);
}

core::Status FinishRiskJob(Db& db, int64_t id, int64_t run_id, const std::string& now) {
  return db.Exec(
      "UPDATE risk_jobs SET state = 'done', phase = 'done', models_done = models_total, "
      "run_id = ?, updated_at = ? WHERE id = ?",
      run_id, now, id);
}

core::Status FailRiskJob(Db& db, int64_t id, const std::string& error, const std::string& now) {
  return db.Exec("UPDATE risk_jobs SET state = 'failed', error = ?, updated_at = ? WHERE id = ?",
                 error, now, id);
}

core::StatusOr<int64_t> RequeueRunningRiskJobs(Db& db, const std::string& now) {
  CORE_RETURN_IF_ERROR(
      db.Exec("UPDATE risk_jobs SET state = 'queued', phase = 'queued', models_done = 0, "
              "updated_at = ? WHERE state = 'running'",
              now));
  return db.QueryInt("SELECT changes()");
}

core::StatusOr<int64_t> CountQueuedRiskJobs(Db& db) {
  return db.QueryInt("SELECT COUNT(*) FROM risk_jobs WHERE state = 'queued'");
}

}  // namespace server
