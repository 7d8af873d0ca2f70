// What a route handler receives (the app, the request, the caller, path parameters, the
// database connection and its per-request transaction) and what it returns. No I/O itself.
#pragma once

#include <httplib.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "store/db.h"
#include "store/users_repo.h"

namespace server {

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;

  static Reply Json(int status, const core::Json& body);
  static Reply NoContent() { return Reply{204, "", "", {}}; }
};

class RequestContext {
 public:
  RequestContext(App& app, const httplib::Request& req, Db& db)
      : app(app), req(req), db(db), tx_(db) {}

  App& app;
  const httplib::Request& req;
  Db& db;
  std::optional<UserRecord> user;  // set when a valid session cookie came with the request
  Actor actor;                     // the user as an actor; role "anonymous" when signed out
  std::map<std::string, std::string> path_params;

  // Opens the request's one write transaction (BEGIN IMMEDIATE) if not open yet. Handlers call
  // it after their slow, read-only preparation (password hashing, evaluation) and before their
  // first write; the dispatcher commits when the handler succeeds and rolls back otherwise.
  core::Status BeginWrite();
  // Runs after a successful commit (e.g. putting a new list version in force).
  void OnCommit(std::function<void()> fn) { on_commit_.push_back(std::move(fn)); }

  // The body as a JSON object. InvalidArgument on malformed JSON or a non-object.
  core::StatusOr<core::Json> JsonBody() const;
  // A query parameter ("" when absent). InvalidArgument when longer than max_len.
  core::StatusOr<std::string> Query(const std::string& key, size_t max_len = 200) const;
  // An optional integer query parameter. InvalidArgument when not an integer.
  core::StatusOr<std::optional<int64_t>> QueryInt(const std::string& key) const;
  // The {id} path parameter (the router guarantees digits). NotFound when out of range.
  core::StatusOr<int64_t> PathId(const std::string& key = "id") const;
  // The enterprise a list is filtered to: an enterprise user's own whatever it asks for,
  // otherwise the optional ?enterprise_id= (InvalidArgument when not an integer).
  core::StatusOr<std::optional<int64_t>> EnterpriseScope() const;
  // limit (default 50, capped at 500) and offset (default 0). InvalidArgument when negative.
  core::StatusOr<Page> PageParams() const;

  Transaction& tx() { return tx_; }
  std::vector<std::function<void()>>& on_commit() { return on_commit_; }

 private:
  Transaction tx_;
  std::vector<std::function<void()>> on_commit_;
};

using HandlerFn = core::StatusOr<Reply> (*)(RequestContext&);

// {"items": [...], "total": N}.
core::Json ListJson(core::Json items, int64_t total);

}  // namespace server
