// Tests for the rule language: parsing against the schema (syntax, fields, types, vocabularies,
// literals, positions, limits) and three-valued evaluation with goods lines bound one at a time.
#include "core/rules.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "core/sampling.h"
#include "rules_fixtures.h"

namespace core {
namespace {

using testing::Ctx;
using testing::Eval;
using testing::Parse;
using testing::ParseError;
using testing::RulesSchema;

constexpr const char* kBriefExample =
    R"(enterprise.grade in ["dishonest", "seriously_dishonest"] and goods.code8 startswith "3304"
       and list.value_fen > 2000.00 cny)";

TEST_CASE("the brief's example parses and reads four fields, one of them per goods line") {
  Condition c = Parse(kBriefExample);
  CHECK(c.uses_goods());
  CHECK(c.fields() ==
        std::vector<std::string>{"enterprise.grade", "goods.code8", "list.value_fen"});
  CHECK(c.text() == kBriefExample);
}

TEST_CASE("money literals: cny, fen, bare decimals and 元 all mean fen") {
  const char* ctx_over = R"({"list": {"value_fen": 200001}})";
  const char* ctx_at = R"({"list": {"value_fen": 200000}})";
  for (const char* text :
       {"list.value_fen > 2000.00 cny", "list.value_fen > 2000 cny", "list.value_fen > 2000CNY",
        "list.value_fen > 200000 fen", "list.value_fen > 200000fen", "list.value_fen > 2000.00",
        "list.value_fen > 2000.00元", "list.value_fen > 2000 元", "2000.00 cny < list.value_fen"}) {
    CAPTURE(text);
    CHECK(Eval(text, ctx_over).truth == Truth::kTrue);
    CHECK(Eval(text, ctx_at).truth == Truth::kFalse);
  }
  CHECK(Eval("list.value_fen = 0.01 cny", R"({"list": {"value_fen": 1}})").truth == Truth::kTrue);
}

TEST_CASE("a plain number against money is refused with a hint, and so are bad amounts") {
  RuleError e = ParseError("list.value_fen > 2000");
  CHECK(e.finding.code == "RULE_TYPE_MISMATCH");
  CHECK(e.finding.message_en.find("2000.00 cny or 200000 fen") != std::string::npos);
  CHECK(e.offset == 0);
  CHECK(e.length == 21);
  CHECK(ParseError("list.lines > 2 cny").finding.code == "RULE_TYPE_MISMATCH");
  CHECK(ParseError("list.value_fen > 2.5 fen").finding.code == "RULE_BAD_NUMBER");
  CHECK(ParseError("list.value_fen > 1.234 cny").finding.code == "RULE_BAD_NUMBER");
  CHECK(ParseError("list.value_fen > 200x").finding.code == "RULE_BAD_NUMBER");
  CHECK(ParseError("list.lines > 1.2.3").finding.code == "RULE_BAD_NUMBER");
  CHECK(ParseError("list.lines > 99999999999999999").finding.code == "RULE_BAD_NUMBER");
  CHECK(ParseError("list.value_fen > 100000000000000 cny").finding.code == "RULE_BAD_NUMBER");
}

TEST_CASE("unknown fields are caught at parse time, with a suggestion and a position") {
  RuleError e = ParseError(R"(goods.name contains "面霜" and goods.cod8 = "33049900")");
  CHECK(e.finding.code == "RULE_UNKNOWN_FIELD");
  CHECK(e.finding.field == "condition");
  CHECK(e.finding.message_en.find("did you mean goods.code8?") != std::string::npos);
  CHECK(e.finding.message_zh.find("goods.code8") != std::string::npos);
  // Offsets count characters: the two Chinese characters count one each.
  CHECK(e.offset == 29);
  CHECK(e.length == 10);
  RuleError far = ParseError("supplier.rating > 3");
  CHECK(far.finding.code == "RULE_UNKNOWN_FIELD");
  CHECK(far.finding.message_en.find("did you mean") == std::string::npos);
}

TEST_CASE("closed vocabularies: grades of the policy, risk levels, roles, trade modes") {
  CHECK(Parse(R"(enterprise.grade = "registered")").fields().size() == 1);  // Decree 251 grade
  RuleError e = ParseError(R"(enterprise.grade in ["dishonest", "dishonst"])");
  CHECK(e.finding.code == "RULE_UNKNOWN_VALUE");
  CHECK(e.offset == 34);
  CHECK(e.length == 10);
  CHECK(e.finding.message_en.find("seriously_dishonest") != std::string::npos);
  CHECK(ParseError(R"(enterprise.risk_level = "extreme")").finding.code == "RULE_UNKNOWN_VALUE");
  CHECK(ParseError(R"(enterprise.roles contains "platfrom")").finding.code == "RULE_UNKNOWN_VALUE");
  CHECK(ParseError(R"("9710" = list.trade_mode)").finding.code == "RULE_UNKNOWN_VALUE");
  // Prefix tests on a closed field are not membership tests and stay open.
  CHECK(Parse(R"(list.trade_mode startswith "12")").uses_goods() == false);
}

TEST_CASE("type errors are parse-time errors") {
  for (const char* text : {R"(list.lines = "3")", R"(goods.high_risk > true)",
                           R"(list.findings = "TAX_DECLARED_MISMATCH")", R"("3304" in goods.code8)",
                           R"(goods.code8 startswith 3304)", R"(list.value_fen)",
                           R"(enterprise.roles in ["platform"])", R"(list.lines in ["3"])",
                           R"(3 in list.findings)", R"(goods.high_risk in [true])"}) {
    CAPTURE(text);
    CHECK(ParseError(text).finding.code == "RULE_TYPE_MISMATCH");
  }
  CHECK(ParseError("1 = 1").finding.code == "RULE_CONSTANT_TEST");
  CHECK(ParseError(R"("a" startswith "a")").finding.code == "RULE_CONSTANT_TEST");
  CHECK(ParseError(R"(goods.name contains "")").finding.code == "RULE_EMPTY_PATTERN");
}

TEST_CASE("syntax errors name what was expected and where") {
  RuleError end = ParseError("list.lines >");
  CHECK(end.finding.code == "RULE_SYNTAX");
  CHECK(end.finding.message_en == "expected a field or a value, found end of condition");
  CHECK(end.finding.message_zh == "此处应为字段或值，实际为 条件结尾");
  CHECK(end.offset == 12);
  CHECK(end.length == 0);
  RuleError paren = ParseError("(list.lines > 1 or goods.high_risk");
  CHECK(paren.finding.message_en == "expected ')', found end of condition");
  RuleError trailing = ParseError("list.lines > 1 list.lines");
  CHECK(trailing.finding.message_en ==
        "expected and, or or the end of the condition, found 'list.lines'");
  CHECK(trailing.offset == 15);
  CHECK(ParseError("and goods.high_risk").finding.code == "RULE_SYNTAX");
  CHECK(ParseError("list.lines not 3").finding.message_en == "expected in after not, found '3'");
  CHECK(ParseError(R"(list.lines in [list.lines])").finding.code == "RULE_SYNTAX");
  CHECK(ParseError(R"(list.lines in [])").finding.code == "RULE_SYNTAX");
  CHECK(ParseError(R"(list.lines in [1 2])").finding.code == "RULE_SYNTAX");
  CHECK(ParseError("").finding.code == "RULE_EMPTY");
  CHECK(ParseError("  \n\t ").finding.code == "RULE_EMPTY");
}

TEST_CASE("characters of other languages get hints") {
  RuleError amp = ParseError("goods.high_risk && list.lines > 1");
  CHECK(amp.finding.code == "RULE_BAD_CHARACTER");
  CHECK(amp.finding.message_en == "unexpected character '&&': write `and` to join tests");
  CHECK(amp.offset == 16);
  CHECK(amp.length == 2);
  CHECK(ParseError("goods.high_risk || x").finding.message_en.find("`or`") != std::string::npos);
  CHECK(ParseError("!goods.high_risk").finding.message_en.find("`not`") != std::string::npos);
  CHECK(ParseError("list.lines > -1").finding.code == "RULE_BAD_CHARACTER");
  RuleError curly = ParseError("goods.name contains “面霜”");
  CHECK(curly.finding.code == "RULE_BAD_CHARACTER");
  CHECK(curly.offset == 20);
  CHECK(curly.length == 1);
  CHECK(ParseError("list.lines @ 3").finding.code == "RULE_BAD_CHARACTER");
}

TEST_CASE("strings: both quotes, escapes, Chinese text; bad strings are refused") {
  CHECK(Eval(R"(goods.name contains '面霜')", R"({"goods": [{"name": "保湿面霜 50ml"}]})").truth ==
        Truth::kTrue);
  CHECK(Eval(R"(goods.name = "say \"hi\" \\ ok")", R"({"goods": [{"name": "say \"hi\" \\ ok"}]})")
            .truth == Truth::kTrue);
  CHECK(ParseError(R"(goods.name = "open)").finding.code == "RULE_BAD_STRING");
  CHECK(ParseError("goods.name = \"two\nlines\"").finding.code == "RULE_BAD_STRING");
  CHECK(ParseError(R"(goods.name = "a\nb")").finding.code == "RULE_BAD_STRING");
  CHECK(ParseError("goods.name = \"" + std::string(501, 'x') + "\"").finding.code ==
        "RULE_BAD_STRING");
}

TEST_CASE("keywords in any case; = and == alike") {
  CHECK(Eval("NOT goods.high_risk AND list.lines == 1 Or FALSE",
             R"({"list": {"lines": 1}, "goods": [{"high_risk": false}]})")
            .truth == Truth::kTrue);
  CHECK(Eval("goods.high_risk = true", R"({"goods": [{"high_risk": true}]})").truth ==
        Truth::kTrue);
  CHECK(Eval("true", "{}").truth == Truth::kTrue);
}

TEST_CASE("depth and length limits stop hostile input without deep recursion") {
  std::string ok_depth;
  for (int i = 0; i < kMaxRuleDepth; ++i) ok_depth += "(";
  ok_depth += "goods.high_risk";
  for (int i = 0; i < kMaxRuleDepth; ++i) ok_depth += ")";
  CHECK(Parse(ok_depth).uses_goods());

  RuleError deep = ParseError("(" + ok_depth + ")");
  CHECK(deep.finding.code == "RULE_TOO_DEEP");
  CHECK(deep.offset == kMaxRuleDepth);

  std::string nots;
  for (int i = 0; i < 500; ++i) nots += "not ";
  CHECK(ParseError(nots + "goods.high_risk").finding.code == "RULE_TOO_DEEP");
  std::string even_nots;
  for (int i = 0; i < 32; ++i) even_nots += "not ";
  CHECK(Eval(even_nots + "goods.high_risk", R"({"goods": [{"high_risk": true}]})").truth ==
        Truth::kTrue);

  CHECK(ParseError(std::string(kMaxConditionBytes + 1, ' ')).finding.code == "RULE_TOO_LONG");
  RuleError tokens = ParseError(std::string(kMaxConditionTokens + 1, '('));
  CHECK(tokens.finding.code == "RULE_TOO_LONG");
  CHECK(tokens.finding.message_en.find("tokens") != std::string::npos);
  std::string items = "list.lines in [";
  for (size_t i = 0; i <= kMaxListItems; ++i) items += (i ? "," : "") + std::to_string(i);
  CHECK(ParseError(items + "]").finding.code == "RULE_TOO_LONG");
  // A long flat chain is one node, evaluated without recursion per operand.
  std::string chain;
  for (int i = 0; i < 200; ++i) chain += (i ? " and " : "") + std::string("list.lines > 0");
  CHECK(Eval(chain, R"({"list": {"lines": 2}})").truth == Truth::kTrue);
}

TEST_CASE("three-valued logic: missing values never make a rule fire") {
  const char* empty = "{}";
  CHECK(Eval("list.lines > 1", empty).truth == Truth::kUnknown);
  CHECK(Eval("not (list.lines > 1)", empty).truth == Truth::kUnknown);
  CHECK(Eval("list.lines > 1 and list.hour = 3", R"({"list": {"hour": 4}})").truth ==
        Truth::kFalse);
  CHECK(Eval("list.lines > 1 and list.hour = 3", R"({"list": {"hour": 3}})").truth ==
        Truth::kUnknown);
  CHECK(Eval("list.lines > 1 or list.hour = 3", R"({"list": {"hour": 3}})").truth == Truth::kTrue);
  CHECK(Eval("list.lines > 1 or list.hour = 3", R"({"list": {"hour": 4}})").truth ==
        Truth::kUnknown);
  CHECK(Eval(R"(list.trade_mode not in ["1210"])", empty).truth == Truth::kUnknown);
  CHECK(Eval(R"("X" in list.findings)", empty).truth == Truth::kUnknown);
  CHECK(Eval("list.value_fen > consumer.ytd_fen", R"({"list": {"value_fen": 5}})").truth ==
        Truth::kUnknown);
}

TEST_CASE("comparisons, lists, membership and text tests") {
  const char* ctx = R"({"enterprise": {"grade": "dishonest", "roles": ["ecommerce", "platform"]},
                        "list": {"trade_mode": "1210", "lines": 3, "value_fen": 150000,
                                 "freight_fen": 0, "findings": ["TAX_DECLARED_MISMATCH"]},
                        "consumer": {"ytd_fen": 2500000}})";
  CHECK(Eval(R"(enterprise.grade in ["dishonest", "seriously_dishonest"])", ctx).truth ==
        Truth::kTrue);
  CHECK(Eval(R"(enterprise.grade not in ["dishonest"])", ctx).truth == Truth::kFalse);
  CHECK(Eval(R"("TAX_DECLARED_MISMATCH" in list.findings)", ctx).truth == Truth::kTrue);
  CHECK(Eval(R"(list.findings contains "TAX_DECLARED_MISMATCH")", ctx).truth == Truth::kTrue);
  CHECK(Eval(R"("ORDER_PAYMENT_MISMATCH" not in list.findings)", ctx).truth == Truth::kTrue);
  CHECK(Eval(R"(enterprise.roles contains "payment")", ctx).truth == Truth::kFalse);
  CHECK(Eval(R"(list.value_fen in [1500.00 cny, 100 fen])", ctx).truth == Truth::kTrue);
  CHECK(Eval("list.lines >= 3 and list.lines <= 3 and list.lines != 4", ctx).truth == Truth::kTrue);
  CHECK(Eval("list.freight_fen = 0 fen", ctx).truth == Truth::kTrue);
  CHECK(ParseError("list.value_fen + 1 fen > 2 fen").finding.code == "RULE_BAD_CHARACTER");
}

TEST_CASE("goods lines are bound one at a time and the matching lines are reported") {
  const char* ctx = R"({"goods": [
      {"code10": "3304990099", "name": "面霜", "high_risk": false},
      {"code10": "0402210000", "name": "乳粉", "high_risk": true},
      {"code10": "3304100000", "name": "口红", "high_risk": true}]})";
  ConditionResult r = Eval(R"(goods.code8 startswith "3304" and goods.high_risk)", ctx);
  CHECK(r.truth == Truth::kTrue);
  CHECK(r.lines == std::vector<int>{2});
  ConditionResult none = Eval(R"(goods.code8 startswith "3304" and goods.name = "乳粉")", ctx);
  CHECK(none.truth == Truth::kFalse);
  CHECK(none.lines.empty());
  // goods.code8 comes from goods.code10 when absent.
  CHECK(Eval(R"(goods.code8 = "04022100")", ctx).lines == std::vector<int>{1});
  // No lines: goods.* are unknown.
  CHECK(Eval("goods.high_risk", R"({"goods": []})").truth == Truth::kUnknown);
  CHECK(Eval("goods.high_risk or list.lines = 0", R"({"list": {"lines": 0}})").truth ==
        Truth::kTrue);
}

TEST_CASE("MissingFields names what a rule lacked") {
  Condition c = Parse(R"(consumer.ytd_fen > 20000 cny and goods.high_risk and list.lines > 0)");
  RuleContext ctx = Ctx(R"({"list": {"lines": 2}, "goods": [{"high_risk": true}, {}]})");
  CHECK(EvaluateCondition(c, ctx).truth == Truth::kUnknown);
  CHECK(MissingFields(c, RulesSchema(), ctx) ==
        std::vector<std::string>{"consumer.ytd_fen", "goods.high_risk"});
}

// Random well-typed conditions of bounded depth, from atoms that read known and unknown values.
std::string RandomCondition(Prng& p, int depth) {
  static const char* kAtoms[] = {R"(goods.code8 startswith "3304")",
                                 "goods.high_risk",
                                 "list.value_fen > 2000.00 cny",
                                 R"("X" in list.findings)",
                                 R"(enterprise.grade in ["dishonest", "regular"])",
                                 "consumer.ytd_fen >= 1 fen",
                                 "list.lines != 2",
                                 R"(enterprise.roles contains "platform")",
                                 R"(goods.name contains "霜")",
                                 R"(list.trade_mode not in ["1210"])",
                                 "true"};
  switch (depth > 3 ? 0 : p.Below(4)) {
    case 1:
      return "(" + RandomCondition(p, depth + 1) + " and " + RandomCondition(p, depth + 1) + ")";
    case 2:
      return RandomCondition(p, depth + 1) + " or " + RandomCondition(p, depth + 1);
    case 3:
      return "not " + RandomCondition(p, depth + 1);
    default:
      return kAtoms[p.Below(sizeof(kAtoms) / sizeof(kAtoms[0]))];
  }
}

Truth Not(Truth t) {
  return t == Truth::kUnknown ? t : t == Truth::kTrue ? Truth::kFalse : Truth::kTrue;
}

TEST_CASE("random conditions: Kleene laws hold; mutated and random input never crashes") {
  const RuleContext ctx = Ctx(R"({"enterprise": {"grade": "dishonest", "roles": ["platform"]},
      "list": {"value_fen": 5, "findings": ["X"], "lines": 2},
      "goods": [{"code10": "3304990099", "high_risk": true}, {"name": "面霜"}]})");
  Prng prng(20260520, 99);
  for (int i = 0; i < 1500; ++i) {
    const std::string c = RandomCondition(prng, 0);
    CAPTURE(c);
    const Truth t = EvaluateCondition(Parse(c), ctx).truth;
    const Truth negated = EvaluateCondition(Parse("not (" + c + ")"), ctx).truth;
    // With goods.* the list-level negation is "some line fails", so the law holds per line only.
    if (!Parse(c).uses_goods()) CHECK(negated == Not(t));
    CHECK(EvaluateCondition(Parse("(" + c + ") and (" + c + ")"), ctx).truth == t);
    if (t != Truth::kUnknown && !Parse(c).uses_goods()) {
      CHECK(EvaluateCondition(Parse("(" + c + ") or not (" + c + ")"), ctx).truth == Truth::kTrue);
    }
  }
  // Mutations of valid conditions (a piece dropped, doubled or replaced by a random byte) and
  // raw bytes: each gives a condition or one located error, never a crash.
  for (int i = 0; i < 3000; ++i) {
    std::string text = RandomCondition(prng, 0);
    if (i % 3 == 2) {
      text.clear();
      for (uint64_t k = prng.Below(60); k > 0; --k)
        text.push_back(static_cast<char>(prng.Below(256)));
    } else if (!text.empty()) {
      const size_t at = static_cast<size_t>(prng.Below(text.size()));
      const size_t len = static_cast<size_t>(prng.Below(4));
      if (i % 3 == 0) text.erase(at, len);
      if (i % 3 == 1) text.insert(at, text.substr(at, len) + static_cast<char>(prng.Below(128)));
    }
    ParsedCondition p = ParseCondition(text, RulesSchema());
    if (p.ok()) {
      const ConditionResult r = EvaluateCondition(p.condition, ctx);
      CHECK(r.lines.size() <= ctx.lines.size());
      MissingFields(p.condition, RulesSchema(), ctx);
    } else {
      REQUIRE(p.errors.size() == 1);
      CHECK(p.errors[0].offset >= 0);
      CHECK(p.errors[0].offset + p.errors[0].length <= static_cast<int>(text.size()));
      CHECK_FALSE(p.errors[0].finding.message_zh.empty());
      CHECK_FALSE(p.errors[0].finding.message_en.empty());
    }
  }
}

TEST_CASE("a default-constructed condition is unknown, not true") {
  Condition c;
  CHECK(EvaluateCondition(c, Ctx("{}")).truth == Truth::kUnknown);
  CHECK(c.text().empty());
  CHECK(c.fields().empty());
}

}  // namespace
}  // namespace core
