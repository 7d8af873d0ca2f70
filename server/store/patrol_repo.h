// Online patrol storage: shops, site profiles, crawler accounts, patrol tasks and their leases
// (migration 6, store/patrol_schema.h). Prepared statements only. Does database I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct ShopRecord {
  int64_t id = 0;
  int64_t enterprise_id = 0;
  std::string enterprise_name;
  std::string enterprise_code;
  std::string name;
  std::string base_url;
  int64_t cycle_days = 30;
  bool active = true;
  std::string next_due_at;
  std::optional<int64_t> last_patrol_task_id;
  std::optional<int64_t> created_by;
  std::string created_at;
};

// AlreadyExists when another shop has the same base URL.
core::StatusOr<int64_t> InsertShop(Db& db, const ShopRecord& shop);
core::StatusOr<std::optional<ShopRecord>> FindShop(Db& db, int64_t id);
// Shops by id; only the enterprise's when `enterprise_id` is set.
core::StatusOr<ListResult<ShopRecord>> ListShops(Db& db, std::optional<int64_t> enterprise_id,
                                                 const Page& page);
// Active shops due at `now` (UTC ISO) with no queued or leased patrol.
core::StatusOr<std::vector<int64_t>> DueShops(Db& db, const std::string& now, int64_t limit);
core::Status SetShopSchedule(Db& db, int64_t shop_id, const std::string& next_due_at,
                             std::optional<int64_t> last_patrol_task_id);

struct ProfileRecord {
  int64_t id = 0;
  int64_t shop_id = 0;
  int64_t version = 0;
  std::string profile;  // canonical JSON
  std::string comment;
  std::optional<int64_t> created_by;
  std::string created_at;
};

// Stores the next version of the shop's profile; returns it with its id and version.
core::StatusOr<ProfileRecord> InsertProfile(Db& db, ProfileRecord profile);
core::StatusOr<std::optional<ProfileRecord>> LatestProfile(Db& db, int64_t shop_id);
core::StatusOr<std::vector<ProfileRecord>> ListProfiles(Db& db, int64_t shop_id);

struct CrawlerAccount {
  int64_t id = 0;
  std::string name;
  std::string created_at;
  std::optional<std::string> revoked_at;
};

// AlreadyExists for a taken name.
core::StatusOr<int64_t> InsertCrawlerAccount(Db& db, const std::string& name,
                                             const std::string& token_sha256,
                                             std::optional<int64_t> created_by,
                                             const std::string& now);
// The account holding this token digest, unless revoked.
core::StatusOr<std::optional<CrawlerAccount>> FindCrawlerByToken(Db& db,
                                                                 const std::string& token_sha256);
core::StatusOr<std::vector<CrawlerAccount>> ListCrawlerAccounts(Db& db);

struct TaskRecord {
  int64_t id = 0;
  int64_t shop_id = 0;
  std::string kind;    // "patrol" | "mystery_order"
  std::string params;  // JSON
  std::string status;  // "queued" | "leased" | "done" | "failed"
  int64_t attempts = 0;
  int64_t max_attempts = 3;
  std::optional<std::string> leased_by;
  std::optional<std::string> lease_token;
  std::optional<std::string> lease_until;
  std::string progress;  // JSON
  std::optional<std::string> result;
  std::string created_by;
  std::string created_at;
  std::optional<std::string> finished_at;
};

core::Json TaskToJson(const TaskRecord& t);  // without the lease token

core::StatusOr<int64_t> InsertTask(Db& db, const TaskRecord& task);
core::StatusOr<std::optional<TaskRecord>> FindTask(Db& db, int64_t id);
core::StatusOr<std::vector<TaskRecord>> ListTasks(Db& db, std::optional<int64_t> shop_id,
                                                  std::optional<std::string> status, int64_t limit);
// Takes a profile preview first (an officer is waiting for it), else the oldest task of one of
// `kinds` that is queued, or leased with a lease expired at
// `now` and attempts left, for `crawler` until `lease_until` under a fresh `lease_token`;
// counts the attempt. Must run inside a write transaction (one writer: no task twice).
core::StatusOr<std::optional<TaskRecord>> LeaseNextTask(
    Db& db, const std::vector<std::string>& kinds, const std::string& crawler,
    const std::string& now, const std::string& lease_until, const std::string& lease_token);
// Leased tasks whose lease expired at `now` become failed when no attempts are left, and so do
// mystery orders whose crawler had started the checkout (never leased again: no double order).
core::Status FailExhaustedLeases(Db& db, const std::string& now);
core::Status UpdateTaskLease(Db& db, int64_t id, const std::string& lease_until,
                             const std::string& progress);
core::Status FinishTask(Db& db, int64_t id, const std::string& status, const std::string& result,
                        const std::string& now);
// Back to the queue (a retryable failure with attempts left).
core::Status RequeueTask(Db& db, int64_t id, const std::string& result);

}  // namespace server
