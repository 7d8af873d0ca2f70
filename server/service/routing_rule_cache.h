// The routing rules in force, parsed once per rule-set version and policy version and shared by
// every screening (a list never re-parses the rules). Reads the store only when the version it
// is asked for differs from the cached one. Does database I/O through the Db handle it is given.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/policy.h"
#include "core/routing.h"
#include "core/rules.h"
#include "core/status.h"
#include "store/db.h"

namespace server {

struct CompiledRules {
  int64_t rules_version = 0;
  std::string policy_version;
  core::RuleSchema schema;
  std::vector<core::Rule> rules;                // every stored rule that parses under the policy
  core::Json rules_json = core::Json::array();  // their stored JSON, for replays in the page
  std::vector<std::string> broken;              // ids of stored rules the policy no longer accepts
};

class RuleCache {
 public:
  // The rules at `rules_version` parsed against `policy`: the cached set when both versions
  // match, else loaded from `db` and cached. Internal on database errors.
  core::StatusOr<std::shared_ptr<const CompiledRules>> Get(Db& db, int64_t rules_version,
                                                           const core::Policy& policy);
  // Drops the cached set (after a rule is saved; Get would notice the version anyway).
  void Invalidate();

  // The adaptive rules' records (TrackRecordsOn) for `rules` on `today`: counted once per
  // rules version and day, and again after InvalidateRecords (an inspection outcome was
  // recorded). Empty, without a query, when no rule is adaptive. Internal on database errors.
  core::StatusOr<std::shared_ptr<const core::RuleTrackRecords>> TrackRecords(
      Db& db, const CompiledRules& rules, const core::Date& today);
  void InvalidateRecords();

 private:
  std::mutex mu_;
  std::shared_ptr<const CompiledRules> current_;
  // The records and the (rules version, day) they were counted for.
  std::shared_ptr<const core::RuleTrackRecords> records_;
  int64_t records_version_ = -1;
  std::string records_day_;
};

// Parses the stored rules at `rules_version` against `policy` (uncached).
core::StatusOr<std::shared_ptr<const CompiledRules>> CompileRulesAt(Db& db, int64_t rules_version,
                                                                    const core::Policy& policy);

}  // namespace server
