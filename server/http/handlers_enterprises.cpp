// Handlers: enterprises (list, read with qualifications and applications).
#include "http/handlers.h"
#include "service/applications.h"
#include "store/enterprises_repo.h"

namespace server {

core::StatusOr<Reply> HandleListEnterprises(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  EnterpriseFilter f;
  CORE_ASSIGN_OR_RETURN(f.only_id, ctx.EnterpriseScope());
  CORE_ASSIGN_OR_RETURN(f.status, ctx.Query("status", 20));
  CORE_ASSIGN_OR_RETURN(f.q, ctx.Query("q"));
  CORE_ASSIGN_OR_RETURN(ListResult<EnterpriseRecord> list, ListEnterprises(ctx.db, f, page));
  core::Json items = core::Json::array();
  for (const EnterpriseRecord& e : list.items) items.push_back(EnterpriseToJson(e));
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

core::StatusOr<Reply> HandleGetEnterprise(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_RETURN_IF_ERROR(CheckEnterpriseVisible(ctx.actor, id));
  CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> e, FindEnterprise(ctx.db, id));
  if (!e) return core::NotFoundError("enterprise " + std::to_string(id) + " not found");
  core::Json out = EnterpriseToJson(*e);
  CORE_ASSIGN_OR_RETURN(std::vector<QualificationRecord> quals, ListQualifications(ctx.db, id));
  out["qualifications"] = core::Json::array();
  for (const QualificationRecord& q : quals)
    out["qualifications"].push_back(QualificationToJson(q));
  ApplicationFilter af;
  af.enterprise_id = id;
  CORE_ASSIGN_OR_RETURN(ListResult<ApplicationRecord> apps,
                        ListApplications(ctx.db, af, Page{100, 0}));
  out["applications"] = core::Json::array();
  for (const ApplicationRecord& a : apps.items) {
    out["applications"].push_back(ApplicationSummaryJson(a));
  }
  return Reply::Json(200, out);
}

}  // namespace server
