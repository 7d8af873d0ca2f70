// Tokenizer of the rule language. Works on bytes: everything outside string literals is ASCII,
// and a non-ASCII byte there is reported as a bad character (with a hint for the usual
// look-alikes). Pure.
#include "rules/tokenizer.h"

#include <string>
#include <string_view>
#include <utility>

#include "core/money.h"
#include "internal/text_fields.h"
#include "rules/rule_errors.h"

namespace core::internal {
namespace {

constexpr size_t kMaxStringBytes = 500;
constexpr std::string_view kYuan = "\xE5\x85\x83";  // 元

bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<TokenKind> Keyword(std::string_view word) {
  const std::string w = Lower(word);
  if (w == "and") return TokenKind::kAnd;
  if (w == "or") return TokenKind::kOr;
  if (w == "not") return TokenKind::kNot;
  if (w == "in") return TokenKind::kIn;
  if (w == "startswith") return TokenKind::kStartsWith;
  if (w == "contains") return TokenKind::kContains;
  if (w == "true") return TokenKind::kTrue;
  if (w == "false") return TokenKind::kFalse;
  return std::nullopt;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Tokens Run() {
    Tokens out;
    if (text_.size() > kMaxConditionBytes) {
      out.error = ConditionError(
          text_, kMaxConditionBytes, 0, "RULE_TOO_LONG",
          "条件过长（最多 " + std::to_string(kMaxConditionBytes) + " 字节）",
          "the condition is too long (at most " + std::to_string(kMaxConditionBytes) + " bytes)");
      return out;
    }
    for (;;) {
      while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
      if (out.tokens.size() >= kMaxConditionTokens) {
        out.error =
            ConditionError(text_, pos_, 1, "RULE_TOO_LONG",
                           "条件的词元过多（最多 " + std::to_string(kMaxConditionTokens) + " 个）",
                           "the condition has too many tokens (at most " +
                               std::to_string(kMaxConditionTokens) + ")");
        return out;
      }
      if (pos_ >= text_.size()) {
        out.tokens.push_back(Token{TokenKind::kEnd, text_.size(), 0, "", 0});
        return out;
      }
      std::optional<RuleError> error = Next(out.tokens);
      if (error) {
        out.error = std::move(error);
        return out;
      }
    }
  }

 private:
  std::optional<RuleError> Next(std::vector<Token>& tokens) {
    const size_t start = pos_;
    const char c = text_[pos_];
    if (IsNameStart(c)) return Name(tokens);
    if (IsDigit(c)) return Number(tokens);
    if (c == '"' || c == '\'') return String(tokens);
    auto punct = [&](TokenKind kind, size_t len) {
      tokens.push_back(Token{kind, start, len, "", 0});
      pos_ += len;
      return std::nullopt;
    };
    const char n = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
    switch (c) {
      case '(':
        return punct(TokenKind::kLParen, 1);
      case ')':
        return punct(TokenKind::kRParen, 1);
      case '[':
        return punct(TokenKind::kLBracket, 1);
      case ']':
        return punct(TokenKind::kRBracket, 1);
      case ',':
        return punct(TokenKind::kComma, 1);
      case '=':
        return punct(TokenKind::kEq, n == '=' ? 2 : 1);
      case '<':
        return n == '=' ? punct(TokenKind::kLe, 2) : punct(TokenKind::kLt, 1);
      case '>':
        return n == '=' ? punct(TokenKind::kGe, 2) : punct(TokenKind::kGt, 1);
      case '!':
        if (n == '=') return punct(TokenKind::kNe, 2);
        return Bad(start, 1, "请用 not 表示否定", "write `not` for negation");
      case '&':
        return Bad(start, n == '&' ? 2 : 1, "请用 and 连接条件", "write `and` to join tests");
      case '|':
        return Bad(start, n == '|' ? 2 : 1, "请用 or 连接条件", "write `or` to join tests");
      case '-':
        return Bad(start, 1, "不支持负数或减法",
                   "negative numbers and subtraction are not supported");
      default:
        break;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      size_t len = 1;
      while (pos_ + len < text_.size() &&
             (static_cast<unsigned char>(text_[pos_ + len]) & 0xC0) == 0x80) {
        ++len;
      }
      return Bad(start, len, "字符串请用英文引号 \"...\" 括起",
                 "quote strings with straight \"...\"");
    }
    return Bad(start, 1, "", "");
  }

  RuleError Bad(size_t start, size_t len, std::string hint_zh, std::string hint_en) {
    const std::string shown(text_.substr(start, len));
    return ConditionError(
        text_, start, len, "RULE_BAD_CHARACTER",
        "无法识别的字符 '" + shown + "'" + (hint_zh.empty() ? "" : "：") + hint_zh,
        "unexpected character '" + shown + "'" + (hint_en.empty() ? "" : ": ") + hint_en);
  }

  std::optional<RuleError> Name(std::vector<Token>& tokens) {
    const size_t start = pos_;
    for (;;) {
      while (pos_ < text_.size() && IsNameChar(text_[pos_])) ++pos_;
      if (pos_ + 1 < text_.size() && text_[pos_] == '.' && IsNameStart(text_[pos_ + 1])) {
        ++pos_;
        continue;
      }
      break;
    }
    const std::string_view word = text_.substr(start, pos_ - start);
    if (std::optional<TokenKind> kw = Keyword(word)) {
      tokens.push_back(Token{*kw, start, word.size(), Lower(word), 0});
    } else {
      tokens.push_back(Token{TokenKind::kName, start, word.size(), std::string(word), 0});
    }
    return std::nullopt;
  }

  std::optional<RuleError> Number(std::vector<Token>& tokens) {
    const size_t start = pos_;
    while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    bool decimal = false;
    if (pos_ + 1 < text_.size() && text_[pos_] == '.' && IsDigit(text_[pos_ + 1])) {
      decimal = true;
      ++pos_;
      while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    }
    const std::string_view digits = text_.substr(start, pos_ - start);
    if (pos_ < text_.size() && (IsNameChar(text_[pos_]) || text_[pos_] == '.')) {
      // "200fen" is fine; "200x" or "1.2.3" is not a number.
      const size_t word_end = SkipName(pos_);
      const std::string suffix = Lower(text_.substr(pos_, word_end - pos_));
      if (suffix != "fen" && suffix != "cny") return BadNumber(start, word_end - start);
    }
    // The unit: fen, cny or 元, after optional spaces.
    size_t after = pos_;
    while (after < text_.size() && IsSpace(text_[after])) ++after;
    std::string unit;
    if (text_.substr(after, kYuan.size()) == kYuan) {
      unit = "cny";
      pos_ = after + kYuan.size();
    } else if (after < text_.size() && IsNameStart(text_[after])) {
      const size_t word_end = SkipName(after);
      const std::string word = Lower(text_.substr(after, word_end - after));
      if (word == "fen" || word == "cny") {
        unit = word;
        pos_ = word_end;
      }
    }
    Token token{TokenKind::kInt, start, pos_ - start, std::string(digits), 0};
    if (unit == "fen" && decimal) {
      return ConditionError(
          text_, start, pos_ - start, "RULE_BAD_NUMBER",
          "以分计的金额必须是整数：" + std::string(digits) + " fen",
          "an amount in fen must be a whole number: " + std::string(digits) + " fen");
    }
    if (unit == "cny" || decimal) {
      StatusOr<Fen> fen = ParseCny(digits);
      if (!fen.ok()) {
        return ConditionError(
            text_, start, pos_ - start, "RULE_BAD_NUMBER",
            "金额无效（最多两位小数，不超过 10 万亿元）：" + std::string(digits),
            "invalid amount (at most two decimals, up to 10 trillion CNY): " + std::string(digits));
      }
      token.kind = TokenKind::kMoney;
      token.number = *fen;
    } else {
      if (digits.size() > 16) return TooLarge(start, pos_ - start);
      int64_t value = 0;
      for (char d : digits) value = value * 10 + (d - '0');
      if (value > kMaxFen) return TooLarge(start, pos_ - start);
      token.kind = unit == "fen" ? TokenKind::kMoney : TokenKind::kInt;
      token.number = value;
    }
    tokens.push_back(std::move(token));
    return std::nullopt;
  }

  size_t SkipName(size_t from) const {
    while (from < text_.size() && (IsNameChar(text_[from]) || text_[from] == '.')) ++from;
    return from;
  }

  RuleError BadNumber(size_t start, size_t len) {
    const std::string shown(text_.substr(start, len));
    return ConditionError(text_, start, len, "RULE_BAD_NUMBER",
                          "无效的数字 '" + shown + "'（金额写作 2000.00 cny 或 200000 fen）",
                          "invalid number '" + shown +
                              "' (write amounts as 2000.00 cny or "
                              "200000 fen)");
  }

  RuleError TooLarge(size_t start, size_t len) {
    return ConditionError(text_, start, len, "RULE_BAD_NUMBER", "数字过大（最大 10^15）",
                          "number too large (at most 10^15)");
  }

  std::optional<RuleError> String(std::vector<Token>& tokens) {
    const size_t start = pos_;
    const char quote = text_[pos_++];
    std::string value;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == quote) {
        ++pos_;
        if (value.size() > kMaxStringBytes) {
          return ConditionError(
              text_, start, pos_ - start, "RULE_BAD_STRING",
              "字符串过长（最多 " + std::to_string(kMaxStringBytes) + " 字节）",
              "string too long (at most " + std::to_string(kMaxStringBytes) + " bytes)");
        }
        tokens.push_back(Token{TokenKind::kString, start, pos_ - start, std::move(value), 0});
        return std::nullopt;
      }
      if (c == '\n' || c == '\r' || (static_cast<unsigned char>(c) < 0x20 && c != '\t')) break;
      if (c == '\\') {
        const char e = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
        if (e != '\\' && e != '"' && e != '\'') {
          return ConditionError(text_, pos_, 2, "RULE_BAD_STRING",
                                "字符串中只能用 \\\" \\' \\\\ 转义",
                                "only \\\" \\' and \\\\ escapes are allowed in strings");
        }
        value.push_back(e);
        pos_ += 2;
        continue;
      }
      value.push_back(c);
      ++pos_;
    }
    return ConditionError(text_, start, pos_ - start, "RULE_BAD_STRING", "字符串缺少结束引号",
                          "unterminated string");
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

Tokens Tokenize(std::string_view text) { return Lexer(text).Run(); }

std::string DescribeToken(const Token& token, std::string_view text, bool zh) {
  if (token.kind == TokenKind::kEnd) return zh ? "条件结尾" : "end of condition";
  return "'" + Excerpt(text.substr(token.offset, token.length), 40) + "'";
}

}  // namespace core::internal
