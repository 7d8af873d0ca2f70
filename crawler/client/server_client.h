// The crawler's side of the server API (docs/api.md "The crawler's routes"): lease a task,
// report progress, upload evidence, complete or give back a task, with the bearer token of a
// crawler account. Does network I/O (cpp-httplib client).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/json.h"
#include "core/status.h"

namespace httplib {
class Client;
}

namespace crawler {

class ServerClient {
 public:
  // `server` like "http://127.0.0.1:8080"; `token` a crawler account's bearer token.
  ServerClient(const std::string& server, std::string token);
  ~ServerClient();
  ServerClient(const ServerClient&) = delete;
  ServerClient& operator=(const ServerClient&) = delete;

  // The leased task ({"task", "shop", "profile", "buyer"?}), or nullopt when there is none.
  // Errors: Unavailable when the server cannot be reached; the server's error otherwise.
  core::StatusOr<std::optional<core::Json>> Lease(const core::Json& kinds);
  // POSTs `body` to /api/v1/crawler/tasks/{id}/{action} ("progress", "evidence", "complete",
  // "fail") and returns the answer. FailedPrecondition when the lease was lost (409).
  core::StatusOr<core::Json> TaskCall(int64_t task_id, const std::string& action,
                                      const core::Json& body);

 private:
  core::StatusOr<core::Json> Post(const std::string& path, const core::Json& body, int* status_out);

  std::unique_ptr<httplib::Client> http_;
  std::string token_;
};

}  // namespace crawler
