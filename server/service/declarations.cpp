// Declarations: upkeep from list versions, status events, visibility and the detail view.
#include "service/declarations.h"

#include <cctype>

#include "common/clock.h"
#include "common/json_text.h"
#include "service/ceb_record.h"
#include "store/current_docs_repo.h"
#include "store/messages_repo.h"
#include "store/screening_repo.h"

namespace server {

namespace {

// Resident IDs end in a check character that may be written 'x' or 'X'; the quota counts one
// person, so the store keys buyers by the upper-case form.
std::string NormalizeBuyerId(std::string id) {
  for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return id;
}

core::StatusOr<core::Json> DocumentJson(Db& db, std::optional<int64_t> message_id) {
  if (!message_id) return core::Json();
  CORE_ASSIGN_OR_RETURN(std::optional<MessageRecord> m, FindMessage(db, *message_id));
  if (!m) return core::Json();
  return core::Json{{"message_id", m->id},
                    {"guid", m->guid},
                    {"version", m->version},
                    {"record", JsonOrNull(m->parsed)}};
}

}  // namespace

core::StatusOr<int64_t> PutDeclarationForList(App& app, Db& db, int64_t list_message_id,
                                              const std::string& list_key,
                                              const core::Inventory& list) {
  const core::InventoryHead& h = list.head;
  const std::string now = FormatUtcIso(app.Now());
  CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> existing,
                        FindDeclarationByListKey(db, list_key));
  DeclarationRecord d = existing ? *existing : DeclarationRecord();
  d.list_key = list_key;
  d.list_message_id = list_message_id;
  d.order_no = h.order_no;
  d.ebp_code = h.ebp_code;
  d.ebc_code = h.ebc_code;
  d.agent_code = h.agent_code;
  d.logistics_code = h.logistics_code;
  d.logistics_no = h.logistics_no;
  d.buyer_id_number = NormalizeBuyerId(h.buyer_id_number);
  d.buyer_name = h.buyer_name;
  d.trade_mode = h.trade_mode;
  // A number the sender quotes wins; otherwise keep the one customs assigned on acceptance.
  if (!h.invt_no.empty()) d.invt_no = h.invt_no;
  d.decl_date = h.decl_time.date().ToIso();
  d.updated_at = now;
  if (existing) {
    CORE_RETURN_IF_ERROR(UpdateDeclarationList(db, d));
    // A list declared again after its withdrawal reopens the declaration; screening writes
    // the event.
    if (d.status == kStatusClosed) {
      CORE_RETURN_IF_ERROR(SetDeclarationStatus(db, d.id, kStatusDeclaring, now, d.released_on));
    }
  } else {
    d.status = kStatusDeclaring;
    d.status_at = now;
    d.created_at = now;
    CORE_ASSIGN_OR_RETURN(d.id, InsertDeclaration(db, d));
  }
  CORE_RETURN_IF_ERROR(ReplaceDeclarationParties(db, d.id, PartiesOf(CebRecord(list))));
  return d.id;
}

core::Status RecordStatus(Db& db, const DeclarationRecord& d, int status, const std::string& at,
                          std::vector<std::string> reasons, core::Json detail,
                          std::optional<int64_t> screening_id, const Actor& actor,
                          const Actor& trigger, const std::optional<std::string>& released_on) {
  CORE_RETURN_IF_ERROR(
      SetDeclarationStatus(db, d.id, status, at, released_on ? released_on : d.released_on));
  if (!detail.is_object()) detail = core::Json::object();
  detail["triggered_by"] = trigger.name;
  DeclarationEvent e;
  e.declaration_id = d.id;
  e.status = status;
  e.at = at;
  e.reasons = std::move(reasons);
  e.detail = std::move(detail);
  e.screening_id = screening_id;
  e.actor_id = actor.user_id;
  e.actor_name = actor.name;
  return InsertDeclarationEvent(db, e).status();
}

core::Status CloseDeclaration(App& app, Db& db, const Actor& actor, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> d, FindDeclaration(db, declaration_id));
  if (!d) return core::NotFoundError("declaration " + std::to_string(declaration_id));
  return RecordStatus(db, *d, kStatusClosed, FormatUtcIso(app.Now()), {"LIST_WITHDRAWN"},
                      core::Json::object(), std::nullopt, actor, actor);
}

core::StatusOr<DeclarationRecord> GetDeclarationFor(
    Db& db, const Actor& actor, const std::optional<std::string>& enterprise_code, int64_t id) {
  CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> d, FindDeclaration(db, id));
  if (!d) return core::NotFoundError("declaration " + std::to_string(id) + " not found");
  if (actor.is_enterprise()) {
    bool visible = false;
    if (enterprise_code) {
      CORE_ASSIGN_OR_RETURN(visible, DeclarationVisibleTo(db, id, *enterprise_code));
    }
    // 404, not 403: another enterprise's declarations must not leak their existence.
    if (!visible) return core::NotFoundError("declaration " + std::to_string(id) + " not found");
  }
  return *std::move(d);
}

core::StatusOr<core::Json> DeclarationDetailJson(Db& db, const DeclarationRecord& d) {
  core::Json j = DeclarationSummaryJson(d);
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> order, CurrentOrderFor(db, d.ebp_code, d.order_no));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> payment,
                        CurrentPaymentFor(db, d.ebp_code, d.order_no));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> waybill,
                        CurrentWaybillFor(db, d.logistics_code, d.logistics_no));
  core::Json set = core::Json::object();
  CORE_ASSIGN_OR_RETURN(set["order"], DocumentJson(db, order));
  CORE_ASSIGN_OR_RETURN(set["payment"], DocumentJson(db, payment));
  CORE_ASSIGN_OR_RETURN(set["waybill"], DocumentJson(db, waybill));
  CORE_ASSIGN_OR_RETURN(set["inventory"], DocumentJson(db, d.list_message_id));
  j["set"] = std::move(set);
  CORE_ASSIGN_OR_RETURN(std::optional<ScreeningRecord> screening, LatestScreening(db, d.id));
  j["screening"] = screening ? ScreeningJson(*screening) : core::Json();
  CORE_ASSIGN_OR_RETURN(std::optional<TaxBillRecord> bill, FindTaxBill(db, d.id));
  j["tax_bill"] = bill ? TaxBillJson(*bill) : core::Json();
  CORE_ASSIGN_OR_RETURN(std::vector<ReturnRecord> returns, ListReturns(db, d.id));
  core::Json returns_json = core::Json::array();
  for (const ReturnRecord& r : returns) returns_json.push_back(ReturnJson(r));
  j["returns"] = std::move(returns_json);
  CORE_ASSIGN_OR_RETURN(std::vector<DeclarationEvent> events, ListDeclarationEvents(db, d.id));
  core::Json history = core::Json::array();
  for (const DeclarationEvent& e : events) history.push_back(DeclarationEventJson(e));
  j["history"] = std::move(history);
  return j;
}

}  // namespace server
