// The parsed routing rules cache.
#include "service/routing_rule_cache.h"

#include "common/json_text.h"
#include "service/rule_stats.h"
#include "store/routing_repo.h"

namespace server {

core::StatusOr<std::shared_ptr<const CompiledRules>> CompileRulesAt(Db& db, int64_t rules_version,
                                                                    const core::Policy& policy) {
  auto out = std::make_shared<CompiledRules>();
  out->rules_version = rules_version;
  out->policy_version = policy.version;
  out->schema = core::RuleSchema::Default(policy);
  CORE_ASSIGN_OR_RETURN(std::vector<RuleVersionRecord> stored, RulesAt(db, rules_version));
  for (const RuleVersionRecord& r : stored) {
    core::Json j = JsonOrNull(r.rule);
    core::ParsedRule parsed = core::RuleFromJson(j, out->schema);
    if (!parsed.rule) {
      out->broken.push_back(r.rule_id);
      continue;
    }
    out->rules.push_back(std::move(*parsed.rule));
    out->rules_json.push_back(std::move(j));
  }
  return std::shared_ptr<const CompiledRules>(std::move(out));
}

core::StatusOr<std::shared_ptr<const CompiledRules>> RuleCache::Get(Db& db, int64_t rules_version,
                                                                    const core::Policy& policy) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (current_ && current_->rules_version == rules_version &&
        current_->policy_version == policy.version) {
      return current_;
    }
  }
  // Parsed outside the lock: a concurrent miss parses twice, which is harmless.
  CORE_ASSIGN_OR_RETURN(std::shared_ptr<const CompiledRules> fresh,
                        CompileRulesAt(db, rules_version, policy));
  std::lock_guard<std::mutex> lock(mu_);
  if (!current_ || current_->rules_version <= rules_version) current_ = fresh;
  return fresh;
}

void RuleCache::Invalidate() {
  std::lock_guard<std::mutex> lock(mu_);
  current_.reset();
}

core::StatusOr<std::shared_ptr<const core::RuleTrackRecords>> RuleCache::TrackRecords(
    Db& db, const CompiledRules& rules, const core::Date& today) {
  const std::string day = today.ToIso();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (records_ && records_version_ == rules.rules_version && records_day_ == day) {
      return records_;
    }
  }
  bool adaptive = false;
  for (const core::Rule& r : rules.rules) adaptive = adaptive || r.adaptive.has_value();
  auto fresh = std::make_shared<core::RuleTrackRecords>();
  // Counted outside the lock, like the rules: a concurrent miss counts twice, harmlessly.
  if (adaptive) {
    CORE_ASSIGN_OR_RETURN(*fresh, TrackRecordsOn(db, rules.rules, today));
  }
  std::lock_guard<std::mutex> lock(mu_);
  records_ = fresh;
  records_version_ = rules.rules_version;
  records_day_ = day;
  return std::shared_ptr<const core::RuleTrackRecords>(std::move(fresh));
}

void RuleCache::InvalidateRecords() {
  std::lock_guard<std::mutex> lock(mu_);
  records_.reset();
}

}  // namespace server
