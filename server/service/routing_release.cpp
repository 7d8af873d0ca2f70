// The release of a declaration list: status, tax bill, quota entry, ledger hook, queue exit.
#include "service/routing_release.h"

#include <cstdio>

#include "common/clock.h"
#include "common/json_text.h"
#include "service/declarations.h"
#include "service/screening_requests.h"
#include "service/supervision_hooks.h"
#include "store/messages_repo.h"
#include "store/queues_repo.h"

namespace server {

namespace {

int64_t IntOr(const core::Json& j, const char* key, int64_t fallback = 0) {
  return j.is_object() && j.contains(key) && j[key].is_number_integer() ? j[key].get<int64_t>()
                                                                        : fallback;
}

TaxBillRecord BillFrom(const DeclarationRecord& d, const core::Inventory& list,
                       const core::Json& tax, int64_t screening_id, const std::string& at) {
  TaxBillRecord b;
  b.declaration_id = d.id;
  b.screening_id = screening_id;
  b.tax_no = AssignedNumber(list, d, 'T');
  b.invt_no = d.invt_no;
  b.order_no = d.order_no;
  b.logistics_no = d.logistics_no;
  b.ebc_code = d.ebc_code;
  b.logistics_code = d.logistics_code;
  b.agent_code = d.agent_code;
  b.customs_code = list.head.customs_code;
  b.assure_code = list.head.assure_code;
  const core::Json& order = tax["order"];
  b.customs_tax_fen = IntOr(order, "duty_fen");
  b.value_added_tax_fen = IntOr(order, "vat_fen");
  b.consumption_tax_fen = IntOr(order, "ct_fen");
  b.total_fen = IntOr(order, "total_fen");
  b.created_at = at;
  const core::Json& lines = tax["lines"];
  for (size_t i = 0; lines.is_array() && i < lines.size() && i < list.lines.size(); ++i) {
    b.lines.push_back(TaxBillLine{
        list.lines[i].gnum, list.lines[i].gcode, IntOr(lines[i], "dutiable_value_fen"),
        IntOr(lines[i], "duty_fen"), IntOr(lines[i], "vat_fen"), IntOr(lines[i], "ct_fen")});
  }
  return b;
}

}  // namespace

std::string AssignedNumber(const core::Inventory& list, const DeclarationRecord& d, char kind) {
  std::string customs = list.head.customs_code.substr(0, 4);
  customs.resize(4, '0');
  char serial[16];
  std::snprintf(serial, sizeof serial, "%09lld", static_cast<long long>(d.id % 1000000000));
  return customs + d.decl_date.substr(0, 4) + kind + serial;
}

template <typename T>
core::StatusOr<T> StoredRecord(Db& db, int64_t message_id,
                               core::StatusOr<T> (*parse)(const core::Json&, std::string_view)) {
  CORE_ASSIGN_OR_RETURN(std::optional<MessageRecord> m, FindMessage(db, message_id));
  if (!m) return core::InternalError("message " + std::to_string(message_id) + " is missing");
  core::StatusOr<core::Json> j = core::ParseJson(m->parsed);
  if (!j.ok()) return core::InternalError("message " + std::to_string(m->id) + " is damaged");
  core::StatusOr<T> record = parse(*j, "");
  if (!record.ok()) {
    return core::InternalError("message " + std::to_string(m->id) + " no longer reads");
  }
  return record;
}
template core::StatusOr<core::Inventory> StoredRecord(
    Db&, int64_t, core::StatusOr<core::Inventory> (*)(const core::Json&, std::string_view));
template core::StatusOr<core::Order> StoredRecord(
    Db&, int64_t, core::StatusOr<core::Order> (*)(const core::Json&, std::string_view));

core::StatusOr<core::Inventory> DeclarationList(Db& db, const DeclarationRecord& d) {
  return StoredRecord(db, d.list_message_id, &core::InventoryFromJson);
}

core::StatusOr<TaxBillRecord> ReleaseDeclaration(App& app, Db& db, const DeclarationRecord& d,
                                                 const Actor& actor, const Actor& trigger,
                                                 std::vector<std::string> reasons,
                                                 core::Json detail, const ReleaseInputs* known) {
  if (d.status == kStatusReleased) {
    return core::FailedPreconditionError("declaration " + std::to_string(d.id) +
                                         " is already released");
  }
  int64_t screening_id = 0;
  core::Json tax;
  core::Json quota;
  std::optional<core::Inventory> read_list;
  if (known != nullptr && known->tax != nullptr && known->quota != nullptr &&
      known->list != nullptr) {
    screening_id = known->screening_id;
    tax = *known->tax;
    quota = *known->quota;
  } else {
    CORE_ASSIGN_OR_RETURN(std::optional<ScreeningRecord> screening, LatestScreening(db, d.id));
    if (!screening || !screening->tax) {
      return core::FailedPreconditionError("declaration " + std::to_string(d.id) +
                                           " has no computed tax: it cannot be released");
    }
    screening_id = screening->id;
    tax = JsonOrNull(*screening->tax);
    quota = JsonOrNull(screening->quota);
    CORE_ASSIGN_OR_RETURN(read_list, DeclarationList(db, d));
  }
  if (!tax.is_object() || !quota.is_object()) {
    return core::InternalError("screening " + std::to_string(screening_id) + " is damaged");
  }
  const core::Inventory& list = read_list ? *read_list : *known->list;
  const std::string now = FormatUtcIso(app.Now());
  const std::string released_on = app.Today().ToIso();
  detail["quota_path"] = quota.contains("path") ? quota["path"] : core::Json();
  detail["tax_total_fen"] = IntOr(tax["order"], "total_fen");
  CORE_RETURN_IF_ERROR(RecordStatus(db, d, kStatusReleased, now, std::move(reasons),
                                    std::move(detail), screening_id, actor, trigger, released_on));
  TaxBillRecord bill = BillFrom(d, list, tax, screening_id, now);
  CORE_ASSIGN_OR_RETURN(bill.id, InsertTaxBill(db, bill));
  QuotaEntry e;
  e.buyer_id_number = d.buyer_id_number;
  e.year = list.head.decl_time.date().year();
  e.declaration_id = d.id;
  e.kind = "release";
  const bool counts = quota.contains("counts_toward_annual") &&
                      quota["counts_toward_annual"].is_boolean() &&
                      quota["counts_toward_annual"].get<bool>();
  e.value_fen = counts ? IntOr(quota, "value_fen") : 0;
  e.at = now;
  const std::shared_ptr<const ReferenceData> ref = app.reference();
  for (const core::InventoryLine& l : list.lines) {
    e.quantities.push_back(QuotaQuantityOf(l, ref->tables.positive_list));
  }
  CORE_RETURN_IF_ERROR(InsertQuotaEntry(db, e));
  DeclarationRecord released = d;
  released.status = kStatusReleased;
  released.released_on = released_on;
  CORE_RETURN_IF_ERROR(OnListReleased(app, db, released, list));
  CORE_RETURN_IF_ERROR(RemoveQueueEntry(db, d.id));
  return bill;
}

}  // namespace server
