// Helpers the tax and quota code share: amounts as findings write them ("45.50 元",
// "CNY 45.50") and the strict reader of fen amounts in requests. Private to the core. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../api/field_reader.h"
#include "core/money.h"

namespace core::internal {

// Quantities in thousandths of a unit are refused beyond a billion units.
inline constexpr int64_t kMaxQuantityMilli = 1'000'000'000'000;

inline std::string CnyZh(Fen fen) { return FormatCny(fen) + " 元"; }
inline std::string CnyEn(Fen fen) { return "CNY " + FormatCny(fen); }

// obj[key] as an amount 0..kMaxFen; absent gives 0 unless required (InvalidArgument naming it).
inline StatusOr<Fen> ReadFen(const Json& obj, std::string_view key, std::string_view parent,
                             bool required) {
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> v, ReadInt(obj, key, parent, 0, kMaxFen, required));
  return v.value_or(0);
}

}  // namespace core::internal
