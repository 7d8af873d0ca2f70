// JSON helpers for the core on top of nlohmann/json, used without exceptions (JSON_NOEXCEPTION
// is defined for every target): never call .at() or .get<T>() on unchecked input. Pure.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/finding.h"
#include "core/status.h"

namespace core {

// std::map-backed object: keys come out sorted, so output never depends on insertion order.
using Json = nlohmann::json;

// Parses text; InvalidArgument("malformed JSON ...") instead of throwing.
StatusOr<Json> ParseJson(std::string_view text);
// Compact, deterministic serialisation; invalid UTF-8 is replaced rather than aborting.
std::string DumpJson(const Json& value);

// Typed field readers for objects coming from outside. Each returns InvalidArgument naming the
// field when it is present with the wrong type (or missing, for the Required forms).
// Strings longer than max_len are refused.
StatusOr<std::string> RequiredString(const Json& obj, std::string_view key, size_t max_len = 512);
StatusOr<std::string> OptionalString(const Json& obj, std::string_view key, size_t max_len = 512);
StatusOr<int64_t> RequiredInt(const Json& obj, std::string_view key);
StatusOr<std::optional<int64_t>> OptionalInt(const Json& obj, std::string_view key);
StatusOr<bool> OptionalBool(const Json& obj, std::string_view key, bool default_value);

Json FindingToJson(const Finding& f);
Json FindingsToJson(const Findings& findings);

}  // namespace core
