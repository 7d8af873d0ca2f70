// Supervision hooks: promotion and bonded-ledger checks of a list and the ledger debit on
// release. Does file I/O through the Db handle.
#include "service/supervision_hooks.h"

#include "service/ledgers.h"
#include "service/ledgers_booking.h"
#include "service/promotions.h"

namespace server {

namespace {

// The list's number in ledger entries: the customs-assigned one, else a stable stand-in.
std::string InvtNoOf(const core::Inventory& list, const DeclarationRecord* decl) {
  if (decl != nullptr && !decl->invt_no.empty()) return decl->invt_no;
  if (!list.head.invt_no.empty()) return list.head.invt_no;
  if (decl != nullptr) return "DECL-" + std::to_string(decl->id);
  return "PENDING-" + list.head.cop_no;
}

}  // namespace

core::StatusOr<core::Json> CheckListPromotions(App& app, Db& db, const core::Inventory& list) {
  return CheckListPrices(app, db, list);
}

core::StatusOr<core::Json> CheckListLedger(App& app, Db& db, const core::Inventory& list) {
  if (!IsBondedTradeMode(list.head.trade_mode)) return core::Json::object();
  const std::string invt_no = InvtNoOf(list, nullptr);
  const core::Date date = app.Today();
  CORE_ASSIGN_OR_RETURN(ListDebitPlan plan, PlanListDebits(db, list, invt_no, date));
  return ListDebitPlanJson(plan, invt_no, date);
}

core::Status OnListReleased(App& app, Db& db, const DeclarationRecord& decl,
                            const core::Inventory& list) {
  if (!IsBondedTradeMode(list.head.trade_mode)) return core::OkStatus();
  const std::string invt_no = InvtNoOf(list, &decl);
  core::Date date = app.Today();
  if (decl.released_on) {
    core::StatusOr<core::Date> released = core::Date::Parse(*decl.released_on);
    if (released.ok()) date = *released;
  }
  CORE_ASSIGN_OR_RETURN(ListDebitPlan plan, PlanListDebits(db, list, invt_no, date));
  return BookListDebits(app, db, plan, invt_no, decl.id);
}

}  // namespace server
