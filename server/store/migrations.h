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
};

// Every migration, oldest first. Never edit a released one: append a new version instead.
const std::vector<Migration>& AllMigrations();

// Applies the migrations newer than the database's recorded version, each in its own
// transaction together with its schema_migrations row. Returns how many were applied (0 on a
// current database, so running it again is a no-op).
core::StatusOr<int> Migrate(Db& db);

}  // namespace server
