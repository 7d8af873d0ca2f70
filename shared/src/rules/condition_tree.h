// The checked syntax tree of a rule condition, shared by the parser, the checker and the
// evaluator (private to the core). Nodes live in one vector and refer to each other by index,
// so a tree is flat data: copying or freeing it never recurses. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/rules.h"

namespace core::internal {

enum class NodeKind {
  kAnd,     // all children
  kOr,      // any child
  kNot,     // children[0]
  kTest,    // lhs op rhs (or lhs op items)
  kTruthy,  // a lone boolean operand (lhs)
};

enum class TestOp {
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kInList,      // lhs in [items]
  kNotInList,   // lhs not in [items]
  kMember,      // string lhs is an element of the string-list rhs
  kNotMember,   // ... is not
  kStartsWith,  // string lhs starts with string rhs
  kContains,    // string lhs contains string rhs (the checker turns list `contains` into kMember)
};

struct Operand {
  int field = -1;  // index into RuleSchema::fields(), or -1 for a literal
  bool per_line = false;
  int slot = 0;
  FieldType type = FieldType::kInt;
  RuleValue literal;  // when field < 0
  size_t offset = 0;  // bytes of the condition text
  size_t length = 0;
};

struct Node {
  NodeKind kind = NodeKind::kTest;
  TestOp op = TestOp::kEq;
  std::vector<int> children;
  Operand lhs;
  Operand rhs;
  std::vector<Operand> items;  // literals of `in [...]`
  size_t offset = 0;           // bytes of the whole test, for type errors
  size_t length = 0;
};

struct ConditionTree {
  std::string text;
  std::vector<Node> nodes;
  int root = -1;
  bool uses_goods = false;
  std::vector<std::string> fields;  // paths read, sorted, unique
};

}  // namespace core::internal
