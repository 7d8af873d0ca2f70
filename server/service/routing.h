// Routing of a screened declaration list: the core RuleContext built from the list, its set's
// checks, the enterprise's credit, the buyer's figures and the stored outcomes; core::Route with
// the cached rules and a fresh 64-bit seed; the decision stored with its seed, context and
// versions; and the replay of a stored decision. Does database I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "core/json.h"
#include "core/messages.h"
#include "store/declarations_repo.h"

namespace server {

// A fresh seed: AppConfig::routing_seed when set, else 64 bits from libsodium randombytes_buf.
uint64_t NextSeed(App& app);

// The grade an enterprise holds until customs rates it otherwise: the ordinary credit grade of
// the scale in force on `date` (Decree 282 "regular", Decree 251 "registered"), "" when the
// policy has neither.
std::string OrdinaryGrade(const core::Policy& policy, const core::Date& date);

// What screening knows of a complete list when it routes it.
struct RoutingInput {
  const DeclarationRecord* declaration = nullptr;
  const core::Inventory* list = nullptr;
  const core::Order* order = nullptr;
  const core::Json* quota = nullptr;       // CheckQuotaJson result
  const core::Json* tax = nullptr;         // ComputeTaxJson result, or nullptr
  std::vector<std::string> finding_codes;  // every check finding, any severity, in order
  int64_t screening_id = 0;
};

// The context JSON (core RuleContextFromJson form) of a list: enterprise.* from the list's
// ebcCode enterprise and its credit (an enterprise without a credit record counts at the
// ordinary grade of the scale in force, risk low; no enterprise row leaves them unknown),
// goods.* per line, consumer.* (year to date, lists in 30 days, age), list.*, risk.* (the newest
// run's hits on the buyer and the enterprise) and history.* (the e-commerce enterprise's last 90
// days of outcomes). RouteList adds the arrival fields (service/arrival_score.h). `hits`: the
// newest run's hits (App::risk_hits()), read once per routing.
core::StatusOr<core::Json> BuildRuleContext(App& app, Db& db, const RoutingInput& in,
                                            const RiskHitCounts& hits);

struct RoutingOutcome {
  std::string seed;                  // 16 hex digits
  core::Json context;                // the context the rules read
  std::optional<std::string> route;  // RouteDecisionToJson text, when routed
  core::Json route_json;             // the same, parsed (null when not routed)
  // The adaptive rules' records the core was given (TrackRecordsJson); null when none.
  core::Json rule_history;
  // The consumer models' hits and the learned score at arrival (also in the context's risk.*).
  ArrivalAssessment arrival;
  std::string action = "reject";  // the core's action ("reject" when not routed)
  int64_t rules_version = 0;
  std::string policy_version;
};

// Builds the context and, when `route` (no error findings), routes the list with the rules in
// force (parsed once per rules version) on App::Today() with a fresh seed. Internal when the
// context does not read back (a server bug).
core::StatusOr<RoutingOutcome> RouteList(App& app, Db& db, const RoutingInput& in, bool route);

// Stores the routing with the final action and status the screening decided, the rules that
// matched it (routing_rule_hits) and what it was found to be at arrival (hits, learned score).
// Returns its id.
core::StatusOr<int64_t> StoreRouting(App& app, Db& db, const RoutingInput& in,
                                     const RoutingOutcome& routing, const std::string& action,
                                     int status);

// The status a screened list takes: any error finding of the checks rejects it (100, reasons the
// error codes) before routing; otherwise the stronger of the route's action and the checks'
// floor (warnings, or a tax not computed, ask for manual review at least). Release 800, manual
// review and valuation 300, inspection 500. Reasons: the warning codes and the route's warning
// or error findings; a release says ROUTE_DEFAULT_RELEASE (nothing asked for more) or
// ROUTE_RELEASE (a rule or the draw ran and released).
struct ListDecision {
  std::string action;  // release | manual_review | inspect | valuation | reject
  int status = 0;
  std::vector<std::string> reasons;
  core::Json findings = core::Json::array();  // the check findings behind the reasons
  core::Json route = core::Json();            // the route's summary for the status event
};
bool HasErrorFindings(const std::vector<const core::Json*>& checks);
// Every finding code of the checks, any severity, in order (list.findings of the context).
std::vector<std::string> FindingCodes(const std::vector<const core::Json*>& checks);
ListDecision DecideList(const std::vector<const core::Json*>& checks, const RoutingOutcome& routing,
                        bool taxed);

// GET /declarations/{id}/routing: {"routing": {id, at, decision_date, decl_date, rules_version,
// policy_version, seed, action, status}, "decision", "context", "rules" (the rule set of that
// version), "replay": {"matches", "decision"}, "queue", "assignment", "outcomes",
// "supplementary_tax_bills"}. NotFound when the declaration was never screened complete.
core::StatusOr<core::Json> DeclarationRoutingJson(App& app, Db& db, int64_t declaration_id);

}  // namespace server
