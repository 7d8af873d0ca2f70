// Shops, site profiles, crawler accounts and patrol tasks: prepared statements only.
#include "store/patrol_repo.h"

#include "common/json_text.h"

namespace server {

namespace {

constexpr std::string_view kShopColumns =
    "s.id, s.enterprise_id, e.name, e.customs_code, s.name, s.base_url, s.cycle_days, s.active, "
    "s.next_due_at, s.last_patrol_task_id, s.created_by, s.created_at FROM shops s JOIN "
    "enterprises e ON e.id = s.enterprise_id";

ShopRecord ReadShop(const Stmt& s) {
  ShopRecord r;
  r.id = s.Int(0);
  r.enterprise_id = s.Int(1);
  r.enterprise_name = s.Text(2);
  r.enterprise_code = s.Text(3);
  r.name = s.Text(4);
  r.base_url = s.Text(5);
  r.cycle_days = s.Int(6);
  r.active = s.Int(7) != 0;
  r.next_due_at = s.Text(8);
  r.last_patrol_task_id = s.OptInt(9);
  r.created_by = s.OptInt(10);
  r.created_at = s.Text(11);
  return r;
}

constexpr std::string_view kTaskColumns =
    "id, shop_id, kind, params, status, attempts, max_attempts, leased_by, lease_token, "
    "lease_until, progress, result, created_by, created_at, finished_at FROM patrol_tasks";

TaskRecord ReadTask(const Stmt& s) {
  TaskRecord t;
  t.id = s.Int(0);
  t.shop_id = s.Int(1);
  t.kind = s.Text(2);
  t.params = s.Text(3);
  t.status = s.Text(4);
  t.attempts = s.Int(5);
  t.max_attempts = s.Int(6);
  t.leased_by = s.OptText(7);
  t.lease_token = s.OptText(8);
  t.lease_until = s.OptText(9);
  t.progress = s.Text(10);
  t.result = s.OptText(11);
  t.created_by = s.Text(12);
  t.created_at = s.Text(13);
  t.finished_at = s.OptText(14);
  return t;
}

ProfileRecord ReadProfile(const Stmt& s) {
  ProfileRecord p;
  p.id = s.Int(0);
  p.shop_id = s.Int(1);
  p.version = s.Int(2);
  p.profile = s.Text(3);
  p.comment = s.Text(4);
  p.created_by = s.OptInt(5);
  p.created_at = s.Text(6);
  return p;
}

constexpr std::string_view kProfileColumns =
    "SELECT id, shop_id, version, profile, comment, created_by, created_at FROM site_profiles ";

}  // namespace

core::StatusOr<int64_t> InsertShop(Db& db, const ShopRecord& r) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO shops (enterprise_id, name, base_url, cycle_days, active, next_due_at, "
              "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              r.enterprise_id, r.name, r.base_url, r.cycle_days, r.active, r.next_due_at,
              r.created_by, r.created_at));
  return db.LastInsertId();
}

core::StatusOr<std::optional<ShopRecord>> FindShop(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT " + std::string(kShopColumns) + " WHERE s.id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<ShopRecord>();
  return std::optional<ShopRecord>(ReadShop(s));
}

core::StatusOr<ListResult<ShopRecord>> ListShops(Db& db, std::optional<int64_t> enterprise_id,
                                                 const Page& page) {
  ListResult<ShopRecord> out;
  {
    CORE_ASSIGN_OR_RETURN(
        Stmt c, db.Query("SELECT COUNT(*) FROM shops WHERE ?1 IS NULL OR enterprise_id = ?1",
                         enterprise_id));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kShopColumns) +
                                             " WHERE ?1 IS NULL OR s.enterprise_id = ?1 "
                                             "ORDER BY s.id LIMIT ?2 OFFSET ?3",
                                         enterprise_id, page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadShop(s));
  }
  return out;
}

core::StatusOr<std::vector<int64_t>> DueShops(Db& db, const std::string& now, int64_t limit) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT s.id FROM shops s WHERE s.active = 1 AND s.next_due_at <= ? AND "
                       "NOT EXISTS (SELECT 1 FROM patrol_tasks t WHERE t.shop_id = s.id AND "
                       "t.kind = 'patrol' AND t.status IN ('queued', 'leased')) "
                       "ORDER BY s.next_due_at, s.id LIMIT ?",
                       now, limit));
  std::vector<int64_t> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.Int(0));
  }
  return out;
}

core::Status SetShopSchedule(Db& db, int64_t shop_id, const std::string& next_due_at,
                             std::optional<int64_t> last_patrol_task_id) {
  return db.Exec(
      "UPDATE shops SET next_due_at = ?, last_patrol_task_id = COALESCE(?, last_patrol_task_id) "
      "WHERE id = ?",
      next_due_at, last_patrol_task_id, shop_id);
}

core::StatusOr<ProfileRecord> InsertProfile(Db& db, ProfileRecord p) {
  CORE_ASSIGN_OR_RETURN(
      Stmt v, db.Query("SELECT COALESCE(MAX(version), 0) + 1 FROM site_profiles WHERE shop_id = ?",
                       p.shop_id));
  CORE_ASSIGN_OR_RETURN(bool row, v.Step());
  p.version = row ? v.Int(0) : 1;
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO site_profiles (shop_id, version, profile, comment, created_by, "
              "created_at) VALUES (?, ?, ?, ?, ?, ?)",
              p.shop_id, p.version, p.profile, p.comment, p.created_by, p.created_at));
  p.id = db.LastInsertId();
  return p;
}

core::StatusOr<std::optional<ProfileRecord>> LatestProfile(Db& db, int64_t shop_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query(std::string(kProfileColumns) +
                                             "WHERE shop_id = ? ORDER BY version DESC LIMIT 1",
                                         shop_id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<ProfileRecord>();
  return std::optional<ProfileRecord>(ReadProfile(s));
}

core::StatusOr<std::vector<ProfileRecord>> ListProfiles(Db& db, int64_t shop_id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query(std::string(kProfileColumns) + "WHERE shop_id = ? ORDER BY version DESC", shop_id));
  std::vector<ProfileRecord> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadProfile(s));
  }
  return out;
}

core::StatusOr<int64_t> InsertCrawlerAccount(Db& db, const std::string& name,
                                             const std::string& token_sha256,
                                             std::optional<int64_t> created_by,
                                             const std::string& now) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO crawler_accounts (name, token_sha256, created_by, created_at) VALUES "
              "(?, ?, ?, ?)",
              name, token_sha256, created_by, now));
  return db.LastInsertId();
}

core::StatusOr<std::optional<CrawlerAccount>> FindCrawlerByToken(Db& db,
                                                                 const std::string& token_sha256) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT id, name, created_at, revoked_at FROM crawler_accounts WHERE "
                       "token_sha256 = ? AND revoked_at IS NULL",
                       token_sha256));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<CrawlerAccount>();
  return std::optional<CrawlerAccount>(
      CrawlerAccount{s.Int(0), s.Text(1), s.Text(2), s.OptText(3)});
}

core::StatusOr<std::vector<CrawlerAccount>> ListCrawlerAccounts(Db& db) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT id, name, created_at, revoked_at FROM crawler_accounts ORDER BY id"));
  std::vector<CrawlerAccount> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(CrawlerAccount{s.Int(0), s.Text(1), s.Text(2), s.OptText(3)});
  }
  return out;
}

core::Json TaskToJson(const TaskRecord& t) {
  core::Json j = core::Json::object();
  j["id"] = t.id;
  j["shop_id"] = t.shop_id;
  j["kind"] = t.kind;
  j["params"] = JsonOrNull(t.params);
  j["status"] = t.status;
  j["attempts"] = t.attempts;
  j["max_attempts"] = t.max_attempts;
  j["leased_by"] = OrNull(t.leased_by);
  j["lease_until"] = OrNull(t.lease_until);
  j["progress"] = JsonOrNull(t.progress);
  j["result"] = t.result ? JsonOrNull(*t.result) : core::Json();
  j["created_by"] = t.created_by;
  j["created_at"] = t.created_at;
  j["finished_at"] = OrNull(t.finished_at);
  return j;
}

core::StatusOr<int64_t> InsertTask(Db& db, const TaskRecord& t) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO patrol_tasks (shop_id, kind, params, status, max_attempts, created_by, "
              "created_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)",
              t.shop_id, t.kind, t.params, t.max_attempts, t.created_by, t.created_at));
  return db.LastInsertId();
}

core::StatusOr<std::optional<TaskRecord>> FindTask(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT " + std::string(kTaskColumns) + " WHERE id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<TaskRecord>();
  return std::optional<TaskRecord>(ReadTask(s));
}

core::StatusOr<std::vector<TaskRecord>> ListTasks(Db& db, std::optional<int64_t> shop_id,
                                                  std::optional<std::string> status,
                                                  int64_t limit) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT " + std::string(kTaskColumns) +
                           " WHERE (?1 IS NULL OR shop_id = ?1) AND (?2 IS NULL OR status = ?2) "
                           "ORDER BY id DESC LIMIT ?3",
                       shop_id, status, limit));
  std::vector<TaskRecord> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadTask(s));
  }
  return out;
}

// True for a task whose crawler has not told the server it started a checkout (see
// FailExhaustedLeases): only those may be leased again.
constexpr std::string_view kCheckoutNotStarted =
    "(kind <> 'mystery_order' OR json_extract(progress, '$.stage') IS NOT 'checkout')";

core::StatusOr<std::optional<TaskRecord>> LeaseNextTask(
    Db& db, const std::vector<std::string>& kinds, const std::string& crawler,
    const std::string& now, const std::string& lease_until, const std::string& lease_token) {
  // Kinds as a JSON array keeps the statement one prepared text for any set of kinds.
  core::Json kind_list = core::Json::array();
  for (const std::string& k : kinds) kind_list.push_back(k);
  CORE_ASSIGN_OR_RETURN(
      Stmt pick,
      db.Query("SELECT id FROM patrol_tasks WHERE kind IN (SELECT value FROM json_each(?1)) AND "
               "(status = 'queued' OR (status = 'leased' AND lease_until <= ?2 AND "
               "attempts < max_attempts AND " +
                   std::string(kCheckoutNotStarted) +
                   ")) ORDER BY kind = 'preview' DESC, id LIMIT 1",
               core::DumpJson(kind_list), now));
  CORE_ASSIGN_OR_RETURN(bool row, pick.Step());
  if (!row) return std::optional<TaskRecord>();
  const int64_t id = pick.Int(0);
  CORE_RETURN_IF_ERROR(
      db.Exec("UPDATE patrol_tasks SET status = 'leased', attempts = attempts + 1, leased_by = ?, "
              "lease_token = ?, lease_until = ? WHERE id = ?",
              crawler, lease_token, lease_until, id));
  return FindTask(db, id);
}

core::Status FailExhaustedLeases(Db& db, const std::string& now) {
  const std::string expired = "status = 'leased' AND lease_until <= ?1";
  // A crawler that stopped answering after it started a checkout may have placed the order:
  // ordering again could buy twice, so the task ends here and an officer looks at the shop.
  const std::string interrupted = expired + " AND NOT " + std::string(kCheckoutNotStarted);
  const std::string exhausted = expired + " AND attempts >= max_attempts";
  CORE_RETURN_IF_ERROR(db.Exec(
      "UPDATE mystery_orders SET status = 'failed' WHERE status = 'requested' AND task_id IN "
      "(SELECT id FROM patrol_tasks WHERE (" +
          interrupted + ") OR (" + exhausted + "))",
      now));
  CORE_RETURN_IF_ERROR(db.Exec(
      "UPDATE patrol_tasks SET status = 'failed', finished_at = ?1, result = json_object('error', "
      "'the crawler stopped during the checkout, so the order may have been placed: look for it "
      "in the shop''s order history before ordering again', 'interrupted', 'checkout') WHERE " +
          interrupted,
      now));
  return db.Exec(
      "UPDATE patrol_tasks SET status = 'failed', finished_at = ?1, result = json_object('error', "
      "'the lease expired ' || attempts || ' times: no crawler finished the task') WHERE " +
          exhausted,
      now);
}

core::Status UpdateTaskLease(Db& db, int64_t id, const std::string& lease_until,
                             const std::string& progress) {
  return db.Exec("UPDATE patrol_tasks SET lease_until = ?, progress = ? WHERE id = ?", lease_until,
                 progress, id);
}

core::Status FinishTask(Db& db, int64_t id, const std::string& status, const std::string& result,
                        const std::string& now) {
  return db.Exec(
      "UPDATE patrol_tasks SET status = ?, result = ?, finished_at = ?, lease_token = NULL WHERE "
      "id = ?",
      status, result, now, id);
}

core::Status RequeueTask(Db& db, int64_t id, const std::string& result) {
  return db.Exec(
      "UPDATE patrol_tasks SET status = 'queued', result = ?, lease_token = NULL, lease_until = "
      "NULL, leased_by = NULL WHERE id = ?",
      result, id);
}

}  // namespace server
