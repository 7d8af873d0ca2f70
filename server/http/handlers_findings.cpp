// Handlers: findings against enterprises and their answers.
#include "http/handlers.h"
#include "service/findings.h"

namespace server {

core::StatusOr<Reply> HandleListFindings(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  FindingFilter f;
  CORE_ASSIGN_OR_RETURN(f.enterprise_id, ctx.QueryInt("enterprise_id"));
  CORE_ASSIGN_OR_RETURN(f.state, ctx.Query("state", 16));
  CORE_ASSIGN_OR_RETURN(core::Json out, ListFindingsFor(ctx.db, ctx.actor, f, page));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleAnswerFinding(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, RespondToFinding(ctx.app, ctx.db, ctx.actor, body));
  return Reply::Json(201, out);
}

core::StatusOr<Reply> HandleReviewFindingAnswer(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, ReviewFindingAnswer(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(200, out);
}

}  // namespace server
