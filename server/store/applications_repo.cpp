// Applications table: prepared statements only.
#include "store/applications_repo.h"

#include "common/json_text.h"

namespace server {

namespace {
constexpr std::string_view kColumns =
    "id, enterprise_id, name, uscc, status, outcome, application, verdict, policy_version, "
    "submitted_by, submitted_at, decided_by, decided_at, decision_reason";

ApplicationRecord ReadApplication(const Stmt& s) {
  ApplicationRecord a;
  a.id = s.Int(0);
  a.enterprise_id = s.Int(1);
  a.name = s.Text(2);
  a.uscc = s.Text(3);
  a.status = s.Text(4);
  a.outcome = s.Text(5);
  a.application = s.Text(6);
  a.verdict = s.Text(7);
  a.policy_version = s.Text(8);
  a.submitted_by = s.OptInt(9);
  a.submitted_at = s.Text(10);
  a.decided_by = s.OptInt(11);
  a.decided_at = s.OptText(12);
  a.decision_reason = s.OptText(13);
  return a;
}

}  // namespace

core::Json ApplicationSummaryJson(const ApplicationRecord& a) {
  core::Json j = core::Json::object();
  j["id"] = a.id;
  j["enterprise_id"] = a.enterprise_id;
  j["name"] = a.name;
  j["uscc"] = a.uscc;
  j["status"] = a.status;
  j["outcome"] = a.outcome;
  j["policy_version"] = a.policy_version;
  j["submitted_by"] = OrNull(a.submitted_by);
  j["submitted_at"] = a.submitted_at;
  j["decided_by"] = OrNull(a.decided_by);
  j["decided_at"] = OrNull(a.decided_at);
  j["decision_reason"] = OrNull(a.decision_reason);
  return j;
}

core::Json ApplicationToApiJson(const ApplicationRecord& a) {
  core::Json j = ApplicationSummaryJson(a);
  j["application"] = JsonOrNull(a.application);
  j["verdict"] = JsonOrNull(a.verdict);
  return j;
}

core::StatusOr<int64_t> InsertApplication(Db& db, const ApplicationRecord& a) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO applications (enterprise_id, name, uscc, status, outcome, application, "
              "verdict, policy_version, submitted_by, submitted_at, decided_by, decided_at, "
              "decision_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              a.enterprise_id, a.name, a.uscc, a.status, a.outcome, a.application, a.verdict,
              a.policy_version, a.submitted_by, a.submitted_at, a.decided_by, a.decided_at,
              a.decision_reason));
  return db.LastInsertId();
}

core::StatusOr<std::optional<ApplicationRecord>> FindApplication(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT " + std::string(kColumns) + " FROM applications WHERE id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<ApplicationRecord>();
  return std::optional<ApplicationRecord>(ReadApplication(s));
}

core::Status UpdateApplicationDecision(Db& db, const ApplicationRecord& a) {
  return db.Exec(
      "UPDATE applications SET status = ?, outcome = ?, verdict = ?, policy_version = ?, "
      "decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ?",
      a.status, a.outcome, a.verdict, a.policy_version, a.decided_by, a.decided_at,
      a.decision_reason, a.id);
}

core::StatusOr<bool> HasSubmittedApplication(Db& db, int64_t enterprise_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT 1 FROM applications WHERE enterprise_id = ? "
                                         "AND status = 'submitted' LIMIT 1",
                                         enterprise_id));
  return s.Step();
}

core::StatusOr<ListResult<ApplicationRecord>> ListApplications(Db& db, const ApplicationFilter& f,
                                                               const Page& page) {
  static constexpr std::string_view kWhere =
      " FROM applications WHERE (?1 IS NULL OR enterprise_id = ?1) AND "
      "(?2 = '' OR status = ?2) AND (?3 = '' OR outcome = ?3) AND "
      "(?4 = '' OR instr(name, ?4) > 0 OR instr(uscc, ?4) > 0)";
  ListResult<ApplicationRecord> out;
  {
    CORE_ASSIGN_OR_RETURN(Stmt c, db.Query("SELECT COUNT(*)" + std::string(kWhere), f.enterprise_id,
                                           f.status, f.outcome, f.q));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT " + std::string(kColumns) + std::string(kWhere) +
                           " ORDER BY id DESC LIMIT ?5 OFFSET ?6",
                       f.enterprise_id, f.status, f.outcome, f.q, page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadApplication(s));
  }
  return out;
}

}  // namespace server
