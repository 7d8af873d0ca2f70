// What the ledger, gate and promotion code share on top of api/field_reader.h: readers of exact
// quantities and weights as CEB text and of bounded arrays, and how findings write a rate; the
// request and response helpers of the text entry points (ParseRequestObject, Respond) come from
// internal/api_common.h. Private to the core. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "../api/field_reader.h"
#include "core/messages.h"
#include "internal/api_common.h"

namespace core::internal {

// obj[key] as an N19,5 decimal string ("12.5"), exactly; absent or null gives nullopt unless
// required. InvalidArgument naming the field for any other type or text.
inline StatusOr<std::optional<Qty>> ReadQty(const Json& obj, std::string_view key,
                                            std::string_view parent, bool required) {
  const std::string path = FieldPath(parent, key);
  const Json* v = Member(obj, key);
  if (v == nullptr) {
    if (required) return FieldError(path, "is required");
    return std::optional<Qty>();
  }
  if (!v->is_string()) return FieldError(path, "must be a decimal string such as \"12.5\"");
  StatusOr<Qty> q = ParseQty(v->get_ref<const std::string&>());
  if (!q.ok()) return FieldError(path, q.status().message());
  return std::optional<Qty>(*q);
}

// obj[key] as an array of at most max_items items; nullptr when absent or null unless
// required (then InvalidArgument, as for a value that is not an array).
inline StatusOr<const Json*> ReadArray(const Json& obj, std::string_view key,
                                       std::string_view parent, size_t max_items, bool required) {
  const std::string path = FieldPath(parent, key);
  const Json* arr = Member(obj, key);
  if (arr == nullptr) {
    if (required) return FieldError(path, "is required");
    return arr;
  }
  if (!arr->is_array()) return FieldError(path, "must be an array");
  if (arr->size() > max_items) {
    return FieldError(path, "has more than " + std::to_string(max_items) + " items");
  }
  return arr;
}

// A rate in basis points as people read it: 500 -> "5%", 250 -> "2.5%", 25 -> "0.25%".
inline std::string BpPercent(int bp) {
  std::string out = std::to_string(bp / 100);
  const int frac = bp % 100;
  if (frac != 0) {
    out += "." + std::to_string(frac / 10);
    if (frac % 10 != 0) out += std::to_string(frac % 10);
  }
  return out + "%";
}

}  // namespace core::internal
