// The newest risk run's hits by subject, cached per run.
#include "service/risk_hit_index.h"

#include <limits>
#include <vector>

#include "store/risk_repo.h"

namespace server {

int64_t RiskHitCounts::Of(std::string_view subject) const {
  if (subject.empty()) return 0;
  auto it = by_subject.find(std::string(subject));
  return it == by_subject.end() ? 0 : it->second;
}

namespace {

core::StatusOr<std::shared_ptr<const RiskHitCounts>> LoadRun(Db& db, int64_t run_id) {
  auto counts = std::make_shared<RiskHitCounts>();
  counts->run_id = run_id;
  if (run_id > 0) {
    CORE_ASSIGN_OR_RETURN(std::vector<core::RiskHit> hits,
                          ListRiskHits(db, run_id, "", std::numeric_limits<int64_t>::max()));
    for (const core::RiskHit& h : hits) {
      if (h.subject_kind != "declaration") ++counts->by_subject[h.subject];
    }
    counts->learned = core::LearnedHitIndex(hits);
    CORE_ASSIGN_OR_RETURN(std::optional<RiskRunRecord> run, FindRiskRun(db, run_id));
    if (run) {
      core::StatusOr<core::Json> doc = core::ParseJson(run->thresholds);
      if (doc.ok()) {
        core::StatusOr<core::RiskThresholds> t = core::RiskThresholdsFromJson(*doc);
        if (t.ok()) counts->thresholds = *t;
      }
    }
  }
  return std::shared_ptr<const RiskHitCounts>(counts);
}

}  // namespace

core::StatusOr<std::shared_ptr<const RiskHitCounts>> RiskHitIndex::Get(Db& db) {
  return cache_.Get(db, "SELECT MAX(id) FROM risk_runs", LoadRun);
}

}  // namespace server
