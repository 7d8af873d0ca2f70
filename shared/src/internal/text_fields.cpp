// Private text helpers shared by the identifier checks and the table loaders. Pure.
#include "internal/text_fields.h"

#include <charconv>

namespace core::internal {
namespace {

bool IsTrimmable(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsTrimmable(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsTrimmable(s.back())) s.remove_suffix(1);
  return s;
}

std::string ToUpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool IsAsciiDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool ContainsIgnoringAsciiCase(std::string_view haystack, std::string_view needle) {
  if (needle.empty() || needle.size() > haystack.size()) return false;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    size_t j = 0;
    while (j < needle.size() && LowerAscii(haystack[i + j]) == LowerAscii(needle[j])) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

std::optional<int> ParseSmallInt(std::string_view s) {
  s = TrimAscii(s);
  if (!IsAsciiDigits(s) || s.size() > 9) return std::nullopt;
  int value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

std::optional<bool> ParseFlag(std::string_view s) {
  const std::string v = ToUpperAscii(TrimAscii(s));
  if (v.empty() || v == "0" || v == "FALSE" || v == "NO" || v == "\xE5\x90\xA6") return false;
  if (v == "1" || v == "TRUE" || v == "YES" || v == "\xE6\x98\xAF") return true;
  return std::nullopt;
}

std::optional<int64_t> ParseMilli(std::string_view s) {
  s = TrimAscii(s);
  const size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (!IsAsciiDigits(whole) || whole.size() > 12) return std::nullopt;
  if (dot != std::string_view::npos && (!IsAsciiDigits(frac) || frac.size() > 3)) {
    return std::nullopt;
  }
  int64_t value = 0;
  for (char c : whole) value = value * 10 + (c - '0');
  int64_t milli = 0;
  for (size_t i = 0; i < 3; ++i) milli = milli * 10 + (i < frac.size() ? frac[i] - '0' : 0);
  return value * 1000 + milli;
}

std::string FormatMilli(int64_t milli) {
  std::string out = std::to_string(milli / 1000);
  const int64_t frac = milli % 1000;
  if (frac != 0) {
    std::string digits = std::to_string(frac);
    digits.insert(0, 3 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

std::vector<std::string> SplitTrimmed(std::string_view s, char sep) {
  std::vector<std::string> parts;
  while (true) {
    const size_t at = s.find(sep);
    std::string_view part = TrimAscii(s.substr(0, at));
    if (!part.empty()) parts.emplace_back(part);
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
  return parts;
}

}  // namespace core::internal
