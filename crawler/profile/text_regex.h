// ECMAScript regular expressions over Unicode code points rather than bytes (std::wregex on
// UTF-32 wchar_t), so that a profile's "[:：]" or "[元¥]" means characters, as officers expect.
// UTF-8 in and out. Pure (no I/O).
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crawler {

// UTF-8 to code points (invalid bytes become U+FFFD) and back.
std::wstring WidenUtf8(std::string_view utf8);
std::string NarrowToUtf8(std::wstring_view wide);

class TextRegex {
 public:
  // InvalidArgument("bad regex: ...") when the pattern does not compile.
  static core::StatusOr<TextRegex> Compile(std::string_view pattern);

  const std::string& pattern() const { return pattern_; }
  size_t mark_count() const { return regex_.mark_count(); }

  // True when the pattern matches somewhere in `text` (UTF-8). False on regex engine limits
  // (error_complexity / error_stack), which are caught here.
  bool Search(std::string_view text) const;
  // Group `group` of the first match (nullopt: no match or the group did not take part).
  std::optional<std::string> First(const std::wstring& wide_text, int group) const;
  // Group `group` of every non-overlapping match.
  std::vector<std::string> All(const std::wstring& wide_text, int group) const;

 private:
  std::string pattern_;
  std::wregex regex_;
};

}  // namespace crawler
