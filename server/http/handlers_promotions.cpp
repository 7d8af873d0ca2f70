// Handlers: promotion filings and their summaries.
#include "http/handlers.h"
#include "service/promotions.h"

namespace server {

core::StatusOr<Reply> HandleListPromotions(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  PromotionFilter f;
  CORE_ASSIGN_OR_RETURN(f.enterprise_id, ctx.EnterpriseScope());
  CORE_ASSIGN_OR_RETURN(f.outcome, ctx.Query("outcome", 20));
  CORE_ASSIGN_OR_RETURN(ListResult<PromotionRecord> list, ListPromotions(ctx.db, f, page));
  core::Json items = core::Json::array();
  for (const PromotionRecord& p : list.items) items.push_back(PromotionSummaryJson(p));
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

core::StatusOr<Reply> HandleFilePromotion(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(PromotionRecord p, FilePromotion(ctx.app, ctx.db, ctx.actor, body));
  return Reply::Json(201, {{"promotion", PromotionToApiJson(p)}});
}

core::StatusOr<Reply> HandleGetPromotion(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(PromotionRecord p, GetPromotionFor(ctx.db, ctx.actor, id));
  return Reply::Json(200, {{"promotion", PromotionToApiJson(p)}});
}

core::StatusOr<Reply> HandlePromotionSummary(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(PromotionRecord p, GetPromotionFor(ctx.db, ctx.actor, id));
  CORE_ASSIGN_OR_RETURN(core::Json summary, SummarisePromotion(ctx.app, ctx.db, p));
  return Reply::Json(200, summary);
}

}  // namespace server
