// Handlers: enterprise credit (profile, assessments, officer decisions, violations).
#include "http/handlers.h"
#include "service/credit.h"

namespace server {

core::StatusOr<Reply> HandleCreditProfile(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json profile,
                        EnterpriseCreditProfile(ctx.app, ctx.db, ctx.actor, id));
  return Reply::Json(200, profile);
}

core::StatusOr<Reply> HandleAssessCredit(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, AssessEnterpriseCredit(ctx.app, ctx.db, ctx.actor, id));
  return Reply::Json(201, out);
}

core::StatusOr<Reply> HandleDecideCredit(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out,
                        DecideEnterpriseCredit(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(201, out);
}

core::StatusOr<Reply> HandleRecordViolation(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, RecordViolation(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(201, out);
}

}  // namespace server
