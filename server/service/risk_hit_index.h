// The newest risk run's hits counted by subject (a buyer ID, a phone or address key, an
// enterprise's customs code) and indexed as the learned score's columns read them, loaded once per
// run and shared by every screening, so routing rules can read them (risk.buyer_hits,
// risk.enterprise_hits, risk.learned_score_pm) without a query per list. Reads the store only to
// learn the newest run's id, and to load a run it has not seen. Does database I/O.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/learned_features.h"
#include "core/status.h"
#include "service/newest_cache.h"
#include "store/db.h"

namespace server {

struct RiskHitCounts {
  int64_t run_id = 0;                                   // 0: no run yet
  std::unordered_map<std::string, int64_t> by_subject;  // hits per subject ('declaration' aside)
  core::LearnedHitIndex learned;
  core::RiskThresholds thresholds;  // the run's (the defaults before any run)
  int64_t Of(std::string_view subject) const;
};

class RiskHitIndex {
 public:
  // The newest run's counts (cached while no newer run exists). Internal on database errors.
  core::StatusOr<std::shared_ptr<const RiskHitCounts>> Get(Db& db);

 private:
  NewestCache<RiskHitCounts> cache_;
};

}  // namespace server
