// Risk runs: every input read from the store once, the core's models, the hits stored as the
// core gave them.
#include "service/risk_runs.h"

#include <map>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "service/learned_scores.h"

namespace server {

core::StatusOr<RiskRunRequest> ReadRiskRunRequest(App& app, const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  RiskRunRequest r;
  r.as_of = app.Today();
  if (auto it = body.find("thresholds"); it != body.end() && !it->is_null()) {
    core::StatusOr<core::RiskThresholds> t = core::RiskThresholdsFromJson(*it);
    if (!t.ok()) return core::InvalidArgumentError(t.status().message());
    r.thresholds = *t;
  }
  if (auto it = body.find("as_of"); it != body.end() && !it->is_null()) {
    core::StatusOr<core::Date> d = it->is_string() ? core::Date::Parse(it->get<std::string>())
                                                   : core::InvalidArgumentError("not text");
    if (!d.ok()) return core::InvalidArgumentError("field 'as_of' must be a date (YYYY-MM-DD)");
    r.as_of = *d;
  }
  return r;
}

core::Json RiskRunRequestJson(const RiskRunRequest& r) {
  return {{"thresholds", core::RiskThresholdsToJson(r.thresholds)}, {"as_of", r.as_of.ToIso()}};
}

core::StatusOr<core::Json> StoreRiskRun(App& app, Db& db, const Actor& actor,
                                        const RiskRunRequest& request, const core::RiskData& data,
                                        const std::vector<core::RiskHit>& hits) {
  const int64_t now = app.Now();
  RiskRunRecord run;
  run.thresholds = core::DumpJson(core::RiskThresholdsToJson(request.thresholds));
  run.as_of = data.as_of.ToIso();
  run.declarations = static_cast<int64_t>(data.declarations.size());
  run.hits = static_cast<int64_t>(hits.size());
  run.started_by = actor.user_id;
  run.started_by_name = actor.name;
  run.started_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(run.id, InsertRiskRun(db, run));
  core::Json by_model = core::Json::object();
  for (const core::RiskModelInfo& m : core::RiskModels()) by_model[m.id] = 0;
  for (const core::RiskHit& h : hits) {
    CORE_RETURN_IF_ERROR(InsertRiskHit(db, run.id, h));
    by_model[h.model] = by_model[h.model].get<int64_t>() + 1;
  }
  // The newest learned model scores every list beside the hits (none trained yet: none).
  CORE_ASSIGN_OR_RETURN(core::Json learned, ScoreRunWithNewestModel(db, run.id, data, hits));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "risk.run", "risk_run", std::to_string(run.id),
                                   {{"declarations", run.declarations}, {"hits", run.hits}}, now));
  const core::Json inputs = {{"declarations", data.declarations.size()},
                             {"observations", data.observations.size()},
                             {"mystery_orders", data.mystery_orders.size()},
                             {"promotions", data.promotions.size()},
                             {"stocktakes", data.stocktakes.size()},
                             {"gate_passes", data.gate_passes.size()},
                             {"vehicles", data.vehicles.size()},
                             {"inspections", data.inspections.size()}};
  return core::Json{
      {"run", RiskRunJson(run)}, {"by_model", by_model}, {"inputs", inputs}, {"learned", learned}};
}

core::StatusOr<core::Json> RunRiskModelsOverStore(App& app, Db& db, const Actor& actor,
                                                  const core::Json& body) {
  CORE_ASSIGN_OR_RETURN(RiskRunRequest request, ReadRiskRunRequest(app, body));
  CORE_ASSIGN_OR_RETURN(core::RiskData data, LoadRiskData(db, request.as_of));
  const std::vector<core::RiskHit> hits = core::RunRiskModels(data, request.thresholds);
  return StoreRiskRun(app, db, actor, request, data, hits);
}

core::Json RiskModelsJson() {
  core::Json models = core::Json::array();
  for (const core::RiskModelInfo& m : core::RiskModels()) {
    models.push_back(core::RiskModelInfoToJson(m));
  }
  return {{"models", models},
          {"default_thresholds", core::RiskThresholdsToJson(core::RiskThresholds{})}};
}

core::StatusOr<core::Json> RecentRiskRuns(Db& db) {
  CORE_ASSIGN_OR_RETURN(std::vector<RiskRunRecord> runs, ListRiskRuns(db, 50));
  core::Json items = core::Json::array();
  for (const RiskRunRecord& r : runs) {
    CORE_ASSIGN_OR_RETURN(auto counts, CountRiskHitsByModel(db, r.id));
    core::Json by_model = core::Json::object();
    for (const core::RiskModelInfo& m : core::RiskModels()) {
      auto it = counts.find(m.id);
      by_model[m.id] = it == counts.end() ? 0 : it->second;
    }
    items.push_back({{"run", RiskRunJson(r)}, {"by_model", std::move(by_model)}});
  }
  return core::Json{{"items", std::move(items)}};
}

core::StatusOr<core::Json> RiskRunHits(Db& db, int64_t id, const std::string& model) {
  CORE_ASSIGN_OR_RETURN(std::optional<RiskRunRecord> run, FindRiskRun(db, id));
  if (!run) return core::NotFoundError("no risk run " + std::to_string(id));
  CORE_ASSIGN_OR_RETURN(std::vector<core::RiskHit> hits, ListRiskHits(db, id, model, 1000));
  core::Json items = core::Json::array();
  for (const core::RiskHit& h : hits) items.push_back(core::RiskHitToJson(h));
  return core::Json{{"run", RiskRunJson(*run)}, {"items", items}};
}

}  // namespace server
