// Lenient JSON for JSON-LD scripts: real sites emit JS comments, HTML comments, CDATA wrappers,
// raw control characters in strings, trailing commas and several values in one script.
// Pure (no I/O).
#pragma once

#include <string_view>

#include "core/json.h"
#include "core/status.h"

namespace crawler {

// Parses JSON as JSON-LD scripts carry it, tolerating: JS comments (// and /* */), HTML comments
// and CDATA wrappers, raw control characters inside strings, JS-only escapes ("\'"), trailing
// commas, several top-level values one after another (returned as an array). Valid JSON is
// parsed as is. InvalidArgument when the text still is not JSON.
core::StatusOr<core::Json> ParseLenientJson(std::string_view text);

}  // namespace crawler
