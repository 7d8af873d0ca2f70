// Handlers: the risk models (registry), runs over the store, and a run's hits. Customs only.
#include "http/handlers.h"
#include "service/learned_scores.h"
#include "service/risk_jobs.h"
#include "service/risk_runs.h"

namespace server {

core::StatusOr<Reply> HandleRiskModels(RequestContext& ctx) {
  return Reply::Json(200, RiskModelsJson());
}

core::StatusOr<Reply> HandleRunRiskModels(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, RunRiskModelsOverStore(ctx.app, ctx.db, ctx.actor, body));
  return Reply::Json(201, out);
}

core::StatusOr<Reply> HandleQueueRiskJob(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, QueueRiskJob(ctx.app, ctx.db, ctx.actor, body));
  // Woken once the job is committed, so the worker cannot look before it is there.
  App& app = ctx.app;
  ctx.OnCommit([&app] { app.risk_jobs().Notify(); });
  return Reply::Json(202, out);
}

core::StatusOr<Reply> HandleRiskJob(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json out, RiskJobStatus(ctx.db, id));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleListRiskRuns(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json out, RecentRiskRuns(ctx.db));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleRiskRunHits(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(std::string model, ctx.Query("model", 64));
  CORE_ASSIGN_OR_RETURN(core::Json out, RiskRunHits(ctx.db, id, model));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleTrainLearnedModel(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, TrainLearnedModel(ctx.app, ctx.db, ctx.actor, body));
  return Reply::Json(201, out);
}

core::StatusOr<Reply> HandleListLearnedModels(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json out, LearnedModelsJson(ctx.db));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleLearnedModel(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json out, LearnedModelDetail(ctx.db, id));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleRunLearnedScores(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json out, RunLearnedScores(ctx.db, id));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleDeclarationLearnedScore(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json out, DeclarationLearnedScore(ctx.db, id));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleDeclarationArrivalScore(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json out, DeclarationArrivalScore(ctx.db, id));
  return Reply::Json(200, out);
}

}  // namespace server
