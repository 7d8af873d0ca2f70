// The routing rule language (DOMAIN §5, §8): rules are data an administrator writes in the
// browser; the core parses a rule's condition against a declared schema of context fields
// (typos and type errors are caught when the rule is saved) and evaluates it, totally, over a
// declaration list's context. Pure.
//
// Condition syntax (keywords in any case; field paths and strings are case-sensitive):
//   expr      := and_expr ("or" and_expr)*
//   and_expr  := unary ("and" unary)*
//   unary     := "not" unary | "(" expr ")" | test
//   test      := operand [ op operand | ["not"] "in" ( list | field ) | "startswith" operand
//                          | "contains" operand ]      (a lone operand must be a boolean)
//   op        := "=" | "==" | "!=" | "<" | "<=" | ">" | ">="
//   operand   := field | literal ;  list := "[" literal ("," literal)* "]"
//   literal   := "string" | integer | amount | true | false
// Integers count things (lists, hours). Amounts are money: `200000 fen`, `2000 cny`,
// `2000.00 cny`, `2000.00元` or a bare decimal `2000.00` (CNY), all held in fen; a money field
// compared with a plain integer is a type error, so 2000 cannot be mistaken for 2000 CNY.
// Strings compare byte-wise (case-sensitive); `contains` on a string is a substring test, on a
// list (enterprise.roles, list.findings) a membership test like `"X" in list.findings`.
//
// Unknown values: a field missing from the context is unknown, and so is any test that reads it.
// Logic is three-valued (Kleene): `not` keeps unknown, `and` is false if any part is false, `or`
// is true if any part is true. A rule matches only when its condition is true, so a missing value
// never makes a rule fire, not even through `not`.
//
// Goods: goods.* fields belong to one line of the list. A condition that reads them holds for
// the list when it holds with goods.* bound to at least one line (all of its goods.* tests then
// see the same line); the lines for which it holds are reported.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/policy.h"
#include "core/status.h"

namespace core {

namespace internal {
struct ConditionTree;  // the checked syntax tree (shared/src/rules/condition_tree.h)
}  // namespace internal

enum class FieldType { kInt, kMoney, kString, kBool, kStringList };
// "int" / "money" / "string" / "bool" / "string_list".
std::string_view FieldTypeName(FieldType type);

struct FieldDef {
  std::string path;  // "list.value_fen"
  FieldType type = FieldType::kInt;
  bool per_line = false;             // goods.*: one value per goods line
  int slot = 0;                      // index into RuleContext::scalars or one of ::lines
  std::vector<std::string> allowed;  // closed vocabulary of a string (list) field; empty = open
  int64_t min_value = 0;             // bounds of an int or money value in a context
  int64_t max_value = 0;
  std::string description_zh;
  std::string description_en;
};

// The declared fields rules may read. Lookup by path; the closest path for "did you mean".
class RuleSchema {
 public:
  // The project's fields (enterprise.*, goods.*, consumer.*, list.*, history.*). The values of
  // enterprise.grade are the grade ids of the policy's scales (open when the policy has none).
  static RuleSchema Default(const Policy& policy);

  const FieldDef* Find(std::string_view path) const;
  // The declared path nearest to `path` by edit distance, or "" when none is close.
  std::string Suggest(std::string_view path) const;
  const std::vector<FieldDef>& fields() const { return fields_; }
  int scalar_slots() const { return scalar_slots_; }
  int line_slots() const { return line_slots_; }

  // Appends a field (slots assigned in order). For the default schema and tests.
  void Add(FieldDef def);

 private:
  std::vector<FieldDef> fields_;
  int scalar_slots_ = 0;
  int line_slots_ = 0;
};

// {"fields": [{"path", "type", "per_line", "allowed", "min", "max", "description_zh",
// "description_en"}]}: what the browser's rule editor offers.
Json RuleSchemaToJson(const RuleSchema& schema);

// A context value: absent (unknown), integer or fen, string, boolean, list of strings.
using RuleValue =
    std::variant<std::monostate, int64_t, std::string, bool, std::vector<std::string>>;

// The facts about one declaration list that rules read, laid out by the schema's slots.
struct RuleContext {
  std::vector<RuleValue> scalars;             // schema.scalar_slots() values
  std::vector<std::vector<RuleValue>> lines;  // one per goods line, schema.line_slots() each
};

// An empty context (every value unknown) with `lines` goods lines.
RuleContext EmptyContext(const RuleSchema& schema, size_t lines);
// Sets a field of the context (`line` for goods.*). InvalidArgument for an unknown path, a value
// of the wrong type or outside the field's bounds or vocabulary, or a line out of range.
Status SetContextValue(const RuleSchema& schema, RuleContext& context, std::string_view path,
                       RuleValue value, size_t line = 0);
// The field's value (monostate when unknown or out of range).
const RuleValue& ContextValue(const RuleSchema& schema, const RuleContext& context,
                              std::string_view path, size_t line = 0);

// Reads {"enterprise": {...}, "goods": [{...}], "consumer": {...}, "list": {...},
// "history": {...}} (every group optional; null or absent values are unknown). goods.code8
// defaults to the first 8 digits of goods.code10. InvalidArgument naming `parent`.field for an
// unknown group or field (with a suggestion), a wrong type, a value out of bounds or outside
// the field's vocabulary, or more than 1000 goods lines.
StatusOr<RuleContext> RuleContextFromJson(const Json& obj, const RuleSchema& schema,
                                          std::string_view parent);

// A problem with a rule, located: `offset`/`length` count code points (characters) of the
// condition text, 0-based; offset is -1 when the problem is not in the condition.
struct RuleError {
  Finding finding;  // code RULE_*, severity error, field "condition", "id", ...
  int offset = -1;
  int length = 0;
};

// {"code", "severity", "field", "message_zh", "message_en", "offset", "length"}.
Json RuleErrorToJson(const RuleError& error);

// A checked condition. Cheap to copy (the tree is shared and immutable).
class Condition {
 public:
  Condition() = default;
  explicit Condition(std::shared_ptr<const internal::ConditionTree> tree);

  const std::string& text() const;
  // True when the condition reads goods.* (then it is evaluated once per goods line).
  bool uses_goods() const;
  // The field paths the condition reads, sorted, without repeats.
  const std::vector<std::string>& fields() const;
  // nullptr for a default-constructed condition (which evaluates to unknown).
  const internal::ConditionTree* tree() const { return tree_.get(); }

 private:
  std::shared_ptr<const internal::ConditionTree> tree_;
};

// Limits that keep hostile input cheap: the parser never recurses deeper than kMaxRuleDepth.
inline constexpr size_t kMaxConditionBytes = 4000;
inline constexpr size_t kMaxConditionTokens = 1000;
inline constexpr int kMaxRuleDepth = 32;  // nested parentheses and `not`s
inline constexpr size_t kMaxListItems = 200;

struct ParsedCondition {
  Condition condition;            // valid only when errors is empty
  std::vector<RuleError> errors;  // the first problem found (one at most today)
  bool ok() const { return errors.empty(); }
};

// Tokenizes, parses and type-checks `text` against `schema`. Errors (RULE_SYNTAX,
// RULE_BAD_CHARACTER, RULE_BAD_STRING, RULE_BAD_NUMBER, RULE_UNKNOWN_FIELD, RULE_TYPE_MISMATCH,
// RULE_UNKNOWN_VALUE, RULE_CONSTANT_TEST, RULE_EMPTY_PATTERN, RULE_TOO_DEEP, RULE_TOO_LONG,
// RULE_EMPTY) carry the position and a message in Chinese and English. Never fails otherwise.
ParsedCondition ParseCondition(std::string_view text, const RuleSchema& schema);

enum class Truth { kFalse, kTrue, kUnknown };
std::string_view TruthName(Truth truth);  // "false" / "true" / "unknown"

struct ConditionResult {
  Truth truth = Truth::kUnknown;
  std::vector<int> lines;  // goods lines (0-based) for which the condition held
};

// Evaluates a checked condition over a context laid out by the same schema. Total: never fails;
// values of an unexpected type count as unknown.
ConditionResult EvaluateCondition(const Condition& condition, const RuleContext& context);

// The fields the condition reads that the context lacks (for any goods line), sorted: why a
// rule could not be decided.
std::vector<std::string> MissingFields(const Condition& condition, const RuleSchema& schema,
                                       const RuleContext& context);

// Actions in increasing strength: the strongest matched action decides a list.
enum class RuleAction {
  kRelease = 0,
  kManualReview = 1,
  kInspect = 2,
  kValuation = 3,
  kReject = 4
};
// "release" / "manual_review" / "inspect" / "valuation" / "reject".
std::string_view RuleActionName(RuleAction action);
std::optional<RuleAction> RuleActionFromName(std::string_view name);

// A seasonal focus: the days from `from` to `to` (month-days, inclusive) of every year; a season
// whose `to` comes before its `from` wraps the year end (12-15..01-10). 02-29 is a valid bound:
// in other years a season ending on it ends on 02-28, and one starting on it starts on 03-01.
struct Season {
  int from_month = 1;
  int from_day = 1;
  int to_month = 12;
  int to_day = 31;

  bool Contains(const Date& date) const;
};

// A rule that adjusts from history (inspect / manual review only): it applies to share_pm per
// mille of the lists it matches, following its own record of inspections in the last
// window_days days — clamp(min_pm, max_pm, 2 x its mismatch rate per mille) with at least
// min_inspections inspected outcomes, max_pm with fewer (not enough history: apply fully).
struct AdaptiveShare {
  int min_pm = 0;
  int max_pm = 1000;
  int window_days = 90;
  int min_inspections = 10;
};

// The share per mille an adaptive rule applies to, from its inspected and mismatched lists
// (see AdaptiveShare). Counts below zero count as zero; mismatches are capped at inspected.
int AdaptiveSharePm(const AdaptiveShare& adaptive, int64_t inspected, int64_t mismatches);

struct Rule {
  std::string id;  // [a-z0-9][a-z0-9._-]{0,63}
  std::string name;
  Condition condition;
  RuleAction action = RuleAction::kManualReview;
  int priority = 0;  // 0..1000000; among rules of the same action the higher decides
  Date valid_from;
  std::optional<Date> valid_to;  // inclusive: the last day the rule applies; empty = open
  bool enabled = true;
  std::string reason_zh;  // shown to officers and the enterprise when the rule decides
  std::string reason_en;
  std::optional<Season> season;           // also within this period of every year
  std::optional<AdaptiveShare> adaptive;  // the share of its matches it applies to

  // Within valid_from..valid_to and, when the rule has one, its season.
  bool ValidOn(const Date& date) const;
};

struct ParsedRule {
  std::optional<Rule> rule;       // set when errors is empty
  std::vector<RuleError> errors;  // every problem found, in field order
};

// Reads {"id", "name", "condition", "action", "priority", "valid_from", "valid_to"?,
// "enabled"?, "reason_zh", "reason_en", "season"?: {"from": "MM-DD", "to": "MM-DD"} | null,
// "adaptive"?: {"min_pm", "max_pm", "window_days", "min_inspections"} | null} and checks every
// field: RULE_FIELD_INVALID (missing, mistyped, bad id, out-of-range priority, bad date, a bad
// month-day, min_pm above max_pm or outside 0..1000, window_days outside 1..366,
// min_inspections outside 1..100000, adaptive on an action other than inspect or
// manual_review), RULE_UNKNOWN_KEY, RULE_ACTION_UNKNOWN, RULE_VALIDITY_ORDER (valid_to before
// valid_from), and the condition's errors.
ParsedRule RuleFromJson(const Json& obj, const RuleSchema& schema);
// The same keys, normalised (condition text as written, dates ISO, valid_to null when open;
// season and adaptive only when the rule has them, so older rules read back unchanged).
Json RuleToJson(const Rule& rule);

}  // namespace core
