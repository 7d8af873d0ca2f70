// RequestContext helpers: body and query parsing, paging, the lazy write transaction.
#include "http/context.h"

#include <algorithm>
#include <charconv>

namespace server {

Reply Reply::Json(int status, const core::Json& body) {
  return Reply{status, core::DumpJson(body), "application/json; charset=utf-8", {}};
}

core::Json ListJson(core::Json items, int64_t total) {
  return core::Json{{"items", std::move(items)}, {"total", total}};
}

core::Status RequestContext::BeginWrite() {
  if (tx_.active()) return core::OkStatus();
  return tx_.Begin();
}

core::StatusOr<core::Json> RequestContext::JsonBody() const {
  core::StatusOr<core::Json> body = core::ParseJson(req.body);
  if (!body.ok()) return core::InvalidArgumentError("the request body is not valid JSON");
  if (!body->is_object())
    return core::InvalidArgumentError("the request body must be a JSON object");
  return body;
}

core::StatusOr<std::string> RequestContext::Query(const std::string& key, size_t max_len) const {
  if (!req.has_param(key)) return std::string();
  std::string v = req.get_param_value(key);
  if (v.size() > max_len) {
    return core::InvalidArgumentError("query parameter '" + key + "' is too long");
  }
  return v;
}

namespace {
std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}
}  // namespace

core::StatusOr<std::optional<int64_t>> RequestContext::QueryInt(const std::string& key) const {
  CORE_ASSIGN_OR_RETURN(std::string v, Query(key, 20));
  if (v.empty()) return std::optional<int64_t>();
  std::optional<int64_t> n = ParseInt(v);
  if (!n) return core::InvalidArgumentError("query parameter '" + key + "' must be an integer");
  return n;
}

core::StatusOr<int64_t> RequestContext::PathId(const std::string& key) const {
  auto it = path_params.find(key);
  if (it == path_params.end()) return core::InternalError("route has no {" + key + "}");
  std::optional<int64_t> n = ParseInt(it->second);
  if (!n || *n <= 0) return core::NotFoundError("not found");
  return *n;
}

core::StatusOr<std::optional<int64_t>> RequestContext::EnterpriseScope() const {
  if (actor.is_enterprise()) return actor.enterprise_id;
  return QueryInt("enterprise_id");
}

core::StatusOr<Page> RequestContext::PageParams() const {
  Page page;
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> limit, QueryInt("limit"));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> offset, QueryInt("offset"));
  if (limit) {
    if (*limit < 1) return core::InvalidArgumentError("query parameter 'limit' must be >= 1");
    page.limit = std::min<int64_t>(*limit, 500);
  }
  if (offset) {
    if (*offset < 0) return core::InvalidArgumentError("query parameter 'offset' must be >= 0");
    page.offset = *offset;
  }
  return page;
}

}  // namespace server
