// Routing rules: versioned saves, listing, history, preview, credit grades and the demo set.
#include "service/routing_rules.h"

#include <algorithm>
#include <map>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "core/date.h"
#include "core/rules_api.h"
#include "store/enterprises_repo.h"

namespace server {

namespace {

constexpr size_t kMaxNoteBytes = 1000;
constexpr int64_t kDefaultPreviewLimit = 1000;
constexpr int64_t kMaxPreviewLimit = 10000;

core::Json CurrentJson(const RuleVersionRecord& r) {
  return {{"rule", JsonOrNull(r.rule)}, {"version", r.version},        {"rules_version", r.id},
          {"updated_at", r.created_at}, {"updated_by", r.author_name}, {"note", r.note}};
}

core::StatusOr<std::string> OptionalDate(const core::Json& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::string();
  if (!it->is_string() || !core::Date::Parse(it->get<std::string>()).ok()) {
    return core::InvalidArgumentError(std::string("field '") + key + "' must be YYYY-MM-DD");
  }
  return it->get<std::string>();
}

}  // namespace

core::StatusOr<RuleSaveResult> SaveRule(App& app, Db& db, const Actor& actor,
                                        std::string_view rule_id, core::Json rule,
                                        std::string_view note) {
  if (!rule.is_object()) return core::InvalidArgumentError("field 'rule' must be an object");
  if (note.size() > kMaxNoteBytes) {
    return core::InvalidArgumentError("field 'note' is longer than 1000 bytes");
  }
  if (!rule.contains("id")) rule["id"] = std::string(rule_id);
  if (!rule["id"].is_string() || rule["id"].get<std::string>() != rule_id) {
    return core::InvalidArgumentError("field 'rule.id' must be the rule id of the path ('" +
                                      std::string(rule_id) + "')");
  }
  std::shared_ptr<const ReferenceData> ref = app.reference();
  const std::string verdict_text =
      core::ValidateRuleJson(core::DumpJson(core::Json{{"rule", rule}}), ref->policy);
  CORE_ASSIGN_OR_RETURN(core::Json verdict, CoreResult(verdict_text));
  RuleSaveResult out;
  if (!verdict.contains("ok") || verdict["ok"] != true || !verdict["rule"].is_object()) {
    out.invalid = std::move(verdict);
    return out;
  }
  CORE_ASSIGN_OR_RETURN(std::vector<RuleVersionRecord> history, RuleHistory(db, rule_id));
  RuleVersionRecord& r = out.saved;
  r.rule_id = std::string(rule_id);
  r.version = history.empty() ? 1 : history.back().version + 1;
  r.rule = core::DumpJson(verdict["rule"]);
  r.note = std::string(note);
  r.author_id = actor.user_id;
  r.author_name = actor.name;
  r.created_at = FormatUtcIso(app.Now());
  CORE_ASSIGN_OR_RETURN(r.id, InsertRuleVersion(db, r));
  out.created = history.empty();
  core::Json detail = {
      {"version", r.version}, {"rules_version", r.id}, {"note", r.note}, {"rule", verdict["rule"]}};
  if (!history.empty()) detail["previous"] = JsonOrNull(history.back().rule);
  CORE_RETURN_IF_ERROR(
      AppendAudit(db, actor, "routing_rule.save", "routing_rule", rule_id, detail, app.Now()));
  return out;
}

core::StatusOr<core::Json> ListRulesJson(App& app, Db& db) {
  CORE_ASSIGN_OR_RETURN(int64_t version, CurrentRulesVersion(db));
  CORE_ASSIGN_OR_RETURN(std::vector<RuleVersionRecord> rules, RulesAt(db, version));
  std::shared_ptr<const ReferenceData> ref = app.reference();
  CORE_ASSIGN_OR_RETURN(std::shared_ptr<const CompiledRules> compiled,
                        app.rule_cache().Get(db, version, ref->policy));
  core::Json items = core::Json::array();
  for (const RuleVersionRecord& r : rules) {
    core::Json j = CurrentJson(r);
    j["valid"] = std::find(compiled->broken.begin(), compiled->broken.end(), r.rule_id) ==
                 compiled->broken.end();
    items.push_back(std::move(j));
  }
  return core::Json{{"rules_version", version}, {"rules", std::move(items)}};
}

core::StatusOr<core::Json> RuleJson(Db& db, std::string_view rule_id) {
  CORE_ASSIGN_OR_RETURN(std::vector<RuleVersionRecord> history, RuleHistory(db, rule_id));
  if (history.empty()) return core::NotFoundError("no routing rule '" + std::string(rule_id) + "'");
  core::Json out = CurrentJson(history.back());
  core::Json versions = core::Json::array();
  for (auto it = history.rbegin(); it != history.rend(); ++it) versions.push_back(CurrentJson(*it));
  out["history"] = std::move(versions);
  return out;
}

core::StatusOr<PreviewResult> PreviewRule(App& app, Db& db, const core::Json& body) {
  auto rule = body.find("rule");
  if (rule == body.end() || !rule->is_object()) {
    return core::InvalidArgumentError("field 'rule' is required and must be an object");
  }
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() != "rule" && it.key() != "from" && it.key() != "to" && it.key() != "limit") {
      return core::InvalidArgumentError("unknown field '" + it.key() + "'");
    }
  }
  CORE_ASSIGN_OR_RETURN(std::string from, OptionalDate(body, "from"));
  CORE_ASSIGN_OR_RETURN(std::string to, OptionalDate(body, "to"));
  int64_t limit = kDefaultPreviewLimit;
  if (auto it = body.find("limit"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<int64_t>() < 1 ||
        it->get<int64_t>() > kMaxPreviewLimit) {
      return core::InvalidArgumentError("field 'limit' must be an integer 1..10000");
    }
    limit = it->get<int64_t>();
  }
  CORE_ASSIGN_OR_RETURN(std::vector<StoredContext> stored, StoredContexts(db, from, to, limit));
  core::Json lists = core::Json::array();
  std::map<std::string, const StoredContext*> by_id;
  for (const StoredContext& c : stored) {
    const std::string id = std::to_string(c.declaration_id);
    by_id[id] = &c;
    lists.push_back({{"id", id}, {"date", c.decision_date}, {"context", JsonOrNull(c.context)}});
  }
  std::shared_ptr<const ReferenceData> ref = app.reference();
  const std::string text = core::PreviewRuleJson(
      core::DumpJson(core::Json{{"rule", *rule}, {"lists", std::move(lists)}}), ref->policy);
  CORE_ASSIGN_OR_RETURN(core::Json result, CoreResult(text));
  PreviewResult out;
  if (!result.contains("ok") || result["ok"] != true) {
    out.invalid = std::move(result);
    return out;
  }
  core::Json detail = core::Json::array();
  for (const core::Json& r : result["results"]) {
    if (!r.contains("result") || r["result"] != "true" || !r["id"].is_string()) continue;
    auto it = by_id.find(r["id"].get<std::string>());
    if (it == by_id.end()) continue;
    detail.push_back({{"declaration_id", it->second->declaration_id},
                      {"invt_no", it->second->invt_no},
                      {"decl_date", it->second->decl_date},
                      {"lines", r["lines"]}});
  }
  result["scanned"] = stored.size();
  result["hits_detail"] = std::move(detail);
  out.result = std::move(result);
  return out;
}

core::StatusOr<CreditRecord> SetEnterpriseCredit(App& app, Db& db, const Actor& actor,
                                                 int64_t enterprise_id, const core::Json& body) {
  CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> e, FindEnterprise(db, enterprise_id));
  if (!e) return core::NotFoundError("no enterprise " + std::to_string(enterprise_id));
  std::shared_ptr<const ReferenceData> ref = app.reference();
  CreditRecord c;
  c.enterprise_id = enterprise_id;
  auto grade = body.find("grade");
  if (grade == body.end() || !grade->is_string()) {
    return core::InvalidArgumentError("field 'grade' is required (a grade id of the policy)");
  }
  c.grade = grade->get<std::string>();
  bool known = false;
  for (const core::GradeScale& s : ref->policy.grade_scales) {
    for (const core::Grade& g : s.grades) known = known || g.id == c.grade;
  }
  if (!known) return core::InvalidArgumentError("field 'grade': unknown grade '" + c.grade + "'");
  auto risk = body.find("risk_level");
  c.risk_level = risk != body.end() && risk->is_string() ? risk->get<std::string>() : "";
  if (c.risk_level != "low" && c.risk_level != "medium" && c.risk_level != "high") {
    return core::InvalidArgumentError("field 'risk_level' must be low, medium or high");
  }
  if (auto score = body.find("risk_score"); score != body.end() && !score->is_null()) {
    if (!score->is_number_integer() || score->get<int64_t>() < 0 || score->get<int64_t>() > 1000) {
      return core::InvalidArgumentError("field 'risk_score' must be an integer 0..1000");
    }
    c.risk_score = score->get<int64_t>();
  }
  c.updated_by = actor.name;
  c.updated_at = FormatUtcIso(app.Now());
  CORE_RETURN_IF_ERROR(PutCredit(db, c));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "enterprise.credit", "enterprise",
                                   std::to_string(enterprise_id), CreditJson(c), app.Now()));
  return c;
}

core::Status SeedDemoRouting(App& app, Db& db, const Actor& actor,
                             const std::map<std::string, int64_t>& enterprise_ids) {
  struct Spec {
    const char* id;
    const char* name;
    const char* condition;
    const char* action;
    int priority;
    bool enabled;
    const char* zh;
    const char* en;
  };
  static const Spec kSpecs[] = {
      {"high-risk-goods", "高风险商品布控查验 / High-risk goods inspected", "goods.high_risk",
       "inspect", 500, true, "高风险类别商品，布控查验", "High-risk goods category: inspection"},
      {"dishonest-grade", "失信企业布控查验 / Dishonest enterprises inspected",
       "enterprise.grade in [\"dishonest\", \"seriously_dishonest\"]", "inspect", 800, true,
       "失信企业申报，布控查验", "Declared by a dishonest enterprise: inspection"},
      // A declared tax that differs from the computed one is already an error (rejected before
      // routing); a price below the filed normal price with no promotion is the warning that
      // suggests an under-declared value.
      {"price-below-filed", "低于备案价格验估 / Priced below the filed price: valuation",
       "\"PRICE_BELOW_FILED_NO_PROMOTION\" in list.findings", "valuation", 600, true,
       "申报价格低于备案正常价格且无促销报备，验估",
       "Declared below the filed normal price with no promotion filed: valuation"},
      {"new-consumer-large", "新消费者大额订单人工审核 / Large first purchase reviewed",
       "list.value_fen >= 3000.00 cny and consumer.lists_30d = 0 and consumer.ytd_fen = 0 fen",
       "manual_review", 300, false, "新消费者首次大额购买，人工审核",
       "A new consumer's large first purchase: manual review"},
  };
  const std::string from = app.Today().AddDays(-365).ToIso();
  for (const Spec& s : kSpecs) {
    core::Json rule = {{"id", s.id},          {"name", s.name},         {"condition", s.condition},
                       {"action", s.action},  {"priority", s.priority}, {"valid_from", from},
                       {"valid_to", nullptr}, {"enabled", s.enabled},   {"reason_zh", s.zh},
                       {"reason_en", s.en}};
    CORE_ASSIGN_OR_RETURN(RuleSaveResult saved,
                          SaveRule(app, db, actor, s.id, std::move(rule), "demo rule set"));
    if (saved.invalid) {
      return core::InternalError(std::string("demo rule ") + s.id +
                                 " is invalid: " + core::DumpJson(*saved.invalid));
    }
  }
  app.rule_cache().Invalidate();
  const core::Json credits[] = {
      {{"key", "hnby"}, {"grade", "certified"}, {"risk_level", "low"}, {"risk_score", 120}},
      {{"key", "zzpay"}, {"grade", "regular"}, {"risk_level", "low"}, {"risk_score", 200}},
      {{"key", "ztlog"},
       {"grade", "advanced_certified"},
       {"risk_level", "low"},
       {"risk_score", 80}},
      {{"key", "jpbeauty"}, {"grade", "regular"}, {"risk_level", "medium"}, {"risk_score", 430}},
  };
  for (const core::Json& c : credits) {
    auto it = enterprise_ids.find(c["key"].get<std::string>());
    if (it == enterprise_ids.end()) continue;
    CORE_RETURN_IF_ERROR(SetEnterpriseCredit(app, db, actor, it->second, c).status());
  }
  return core::OkStatus();
}

}  // namespace server
