// One crawler work cycle: lease a task from the server, run it (a patrol walk or a mystery
// order through the shop's checkout), upload the evidence, and complete it — or give it back
// with why. Does network I/O (the server client and the fetcher).
#pragma once

#include <functional>
#include <string>

#include "client/server_client.h"
#include "core/json.h"
#include "fetch/fetcher.h"
#include "patrol/patrol_run.h"

namespace crawler {

struct RunnerOptions {
  PatrolOptions patrol;
  core::Json kinds = core::Json::array();  // [] = every kind
  size_t evidence_batch_bytes = 4u << 20;  // base64 bytes per evidence upload at most
  size_t evidence_batch_items = 50;        // items per evidence upload at most
};

using LogFn = std::function<void(const std::string&)>;

enum class CycleOutcome { kIdle, kDone, kFailed, kLeaseLost };

// Leases and runs one task. Errors: the server could not be reached or refused a call other
// than with a lost lease (Unavailable, Unauthenticated, ...); the task is then left to its
// lease, which expires and lets another crawler retry it.
core::StatusOr<CycleOutcome> RunOneTask(ServerClient& server, Fetcher& fetcher,
                                        const RunnerOptions& options, const LogFn& log);

}  // namespace crawler
