// Officer queues: sending a declaration to manual review, inspection (with a double-random
// draw of two inspectors) or valuation; listing a queue; and the officers' outcomes (review,
// inspection, valuation), each kept as history the routing rules read. Does database I/O inside
// the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "store/declarations_repo.h"
#include "store/queues_repo.h"

namespace server {

inline constexpr const char* kQueueManualReview = "manual_review";
inline constexpr const char* kQueueInspection = "inspection";
inline constexpr const char* kQueueValuation = "valuation";
inline constexpr int kInspectorsPerInspection = 2;

bool IsQueueName(std::string_view name);
// The status a queue holds its declarations at: inspection 500, the others 300 (manual review;
// valuation is a customs review of the value).
int QueueStatus(std::string_view queue);

// Puts `d` in `queue` (replacing any entry): the status event (reasons, detail + "queue") by
// `actor` triggered by `trigger`, and for inspection the draw of two inspectors from every
// officer with core::DrawInspectors on a fresh seed (request and answer stored; too few
// officers leave it undrawn with DRAW_POOL_TOO_SMALL).
core::Status EnqueueDeclaration(App& app, Db& db, const DeclarationRecord& d,
                                std::string_view queue, std::vector<std::string> reasons,
                                core::Json detail, std::optional<int64_t> screening_id,
                                std::optional<int64_t> routing_id, const Actor& actor,
                                const Actor& trigger);

// Rejects `d` (status 100 with `reasons` and `detail`) and takes it out of its queue.
core::Status RejectFromQueue(App& app, Db& db, const DeclarationRecord& d, const Actor& actor,
                             std::vector<std::string> reasons, core::Json detail);

// Appends an outcome row (history) for `d`, dated App::Today().
core::Status RecordOutcome(App& app, Db& db, const DeclarationRecord& d, const Actor& actor,
                           std::string_view kind, std::string_view outcome, std::string_view action,
                           std::string_view reason, core::Json detail);

// {"items": [{"declaration", "queue", "entered_at", "reasons", "detail", "value_fen", "tax_fen",
// "inspectors": [{id, username, display_name}], "assignment"}], "total"}, oldest first.
// NotFound for an unknown queue name.
core::StatusOr<core::Json> QueueListJson(App& app, Db& db, std::string_view queue,
                                         const Page& page);

// POST /declarations/{id}/review {decision: release|reject|inspect|valuation, reason}.
// FailedPrecondition unless the declaration waits in manual review; InvalidArgument on a bad
// body. Answers {"declaration" (detail), "outcome"}.
core::StatusOr<core::Json> ReviewDeclaration(App& app, Db& db, const Actor& actor, int64_t id,
                                             const core::Json& body);

// POST /declarations/{id}/inspection {outcome: match|mismatch, details, reason, action?}: match
// releases; mismatch needs details and action reject|valuation. PermissionDenied for an officer
// who was not drawn (when inspectors were drawn). FailedPrecondition unless under inspection.
core::StatusOr<core::Json> RecordInspection(App& app, Db& db, const Actor& actor, int64_t id,
                                            const core::Json& body);

// POST /declarations/{id}/valuation {lines: [{gnum, dutiable_value_fen}], reason}: the tax
// recomputed by the core with the adjusted dutiable values (lines not named keep the billed
// ones), the list released with its tax bill, and the difference (new - billed) billed as a
// supplementary tax bill. The adjusted value is checked against the CBEC limits again: the tax
// path follows the new verdict (full tax past the single-transaction limit), and a value beyond
// what CBEC allows rejects the list (VALUATION_BEYOND_LIMITS with the quota's findings; no bill).
// FailedPrecondition unless in the valuation queue.
core::StatusOr<core::Json> RecordValuation(App& app, Db& db, const Actor& actor, int64_t id,
                                           const core::Json& body);

// Shared by the outcome handlers: the declaration, 404 when unknown, 409 unless it waits in
// `queue`.
core::StatusOr<DeclarationRecord> DeclarationInQueue(Db& db, int64_t id, std::string_view queue);
// A required reason: a non-empty string of at most 1000 bytes.
core::StatusOr<std::string> RequiredReason(const core::Json& body);

}  // namespace server
