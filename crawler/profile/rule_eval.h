// Applying site-profile rules to a page or a response body: css (text or attribute), meta,
// json_ld (over the page's JSON-LD objects), json_path (over a JSON body), regex (over the
// visible text, or a given text). Used by extraction and by the checkout runner. Pure (no I/O).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "parse/html_document.h"
#include "parse/structured.h"
#include "profile/rule.h"

namespace crawler {

// What rules read. Every member is optional; a rule whose input is missing yields nothing.
struct RuleInput {
  const HtmlDocument* doc = nullptr;           // css, meta; regex over doc->BodyText()
  const StructuredData* structured = nullptr;  // json_ld
  const core::Json* json = nullptr;            // json_path (a JSON response body)
  // When set, regex rules read this text (a response body) instead of the visible text.
  std::optional<std::string_view> regex_text;
  // The regex text as code points, converted once on first use and shared by all rules.
  mutable std::optional<std::wstring> wide_text;
};

// The first value the rule yields, trimmed; nullopt when it finds nothing or only empty text.
std::optional<std::string> ApplyRule(const Rule& rule, const RuleInput& input);
// Every value the rule yields (css: every matching element; regex: every match; others: at
// most one). Used for listing links.
std::vector<std::string> ApplyRuleAll(const Rule& rule, const RuleInput& input);
// The first rule of the list that yields a value, with its index; nullopt when none does.
struct RuleHit {
  std::string value;
  size_t rule_index = 0;
};
std::optional<RuleHit> ApplyRules(const RuleList& rules, const RuleInput& input);

}  // namespace crawler
