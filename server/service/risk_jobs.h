// Risk runs as batch jobs with progress (issue 5): POST /risk/jobs queues a run of every model
// over the whole history; one worker thread per server takes the oldest queued job, reads the
// store, runs the models one at a time saying which one it is at, then stores the run (with the
// learned scores) and the job's end in one transaction. A job left running when the server
// stopped or died is queued again when it starts. Does database I/O and owns a thread.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "common/actor.h"
#include "core/json.h"
#include "core/status.h"
#include "store/db.h"

namespace server {

class App;

class RiskJobWorker {
 public:
  explicit RiskJobWorker(App& app) : app_(app) {}
  // Stops at the next model boundary (the job stays running, so the next start queues it again)
  // and joins the thread.
  ~RiskJobWorker();
  RiskJobWorker(const RiskJobWorker&) = delete;
  RiskJobWorker& operator=(const RiskJobWorker&) = delete;

  // At start: queues again the jobs left running, and starts work when any job waits.
  core::Status Resume();
  // A job was queued: starts the thread when it is not running, or wakes it.
  void Notify();
  // Returns once no queued job is left and the thread is idle (tests, shutdown of CLI tools).
  void WaitIdle();

 private:
  void Loop();
  // Runs one claimed job to its end (done or failed); false when stopping cut it short.
  bool RunOne(int64_t job_id);

  App& app_;
  std::mutex mu_;
  std::condition_variable wake_, idle_;
  bool started_ = false, stopping_ = false, pending_ = false, busy_ = false;
  std::thread thread_;
};

// POST /risk/jobs {"thresholds"?, "as_of"?}: checked like POST /risk/runs, queued, audited
// ("risk.job") -> {"job": RiskJobJson}. InvalidArgument on a bad request.
core::StatusOr<core::Json> QueueRiskJob(App& app, Db& db, const Actor& actor,
                                        const core::Json& body);
// {"job": RiskJobJson}; NotFound.
core::StatusOr<core::Json> RiskJobStatus(Db& db, int64_t id);

}  // namespace server
