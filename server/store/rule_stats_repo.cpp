// Routing rule hits and the counts read from them: prepared statements only.
#include "store/rule_stats_repo.h"

namespace server {

namespace {

// Whether a list (h.declaration_id) has an outcome of a kind; declaration_outcomes is read by
// its declaration index.
constexpr std::string_view kInspected =
    "EXISTS (SELECT 1 FROM declaration_outcomes x WHERE x.declaration_id = h.declaration_id "
    "AND x.kind = 'inspection')";
constexpr std::string_view kMismatched =
    "EXISTS (SELECT 1 FROM declaration_outcomes x WHERE x.declaration_id = h.declaration_id "
    "AND x.kind = 'inspection' AND x.outcome = 'mismatch')";
constexpr std::string_view kValued =
    "EXISTS (SELECT 1 FROM declaration_outcomes x WHERE x.declaration_id = h.declaration_id "
    "AND x.kind = 'valuation')";

std::string S(std::string_view v) { return std::string(v); }

core::StatusOr<RoutedCounts> ReadRouted(Stmt q) {
  RoutedCounts c;
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (row) {
    c.lists = q.Int(0);
    c.inspected = q.Int(1);
    c.mismatches = q.Int(2);
  }
  return c;
}

}  // namespace

core::Status InsertRuleHits(Db& db, int64_t decision_id, int64_t declaration_id,
                            std::string_view decl_date, const std::vector<RuleHitRecord>& hits) {
  for (const RuleHitRecord& h : hits) {
    CORE_RETURN_IF_ERROR(
        db.Exec("INSERT INTO routing_rule_hits (decision_id, declaration_id, rule_id, decl_date, "
                "decided) VALUES (?, ?, ?, ?, ?)",
                decision_id, declaration_id, h.rule_id, decl_date,
                static_cast<int64_t>(h.decided ? 1 : 0)));
  }
  return core::OkStatus();
}

core::StatusOr<std::vector<RuleHitCounts>> RuleHitCountsBetween(Db& db, std::string_view from,
                                                                std::string_view to) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q,
      db.Query("WITH h AS (SELECT rule_id, declaration_id, MAX(decision_id) AS decision_id, "
               "MAX(decided) AS decided FROM routing_rule_hits "
               "WHERE decl_date >= ?1 AND decl_date <= ?2 GROUP BY rule_id, declaration_id) "
               "SELECT h.rule_id, COUNT(*), SUM(h.decided), SUM(r.action = 'release'), "
               "SUM(r.action = 'manual_review'), SUM(r.action = 'inspect'), "
               "SUM(r.action = 'valuation'), SUM(r.action = 'reject'), SUM(" +
                   S(kInspected) + "), SUM(" + S(kMismatched) + "), SUM(" + S(kValued) +
                   ") FROM h JOIN routing_decisions r ON r.id = h.decision_id "
                   "GROUP BY h.rule_id ORDER BY h.rule_id",
               from, to));
  std::vector<RuleHitCounts> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    RuleHitCounts c;
    c.rule_id = q.Text(0);
    c.lists = q.Int(1);
    c.decided = q.Int(2);
    c.release = q.Int(3);
    c.manual_review = q.Int(4);
    c.inspect = q.Int(5);
    c.valuation = q.Int(6);
    c.reject = q.Int(7);
    c.inspected = q.Int(8);
    c.mismatches = q.Int(9);
    c.valued = q.Int(10);
    out.push_back(std::move(c));
  }
  return out;
}

core::StatusOr<RoutedCounts> RoutedCountsBetween(Db& db, std::string_view from,
                                                 std::string_view to) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("WITH h AS (SELECT DISTINCT declaration_id FROM routing_decisions "
                       "WHERE decl_date >= ?1 AND decl_date <= ?2 AND decision IS NOT NULL) "
                       "SELECT COUNT(*), COALESCE(SUM(" +
                           S(kInspected) + "), 0), COALESCE(SUM(" + S(kMismatched) + "), 0) FROM h",
                       from, to));
  return ReadRouted(std::move(q));
}

core::StatusOr<RoutedCounts> RuleRecordBetween(Db& db, std::string_view rule_id,
                                               std::string_view from, std::string_view to) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("WITH h AS (SELECT DISTINCT declaration_id FROM routing_rule_hits "
                       "WHERE rule_id = ?1 AND decl_date >= ?2 AND decl_date <= ?3) "
                       "SELECT COUNT(*), COALESCE(SUM(" +
                           S(kInspected) + "), 0), COALESCE(SUM(" + S(kMismatched) + "), 0) FROM h",
                       rule_id, from, to));
  return ReadRouted(std::move(q));
}

}  // namespace server
