// A site-profile rule ({"css": ..., "attr": ...}, {"json_ld": ...}, {"json_path": ...},
// {"regex": ..., "group": n}, {"meta": ...}) parsed and compiled once, and back to JSON.
// Pure (no I/O).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "parse/json_path.h"
#include "parse/selector.h"
#include "profile/text_regex.h"

namespace crawler {

struct Rule {
  enum class Kind { kCss, kJsonLd, kJsonPath, kRegex, kMeta };
  Kind kind = Kind::kCss;
  std::string expr;          // the selector, path, pattern or meta name as written
  std::string attr;          // css: the attribute to read; "" reads the text
  std::optional<int> group;  // regex: the capture group as written (default: 1, or 0 without)
  // Compiled once per profile; shared so that copies of a profile stay cheap.
  std::shared_ptr<const Selector> selector;  // kCss
  std::shared_ptr<const JsonPath> path;      // kJsonLd, kJsonPath
  std::shared_ptr<const TextRegex> regex;    // kRegex (ECMAScript, over code points)

  // The capture group a regex match yields.
  int EffectiveGroup() const;
};
using RuleList = std::vector<Rule>;

// Compiles an ECMAScript regex (see TextRegex). InvalidArgument("bad regex: ...").
core::StatusOr<std::shared_ptr<const TextRegex>> CompileRegex(const std::string& pattern);

// Parses one rule object. Errors are InvalidArgument prefixed with `where` (the JSON path of
// the rule, "fields.price[1]"): "fields.price[1].css: unexpected ']' at 7", "...: a rule needs
// exactly one of css, json_ld, json_path, regex, meta", unknown keys, attr outside css, group
// outside regex or beyond the pattern's groups.
core::StatusOr<Rule> ParseRule(const core::Json& json, std::string_view where);
// A list of rules, or one rule object standing for a list of one. Same errors, with the index
// in `where` ("fields.price[1]").
core::StatusOr<RuleList> ParseRuleList(const core::Json& json, std::string_view where);

core::Json RuleToJson(const Rule& rule);
core::Json RuleListToJson(const RuleList& rules);

}  // namespace crawler
