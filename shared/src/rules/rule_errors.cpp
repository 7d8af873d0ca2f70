// Located rule errors and their JSON form. Pure.
#include "rules/rule_errors.h"

#include <algorithm>
#include <string>
#include <utility>

#include "internal/text_fields.h"

namespace core {
namespace internal {

RuleError ConditionError(std::string_view text, size_t offset, size_t length, std::string code,
                         std::string message_zh, std::string message_en) {
  offset = std::min(offset, text.size());
  length = std::min(length, text.size() - offset);
  RuleError error;
  error.finding = MakeFinding(std::move(code), Severity::kError, "condition", std::move(message_zh),
                              std::move(message_en));
  error.offset = static_cast<int>(Utf8Length(text.substr(0, offset)));
  error.length = static_cast<int>(Utf8Length(text.substr(offset, length)));
  return error;
}

RuleError RuleFieldError(std::string field, std::string code, std::string message_zh,
                         std::string message_en) {
  RuleError error;
  error.finding = MakeFinding(std::move(code), Severity::kError, std::move(field),
                              std::move(message_zh), std::move(message_en));
  return error;
}

std::string Excerpt(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    // A byte that does not continue a UTF-8 sequence starts a new character.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) return std::string(text.substr(0, i)) + "…";
      ++chars;
    }
  }
  return std::string(text);
}

}  // namespace internal

Json RuleErrorToJson(const RuleError& error) {
  Json j = FindingToJson(error.finding);
  j["offset"] = error.offset;
  j["length"] = error.length;
  return j;
}

}  // namespace core
