// Handlers: stocktakes of bonded ledgers (record, customs re-count, list, one, the due schedule).
#include "http/handlers.h"
#include "service/ledgers.h"
#include "service/stocktakes.h"

namespace server {

core::StatusOr<Reply> HandleRecordStocktake(RequestContext& ctx) {
  auto it = ctx.path_params.find("ems_no");
  const std::string ems_no = it == ctx.path_params.end() ? std::string() : it->second;
  CORE_ASSIGN_OR_RETURN(LedgerRecord l, GetLedgerFor(ctx.db, ctx.actor, ems_no));
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(StocktakeRecord s, RecordStocktake(ctx.app, ctx.db, ctx.actor, l, body));
  return Reply::Json(201, {{"stocktake", StocktakeToApiJson(s)}});
}

core::StatusOr<Reply> HandleRecountStocktake(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(StocktakeRecord s, RecountStocktake(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(200, {{"stocktake", StocktakeToApiJson(s)}});
}

core::StatusOr<Reply> HandleListStocktakes(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  StocktakeFilter f;
  CORE_ASSIGN_OR_RETURN(f.enterprise_id, ctx.EnterpriseScope());
  CORE_ASSIGN_OR_RETURN(std::string ems_no, ctx.Query("ems_no", 64));
  if (!ems_no.empty()) {
    CORE_ASSIGN_OR_RETURN(LedgerRecord l, GetLedgerFor(ctx.db, ctx.actor, ems_no));
    f.ledger_id = l.id;
  }
  CORE_ASSIGN_OR_RETURN(ListResult<StocktakeRecord> list, ListStocktakes(ctx.db, f, page));
  core::Json items = core::Json::array();
  for (const StocktakeRecord& s : list.items) items.push_back(StocktakeSummaryJson(s));
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

core::StatusOr<Reply> HandleGetStocktake(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(StocktakeRecord s, GetStocktakeFor(ctx.db, ctx.actor, id));
  return Reply::Json(200, {{"stocktake", StocktakeToApiJson(s)}});
}

core::StatusOr<Reply> HandleStocktakeSchedule(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json schedule, StocktakeSchedule(ctx.app, ctx.db, ctx.actor));
  return Reply::Json(200, schedule);
}

}  // namespace server
