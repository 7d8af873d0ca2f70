// The server API client on cpp-httplib; errors mapped back to Status codes by HTTP status.
#include "client/server_client.h"

#include <httplib.h>

namespace crawler {

namespace {

core::Status StatusFor(int http, const std::string& message) {
  switch (http) {
    case 400:
      return core::InvalidArgumentError(message);
    case 401:
      return core::UnauthenticatedError(message);
    case 403:
      return core::PermissionDeniedError(message);
    case 404:
      return core::NotFoundError(message);
    case 409:
      return core::FailedPreconditionError(message);
    case 429:
    case 503:
      return core::UnavailableError(message);
    default:
      return core::InternalError("server answered " + std::to_string(http) + ": " + message);
  }
}

}  // namespace

ServerClient::ServerClient(const std::string& server, std::string token)
    : http_(std::make_unique<httplib::Client>(server)), token_(std::move(token)) {
  http_->set_connection_timeout(10, 0);
  http_->set_read_timeout(60, 0);
  http_->set_write_timeout(60, 0);
  http_->set_keep_alive(true);
}

ServerClient::~ServerClient() = default;

core::StatusOr<core::Json> ServerClient::Post(const std::string& path, const core::Json& body,
                                              int* status_out) {
  httplib::Headers headers = {{"Authorization", "Bearer " + token_}};
  httplib::Result res = http_->Post(path, headers, core::DumpJson(body), "application/json");
  if (!res) {
    return core::UnavailableError("cannot reach the server (" + httplib::to_string(res.error()) +
                                  ")");
  }
  *status_out = res->status;
  if (res->status == 204) return core::Json();
  core::StatusOr<core::Json> json = core::ParseJson(res->body);
  if (res->status >= 200 && res->status < 300) {
    if (!json.ok()) return core::InternalError("the server's answer is not JSON");
    return json;
  }
  std::string message = res->body;
  if (json.ok() && json->contains("error") && (*json)["error"].contains("message") &&
      (*json)["error"]["message"].is_string()) {
    message = (*json)["error"]["message"].get<std::string>();
  }
  return StatusFor(res->status, message);
}

core::StatusOr<std::optional<core::Json>> ServerClient::Lease(const core::Json& kinds) {
  int status = 0;
  core::Json body = core::Json::object();
  if (kinds.is_array() && !kinds.empty()) body["kinds"] = kinds;
  CORE_ASSIGN_OR_RETURN(core::Json out, Post("/api/v1/crawler/lease", body, &status));
  if (status == 204) return std::optional<core::Json>();
  return std::optional<core::Json>(std::move(out));
}

core::StatusOr<core::Json> ServerClient::TaskCall(int64_t task_id, const std::string& action,
                                                  const core::Json& body) {
  int status = 0;
  return Post("/api/v1/crawler/tasks/" + std::to_string(task_id) + "/" + action, body, &status);
}

}  // namespace crawler
