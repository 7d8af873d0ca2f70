// Routing rule hits (migration 14): which rules matched each routing decision, and the counts
// of their lists' final actions and officer outcomes that the rule statistics and the adaptive
// rules read. Prepared statements only, each query led by an index of routing_rule_hits or
// routing_decisions. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"

namespace server {

struct RuleHitRecord {
  std::string rule_id;
  bool decided = false;  // the rule decided the core's action
};

// Stores the rules that matched routing decision `decision_id` (part of the caller's
// transaction). AlreadyExists when the decision's hits were stored already.
core::Status InsertRuleHits(Db& db, int64_t decision_id, int64_t declaration_id,
                            std::string_view decl_date, const std::vector<RuleHitRecord>& hits);

// One rule's lists declared in a period: a list routed more than once counts once (its latest
// decision's final action; decided when any of its decisions was decided by the rule).
struct RuleHitCounts {
  std::string rule_id;
  int64_t lists = 0;
  int64_t decided = 0;
  // Final actions (after the checks) of the lists: release, manual_review, inspect,
  // valuation, reject.
  int64_t release = 0;
  int64_t manual_review = 0;
  int64_t inspect = 0;
  int64_t valuation = 0;
  int64_t reject = 0;
  int64_t inspected = 0;   // lists with an inspection outcome
  int64_t mismatches = 0;  // lists with an inspection outcome "mismatch"
  int64_t valued = 0;      // lists with a valuation outcome
};

// Per rule id (sorted) with at least one hit among lists declared in [from, to] (ISO dates).
core::StatusOr<std::vector<RuleHitCounts>> RuleHitCountsBetween(Db& db, std::string_view from,
                                                                std::string_view to);

// Every list routed by the core and declared in [from, to]: how many, and their inspection
// outcomes (the rate a rule is compared with). `lists` is RuleHitCounts::lists of all of them.
struct RoutedCounts {
  int64_t lists = 0;
  int64_t inspected = 0;
  int64_t mismatches = 0;
};
core::StatusOr<RoutedCounts> RoutedCountsBetween(Db& db, std::string_view from,
                                                 std::string_view to);

// One rule's lists declared in [from, to]: how many were inspected and how many mismatched.
core::StatusOr<RoutedCounts> RuleRecordBetween(Db& db, std::string_view rule_id,
                                               std::string_view from, std::string_view to);

}  // namespace server
