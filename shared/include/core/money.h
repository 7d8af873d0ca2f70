// Money as integer fen (1 CNY = 100 fen); no floating point anywhere near an amount. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace core {

using Fen = int64_t;

// Largest amount accepted anywhere (10^15 fen = 10 trillion CNY): keeps sums far from overflow.
inline constexpr Fen kMaxFen = 1'000'000'000'000'000;

// Parses a CNY amount as people and messages write it: "1299", "1299.5", "1,299.00",
// "¥1,299.00", "￥12", "1299元", "-3.20". At most two decimals; thousands separators must group
// by three. InvalidArgument on anything else or beyond kMaxFen.
StatusOr<Fen> ParseCny(std::string_view text);

// "1299.00", "-3.20": the plain form messages and the API use.
std::string FormatCny(Fen fen);
// "¥1,299.00": the form shown to people.
std::string FormatCnyDisplay(Fen fen);

}  // namespace core
