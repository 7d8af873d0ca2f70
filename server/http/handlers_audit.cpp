// Handlers: the audit log and its verification.
#include "audit/audit_log.h"
#include "http/handlers.h"

namespace server {

core::StatusOr<Reply> HandleListAudit(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  AuditFilter f;
  CORE_ASSIGN_OR_RETURN(f.object_type, ctx.Query("object_type", 50));
  CORE_ASSIGN_OR_RETURN(f.object_id, ctx.Query("object_id", 100));
  CORE_ASSIGN_OR_RETURN(f.action, ctx.Query("action", 50));
  CORE_ASSIGN_OR_RETURN(ListResult<AuditEntry> list, ListAudit(ctx.db, f, page));
  core::Json items = core::Json::array();
  for (const AuditEntry& e : list.items) items.push_back(AuditEntryToJson(e));
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

core::StatusOr<Reply> HandleVerifyAudit(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(AuditVerification v, VerifyAuditChain(ctx.db));
  core::Json out = {{"ok", v.ok}, {"entries", v.entries}};
  if (!v.ok) {
    out["broken_at"] = *v.broken_at;
    out["reason"] = v.reason;
  }
  return Reply::Json(200, out);
}

}  // namespace server
