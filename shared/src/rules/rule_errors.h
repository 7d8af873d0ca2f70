// Builders of located rule errors (private to the core): byte offsets into the condition become
// code-point offsets, which is what the browser's editor places its caret by. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/rules.h"

namespace core::internal {

// An error about bytes [offset, offset + length) of the condition `text` (clamped to it).
RuleError ConditionError(std::string_view text, size_t offset, size_t length, std::string code,
                         std::string message_zh, std::string message_en);

// An error about a field of the rule itself (id, action, ...), not located in the condition.
RuleError RuleFieldError(std::string field, std::string code, std::string message_zh,
                         std::string message_en);

// `text` cut to at most max_chars code points with "…" appended when cut: keeps echoed input
// short in messages.
std::string Excerpt(std::string_view text, size_t max_chars);

}  // namespace core::internal
