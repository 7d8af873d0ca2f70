// Online patrol, the crawler side: leasing tasks, progress, evidence uploads, results (listing
// observations compared with the declarations by the core; a mystery order's charges) and
// failures; and matching placed mystery orders with the declarations that arrive for them.
// Every call runs inside the caller's write transaction. Does database I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"

namespace server {

// How long a lease lasts without news from its crawler.
inline constexpr int64_t kLeaseSeconds = 120;

// Runs the schedule, then leases the oldest task of `body.kinds` (default both) to `crawler`:
// {"task": {..., "lease_token"}, "shop": {...}, "profile": {...}|null, "buyer": {...}} for a
// mystery order, or nullopt when there is nothing to do.
core::StatusOr<std::optional<core::Json>> LeaseTask(App& app, Db& db, const Actor& crawler,
                                                    const core::Json& body);

// {"lease_token", "progress": {...}}: extends the lease. FailedPrecondition (409) when the lease
// is no longer this crawler's (it expired and another took the task).
core::StatusOr<core::Json> ReportProgress(App& app, Db& db, const Actor& crawler, int64_t task_id,
                                          const core::Json& body);

// {"lease_token", "items": [{"seq", "purpose", "method", "url", "request_body"?, "status",
// "headers": [[name, value]...], "body_base64", "sha256", "content_type", "fetched_at",
// "error"?}]}: stores each fetched page or response. The SHA-256 must be the body's. Sending a
// seq again with the same digest changes nothing; with another digest it is refused (409).
// Returns {"evidence": [{"seq", "id"}]}.
core::StatusOr<core::Json> AddEvidence(App& app, Db& db, const Actor& crawler, int64_t task_id,
                                       const core::Json& body);

// Completes a task. A preview: {"lease_token", "preview": {...}} (the crawler's reading, kept as
// the task's result). A patrol: {"lease_token", "complete_listing", "observations": [{"url",
// "sku", "name", "price_fen"|null, "old_price_fen"|null, "freight_fen"|null, "currency",
// "sources", "evidence_seq"|null}]} → the core's comparison with the declarations, findings
// stored with their evidence. A mystery order: {"lease_token", "order": {"order_no",
// "unit_price_fen", "goods_fen", "freight_fen", "tax_fen", "total_fen", "evidence_seq"}} →
// stored as placed, and matched at once when its declaration is already in. Returns
// {"task", "findings"}.
core::StatusOr<core::Json> CompleteTask(App& app, Db& db, const Actor& crawler, int64_t task_id,
                                        const core::Json& body);

// {"lease_token", "error", "retryable"}: a retryable failure with attempts left goes back to
// the queue; otherwise the task fails (a mystery order is then "failed" too).
core::StatusOr<core::Json> FailTask(App& app, Db& db, const Actor& crawler, int64_t task_id,
                                    const core::Json& body);

// Matches placed mystery orders whose order number one of these declarations carries (called
// after ingestion screens them).
core::Status MatchMysteryOrders(App& app, Db& db, const std::vector<int64_t>& declaration_ids);

}  // namespace server
