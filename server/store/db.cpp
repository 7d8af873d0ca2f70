// SQLite RAII wrappers, transactions and the connection pool. Does file I/O.
#include "store/db.h"

#include <cstdio>

namespace server {

namespace {
constexpr int kBusyTimeoutMs = 5000;
constexpr size_t kMaxPooled = 32;

core::Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  int base = rc & 0xff;
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return core::AlreadyExistsError(msg);
  }
  if (base == SQLITE_CONSTRAINT) return core::FailedPreconditionError(msg);
  if (base == SQLITE_BUSY || base == SQLITE_LOCKED) return core::ResourceExhaustedError(msg);
  return core::InternalError(msg);
}
}  // namespace

Stmt::~Stmt() {
  if (stmt_ == nullptr) return;
  if (owner_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    owner_->ReturnToCache(stmt_);
  } else {
    sqlite3_finalize(stmt_);
  }
}

void Stmt::Bind(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

void Stmt::Bind(int index, std::string_view value) {
  sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Stmt::Bind(int index, std::nullopt_t) { sqlite3_bind_null(stmt_, index); }

void Stmt::Bind(int index, const std::optional<int64_t>& value) {
  if (value) {
    Bind(index, *value);
  } else {
    Bind(index, std::nullopt);
  }
}

void Stmt::Bind(int index, const std::optional<std::string>& value) {
  if (value) {
    Bind(index, std::string_view(*value));
  } else {
    Bind(index, std::nullopt);
  }
}

void Stmt::Bind(int index, Blob value) {
  sqlite3_bind_blob64(stmt_, index, value.bytes.data(), value.bytes.size(), SQLITE_TRANSIENT);
}

core::StatusOr<bool> Stmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // sqlite3_step returns the extended code since we opened with extended result codes on.
  return SqliteError(db_, rc, "sqlite step");
}

core::Status Stmt::Run() {
  for (;;) {
    core::StatusOr<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return core::OkStatus();
  }
}

int64_t Stmt::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Stmt::Text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p), n);
}

std::string Stmt::Bytes(int column) const {
  const void* p = sqlite3_column_blob(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return p == nullptr ? std::string() : std::string(static_cast<const char*>(p), n);
}

bool Stmt::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::optional<int64_t> Stmt::OptInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

std::optional<std::string> Stmt::OptText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

core::StatusOr<std::unique_ptr<Db>> Db::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    core::Status st = core::InternalError("cannot open database " + path + ": " +
                                          (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    if (raw != nullptr) sqlite3_close(raw);
    return st;
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  std::unique_ptr<Db> db(new Db(raw));
  // WAL persists in the file; the other pragmas are per connection. A 32 MiB page cache keeps a
  // batch import's dirty pages in memory until commit instead of spilling (and rewriting) them
  // into the WAL mid-transaction; savepoint sub-journals stay in memory rather than temp files.
  CORE_RETURN_IF_ERROR(
      db->ExecScript("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
                     "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;"));
  return db;
}

Db::~Db() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

void Db::ReturnToCache(sqlite3_stmt* stmt) {
  const char* sql = sqlite3_sql(stmt);
  if (sql == nullptr || cache_.size() >= kMaxCachedStatements) {
    sqlite3_finalize(stmt);
    return;
  }
  cache_.emplace(sql, stmt);
}

core::Status Db::ExecScript(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return SqliteError(nullptr, rc, "sqlite exec: " + msg);
  }
  return core::OkStatus();
}

core::StatusOr<Stmt> Db::Prepare(std::string_view sql) {
  // sqlite3_sql() gives back exactly the text prepared, so that text is the cache key.
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) {
    sqlite3_stmt* stmt = it->second;
    cache_.erase(it);
    return Stmt(db_, stmt, this);
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "sqlite prepare");
  if (stmt == nullptr) return Stmt(db_, stmt);  // only whitespace or a comment
  return Stmt(db_, stmt, this);
}

int64_t Db::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int64_t Db::Changes() const { return sqlite3_changes64(db_); }
bool Db::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

Transaction::~Transaction() { Rollback(); }

core::Status Transaction::Begin() {
  CORE_RETURN_IF_ERROR(db_.ExecScript("BEGIN IMMEDIATE"));
  active_ = true;
  return core::OkStatus();
}

core::Status Transaction::Commit() {
  if (!active_) return core::InternalError("commit without an open transaction");
  core::Status st = db_.ExecScript("COMMIT");
  if (!st.ok()) {
    Rollback();
    return st;
  }
  active_ = false;
  return core::OkStatus();
}

void Transaction::Rollback() {
  if (!active_) return;
  active_ = false;
  if (db_.InTransaction()) (void)db_.ExecScript("ROLLBACK");
}

DbPool::Lease::~Lease() {
  if (pool_ != nullptr && db_ != nullptr) pool_->Release(std::move(db_));
}

core::StatusOr<DbPool::Lease> DbPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!free_.empty()) {
      std::unique_ptr<Db> db = std::move(free_.back());
      free_.pop_back();
      return Lease(this, std::move(db));
    }
  }
  core::StatusOr<std::unique_ptr<Db>> db = Db::Open(path_);
  if (!db.ok()) return db.status();
  return Lease(this, std::move(db).value());
}

void DbPool::Release(std::unique_ptr<Db> db) {
  // A connection left inside a transaction (a bug upstream) must not leak its state.
  if (db->InTransaction()) (void)db->ExecScript("ROLLBACK");
  std::lock_guard<std::mutex> lock(mu_);
  if (free_.size() < kMaxPooled) free_.push_back(std::move(db));
}

}  // namespace server
