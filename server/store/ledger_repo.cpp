// Ledgers, ledger entries and transfers: prepared statements only.
#include "store/ledger_repo.h"

#include "common/json_text.h"

namespace server {

namespace {

constexpr std::string_view kLedgerColumns =
    "l.id, l.ems_no, l.enterprise_id, l.enterprise_code, e.name, l.customs_code, l.name, "
    "l.created_by, l.created_at, "
    "(SELECT COUNT(*) FROM ledger_entries x WHERE x.ledger_id = l.id)";
constexpr std::string_view kLedgerFrom =
    " FROM ledgers l JOIN enterprises e ON e.id = l.enterprise_id";

LedgerRecord ReadLedger(const Stmt& s) {
  LedgerRecord l;
  l.id = s.Int(0);
  l.ems_no = s.Text(1);
  l.enterprise_id = s.Int(2);
  l.enterprise_code = s.Text(3);
  l.enterprise_name = s.Text(4);
  l.customs_code = s.Text(5);
  l.name = s.Text(6);
  l.created_by = s.OptInt(7);
  l.created_at = s.Text(8);
  l.entry_count = s.Int(9);
  return l;
}

constexpr std::string_view kEntryColumns =
    "id, ledger_id, kind, date, seq, sku, invt_no, gnum, transfer_id, declaration_id, entry, "
    "created_by, created_at";

StoredLedgerEntry ReadEntry(const Stmt& s) {
  StoredLedgerEntry e;
  e.id = s.Int(0);
  e.ledger_id = s.Int(1);
  e.kind = s.Text(2);
  e.date = s.Text(3);
  e.seq = s.Int(4);
  e.sku = s.Text(5);
  e.invt_no = s.Text(6);
  e.gnum = s.Int(7);
  e.transfer_id = s.Text(8);
  e.declaration_id = s.OptInt(9);
  e.entry = s.Text(10);
  e.created_by = s.OptInt(11);
  e.created_at = s.Text(12);
  return e;
}

// Every row the statement yields.
core::StatusOr<std::vector<StoredLedgerEntry>> AllEntries(Stmt& s) {
  std::vector<StoredLedgerEntry> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadEntry(s));
  }
  return out;
}

core::StatusOr<int64_t> NextId(Db& db, std::string_view table) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT COALESCE(MAX(id), 0) + 1 FROM " + std::string(table)));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 1;
}

}  // namespace

core::Json LedgerSummaryJson(const LedgerRecord& l) {
  core::Json j = core::Json::object();
  j["id"] = l.id;
  j["ems_no"] = l.ems_no;
  j["enterprise_id"] = l.enterprise_id;
  j["enterprise_code"] = l.enterprise_code;
  j["enterprise_name"] = l.enterprise_name;
  j["customs_code"] = l.customs_code;
  j["name"] = l.name;
  j["entry_count"] = l.entry_count;
  j["created_by"] = OrNull(l.created_by);
  j["created_at"] = l.created_at;
  return j;
}

core::StatusOr<int64_t> InsertLedger(Db& db, const LedgerRecord& l) {
  core::Status st = db.Exec(
      "INSERT INTO ledgers (ems_no, enterprise_id, enterprise_code, customs_code, name, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      l.ems_no, l.enterprise_id, l.enterprise_code, l.customs_code, l.name, l.created_by,
      l.created_at);
  if (st.code() == core::StatusCode::kAlreadyExists) {
    return core::AlreadyExistsError("ledger '" + l.ems_no + "' already exists");
  }
  CORE_RETURN_IF_ERROR(st);
  return db.LastInsertId();
}

core::StatusOr<std::optional<LedgerRecord>> FindLedgerByEmsNo(Db& db, std::string_view ems_no) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kLedgerColumns) +
                                             std::string(kLedgerFrom) + " WHERE l.ems_no = ?",
                                         ems_no));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<LedgerRecord>();
  return std::optional<LedgerRecord>(ReadLedger(s));
}

core::StatusOr<ListResult<LedgerRecord>> ListLedgers(Db& db, const LedgerFilter& f,
                                                     const Page& page) {
  static constexpr std::string_view kWhere =
      " WHERE (?1 IS NULL OR l.enterprise_id = ?1) AND (?2 = '' OR instr(l.ems_no, ?2) > 0 OR "
      "instr(l.name, ?2) > 0 OR instr(l.enterprise_code, ?2) > 0)";
  ListResult<LedgerRecord> out;
  {
    CORE_ASSIGN_OR_RETURN(
        Stmt c, db.Query("SELECT COUNT(*)" + std::string(kLedgerFrom) + std::string(kWhere),
                         f.enterprise_id, f.q));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT " + std::string(kLedgerColumns) + std::string(kLedgerFrom) +
                           std::string(kWhere) + " ORDER BY l.id DESC LIMIT ?3 OFFSET ?4",
                       f.enterprise_id, f.q, page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadLedger(s));
  }
  return out;
}

core::Json StoredLedgerEntryJson(const StoredLedgerEntry& e) {
  core::Json j = JsonOrNull(e.entry);
  if (!j.is_object()) j = core::Json::object();
  j["declaration_id"] = OrNull(e.declaration_id);
  j["created_by"] = OrNull(e.created_by);
  j["created_at"] = e.created_at;
  return j;
}

core::StatusOr<int64_t> NextLedgerEntryId(Db& db) { return NextId(db, "ledger_entries"); }

core::Status InsertLedgerEntry(Db& db, const StoredLedgerEntry& e) {
  core::Status st = db.Exec(
      "INSERT INTO ledger_entries (id, ledger_id, kind, date, seq, sku, invt_no, gnum, "
      "transfer_id, declaration_id, entry, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      e.id, e.ledger_id, e.kind, e.date, e.seq, e.sku, e.invt_no, e.gnum, e.transfer_id,
      e.declaration_id, e.entry, e.created_by, e.created_at);
  if (st.code() == core::StatusCode::kAlreadyExists) {
    return core::AlreadyExistsError("the ledger entry collides with a booked one (" + e.date +
                                    " seq " + std::to_string(e.seq) + ")");
  }
  return st;
}

core::StatusOr<std::vector<StoredLedgerEntry>> ListLedgerEntries(Db& db, int64_t ledger_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT " + std::string(kEntryColumns) +
                                     " FROM ledger_entries WHERE ledger_id = ? ORDER BY date, seq",
                                 ledger_id));
  return AllEntries(s);
}

core::StatusOr<std::vector<StoredLedgerEntry>> ListReleaseEntriesOf(Db& db,
                                                                    int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kEntryColumns) +
                                             " FROM ledger_entries WHERE declaration_id = ? AND "
                                             "kind = 'release_out' ORDER BY gnum",
                                         declaration_id));
  return AllEntries(s);
}

core::StatusOr<bool> HasReleaseEntries(Db& db, int64_t ledger_id, std::string_view invt_no) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT 1 FROM ledger_entries WHERE ledger_id = ? AND "
                                         "kind = 'release_out' AND invt_no = ? LIMIT 1",
                                         ledger_id, invt_no));
  return s.Step();
}

core::StatusOr<int64_t> NextLedgerTransferId(Db& db) { return NextId(db, "ledger_transfers"); }

core::Status InsertLedgerTransfer(Db& db, const LedgerTransferRecord& t) {
  return db.Exec(
      "INSERT INTO ledger_transfers (id, transfer_id, from_ledger_id, to_ledger_id, "
      "out_entry_id, in_entry_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      t.id, t.transfer_id, t.from_ledger_id, t.to_ledger_id, t.out_entry_id, t.in_entry_id,
      t.created_by, t.created_at);
}

}  // namespace server
