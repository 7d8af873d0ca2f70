// Declarations as the API and ingestion see them: creating or updating one from a stored list
// version, closing it when the list is withdrawn, who may read it, and its full detail (the set,
// the latest screening, the tax bill, returns and the status history). Does database I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "core/messages.h"
#include "store/declarations_repo.h"

namespace server {

// The declaration of a list business key, created (status 2, no event yet: screening writes the
// first) or updated to this list version, with the list's parties. Returns its id.
core::StatusOr<int64_t> PutDeclarationForList(App& app, Db& db, int64_t list_message_id,
                                              const std::string& list_key,
                                              const core::Inventory& list);

// Moves the declaration to `status` (released_on is kept unless given) and appends the status
// event: who decided (`actor`, the system for automatic screening), the reason codes, and a
// detail object to which "triggered_by" (the user whose message caused it) is added.
core::Status RecordStatus(Db& db, const DeclarationRecord& d, int status, const std::string& at,
                          std::vector<std::string> reasons, core::Json detail,
                          std::optional<int64_t> screening_id, const Actor& actor,
                          const Actor& trigger,
                          const std::optional<std::string>& released_on = std::nullopt);

// The list was withdrawn (appType 3): status 899 closed, reason LIST_WITHDRAWN.
core::Status CloseDeclaration(App& app, Db& db, const Actor& actor, int64_t declaration_id);

// The declaration when the actor may read it (customs: all; an enterprise user: those naming
// its customs code `enterprise_code`), else NotFound.
core::StatusOr<DeclarationRecord> GetDeclarationFor(
    Db& db, const Actor& actor, const std::optional<std::string>& enterprise_code, int64_t id);

// DeclarationSummaryJson plus "set" ({order, payment, waybill, inventory}: each {message_id,
// record} or null, the current documents), "screening" (the latest, or null), "tax_bill" (or
// null), "returns" and "history" (status events, oldest first).
core::StatusOr<core::Json> DeclarationDetailJson(Db& db, const DeclarationRecord& d);

}  // namespace server
