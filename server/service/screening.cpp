// Screening of complete sets and returns: assembling the set, calling the core's checks, routing
// the list and moving it to its status (release, rejection or an officer's queue).
#include "service/screening.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "common/clock.h"
#include "common/json_text.h"
#include "core/quota.h"
#include "core/reconcile.h"
#include "core/rules.h"
#include "core/tax.h"
#include "core/verdict_api.h"
#include "service/declarations.h"
#include "service/ledgers_booking.h"
#include "service/queues.h"
#include "service/routing.h"
#include "service/routing_release.h"
#include "service/screening_requests.h"
#include "service/supervision_hooks.h"
#include "store/current_docs_repo.h"
#include "store/messages_repo.h"
#include "store/queues_repo.h"

namespace server {

namespace {

struct SetMessages {
  std::optional<MessageRecord> order;
  std::optional<MessageRecord> payment;
  std::optional<MessageRecord> waybill;
  std::optional<MessageRecord> list;
  std::vector<std::string> missing;  // "order", "payment", "waybill"
};

core::StatusOr<std::optional<MessageRecord>> Load(Db& db, std::optional<int64_t> id) {
  if (!id) return std::optional<MessageRecord>();
  return FindMessage(db, *id);
}

core::StatusOr<SetMessages> AssembleSet(Db& db, const DeclarationRecord& d) {
  SetMessages s;
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> order, CurrentOrderFor(db, d.ebp_code, d.order_no));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> payment,
                        CurrentPaymentFor(db, d.ebp_code, d.order_no));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> waybill,
                        CurrentWaybillFor(db, d.logistics_code, d.logistics_no));
  CORE_ASSIGN_OR_RETURN(s.order, Load(db, order));
  CORE_ASSIGN_OR_RETURN(s.payment, Load(db, payment));
  CORE_ASSIGN_OR_RETURN(s.waybill, Load(db, waybill));
  CORE_ASSIGN_OR_RETURN(s.list, Load(db, d.list_message_id));
  if (!s.order) s.missing.push_back("order");
  if (!s.payment) s.missing.push_back("payment");
  if (!s.waybill) s.missing.push_back("waybill");
  if (!s.list) return core::InternalError("declaration " + std::to_string(d.id) + " has no list");
  return s;
}

// A stored record's JSON, which the server wrote with the core codec: failing to read it back
// means the row was damaged.
core::StatusOr<core::Json> RecordOf(const MessageRecord& m) {
  core::StatusOr<core::Json> j = core::ParseJson(m.parsed);
  if (!j.ok()) return core::InternalError("message " + std::to_string(m.id) + " is damaged");
  return j;
}

template <typename T, typename Parse>
core::StatusOr<T> Typed(const core::Json& j, Parse parse, int64_t id) {
  core::StatusOr<T> r = parse(j, "");
  if (!r.ok()) {
    return core::InternalError("message " + std::to_string(id) +
                               " no longer reads: " + r.status().message());
  }
  return r;
}

// A core result that must be a verdict: an error answer means the server built a bad request.
core::StatusOr<core::Json> Verdict(const std::string& text, std::string_view what) {
  core::StatusOr<core::Json> j = CoreResult(text);
  if (!j.ok()) {
    return core::InternalError(std::string(what) + " refused the request: " + j.status().message());
  }
  return j;
}

// The core's quota check of a request the server built ({"order": {...}}), read with the same
// codec CheckQuotaJson uses; a refusal means the server built a bad request.
core::StatusOr<core::Json> CheckQuotaTyped(const core::Json& request, const ReferenceData& ref) {
  core::StatusOr<core::QuotaOrderInput> in = core::QuotaOrderFromJson(request["order"]);
  if (!in.ok()) {
    return core::InternalError("CheckQuotaJson refused the request: order." +
                               in.status().message());
  }
  return core::QuotaVerdictToJson(core::CheckQuota(*in, ref.tables.positive_list, ref.policy));
}

// The core's tax computation of a request the server built, as ComputeTaxJson reads it.
core::StatusOr<core::Json> ComputeTaxTyped(const core::Json& request, const ReferenceData& ref) {
  core::StatusOr<core::TaxOrderInput> in = core::TaxOrderFromJson(request["order"]);
  if (!in.ok()) {
    return core::InternalError("ComputeTaxJson refused the request: order." +
                               in.status().message());
  }
  return core::TaxResultToJson(core::ComputeTax(*in, ref.tables.tax_rates));
}

int64_t IntOr(const core::Json& j, const char* key, int64_t fallback = 0) {
  return j.is_object() && j.contains(key) && j[key].is_number_integer() ? j[key].get<int64_t>()
                                                                        : fallback;
}

// Screens one declaration; see ScreenDeclarations.
class Screener {
 public:
  Screener(App& app, Db& db, const Actor& trigger)
      : app_(app), db_(db), trigger_(trigger), now_(FormatUtcIso(app.Now())) {}

  core::Status Screen(int64_t id);

 private:
  core::Status Awaiting(const DeclarationRecord& d, const std::vector<std::string>& missing);
  core::Status Complete(DeclarationRecord d, const SetMessages& set);
  core::Status Apply(const DeclarationRecord& d, const ListDecision& decision, int64_t screening_id,
                     int64_t routing_id, const RoutingOutcome& routing,
                     const ReleaseInputs& release);

  App& app_;
  Db& db_;
  const Actor& trigger_;
  const Actor system_ = Actor::System();
  std::string now_;
};

core::Status Screener::Screen(int64_t id) {
  CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> d, FindDeclaration(db_, id));
  if (!d) return core::OkStatus();
  if (d->status == kStatusReleased || d->status == kStatusInspection ||
      d->status == kStatusClosed) {
    return core::OkStatus();
  }
  CORE_ASSIGN_OR_RETURN(SetMessages set, AssembleSet(db_, *d));
  if (!set.missing.empty()) return Awaiting(*d, set.missing);
  return Complete(*std::move(d), set);
}

core::Status Screener::Awaiting(const DeclarationRecord& d,
                                const std::vector<std::string>& missing) {
  const core::Json missing_json = missing;
  CORE_ASSIGN_OR_RETURN(std::optional<DeclarationEvent> last, LastDeclarationEvent(db_, d.id));
  if (d.status == kStatusDeclaring && last && last->status == kStatusDeclaring &&
      last->detail.is_object() && last->detail.contains("missing") &&
      last->detail["missing"] == missing_json) {
    return core::OkStatus();  // nothing new to say
  }
  CORE_RETURN_IF_ERROR(RemoveQueueEntry(db_, d.id));  // a changed set waits again
  return RecordStatus(db_, d, kStatusDeclaring, now_, {kReasonAwaiting},
                      {{"missing", missing_json}}, std::nullopt, system_, trigger_);
}

core::Status Screener::Complete(DeclarationRecord d, const SetMessages& set) {
  // The stored records are decoded once and handed to the core's typed checks: the results are
  // the same JSON the text entry points give, without a text round trip per check.
  CORE_ASSIGN_OR_RETURN(core::Json order_json, RecordOf(*set.order));
  CORE_ASSIGN_OR_RETURN(core::Json payment_json, RecordOf(*set.payment));
  CORE_ASSIGN_OR_RETURN(core::Json waybill_json, RecordOf(*set.waybill));
  CORE_ASSIGN_OR_RETURN(core::Json list_json, RecordOf(*set.list));
  CORE_ASSIGN_OR_RETURN(core::Order order,
                        Typed<core::Order>(order_json, core::OrderFromJson, set.order->id));
  CORE_ASSIGN_OR_RETURN(core::Inventory list,
                        Typed<core::Inventory>(list_json, core::InventoryFromJson, set.list->id));
  CORE_ASSIGN_OR_RETURN(core::Payment payment,
                        Typed<core::Payment>(payment_json, core::PaymentFromJson, set.payment->id));
  CORE_ASSIGN_OR_RETURN(core::Waybill waybill,
                        Typed<core::Waybill>(waybill_json, core::WaybillFromJson, set.waybill->id));
  if (d.invt_no.empty()) {
    d.invt_no = AssignedNumber(list, d, 'I');
    CORE_RETURN_IF_ERROR(SetDeclarationInvtNo(db_, d.id, d.invt_no));
  }
  const core::Json messages = {{"order", set.order->id},
                               {"payment", set.payment->id},
                               {"waybill", set.waybill->id},
                               {"inventory", set.list->id}};
  CORE_RETURN_IF_ERROR(RecordStatus(db_, d, kStatusAccepted, now_, {kReasonSetComplete},
                                    {{"messages", messages}, {"invt_no", d.invt_no}}, std::nullopt,
                                    system_, trigger_));

  std::shared_ptr<const ReferenceData> ref = app_.reference();
  const core::Date today = app_.Today();
  CORE_ASSIGN_OR_RETURN(std::vector<FiledCode> filed, FiledGoodsOf(db_, list.head.ebc_code));
  core::ReconcileContext reconcile_context;
  reconcile_context.decision_date = today;
  auto& filed_of_ebc = reconcile_context.filed_goods[list.head.ebc_code];
  for (const FiledCode& f : filed) filed_of_ebc[f.code10] = f.outcome;
  reconcile_context.positive_list =
      ref->tables.positive_list.size() > 0 ? &ref->tables.positive_list : nullptr;
  reconcile_context.divisions = ref->tables.divisions.size() > 0 ? &ref->tables.divisions : nullptr;
  core::ReconcileSet reconcile_set;
  reconcile_set.order = order;
  reconcile_set.payment = std::move(payment);
  reconcile_set.waybill = std::move(waybill);
  reconcile_set.inventory = list;
  const core::Json reconcile =
      core::ReconcileResultToJson(core::Reconcile(reconcile_set, reconcile_context));
  const std::string reconcile_text = core::DumpJson(reconcile);

  const int year = list.head.decl_time.date().year();
  CORE_ASSIGN_OR_RETURN(core::Fen ytd, YearToDate(db_, d.buyer_id_number, year));
  CORE_ASSIGN_OR_RETURN(std::vector<QuotaQuantity> ytd_qty,
                        YearQuantities(db_, d.buyer_id_number, year));
  CORE_ASSIGN_OR_RETURN(
      core::Json quota,
      CheckQuotaTyped(QuotaRequest(order, list, ref->tables.positive_list, ytd, ytd_qty), *ref));
  const std::string quota_text = core::DumpJson(quota);

  std::optional<std::string> tax_text;
  core::Json tax;
  // Only a list that clears as CBEC is taxed here; general trade is refused, not billed.
  const bool cbec =
      quota.contains("path") && (quota["path"] == "cbec" || quota["path"] == "cbec_full_tax");
  if (cbec && quota.contains("tax_path") && quota["tax_path"].is_string()) {
    CORE_ASSIGN_OR_RETURN(
        tax, ComputeTaxTyped(TaxRequest(order, list, quota["tax_path"].get<std::string>()), *ref));
    tax_text = core::DumpJson(tax);
  }

  // The supervision checks (promotions, bonded ledger) count like reconciliation's findings.
  CORE_ASSIGN_OR_RETURN(core::Json promotions, CheckListPromotions(app_, db_, list));
  CORE_ASSIGN_OR_RETURN(core::Json ledger, CheckListLedger(app_, db_, list));
  const std::vector<const core::Json*> checks = {&reconcile, &quota, tax_text ? &tax : nullptr,
                                                 &promotions, &ledger};
  RoutingInput in;
  in.declaration = &d;
  in.list = &list;
  in.order = &order;
  in.quota = &quota;
  in.tax = tax_text ? &tax : nullptr;
  in.finding_codes = FindingCodes(checks);
  CORE_ASSIGN_OR_RETURN(RoutingOutcome routing,
                        RouteList(app_, db_, in, !HasErrorFindings(checks)));
  const ListDecision decision = DecideList(checks, routing, tax_text.has_value());

  ScreeningRecord s;
  s.declaration_id = d.id;
  s.at = now_;
  s.decision_date = today.ToIso();
  s.order_message_id = set.order->id;
  s.payment_message_id = set.payment->id;
  s.waybill_message_id = set.waybill->id;
  s.list_message_id = set.list->id;
  s.reconciliation = reconcile_text;
  s.quota = quota_text;
  s.tax = tax_text;
  s.status = decision.status;
  CORE_ASSIGN_OR_RETURN(in.screening_id, InsertScreening(db_, s));
  CORE_ASSIGN_OR_RETURN(int64_t routing_id,
                        StoreRouting(app_, db_, in, routing, decision.action, decision.status));
  CORE_RETURN_IF_ERROR(RecordOutcome(app_, db_, d, system_, "screening", decision.action,
                                     decision.action, "",
                                     {{"routing_id", routing_id}, {"reasons", decision.reasons}}));
  ReleaseInputs release;
  release.screening_id = in.screening_id;
  release.tax = tax_text ? &tax : nullptr;
  release.quota = &quota;
  release.list = &list;
  return Apply(d, decision, in.screening_id, routing_id, routing, release);
}

// Moves the list to the decided status: released through the one release path, rejected, or
// queued for an officer (inspection with its two drawn inspectors).
core::Status Screener::Apply(const DeclarationRecord& d, const ListDecision& decision,
                             int64_t screening_id, int64_t routing_id,
                             const RoutingOutcome& routing, const ReleaseInputs& release) {
  core::Json detail = {{"findings", decision.findings}};
  if (!decision.route.is_null()) {
    detail["route"] = decision.route;
    detail["route"]["routing_id"] = routing_id;
    detail["route"]["rules_version"] = routing.rules_version;
    detail["route"]["seed"] = routing.seed;
  }
  if (decision.action == "release") {
    return ReleaseDeclaration(app_, db_, d, system_, trigger_, decision.reasons, detail, &release)
        .status();
  }
  if (decision.action == "reject") {
    CORE_RETURN_IF_ERROR(RemoveQueueEntry(db_, d.id));
    return RecordStatus(db_, d, kStatusRejected, now_, decision.reasons, detail, screening_id,
                        system_, trigger_);
  }
  const char* queue = decision.action == "inspect"     ? kQueueInspection
                      : decision.action == "valuation" ? kQueueValuation
                                                       : kQueueManualReview;
  return EnqueueDeclaration(app_, db_, d, queue, decision.reasons, detail, screening_id, routing_id,
                            system_, trigger_);
}

}  // namespace

core::Status ScreenDeclarations(App& app, Db& db, const Actor& trigger,
                                const std::vector<int64_t>& ids) {
  Screener screener(app, db, trigger);
  for (int64_t id : ids) CORE_RETURN_IF_ERROR(screener.Screen(id));
  return core::OkStatus();
}

core::StatusOr<ReturnRecord> DecideReturn(App& app, Db& db, const Actor& trigger,
                                          const DeclarationRecord& declaration,
                                          int64_t refund_message_id, const core::Refund& refund) {
  if (declaration.status != kStatusReleased || !declaration.released_on) {
    return core::FailedPreconditionError("declaration " + std::to_string(declaration.id) +
                                         " is not released");
  }
  CORE_ASSIGN_OR_RETURN(std::optional<MessageRecord> list_msg,
                        FindMessage(db, declaration.list_message_id));
  if (!list_msg) return core::InternalError("declaration without its list");
  CORE_ASSIGN_OR_RETURN(core::Json list_json, RecordOf(*list_msg));
  CORE_ASSIGN_OR_RETURN(core::Inventory list,
                        Typed<core::Inventory>(list_json, core::InventoryFromJson, list_msg->id));
  CORE_ASSIGN_OR_RETURN(std::optional<QuotaEntry> released, ReleaseEntry(db, declaration.id));
  const core::Fen counted = released ? released->value_fen : 0;
  const int year = released ? released->year : list.head.decl_time.date().year();

  // Returned quantity per list line (by gnum), capped at what was declared.
  std::map<int, int64_t> returned_e5;
  for (const core::RefundLine& l : refund.lines) returned_e5[l.gnum] += l.qty.e5;
  bool whole = true;
  core::Fen partial = 0;
  std::vector<QuotaQuantity> quantities;
  const std::shared_ptr<const ReferenceData> ref = app.reference();
  for (const core::InventoryLine& l : list.lines) {
    const int64_t back = std::min(returned_e5[l.gnum], l.qty.e5);
    if (back < l.qty.e5) whole = false;
    if (back <= 0 || l.qty.e5 <= 0) continue;
    partial += static_cast<core::Fen>(static_cast<core::Int128>(l.total_price) * back / l.qty.e5);
    QuotaQuantity q = QuotaQuantityOf(l, ref->tables.positive_list);
    q.qty_milli = -static_cast<int64_t>(static_cast<core::Int128>(q.qty_milli) * back / l.qty.e5);
    quantities.push_back(q);
  }
  // Several returns of one list never restore more than its release counted.
  CORE_ASSIGN_OR_RETURN(std::vector<ReturnRecord> earlier, ListReturns(db, declaration.id));
  core::Fen restorable = counted;
  for (const ReturnRecord& e : earlier) restorable -= e.restored_fen;
  restorable = std::max<core::Fen>(restorable, 0);
  const core::Fen value = std::min(whole ? counted : partial, restorable);
  CORE_ASSIGN_OR_RETURN(core::Fen ytd, YearToDate(db, declaration.buyer_id_number, year));
  const std::string applied = refund.head.app_time.date().ToIso();
  core::Json request = {{"return",
                         {{"release_date", *declaration.released_on},
                          {"applied_date", applied},
                          {"arrived_date", applied},
                          {"decision_date", app.Today().ToIso()},
                          {"value_fen", value},
                          {"year_to_date_fen", std::max<core::Fen>(ytd, 0)}}}};
  const std::string verdict_text =
      core::CheckQuotaJson(core::DumpJson(request), ref->tables, ref->policy);
  CORE_ASSIGN_OR_RETURN(core::Json verdict, Verdict(verdict_text, "CheckQuotaJson"));
  const std::string now = FormatUtcIso(app.Now());
  ReturnRecord r;
  r.declaration_id = declaration.id;
  r.refund_message_id = refund_message_id;
  r.outcome = verdict.contains("outcome") && verdict["outcome"].is_string()
                  ? verdict["outcome"].get<std::string>()
                  : "not_restored";
  r.restored_fen = r.outcome == "restored" ? IntOr(verdict, "restored_fen") : 0;
  r.verdict = verdict_text;
  r.at = now;
  CORE_ASSIGN_OR_RETURN(r.id, InsertReturn(db, r));
  if (r.outcome == "restored" && r.restored_fen > 0) {
    QuotaEntry e;
    e.buyer_id_number = declaration.buyer_id_number;
    e.year = year;
    e.declaration_id = declaration.id;
    e.kind = "return";
    e.value_fen = -r.restored_fen;
    e.at = now;
    e.quantities = whole && released ? released->quantities : quantities;
    if (whole && released) {
      for (QuotaQuantity& q : e.quantities) q.qty_milli = -q.qty_milli;
    }
    CORE_RETURN_IF_ERROR(InsertQuotaEntry(db, e));
  }
  if (r.outcome == "restored") {
    // Bonded goods go back into the area: the ledger its release debited gets them back.
    CORE_RETURN_IF_ERROR(BookReturnCredits(app, db, list.head.ems_no, declaration.id, returned_e5,
                                           app.Today(), r.id));
  }
  std::vector<std::string> reasons = {kReasonReturn};
  if (verdict.contains("findings") && verdict["findings"].is_array()) {
    for (const core::Json& f : verdict["findings"]) {
      if (f.contains("code") && f["code"].is_string())
        reasons.push_back(f["code"].get<std::string>());
    }
  }
  CORE_RETURN_IF_ERROR(RecordStatus(db, declaration, kStatusReleased, now, reasons,
                                    {{"return_id", r.id},
                                     {"refund_message_id", refund_message_id},
                                     {"outcome", r.outcome},
                                     {"restored_fen", r.restored_fen}},
                                    std::nullopt, Actor::System(), trigger));
  return r;
}

}  // namespace server
