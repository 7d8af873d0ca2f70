// Declarations, their parties and status history: prepared statements only.
#include "store/declarations_repo.h"

#include <algorithm>
#include <charconv>

#include "common/json_text.h"

namespace server {

namespace {

struct StatusName {
  int code;
  std::string_view name;
};

// DOMAIN §2.6 (CEB622 list-receipt statuses).
constexpr StatusName kStatusNames[] = {
    {1, "stored"},
    {2, "declaring"},
    {3, "sent"},
    {4, "send_failed"},
    {100, "rejected"},
    {120, "accepted"},
    {300, "manual_review"},
    {399, "concluded"},
    {500, "inspection"},
    {501, "detained_clearance"},
    {502, "detained_anti_smuggling"},
    {503, "detained_legal"},
    {599, "detained_other"},
    {700, "returned_abroad"},
    {800, "released"},
    {899, "closed"},
};

constexpr std::string_view kColumns =
    "d.id, d.list_key, d.list_message_id, d.order_no, d.ebp_code, d.ebc_code, d.agent_code, "
    "d.logistics_code, d.logistics_no, d.buyer_id_number, d.buyer_name, d.trade_mode, d.invt_no, "
    "d.decl_date, d.status, d.status_at, d.released_on, d.created_at, d.updated_at";

DeclarationRecord ReadDeclaration(const Stmt& s) {
  DeclarationRecord d;
  d.id = s.Int(0);
  d.list_key = s.Text(1);
  d.list_message_id = s.Int(2);
  d.order_no = s.Text(3);
  d.ebp_code = s.Text(4);
  d.ebc_code = s.Text(5);
  d.agent_code = s.Text(6);
  d.logistics_code = s.Text(7);
  d.logistics_no = s.Text(8);
  d.buyer_id_number = s.Text(9);
  d.buyer_name = s.Text(10);
  d.trade_mode = s.Text(11);
  d.invt_no = s.Text(12);
  d.decl_date = s.Text(13);
  d.status = static_cast<int>(s.Int(14));
  d.status_at = s.Text(15);
  d.released_on = s.OptText(16);
  d.created_at = s.Text(17);
  d.updated_at = s.Text(18);
  return d;
}

core::StatusOr<std::optional<DeclarationRecord>> OneDeclaration(Stmt& s) {
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<DeclarationRecord>();
  return std::optional<DeclarationRecord>(ReadDeclaration(s));
}

// Ids of the declarations whose two columns hold the values, oldest first. Column names are the
// fixed ones of this file, never input.
core::StatusOr<std::vector<int64_t>> IdsWhere(Db& db, std::string_view column1,
                                              std::string_view value1, std::string_view column2,
                                              std::string_view value2) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT id FROM declarations WHERE " + std::string(column1) + " = ? AND " +
                           std::string(column2) + " = ? ORDER BY id",
                       value1, value2));
  std::vector<int64_t> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.Int(0));
  }
  return out;
}

constexpr std::string_view kEventColumns =
    "id, declaration_id, status, at, reasons, detail, screening_id, actor_id, actor_name";

DeclarationEvent ReadEvent(const Stmt& s) {
  DeclarationEvent e;
  e.id = s.Int(0);
  e.declaration_id = s.Int(1);
  e.status = static_cast<int>(s.Int(2));
  e.at = s.Text(3);
  core::Json reasons = JsonOrNull(s.Text(4));
  if (reasons.is_array()) {
    for (const core::Json& r : reasons) {
      if (r.is_string()) e.reasons.push_back(r.get<std::string>());
    }
  }
  e.detail = JsonOrNull(s.Text(5));
  e.screening_id = s.OptInt(6);
  e.actor_id = s.OptInt(7);
  e.actor_name = s.Text(8);
  return e;
}

}  // namespace

std::string_view DeclarationStatusName(int status) {
  for (const StatusName& s : kStatusNames) {
    if (s.code == status) return s.name;
  }
  return "";
}

std::optional<int> ParseDeclarationStatus(std::string_view text) {
  for (const StatusName& s : kStatusNames) {
    if (s.name == text) return s.code;
  }
  int code = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  if (DeclarationStatusName(code).empty()) return std::nullopt;
  return code;
}

core::Json DeclarationSummaryJson(const DeclarationRecord& d) {
  core::Json j = core::Json::object();
  j["id"] = d.id;
  j["invt_no"] = d.invt_no;
  j["order_no"] = d.order_no;
  j["ebp_code"] = d.ebp_code;
  j["ebc_code"] = d.ebc_code;
  j["agent_code"] = d.agent_code;
  j["logistics_code"] = d.logistics_code;
  j["logistics_no"] = d.logistics_no;
  j["buyer_id_number"] = d.buyer_id_number;
  j["buyer_name"] = d.buyer_name;
  j["trade_mode"] = d.trade_mode;
  j["decl_date"] = d.decl_date;
  j["status"] = d.status;
  j["status_name"] = std::string(DeclarationStatusName(d.status));
  j["status_at"] = d.status_at;
  j["released_on"] = OrNull(d.released_on);
  j["list_message_id"] = d.list_message_id;
  j["created_at"] = d.created_at;
  j["updated_at"] = d.updated_at;
  return j;
}

core::StatusOr<int64_t> InsertDeclaration(Db& db, const DeclarationRecord& d) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO declarations (list_key, list_message_id, order_no, ebp_code, ebc_code, "
      "agent_code, logistics_code, logistics_no, buyer_id_number, buyer_name, trade_mode, "
      "invt_no, decl_date, status, status_at, released_on, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      d.list_key, d.list_message_id, d.order_no, d.ebp_code, d.ebc_code, d.agent_code,
      d.logistics_code, d.logistics_no, d.buyer_id_number, d.buyer_name, d.trade_mode, d.invt_no,
      d.decl_date, d.status, d.status_at, d.released_on, d.created_at, d.updated_at));
  return db.LastInsertId();
}

core::Status UpdateDeclarationList(Db& db, const DeclarationRecord& d) {
  return db.Exec(
      "UPDATE declarations SET list_message_id = ?, order_no = ?, ebp_code = ?, ebc_code = ?, "
      "agent_code = ?, logistics_code = ?, logistics_no = ?, buyer_id_number = ?, buyer_name = ?, "
      "trade_mode = ?, invt_no = ?, decl_date = ?, updated_at = ? WHERE id = ?",
      d.list_message_id, d.order_no, d.ebp_code, d.ebc_code, d.agent_code, d.logistics_code,
      d.logistics_no, d.buyer_id_number, d.buyer_name, d.trade_mode, d.invt_no, d.decl_date,
      d.updated_at, d.id);
}

core::Status SetDeclarationInvtNo(Db& db, int64_t id, std::string_view invt_no) {
  return db.Exec("UPDATE declarations SET invt_no = ? WHERE id = ?", invt_no, id);
}

core::Status SetDeclarationStatus(Db& db, int64_t id, int status, std::string_view at,
                                  const std::optional<std::string>& released_on) {
  return db.Exec(
      "UPDATE declarations SET status = ?, status_at = ?, updated_at = ?, released_on = ? "
      "WHERE id = ?",
      status, at, at, released_on, id);
}

core::Status ReplaceDeclarationParties(Db& db, int64_t id, const std::vector<std::string>& codes) {
  CORE_RETURN_IF_ERROR(db.Exec("DELETE FROM declaration_parties WHERE declaration_id = ?", id));
  std::vector<std::string> distinct = codes;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (const std::string& code : distinct) {
    if (code.empty()) continue;
    CORE_RETURN_IF_ERROR(db.Exec(
        "INSERT INTO declaration_parties (customs_code, declaration_id) VALUES (?, ?)", code, id));
  }
  return core::OkStatus();
}

core::StatusOr<std::optional<DeclarationRecord>> FindDeclaration(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT " + std::string(kColumns) + " FROM declarations d WHERE d.id = ?", id));
  return OneDeclaration(s);
}

core::StatusOr<std::optional<DeclarationRecord>> FindDeclarationByListKey(Db& db,
                                                                          std::string_view key) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kColumns) +
                                             " FROM declarations d WHERE d.list_key = ?",
                                         key));
  return OneDeclaration(s);
}

core::StatusOr<std::optional<DeclarationRecord>> FindDeclarationForReturn(
    Db& db, std::string_view invt_no, std::string_view ebp_code, std::string_view order_no) {
  if (!invt_no.empty()) {
    CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kColumns) +
                                               " FROM declarations d WHERE d.invt_no = ? "
                                               "ORDER BY d.id DESC LIMIT 1",
                                           invt_no));
    CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> d, OneDeclaration(s));
    if (d) return d;
  }
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT " + std::string(kColumns) +
                                     " FROM declarations d WHERE d.order_no = ? AND d.ebp_code = ? "
                                     "ORDER BY d.id DESC LIMIT 1",
                                 order_no, ebp_code));
  return OneDeclaration(s);
}

core::StatusOr<std::vector<int64_t>> DeclarationsOfOrder(Db& db, std::string_view ebp_code,
                                                         std::string_view order_no) {
  return IdsWhere(db, "order_no", order_no, "ebp_code", ebp_code);
}

core::StatusOr<std::vector<int64_t>> DeclarationsOfWaybill(Db& db, std::string_view logistics_code,
                                                           std::string_view logistics_no) {
  return IdsWhere(db, "logistics_no", logistics_no, "logistics_code", logistics_code);
}

core::StatusOr<bool> DeclarationVisibleTo(Db& db, int64_t id, std::string_view customs_code) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT 1 FROM declaration_parties WHERE customs_code = ? "
                                         "AND declaration_id = ?",
                                         customs_code, id));
  return s.Step();
}

core::StatusOr<ListResult<DeclarationRecord>> ListDeclarations(Db& db, const DeclarationFilter& f,
                                                               const Page& page) {
  static constexpr std::string_view kWhere =
      " WHERE (?1 IS NULL OR d.status = ?1) AND (?2 = '' OR d.ebc_code = ?2) AND "
      "(?3 = '' OR d.order_no = ?3) AND (?4 = '' OR d.decl_date >= ?4) AND "
      "(?5 = '' OR d.decl_date <= ?5) AND (?6 IS NULL OR EXISTS (SELECT 1 FROM "
      "declaration_parties p WHERE p.customs_code = ?6 AND p.declaration_id = d.id))";
  std::optional<int64_t> status;
  if (f.status) status = *f.status;
  ListResult<DeclarationRecord> out;
  {
    CORE_ASSIGN_OR_RETURN(
        Stmt c, db.Query("SELECT COUNT(*) FROM declarations d" + std::string(kWhere), status,
                         f.ebc_code, f.order_no, f.from, f.to, f.party));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT " + std::string(kColumns) + " FROM declarations d" + std::string(kWhere) +
                   " ORDER BY d.id DESC LIMIT ?7 OFFSET ?8",
               status, f.ebc_code, f.order_no, f.from, f.to, f.party, page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadDeclaration(s));
  }
  return out;
}

core::Json DeclarationEventJson(const DeclarationEvent& e) {
  core::Json j = core::Json::object();
  j["id"] = e.id;
  j["status"] = e.status;
  j["status_name"] = std::string(DeclarationStatusName(e.status));
  j["at"] = e.at;
  j["reasons"] = e.reasons;
  j["detail"] = e.detail;
  j["screening_id"] = OrNull(e.screening_id);
  j["actor_id"] = OrNull(e.actor_id);
  j["actor_name"] = e.actor_name;
  return j;
}

core::StatusOr<int64_t> InsertDeclarationEvent(Db& db, const DeclarationEvent& e) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO declaration_events (declaration_id, status, at, reasons, detail, screening_id, "
      "actor_id, actor_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      e.declaration_id, e.status, e.at, core::DumpJson(core::Json(e.reasons)),
      core::DumpJson(e.detail), e.screening_id, e.actor_id, e.actor_name));
  return db.LastInsertId();
}

core::StatusOr<std::vector<DeclarationEvent>> ListDeclarationEvents(Db& db,
                                                                    int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kEventColumns) +
                                             " FROM declaration_events WHERE declaration_id = ? "
                                             "ORDER BY id",
                                         declaration_id));
  std::vector<DeclarationEvent> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadEvent(s));
  }
  return out;
}

core::StatusOr<std::optional<DeclarationEvent>> LastDeclarationEvent(Db& db,
                                                                     int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kEventColumns) +
                                             " FROM declaration_events WHERE declaration_id = ? "
                                             "ORDER BY id DESC LIMIT 1",
                                         declaration_id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<DeclarationEvent>();
  return std::optional<DeclarationEvent>(ReadEvent(s));
}

}  // namespace server
