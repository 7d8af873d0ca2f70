// Handlers: bonded ledgers, their entries, transfers and the core's balances, trace and what-if.
#include "http/errors.h"
#include "http/handlers.h"
#include "service/ledgers.h"
#include "service/ledgers_booking.h"

namespace server {

namespace {

std::string EmsNoParam(const RequestContext& ctx) {
  auto it = ctx.path_params.find("ems_no");
  return it == ctx.path_params.end() ? std::string() : it->second;
}

core::StatusOr<std::optional<core::Date>> OptionalDateQuery(RequestContext& ctx,
                                                            const std::string& key) {
  CORE_ASSIGN_OR_RETURN(std::string v, ctx.Query(key, 10));
  if (v.empty()) return std::optional<core::Date>();
  core::StatusOr<core::Date> d = core::Date::Parse(v);
  if (v.size() != 10 || !d.ok()) {
    return core::InvalidArgumentError("query parameter '" + key + "' must be a date YYYY-MM-DD");
  }
  return std::optional<core::Date>(*d);
}

// 201 with the stored result, or 409 with the core's checks when it refused (nothing stored).
Reply BookingReply(RequestContext& ctx, const LedgerBooking& b) {
  if (b.accepted) return Reply::Json(201, b.result);
  ctx.tx().Rollback();
  std::string codes;
  for (const core::Finding& f : b.findings) {
    if (f.severity != core::Severity::kError) continue;
    codes += (codes.empty() ? "" : ", ") + f.code;
  }
  core::Json body = ErrorJson("failed_precondition", "the ledger refuses the booking: " + codes);
  for (const auto& [key, value] : b.result.items()) body[key] = value;
  body["findings"] = core::FindingsToJson(b.findings);
  return Reply::Json(409, body);
}

}  // namespace

core::StatusOr<Reply> HandleListLedgers(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  LedgerFilter f;
  CORE_ASSIGN_OR_RETURN(f.enterprise_id, ctx.EnterpriseScope());
  CORE_ASSIGN_OR_RETURN(f.q, ctx.Query("q"));
  CORE_ASSIGN_OR_RETURN(ListResult<LedgerRecord> list, ListLedgers(ctx.db, f, page));
  core::Json items = core::Json::array();
  for (const LedgerRecord& l : list.items) items.push_back(LedgerSummaryJson(l));
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

core::StatusOr<Reply> HandleCreateLedger(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(LedgerRecord l, CreateLedger(ctx.app, ctx.db, ctx.actor, body));
  return Reply::Json(201, {{"ledger", LedgerSummaryJson(l)}});
}

core::StatusOr<Reply> HandleGetLedger(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(LedgerRecord l, GetLedgerFor(ctx.db, ctx.actor, EmsNoParam(ctx)));
  CORE_ASSIGN_OR_RETURN(core::Json doc, LedgerDocument(ctx.db, l, true));
  return Reply::Json(200, doc);
}

core::StatusOr<Reply> HandleLedgerBalances(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(LedgerRecord l, GetLedgerFor(ctx.db, ctx.actor, EmsNoParam(ctx)));
  CORE_ASSIGN_OR_RETURN(std::optional<core::Date> date, OptionalDateQuery(ctx, "date"));
  CORE_ASSIGN_OR_RETURN(core::Json result, LedgerBalances(ctx.db, ctx.actor, l, date));
  return Reply::Json(200, result);
}

core::StatusOr<Reply> HandleLedgerTrace(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(LedgerRecord l, GetLedgerFor(ctx.db, ctx.actor, EmsNoParam(ctx)));
  core::Json query = core::Json::object();
  CORE_ASSIGN_OR_RETURN(std::optional<core::Date> as_of, OptionalDateQuery(ctx, "as_of"));
  if (as_of) query["as_of"] = as_of->ToIso();
  CORE_ASSIGN_OR_RETURN(std::string entry_id, ctx.Query("entry_id", 64));
  CORE_ASSIGN_OR_RETURN(std::string sku, ctx.Query("sku", 64));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> unit, ctx.QueryInt("unit"));
  if (!entry_id.empty()) query["entry_id"] = entry_id;
  if (!sku.empty()) query["sku"] = sku;
  if (unit) query["unit"] = *unit;
  CORE_ASSIGN_OR_RETURN(core::Json result, LedgerTrace(ctx.db, l, query));
  return Reply::Json(200, result);
}

core::StatusOr<Reply> HandleLedgerWhatIf(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(LedgerRecord l, GetLedgerFor(ctx.db, ctx.actor, EmsNoParam(ctx)));
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_ASSIGN_OR_RETURN(core::Json result, LedgerWhatIf(ctx.db, ctx.actor, l, body));
  return Reply::Json(200, result);
}

core::StatusOr<Reply> HandleBookLedgerEntry(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(LedgerRecord l, GetLedgerFor(ctx.db, ctx.actor, EmsNoParam(ctx)));
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(LedgerBooking b, BookLedgerEntry(ctx.app, ctx.db, ctx.actor, l, body));
  return BookingReply(ctx, b);
}

core::StatusOr<Reply> HandleBookLedgerTransfer(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(LedgerBooking b, BookLedgerTransfer(ctx.app, ctx.db, ctx.actor, body));
  return BookingReply(ctx, b);
}

}  // namespace server
