// JsonPath: parse and evaluate the JSON path subset. Pure (no I/O).
#include "parse/json_path.h"

#include <charconv>

namespace crawler {
namespace {

core::Status Unexpected(std::string_view s, size_t pos) {
  if (pos >= s.size())
    return core::InvalidArgumentError("unexpected end at " + std::to_string(pos));
  return core::InvalidArgumentError("unexpected '" + std::string(1, s[pos]) + "' at " +
                                    std::to_string(pos));
}

}  // namespace

core::StatusOr<JsonPath> JsonPath::Parse(std::string_view text) {
  JsonPath path;
  path.text_ = std::string(text);
  size_t pos = 0;
  if (text.substr(0, 2) == "$.") {
    pos = 2;
  } else if (text == "$") {
    return path;  // the root itself
  }
  if (pos >= text.size()) return core::InvalidArgumentError("empty path");
  bool expect_name = true;  // at the start and after '.'
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '[') {
      size_t start = ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start) return Unexpected(text, pos);
      int index = 0;
      auto [ptr, ec] = std::from_chars(text.data() + start, text.data() + pos, index);
      if (ec != std::errc() || ptr != text.data() + pos) return Unexpected(text, start);
      if (pos >= text.size() || text[pos] != ']') return Unexpected(text, pos);
      ++pos;
      path.steps_.push_back({"", index});
      expect_name = false;
      if (pos < text.size() && text[pos] != '.' && text[pos] != '[') return Unexpected(text, pos);
      if (pos < text.size() && text[pos] == '.') {
        ++pos;
        expect_name = true;
        if (pos >= text.size()) return Unexpected(text, pos);
      }
      continue;
    }
    if (!expect_name) return Unexpected(text, pos);
    size_t start = pos;
    while (pos < text.size() && text[pos] != '.' && text[pos] != '[' && text[pos] != ']') ++pos;
    if (pos == start) return Unexpected(text, pos);
    path.steps_.push_back({std::string(text.substr(start, pos - start)), -1});
    if (pos < text.size() && text[pos] == ']') return Unexpected(text, pos);
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      if (pos >= text.size()) return Unexpected(text, pos);
      expect_name = true;
    } else {
      expect_name = false;
    }
  }
  return path;
}

const core::Json* JsonPath::Find(const core::Json& root) const {
  const core::Json* cur = &root;
  for (const Step& step : steps_) {
    if (step.index >= 0) {
      if (!cur->is_array() || static_cast<size_t>(step.index) >= cur->size()) return nullptr;
      cur = &(*cur)[static_cast<size_t>(step.index)];
      continue;
    }
    // An array without an index: its first element.
    if (cur->is_array()) {
      if (cur->empty()) return nullptr;
      cur = &(*cur)[0];
    }
    if (!cur->is_object()) return nullptr;
    auto it = cur->find(step.name);
    if (it == cur->end()) return nullptr;
    cur = &*it;
  }
  return cur;
}

std::optional<std::string> JsonScalarText(const core::Json& value) {
  if (value.is_string()) return value.get_ref<const std::string&>();
  if (value.is_boolean()) return std::string(value.get<bool>() ? "true" : "false");
  if (value.is_number()) return core::DumpJson(value);
  if (value.is_array() && !value.empty()) return JsonScalarText(value[0]);
  return std::nullopt;
}

}  // namespace crawler
