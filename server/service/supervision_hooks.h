// Supervision hooks the screening and release paths call: promotion and bonded-ledger checks of a
// list, and the ledger debit when a list is released. Does file I/O through the Db handle.
#pragma once

#include "app.h"
#include "core/json.h"
#include "core/messages.h"
#include "core/status.h"
#include "store/db.h"
#include "store/declarations_repo.h"

namespace server {

// Promotion check of a list: a core verdict JSON with "findings" (PROMO_* codes), or {} .
core::StatusOr<core::Json> CheckListPromotions(App& app, Db& db, const core::Inventory& list);
// For a bonded (1210) list: the ledger what-if of debiting its lines; findings (LEDGER_*).
core::StatusOr<core::Json> CheckListLedger(App& app, Db& db, const core::Inventory& list);
// Called once when a list is released (any path): debits the bonded ledger for a 1210 list.
// Inside the caller's transaction.
core::Status OnListReleased(App& app, Db& db, const DeclarationRecord& decl,
                            const core::Inventory& list);

}  // namespace server
