// Reading JSON text the server itself stored or the core produced. No I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/json.h"

namespace server {

// The parsed value, or null when the text is not JSON (stored text is ours; a damaged row is
// shown as null rather than failing a whole list).
core::Json JsonOrNull(std::string_view text);

// The value, or JSON null when empty.
template <typename T>
core::Json OrNull(const std::optional<T>& value) {
  return value ? core::Json(*value) : core::Json();
}

// A string field of a request body, at most max_len characters: InvalidArgument naming the field
// when it is required and missing or empty, or present and not a string (or too long).
core::StatusOr<std::string> BodyString(const core::Json& body, const char* key, size_t max_len,
                                       bool required);

// The output of a core JSON entry point (verdict_api.h): the object, InvalidArgument with the
// core's message when it answered {"error": {...}}, Internal when it is not a JSON object.
core::StatusOr<core::Json> CoreResult(std::string_view text);

}  // namespace server
