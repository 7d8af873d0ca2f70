// The risk job worker: one thread, woken when a job is queued, working through the queue oldest
// first. Progress is written with one short statement per model, so readers see it at once and
// the store is never held for the whole run; the run itself is stored in one transaction.
#include "service/risk_jobs.h"

#include "app.h"
#include "audit/audit_log.h"
#include "common/clock.h"
#include "service/risk_runs.h"
#include "store/risk_jobs_repo.h"
#include "store/risk_repo.h"

namespace server {
namespace {

Actor RequesterOf(const RiskJobRecord& job) {
  Actor a;
  a.user_id = job.requested_by;
  a.name = job.requested_by_name;
  a.role = job.requested_by_role;
  return a;
}

}  // namespace

RiskJobWorker::~RiskJobWorker() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

core::Status RiskJobWorker::Resume() {
  CORE_ASSIGN_OR_RETURN(DbPool::Lease db, app_.pool().Acquire());
  CORE_RETURN_IF_ERROR(RequeueRunningRiskJobs(*db, FormatUtcIso(app_.Now())).status());
  CORE_ASSIGN_OR_RETURN(int64_t queued, CountQueuedRiskJobs(*db));
  if (queued > 0) Notify();
  return core::OkStatus();
}

void RiskJobWorker::Notify() {
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_) return;
  pending_ = true;
  if (!started_) {
    started_ = true;
    thread_ = std::thread([this] { Loop(); });
  }
  wake_.notify_one();
}

void RiskJobWorker::WaitIdle() {
  std::unique_lock<std::mutex> lock(mu_);
  idle_.wait(lock, [this] { return (!pending_ && !busy_) || stopping_; });
}

void RiskJobWorker::Loop() {
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [this] { return pending_ || stopping_; });
      if (stopping_) break;
      pending_ = false;
      busy_ = true;
    }
    bool stopped = false;
    while (!stopped) {
      int64_t id = 0;
      {
        core::StatusOr<DbPool::Lease> db = app_.pool().Acquire();
        if (!db.ok()) break;
        core::StatusOr<std::optional<RiskJobRecord>> job =
            ClaimRiskJob(**db, FormatUtcIso(app_.Now()));
        if (!job.ok() || !*job) break;
        id = (*job)->id;
      }  // the connection goes back to the pool; RunOne takes its own
      stopped = !RunOne(id);
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      busy_ = false;
    }
    idle_.notify_all();
    if (stopped) break;
  }
  idle_.notify_all();
}

bool RiskJobWorker::RunOne(int64_t job_id) {
  core::StatusOr<DbPool::Lease> lease = app_.pool().Acquire();
  if (!lease.ok()) return true;
  Db& db = **lease;
  auto now = [this] { return FormatUtcIso(app_.Now()); };
  auto fail = [&](const core::Status& st) {
    (void)FailRiskJob(db, job_id, st.ToString(), now());
    return true;
  };
  core::StatusOr<std::optional<RiskJobRecord>> job = FindRiskJob(db, job_id);
  if (!job.ok()) return fail(job.status());
  if (!*job) return true;
  const Actor actor = RequesterOf(**job);
  core::StatusOr<core::Json> request_doc = core::ParseJson((*job)->request);
  if (!request_doc.ok()) return fail(request_doc.status());
  core::StatusOr<RiskRunRequest> request = ReadRiskRunRequest(app_, *request_doc);
  if (!request.ok()) return fail(request.status());

  core::StatusOr<core::RiskData> data = LoadRiskData(db, request->as_of);
  if (!data.ok()) return fail(data.status());
  std::vector<core::RiskHit> hits;
  const std::vector<core::RiskModelInfo>& models = core::RiskModels();
  for (size_t i = 0; i < models.size(); ++i) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) return false;  // left running: queued again at the next start
    }
    if (core::Status st =
            SetRiskJobProgress(db, job_id, models[i].id, static_cast<int64_t>(i), now());
        !st.ok()) {
      return fail(st);
    }
    for (core::RiskHit& h : core::RunRiskModel(*data, request->thresholds, i)) {
      hits.push_back(std::move(h));
    }
  }
  if (core::Status st =
          SetRiskJobProgress(db, job_id, "storing", static_cast<int64_t>(models.size()), now());
      !st.ok()) {
    return fail(st);
  }
  Transaction tx(db);
  core::Status st = tx.Begin();
  if (!st.ok()) return fail(st);
  core::StatusOr<core::Json> stored = StoreRiskRun(app_, db, actor, *request, *data, hits);
  if (!stored.ok()) {
    tx.Rollback();
    return fail(stored.status());
  }
  st = FinishRiskJob(db, job_id, (*stored)["run"]["id"].get<int64_t>(), now());
  if (st.ok()) st = tx.Commit();
  if (!st.ok()) {
    tx.Rollback();
    return fail(st);
  }
  return true;
}

core::StatusOr<core::Json> QueueRiskJob(App& app, Db& db, const Actor& actor,
                                        const core::Json& body) {
  CORE_ASSIGN_OR_RETURN(RiskRunRequest request, ReadRiskRunRequest(app, body));
  RiskJobRecord job;
  job.request = core::DumpJson(RiskRunRequestJson(request));
  job.models_total = static_cast<int64_t>(core::RiskModels().size());
  job.requested_by = actor.user_id;
  job.requested_by_name = actor.name;
  job.requested_by_role = actor.role;
  job.requested_at = FormatUtcIso(app.Now());
  CORE_ASSIGN_OR_RETURN(job.id, InsertRiskJob(db, job));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "risk.job", "risk_job", std::to_string(job.id),
                                   {{"as_of", request.as_of.ToIso()}}, app.Now()));
  CORE_ASSIGN_OR_RETURN(std::optional<RiskJobRecord> stored, FindRiskJob(db, job.id));
  if (!stored) return core::InternalError("the queued job vanished");
  return core::Json{{"job", RiskJobJson(*stored)}};
}

core::StatusOr<core::Json> RiskJobStatus(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(std::optional<RiskJobRecord> job, FindRiskJob(db, id));
  if (!job) return core::NotFoundError("no risk job " + std::to_string(id));
  return core::Json{{"job", RiskJobJson(*job)}};
}

}  // namespace server
