// The rule language's tokenizer (private to the core): names, keywords, string and number
// literals with their money suffixes, punctuation and comparison operators. Pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/rules.h"

namespace core::internal {

enum class TokenKind {
  kEnd,
  kName,    // a field path: segments of [A-Za-z_][A-Za-z0-9_]* joined by dots
  kString,  // text holds the unescaped value
  kInt,     // number holds the value
  kMoney,   // number holds fen
  kTrue,
  kFalse,
  kAnd,
  kOr,
  kNot,
  kIn,
  kStartsWith,
  kContains,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kComma,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  size_t offset = 0;  // bytes into the condition text
  size_t length = 0;
  std::string text;  // the name, or the string's value
  int64_t number = 0;
};

struct Tokens {
  std::vector<Token> tokens;  // ends with kEnd when there is no error
  std::optional<RuleError> error;
};

// Splits `text` into tokens. Errors: RULE_BAD_CHARACTER (with a hint for &&, ||, !, curly
// quotes, minus), RULE_BAD_STRING, RULE_BAD_NUMBER, RULE_TOO_LONG (text or token count).
Tokens Tokenize(std::string_view text);

// How a token reads in a message: "'and'", or "end of condition" / "条件结尾".
std::string DescribeToken(const Token& token, std::string_view text, bool zh);

}  // namespace core::internal
