// Screening of declaration lists whose set (order, payment, waybill and list of the same orderNo
// on the same platform; the waybill by the list's logistics code and number) is complete: the
// core's reconciliation, the buyer's quota with the year-to-date totals from the store, the tax,
// then a status per DOMAIN §2.6 with its reasons, the tax bill of a released list and the
// buyer's quota entry. Returns (CEB625) restore the quota. All inside the caller's transaction.
// Does database I/O.
#pragma once

#include <cstdint>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/messages.h"
#include "store/declarations_repo.h"
#include "store/screening_repo.h"

namespace server {

// Reason codes of the status events the server writes itself (findings add theirs).
inline constexpr const char* kReasonAwaiting = "AWAITING_DOCUMENTS";
inline constexpr const char* kReasonSetComplete = "SET_COMPLETE";
inline constexpr const char* kReasonDefaultRelease = "ROUTE_DEFAULT_RELEASE";
inline constexpr const char* kReasonListWithdrawn = "LIST_WITHDRAWN";
inline constexpr const char* kReasonReturn = "RETURN_DECIDED";

// Screens each declaration once, in order. A declaration released, under inspection or closed
// is left alone. An incomplete set keeps (or puts) the declaration at 2 "declaring" with the
// missing documents as the reason (a new event only when that changes). A complete set is
// accepted (120, invtNo assigned when the list has none), checked on App::Today() (reconciliation,
// quota, tax, promotions, bonded ledger) and, without error findings, routed by the rules in
// force (service/routing.h, seed and context stored). Then: 100 rejected (errors, or a rule),
// released through ReleaseDeclaration (tax bill, quota entry, ledger hook), or queued for manual
// review (300; warnings at least), valuation (300) or inspection (500, two inspectors drawn).
// `trigger` is recorded in the events' detail; the events' actor is the system. Internal on
// database errors or a core result that does not read back.
core::Status ScreenDeclarations(App& app, Db& db, const Actor& trigger,
                                const std::vector<int64_t>& ids);

// Decides a return against a released declaration with the core (CheckQuotaJson's return form):
// applied on the return's appTime date, the goods taken as back when the return is declared
// (a CEB625 is sent once the parcel is back in the area), released on the declaration's release
// date; the value returned is the whole counted value when every line comes back in full, else
// the returned lines' share of their totals, and never more than the release counted less what
// earlier returns of the list restored. A restored return writes a negative quota entry.
// FailedPrecondition unless the declaration is released.
core::StatusOr<ReturnRecord> DecideReturn(App& app, Db& db, const Actor& trigger,
                                          const DeclarationRecord& declaration,
                                          int64_t refund_message_id, const core::Refund& refund);

}  // namespace server
