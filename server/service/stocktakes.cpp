// Stocktakes: the request read, unit values from the filings, the core's comparison stored as
// made, re-counts by customs, and the due schedule.
#include "service/stocktakes.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "core/stocktake.h"
#include "service/ledgers.h"
#include "service/routing.h"
#include "store/promotion_repo.h"
#include "store/routing_repo.h"

namespace server {

namespace {

// The core's comparison of `input` with the ledger's book, into `s`'s result columns.
core::Status Compare(App& app, Db& db, const LedgerRecord& ledger, const core::StocktakeInput& in,
                     StocktakeRecord& s) {
  CORE_ASSIGN_OR_RETURN(core::Ledger book, LoadCoreLedger(db, ledger));
  const std::shared_ptr<const ReferenceData> ref = app.reference();
  core::StatusOr<core::StocktakeResult> r =
      core::CompareStocktake(book, in, ref->tables.tax_rates, ref->policy);
  if (!r.ok()) return core::InvalidArgumentError(r.status().message());
  s.input = core::DumpJson(core::StocktakeInputToJson(in));
  s.result = core::DumpJson(core::StocktakeResultToJson(*r));
  s.outcome = r->outcome;
  s.shortage_action = r->shortage_action;
  s.tax_fen = r->tax_fen;
  return core::OkStatus();
}

core::Json AuditDetail(const StocktakeRecord& s) {
  return {{"ems_no", s.ems_no},
          {"date", s.date},
          {"method", s.method},
          {"outcome", s.outcome},
          {"shortage_action", s.shortage_action},
          {"tax_fen", s.tax_fen}};
}

core::StatusOr<LedgerRecord> LedgerOf(Db& db, const StocktakeRecord& s) {
  CORE_ASSIGN_OR_RETURN(std::optional<LedgerRecord> l, FindLedgerByEmsNo(db, s.ems_no));
  if (!l) return core::InternalError("stocktake " + std::to_string(s.id) + " without its ledger");
  return *l;
}

}  // namespace

core::StatusOr<StocktakeRecord> RecordStocktake(App& app, Db& db, const Actor& actor,
                                                const LedgerRecord& ledger,
                                                const core::Json& body) {
  auto it = body.find("stocktake");
  if (it == body.end() || !it->is_object()) {
    return core::InvalidArgumentError("field 'stocktake' is required and must be an object");
  }
  CORE_RETURN_IF_ERROR(CheckAllowedFields(*it, {"date", "method", "counts"}, "stocktake"));
  core::StatusOr<core::StocktakeInput> in = core::StocktakeInputFromJson(*it, "stocktake");
  if (!in.ok()) return core::InvalidArgumentError(in.status().message());
  for (size_t i = 0; i < in->counts.size(); ++i) {
    if (in->counts[i].recounted) {
      return core::InvalidArgumentError("field 'stocktake.counts[" + std::to_string(i) +
                                        "].recounted': customs re-counts through "
                                        "POST /api/v1/stocktakes/{id}/recount");
    }
  }
  if (in->date > app.Today()) {
    return core::InvalidArgumentError("field 'stocktake.date' is after today (" +
                                      app.Today().ToIso() + ")");
  }
  CORE_ASSIGN_OR_RETURN(std::vector<FiledPrice> prices,
                        GoodsPricesOfCode(db, ledger.enterprise_code));
  for (const FiledPrice& p : prices) {
    if (p.price_fen >= 0) in->unit_values[p.sku] = p.price_fen;  // later filings win
  }
  StocktakeRecord s;
  s.ledger_id = ledger.id;
  s.ems_no = ledger.ems_no;
  s.enterprise_id = ledger.enterprise_id;
  s.date = in->date.ToIso();
  s.method = std::string(core::StocktakeMethodName(in->method));
  CORE_RETURN_IF_ERROR(Compare(app, db, ledger, *in, s));
  const int64_t now = app.Now();
  s.created_by = actor.user_id;
  s.created_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(s.id, InsertStocktake(db, s));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "stocktake.record", "stocktake", std::to_string(s.id),
                                   AuditDetail(s), now));
  CORE_ASSIGN_OR_RETURN(std::optional<StocktakeRecord> stored, FindStocktake(db, s.id));
  return *stored;
}

core::StatusOr<StocktakeRecord> RecountStocktake(App& app, Db& db, const Actor& actor, int64_t id,
                                                 const core::Json& body) {
  CORE_ASSIGN_OR_RETURN(StocktakeRecord s, GetStocktakeFor(db, actor, id));
  CORE_RETURN_IF_ERROR(CheckAllowedFields(body, {"recounts", "reason"}, ""));
  CORE_ASSIGN_OR_RETURN(std::string reason, core::RequiredString(body, "reason", 1000));
  auto list = body.find("recounts");
  if (list == body.end() || !list->is_array() || list->empty() || list->size() > 20000) {
    return core::InvalidArgumentError("field 'recounts' must be an array of 1-20000 re-counts");
  }
  CORE_ASSIGN_OR_RETURN(core::Json stored, core::ParseJson(s.input));
  core::StatusOr<core::StocktakeInput> in = core::StocktakeInputFromJson(stored, "stocktake");
  if (!in.ok()) return core::InternalError("stored stocktake unreadable: " + in.status().message());
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string at = "recounts[" + std::to_string(i) + "]";
    const core::Json& r = (*list)[i];
    if (!r.is_object() || !r.contains("sku") || !r["sku"].is_string() || !r.contains("recounted") ||
        !r["recounted"].is_string()) {
      return core::InvalidArgumentError("field '" + at +
                                        "' must be {\"sku\", \"recounted\": \"12.5\"}");
    }
    core::StatusOr<core::Qty> q = core::ParseQty(r["recounted"].get<std::string>());
    if (!q.ok()) {
      return core::InvalidArgumentError("field '" + at + ".recounted' " + q.status().message());
    }
    const std::string sku = r["sku"].get<std::string>();
    auto count = std::find_if(in->counts.begin(), in->counts.end(),
                              [&](const core::StocktakeCount& c) { return c.sku == sku; });
    if (count == in->counts.end()) {
      return core::InvalidArgumentError("field '" + at + ".sku': the stocktake did not count " +
                                        sku);
    }
    count->recounted = *q;
  }
  CORE_ASSIGN_OR_RETURN(LedgerRecord ledger, LedgerOf(db, s));
  CORE_RETURN_IF_ERROR(Compare(app, db, ledger, *in, s));
  const int64_t now = app.Now();
  s.recounted_by = actor.user_id;
  s.recounted_at = FormatUtcIso(now);
  CORE_RETURN_IF_ERROR(UpdateStocktake(db, s));
  core::Json detail = AuditDetail(s);
  detail["reason"] = reason;
  detail["recounts"] = *list;
  CORE_RETURN_IF_ERROR(
      AppendAudit(db, actor, "stocktake.recount", "stocktake", std::to_string(s.id), detail, now));
  CORE_ASSIGN_OR_RETURN(std::optional<StocktakeRecord> after, FindStocktake(db, s.id));
  return *after;
}

core::StatusOr<StocktakeRecord> GetStocktakeFor(Db& db, const Actor& actor, int64_t id) {
  CORE_ASSIGN_OR_RETURN(std::optional<StocktakeRecord> s, FindStocktake(db, id));
  // Another enterprise's stocktake is answered as missing: ids leak nothing.
  if (!s || (actor.is_enterprise() && actor.enterprise_id != s->enterprise_id)) {
    return core::NotFoundError("no stocktake " + std::to_string(id));
  }
  return *s;
}

core::StatusOr<core::Json> StocktakeSchedule(App& app, Db& db, const Actor& actor) {
  LedgerFilter f;
  if (actor.is_enterprise()) f.enterprise_id = actor.enterprise_id.value_or(-1);
  CORE_ASSIGN_OR_RETURN(ListResult<LedgerRecord> ledgers, ListLedgers(db, f, Page{1000, 0}));
  const std::shared_ptr<const ReferenceData> ref = app.reference();
  const core::Date today = app.Today();
  core::Json items = core::Json::array();
  for (const LedgerRecord& l : ledgers.items) {
    CORE_ASSIGN_OR_RETURN(std::optional<CreditRecord> credit, FindCredit(db, l.enterprise_id));
    const std::string grade =
        credit && !credit->grade.empty() ? credit->grade : OrdinaryGrade(ref->policy, today);
    CORE_ASSIGN_OR_RETURN(std::optional<std::string> last, LastStocktakeDate(db, l.id));
    const std::string since_text = last ? *last : l.created_at.substr(0, 10);
    core::StatusOr<core::Date> since = core::Date::Parse(since_text);
    if (!since.ok()) return core::InternalError("ledger " + l.ems_no + " has no start date");
    std::optional<core::Date> due = core::StocktakeDueDate(*since, grade, ref->policy);
    auto measures = ref->policy.measures.find(grade);
    core::Json item = {
        {"ems_no", l.ems_no},
        {"enterprise_id", l.enterprise_id},
        {"enterprise_name", l.enterprise_name},
        {"grade", grade},
        {"cycle_months", measures != ref->policy.measures.end()
                             ? core::Json(measures->second.stocktake_months)
                             : core::Json()},
        {"last_stocktake", last ? core::Json(*last) : core::Json()},
        {"since", since_text},
        {"due", due ? core::Json(due->ToIso()) : core::Json()},
        {"overdue", due && *due < today},
        {"days_left",
         due ? core::Json(due->DaysSinceEpoch() - today.DaysSinceEpoch()) : core::Json()}};
    items.push_back(std::move(item));
  }
  // Soonest due first; ledgers without a due date (no measures for the grade) last.
  std::stable_sort(items.begin(), items.end(), [](const core::Json& a, const core::Json& b) {
    if (a["due"].is_null() != b["due"].is_null()) return b["due"].is_null();
    return !a["due"].is_null() && a["due"].get<std::string>() < b["due"].get<std::string>();
  });
  const int64_t total = static_cast<int64_t>(items.size());
  return core::Json{{"items", std::move(items)}, {"total", total}};
}

}  // namespace server
