// FoldForComparison: one decoding pass (full-width and case folded), one writing pass
// (separators dropped). Pure.
#include "core/text_fold.h"

#include <string>
#include <string_view>

namespace core {
namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, 0 when malformed (the byte is then
// kept as it is, so odd input still compares consistently).
size_t DecodeUtf8(std::string_view s, size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t len = 0;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp > 0x10FFFF) return 0;
  return len;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Separators people type differently for the same goods: spaces, brackets, dashes, commas,
// quotes, slashes, dots, in ASCII and CJK forms (full-width ASCII is folded before this test).
// Symbols that carry meaning (+ % & #) stay.
constexpr std::u32string_view kDropped =
    U" \t\r\n\v\f-_.,;:'\"()[]{}<>/\\|!?~`*"
    // no-break space, middle dot, dashes, curly quotes, ellipsis
    U"\u00A0\u00B7\u2013\u2014\u2015\u2018\u2019\u201C\u201D\u2026"
    // ideographic space and 、。〈〉《》「」『』【】, katakana middle dot
    U"\u3000\u3001\u3002\u3008\u3009\u300A\u300B\u300C\u300D\u300E\u300F\u3010\u3011\u30FB";

bool IsDropped(char32_t c) { return kDropped.find(c) != std::u32string_view::npos; }

}  // namespace

std::string FoldForComparison(std::string_view name) {
  // First pass: decode, fold full-width ASCII (U+FF01..FF5E) to ASCII and case-fold.
  std::u32string cps;
  for (size_t i = 0; i < name.size();) {
    char32_t cp = 0;
    size_t len = DecodeUtf8(name, i, cp);
    if (len == 0) {
      // Keep a malformed byte as a value beyond Unicode so it survives unchanged.
      cp = 0x110000 + static_cast<unsigned char>(name[i]);
      len = 1;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp = cp - 0xFF01 + 0x21;
    if (cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
    cps.push_back(cp);
    i += len;
  }
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i];
    // A decimal point between digits is part of a quantity ("2.5kg" is not "25kg").
    const bool decimal_point =
        cp == '.' && i > 0 && i + 1 < cps.size() && IsDigit(cps[i - 1]) && IsDigit(cps[i + 1]);
    if (IsDropped(cp) && !decimal_point) continue;
    if (cp >= 0x110000) {
      out += static_cast<char>(cp - 0x110000);
    } else {
      AppendUtf8(out, cp);
    }
  }
  return out;
}

}  // namespace core
