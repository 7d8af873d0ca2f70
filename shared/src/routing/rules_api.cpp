// JSON entry points of rule validation, preview and routing. Pure.
#include "core/rules_api.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "api/field_reader.h"
#include "core/routing.h"
#include "core/rules.h"
#include "internal/api_common.h"

namespace core {
namespace {

using internal::FieldError;
using internal::IndexPath;
using internal::Member;
using internal::Respond;

constexpr size_t kMaxRules = 1000;
constexpr size_t kMaxPreviewLists = 10000;

Json ValidationJson(const ParsedRule& parsed) {
  Json out = Json::object();
  out["ok"] = parsed.errors.empty();
  out["outcome"] = parsed.errors.empty() ? "valid" : "invalid";
  Json errors = Json::array();
  for (const RuleError& e : parsed.errors) errors.push_back(RuleErrorToJson(e));
  out["errors"] = std::move(errors);
  out["rule"] = parsed.rule ? RuleToJson(*parsed.rule) : Json(nullptr);
  out["fields"] = parsed.rule ? Json(parsed.rule->condition.fields()) : Json::array();
  out["uses_goods"] = parsed.rule && parsed.rule->condition.uses_goods();
  return out;
}

StatusOr<const Json*> RuleMember(const Json& doc) {
  const Json* rule = Member(doc, "rule");
  if (rule == nullptr) return FieldError("rule", "is required");
  return rule;
}

StatusOr<std::string> ValidateImpl(std::string_view request, const Policy& policy) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_RETURN_IF_ERROR(internal::RejectUnknownKeys(doc, {"rule"}, ""));
  CORE_ASSIGN_OR_RETURN(const Json* rule, RuleMember(doc));
  return DumpJson(ValidationJson(RuleFromJson(*rule, RuleSchema::Default(policy))));
}

StatusOr<std::vector<Rule>> ReadRules(const Json& doc, const RuleSchema& schema) {
  const Json* arr = Member(doc, "rules");
  if (arr == nullptr || !arr->is_array()) return FieldError("rules", "must be an array of rules");
  if (arr->size() > kMaxRules) {
    return FieldError("rules", "has more than " + std::to_string(kMaxRules) + " rules");
  }
  std::vector<Rule> rules;
  std::set<std::string> ids;
  for (size_t i = 0; i < arr->size(); ++i) {
    ParsedRule parsed = RuleFromJson((*arr)[i], schema);
    if (!parsed.rule) {
      const Finding& f = parsed.errors.front().finding;
      return FieldError(IndexPath("rules", i),
                        "is not a valid rule: " + f.field + ": " + f.message_en);
    }
    if (!ids.insert(parsed.rule->id).second) {
      return FieldError(IndexPath("rules", i), "repeats the rule id '" + parsed.rule->id + "'");
    }
    rules.push_back(std::move(*parsed.rule));
  }
  return rules;
}

// {"<rule id>": {"inspected", "mismatches"}}: the adaptive rules' records (absent: none).
StatusOr<RuleTrackRecords> ReadTrackRecords(const Json& doc) {
  RuleTrackRecords records;
  const Json* j = Member(doc, "rule_history");
  if (j == nullptr || j->is_null()) return records;
  if (!j->is_object()) {
    return FieldError("rule_history", "must be an object {rule id: {inspected, mismatches}}");
  }
  if (j->size() > kMaxRules) {
    return FieldError("rule_history", "has more than " + std::to_string(kMaxRules) + " rules");
  }
  for (auto it = j->begin(); it != j->end(); ++it) {
    const std::string path = internal::FieldPath("rule_history", it.key());
    CORE_RETURN_IF_ERROR(internal::ExpectObject(it.value(), path));
    CORE_RETURN_IF_ERROR(
        internal::RejectUnknownKeys(it.value(), {"inspected", "mismatches"}, path));
    constexpr int64_t kMaxCount = 1'000'000'000;
    CORE_ASSIGN_OR_RETURN(auto inspected,
                          internal::ReadInt(it.value(), "inspected", path, 0, kMaxCount, true));
    CORE_ASSIGN_OR_RETURN(auto mismatches,
                          internal::ReadInt(it.value(), "mismatches", path, 0, kMaxCount, true));
    if (*mismatches > *inspected) {
      return FieldError(internal::FieldPath(path, "mismatches"), "must not exceed inspected");
    }
    records[it.key()] = RuleTrackRecord{*inspected, *mismatches};
  }
  return records;
}

StatusOr<std::string> RouteImpl(std::string_view request, const Policy& policy) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_RETURN_IF_ERROR(
      internal::RejectUnknownKeys(doc, {"context", "date", "rule_history", "rules", "seed"}, ""));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date, internal::ReadDate(doc, "date", "", true));
  CORE_ASSIGN_OR_RETURN(uint64_t seed, internal::ReadSeed(doc));
  const RuleSchema schema = RuleSchema::Default(policy);
  CORE_ASSIGN_OR_RETURN(std::vector<Rule> rules, ReadRules(doc, schema));
  const Json* ctx = Member(doc, "context");
  if (ctx == nullptr) return FieldError("context", "is required");
  CORE_ASSIGN_OR_RETURN(RuleContext context, RuleContextFromJson(*ctx, schema, "context"));
  CORE_ASSIGN_OR_RETURN(RuleTrackRecords records, ReadTrackRecords(doc));
  return DumpJson(RouteDecisionToJson(Route(rules, schema, context, *date, seed, policy, records)));
}

StatusOr<std::string> PreviewImpl(std::string_view request, const Policy& policy) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_RETURN_IF_ERROR(internal::RejectUnknownKeys(doc, {"lists", "rule"}, ""));
  CORE_ASSIGN_OR_RETURN(const Json* rule_json, RuleMember(doc));
  const RuleSchema schema = RuleSchema::Default(policy);
  const Json* lists = Member(doc, "lists");
  if (lists == nullptr || !lists->is_array()) {
    return FieldError("lists", "must be an array of {id, context}");
  }
  if (lists->size() > kMaxPreviewLists) {
    return FieldError("lists", "has more than " + std::to_string(kMaxPreviewLists) + " lists");
  }
  // Read every list first: a malformed list refuses the request even when the rule is invalid.
  struct Item {
    std::string id;
    std::optional<Date> date;
    RuleContext context;
  };
  std::vector<Item> items;
  for (size_t i = 0; i < lists->size(); ++i) {
    const std::string path = IndexPath("lists", i);
    const Json& l = (*lists)[i];
    CORE_RETURN_IF_ERROR(internal::ExpectObject(l, path));
    CORE_RETURN_IF_ERROR(internal::RejectUnknownKeys(l, {"context", "date", "id"}, path));
    Item item;
    CORE_ASSIGN_OR_RETURN(item.id, internal::ReadString(l, "id", path, 64, true));
    CORE_ASSIGN_OR_RETURN(item.date, internal::ReadDate(l, "date", path, false));
    const Json* ctx = Member(l, "context");
    if (ctx == nullptr) return FieldError(internal::FieldPath(path, "context"), "is required");
    CORE_ASSIGN_OR_RETURN(item.context,
                          RuleContextFromJson(*ctx, schema, internal::FieldPath(path, "context")));
    items.push_back(std::move(item));
  }
  ParsedRule parsed = RuleFromJson(*rule_json, schema);
  if (!parsed.rule) return DumpJson(ValidationJson(parsed));
  const Rule& rule = *parsed.rule;

  Json out = Json::object();
  Json hits = Json::array();
  Json results = Json::array();
  int matched = 0;
  int unknown = 0;
  for (const Item& item : items) {
    const ConditionResult r = EvaluateCondition(rule.condition, item.context);
    Json res = Json::object();
    res["id"] = item.id;
    res["result"] = std::string(TruthName(r.truth));
    res["lines"] = r.lines;
    res["missing"] = r.truth == Truth::kUnknown
                         ? Json(MissingFields(rule.condition, schema, item.context))
                         : Json::array();
    res["in_validity"] = item.date ? Json(rule.ValidOn(*item.date)) : Json(nullptr);
    results.push_back(std::move(res));
    if (r.truth == Truth::kTrue) {
      ++matched;
      hits.push_back(item.id);
    }
    if (r.truth == Truth::kUnknown) ++unknown;
  }
  out["ok"] = true;
  out["outcome"] = matched > 0 ? "hits" : "no_hits";
  out["rule_id"] = rule.id;
  out["action"] = std::string(RuleActionName(rule.action));
  out["total"] = items.size();
  out["matched"] = matched;
  out["unknown"] = unknown;
  out["hits"] = std::move(hits);
  out["results"] = std::move(results);
  out["errors"] = Json::array();
  return DumpJson(out);
}

}  // namespace

std::string ValidateRuleJson(std::string_view request, const Policy& policy) {
  return Respond(ValidateImpl(request, policy));
}

std::string RouteJson(std::string_view request, const Policy& policy) {
  return Respond(RouteImpl(request, policy));
}

std::string PreviewRuleJson(std::string_view request, const Policy& policy) {
  return Respond(PreviewImpl(request, policy));
}

std::string RuleSchemaJson(const Policy& policy) {
  return DumpJson(RuleSchemaToJson(RuleSchema::Default(policy)));
}

}  // namespace core
