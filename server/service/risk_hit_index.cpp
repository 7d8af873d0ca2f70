// The newest risk run's hits by subject, cached per run.
#include "service/risk_hit_index.h"

namespace server {

int64_t RiskHitCounts::Of(std::string_view subject) const {
  if (subject.empty()) return 0;
  auto it = by_subject.find(std::string(subject));
  return it == by_subject.end() ? 0 : it->second;
}

core::StatusOr<std::shared_ptr<const RiskHitCounts>> RiskHitIndex::Get(Db& db) {
  CORE_ASSIGN_OR_RETURN(const int64_t run_id, db.QueryInt("SELECT MAX(id) FROM risk_runs"));
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (current_->run_id == run_id) return current_;
  }
  auto counts = std::make_shared<RiskHitCounts>();
  counts->run_id = run_id;
  CORE_ASSIGN_OR_RETURN(Stmt q,
                        db.Query("SELECT subject, COUNT(*) FROM risk_hits WHERE run_id = ? AND "
                                 "subject_kind <> 'declaration' GROUP BY subject",
                                 run_id));
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool more, q.Step());
    if (!more) break;
    counts->by_subject[q.Text(0)] = q.Int(1);
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (current_->run_id < run_id) current_ = counts;
  return std::shared_ptr<const RiskHitCounts>(counts);
}

}  // namespace server
