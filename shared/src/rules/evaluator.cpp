// Evaluator of checked conditions in three-valued logic (unknown for missing values), once per
// goods line when the condition reads goods.*. Total: a value of an unexpected type is unknown.
// Recursion follows the tree, whose depth the parser bounded. Pure.
#include <string>
#include <vector>

#include "core/rules.h"
#include "rules/condition_tree.h"

namespace core {
namespace {

using internal::ConditionTree;
using internal::Node;
using internal::NodeKind;
using internal::Operand;
using internal::TestOp;

const RuleValue& Unknown() {
  static const RuleValue unknown;
  return unknown;
}

Truth FromBool(bool b) { return b ? Truth::kTrue : Truth::kFalse; }

class Evaluator {
 public:
  Evaluator(const ConditionTree& tree, const RuleContext& context, int line)
      : tree_(tree), context_(context), line_(line) {}

  Truth Eval(int index) const {
    if (index < 0 || static_cast<size_t>(index) >= tree_.nodes.size()) return Truth::kUnknown;
    const Node& node = tree_.nodes[static_cast<size_t>(index)];
    switch (node.kind) {
      case NodeKind::kAnd: {
        Truth result = Truth::kTrue;
        for (int child : node.children) {
          const Truth t = Eval(child);
          if (t == Truth::kFalse) return Truth::kFalse;
          if (t == Truth::kUnknown) result = Truth::kUnknown;
        }
        return result;
      }
      case NodeKind::kOr: {
        Truth result = Truth::kFalse;
        for (int child : node.children) {
          const Truth t = Eval(child);
          if (t == Truth::kTrue) return Truth::kTrue;
          if (t == Truth::kUnknown) result = Truth::kUnknown;
        }
        return result;
      }
      case NodeKind::kNot: {
        const Truth t = node.children.empty() ? Truth::kUnknown : Eval(node.children[0]);
        if (t == Truth::kUnknown) return t;
        return FromBool(t == Truth::kFalse);
      }
      case NodeKind::kTruthy: {
        const bool* b = std::get_if<bool>(&Value(node.lhs));
        return b == nullptr ? Truth::kUnknown : FromBool(*b);
      }
      case NodeKind::kTest:
        return Test(node);
    }
    return Truth::kUnknown;
  }

 private:
  const RuleValue& Value(const Operand& op) const {
    if (op.field < 0) return op.literal;
    const size_t slot = static_cast<size_t>(op.slot);
    if (op.per_line) {
      if (line_ < 0 || static_cast<size_t>(line_) >= context_.lines.size()) return Unknown();
      const std::vector<RuleValue>& values = context_.lines[static_cast<size_t>(line_)];
      return slot < values.size() ? values[slot] : Unknown();
    }
    return slot < context_.scalars.size() ? context_.scalars[slot] : Unknown();
  }

  Truth Test(const Node& node) const {
    const RuleValue& a = Value(node.lhs);
    if (std::holds_alternative<std::monostate>(a)) return Truth::kUnknown;
    switch (node.op) {
      case TestOp::kInList:
      case TestOp::kNotInList: {
        bool found = false;
        for (const Operand& item : node.items) found = found || item.literal == a;
        return FromBool(found == (node.op == TestOp::kInList));
      }
      default:
        break;
    }
    const RuleValue& b = Value(node.rhs);
    if (std::holds_alternative<std::monostate>(b)) return Truth::kUnknown;
    switch (node.op) {
      case TestOp::kMember:
      case TestOp::kNotMember: {
        const std::string* element = std::get_if<std::string>(&a);
        const auto* list = std::get_if<std::vector<std::string>>(&b);
        if (element == nullptr || list == nullptr) return Truth::kUnknown;
        bool found = false;
        for (const std::string& s : *list) found = found || s == *element;
        return FromBool(found == (node.op == TestOp::kMember));
      }
      case TestOp::kStartsWith:
      case TestOp::kContains: {
        const std::string* text = std::get_if<std::string>(&a);
        const std::string* part = std::get_if<std::string>(&b);
        if (text == nullptr || part == nullptr) return Truth::kUnknown;
        if (node.op == TestOp::kStartsWith) return FromBool(text->rfind(*part, 0) == 0);
        return FromBool(text->find(*part) != std::string::npos);
      }
      default:
        return Compare(node.op, a, b);
    }
  }

  static Truth Compare(TestOp op, const RuleValue& a, const RuleValue& b) {
    if (a.index() != b.index()) return Truth::kUnknown;
    if (std::holds_alternative<std::vector<std::string>>(a)) return Truth::kUnknown;
    if (std::holds_alternative<bool>(a) && op != TestOp::kEq && op != TestOp::kNe) {
      return Truth::kUnknown;
    }
    switch (op) {
      case TestOp::kEq:
        return FromBool(a == b);
      case TestOp::kNe:
        return FromBool(a != b);
      case TestOp::kLt:
        return FromBool(a < b);
      case TestOp::kLe:
        return FromBool(a <= b);
      case TestOp::kGt:
        return FromBool(a > b);
      case TestOp::kGe:
        return FromBool(a >= b);
      default:
        return Truth::kUnknown;
    }
  }

  const ConditionTree& tree_;
  const RuleContext& context_;
  int line_;
};

bool Missing(const RuleValue& v) { return std::holds_alternative<std::monostate>(v); }

}  // namespace

std::string_view TruthName(Truth truth) {
  switch (truth) {
    case Truth::kFalse:
      return "false";
    case Truth::kTrue:
      return "true";
    case Truth::kUnknown:
      return "unknown";
  }
  return "unknown";
}

ConditionResult EvaluateCondition(const Condition& condition, const RuleContext& context) {
  ConditionResult result;
  const ConditionTree* tree = condition.tree();
  if (tree == nullptr) return result;
  if (!tree->uses_goods || context.lines.empty()) {
    result.truth = Evaluator(*tree, context, -1).Eval(tree->root);
    return result;
  }
  bool unknown = false;
  for (size_t i = 0; i < context.lines.size(); ++i) {
    const Truth t = Evaluator(*tree, context, static_cast<int>(i)).Eval(tree->root);
    if (t == Truth::kTrue) result.lines.push_back(static_cast<int>(i));
    if (t == Truth::kUnknown) unknown = true;
  }
  result.truth = !result.lines.empty() ? Truth::kTrue : unknown ? Truth::kUnknown : Truth::kFalse;
  return result;
}

std::vector<std::string> MissingFields(const Condition& condition, const RuleSchema& schema,
                                       const RuleContext& context) {
  std::vector<std::string> missing;
  for (const std::string& path : condition.fields()) {
    const FieldDef* def = schema.Find(path);
    if (def == nullptr) continue;
    bool absent = false;
    if (def->per_line) {
      absent = context.lines.empty();
      for (size_t i = 0; i < context.lines.size() && !absent; ++i) {
        absent = Missing(ContextValue(schema, context, path, i));
      }
    } else {
      absent = Missing(ContextValue(schema, context, path));
    }
    if (absent) missing.push_back(path);
  }
  return missing;
}

}  // namespace core
