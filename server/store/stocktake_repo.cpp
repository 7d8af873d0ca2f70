// Stocktakes: prepared statements only.
#include "store/stocktake_repo.h"

#include "common/json_text.h"

namespace server {

namespace {

constexpr std::string_view kColumns =
    "s.id, s.ledger_id, l.ems_no, s.enterprise_id, e.name, s.date, s.method, s.input, s.result, "
    "s.outcome, s.shortage_action, s.tax_fen, s.recounted_by, s.recounted_at, s.created_by, "
    "s.created_at";
constexpr std::string_view kFrom =
    " FROM stocktakes s JOIN ledgers l ON l.id = s.ledger_id JOIN enterprises e ON e.id = "
    "s.enterprise_id";

StocktakeRecord ReadStocktake(const Stmt& q) {
  StocktakeRecord s;
  s.id = q.Int(0);
  s.ledger_id = q.Int(1);
  s.ems_no = q.Text(2);
  s.enterprise_id = q.Int(3);
  s.enterprise_name = q.Text(4);
  s.date = q.Text(5);
  s.method = q.Text(6);
  s.input = q.Text(7);
  s.result = q.Text(8);
  s.outcome = q.Text(9);
  s.shortage_action = q.Text(10);
  s.tax_fen = q.Int(11);
  s.recounted_by = q.OptInt(12);
  s.recounted_at = q.OptText(13);
  s.created_by = q.OptInt(14);
  s.created_at = q.Text(15);
  return s;
}

}  // namespace

core::Json StocktakeSummaryJson(const StocktakeRecord& s) {
  return {{"id", s.id},
          {"ems_no", s.ems_no},
          {"enterprise_id", s.enterprise_id},
          {"enterprise_name", s.enterprise_name},
          {"date", s.date},
          {"method", s.method},
          {"outcome", s.outcome},
          {"shortage_action", s.shortage_action},
          {"tax_fen", s.tax_fen},
          {"recounted_at", OrNull(s.recounted_at)},
          {"created_at", s.created_at}};
}

core::Json StocktakeToApiJson(const StocktakeRecord& s) {
  core::Json j = StocktakeSummaryJson(s);
  j["input"] = JsonOrNull(s.input);
  j["result"] = JsonOrNull(s.result);
  return j;
}

core::StatusOr<int64_t> InsertStocktake(Db& db, const StocktakeRecord& s) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO stocktakes (ledger_id, enterprise_id, date, method, input, result, outcome, "
      "shortage_action, tax_fen, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      s.ledger_id, s.enterprise_id, s.date, s.method, s.input, s.result, s.outcome,
      s.shortage_action, s.tax_fen, s.created_by, s.created_at));
  return db.LastInsertId();
}

core::Status UpdateStocktake(Db& db, const StocktakeRecord& s) {
  return db.Exec(
      "UPDATE stocktakes SET input = ?, result = ?, outcome = ?, shortage_action = ?, tax_fen = ?, "
      "recounted_by = ?, recounted_at = ? WHERE id = ?",
      s.input, s.result, s.outcome, s.shortage_action, s.tax_fen, s.recounted_by, s.recounted_at,
      s.id);
}

core::StatusOr<std::optional<StocktakeRecord>> FindStocktake(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q,
      db.Query("SELECT " + std::string(kColumns) + std::string(kFrom) + " WHERE s.id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<StocktakeRecord>();
  return std::optional<StocktakeRecord>(ReadStocktake(q));
}

core::StatusOr<ListResult<StocktakeRecord>> ListStocktakes(Db& db, const StocktakeFilter& f,
                                                           const Page& page) {
  static constexpr std::string_view kWhere =
      " WHERE (?1 IS NULL OR s.enterprise_id = ?1) AND (?2 IS NULL OR s.ledger_id = ?2)";
  ListResult<StocktakeRecord> out;
  {
    CORE_ASSIGN_OR_RETURN(Stmt c,
                          db.Query("SELECT COUNT(*)" + std::string(kFrom) + std::string(kWhere),
                                   f.enterprise_id, f.ledger_id));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT " + std::string(kColumns) + std::string(kFrom) +
                                             std::string(kWhere) +
                                             " ORDER BY s.date DESC, s.id DESC LIMIT ?3 OFFSET ?4",
                                         f.enterprise_id, f.ledger_id, page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.items.push_back(ReadStocktake(q));
  }
  return out;
}

core::StatusOr<std::optional<std::string>> LastStocktakeDate(Db& db, int64_t ledger_id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT MAX(date) FROM stocktakes WHERE ledger_id = ?", ledger_id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<std::string>();
  return q.OptText(0);
}

}  // namespace server
