// Routing rules, credit grades and routing decisions: prepared statements only.
#include "store/routing_repo.h"

#include "common/json_text.h"

namespace server {

namespace {

constexpr std::string_view kRuleColumns =
    "id, rule_id, version, rule, note, author_id, author_name, created_at";

RuleVersionRecord RuleRow(const Stmt& q) {
  RuleVersionRecord r;
  r.id = q.Int(0);
  r.rule_id = q.Text(1);
  r.version = q.Int(2);
  r.rule = q.Text(3);
  r.note = q.Text(4);
  r.author_id = q.OptInt(5);
  r.author_name = q.Text(6);
  r.created_at = q.Text(7);
  return r;
}

core::StatusOr<std::vector<RuleVersionRecord>> RuleRows(Stmt q) {
  std::vector<RuleVersionRecord> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(RuleRow(q));
  }
  return out;
}

constexpr std::string_view kRoutingColumns =
    "id, declaration_id, screening_id, at, decision_date, decl_date, rules_version, "
    "policy_version, seed, context, decision, action, status, rule_history";

}  // namespace

core::Json RuleVersionJson(const RuleVersionRecord& r) {
  return {
      {"version", r.version},        {"rules_version", r.id},      {"note", r.note},
      {"updated_by", r.author_name}, {"updated_at", r.created_at}, {"rule", JsonOrNull(r.rule)}};
}

core::StatusOr<int64_t> InsertRuleVersion(Db& db, const RuleVersionRecord& r) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO routing_rule_versions (rule_id, version, rule, note, author_id, "
              "author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              r.rule_id, r.version, r.rule, r.note, r.author_id, r.author_name, r.created_at));
  return db.LastInsertId();
}

core::StatusOr<int64_t> CurrentRulesVersion(Db& db) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT COALESCE(MAX(id), 0) FROM routing_rule_versions"));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  return row ? q.Int(0) : 0;
}

core::StatusOr<std::vector<RuleVersionRecord>> RulesAt(Db& db, int64_t rules_version) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT " + std::string(kRuleColumns) +
                           " FROM routing_rule_versions r WHERE id = (SELECT MAX(id) FROM "
                           "routing_rule_versions s WHERE s.rule_id = r.rule_id AND s.id <= ?1) "
                           "ORDER BY rule_id",
                       rules_version));
  return RuleRows(std::move(q));
}

core::StatusOr<std::vector<RuleVersionRecord>> RuleHistory(Db& db, std::string_view rule_id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT " + std::string(kRuleColumns) +
                                             " FROM routing_rule_versions WHERE rule_id = ? "
                                             "ORDER BY id",
                                         rule_id));
  return RuleRows(std::move(q));
}

core::Json CreditJson(const CreditRecord& c) {
  return {{"enterprise_id", c.enterprise_id}, {"grade", c.grade},
          {"risk_level", c.risk_level},       {"risk_score", OrNull(c.risk_score)},
          {"updated_by", c.updated_by},       {"updated_at", c.updated_at}};
}

core::Status PutCredit(Db& db, const CreditRecord& c) {
  return db.Exec(
      "INSERT INTO enterprise_credit (enterprise_id, grade, risk_level, risk_score, updated_by, "
      "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (enterprise_id) DO UPDATE SET "
      "grade = ?2, risk_level = ?3, risk_score = ?4, updated_by = ?5, updated_at = ?6",
      c.enterprise_id, c.grade, c.risk_level, c.risk_score, c.updated_by, c.updated_at);
}

core::StatusOr<std::optional<CreditRecord>> FindCredit(Db& db, int64_t enterprise_id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT enterprise_id, grade, risk_level, risk_score, "
                                         "updated_by, updated_at FROM enterprise_credit "
                                         "WHERE enterprise_id = ?",
                                         enterprise_id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<CreditRecord>();
  CreditRecord c;
  c.enterprise_id = q.Int(0);
  c.grade = q.Text(1);
  c.risk_level = q.Text(2);
  c.risk_score = q.OptInt(3);
  c.updated_by = q.Text(4);
  c.updated_at = q.Text(5);
  return std::optional<CreditRecord>(std::move(c));
}

core::StatusOr<std::optional<EnterpriseFacts>> EnterpriseByCode(Db& db,
                                                                std::string_view customs_code) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT id, name, uscc, customs_code, overseas, roles "
                                         "FROM enterprises WHERE customs_code = ? "
                                         "ORDER BY status = 'admitted' DESC, id DESC LIMIT 1",
                                         customs_code));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<EnterpriseFacts>();
  EnterpriseFacts e;
  e.id = q.Int(0);
  e.name = q.Text(1);
  e.uscc = q.Text(2);
  e.customs_code = q.Text(3);
  e.overseas = q.Int(4) != 0;
  e.roles = JsonOrNull(q.Text(5));
  if (!e.roles.is_array()) e.roles = core::Json::array();
  CORE_ASSIGN_OR_RETURN(e.credit, FindCredit(db, e.id));
  return std::optional<EnterpriseFacts>(std::move(e));
}

core::StatusOr<int64_t> InsertRouting(Db& db, const RoutingRecord& r) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO routing_decisions (declaration_id, screening_id, at, decision_date, decl_date, "
      "rules_version, policy_version, seed, context, decision, action, status, rule_history) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      r.declaration_id, r.screening_id, r.at, r.decision_date, r.decl_date, r.rules_version,
      r.policy_version, r.seed, r.context, r.decision, r.action, r.status, r.rule_history));
  return db.LastInsertId();
}

core::StatusOr<std::optional<RoutingRecord>> LatestRouting(Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT " + std::string(kRoutingColumns) +
                                             " FROM routing_decisions WHERE declaration_id = ? "
                                             "ORDER BY id DESC LIMIT 1",
                                         declaration_id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<RoutingRecord>();
  RoutingRecord r;
  r.id = q.Int(0);
  r.declaration_id = q.Int(1);
  r.screening_id = q.Int(2);
  r.at = q.Text(3);
  r.decision_date = q.Text(4);
  r.decl_date = q.Text(5);
  r.rules_version = q.Int(6);
  r.policy_version = q.Text(7);
  r.seed = q.Text(8);
  r.context = q.Text(9);
  r.decision = q.OptText(10);
  r.action = q.Text(11);
  r.status = static_cast<int>(q.Int(12));
  r.rule_history = q.OptText(13);
  return std::optional<RoutingRecord>(std::move(r));
}

core::StatusOr<std::vector<StoredContext>> StoredContexts(Db& db, std::string_view from,
                                                          std::string_view to, int64_t limit) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q,
      db.Query("SELECT r.declaration_id, d.invt_no, r.decl_date, r.decision_date, r.context "
               "FROM routing_decisions r JOIN declarations d ON d.id = r.declaration_id "
               "WHERE r.id = (SELECT MAX(id) FROM routing_decisions x "
               "WHERE x.declaration_id = r.declaration_id) "
               "AND (?1 = '' OR r.decl_date >= ?1) AND (?2 = '' OR r.decl_date <= ?2) "
               "ORDER BY r.declaration_id DESC LIMIT ?3",
               from, to, limit));
  std::vector<StoredContext> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(StoredContext{q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4)});
  }
  return out;
}

core::StatusOr<std::optional<std::string>> PolicyDocumentByVersion(Db& db,
                                                                   std::string_view version) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT document FROM policy_versions WHERE version = ?", version));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(q.Text(0));
}

}  // namespace server
