// ParseLenientJson: one cleaning pass over JSON as sites write it in JSON-LD scripts, then the
// core's strict parser. Pure (no I/O).
#include "parse/lenient_json.h"

namespace crawler {
namespace {

using core::Json;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool StartsWith(std::string_view s, size_t i, std::string_view prefix) {
  return s.substr(i, prefix.size()) == prefix;
}

// One pass that turns what sites write into JSON; see ParseLenientJson. `values` counts the
// top-level containers so that "{...}{...}" can be returned as an array.
std::string CleanJson(std::string_view s, int* values) {
  std::string out;
  out.reserve(s.size() + 16);
  bool in_string = false;
  int depth = 0;
  *values = 0;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    auto u = static_cast<unsigned char>(c);
    if (in_string) {
      if (c == '\\' && i + 1 < s.size()) {
        char next = s[i + 1];
        if (next == '"' || next == '\\' || next == '/' || next == 'b' || next == 'f' ||
            next == 'n' || next == 'r' || next == 't' || next == 'u') {
          out.push_back(c);
          out.push_back(next);
        } else {
          out.push_back(next);  // "\'" and other JS-only escapes: the character itself
        }
        i += 2;
        continue;
      }
      if (c == '"') in_string = false;
      if (u < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        if (c == '\n') {
          out += "\\n";
        } else if (c == '\t') {
          out += "\\t";
        } else if (c == '\r') {
          out += "\\r";
        } else {
          out += "\\u00";
          out.push_back(kHex[u >> 4]);
          out.push_back(kHex[u & 15]);
        }
      } else {
        out.push_back(c);
      }
      ++i;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
      continue;
    }
    if (StartsWith(s, i, "<!--")) {
      size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    if (StartsWith(s, i, "-->")) {
      i += 3;
      continue;
    }
    if (StartsWith(s, i, "<![CDATA[")) {
      i += 9;
      continue;
    }
    if (StartsWith(s, i, "]]>") && depth == 0) {
      i += 3;
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        if (depth == 0) {
          if (*values > 0) out.push_back(',');
          ++*values;
        }
        out.push_back(c);
        break;
      case '{':
      case '[':
        if (depth == 0) {
          if (*values > 0) out.push_back(',');
          ++*values;
        }
        ++depth;
        out.push_back(c);
        break;
      case '}':
      case ']':
        while (!out.empty() && IsJsonSpace(out.back())) out.pop_back();
        if (!out.empty() && out.back() == ',') out.pop_back();
        if (depth > 0) --depth;
        out.push_back(c);
        break;
      case ',':
      case ';':
        if (depth == 0) break;  // separators between top-level values are re-inserted above
        out.push_back(c);
        break;
      default:
        out.push_back(c);
    }
    ++i;
  }
  return out;
}

}  // namespace

core::StatusOr<Json> ParseLenientJson(std::string_view text) {
  auto direct = core::ParseJson(text);
  if (direct.ok()) return direct;
  int values = 0;
  std::string cleaned = CleanJson(text, &values);
  if (values > 1) cleaned = "[" + cleaned + "]";
  return core::ParseJson(cleaned);
}

}  // namespace crawler
