// Screenings, tax bills, quota entries and returns: prepared statements only.
#include "store/screening_repo.h"

#include "common/json_text.h"

namespace server {

namespace {

constexpr std::string_view kScreeningColumns =
    "id, declaration_id, at, decision_date, order_message_id, payment_message_id, "
    "waybill_message_id, list_message_id, reconciliation, quota, tax, status";

constexpr std::string_view kBillColumns =
    "id, declaration_id, screening_id, tax_no, invt_no, order_no, logistics_no, ebc_code, "
    "logistics_code, agent_code, customs_code, assure_code, customs_tax_fen, "
    "value_added_tax_fen, consumption_tax_fen, total_fen, status, created_at";

}  // namespace

core::Json ScreeningJson(const ScreeningRecord& s) {
  core::Json j = core::Json::object();
  j["id"] = s.id;
  j["at"] = s.at;
  j["decision_date"] = s.decision_date;
  j["messages"] = {{"order", s.order_message_id},
                   {"payment", s.payment_message_id},
                   {"waybill", s.waybill_message_id},
                   {"inventory", s.list_message_id}};
  j["reconciliation"] = JsonOrNull(s.reconciliation);
  j["quota"] = JsonOrNull(s.quota);
  j["tax"] = s.tax ? JsonOrNull(*s.tax) : core::Json();
  j["status"] = s.status;
  return j;
}

core::StatusOr<int64_t> InsertScreening(Db& db, const ScreeningRecord& s) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO screenings (declaration_id, at, decision_date, order_message_id, "
      "payment_message_id, waybill_message_id, list_message_id, reconciliation, quota, tax, "
      "status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      s.declaration_id, s.at, s.decision_date, s.order_message_id, s.payment_message_id,
      s.waybill_message_id, s.list_message_id, s.reconciliation, s.quota, s.tax, s.status));
  return db.LastInsertId();
}

core::Status SetScreeningStatus(Db& db, int64_t id, int status) {
  return db.Exec("UPDATE screenings SET status = ? WHERE id = ?", status, id);
}

core::StatusOr<std::optional<ScreeningRecord>> LatestScreening(Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT " + std::string(kScreeningColumns) +
                                             " FROM screenings WHERE declaration_id = ? "
                                             "ORDER BY id DESC LIMIT 1",
                                         declaration_id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<ScreeningRecord>();
  ScreeningRecord s;
  s.id = q.Int(0);
  s.declaration_id = q.Int(1);
  s.at = q.Text(2);
  s.decision_date = q.Text(3);
  s.order_message_id = q.Int(4);
  s.payment_message_id = q.Int(5);
  s.waybill_message_id = q.Int(6);
  s.list_message_id = q.Int(7);
  s.reconciliation = q.Text(8);
  s.quota = q.Text(9);
  s.tax = q.OptText(10);
  s.status = static_cast<int>(q.Int(11));
  return std::optional<ScreeningRecord>(std::move(s));
}

core::Json TaxBillJson(const TaxBillRecord& b) {
  core::Json j = core::Json::object();
  j["id"] = b.id;
  j["tax_no"] = b.tax_no;
  j["invt_no"] = b.invt_no;
  j["order_no"] = b.order_no;
  j["logistics_no"] = b.logistics_no;
  j["ebc_code"] = b.ebc_code;
  j["logistics_code"] = b.logistics_code;
  j["agent_code"] = b.agent_code;
  j["customs_code"] = b.customs_code;
  j["assure_code"] = b.assure_code;
  j["customs_tax_fen"] = b.customs_tax_fen;
  j["value_added_tax_fen"] = b.value_added_tax_fen;
  j["consumption_tax_fen"] = b.consumption_tax_fen;
  j["total_fen"] = b.total_fen;
  j["status"] = b.status;
  j["created_at"] = b.created_at;
  core::Json lines = core::Json::array();
  for (const TaxBillLine& l : b.lines) {
    lines.push_back({{"gnum", l.gnum},
                     {"gcode", l.gcode},
                     {"tax_price_fen", l.tax_price_fen},
                     {"customs_tax_fen", l.customs_tax_fen},
                     {"value_added_tax_fen", l.value_added_tax_fen},
                     {"consumption_tax_fen", l.consumption_tax_fen}});
  }
  j["lines"] = lines;
  return j;
}

core::StatusOr<int64_t> InsertTaxBill(Db& db, const TaxBillRecord& b) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO tax_bills (declaration_id, screening_id, tax_no, invt_no, order_no, "
      "logistics_no, ebc_code, logistics_code, agent_code, customs_code, assure_code, "
      "customs_tax_fen, value_added_tax_fen, consumption_tax_fen, total_fen, status, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      b.declaration_id, b.screening_id, b.tax_no, b.invt_no, b.order_no, b.logistics_no, b.ebc_code,
      b.logistics_code, b.agent_code, b.customs_code, b.assure_code, b.customs_tax_fen,
      b.value_added_tax_fen, b.consumption_tax_fen, b.total_fen, b.status, b.created_at));
  const int64_t id = db.LastInsertId();
  for (size_t i = 0; i < b.lines.size(); ++i) {
    const TaxBillLine& l = b.lines[i];
    CORE_RETURN_IF_ERROR(
        db.Exec("INSERT INTO tax_bill_lines (tax_bill_id, line_index, gnum, gcode, tax_price_fen, "
                "customs_tax_fen, value_added_tax_fen, consumption_tax_fen) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id, static_cast<int64_t>(i), l.gnum, l.gcode, l.tax_price_fen, l.customs_tax_fen,
                l.value_added_tax_fen, l.consumption_tax_fen));
  }
  return id;
}

core::StatusOr<std::optional<TaxBillRecord>> FindTaxBill(Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT " + std::string(kBillColumns) +
                                             " FROM tax_bills WHERE declaration_id = ?",
                                         declaration_id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<TaxBillRecord>();
  TaxBillRecord b;
  b.id = q.Int(0);
  b.declaration_id = q.Int(1);
  b.screening_id = q.Int(2);
  b.tax_no = q.Text(3);
  b.invt_no = q.Text(4);
  b.order_no = q.Text(5);
  b.logistics_no = q.Text(6);
  b.ebc_code = q.Text(7);
  b.logistics_code = q.Text(8);
  b.agent_code = q.Text(9);
  b.customs_code = q.Text(10);
  b.assure_code = q.Text(11);
  b.customs_tax_fen = q.Int(12);
  b.value_added_tax_fen = q.Int(13);
  b.consumption_tax_fen = q.Int(14);
  b.total_fen = q.Int(15);
  b.status = q.Text(16);
  b.created_at = q.Text(17);
  CORE_ASSIGN_OR_RETURN(Stmt l, db.Query("SELECT gnum, gcode, tax_price_fen, customs_tax_fen, "
                                         "value_added_tax_fen, consumption_tax_fen FROM "
                                         "tax_bill_lines WHERE tax_bill_id = ? ORDER BY line_index",
                                         b.id));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool more, l.Step());
    if (!more) break;
    b.lines.push_back(TaxBillLine{l.Int(0), l.Text(1), l.Int(2), l.Int(3), l.Int(4), l.Int(5)});
  }
  return std::optional<TaxBillRecord>(std::move(b));
}

core::Status InsertQuotaEntry(Db& db, const QuotaEntry& e) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO buyer_quota_entries (buyer_id_number, year, declaration_id, kind, value_fen, "
      "at) VALUES (?, ?, ?, ?, ?, ?)",
      e.buyer_id_number, e.year, e.declaration_id, e.kind, e.value_fen, e.at));
  const int64_t id = db.LastInsertId();
  for (const QuotaQuantity& q : e.quantities) {
    // Lines of one code and unit add up (the primary key is per code and unit).
    CORE_RETURN_IF_ERROR(db.Exec(
        "INSERT INTO buyer_quota_quantities (entry_id, code8, unit, qty_milli) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (entry_id, code8, unit) DO UPDATE SET qty_milli = qty_milli + "
        "excluded.qty_milli",
        id, q.code8, q.unit, q.qty_milli));
  }
  return core::OkStatus();
}

core::StatusOr<core::Fen> YearToDate(Db& db, std::string_view buyer_id_number, int year) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT COALESCE(SUM(value_fen), 0) FROM "
                                         "buyer_quota_entries WHERE buyer_id_number = ? AND "
                                         "year = ?",
                                         buyer_id_number, year));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}

core::StatusOr<std::vector<QuotaQuantity>> YearQuantities(Db& db, std::string_view buyer_id_number,
                                                          int year) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT q.code8, q.unit, SUM(q.qty_milli) FROM buyer_quota_quantities q "
                       "JOIN buyer_quota_entries e ON e.id = q.entry_id WHERE "
                       "e.buyer_id_number = ? AND e.year = ? GROUP BY q.code8, q.unit "
                       "HAVING SUM(q.qty_milli) <> 0 ORDER BY q.code8, q.unit",
                       buyer_id_number, year));
  std::vector<QuotaQuantity> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(QuotaQuantity{s.Text(0), s.Text(1), s.Int(2)});
  }
  return out;
}

core::StatusOr<std::optional<QuotaEntry>> ReleaseEntry(Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT id, buyer_id_number, year, value_fen, at FROM "
                                         "buyer_quota_entries WHERE declaration_id = ? AND "
                                         "kind = 'release' ORDER BY id LIMIT 1",
                                         declaration_id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<QuotaEntry>();
  QuotaEntry e;
  const int64_t entry_id = s.Int(0);
  e.buyer_id_number = s.Text(1);
  e.year = static_cast<int>(s.Int(2));
  e.declaration_id = declaration_id;
  e.kind = "release";
  e.value_fen = s.Int(3);
  e.at = s.Text(4);
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT code8, unit, qty_milli FROM "
                                         "buyer_quota_quantities WHERE entry_id = ? "
                                         "ORDER BY code8, unit",
                                         entry_id));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool more, q.Step());
    if (!more) break;
    e.quantities.push_back(QuotaQuantity{q.Text(0), q.Text(1), q.Int(2)});
  }
  return std::optional<QuotaEntry>(std::move(e));
}

core::StatusOr<std::vector<FiledCode>> FiledGoodsOf(Db& db, std::string_view customs_code) {
  // Ranking in SQL keeps one row per code: admitted 3, review 2, rejected 1.
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT g.code10, MAX(CASE g.outcome WHEN 'admitted' THEN 3 WHEN 'review' "
                       "THEN 2 ELSE 1 END) FROM goods_filings g JOIN enterprises e ON "
                       "e.id = g.enterprise_id WHERE e.customs_code = ? GROUP BY g.code10 "
                       "ORDER BY g.code10",
                       customs_code));
  std::vector<FiledCode> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    const int64_t rank = s.Int(1);
    out.push_back(FiledCode{s.Text(0), rank == 3 ? "admitted" : rank == 2 ? "review" : "rejected"});
  }
  return out;
}

core::Json ReturnJson(const ReturnRecord& r) {
  return {{"id", r.id},
          {"refund_message_id", r.refund_message_id},
          {"outcome", r.outcome},
          {"restored_fen", r.restored_fen},
          {"verdict", JsonOrNull(r.verdict)},
          {"at", r.at}};
}

core::StatusOr<int64_t> InsertReturn(Db& db, const ReturnRecord& r) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO declaration_returns (declaration_id, refund_message_id, outcome, restored_fen, "
      "verdict, at) VALUES (?, ?, ?, ?, ?, ?)",
      r.declaration_id, r.refund_message_id, r.outcome, r.restored_fen, r.verdict, r.at));
  return db.LastInsertId();
}

core::StatusOr<std::vector<ReturnRecord>> ListReturns(Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT id, declaration_id, refund_message_id, outcome, "
                                         "restored_fen, verdict, at FROM declaration_returns "
                                         "WHERE declaration_id = ? ORDER BY id",
                                         declaration_id));
  std::vector<ReturnRecord> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(
        ReturnRecord{s.Int(0), s.Int(1), s.Int(2), s.Text(3), s.Int(4), s.Text(5), s.Text(6)});
  }
  return out;
}

core::StatusOr<bool> ReturnDecidedFor(Db& db, std::string_view refund_business_key) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT 1 FROM declaration_returns r JOIN ceb_messages m ON "
                                 "m.id = r.refund_message_id WHERE m.type = 'CEB625' AND "
                                 "m.business_key = ? LIMIT 1",
                                 refund_business_key));
  return s.Step();
}

}  // namespace server
