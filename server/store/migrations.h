// Versioned schema migrations, applied in order and recorded in schema_migrations. Does file
// I/O through the Db handle.
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/db.h"

namespace server {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
  // A migration that rebuilds a table other tables refer to runs with foreign keys off (SQLite's
  // procedure for schema changes ALTER TABLE cannot make); PRAGMA foreign_key_check must find
  // nothing before it commits.
  bool rebuilds_tables = false;
};

// Every migration, oldest first. Never edit a released one: append a new version instead.
const std::vector<Migration>& AllMigrations();

// Applies the migrations newer than the database's recorded version (up to `up_to_version`:
// tests build an older database with it), each in its own transaction together with its
// schema_migrations row. Returns how many were applied (0 on a current database, so running it
// again is a no-op).
core::StatusOr<int> Migrate(Db& db, int up_to_version = 1 << 30);

}  // namespace server
