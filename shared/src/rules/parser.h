// Parser and checker of the rule language (private to the core). The parser builds the tree
// from tokens and resolves field paths against the schema; the checker then types every test.
// Pure.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/rules.h"
#include "rules/condition_tree.h"
#include "rules/tokenizer.h"

namespace core::internal {

// Builds `tree` (nodes and root) from `tokens`, which end with kEnd. Recursion is bounded by
// kMaxRuleDepth. Errors: RULE_EMPTY, RULE_SYNTAX, RULE_UNKNOWN_FIELD, RULE_TOO_DEEP,
// RULE_TOO_LONG (list literal).
std::optional<RuleError> ParseTokens(std::string_view text, const std::vector<Token>& tokens,
                                     const RuleSchema& schema, ConditionTree& tree);

// Types every node of a parsed tree (iteratively, no recursion) and normalises list `contains`
// into membership. Errors: RULE_TYPE_MISMATCH, RULE_UNKNOWN_VALUE, RULE_CONSTANT_TEST,
// RULE_EMPTY_PATTERN.
std::optional<RuleError> CheckTree(ConditionTree& tree, const RuleSchema& schema);

}  // namespace core::internal
