// Officer queues, double-random inspector assignments, outcomes (the history routing reads) and
// supplementary tax bills of valuations. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/money.h"
#include "store/db.h"

namespace server {

struct QueueEntry {
  int64_t declaration_id = 0;
  std::string queue;  // manual_review | inspection | valuation
  std::string entered_at;
  std::vector<std::string> reasons;
  core::Json detail = core::Json::object();
  std::optional<int64_t> routing_decision_id;
  std::optional<int64_t> assignment_id;
};

// Puts the declaration in a queue, replacing any entry it had.
core::Status PutQueueEntry(Db& db, const QueueEntry& e);
core::Status RemoveQueueEntry(Db& db, int64_t declaration_id);
core::StatusOr<std::optional<QueueEntry>> FindQueueEntry(Db& db, int64_t declaration_id);
// The entries of declarations still at `status`, oldest first (a queue is worked in arrival
// order).
core::StatusOr<ListResult<QueueEntry>> ListQueue(Db& db, std::string_view queue, int status,
                                                 const Page& page);

struct AssignmentRecord {
  int64_t id = 0;
  int64_t declaration_id = 0;
  std::string seed;
  std::string request;  // core DrawInspectorsJson request and result, as text
  std::string result;
  std::string outcome;  // drawn | insufficient
  std::string at;
};

// {"id", "seed", "outcome", "at", "request", "result"} (request and result parsed).
core::Json AssignmentJson(const AssignmentRecord& a);
core::StatusOr<int64_t> InsertAssignment(Db& db, const AssignmentRecord& a);
core::StatusOr<std::optional<AssignmentRecord>> FindAssignment(Db& db, int64_t id);
// The newest draw for a declaration, if any.
core::StatusOr<std::optional<AssignmentRecord>> LatestAssignment(Db& db, int64_t declaration_id);

// Ids of the users who may be drawn as inspectors (every officer), ascending.
core::StatusOr<std::vector<int64_t>> OfficerIds(Db& db);

struct OutcomeRecord {
  int64_t id = 0;
  int64_t declaration_id = 0;
  std::string ebc_code;
  std::string kind;     // screening | review | inspection | valuation
  std::string outcome;  // the action, or match | mismatch, or adjusted
  std::string action;   // where the list went
  std::string decided_on;
  std::string at;
  std::optional<int64_t> actor_id;
  std::string actor_name;
  std::string reason;
  core::Json detail = core::Json::object();
};

core::Json OutcomeJson(const OutcomeRecord& o);
// Appends the outcome and adds it to its enterprise's daily counts.
core::StatusOr<int64_t> InsertOutcome(Db& db, const OutcomeRecord& o);
// Oldest first.
core::StatusOr<std::vector<OutcomeRecord>> ListOutcomes(Db& db, int64_t declaration_id);

// The history.* counters of an e-commerce enterprise over outcomes decided in [from, to]
// (enterprise_daily_outcomes, kept by InsertOutcome): screenings of its lists, and decisions
// sending a list to review, inspection, valuation or rejection, and inspections that found a
// mismatch. A list screened or decided twice counts twice.
struct HistoryCounts {
  int64_t lists = 0;
  int64_t reviews = 0;
  int64_t inspections = 0;
  int64_t mismatches = 0;
  int64_t valuations = 0;
  int64_t rejections = 0;
};
core::StatusOr<HistoryCounts> CountHistory(Db& db, std::string_view ebc_code, std::string_view from,
                                           std::string_view to);
// Distinct buyer IDs of the current orders whose buyer phone (`phone`) or consignee address
// has this key (common/contact_keys.h); 0 for an empty key.
core::StatusOr<int64_t> CountIdsBehindContact(Db& db, bool phone, std::string_view key);
// Declarations of a buyer declared in [from, to], other than `exclude_id`.
core::StatusOr<int64_t> CountBuyerLists(Db& db, std::string_view buyer_id_number,
                                        std::string_view from, std::string_view to,
                                        int64_t exclude_id);

struct SupplementaryBill {
  int64_t id = 0;
  int64_t declaration_id = 0;
  int64_t tax_bill_id = 0;
  std::string tax_no;
  core::Fen customs_tax_fen = 0;  // new - billed, each may be negative
  core::Fen value_added_tax_fen = 0;
  core::Fen consumption_tax_fen = 0;
  core::Fen total_fen = 0;
  core::Json lines = core::Json::array();
  std::string tax;  // core ComputeTaxJson text
  std::string created_at;
  std::string created_by;
};

core::Json SupplementaryBillJson(const SupplementaryBill& b);
core::StatusOr<int64_t> InsertSupplementaryBill(Db& db, const SupplementaryBill& b);
core::StatusOr<std::vector<SupplementaryBill>> ListSupplementaryBills(Db& db,
                                                                      int64_t declaration_id);

}  // namespace server
