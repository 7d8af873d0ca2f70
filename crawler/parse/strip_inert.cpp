// StripInertRawText: one pass over the bytes, copying all but the inert raw text. Pure.
#include "parse/strip_inert.h"

#include <cctype>

namespace crawler {
namespace {

// `a` equals the lower-case `b`, ASCII case-insensitively.
bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

}  // namespace

std::string StripInertRawText(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t copied = 0, at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    if (html.compare(at, 4, "<!--") == 0) {
      size_t end = html.find("-->", at + 4);
      if (end == std::string_view::npos) break;
      at = end + 3;
      continue;
    }
    std::string_view name;
    for (std::string_view t : {"script", "style"}) {
      const size_t e = at + 1 + t.size();
      if (e < html.size() && IEquals(html.substr(at + 1, t.size()), t) &&
          (std::isspace(static_cast<unsigned char>(html[e])) || html[e] == '>' || html[e] == '/')) {
        name = t;
      }
    }
    if (name.empty()) {
      ++at;
      continue;
    }
    size_t gt = at + 1 + name.size();  // end of the start tag, outside quoted values
    for (char quote = 0; gt < html.size(); ++gt) {
      const char c = html[gt];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (gt >= html.size()) break;
    const std::string_view tag = html.substr(at, gt + 1 - at);
    std::string lower(tag);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool keep = name == "script" && lower.find("ld+json") != std::string::npos;
    // The end tag: "</name" then whitespace, '/' or '>'.
    size_t end = gt + 1;
    for (;; ++end) {
      end = html.find("</", end);
      if (end == std::string_view::npos) break;
      const size_t e = end + 2 + name.size();
      if (e < html.size() && IEquals(html.substr(end + 2, name.size()), name) &&
          (std::isspace(static_cast<unsigned char>(html[e])) || html[e] == '>' || html[e] == '/')) {
        break;
      }
    }
    if (end == std::string_view::npos) break;  // unterminated: leave the rest to Gumbo
    if (!keep) {
      out.append(html.substr(copied, gt + 1 - copied));
      copied = end;
    }
    at = end + 2;
  }
  out.append(html.substr(copied));
  return out;
}

}  // namespace crawler
