// Risk runs and hits; the declarations read in two statements (heads, then every line).
#include "store/risk_repo.h"

#include <map>

#include "common/json_text.h"

namespace server {

core::StatusOr<std::vector<core::RiskDeclaration>> RiskDeclarations(Db& db) {
  std::vector<core::RiskDeclaration> out;
  std::map<int64_t, size_t> index;  // declaration id -> position
  {
    CORE_ASSIGN_OR_RETURN(
        Stmt q, db.Query("SELECT d.id, d.ebc_code, d.buyer_id_number, d.decl_date, "
                         "COALESCE(o.buyer_phone_key, ''), COALESCE(o.consignee_address_key, ''), "
                         "COALESCE(substr(o.app_time, 9, 2), '12') FROM declarations d LEFT JOIN "
                         "ceb_orders o ON o.order_no = d.order_no AND o.ebp_code = d.ebp_code "
                         "WHERE d.status <> 899 ORDER BY d.id"));
    for (;;) {
      CORE_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      core::RiskDeclaration r;
      r.id = q.Int(0);
      r.ebc_code = q.Text(1);
      r.buyer_id = q.Text(2);
      core::StatusOr<core::Date> date = core::Date::Parse(q.Text(3));
      if (!date.ok()) continue;  // a list without a valid date is not a list the models read
      r.date = *date;
      r.phone_key = q.Text(4);
      r.address_key = q.Text(5);
      const std::string hour = q.Text(6);
      r.hour =
          hour.size() == 2 && hour[0] >= '0' && hour[0] <= '2' && hour[1] >= '0' && hour[1] <= '9'
              ? (hour[0] - '0') * 10 + (hour[1] - '0')
              : 12;
      index[r.id] = out.size();
      out.push_back(std::move(r));
    }
  }
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT d.id, l.item_no, l.gcode, l.qty_e5, l.price_fen, l.total_price_fen "
                       "FROM declarations d JOIN ceb_list_lines l ON l.message_id = "
                       "d.list_message_id WHERE d.status <> 899 ORDER BY d.id, l.line_index"));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    auto at = index.find(q.Int(0));
    if (at == index.end()) continue;
    core::RiskDeclaration& r = out[at->second];
    r.lines.push_back({q.Text(1), q.Text(2), q.Int(3), q.Int(4), q.Int(5)});
    r.value_fen += q.Int(5);
  }
  return out;
}

core::Json RiskRunJson(const RiskRunRecord& r) {
  return {{"id", r.id},
          {"thresholds", JsonOrNull(r.thresholds)},
          {"as_of", r.as_of},
          {"declarations", r.declarations},
          {"hits", r.hits},
          {"started_by", OrNull(r.started_by)},
          {"started_at", r.started_at}};
}

core::StatusOr<int64_t> InsertRiskRun(Db& db, const RiskRunRecord& r) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO risk_runs (thresholds, as_of, declarations, hits, started_by, started_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      r.thresholds, r.as_of, r.declarations, r.hits, r.started_by, r.started_at));
  return db.LastInsertId();
}

core::StatusOr<std::optional<RiskRunRecord>> FindRiskRun(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT id, thresholds, as_of, declarations, hits, "
                                         "started_by, started_at FROM risk_runs WHERE id = ?",
                                         id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<RiskRunRecord>();
  RiskRunRecord r;
  r.id = q.Int(0);
  r.thresholds = q.Text(1);
  r.as_of = q.Text(2);
  r.declarations = q.Int(3);
  r.hits = q.Int(4);
  r.started_by = q.OptInt(5);
  r.started_at = q.Text(6);
  return std::optional<RiskRunRecord>(std::move(r));
}

core::Status InsertRiskHit(Db& db, int64_t run_id, const core::RiskHit& h) {
  return db.Exec(
      "INSERT INTO risk_hits (run_id, model, subject_kind, subject, score, declarations, "
      "explanation_zh, explanation_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      run_id, h.model, h.subject_kind, h.subject, static_cast<int64_t>(h.score),
      core::DumpJson(core::Json(h.declarations)), h.explanation_zh, h.explanation_en);
}

core::StatusOr<std::vector<core::RiskHit>> ListRiskHits(Db& db, int64_t run_id,
                                                        const std::string& model, int64_t limit) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT model, subject_kind, subject, score, declarations, explanation_zh, "
                       "explanation_en FROM risk_hits WHERE run_id = ?1 AND (?2 = '' OR model = "
                       "?2) ORDER BY id LIMIT ?3",
                       run_id, model, limit));
  std::vector<core::RiskHit> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    core::RiskHit h;
    h.model = q.Text(0);
    h.subject_kind = q.Text(1);
    h.subject = q.Text(2);
    h.score = static_cast<int>(q.Int(3));
    const core::Json ids = JsonOrNull(q.Text(4));
    for (const core::Json& id : ids) {
      if (id.is_number_integer()) h.declarations.push_back(id.get<int64_t>());
    }
    h.explanation_zh = q.Text(5);
    h.explanation_en = q.Text(6);
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace server
