// Path-aware readers for nested JSON documents from outside (applications, filings, policy):
// every error names the full field path ("qualifications[1].valid_to"). Private to the core. Pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/json.h"
#include "core/status.h"

namespace core::internal {

// "parent.key", or "key" when parent is empty.
std::string FieldPath(std::string_view parent, std::string_view key);
// "parent[i]".
std::string IndexPath(std::string_view parent, size_t index);
// InvalidArgument("field 'path' <what>").
Status FieldError(std::string_view path, std::string_view what);

// The member, or nullptr when it is absent or JSON null. `obj` must be an object.
const Json* Member(const Json& obj, std::string_view key);

// Reads obj[key] as a string of at most max_chars characters (code points, so Chinese text gets
// the same allowance as Latin text). Absent or null gives "" unless
// required (then InvalidArgument); an empty string counts as absent for `required`.
StatusOr<std::string> ReadString(const Json& obj, std::string_view key, std::string_view parent,
                                 size_t max_chars, bool required);
// A "YYYY-MM-DD" date; absent or null gives nullopt unless required.
StatusOr<std::optional<Date>> ReadDate(const Json& obj, std::string_view key,
                                       std::string_view parent, bool required);
// An integer in [min_value, max_value]; absent or null gives nullopt unless required.
StatusOr<std::optional<int64_t>> ReadInt(const Json& obj, std::string_view key,
                                         std::string_view parent, int64_t min_value,
                                         int64_t max_value, bool required);
// true/false; absent or null gives default_value.
StatusOr<bool> ReadBool(const Json& obj, std::string_view key, std::string_view parent,
                        bool default_value);
// An array of at most max_items strings, each at most max_chars characters; absent or null
// gives an empty list unless required.
StatusOr<std::vector<std::string>> ReadStringArray(const Json& obj, std::string_view key,
                                                   std::string_view parent, size_t max_items,
                                                   size_t max_chars, bool required);
// {"error":{"code":"invalid_argument","message":...}}: the error body every JSON entry point
// returns instead of a result.
std::string ErrorResponseJson(const Status& status);
// InvalidArgument naming `path` unless value is an object.
Status ExpectObject(const Json& value, std::string_view path);
// InvalidArgument naming the first key of obj not in `known` (documents whose typos must not
// pass silently, such as the policy).
Status RejectUnknownKeys(const Json& obj, std::initializer_list<std::string_view> known,
                         std::string_view parent);

}  // namespace core::internal
