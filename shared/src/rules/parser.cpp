// Recursive-descent parser of the rule language: or/and chains become one n-ary node each, and
// every nesting level (parenthesis or `not`) is counted, so hostile input cannot recurse past
// kMaxRuleDepth. Pure.
#include "rules/parser.h"

#include <string>
#include <utility>

#include "rules/rule_errors.h"

namespace core::internal {
namespace {

bool IsComparison(TokenKind kind) {
  return kind == TokenKind::kEq || kind == TokenKind::kNe || kind == TokenKind::kLt ||
         kind == TokenKind::kLe || kind == TokenKind::kGt || kind == TokenKind::kGe;
}

TestOp ComparisonOp(TokenKind kind) {
  switch (kind) {
    case TokenKind::kNe:
      return TestOp::kNe;
    case TokenKind::kLt:
      return TestOp::kLt;
    case TokenKind::kLe:
      return TestOp::kLe;
    case TokenKind::kGt:
      return TestOp::kGt;
    case TokenKind::kGe:
      return TestOp::kGe;
    default:
      return TestOp::kEq;
  }
}

class Parser {
 public:
  Parser(std::string_view text, const std::vector<Token>& tokens, const RuleSchema& schema,
         ConditionTree& tree)
      : text_(text), tokens_(tokens), schema_(schema), tree_(tree) {}

  std::optional<RuleError> Run() {
    if (Peek().kind == TokenKind::kEnd) {
      return ConditionError(text_, 0, 0, "RULE_EMPTY", "条件为空", "the condition is empty");
    }
    const int root = ParseOr(0);
    if (error_) return error_;
    if (Peek().kind != TokenKind::kEnd) {
      Expected("and、or 或条件结尾", "and, or or the end of the condition");
      return error_;
    }
    tree_.root = root;
    return std::nullopt;
  }

 private:
  const Token& Peek(size_t ahead = 0) const {
    const size_t i = pos_ + ahead;
    return i < tokens_.size() ? tokens_[i] : tokens_.back();
  }
  const Token& Advance() {
    const Token& t = Peek();
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  // End (in bytes) of the last consumed token.
  size_t LastEnd() const {
    if (pos_ == 0) return 0;
    const Token& t = tokens_[pos_ - 1];
    return t.offset + t.length;
  }

  int Fail(RuleError error) {
    if (!error_) error_ = std::move(error);
    return -1;
  }
  int Expected(const std::string& what_zh, const std::string& what_en) {
    const Token& t = Peek();
    return Fail(
        ConditionError(text_, t.offset, t.length, "RULE_SYNTAX",
                       "此处应为" + what_zh + "，实际为 " + DescribeToken(t, text_, true),
                       "expected " + what_en + ", found " + DescribeToken(t, text_, false)));
  }

  int Add(Node node) {
    tree_.nodes.push_back(std::move(node));
    return static_cast<int>(tree_.nodes.size()) - 1;
  }

  int ParseOr(int depth) { return ParseChain(depth, TokenKind::kOr, NodeKind::kOr); }
  int ParseAnd(int depth) { return ParseChain(depth, TokenKind::kAnd, NodeKind::kAnd); }

  // `part (joiner part)*` as one n-ary node; a single part is returned as it is.
  int ParseChain(int depth, TokenKind joiner, NodeKind kind) {
    const size_t start = Peek().offset;
    const int first = joiner == TokenKind::kOr ? ParseAnd(depth) : ParseUnary(depth);
    if (first < 0 || Peek().kind != joiner) return first;
    Node node;
    node.kind = kind;
    node.children.push_back(first);
    while (Peek().kind == joiner) {
      Advance();
      const int next = joiner == TokenKind::kOr ? ParseAnd(depth) : ParseUnary(depth);
      if (next < 0) return -1;
      node.children.push_back(next);
    }
    node.offset = start;
    node.length = LastEnd() - start;
    return Add(std::move(node));
  }

  int ParseUnary(int depth) {
    const Token& t = Peek();
    if (t.kind == TokenKind::kNot || t.kind == TokenKind::kLParen) {
      if (depth >= kMaxRuleDepth) {
        return Fail(ConditionError(
            text_, t.offset, t.length, "RULE_TOO_DEEP",
            "条件嵌套过深（括号与 not 最多 " + std::to_string(kMaxRuleDepth) + " 层）",
            "the condition nests too deeply (at most " + std::to_string(kMaxRuleDepth) +
                " levels of parentheses and not)"));
      }
    }
    if (t.kind == TokenKind::kNot) {
      const size_t start = Advance().offset;
      const int child = ParseUnary(depth + 1);
      if (child < 0) return -1;
      Node node;
      node.kind = NodeKind::kNot;
      node.children.push_back(child);
      node.offset = start;
      node.length = LastEnd() - start;
      return Add(std::move(node));
    }
    if (t.kind == TokenKind::kLParen) {
      Advance();
      const int inner = ParseOr(depth + 1);
      if (inner < 0) return -1;
      if (Peek().kind != TokenKind::kRParen) return Expected(" ')'", "')'");
      Advance();
      return inner;
    }
    return ParseTest();
  }

  int ParseTest() {
    std::optional<Operand> lhs = ParseOperand();
    if (!lhs) return -1;
    Node node;
    node.offset = lhs->offset;
    const TokenKind kind = Peek().kind;
    if (IsComparison(kind)) {
      Advance();
      node.op = ComparisonOp(kind);
      std::optional<Operand> rhs = ParseOperand();
      if (!rhs) return -1;
      node.rhs = std::move(*rhs);
    } else if (kind == TokenKind::kIn ||
               (kind == TokenKind::kNot && Peek(1).kind == TokenKind::kIn)) {
      const bool negated = kind == TokenKind::kNot;
      Advance();
      if (negated) Advance();
      if (!ParseInTarget(node, negated)) return -1;
    } else if (kind == TokenKind::kStartsWith || kind == TokenKind::kContains) {
      Advance();
      node.op = kind == TokenKind::kStartsWith ? TestOp::kStartsWith : TestOp::kContains;
      std::optional<Operand> rhs = ParseOperand();
      if (!rhs) return -1;
      node.rhs = std::move(*rhs);
    } else if (kind == TokenKind::kNot) {
      Advance();
      return Expected(" in（not 之后）", "in after not");
    } else {
      node.kind = NodeKind::kTruthy;
    }
    node.lhs = std::move(*lhs);
    node.length = LastEnd() - node.offset;
    return Add(std::move(node));
  }

  // After `in` / `not in`: a literal list, or an operand (a list field, checked later).
  bool ParseInTarget(Node& node, bool negated) {
    if (Peek().kind != TokenKind::kLBracket) {
      node.op = negated ? TestOp::kNotMember : TestOp::kMember;
      std::optional<Operand> rhs = ParseOperand();
      if (!rhs) return false;
      node.rhs = std::move(*rhs);
      return true;
    }
    node.op = negated ? TestOp::kNotInList : TestOp::kInList;
    const Token& open = Advance();
    for (;;) {
      if (node.items.size() >= kMaxListItems) {
        Fail(ConditionError(text_, open.offset, Peek().offset - open.offset, "RULE_TOO_LONG",
                            "列表项过多（最多 " + std::to_string(kMaxListItems) + " 项）",
                            "too many list items (at most " + std::to_string(kMaxListItems) + ")"));
        return false;
      }
      if (Peek().kind == TokenKind::kName) {
        Expected("字面值（列表中不能写字段）", "a literal value (lists cannot hold fields)");
        return false;
      }
      std::optional<Operand> item = ParseOperand();
      if (!item) return false;
      node.items.push_back(std::move(*item));
      if (Peek().kind == TokenKind::kComma) {
        Advance();
        continue;
      }
      if (Peek().kind == TokenKind::kRBracket) {
        Advance();
        return true;
      }
      Expected(" ',' 或 ']'", "',' or ']'");
      return false;
    }
  }

  std::optional<Operand> ParseOperand() {
    const Token& t = Peek();
    Operand op;
    op.offset = t.offset;
    op.length = t.length;
    switch (t.kind) {
      case TokenKind::kName: {
        const FieldDef* def = schema_.Find(t.text);
        if (def == nullptr) {
          const std::string hint = schema_.Suggest(t.text);
          Fail(ConditionError(text_, t.offset, t.length, "RULE_UNKNOWN_FIELD",
                              "未知字段 '" + Excerpt(t.text, 60) + "'" +
                                  (hint.empty() ? "" : "，是否应为 " + hint + "？"),
                              "unknown field '" + Excerpt(t.text, 60) + "'" +
                                  (hint.empty() ? "" : "; did you mean " + hint + "?")));
          return std::nullopt;
        }
        op.field = static_cast<int>(def - schema_.fields().data());
        op.per_line = def->per_line;
        op.slot = def->slot;
        op.type = def->type;
        break;
      }
      case TokenKind::kString:
        op.type = FieldType::kString;
        op.literal = t.text;
        break;
      case TokenKind::kInt:
        op.type = FieldType::kInt;
        op.literal = t.number;
        break;
      case TokenKind::kMoney:
        op.type = FieldType::kMoney;
        op.literal = t.number;
        break;
      case TokenKind::kTrue:
      case TokenKind::kFalse:
        op.type = FieldType::kBool;
        op.literal = t.kind == TokenKind::kTrue;
        break;
      default:
        Expected("字段或值", "a field or a value");
        return std::nullopt;
    }
    Advance();
    return op;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const RuleSchema& schema_;
  ConditionTree& tree_;
  size_t pos_ = 0;
  std::optional<RuleError> error_;
};

}  // namespace

std::optional<RuleError> ParseTokens(std::string_view text, const std::vector<Token>& tokens,
                                     const RuleSchema& schema, ConditionTree& tree) {
  return Parser(text, tokens, schema, tree).Run();
}

}  // namespace core::internal
