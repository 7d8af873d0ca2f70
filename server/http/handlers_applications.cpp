// Handlers: admission applications (list, submit, read, decide).
#include "http/handlers.h"
#include "service/applications.h"
#include "store/enterprises_repo.h"

namespace server {

core::StatusOr<Reply> HandleListApplications(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  ApplicationFilter f;
  CORE_ASSIGN_OR_RETURN(f.enterprise_id, ctx.EnterpriseScope());
  CORE_ASSIGN_OR_RETURN(f.status, ctx.Query("status", 20));
  CORE_ASSIGN_OR_RETURN(f.outcome, ctx.Query("outcome", 20));
  CORE_ASSIGN_OR_RETURN(f.q, ctx.Query("q"));
  CORE_ASSIGN_OR_RETURN(ListResult<ApplicationRecord> list, ListApplications(ctx.db, f, page));
  core::Json items = core::Json::array();
  for (const ApplicationRecord& a : list.items) items.push_back(ApplicationSummaryJson(a));
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

namespace {
core::StatusOr<core::Json> ApplicationResponse(RequestContext& ctx, const ApplicationRecord& a) {
  core::Json out = ApplicationToApiJson(a);
  CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> e, FindEnterprise(ctx.db, a.enterprise_id));
  out["enterprise"] = e ? EnterpriseToJson(*e) : core::Json();
  return out;
}
}  // namespace

core::StatusOr<Reply> HandleSubmitApplication(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_ASSIGN_OR_RETURN(PreparedSubmission prepared, PrepareSubmission(ctx.app, ctx.actor, body));
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(ApplicationRecord a,
                        CommitSubmission(ctx.app, ctx.db, ctx.actor, std::move(prepared)));
  CORE_ASSIGN_OR_RETURN(core::Json out, ApplicationResponse(ctx, a));
  return Reply::Json(201, out);
}

core::StatusOr<Reply> HandleGetApplication(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(ApplicationRecord a, GetApplicationFor(ctx.db, ctx.actor, id));
  CORE_ASSIGN_OR_RETURN(core::Json out, ApplicationResponse(ctx, a));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleDecideApplication(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(ApplicationRecord a,
                        DecideApplication(ctx.app, ctx.db, ctx.actor, id, body));
  CORE_ASSIGN_OR_RETURN(core::Json out, ApplicationResponse(ctx, a));
  return Reply::Json(200, out);
}

}  // namespace server
