// UTF-8 stepping, full-width folding and the number lexer and interpreter of the price-text
// reader. Pure; no allocation.
#include "core/money.h"
#include "price_text/price_scan.h"

namespace core::price_text_internal {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Bytes of the code point a lead byte starts (0 when it cannot start one).
size_t LeadLength(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

}  // namespace

CodePoint DecodeAt(std::string_view text, size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  const size_t len = LeadLength(b0);
  if (len == 1) return {b0, 1};
  constexpr CodePoint kInvalid{0xFFFD, 1};
  if (len == 0 || len > text.size() - pos) return kInvalid;
  char32_t cp = b0 & (0x7F >> len);
  for (size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) return kInvalid;
    cp = (cp << 6) | (b & 0x3F);
  }
  const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
  return {cp, len};
}

char NumberCharOf(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<char>(cp);
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<char>('0' + (cp - 0xFF10));
  if (cp == ',' || cp == 0xFF0C) return ',';
  if (cp == '.' || cp == 0xFF0E) return '.';
  return 0;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool IsDash(char32_t cp) {
  return cp == '-' || cp == '~' || cp == 0x2013 || cp == 0x2014 || cp == 0xFF0D || cp == 0xFF5E ||
         cp == 0x301C;
}

bool IsMinus(char32_t cp) { return cp == '-' || cp == 0x2212 || cp == 0xFF0D; }

size_t SkipSpaces(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    if (text[pos] == ' ') {
      ++pos;
      continue;
    }
    const CodePoint cp = DecodeAt(text, pos);
    if (!IsSpace(cp.value)) break;
    pos += cp.length;
  }
  return pos;
}

bool NumberStartsAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  const CodePoint first = DecodeAt(text, pos);
  const char c = NumberCharOf(first.value);
  if (IsAsciiDigit(c)) return true;
  const size_t next = pos + first.length;
  return c == '.' && next < text.size() && IsAsciiDigit(NumberCharOf(DecodeAt(text, next).value));
}

namespace {

// Whether the plain space at pos starts thousands groups that end in a decimal comma ("1 299,00",
// "12 345 678,50"): in running text only that shape makes a plain space part of a number. At most
// five groups are looked at (10^15 has five), which keeps the look-ahead bounded.
bool SpaceGroupsThenDecimalComma(std::string_view text, size_t pos) {
  const auto char_at = [&](size_t& p) -> char {
    if (p >= text.size()) return 0;
    const CodePoint cp = DecodeAt(text, p);
    p += cp.length;
    return cp.value == ' ' ? ' ' : NumberCharOf(cp.value);
  };
  size_t p = pos;
  for (int group = 0; group < 5; ++group) {
    if (char_at(p) != ' ') return false;
    for (int d = 0; d < 3; ++d) {
      if (!IsAsciiDigit(char_at(p))) return false;
    }
    size_t peek = p;
    const char next = char_at(peek);
    if (next == ' ') continue;
    if (next != ',') return false;
    size_t decimals = 0;
    while (decimals < 3 && IsAsciiDigit(char_at(peek))) ++decimals;
    return decimals == 1 || decimals == 2;  // char_at consumed one non-digit, or the end
  }
  return false;
}

}  // namespace

bool LexNumber(std::string_view text, size_t pos, bool plain_space_groups, NumberRun* run) {
  if (!NumberStartsAt(text, pos)) return false;
  const auto digit_at = [&](size_t p) {
    return p < text.size() && IsAsciiDigit(NumberCharOf(DecodeAt(text, p).value));
  };
  run->begin = pos;
  run->size = 0;
  run->too_long = false;
  const auto push = [run](char c) {
    if (run->size < kMaxNumberChars) {
      run->chars[run->size++] = c;
    } else {
      run->too_long = true;  // keep scanning so the whole run is consumed
    }
  };
  size_t i = pos;
  while (i < text.size()) {
    const CodePoint cp = DecodeAt(text, i);
    const char c = NumberCharOf(cp.value);
    if (IsAsciiDigit(c)) {
      push(c);
      i += cp.length;
      continue;
    }
    char separator = 0;
    if (c == ',' || c == '.') {
      separator = c;
    } else if (cp.value == 0xA0 || cp.value == 0x202F || cp.value == 0x2009 ||
               (cp.value == ' ' && (plain_space_groups || SpaceGroupsThenDecimalComma(text, i)))) {
      separator = ' ';
    }
    if (separator == 0 || !digit_at(i + cp.length)) break;
    push(separator);
    i += cp.length;
  }
  run->end = i;
  return true;
}

NumberError InterpretNumber(std::string_view chars, bool dot_thousands, bool wan,
                            int64_t* hundredths) {
  if (chars.empty()) return NumberError::kSyntax;
  size_t commas = 0, dots = 0, spaces = 0;
  size_t last_mark = std::string_view::npos;
  for (size_t i = 0; i < chars.size(); ++i) {
    const char c = chars[i];
    if (IsAsciiDigit(c)) continue;
    if (c == ',') {
      ++commas;
    } else if (c == '.') {
      ++dots;
    } else if (c == ' ') {
      ++spaces;
    } else {
      return NumberError::kSyntax;
    }
    last_mark = i;
  }
  char decimal = 0;
  char thousands = 0;
  if (commas > 0 && dots > 0) {
    if (spaces > 0) return NumberError::kSyntax;
    decimal = chars[last_mark];
    thousands = decimal == ',' ? '.' : ',';
  } else if (commas > 0 || dots > 0) {
    const char mark = commas > 0 ? ',' : '.';
    if (spaces > 0) {
      decimal = mark;
      thousands = ' ';
    } else if (commas + dots > 1) {
      thousands = mark;
    } else {
      const size_t before = last_mark;
      const size_t after = chars.size() - last_mark - 1;
      const bool groups = after == 3 && before >= 1 && before <= 3 && chars[0] != '0' &&
                          (mark == ',' || (dot_thousands && !wan));
      (groups ? thousands : decimal) = mark;
    }
  } else if (spaces > 0) {
    thousands = ' ';
  }

  std::string_view whole_part = chars;
  std::string_view fraction_part;
  if (decimal != 0) {
    const size_t at = chars.find(decimal);
    if (at != chars.rfind(decimal)) return NumberError::kSyntax;
    whole_part = chars.substr(0, at);
    fraction_part = chars.substr(at + 1);
    if (fraction_part.empty()) return NumberError::kSyntax;
    for (char c : fraction_part) {
      if (!IsAsciiDigit(c)) return NumberError::kSyntax;
    }
  }
  const size_t max_decimals = wan ? 6 : 2;
  if (fraction_part.size() > max_decimals) return NumberError::kTooManyDecimals;

  // Amounts are capped at kMaxFen hundredths, so the whole units stay far below int64 limits.
  const int64_t scale = wan ? 1'000'000 : 100;
  const int64_t max_whole = kMaxFen / scale;
  const bool grouped = thousands != 0 && whole_part.find(thousands) != std::string_view::npos;
  if (grouped && whole_part[0] == '0') return NumberError::kSyntax;
  int64_t whole = 0;
  size_t group = 0;
  bool first_group = true;
  for (char c : whole_part) {
    if (grouped && c == thousands) {
      if (group == 0 || (first_group && group > 3) || (!first_group && group != 3)) {
        return NumberError::kSyntax;
      }
      first_group = false;
      group = 0;
      continue;
    }
    if (!IsAsciiDigit(c)) return NumberError::kSyntax;
    ++group;
    whole = whole * 10 + (c - '0');
    if (whole > max_whole) return NumberError::kOverflow;
  }
  if (grouped && group != 3) return NumberError::kSyntax;

  int64_t fraction = 0;
  for (size_t i = 0; i < max_decimals; ++i) {
    fraction = fraction * 10 + (i < fraction_part.size() ? fraction_part[i] - '0' : 0);
  }
  const int64_t total = whole * scale + fraction;
  if (total > kMaxFen) return NumberError::kOverflow;
  *hundredths = total;
  return NumberError::kNone;
}

}  // namespace core::price_text_internal
