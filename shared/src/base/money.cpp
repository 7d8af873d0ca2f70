// Parsing and formatting of CNY amounts in fen. Pure.
#include "core/money.h"

namespace core {
namespace {

constexpr std::string_view kYenHalf = "\xC2\xA5";      // ¥ U+00A5
constexpr std::string_view kYenFull = "\xEF\xBF\xA5";  // ￥ U+FFE5
constexpr std::string_view kYuan = "\xE5\x85\x83";     // 元

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool ConsumePrefix(std::string_view& s, std::string_view p) {
  if (s.substr(0, p.size()) != p) return false;
  s.remove_prefix(p.size());
  return true;
}

bool ConsumeSuffix(std::string_view& s, std::string_view p) {
  if (s.size() < p.size() || s.substr(s.size() - p.size()) != p) return false;
  s.remove_suffix(p.size());
  return true;
}

// Integer part with optional thousands commas grouped by three.
bool ParseIntegerPart(std::string_view s, Fen& yuan) {
  if (s.empty()) return false;
  const bool grouped = s.find(',') != std::string_view::npos;
  int digits_in_group = 0;
  bool first_group = true;
  yuan = 0;
  for (char c : s) {
    if (c == ',') {
      if (digits_in_group == 0 || (!first_group && digits_in_group != 3) ||
          (first_group && digits_in_group > 3)) {
        return false;
      }
      first_group = false;
      digits_in_group = 0;
      continue;
    }
    if (c < '0' || c > '9') return false;
    ++digits_in_group;
    if (yuan > kMaxFen / 100) return false;
    yuan = yuan * 10 + (c - '0');
  }
  if (grouped && digits_in_group != 3) return false;
  return digits_in_group > 0;
}

}  // namespace

StatusOr<Fen> ParseCny(std::string_view text) {
  std::string_view s = Trim(text);
  bool negative = false;
  if (ConsumePrefix(s, "-")) negative = true;
  if (!ConsumePrefix(s, kYenHalf)) ConsumePrefix(s, kYenFull);
  ConsumeSuffix(s, kYuan);
  s = Trim(s);
  if (!negative && ConsumePrefix(s, "-")) negative = true;
  if (s.empty()) return InvalidArgumentError("empty amount");

  std::string_view int_part = s;
  std::string_view frac_part;
  const size_t dot = s.find('.');
  if (dot != std::string_view::npos) {
    int_part = s.substr(0, dot);
    frac_part = s.substr(dot + 1);
    if (frac_part.empty() || frac_part.size() > 2) {
      return InvalidArgumentError("amount must have one or two decimals after the point");
    }
  }
  Fen yuan = 0;
  if (!ParseIntegerPart(int_part, yuan))
    return InvalidArgumentError("not an amount: digits expected");
  Fen fen = 0;
  for (size_t i = 0; i < 2; ++i) {
    fen *= 10;
    if (i < frac_part.size()) {
      const char c = frac_part[i];
      if (c < '0' || c > '9') return InvalidArgumentError("not an amount: digits expected");
      fen += c - '0';
    }
  }
  const Fen total = yuan * 100 + fen;
  if (total > kMaxFen) return OutOfRangeError("amount too large");
  return negative ? -total : total;
}

std::string FormatCny(Fen fen) {
  const bool negative = fen < 0;
  // Work on the unsigned magnitude so the most negative value cannot overflow.
  uint64_t magnitude =
      negative ? static_cast<uint64_t>(0) - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  std::string out = std::to_string(magnitude / 100);
  const unsigned cents = static_cast<unsigned>(magnitude % 100);
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return negative ? "-" + out : out;
}

std::string FormatCnyDisplay(Fen fen) {
  std::string plain = FormatCny(fen);
  const bool negative = !plain.empty() && plain[0] == '-';
  if (negative) plain.erase(0, 1);
  const size_t dot = plain.find('.');
  std::string grouped;
  for (size_t i = 0; i < dot; ++i) {
    if (i > 0 && (dot - i) % 3 == 0) grouped += ',';
    grouped += plain[i];
  }
  grouped += plain.substr(dot);
  return std::string(negative ? "-" : "") + std::string(kYenHalf) + grouped;
}

}  // namespace core
