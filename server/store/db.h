// SQLite access: RAII connection and statement handles, bound parameters only, a Transaction
// guard (BEGIN IMMEDIATE / COMMIT / ROLLBACK) and a small connection pool. Does file I/O.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace server {

// Paging for list queries (docs/api.md: limit default 50, max 500).
struct Page {
  int64_t limit = 50;
  int64_t offset = 0;
};

// A page of records plus the total count matching the filter.
template <typename T>
struct ListResult {
  std::vector<T> items;
  int64_t total = 0;
};

// Bytes to bind as a BLOB (a std::string_view binds as TEXT).
struct Blob {
  std::string_view bytes;
};

class Db;

// A prepared statement. Parameters are bound by position (1-based) and never spliced into SQL.
// One made by Db::Prepare goes back to its connection's statement cache when destroyed (reset,
// bindings cleared), so it must not outlive the Db.
class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* stmt, Db* cache_owner = nullptr)
      : db_(db), stmt_(stmt), owner_(cache_owner) {}
  Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_), owner_(other.owner_) {
    other.stmt_ = nullptr;
  }
  Stmt& operator=(Stmt&&) = delete;
  Stmt(const Stmt&) = delete;
  ~Stmt();

  void Bind(int index, int64_t value);
  void Bind(int index, int value) { Bind(index, static_cast<int64_t>(value)); }
  void Bind(int index, bool value) { Bind(index, static_cast<int64_t>(value ? 1 : 0)); }
  void Bind(int index, std::string_view value);
  void Bind(int index, const std::string& value) { Bind(index, std::string_view(value)); }
  void Bind(int index, const char* value) { Bind(index, std::string_view(value)); }
  void Bind(int index, std::nullopt_t);
  void Bind(int index, const std::optional<int64_t>& value);
  void Bind(int index, const std::optional<std::string>& value);
  void Bind(int index, Blob value);

  // Advances one row: true when a row is available, false when done. Constraint violations map
  // to AlreadyExists (UNIQUE) or FailedPrecondition (others); a busy database to
  // ResourceExhausted; anything else to Internal.
  core::StatusOr<bool> Step();
  // Steps to completion (for INSERT/UPDATE/DELETE).
  core::Status Run();

  int64_t Int(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;
  std::optional<int64_t> OptInt(int column) const;
  std::optional<std::string> OptText(int column) const;
  // A BLOB column's bytes ("" for NULL).
  std::string Bytes(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  Db* owner_;
};

// One SQLite connection. Opened with WAL, foreign keys on and a busy timeout.
class Db {
 public:
  // Opens (creating when missing) the database file. Internal on failure.
  static core::StatusOr<std::unique_ptr<Db>> Open(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Prepares `sql` and binds `args` to ?1, ?2, ... in order.
  template <typename... Args>
  core::StatusOr<Stmt> Query(std::string_view sql, const Args&... args) {
    core::StatusOr<Stmt> stmt = Prepare(sql);
    if (!stmt.ok()) return stmt;
    int index = 0;
    (stmt->Bind(++index, args), ...);
    return stmt;
  }
  // Prepares, binds and runs a statement that returns no rows.
  template <typename... Args>
  core::Status Exec(std::string_view sql, const Args&... args) {
    core::StatusOr<Stmt> stmt = Query(sql, args...);
    if (!stmt.ok()) return stmt.status();
    return stmt->Run();
  }
  // The first column of the first row (0 when there is no row, or it is NULL): counts, sums,
  // maxima.
  template <typename... Args>
  core::StatusOr<int64_t> QueryInt(std::string_view sql, const Args&... args) {
    core::StatusOr<Stmt> stmt = Query(sql, args...);
    if (!stmt.ok()) return stmt.status();
    core::StatusOr<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    return *row ? stmt->Int(0) : 0;
  }
  // Runs SQL text with no parameters, possibly several statements (migrations, pragmas).
  core::Status ExecScript(std::string_view sql);

  // A statement for `sql`: an idle one from this connection's cache (the same SQL text prepared
  // before), or a newly prepared one. Internal when the SQL does not compile.
  core::StatusOr<Stmt> Prepare(std::string_view sql);
  int64_t LastInsertId() const;
  int64_t Changes() const;
  bool InTransaction() const;
  sqlite3* raw() const { return db_; }

 private:
  friend class Stmt;
  explicit Db(sqlite3* db) : db_(db) {}
  // Takes back an idle statement (already reset); finalizes it when the cache is full.
  void ReturnToCache(sqlite3_stmt* stmt);

  // Preparing costs more than running most of our statements, and ingestion runs the same few
  // dozen per record: idle prepared statements by SQL text, bounded.
  static constexpr size_t kMaxCachedStatements = 256;
  sqlite3* db_;
  std::unordered_multimap<std::string, sqlite3_stmt*> cache_;
};

// BEGIN IMMEDIATE on Begin(); rolls back on destruction unless Commit() succeeded. IMMEDIATE
// takes the write lock up front, so two writers never deadlock upgrading read locks.
class Transaction {
 public:
  explicit Transaction(Db& db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  core::Status Begin();
  core::Status Commit();
  void Rollback();
  bool active() const { return active_; }

 private:
  Db& db_;
  bool active_ = false;
};

// Connections for concurrent requests: WAL lets readers run beside the one writer. A lease
// returns its connection to the pool when destroyed.
class DbPool {
 public:
  explicit DbPool(std::string path) : path_(std::move(path)) {}

  class Lease {
   public:
    Lease(DbPool* pool, std::unique_ptr<Db> db) : pool_(pool), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Db& operator*() const { return *db_; }
    Db* operator->() const { return db_.get(); }

   private:
    DbPool* pool_;
    std::unique_ptr<Db> db_;
  };

  // A free connection, or a new one. Internal when the file cannot be opened.
  core::StatusOr<Lease> Acquire();
  const std::string& path() const { return path_; }

 private:
  void Release(std::unique_ptr<Db> db);

  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Db>> free_;
};

}  // namespace server
