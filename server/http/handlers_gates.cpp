// Handlers: vehicles, gate passes, gate events and hold releases.
#include "http/handlers.h"
#include "service/gates.h"

namespace server {

core::StatusOr<Reply> HandleListVehicles(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> enterprise_id, ctx.EnterpriseScope());
  CORE_ASSIGN_OR_RETURN(ListResult<VehicleRecord> list, ListVehicles(ctx.db, enterprise_id, page));
  core::Json items = core::Json::array();
  for (const VehicleRecord& v : list.items) items.push_back(VehicleToJson(v));
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

core::StatusOr<Reply> HandleRegisterVehicle(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(VehicleRecord v, RegisterVehicle(ctx.app, ctx.db, ctx.actor, body));
  return Reply::Json(201, {{"vehicle", VehicleToJson(v)}});
}

core::StatusOr<Reply> HandleListGatePasses(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  GatePassFilter f;
  CORE_ASSIGN_OR_RETURN(f.enterprise_id, ctx.EnterpriseScope());
  CORE_ASSIGN_OR_RETURN(f.status, ctx.Query("status", 20));
  CORE_ASSIGN_OR_RETURN(f.passport_no, ctx.Query("passport_no", 64));
  CORE_ASSIGN_OR_RETURN(ListResult<GatePassRecord> list, ListGatePasses(ctx.db, f, page));
  core::Json items = core::Json::array();
  // With their events: enterprise users follow their passes through this list.
  for (const GatePassRecord& p : list.items) {
    CORE_ASSIGN_OR_RETURN(core::Json detail, GatePassDetailJson(ctx.db, p));
    items.push_back(std::move(detail));
  }
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

core::StatusOr<Reply> HandleCreateGatePass(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(GatePassRecord p, CreateGatePass(ctx.app, ctx.db, ctx.actor, body));
  CORE_ASSIGN_OR_RETURN(core::Json detail, GatePassDetailJson(ctx.db, p));
  return Reply::Json(201, {{"gate_pass", detail}});
}

core::StatusOr<Reply> HandleGetGatePass(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(GatePassRecord p, GetGatePassFor(ctx.db, ctx.actor, id));
  CORE_ASSIGN_OR_RETURN(core::Json detail, GatePassDetailJson(ctx.db, p));
  return Reply::Json(200, {{"gate_pass", detail}});
}

core::StatusOr<Reply> HandleGateEvent(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(GatePassRecord p, GetGatePassFor(ctx.db, ctx.actor, id));
  CORE_ASSIGN_OR_RETURN(GateEventRecord e, RecordGateEvent(ctx.app, ctx.db, ctx.actor, p, body));
  CORE_ASSIGN_OR_RETURN(GatePassRecord after, GetGatePassFor(ctx.db, ctx.actor, id));
  CORE_ASSIGN_OR_RETURN(core::Json detail, GatePassDetailJson(ctx.db, after));
  return Reply::Json(201, {{"event", GateEventToJson(e)}, {"gate_pass", detail}});
}

core::StatusOr<Reply> HandleReleaseGateHold(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(GatePassRecord p, GetGatePassFor(ctx.db, ctx.actor, id));
  CORE_RETURN_IF_ERROR(ReleaseGateHold(ctx.app, ctx.db, ctx.actor, p, body));
  CORE_ASSIGN_OR_RETURN(GatePassRecord after, GetGatePassFor(ctx.db, ctx.actor, id));
  CORE_ASSIGN_OR_RETURN(core::Json detail, GatePassDetailJson(ctx.db, after));
  return Reply::Json(200, {{"gate_pass", detail}});
}

}  // namespace server
