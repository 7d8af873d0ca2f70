// Handlers: the officer queues and the officers' outcomes (review, inspection, valuation).
#include "http/handlers.h"
#include "service/queues.h"

namespace server {

namespace {

using Outcome = core::StatusOr<core::Json> (*)(App&, Db&, const Actor&, int64_t, const core::Json&);

// One transaction: the outcome, its status event, history row and audit entry.
core::StatusOr<Reply> Decide(RequestContext& ctx, Outcome outcome) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json result, outcome(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(200, result);
}

}  // namespace

core::StatusOr<Reply> HandleQueue(RequestContext& ctx) {
  auto it = ctx.path_params.find("name");
  const std::string name = it == ctx.path_params.end() ? "" : it->second;
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  CORE_ASSIGN_OR_RETURN(core::Json queue, QueueListJson(ctx.app, ctx.db, name, page));
  return Reply::Json(200, queue);
}

core::StatusOr<Reply> HandleReview(RequestContext& ctx) { return Decide(ctx, ReviewDeclaration); }

core::StatusOr<Reply> HandleInspection(RequestContext& ctx) {
  // An inspection outcome changes adaptive rules' records: the next list recounts them.
  App& app = ctx.app;
  ctx.OnCommit([&app] { app.rule_cache().InvalidateRecords(); });
  return Decide(ctx, RecordInspection);
}

core::StatusOr<Reply> HandleValuation(RequestContext& ctx) { return Decide(ctx, RecordValuation); }

}  // namespace server
