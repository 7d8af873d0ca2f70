// Rule evaluation over documents, JSON-LD objects, JSON bodies and texts. Pure (no I/O).
#include "profile/rule_eval.h"

namespace crawler {
namespace {

std::string Trimmed(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string ElementValue(const Rule& rule, const GumboNode* el) {
  if (rule.attr.empty()) return VisibleText(el);
  auto v = Attr(el, rule.attr);
  return v ? Trimmed(*v) : std::string();
}

const std::wstring& RegexText(const RuleInput& input) {
  if (!input.wide_text) {
    std::string_view text;
    if (input.regex_text) {
      text = *input.regex_text;
    } else if (input.doc != nullptr) {
      text = input.doc->BodyText();
    }
    input.wide_text = WidenUtf8(text);
  }
  return *input.wide_text;
}

// JSON-LD objects to try, Product nodes first (a path like "offers.price" is written relative
// to the product), then every top-level object and @graph member in page order.
std::vector<const core::Json*> JsonLdTargets(const StructuredData& data) {
  std::vector<const core::Json*> all;
  for (const core::Json& obj : data.json_ld) {
    all.push_back(&obj);
    if (!obj.is_object()) continue;
    auto graph = obj.find("@graph");
    if (graph != obj.end() && graph->is_array()) {
      for (const core::Json& g : *graph) all.push_back(&g);
    }
  }
  std::vector<const core::Json*> ordered;
  auto is_product = [](const core::Json* j) {
    if (!j->is_object()) return false;
    auto t = j->find("@type");
    if (t == j->end()) return false;
    if (t->is_string()) return t->get_ref<const std::string&>() == "Product";
    if (t->is_array()) {
      for (const core::Json& e : *t) {
        if (e.is_string() && e.get_ref<const std::string&>() == "Product") return true;
      }
    }
    return false;
  };
  for (const core::Json* j : all) {
    if (is_product(j)) ordered.push_back(j);
  }
  for (const core::Json* j : all) {
    if (!is_product(j)) ordered.push_back(j);
  }
  return ordered;
}

}  // namespace

std::vector<std::string> ApplyRuleAll(const Rule& rule, const RuleInput& input) {
  std::vector<std::string> out;
  auto add = [&](std::string v) {
    v = Trimmed(v);
    if (!v.empty()) out.push_back(std::move(v));
  };
  switch (rule.kind) {
    case Rule::Kind::kCss:
      if (input.doc != nullptr && rule.selector != nullptr) {
        for (const GumboNode* el : rule.selector->All(input.doc->root())) {
          add(ElementValue(rule, el));
        }
      }
      break;
    case Rule::Kind::kMeta:
      if (input.doc != nullptr) {
        if (auto v = input.doc->Meta(rule.expr)) add(std::string(*v));
      }
      break;
    case Rule::Kind::kJsonLd:
      if (input.structured != nullptr && rule.path != nullptr) {
        for (const core::Json* obj : JsonLdTargets(*input.structured)) {
          const core::Json* v = rule.path->Find(*obj);
          if (v == nullptr) continue;
          if (auto text = JsonScalarText(*v); text && !Trimmed(*text).empty()) {
            add(*text);
            break;
          }
        }
      }
      break;
    case Rule::Kind::kJsonPath:
      if (input.json != nullptr && rule.path != nullptr) {
        if (const core::Json* v = rule.path->Find(*input.json)) {
          if (auto text = JsonScalarText(*v)) add(*text);
        }
      }
      break;
    case Rule::Kind::kRegex:
      if (rule.regex != nullptr) {
        for (std::string& v : rule.regex->All(RegexText(input), rule.EffectiveGroup())) {
          add(std::move(v));
        }
      }
      break;
  }
  return out;
}

std::optional<std::string> ApplyRule(const Rule& rule, const RuleInput& input) {
  switch (rule.kind) {
    case Rule::Kind::kCss: {
      if (input.doc == nullptr || rule.selector == nullptr) return std::nullopt;
      // The first match with a non-empty value: shops leave empty placeholders around.
      std::optional<std::string> found;
      rule.selector->ForEach(input.doc->root(), [&](const GumboNode* el) {
        std::string v = Trimmed(ElementValue(rule, el));
        if (v.empty()) return true;
        found = std::move(v);
        return false;
      });
      return found;
    }
    case Rule::Kind::kRegex: {
      if (rule.regex == nullptr) return std::nullopt;
      auto v = rule.regex->First(RegexText(input), rule.EffectiveGroup());
      if (!v) return std::nullopt;
      std::string t = Trimmed(*v);
      if (t.empty()) return std::nullopt;
      return t;
    }
    default: {
      std::vector<std::string> all = ApplyRuleAll(rule, input);
      if (all.empty()) return std::nullopt;
      return std::move(all.front());
    }
  }
}

std::optional<RuleHit> ApplyRules(const RuleList& rules, const RuleInput& input) {
  for (size_t i = 0; i < rules.size(); ++i) {
    if (auto v = ApplyRule(rules[i], input)) return RuleHit{std::move(*v), i};
  }
  return std::nullopt;
}

}  // namespace crawler
