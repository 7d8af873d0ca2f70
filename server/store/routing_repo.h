// Routing rules (every saved version), enterprise credit grades and the routing decision of
// each screened list. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct RuleVersionRecord {
  int64_t id = 0;  // the rule-set version this save made
  std::string rule_id;
  int64_t version = 0;  // per rule id
  std::string rule;     // normalised rule JSON text
  std::string note;
  std::optional<int64_t> author_id;
  std::string author_name;
  std::string created_at;
};

// {"version", "rules_version", "note", "updated_by", "updated_at", "rule"} (rule parsed).
core::Json RuleVersionJson(const RuleVersionRecord& r);

// Appends a version (r.version must be the next one; UNIQUE guards races). Returns its id.
core::StatusOr<int64_t> InsertRuleVersion(Db& db, const RuleVersionRecord& r);
// The newest rule-set version (0 when no rule was ever saved).
core::StatusOr<int64_t> CurrentRulesVersion(Db& db);
// Per rule id, its newest version with id <= rules_version, ordered by rule id.
core::StatusOr<std::vector<RuleVersionRecord>> RulesAt(Db& db, int64_t rules_version);
// Every version of one rule, oldest first (empty when unknown).
core::StatusOr<std::vector<RuleVersionRecord>> RuleHistory(Db& db, std::string_view rule_id);

struct CreditRecord {
  int64_t enterprise_id = 0;
  std::string grade;
  std::string risk_level;
  std::optional<int64_t> risk_score;
  std::string updated_by;
  std::string updated_at;
};

core::Json CreditJson(const CreditRecord& c);
core::Status PutCredit(Db& db, const CreditRecord& c);
core::StatusOr<std::optional<CreditRecord>> FindCredit(Db& db, int64_t enterprise_id);

// What routing knows of the enterprise holding a customs code (the newest admitted one, else
// the newest): its row and credit, when there is one.
struct EnterpriseFacts {
  int64_t id = 0;
  std::string name;
  std::string uscc;
  std::string customs_code;
  bool overseas = false;
  core::Json roles = core::Json::array();
  std::optional<CreditRecord> credit;
};
core::StatusOr<std::optional<EnterpriseFacts>> EnterpriseByCode(Db& db,
                                                                std::string_view customs_code);

struct RoutingRecord {
  int64_t id = 0;
  int64_t declaration_id = 0;
  int64_t screening_id = 0;
  std::string at;
  std::string decision_date;
  std::string decl_date;
  int64_t rules_version = 0;
  std::string policy_version;
  std::string seed;     // 16 hex digits
  std::string context;  // JSON text
  std::optional<std::string> decision;
  std::string action;
  int status = 0;
  std::optional<std::string> rule_history;  // JSON text (migration 14); NULL when none
};

core::StatusOr<int64_t> InsertRouting(Db& db, const RoutingRecord& r);
core::StatusOr<std::optional<RoutingRecord>> LatestRouting(Db& db, int64_t declaration_id);

struct StoredContext {
  int64_t declaration_id = 0;
  std::string invt_no;
  std::string decl_date;
  std::string decision_date;
  std::string context;
};
// The latest stored context of each declaration declared in [from, to] ("" = open), newest
// declaration first, at most `limit`.
core::StatusOr<std::vector<StoredContext>> StoredContexts(Db& db, std::string_view from,
                                                          std::string_view to, int64_t limit);

// A stored policy document by version (nullopt when unknown).
core::StatusOr<std::optional<std::string>> PolicyDocumentByVersion(Db& db,
                                                                   std::string_view version);

}  // namespace server
