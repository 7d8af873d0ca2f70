// Helpers for the rule-language and routing tests: the default schema of the test policy, and
// parse / evaluate shortcuts that fail the test with the core's own message. No I/O.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "core/rules.h"
#include "verdict_fixtures.h"

namespace core::testing {

inline const RuleSchema& RulesSchema() {
  static const RuleSchema schema = RuleSchema::Default(TestPolicy());
  return schema;
}

inline Condition Parse(std::string_view text) {
  ParsedCondition p = ParseCondition(text, RulesSchema());
  REQUIRE_MESSAGE(p.ok(), (p.ok() ? "" : p.errors[0].finding.message_en));
  return p.condition;
}

inline RuleError ParseError(std::string_view text) {
  ParsedCondition p = ParseCondition(text, RulesSchema());
  REQUIRE_MESSAGE(!p.ok(), "parsed: " << std::string(text));
  return p.errors[0];
}

inline RuleContext Ctx(std::string_view json) {
  return Require(RuleContextFromJson(Require(ParseJson(json)), RulesSchema(), "context"));
}

inline ConditionResult Eval(std::string_view condition, std::string_view context_json) {
  return EvaluateCondition(Parse(condition), Ctx(context_json));
}

}  // namespace core::testing
