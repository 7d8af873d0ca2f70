// TextRegex: UTF-8 <-> UTF-32 conversion and std::wregex calls with their exceptions caught.
// Pure (no I/O).
#include "profile/text_regex.h"

namespace crawler {

std::wstring WidenUtf8(std::string_view s) {
  static_assert(sizeof(wchar_t) == 4, "code points need a 32-bit wchar_t");
  std::wstring out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    char32_t cp = 0xFFFD;
    size_t len = 1;
    if (b < 0x80) {
      cp = b;
    } else if (b >= 0xC2 && b <= 0xF4) {
      len = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      if (i + len <= s.size()) {
        char32_t v = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        bool ok = true;
        for (size_t k = 1; k < len && ok; ++k) {
          auto c = static_cast<unsigned char>(s[i + k]);
          ok = (c & 0xC0) == 0x80;
          v = (v << 6) | (c & 0x3F);
        }
        bool shortest = (len == 2) || (len == 3 && v >= 0x800) || (len == 4 && v >= 0x10000);
        if (ok && shortest && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF)) {
          cp = v;
        } else {
          len = 1;
        }
      } else {
        len = 1;
      }
    }
    out.push_back(static_cast<wchar_t>(cp));
    i += len;
  }
  return out;
}

std::string NarrowToUtf8(std::wstring_view w) {
  std::string out;
  out.reserve(w.size());
  for (wchar_t wc : w) {
    auto cp = static_cast<char32_t>(wc);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

core::StatusOr<TextRegex> TextRegex::Compile(std::string_view pattern) {
  TextRegex r;
  r.pattern_ = std::string(pattern);
  try {
    r.regex_ = std::wregex(WidenUtf8(pattern), std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    return core::InvalidArgumentError(std::string("bad regex: ") + e.what());
  }
  return r;
}

bool TextRegex::Search(std::string_view text) const {
  std::wstring wide = WidenUtf8(text);
  try {
    return std::regex_search(wide, regex_);
  } catch (const std::regex_error&) {
    return false;
  }
}

std::optional<std::string> TextRegex::First(const std::wstring& wide, int group) const {
  try {
    std::wsmatch m;
    if (std::regex_search(wide, m, regex_) && group >= 0 && static_cast<size_t>(group) < m.size() &&
        m[group].matched) {
      return NarrowToUtf8(m[group].str());
    }
  } catch (const std::regex_error&) {
  }
  return std::nullopt;
}

std::vector<std::string> TextRegex::All(const std::wstring& wide, int group) const {
  std::vector<std::string> out;
  try {
    for (std::wsregex_iterator it(wide.begin(), wide.end(), regex_), end; it != end; ++it) {
      if (group >= 0 && static_cast<size_t>(group) < it->size() && (*it)[group].matched) {
        out.push_back(NarrowToUtf8((*it)[group].str()));
      }
    }
  } catch (const std::regex_error&) {
  }
  return out;
}

}  // namespace crawler
