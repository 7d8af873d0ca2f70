// Private text helpers for the identifier checks and the reference-table loaders: ASCII trimming
// and case folding, digit tests, and the typed CSV field readers (years, flags, exact decimals).
// Not part of the core's public headers. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core::internal {

// Without spaces, tabs, CR and LF at either end.
std::string_view TrimAscii(std::string_view s);
// a-z upper-cased; every other byte (UTF-8 included) unchanged.
std::string ToUpperAscii(std::string_view s);
// Number of UTF-8 code points (what a person counts as characters).
size_t Utf8Length(std::string_view s);
// True when s is non-empty and only 0-9.
bool IsAsciiDigits(std::string_view s);
// True when `haystack` contains `needle`, ASCII letters compared without case. An empty needle
// never matches.
bool ContainsIgnoringAsciiCase(std::string_view haystack, std::string_view needle);

// A non-negative integer of 1-9 digits (after trimming); nullopt otherwise.
std::optional<int> ParseSmallInt(std::string_view s);
// "1"/"true"/"yes"/"是" -> true, ""/"0"/"false"/"no"/"否" -> false (trimmed, ASCII case ignored);
// nullopt for anything else.
std::optional<bool> ParseFlag(std::string_view s);
// A non-negative decimal with at most three decimals ("2", "20.5", "0.125") in thousandths,
// exactly (no floating point), below 10^12 units; nullopt otherwise. "" is not a number.
std::optional<int64_t> ParseMilli(std::string_view s);
// The inverse of ParseMilli for milli >= 0: 2000 -> "2", 20500 -> "20.5", 125 -> "0.125".
std::string FormatMilli(int64_t milli);
// Splits on `sep`, trims each part and drops empty ones.
std::vector<std::string> SplitTrimmed(std::string_view s, char sep);

}  // namespace core::internal
