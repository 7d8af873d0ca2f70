// JSON text helpers.
#include "common/json_text.h"

namespace server {

core::Json JsonOrNull(std::string_view text) {
  core::StatusOr<core::Json> j = core::ParseJson(text);
  return j.ok() ? *j : core::Json();
}

core::StatusOr<core::Json> CoreResult(std::string_view text) {
  core::StatusOr<core::Json> parsed = core::ParseJson(text);
  if (!parsed.ok() || !parsed->is_object()) {
    return core::InternalError("the core returned unreadable JSON");
  }
  auto err = parsed->find("error");
  if (err != parsed->end()) {
    auto msg = err->is_object() ? err->find("message") : err->end();
    bool has_msg = err->is_object() && msg != err->end() && msg->is_string();
    return core::InvalidArgumentError(has_msg ? msg->get<std::string>() : "invalid request");
  }
  return parsed;
}

core::StatusOr<std::string> BodyString(const core::Json& body, const char* key, size_t max_len,
                                       bool required) {
  core::StatusOr<std::string> v = required ? core::RequiredString(body, key, max_len)
                                           : core::OptionalString(body, key, max_len);
  if (!v.ok()) {
    return core::InvalidArgumentError("field '" + std::string(key) + "' " +
                                      (required ? "is required: " : "") + v.status().message());
  }
  return v;
}

}  // namespace server
