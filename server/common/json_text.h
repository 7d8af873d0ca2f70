// Reading JSON text the server itself stored or the core produced. No I/O.
#pragma once

#include <optional>
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

// The output of a core JSON entry point (verdict_api.h): the object, InvalidArgument with the
// core's message when it answered {"error": {...}}, Internal when it is not a JSON object.
core::StatusOr<core::Json> CoreResult(std::string_view text);

}  // namespace server
