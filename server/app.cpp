// App: opening, migrating and loading; the clock; the reference snapshot; login throttling.
#include "app.h"

#include "common/crypto.h"
#include "service/risk_jobs.h"
#include "store/migrations.h"

namespace server {

bool LoginThrottle::Blocked(const std::string& username, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(username);
  if (it == entries_.end()) return false;
  if (now - it->second.window_start >= window_seconds_) {
    entries_.erase(it);
    return false;
  }
  return it->second.failures >= max_failures_;
}

void LoginThrottle::RecordFailure(const std::string& username, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  // Bounded memory: a flood of distinct usernames only resets the table.
  if (entries_.size() > 100000) entries_.clear();
  Entry& e = entries_[username];
  if (e.failures == 0 || now - e.window_start >= window_seconds_) {
    e.failures = 0;
    e.window_start = now;
  }
  ++e.failures;
}

void LoginThrottle::Reset(const std::string& username) {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.erase(username);
}

App::App(AppConfig config)
    : config_(std::move(config)),
      pool_(config_.db_path),
      throttle_(config_.login_max_failures, config_.login_window_seconds) {
  if (!config_.now) config_.now = SystemNowSeconds;
}

core::StatusOr<std::unique_ptr<App>> App::Open(AppConfig config) {
  if (!InitCrypto()) return core::InternalError("libsodium failed to initialise");
  std::unique_ptr<App> app(new App(std::move(config)));
  CORE_ASSIGN_OR_RETURN(DbPool::Lease db, app->pool_.Acquire());
  CORE_RETURN_IF_ERROR(Migrate(*db).status());
  CORE_RETURN_IF_ERROR(SeedReferenceData(*db, app->config_.data_dir, app->Now()));
  CORE_ASSIGN_OR_RETURN(app->reference_, LoadReferenceData(*db));
  CORE_ASSIGN_OR_RETURN(app->decoy_hash_, HashPassword(RandomHex(16), app->config_.password));
  app->risk_jobs_ = std::make_unique<RiskJobWorker>(*app);
  CORE_RETURN_IF_ERROR(app->risk_jobs_->Resume());
  return app;
}

App::~App() = default;

core::Date App::Today() const {
  if (config_.today) return *config_.today;
  return ChinaDate(Now());
}

std::shared_ptr<const ReferenceData> App::reference() const {
  std::lock_guard<std::mutex> lock(ref_mu_);
  return reference_;
}

core::Status App::ApplyList(const ListVersionRecord& list) {
  std::lock_guard<std::mutex> update(update_mu_);
  std::shared_ptr<const ReferenceData> base = reference();
  auto it = base->lists.find(list.name);
  if (it != base->lists.end() && it->second.id >= list.id) return core::OkStatus();
  CORE_ASSIGN_OR_RETURN(std::shared_ptr<const ReferenceData> next, WithList(*base, list));
  std::lock_guard<std::mutex> lock(ref_mu_);
  reference_ = std::move(next);
  return core::OkStatus();
}

core::Status App::ApplyPolicy(const PolicyVersionRecord& policy) {
  std::lock_guard<std::mutex> update(update_mu_);
  std::shared_ptr<const ReferenceData> base = reference();
  if (base->policy_record.id >= policy.id) return core::OkStatus();
  CORE_ASSIGN_OR_RETURN(std::shared_ptr<const ReferenceData> next, WithPolicy(*base, policy));
  std::lock_guard<std::mutex> lock(ref_mu_);
  reference_ = std::move(next);
  return core::OkStatus();
}

}  // namespace server
