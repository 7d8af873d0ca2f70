// Handlers: goods filings and the same-name filings of other enterprises.
#include "http/handlers.h"
#include "service/applications.h"
#include "service/goods.h"

namespace server {

core::StatusOr<Reply> HandleListGoods(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  GoodsFilter f;
  CORE_ASSIGN_OR_RETURN(f.enterprise_id, ctx.EnterpriseScope());
  CORE_ASSIGN_OR_RETURN(f.outcome, ctx.Query("outcome", 20));
  CORE_ASSIGN_OR_RETURN(f.q, ctx.Query("q"));
  CORE_ASSIGN_OR_RETURN(ListResult<GoodsRecord> list, ListGoods(ctx.db, f, page));
  core::Json items = core::Json::array();
  for (const GoodsRecord& g : list.items) items.push_back(GoodsSummaryJson(g));
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

core::StatusOr<Reply> HandleFileGoods(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t enterprise_id, ctx.PathId());
  // Ownership first: another enterprise's id answers 404 whatever the body holds.
  CORE_RETURN_IF_ERROR(CheckEnterpriseVisible(ctx.actor, enterprise_id));
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(GoodsRecord g, FileGoods(ctx.app, ctx.db, ctx.actor, enterprise_id, body));
  return Reply::Json(201, GoodsToApiJson(g));
}

core::StatusOr<Reply> HandleGetGoods(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(GoodsRecord g, GetGoodsFor(ctx.db, ctx.actor, id));
  return Reply::Json(200, GoodsToApiJson(g));
}

core::StatusOr<Reply> HandleNameCodes(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(std::string name, ctx.Query("name", 512));
  if (name.empty()) return core::InvalidArgumentError("query parameter 'name' is required");
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> exclude, ctx.QueryInt("exclude_enterprise_id"));
  CORE_ASSIGN_OR_RETURN(core::Json others, OtherFilingsJson(ctx.db, name, exclude));
  return Reply::Json(200, {{"other_filings", others}});
}

}  // namespace server
