// Bonded ledgers (账册) as the API sees them: creating one, who may see it, its document in the
// core's ledger JSON shape, and the read-only core runs over it (balances, trace, what-if) that
// the browser repeats in WebAssembly over the same JSON. Does database I/O.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/date.h"
#include "core/json.h"
#include "core/ledger.h"
#include "store/enterprises_repo.h"
#include "store/ledger_repo.h"

namespace server {

// Trade modes whose released lists debit a bonded ledger.
bool IsBondedTradeMode(std::string_view trade_mode);

// InvalidArgument ("field '<path>.<key>' is not allowed") for a key of `obj` not in `keys`.
core::Status CheckAllowedFields(const core::Json& obj, std::initializer_list<std::string_view> keys,
                                std::string_view path);

// The enterprise a supervision record (ledger, vehicle, promotion) is created for: an enterprise
// user's own (another `requested` id is NotFound), else `requested` (InvalidArgument naming
// `field` when absent). NotFound when it does not exist, FailedPrecondition unless admitted.
core::StatusOr<EnterpriseRecord> ResolveOwnEnterprise(Db& db, const Actor& actor,
                                                      std::optional<int64_t> requested,
                                                      std::string_view field);

// {"ledger": {"ems_no", "customs_code", "name"?, "enterprise_id" (customs only; an enterprise
// user creates for its own)}}, inside the caller's transaction, audited ("ledger.create").
// InvalidArgument on bad fields, NotFound for an enterprise the actor may not see,
// FailedPrecondition unless the enterprise is admitted, AlreadyExists for a taken ems_no.
core::StatusOr<LedgerRecord> CreateLedger(App& app, Db& db, const Actor& actor,
                                          const core::Json& body);

// The ledger when the actor may see it (customs: all; an enterprise user: its own), else
// NotFound.
core::StatusOr<LedgerRecord> GetLedgerFor(Db& db, const Actor& actor, std::string_view ems_no);

// The ledger in the core's shape {"ems_no", "enterprise_code", "entries": [...]}; with
// `bookkeeping` the summary fields and each entry's declaration_id/created_* are added (the core
// ignores them).
core::StatusOr<core::Json> LedgerDocument(Db& db, const LedgerRecord& l, bool bookkeeping);

// The core ledger of the stored entries. Internal when a stored entry does not read back.
core::StatusOr<core::Ledger> LoadCoreLedger(Db& db, const LedgerRecord& l);

// The ledgers named as counterparts by l's transfers (and `extra`, when given) that the actor
// may see, at most 20, by ems_no: the counterparts the server's core runs pair transfers with.
core::StatusOr<std::vector<LedgerRecord>> VisibleCounterparts(Db& db, const Actor& actor,
                                                              const LedgerRecord& l,
                                                              std::string_view extra = "");

// core::LedgerBalancesJson over {"ledger", "date"?, "counterparts": VisibleCounterparts}.
core::StatusOr<core::Json> LedgerBalances(Db& db, const Actor& actor, const LedgerRecord& l,
                                          const std::optional<core::Date>& date);
// core::LedgerTraceJson over {"ledger", "as_of"?, "sku" + "unit" | "entry_id"} from the query.
core::StatusOr<core::Json> LedgerTrace(Db& db, const LedgerRecord& l, const core::Json& query);
// core::LedgerWhatIfJson over {"ledger", "counterparts", "pending"} (a pending entry without an
// id is given "pending"). Nothing is stored.
core::StatusOr<core::Json> LedgerWhatIf(Db& db, const Actor& actor, const LedgerRecord& l,
                                        const core::Json& body);

}  // namespace server
