// Request readers shared by the core's text entry points (private to the core). Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/status.h"

namespace core::internal {

// The request text as a JSON object; InvalidArgument for malformed JSON or another value.
StatusOr<Json> ParseRequestObject(std::string_view request);
// doc["seed"]: a string of 1-16 hex digits (SeedFromHex); InvalidArgument naming "seed".
StatusOr<uint64_t> ReadSeed(const Json& doc);
// The result text, or the error body (ErrorResponseJson) when there is none.
std::string Respond(const StatusOr<std::string>& result);

}  // namespace core::internal
