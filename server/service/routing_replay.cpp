// A declaration's stored routing and its replay: the core's RouteJson re-run over the stored
// context, seed, date, rule-set version and policy version, compared byte for byte.
#include <memory>

#include "common/json_text.h"
#include "core/rules_api.h"
#include "service/routing.h"
#include "service/routing_rule_cache.h"
#include "store/queues_repo.h"
#include "store/risk_repo.h"
#include "store/routing_repo.h"

namespace server {

namespace {

core::StatusOr<core::Policy> PolicyOfVersion(App& app, Db& db, const std::string& version) {
  std::shared_ptr<const ReferenceData> ref = app.reference();
  if (ref->policy.version == version) return ref->policy;
  CORE_ASSIGN_OR_RETURN(std::optional<std::string> doc, PolicyDocumentByVersion(db, version));
  if (!doc) return core::InternalError("policy version " + version + " is not stored");
  return ParsePolicyDocument(JsonOrNull(*doc));
}

core::StatusOr<core::Json> QueueJsonOf(Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(std::optional<QueueEntry> q, FindQueueEntry(db, declaration_id));
  if (!q) return core::Json();
  return core::Json{{"queue", q->queue},
                    {"entered_at", q->entered_at},
                    {"reasons", q->reasons},
                    {"detail", q->detail}};
}

}  // namespace

core::StatusOr<core::Json> DeclarationRoutingJson(App& app, Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(std::optional<RoutingRecord> r, LatestRouting(db, declaration_id));
  if (!r) {
    return core::NotFoundError("declaration " + std::to_string(declaration_id) +
                               " has not been routed");
  }
  core::Json out = core::Json::object();
  out["routing"] = {{"id", r->id},
                    {"at", r->at},
                    {"decision_date", r->decision_date},
                    {"decl_date", r->decl_date},
                    {"rules_version", r->rules_version},
                    {"policy_version", r->policy_version},
                    {"seed", r->seed},
                    {"action", r->action},
                    {"status", r->status}};
  out["decision"] = r->decision ? JsonOrNull(*r->decision) : core::Json();
  out["context"] = JsonOrNull(r->context);
  CORE_ASSIGN_OR_RETURN(out["arrival_hits"], ArrivalHitsJson(db, r->id));
  CORE_ASSIGN_OR_RETURN(core::Policy policy, PolicyOfVersion(app, db, r->policy_version));
  CORE_ASSIGN_OR_RETURN(std::shared_ptr<const CompiledRules> rules,
                        CompileRulesAt(db, r->rules_version, policy));
  out["rules"] = rules->rules_json;
  if (r->decision) {
    core::Json request = {{"date", r->decision_date},
                          {"seed", r->seed},
                          {"rules", rules->rules_json},
                          {"context", out["context"]}};
    if (r->rule_history) request["rule_history"] = JsonOrNull(*r->rule_history);
    out["rule_history"] = request.contains("rule_history") ? request["rule_history"] : nullptr;
    const std::string replay = core::RouteJson(core::DumpJson(request), policy);
    out["replay"] = {{"matches", replay == *r->decision}, {"decision", JsonOrNull(replay)}};
  } else {
    out["replay"] = nullptr;  // rejected by the checks before routing: nothing to replay
  }
  CORE_ASSIGN_OR_RETURN(out["queue"], QueueJsonOf(db, declaration_id));
  CORE_ASSIGN_OR_RETURN(std::optional<AssignmentRecord> a, LatestAssignment(db, declaration_id));
  out["assignment"] = a ? AssignmentJson(*a) : core::Json();
  CORE_ASSIGN_OR_RETURN(std::vector<OutcomeRecord> outcomes, ListOutcomes(db, declaration_id));
  core::Json history = core::Json::array();
  for (const OutcomeRecord& o : outcomes) history.push_back(OutcomeJson(o));
  out["outcomes"] = std::move(history);
  CORE_ASSIGN_OR_RETURN(std::vector<SupplementaryBill> bills,
                        ListSupplementaryBills(db, declaration_id));
  core::Json supplementary = core::Json::array();
  for (const SupplementaryBill& b : bills) supplementary.push_back(SupplementaryBillJson(b));
  out["supplementary_tax_bills"] = std::move(supplementary);
  return out;
}

}  // namespace server
