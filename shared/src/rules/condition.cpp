// ParseCondition: tokenizer, parser and checker in sequence, and the Condition handle around the
// checked tree. Pure.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "core/rules.h"
#include "rules/condition_tree.h"
#include "rules/parser.h"
#include "rules/tokenizer.h"

namespace core {
namespace {

const std::string& EmptyText() {
  static const std::string empty;
  return empty;
}

const std::vector<std::string>& NoFields() {
  static const std::vector<std::string> none;
  return none;
}

// Fills uses_goods and the sorted list of field paths the tree reads.
void CollectFields(internal::ConditionTree& tree, const RuleSchema& schema) {
  auto note = [&](const internal::Operand& op) {
    if (op.field < 0) return;
    const FieldDef& def = schema.fields()[static_cast<size_t>(op.field)];
    tree.fields.push_back(def.path);
    if (def.per_line) tree.uses_goods = true;
  };
  for (const internal::Node& node : tree.nodes) {
    note(node.lhs);
    note(node.rhs);
  }
  std::sort(tree.fields.begin(), tree.fields.end());
  tree.fields.erase(std::unique(tree.fields.begin(), tree.fields.end()), tree.fields.end());
}

}  // namespace

Condition::Condition(std::shared_ptr<const internal::ConditionTree> tree)
    : tree_(std::move(tree)) {}

const std::string& Condition::text() const { return tree_ ? tree_->text : EmptyText(); }
bool Condition::uses_goods() const { return tree_ && tree_->uses_goods; }
const std::vector<std::string>& Condition::fields() const {
  return tree_ ? tree_->fields : NoFields();
}

ParsedCondition ParseCondition(std::string_view text, const RuleSchema& schema) {
  ParsedCondition out;
  internal::Tokens tokens = internal::Tokenize(text);
  if (tokens.error) {
    out.errors.push_back(std::move(*tokens.error));
    return out;
  }
  auto tree = std::make_shared<internal::ConditionTree>();
  tree->text = std::string(text);
  if (std::optional<RuleError> e = internal::ParseTokens(text, tokens.tokens, schema, *tree)) {
    out.errors.push_back(std::move(*e));
    return out;
  }
  if (std::optional<RuleError> e = internal::CheckTree(*tree, schema)) {
    out.errors.push_back(std::move(*e));
    return out;
  }
  CollectFields(*tree, schema);
  out.condition = Condition(std::move(tree));
  return out;
}

}  // namespace core
