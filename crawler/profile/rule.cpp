// Rule parsing, validation, compilation and serialisation. Pure (no I/O).
#include "profile/rule.h"

#include <array>

namespace crawler {
namespace {

using core::Json;

constexpr std::array<std::string_view, 5> kSelectorKeys = {"css", "json_ld", "json_path", "regex",
                                                           "meta"};

std::string_view KindKey(Rule::Kind kind) { return kSelectorKeys[static_cast<size_t>(kind)]; }

}  // namespace

int Rule::EffectiveGroup() const {
  if (group) return *group;
  return regex != nullptr && regex->mark_count() > 0 ? 1 : 0;
}

core::StatusOr<std::shared_ptr<const TextRegex>> CompileRegex(const std::string& pattern) {
  CORE_ASSIGN_OR_RETURN(TextRegex regex, TextRegex::Compile(pattern));
  return std::make_shared<const TextRegex>(std::move(regex));
}

core::StatusOr<Rule> ParseRule(const Json& json, std::string_view where) {
  const std::string at(where);
  if (!json.is_object()) return core::InvalidArgumentError(at + ": a rule must be an object");
  Rule rule;
  int selectors = 0;
  for (auto it = json.begin(); it != json.end(); ++it) {
    const std::string& key = it.key();
    bool is_selector = false;
    for (size_t k = 0; k < kSelectorKeys.size(); ++k) {
      if (key == kSelectorKeys[k]) {
        is_selector = true;
        rule.kind = static_cast<Rule::Kind>(k);
      }
    }
    if (is_selector) {
      ++selectors;
      if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
        return core::InvalidArgumentError(at + "." + key + ": must be a non-empty string");
      }
      rule.expr = it->get_ref<const std::string&>();
    } else if (key == "attr") {
      if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
        return core::InvalidArgumentError(at + ".attr: must be a non-empty string");
      }
      rule.attr = it->get_ref<const std::string&>();
    } else if (key == "group") {
      if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > 99) {
        return core::InvalidArgumentError(at + ".group: must be an integer from 0 to 99");
      }
      rule.group = static_cast<int>(it->get<int64_t>());
    } else {
      return core::InvalidArgumentError(at + "." + key + ": unknown key");
    }
  }
  if (selectors != 1) {
    return core::InvalidArgumentError(
        at + ": a rule needs exactly one of css, json_ld, json_path, regex, meta");
  }
  const std::string expr_at = at + "." + std::string(KindKey(rule.kind));
  if (!rule.attr.empty() && rule.kind != Rule::Kind::kCss) {
    return core::InvalidArgumentError(at + ".attr: only for css rules");
  }
  if (rule.group && rule.kind != Rule::Kind::kRegex) {
    return core::InvalidArgumentError(at + ".group: only for regex rules");
  }
  switch (rule.kind) {
    case Rule::Kind::kCss: {
      auto sel = Selector::Parse(rule.expr);
      if (!sel.ok()) return core::InvalidArgumentError(expr_at + ": " + sel.status().message());
      rule.selector = std::make_shared<const Selector>(std::move(sel).value());
      break;
    }
    case Rule::Kind::kJsonLd:
    case Rule::Kind::kJsonPath: {
      auto path = JsonPath::Parse(rule.expr);
      if (!path.ok()) return core::InvalidArgumentError(expr_at + ": " + path.status().message());
      rule.path = std::make_shared<const JsonPath>(std::move(path).value());
      break;
    }
    case Rule::Kind::kRegex: {
      auto re = CompileRegex(rule.expr);
      if (!re.ok()) return core::InvalidArgumentError(expr_at + ": " + re.status().message());
      rule.regex = std::move(re).value();
      if (rule.group && static_cast<size_t>(*rule.group) > rule.regex->mark_count()) {
        return core::InvalidArgumentError(at + ".group: the pattern has " +
                                          std::to_string(rule.regex->mark_count()) + " groups");
      }
      break;
    }
    case Rule::Kind::kMeta:
      break;
  }
  return rule;
}

core::StatusOr<RuleList> ParseRuleList(const Json& json, std::string_view where) {
  RuleList rules;
  if (json.is_object()) {
    CORE_ASSIGN_OR_RETURN(Rule rule, ParseRule(json, where));
    rules.push_back(std::move(rule));
    return rules;
  }
  if (!json.is_array()) {
    return core::InvalidArgumentError(std::string(where) + ": must be a list of rules");
  }
  for (size_t i = 0; i < json.size(); ++i) {
    CORE_ASSIGN_OR_RETURN(Rule rule,
                          ParseRule(json[i], std::string(where) + "[" + std::to_string(i) + "]"));
    rules.push_back(std::move(rule));
  }
  return rules;
}

Json RuleToJson(const Rule& rule) {
  Json j = Json::object();
  j[std::string(KindKey(rule.kind))] = rule.expr;
  if (!rule.attr.empty()) j["attr"] = rule.attr;
  if (rule.group) j["group"] = *rule.group;
  return j;
}

Json RuleListToJson(const RuleList& rules) {
  Json j = Json::array();
  for (const Rule& r : rules) j.push_back(RuleToJson(r));
  return j;
}

}  // namespace crawler
