// Findings against enterprises and their answers: prepared statements only.
#include "store/findings_repo.h"

#include "common/json_text.h"

namespace server {

namespace {

// Every finding as (object_type, object_id, enterprise_id, code, severity, message_zh,
// message_en, at), with its state from the newest answer. The enterprise of a list or an
// outcome is the newest admitted one holding its e-commerce customs code, as routing reads it.
constexpr std::string_view kFindings = R"sql(
WITH owner(code, id) AS (
  SELECT customs_code, (SELECT e2.id FROM enterprises e2 WHERE e2.customs_code = e.customs_code
                        ORDER BY e2.status = 'admitted' DESC, e2.id DESC LIMIT 1)
  FROM enterprises e GROUP BY customs_code
),
found(object_type, object_id, enterprise_id, code, severity, message_zh, message_en, at) AS (
  SELECT 'patrol_finding', f.id, s.enterprise_id, f.code, f.severity, f.message_zh,
         f.message_en, f.created_at
  FROM patrol_findings f JOIN shops s ON s.id = f.shop_id WHERE f.severity = 'error'
  UNION ALL
  SELECT 'stocktake', st.id, st.enterprise_id, 'STOCKTAKE_' || upper(st.outcome), 'error',
         '盘库（' || st.date || '）' || CASE st.outcome WHEN 'shortage' THEN '账实不符：短少'
           WHEN 'surplus' THEN '账实不符：溢余' WHEN 'incomplete' THEN '未盘点全部有库存的商品'
           ELSE '账实不符：短少且溢余' END,
         'stocktake of ' || st.date || CASE st.outcome WHEN 'incomplete'
           THEN ' left out goods in stock' ELSE ' differs from the book: ' ||
           replace(st.outcome, '_', ' ') END,
         st.created_at
  FROM stocktakes st
  WHERE st.outcome IN ('shortage', 'surplus', 'shortage_and_surplus', 'incomplete')
  UNION ALL
  SELECT 'inspection', o.id, w.id, 'INSPECTION_MISMATCH', 'error',
         '查验结果与申报不符：' || o.reason, 'the inspection found a mismatch: ' || o.reason, o.at
  FROM declaration_outcomes o JOIN owner w ON w.code = o.ebc_code
  WHERE o.kind = 'inspection' AND o.outcome = 'mismatch'
  UNION ALL
  SELECT 'declaration', d.id, w.id, 'LIST_REJECTED', 'error',
         '清单 ' || d.list_key || ' 被退单', 'list ' || d.list_key || ' was rejected', d.status_at
  FROM declarations d JOIN owner w ON w.code = d.ebc_code WHERE d.status = 100
),
answered(object_type, object_id, last_id, n) AS (
  SELECT object_type, object_id, MAX(id), COUNT(*) FROM finding_responses GROUP BY 1, 2
),
stated AS (
  SELECT f.*, CASE WHEN a.last_id IS NULL THEN 'open' WHEN r.review IS NULL THEN 'answered'
                   WHEN r.review = 'accepted' THEN 'closed' ELSE 'open' END AS state,
         COALESCE(a.n, 0) AS responses
  FROM found f LEFT JOIN answered a ON a.object_type = f.object_type AND
                                       a.object_id = f.object_id
  LEFT JOIN finding_responses r ON r.id = a.last_id
)
)sql";

constexpr std::string_view kColumns =
    "object_type, object_id, enterprise_id, code, severity, message_zh, message_en, at, state, "
    "responses";

FindingRow ReadRow(const Stmt& q) {
  FindingRow f;
  f.object_type = q.Text(0);
  f.object_id = q.Int(1);
  f.enterprise_id = q.Int(2);
  f.code = q.Text(3);
  f.severity = q.Text(4);
  f.message_zh = q.Text(5);
  f.message_en = q.Text(6);
  f.at = q.Text(7);
  f.state = q.Text(8);
  f.responses = q.Int(9);
  return f;
}

constexpr std::string_view kResponseColumns =
    "id, object_type, object_id, enterprise_id, kind, text, created_by, created_by_name, "
    "created_at, review, review_note, reviewed_by_name, reviewed_at";

FindingResponse ReadResponse(const Stmt& q) {
  FindingResponse r;
  r.id = q.Int(0);
  r.object_type = q.Text(1);
  r.object_id = q.Int(2);
  r.enterprise_id = q.Int(3);
  r.kind = q.Text(4);
  r.text = q.Text(5);
  r.created_by = q.OptInt(6);
  r.created_by_name = q.Text(7);
  r.created_at = q.Text(8);
  r.review = q.OptText(9);
  r.review_note = q.OptText(10);
  r.reviewed_by_name = q.OptText(11);
  r.reviewed_at = q.OptText(12);
  return r;
}

}  // namespace

bool IsFindingObjectType(std::string_view type) {
  return type == "patrol_finding" || type == "stocktake" || type == "inspection" ||
         type == "declaration";
}

core::Json FindingRowJson(const FindingRow& f) {
  return {{"object_type", f.object_type},
          {"object_id", f.object_id},
          {"enterprise_id", f.enterprise_id},
          {"code", f.code},
          {"severity", f.severity},
          {"message_zh", f.message_zh},
          {"message_en", f.message_en},
          {"at", f.at},
          {"state", f.state},
          {"responses", f.responses}};
}

core::StatusOr<ListResult<FindingRow>> ListFindings(Db& db, const FindingFilter& filter,
                                                    const Page& page) {
  const std::string where =
      " FROM stated WHERE (?1 IS NULL OR enterprise_id = ?1) AND (?2 = '' OR state = ?2)";
  ListResult<FindingRow> out;
  CORE_ASSIGN_OR_RETURN(out.total, db.QueryInt(std::string(kFindings) + "SELECT COUNT(*)" + where,
                                               filter.enterprise_id, filter.state));
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query(std::string(kFindings) + "SELECT " + std::string(kColumns) + where +
                           " ORDER BY at DESC, object_type, object_id LIMIT ?3 OFFSET ?4",
                       filter.enterprise_id, filter.state, page.limit, page.offset));
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.items.push_back(ReadRow(q));
  }
  return out;
}

core::StatusOr<std::optional<FindingRow>> FindFinding(Db& db, std::string_view object_type,
                                                      int64_t object_id) {
  CORE_ASSIGN_OR_RETURN(Stmt q,
                        db.Query(std::string(kFindings) + "SELECT " + std::string(kColumns) +
                                     " FROM stated WHERE object_type = ? AND object_id = ?",
                                 object_type, object_id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<FindingRow>();
  return std::optional<FindingRow>(ReadRow(q));
}

core::Json FindingResponseJson(const FindingResponse& r) {
  return {{"id", r.id},
          {"object_type", r.object_type},
          {"object_id", r.object_id},
          {"enterprise_id", r.enterprise_id},
          {"kind", r.kind},
          {"text", r.text},
          {"created_by", r.created_by_name},
          {"created_at", r.created_at},
          {"review", OrNull(r.review)},
          {"review_note", OrNull(r.review_note)},
          {"reviewed_by", OrNull(r.reviewed_by_name)},
          {"reviewed_at", OrNull(r.reviewed_at)}};
}

core::StatusOr<int64_t> InsertFindingResponse(Db& db, const FindingResponse& r) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO finding_responses (object_type, object_id, enterprise_id, kind, text, "
              "created_by, created_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              r.object_type, r.object_id, r.enterprise_id, r.kind, r.text, r.created_by,
              r.created_by_name, r.created_at));
  return db.LastInsertId();
}

core::StatusOr<std::vector<FindingResponse>> ListFindingResponses(Db& db,
                                                                  std::string_view object_type,
                                                                  int64_t object_id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT " + std::string(kResponseColumns) +
                                             " FROM finding_responses WHERE object_type = ? AND "
                                             "object_id = ? ORDER BY id",
                                         object_type, object_id));
  std::vector<FindingResponse> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(ReadResponse(q));
  }
  return out;
}

core::StatusOr<std::optional<FindingResponse>> FindFindingResponse(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT " + std::string(kResponseColumns) +
                                             " FROM finding_responses WHERE id = ?",
                                         id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<FindingResponse>();
  return std::optional<FindingResponse>(ReadResponse(q));
}

core::StatusOr<bool> ReviewFindingResponse(Db& db, int64_t id, std::string_view review,
                                           std::string_view note, std::string_view by,
                                           std::string_view at) {
  CORE_RETURN_IF_ERROR(
      db.Exec("UPDATE finding_responses SET review = ?, review_note = ?, reviewed_by_name = ?, "
              "reviewed_at = ? WHERE id = ? AND review IS NULL",
              review, note, by, at, id));
  return db.Changes() == 1;
}

}  // namespace server
