// PhoneKey and AddressKey: one pass over the UTF-8 text each.
#include "common/contact_keys.h"

#include <cstdint>

namespace server {
namespace {

// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes come back as themselves
// with `valid` false.
uint32_t Next(std::string_view s, size_t& i, bool& valid) {
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  valid = len > 0 && i + len <= s.size();
  if (!valid) {
    ++i;
    return b;
  }
  uint32_t cp = len == 1 ? b : b & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 2) {
      valid = false;
      ++i;
      return b;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += len;
  return cp;
}

// Full-width ASCII (U+FF01..U+FF5E) as ASCII; anything else unchanged.
uint32_t FoldWidth(uint32_t cp) { return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp; }

void Append(std::string& out, uint32_t cp) {
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

bool IsDropped(uint32_t cp) {
  if (cp <= 0x20 || cp == 0x7F || cp == 0x3000) return true;  // controls and spaces
  if (cp < 0x80) {
    const bool alnum =
        (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return !alnum && cp != '#';  // "#" stays: 3#楼 is building 3
  }
  switch (cp) {
    case 0x3001:  // 、
    case 0x3002:  // 。
    case 0x2014:  // —
    case 0x2013:  // –
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string PhoneKey(std::string_view phone) {
  std::string digits;
  for (size_t i = 0; i < phone.size();) {
    bool valid = false;
    const uint32_t cp = FoldWidth(Next(phone, i, valid));
    if (valid && cp >= '0' && cp <= '9') digits += static_cast<char>(cp);
  }
  for (std::string_view prefix : {"0086", "86"}) {
    if (digits.size() == prefix.size() + 11 && digits.compare(0, prefix.size(), prefix) == 0 &&
        digits[prefix.size()] == '1') {
      digits.erase(0, prefix.size());
    }
  }
  return digits.size() >= 7 ? digits : std::string();
}

std::string AddressKey(std::string_view address) {
  std::string out;
  for (size_t i = 0; i < address.size();) {
    bool valid = false;
    uint32_t cp = Next(address, i, valid);
    if (!valid) {
      out += static_cast<char>(cp);
      continue;
    }
    cp = FoldWidth(cp);
    if (IsDropped(cp)) continue;
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    Append(out, cp);
  }
  return out;
}

}  // namespace server
