// Routing rules as the API and the demo see them: saving a new version (validated by the core,
// audited, never overwriting), listing, one rule with its history, the preview of a rule over
// past lists' stored contexts, enterprise credit grades, and the demo rule set. Does database I/O.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "store/db.h"
#include "store/routing_repo.h"

namespace server {

struct RuleSaveResult {
  // Set when the core refused the rule: its ValidateRuleJson answer (nothing was stored).
  std::optional<core::Json> invalid;
  RuleVersionRecord saved;
  bool created = false;  // the first version of this rule id
};

// Validates `rule` with core::ValidateRuleJson against the policy in force and appends it as
// the next version of `rule_id` (audited "routing_rule.save" with the note), inside the caller's
// transaction. A missing rule.id takes `rule_id`. InvalidArgument when rule is not an object,
// rule.id names another rule, or the note is over 1000 bytes.
core::StatusOr<RuleSaveResult> SaveRule(App& app, Db& db, const Actor& actor,
                                        std::string_view rule_id, core::Json rule,
                                        std::string_view note);

// {"rules_version", "rules": [{"rule", "version", "updated_at", "updated_by", "valid"}]}: the
// current version of every rule, by id; valid is false when the policy in force refuses it.
core::StatusOr<core::Json> ListRulesJson(App& app, Db& db);

// The current version {"rule", "version", "updated_at", "updated_by", "note"} plus "history"
// (every version, newest first). NotFound for an unknown id.
core::StatusOr<core::Json> RuleJson(Db& db, std::string_view rule_id);

// The core's PreviewRuleJson of `rule` over the stored contexts of declarations declared in
// [from, to] (at most `limit`, newest first), with "scanned" and "hits_detail":
// [{"declaration_id", "invt_no", "decl_date", "lines"}]. `invalid` set (and nothing else) when
// the rule does not validate. InvalidArgument on bad dates or limit (1..10000).
struct PreviewResult {
  std::optional<core::Json> invalid;
  core::Json result;
};
core::StatusOr<PreviewResult> PreviewRule(App& app, Db& db, const core::Json& body);

// Sets an enterprise's credit grade and risk level (audited "enterprise.credit"). The grade must
// be a grade id of the policy's scales, risk_level low|medium|high, risk_score 0..1000 or absent.
// NotFound for an unknown enterprise, InvalidArgument otherwise.
core::StatusOr<CreditRecord> SetEnterpriseCredit(App& app, Db& db, const Actor& actor,
                                                 int64_t enterprise_id, const core::Json& body);

// The demo rule set (high-risk goods and dishonest grades to inspection, a price below the
// filed normal price without a promotion to valuation, a large first purchase to manual review,
// stored disabled for previewing), saved through SaveRule as `actor`, and credit grades for the
// demo enterprises named in `enterprise_ids` (demo key -> id).
core::Status SeedDemoRouting(App& app, Db& db, const Actor& actor,
                             const std::map<std::string, int64_t>& enterprise_ids);

}  // namespace server
