// The running application: configuration, the database pool, the reference data in force and
// the clock ("today" is fixed when --today is given). Opening it migrates the database and loads
// the reference lists and policy (from the bundled files on first start). Does file I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "auth/password.h"
#include "auth/sessions.h"
#include "common/clock.h"
#include "core/date.h"
#include "service/arrival_score.h"
#include "service/reference_data.h"
#include "service/risk_hit_index.h"
#include "service/routing_rule_cache.h"
#include "store/db.h"

namespace server {

struct AppConfig {
  std::string db_path = "var/patrol.db";
  std::string data_dir = "data";
  std::string web_dir = "web";
  std::string wasm_dir = "build/wasm/wasm-ui";
  // Browser libraries from Debian packages (libjs-chart.js), served at /vendor.
  std::string vendor_dir = "/usr/share/javascript";
  std::optional<core::Date> today;  // fixed decision date (tests); otherwise China's date now
  SessionConfig session;
  PasswordParams password = PasswordParams::Interactive();
  NowFn now;  // defaults to the system clock
  size_t threads = 32;
  // Load shedding (http/shedding_pool.h): connections waiting for a worker beyond either limit
  // are answered 503 with Retry-After instead of queueing without bound. An idle kept-alive
  // connection holds its worker until keep-alive ends (a browser keeps up to six per profile),
  // so on a quiet server a newcomer may wait that long: the wait limit must exceed it.
  size_t max_queued_connections = 256;
  int64_t max_queue_wait_ms = 5000;
  int64_t keep_alive_seconds = 2;
  size_t payload_max_bytes = 10u << 20;  // a full hs8 list upload is ~1.1 MB of CSV
  bool log_requests = false;             // method, path, status to stderr; never bodies/cookies
  int login_max_failures = 10;           // per username within login_window_seconds -> 429
  int64_t login_window_seconds = 15 * 60;
  // The 64-bit seeds of routing and inspector draws; empty = libsodium randombytes_buf. Tests
  // substitute a deterministic source, as they do for the clock.
  std::function<uint64_t()> routing_seed;
};

// Counts failed logins per username so password guessing is slowed down (429 when exceeded).
class LoginThrottle {
 public:
  LoginThrottle(int max_failures, int64_t window_seconds)
      : max_failures_(max_failures), window_seconds_(window_seconds) {}
  bool Blocked(const std::string& username, int64_t now);
  void RecordFailure(const std::string& username, int64_t now);
  void Reset(const std::string& username);

 private:
  struct Entry {
    int failures = 0;
    int64_t window_start = 0;
  };
  int max_failures_;
  int64_t window_seconds_;
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

class RiskJobWorker;  // service/risk_jobs.h

class App {
 public:
  // Creates the database directory's file when missing, migrates it, seeds the reference lists
  // and policy on first start, and loads them. Errors name the file or list at fault.
  static core::StatusOr<std::unique_ptr<App>> Open(AppConfig config);

  const AppConfig& config() const { return config_; }
  DbPool& pool() { return pool_; }
  int64_t Now() const { return config_.now(); }
  // The decision date for verdicts: the fixed date, or today's date in China.
  core::Date Today() const;

  // The snapshot in force; callers keep the pointer for the whole request.
  std::shared_ptr<const ReferenceData> reference() const;
  // Puts a newly committed list or policy version in force. Versions committed by concurrent
  // requests may arrive out of order; an older record (smaller id) never replaces a newer one.
  core::Status ApplyList(const ListVersionRecord& list);
  core::Status ApplyPolicy(const PolicyVersionRecord& policy);

  LoginThrottle& login_throttle() { return throttle_; }
  // The routing rules parsed once per rule-set version (service/routing_rule_cache.h).
  RuleCache& rule_cache() { return rule_cache_; }
  // The newest risk run's hits by subject, for routing rules (service/risk_hit_index.h).
  RiskHitIndex& risk_hits() { return risk_hits_; }
  // The newest learned model's trees, for the score at arrival (service/arrival_score.h).
  LearnedModelCache& learned_model() { return learned_model_; }
  // A hash of a random password with the configured cost, verified against when the username
  // is unknown so that unknown and known usernames take the same time.
  const std::string& decoy_password_hash() const { return decoy_hash_; }
  // The risk run jobs' worker thread (service/risk_jobs.h).
  RiskJobWorker& risk_jobs() { return *risk_jobs_; }

  ~App();

 private:
  explicit App(AppConfig config);

  AppConfig config_;
  DbPool pool_;
  mutable std::mutex ref_mu_;  // guards the pointer
  std::mutex update_mu_;       // serialises copy-on-write updates
  std::shared_ptr<const ReferenceData> reference_;
  LoginThrottle throttle_;
  RuleCache rule_cache_;
  RiskHitIndex risk_hits_;
  LearnedModelCache learned_model_;
  std::string decoy_hash_;
  // Last: destroyed first, so its thread stops before the pool it uses goes.
  std::unique_ptr<RiskJobWorker> risk_jobs_;
};

}  // namespace server
