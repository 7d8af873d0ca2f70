// Type checker of parsed rule conditions: every test must compare like with like (money with
// money, counts with counts), read at least one field, and name only values a closed vocabulary
// knows. Walks the node vector; no recursion. Pure.
#include <algorithm>
#include <string>
#include <utility>

#include "rules/parser.h"
#include "rules/rule_errors.h"

namespace core::internal {
namespace {

std::string_view TypeZh(FieldType type) {
  switch (type) {
    case FieldType::kInt:
      return "整数";
    case FieldType::kMoney:
      return "金额";
    case FieldType::kString:
      return "字符串";
    case FieldType::kBool:
      return "布尔值";
    case FieldType::kStringList:
      return "字符串列表";
  }
  return "?";
}

class Checker {
 public:
  Checker(ConditionTree& tree, const RuleSchema& schema) : tree_(tree), schema_(schema) {}

  std::optional<RuleError> Run() {
    for (Node& node : tree_.nodes) {
      if (node.kind == NodeKind::kTruthy) {
        if (node.lhs.type != FieldType::kBool) return NotACondition(node.lhs);
      } else if (node.kind == NodeKind::kTest) {
        if (std::optional<RuleError> e = CheckTest(node)) return e;
      }
    }
    return std::nullopt;
  }

 private:
  std::string Shown(const Operand& op) const {
    return Excerpt(std::string_view(tree_.text).substr(op.offset, op.length), 40);
  }
  std::string Described(const Operand& op, bool zh) const {
    return "'" + Shown(op) + "' (" + std::string(zh ? TypeZh(op.type) : FieldTypeName(op.type)) +
           ")";
  }
  RuleError Error(const Node& node, std::string code, std::string zh, std::string en) const {
    return ConditionError(tree_.text, node.offset, node.length, std::move(code), std::move(zh),
                          std::move(en));
  }
  RuleError Mismatch(const Node& node, std::string zh, std::string en) const {
    return Error(node, "RULE_TYPE_MISMATCH", std::move(zh), std::move(en));
  }

  RuleError NotACondition(const Operand& op) const {
    return ConditionError(
        tree_.text, op.offset, op.length, "RULE_TYPE_MISMATCH",
        Described(op, true) + " 不是条件：请与值比较，例如 " + Shown(op) + " = ...",
        Described(op, false) + " is not a condition: compare it, e.g. " + Shown(op) + " = ...");
  }

  // Two operands of the same scalar type; money against a plain count gets a hint.
  std::optional<RuleError> SameType(const Node& node, const Operand& a, const Operand& b) const {
    if (a.type == b.type) return std::nullopt;
    const bool money_count = (a.type == FieldType::kMoney && b.type == FieldType::kInt) ||
                             (a.type == FieldType::kInt && b.type == FieldType::kMoney);
    if (money_count) {
      return Mismatch(node,
                      "金额不能与整数比较：" + Described(a, true) + " 与 " + Described(b, true) +
                          "；金额写作 2000.00 cny 或 200000 fen",
                      "an amount cannot be compared with a plain number: " + Described(a, false) +
                          " and " + Described(b, false) +
                          "; write amounts as 2000.00 cny or 200000 fen");
    }
    return Mismatch(
        node, "类型不同，无法比较：" + Described(a, true) + " 与 " + Described(b, true),
        "cannot compare different types: " + Described(a, false) + " and " + Described(b, false));
  }

  // A string literal tested against a field with a closed vocabulary must be one of its values.
  std::optional<RuleError> KnownValue(const Operand& field, const Operand& literal) const {
    if (field.field < 0 || literal.field >= 0) return std::nullopt;
    const FieldDef& def = schema_.fields()[static_cast<size_t>(field.field)];
    const std::string* value = std::get_if<std::string>(&literal.literal);
    if (def.allowed.empty() || value == nullptr) return std::nullopt;
    if (std::find(def.allowed.begin(), def.allowed.end(), *value) != def.allowed.end()) {
      return std::nullopt;
    }
    std::string values;
    for (const std::string& v : def.allowed) values += (values.empty() ? "" : ", ") + v;
    return ConditionError(
        tree_.text, literal.offset, literal.length, "RULE_UNKNOWN_VALUE",
        def.path + " 没有取值 '" + Excerpt(*value, 40) + "'（可选：" + values + "）",
        def.path + " has no value '" + Excerpt(*value, 40) + "' (values: " + values + ")");
  }

  std::optional<RuleError> KnownValueEitherWay(const Operand& a, const Operand& b) const {
    if (std::optional<RuleError> e = KnownValue(a, b)) return e;
    return KnownValue(b, a);
  }

  std::optional<RuleError> CheckTest(Node& node) const {
    switch (node.op) {
      case TestOp::kInList:
      case TestOp::kNotInList:
        return CheckInList(node);
      case TestOp::kMember:
      case TestOp::kNotMember:
        return CheckMember(node);
      case TestOp::kStartsWith:
      case TestOp::kContains:
        return CheckText(node);
      default:
        return CheckComparison(node);
    }
  }

  std::optional<RuleError> CheckComparison(const Node& node) const {
    if (node.lhs.field < 0 && node.rhs.field < 0) return Constant(node);
    for (const Operand* op : {&node.lhs, &node.rhs}) {
      if (op->type == FieldType::kStringList) {
        return Mismatch(node, Described(*op, true) + " 是列表：请用 in 或 contains",
                        Described(*op, false) + " is a list: use in or contains");
      }
    }
    if (std::optional<RuleError> e = SameType(node, node.lhs, node.rhs)) return e;
    if (node.lhs.type == FieldType::kBool && node.op != TestOp::kEq && node.op != TestOp::kNe) {
      return Mismatch(node, "布尔值只能用 = 或 != 比较", "booleans compare only with = and !=");
    }
    return KnownValueEitherWay(node.lhs, node.rhs);
  }

  std::optional<RuleError> CheckInList(const Node& node) const {
    if (node.lhs.field < 0) return Constant(node);
    if (node.lhs.type == FieldType::kStringList || node.lhs.type == FieldType::kBool) {
      return Mismatch(node,
                      Described(node.lhs, true) +
                          " 不能与列表 [...] 比较；列表字段请写 \"值\" in " + Shown(node.lhs),
                      Described(node.lhs, false) +
                          " cannot be tested against a list [...]; for a "
                          "list field write \"value\" in " +
                          Shown(node.lhs));
    }
    for (const Operand& item : node.items) {
      if (std::optional<RuleError> e = SameType(node, node.lhs, item)) return e;
      if (std::optional<RuleError> e = KnownValue(node.lhs, item)) return e;
    }
    return std::nullopt;
  }

  std::optional<RuleError> CheckMember(const Node& node) const {
    if (node.rhs.type != FieldType::kStringList) {
      return Mismatch(node,
                      "in 之后应为列表 [...] 或列表字段，而 " + Described(node.rhs, true) +
                          " 不是；判断文字是否包含请用 contains",
                      "in needs a list [...] or a list field, and " + Described(node.rhs, false) +
                          " is neither; to look for text inside text use contains");
    }
    return CheckElement(node, node.lhs, node.rhs);
  }

  // `element in list_field`: a string tested against a string list.
  std::optional<RuleError> CheckElement(const Node& node, const Operand& element,
                                        const Operand& list) const {
    if (element.type != FieldType::kString) {
      return Mismatch(
          node, "列表 " + Shown(list) + " 的元素是字符串，而 " + Described(element, true) + " 不是",
          "the list " + Shown(list) + " holds strings, and " + Described(element, false) +
              " is not one");
    }
    return KnownValue(list, element);
  }

  std::optional<RuleError> CheckText(Node& node) const {
    if (node.op == TestOp::kContains && node.lhs.type == FieldType::kStringList) {
      // `list_field contains "X"` means `"X" in list_field`.
      std::swap(node.lhs, node.rhs);
      node.op = TestOp::kMember;
      return CheckElement(node, node.lhs, node.rhs);
    }
    if (node.lhs.field < 0 && node.rhs.field < 0) return Constant(node);
    const std::string word = node.op == TestOp::kStartsWith ? "startswith" : "contains";
    if (node.lhs.type != FieldType::kString || node.rhs.type != FieldType::kString) {
      return Mismatch(node,
                      word + " 两侧都应为字符串：" + Described(node.lhs, true) + " " + word + " " +
                          Described(node.rhs, true) + "（编码请加引号，如 \"3304\"）",
                      word + " needs strings on both sides: " + Described(node.lhs, false) + " " +
                          word + " " + Described(node.rhs, false) +
                          " (quote codes, e.g. \"3304\")");
    }
    const std::string* pattern = std::get_if<std::string>(&node.rhs.literal);
    if (node.rhs.field < 0 && pattern != nullptr && pattern->empty()) {
      return Error(node, "RULE_EMPTY_PATTERN", word + " 之后的字符串为空，条件恒为真",
                   "the string after " + word + " is empty, so the test is always true");
    }
    return std::nullopt;
  }

  RuleError Constant(const Node& node) const {
    return Error(node, "RULE_CONSTANT_TEST", "该比较不读取任何字段，结果恒定",
                 "this test reads no field, so its result never changes");
  }

  ConditionTree& tree_;
  const RuleSchema& schema_;
};

}  // namespace

std::optional<RuleError> CheckTree(ConditionTree& tree, const RuleSchema& schema) {
  return Checker(tree, schema).Run();
}

}  // namespace core::internal
