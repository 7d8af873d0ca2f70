// Queues, inspector assignments, outcomes and supplementary bills: prepared statements only.
#include "store/queues_repo.h"

#include "common/json_text.h"

namespace server {

namespace {

constexpr std::string_view kQueueColumns =
    "declaration_id, queue, entered_at, reasons, detail, routing_decision_id, assignment_id";

QueueEntry QueueRow(const Stmt& q) {
  QueueEntry e;
  e.declaration_id = q.Int(0);
  e.queue = q.Text(1);
  e.entered_at = q.Text(2);
  core::Json reasons = JsonOrNull(q.Text(3));
  for (const core::Json& r : reasons.is_array() ? reasons : core::Json::array()) {
    if (r.is_string()) e.reasons.push_back(r.get<std::string>());
  }
  e.detail = JsonOrNull(q.Text(4));
  e.routing_decision_id = q.OptInt(5);
  e.assignment_id = q.OptInt(6);
  return e;
}

}  // namespace

core::Status PutQueueEntry(Db& db, const QueueEntry& e) {
  const core::Json reasons = e.reasons;
  return db.Exec("INSERT OR REPLACE INTO declaration_queue (" + std::string(kQueueColumns) +
                     ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                 e.declaration_id, e.queue, e.entered_at, core::DumpJson(reasons),
                 core::DumpJson(e.detail), e.routing_decision_id, e.assignment_id);
}

core::Status RemoveQueueEntry(Db& db, int64_t declaration_id) {
  return db.Exec("DELETE FROM declaration_queue WHERE declaration_id = ?", declaration_id);
}

core::StatusOr<std::optional<QueueEntry>> FindQueueEntry(Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT " + std::string(kQueueColumns) +
                                             " FROM declaration_queue WHERE declaration_id = ?",
                                         declaration_id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<QueueEntry>();
  return std::optional<QueueEntry>(QueueRow(q));
}

core::StatusOr<ListResult<QueueEntry>> ListQueue(Db& db, std::string_view queue, int status,
                                                 const Page& page) {
  // A declaration closed or re-screened behind the queue's back is not waiting any more.
  constexpr std::string_view kFrom =
      " FROM declaration_queue q JOIN declarations d ON d.id = q.declaration_id "
      "WHERE q.queue = ? AND d.status = ?";
  ListResult<QueueEntry> out;
  CORE_ASSIGN_OR_RETURN(out.total, db.QueryInt("SELECT COUNT(*)" + std::string(kFrom), queue,
                                               static_cast<int64_t>(status)));
  CORE_ASSIGN_OR_RETURN(
      Stmt q,
      db.Query("SELECT q.declaration_id, q.queue, q.entered_at, q.reasons, q.detail, "
               "q.routing_decision_id, q.assignment_id" +
                   std::string(kFrom) + " ORDER BY q.entered_at, q.declaration_id LIMIT ? OFFSET ?",
               queue, static_cast<int64_t>(status), page.limit, page.offset));
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.items.push_back(QueueRow(q));
  }
  return out;
}

namespace {
core::StatusOr<std::optional<AssignmentRecord>> OneAssignment(Stmt q) {
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<AssignmentRecord>();
  return std::optional<AssignmentRecord>(
      AssignmentRecord{q.Int(0), q.Int(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5), q.Text(6)});
}
constexpr std::string_view kAssignmentColumns =
    "id, declaration_id, seed, request, result, outcome, at";
}  // namespace

core::Json AssignmentJson(const AssignmentRecord& a) {
  return {{"id", a.id},
          {"seed", a.seed},
          {"outcome", a.outcome},
          {"at", a.at},
          {"request", JsonOrNull(a.request)},
          {"result", JsonOrNull(a.result)}};
}

core::StatusOr<int64_t> InsertAssignment(Db& db, const AssignmentRecord& a) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO inspector_assignments (declaration_id, seed, request, result, outcome, at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      a.declaration_id, a.seed, a.request, a.result, a.outcome, a.at));
  return db.LastInsertId();
}

core::StatusOr<std::optional<AssignmentRecord>> FindAssignment(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT " + std::string(kAssignmentColumns) +
                                             " FROM inspector_assignments WHERE id = ?",
                                         id));
  return OneAssignment(std::move(q));
}

core::StatusOr<std::optional<AssignmentRecord>> LatestAssignment(Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT " + std::string(kAssignmentColumns) +
                                             " FROM inspector_assignments WHERE declaration_id = "
                                             "? ORDER BY id DESC LIMIT 1",
                                         declaration_id));
  return OneAssignment(std::move(q));
}

core::StatusOr<std::vector<int64_t>> OfficerIds(Db& db) {
  CORE_ASSIGN_OR_RETURN(Stmt q,
                        db.Query("SELECT id FROM users WHERE role = 'officer' ORDER BY id"));
  std::vector<int64_t> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(q.Int(0));
  }
  return out;
}

core::Json OutcomeJson(const OutcomeRecord& o) {
  return {{"id", o.id},
          {"kind", o.kind},
          {"outcome", o.outcome},
          {"action", o.action},
          {"decided_on", o.decided_on},
          {"at", o.at},
          {"actor_id", OrNull(o.actor_id)},
          {"actor_name", o.actor_name},
          {"reason", o.reason},
          {"detail", o.detail}};
}

core::StatusOr<int64_t> InsertOutcome(Db& db, const OutcomeRecord& o) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO declaration_outcomes (declaration_id, ebc_code, kind, outcome, action, "
              "decided_on, at, actor_id, actor_name, reason, detail) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              o.declaration_id, o.ebc_code, o.kind, o.outcome, o.action, o.decided_on, o.at,
              o.actor_id, o.actor_name, o.reason, core::DumpJson(o.detail)));
  const int64_t id = db.LastInsertId();
  auto one = [](bool b) { return static_cast<int64_t>(b ? 1 : 0); };
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO enterprise_daily_outcomes (ebc_code, day, screened, reviews, inspections, "
      "mismatches, valuations, rejections) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
      "ON CONFLICT (ebc_code, day) DO UPDATE SET screened = screened + ?3, "
      "reviews = reviews + ?4, inspections = inspections + ?5, mismatches = mismatches + ?6, "
      "valuations = valuations + ?7, rejections = rejections + ?8",
      o.ebc_code, o.decided_on, one(o.kind == "screening"), one(o.action == "manual_review"),
      one(o.action == "inspect"), one(o.kind == "inspection" && o.outcome == "mismatch"),
      one(o.action == "valuation"), one(o.action == "reject")));
  return id;
}

core::StatusOr<std::vector<OutcomeRecord>> ListOutcomes(Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT id, declaration_id, ebc_code, kind, outcome, action, decided_on, "
                       "at, actor_id, actor_name, reason, detail FROM declaration_outcomes "
                       "WHERE declaration_id = ? ORDER BY id",
                       declaration_id));
  std::vector<OutcomeRecord> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    OutcomeRecord o;
    o.id = q.Int(0);
    o.declaration_id = q.Int(1);
    o.ebc_code = q.Text(2);
    o.kind = q.Text(3);
    o.outcome = q.Text(4);
    o.action = q.Text(5);
    o.decided_on = q.Text(6);
    o.at = q.Text(7);
    o.actor_id = q.OptInt(8);
    o.actor_name = q.Text(9);
    o.reason = q.Text(10);
    o.detail = JsonOrNull(q.Text(11));
    out.push_back(std::move(o));
  }
  return out;
}

core::StatusOr<HistoryCounts> CountHistory(Db& db, std::string_view ebc_code, std::string_view from,
                                           std::string_view to) {
  HistoryCounts h;
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT COALESCE(SUM(screened), 0), COALESCE(SUM(reviews), 0), "
                       "COALESCE(SUM(inspections), 0), COALESCE(SUM(mismatches), 0), "
                       "COALESCE(SUM(valuations), 0), COALESCE(SUM(rejections), 0) "
                       "FROM enterprise_daily_outcomes WHERE ebc_code = ? AND day >= ? AND "
                       "day <= ?",
                       ebc_code, from, to));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (row) {
    h.lists = q.Int(0);
    h.reviews = q.Int(1);
    h.inspections = q.Int(2);
    h.mismatches = q.Int(3);
    h.valuations = q.Int(4);
    h.rejections = q.Int(5);
  }
  return h;
}

core::StatusOr<int64_t> CountBuyerLists(Db& db, std::string_view buyer_id_number,
                                        std::string_view from, std::string_view to,
                                        int64_t exclude_id) {
  return db.QueryInt(
      "SELECT COUNT(*) FROM declarations WHERE buyer_id_number = ? AND decl_date >= ? AND "
      "decl_date <= ? AND id <> ? AND status <> 899",
      buyer_id_number, from, to, exclude_id);
}

core::StatusOr<int64_t> CountIdsBehindContact(Db& db, bool phone, std::string_view key) {
  if (key.empty()) return int64_t{0};
  // The column comes from this fixed choice, never from input. The "<> ''" repeats the partial
  // index's condition: without it SQLite cannot prove a bound key is not '' and scans the table.
  const std::string column = phone ? "buyer_phone_key" : "consignee_address_key";
  return db.QueryInt("SELECT COUNT(DISTINCT buyer_id_number) FROM ceb_orders WHERE " + column +
                         " = ? AND " + column + " <> ''",
                     key);
}

core::Json SupplementaryBillJson(const SupplementaryBill& b) {
  return {{"id", b.id},
          {"tax_no", b.tax_no},
          {"tax_bill_id", b.tax_bill_id},
          {"customs_tax_fen", b.customs_tax_fen},
          {"value_added_tax_fen", b.value_added_tax_fen},
          {"consumption_tax_fen", b.consumption_tax_fen},
          {"total_fen", b.total_fen},
          {"lines", b.lines},
          {"created_at", b.created_at},
          {"created_by", b.created_by}};
}

core::StatusOr<int64_t> InsertSupplementaryBill(Db& db, const SupplementaryBill& b) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO supplementary_tax_bills (declaration_id, tax_bill_id, tax_no, "
              "customs_tax_fen, value_added_tax_fen, consumption_tax_fen, total_fen, lines, tax, "
              "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              b.declaration_id, b.tax_bill_id, b.tax_no, b.customs_tax_fen, b.value_added_tax_fen,
              b.consumption_tax_fen, b.total_fen, core::DumpJson(b.lines), b.tax, b.created_at,
              b.created_by));
  return db.LastInsertId();
}

core::StatusOr<std::vector<SupplementaryBill>> ListSupplementaryBills(Db& db,
                                                                      int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(Stmt q,
                        db.Query("SELECT id, declaration_id, tax_bill_id, tax_no, customs_tax_fen, "
                                 "value_added_tax_fen, consumption_tax_fen, total_fen, lines, tax, "
                                 "created_at, created_by FROM supplementary_tax_bills "
                                 "WHERE declaration_id = ? ORDER BY id",
                                 declaration_id));
  std::vector<SupplementaryBill> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    SupplementaryBill b;
    b.id = q.Int(0);
    b.declaration_id = q.Int(1);
    b.tax_bill_id = q.Int(2);
    b.tax_no = q.Text(3);
    b.customs_tax_fen = q.Int(4);
    b.value_added_tax_fen = q.Int(5);
    b.consumption_tax_fen = q.Int(6);
    b.total_fen = q.Int(7);
    b.lines = JsonOrNull(q.Text(8));
    b.tax = q.Text(9);
    b.created_at = q.Text(10);
    b.created_by = q.Text(11);
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace server
