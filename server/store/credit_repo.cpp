// Enterprise credit: prepared statements only.
#include "store/credit_repo.h"

#include "common/json_text.h"

namespace server {

namespace {

constexpr std::string_view kAssessmentColumns =
    "id, enterprise_id, as_of, period_from, policy_version, facts, result, score, risk_level, "
    "recommended_grade, created_by, created_by_name, created_at";

AssessmentRecord ReadAssessment(const Stmt& q) {
  AssessmentRecord a;
  a.id = q.Int(0);
  a.enterprise_id = q.Int(1);
  a.as_of = q.Text(2);
  a.period_from = q.Text(3);
  a.policy_version = q.Text(4);
  a.facts = q.Text(5);
  a.result = q.Text(6);
  a.score = q.Int(7);
  a.risk_level = q.Text(8);
  a.recommended_grade = q.Text(9);
  a.created_by = q.OptInt(10);
  a.created_by_name = q.Text(11);
  a.created_at = q.Text(12);
  return a;
}

}  // namespace

core::Json ViolationJson(const ViolationRecord& v) {
  return {{"id", v.id},
          {"enterprise_id", v.enterprise_id},
          {"kind", v.kind},
          {"decided_on", v.decided_on},
          {"penalty_fen", v.penalty_fen},
          {"overdue_days", v.overdue_days},
          {"reference", v.reference},
          {"description", v.description},
          {"created_at", v.created_at}};
}

core::Json AssessmentJson(const AssessmentRecord& a, bool full) {
  core::Json j = {{"id", a.id},
                  {"as_of", a.as_of},
                  {"period_from", a.period_from},
                  {"policy_version", a.policy_version},
                  {"score", a.score},
                  {"risk_level", a.risk_level},
                  {"recommended_grade", a.recommended_grade},
                  {"created_by", a.created_by_name},
                  {"created_at", a.created_at}};
  if (full) {
    j["facts"] = JsonOrNull(a.facts);
    j["result"] = JsonOrNull(a.result);
  }
  return j;
}

core::Json CreditDecisionJson(const CreditDecisionRecord& d) {
  return {{"id", d.id},
          {"assessment_id", d.assessment_id},
          {"action", d.action},
          {"grade", d.grade},
          {"risk_level", d.risk_level},
          {"reason", d.reason},
          {"decided_by", d.decided_by_name},
          {"decided_at", d.decided_at}};
}

core::StatusOr<int64_t> InsertViolation(Db& db, const ViolationRecord& v) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO enterprise_violations (enterprise_id, kind, decided_on, penalty_fen, "
              "overdue_days, reference, description, created_by, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              v.enterprise_id, v.kind, v.decided_on, v.penalty_fen, v.overdue_days, v.reference,
              v.description, v.created_by, v.created_at));
  return db.LastInsertId();
}

core::StatusOr<std::vector<ViolationRecord>> ListViolations(Db& db, int64_t enterprise_id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT id, enterprise_id, kind, decided_on, penalty_fen, overdue_days, "
                       "reference, description, created_by, created_at FROM enterprise_violations "
                       "WHERE enterprise_id = ? ORDER BY decided_on DESC, id DESC",
                       enterprise_id));
  std::vector<ViolationRecord> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    ViolationRecord v;
    v.id = q.Int(0);
    v.enterprise_id = q.Int(1);
    v.kind = q.Text(2);
    v.decided_on = q.Text(3);
    v.penalty_fen = q.Int(4);
    v.overdue_days = q.Int(5);
    v.reference = q.Text(6);
    v.description = q.Text(7);
    v.created_by = q.OptInt(8);
    v.created_at = q.Text(9);
    out.push_back(std::move(v));
  }
  return out;
}

core::StatusOr<int64_t> InsertAssessment(Db& db, const AssessmentRecord& a) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO credit_assessments (enterprise_id, as_of, period_from, policy_version, facts, "
      "result, score, risk_level, recommended_grade, created_by, created_by_name, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      a.enterprise_id, a.as_of, a.period_from, a.policy_version, a.facts, a.result, a.score,
      a.risk_level, a.recommended_grade, a.created_by, a.created_by_name, a.created_at));
  return db.LastInsertId();
}

core::StatusOr<std::optional<AssessmentRecord>> FindAssessment(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT " + std::string(kAssessmentColumns) +
                                             " FROM credit_assessments WHERE id = ?",
                                         id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<AssessmentRecord>();
  return std::optional<AssessmentRecord>(ReadAssessment(q));
}

core::StatusOr<std::vector<AssessmentRecord>> ListAssessments(Db& db, int64_t enterprise_id,
                                                              int64_t limit) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT " + std::string(kAssessmentColumns) +
                           " FROM credit_assessments WHERE enterprise_id = ? ORDER BY id DESC "
                           "LIMIT ?",
                       enterprise_id, limit));
  std::vector<AssessmentRecord> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(ReadAssessment(q));
  }
  return out;
}

core::StatusOr<int64_t> InsertCreditDecision(Db& db, const CreditDecisionRecord& d) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO credit_decisions (enterprise_id, assessment_id, action, grade, "
              "risk_level, reason, decided_by, decided_by_name, decided_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              d.enterprise_id, d.assessment_id, d.action, d.grade, d.risk_level, d.reason,
              d.decided_by, d.decided_by_name, d.decided_at));
  return db.LastInsertId();
}

core::StatusOr<std::vector<CreditDecisionRecord>> ListCreditDecisions(Db& db, int64_t enterprise_id,
                                                                      int64_t limit) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT id, enterprise_id, assessment_id, action, grade, risk_level, "
                       "reason, decided_by, decided_by_name, decided_at FROM credit_decisions "
                       "WHERE enterprise_id = ? ORDER BY id DESC LIMIT ?",
                       enterprise_id, limit));
  std::vector<CreditDecisionRecord> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    CreditDecisionRecord d;
    d.id = q.Int(0);
    d.enterprise_id = q.Int(1);
    d.assessment_id = q.Int(2);
    d.action = q.Text(3);
    d.grade = q.Text(4);
    d.risk_level = q.Text(5);
    d.reason = q.Text(6);
    d.decided_by = q.OptInt(7);
    d.decided_by_name = q.Text(8);
    d.decided_at = q.Text(9);
    out.push_back(std::move(d));
  }
  return out;
}

core::StatusOr<CreditCounts> CountCreditFacts(Db& db, int64_t enterprise_id,
                                              std::string_view customs_code, std::string_view from,
                                              std::string_view to) {
  CreditCounts c;
  // A patrol (or a test order) with at least one error finding counts once.
  CORE_ASSIGN_OR_RETURN(
      c.patrol_findings,
      db.QueryInt("SELECT COUNT(DISTINCT COALESCE(f.task_id, -f.id)) FROM patrol_findings f "
                  "JOIN shops s ON s.id = f.shop_id WHERE s.enterprise_id = ? AND "
                  "f.severity = 'error' AND substr(f.created_at, 1, 10) BETWEEN ? AND ?",
                  enterprise_id, from, to));
  CORE_ASSIGN_OR_RETURN(
      c.mystery_discrepancies,
      db.QueryInt("SELECT COUNT(*) FROM mystery_orders m JOIN shops s ON s.id = m.shop_id "
                  "WHERE s.enterprise_id = ? AND m.status IN ('mismatch', 'undeclared') AND "
                  "COALESCE(m.placed_on, substr(m.created_at, 1, 10)) BETWEEN ? AND ?",
                  enterprise_id, from, to));
  CORE_ASSIGN_OR_RETURN(
      c.stocktake_differences,
      db.QueryInt("SELECT COUNT(*) FROM stocktakes WHERE enterprise_id = ? AND outcome IN "
                  "('shortage', 'surplus', 'shortage_and_surplus') AND date BETWEEN ? AND ?",
                  enterprise_id, from, to));
  // The newest run's hits naming the enterprise, or one of its lists.
  CORE_ASSIGN_OR_RETURN(
      c.risk_hits,
      db.QueryInt(
          "SELECT COUNT(*) FROM risk_hits h WHERE h.run_id = (SELECT MAX(id) FROM risk_runs) AND "
          "(h.subject = ?1 OR EXISTS (SELECT 1 FROM json_each(h.declarations) j JOIN "
          "declarations d ON d.id = j.value WHERE d.ebc_code = ?1))",
          customs_code));
  CORE_ASSIGN_OR_RETURN(
      Stmt v, db.Query("SELECT COALESCE(SUM(kind = 'violation'), 0), COALESCE(SUM(penalty_fen), "
                       "0), COALESCE(MAX(kind = 'smuggling_penalty'), 0), "
                       "COALESCE(MAX(kind = 'smuggling_crime'), 0), COALESCE(MAX(overdue_days), "
                       "0) FROM enterprise_violations WHERE enterprise_id = ? AND decided_on "
                       "BETWEEN ? AND ?",
                       enterprise_id, from, to));
  CORE_ASSIGN_OR_RETURN(bool row, v.Step());
  if (row) {
    c.violations = v.Int(0);
    c.penalties_fen = v.Int(1);
    c.smuggling_penalty = v.Int(2) != 0;
    c.smuggling_crime = v.Int(3) != 0;
    c.tax_overdue_days = v.Int(4);
  }
  return c;
}

core::StatusOr<int64_t> CountDeclaredLists(Db& db, std::string_view ebc_code, std::string_view from,
                                           std::string_view to) {
  return db.QueryInt(
      "SELECT COUNT(*) FROM declarations WHERE ebc_code = ? AND decl_date BETWEEN ? AND ?",
      ebc_code, from, to);
}

core::StatusOr<std::vector<MonthlyOutcome>> MonthlyOutcomes(Db& db, std::string_view ebc_code,
                                                            std::string_view from,
                                                            std::string_view to) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT substr(day, 1, 7), SUM(screened), SUM(inspections), "
                       "SUM(mismatches), SUM(rejections) FROM enterprise_daily_outcomes WHERE "
                       "ebc_code = ? AND day BETWEEN ? AND ? GROUP BY 1 ORDER BY 1",
                       ebc_code, from, to));
  std::vector<MonthlyOutcome> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back({q.Text(0), q.Int(1), q.Int(2), q.Int(3), q.Int(4)});
  }
  return out;
}

}  // namespace server
