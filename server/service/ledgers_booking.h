// Writes to bonded ledgers, each checked by the core first (core::CheckPendingEntry): first-line
// entries and adjustments, transfers between two ledgers (both sides in one transaction) and the
// debits of a released bonded list. A refused check stores nothing. Does database I/O.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/ledger.h"
#include "core/messages.h"
#include "store/ledger_repo.h"

namespace server {

// The result of a checked write: accepted (stored) or refused by the core (nothing stored).
struct LedgerBooking {
  bool accepted = false;
  core::Json result;  // accepted: {"entry"|"transfer", "check"|"checks"}; refused: the checks
  core::Findings findings;
};

// {"entry": {"kind": "first_line_in"|"adjustment", "date", "seq"?, "sku", "item_no"?, "code10",
// "qty", "unit", "entry_no" | "direction", "reason"}} on a ledger the caller may see, inside the
// caller's transaction, audited ("ledger.entry"). The id is assigned by the server.
// InvalidArgument on a malformed entry, another kind, a date after today or a taken (date, seq);
// PermissionDenied when an enterprise user adjusts. A refusal by the core is returned with
// accepted = false.
core::StatusOr<LedgerBooking> BookLedgerEntry(App& app, Db& db, const Actor& actor,
                                              const LedgerRecord& ledger, const core::Json& body);

// {"transfer": {"from_ems_no", "to_ems_no", "date", "sku", "item_no"?, "code10", "qty", "unit"}}:
// a transfer_out on the first ledger and the paired transfer_in on the second, both checked
// (the in against the out), inside the caller's transaction, audited ("ledger.transfer").
// NotFound for a ledger the actor may not see (an enterprise user moves between its own
// ledgers; customs between any), InvalidArgument on bad fields.
core::StatusOr<LedgerBooking> BookLedgerTransfer(App& app, Db& db, const Actor& actor,
                                                 const core::Json& body);

// The plan of debiting a bonded list's lines (one release_out per line, checked in order, each
// after the ones before it): findings LEDGER_EMS_NO_MISSING, LEDGER_NOT_FOUND, LEDGER_NOT_OWNED,
// LEDGER_SKU_MISSING (server) and the core's per line (fields under "InventoryList[i]").
struct ListDebitPlan {
  bool bonded = false;  // trade mode 1210/1239; otherwise nothing else is set
  std::optional<LedgerRecord> ledger;
  std::vector<core::LedgerEntry> entries;   // placed, ready to store when accepted
  core::Json checks = core::Json::array();  // PendingCheckToJson per line
  core::Findings findings;
};
// `invt_no` names the list in the entries; `date` is the day of the debit.
core::StatusOr<ListDebitPlan> PlanListDebits(Db& db, const core::Inventory& list,
                                             const std::string& invt_no, const core::Date& date);
// {"outcome": "accepted"|"refused", "ems_no", "invt_no", "date", "checks", "findings"}.
core::Json ListDebitPlanJson(const ListDebitPlan& plan, const std::string& invt_no,
                             const core::Date& date);
// Stores the plan's entries (declaration `declaration_id`), audited ("ledger.release").
// FailedPrecondition naming the error findings when the plan was refused.
core::Status BookListDebits(App& app, Db& db, const ListDebitPlan& plan, const std::string& invt_no,
                            int64_t declaration_id);

// The goods of a restored return of a released bonded list come back on its ledger `ems_no`:
// one return_in per line its release debited, of `returned_e5[gnum]` (capped at the line's
// quantity; lines with nothing back are skipped), dated `date`, each checked by the core against
// the line's release (LEDGER_RETURN_UNMATCHED, LEDGER_RETURN_EXCEEDS_RELEASE), audited
// ("ledger.return"). Nothing when the release debited no ledger. FailedPrecondition naming the
// findings when the core refuses a line (nothing is stored then).
core::Status BookReturnCredits(App& app, Db& db, const std::string& ems_no, int64_t declaration_id,
                               const std::map<int, int64_t>& returned_e5, const core::Date& date,
                               int64_t return_id);

}  // namespace server
