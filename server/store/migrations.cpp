// The schema as a list of migrations, and the runner that applies the missing ones.
#include "store/migrations.h"

#include <string>

#include "common/clock.h"

namespace server {

namespace {

constexpr std::string_view kInitialSchema = R"sql(
CREATE TABLE enterprises (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  uscc TEXT NOT NULL,
  customs_code TEXT NOT NULL,
  overseas INTEGER NOT NULL,
  country TEXT NOT NULL,
  roles TEXT NOT NULL,          -- JSON array of role ids
  shop_urls TEXT NOT NULL,      -- JSON array
  status TEXT NOT NULL CHECK (status IN ('pending', 'admitted', 'rejected')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX enterprises_uscc ON enterprises(uscc) WHERE uscc <> '';

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'enterprise')),
  display_name TEXT NOT NULL,
  enterprise_id INTEGER REFERENCES enterprises(id),
  created_at TEXT NOT NULL,
  CHECK ((role = 'enterprise') = (enterprise_id IS NOT NULL))
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,   -- hex SHA-256 of the cookie token; the token is never stored
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE qualifications (
  id INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  type TEXT NOT NULL,
  number TEXT NOT NULL,
  issuer TEXT NOT NULL,
  valid_from TEXT,
  valid_to TEXT,
  agent_uscc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX qualifications_enterprise ON qualifications(enterprise_id);

CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  name TEXT NOT NULL,
  uscc TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
  outcome TEXT NOT NULL,
  application TEXT NOT NULL,     -- canonical application JSON
  verdict TEXT NOT NULL,         -- the core's verdict JSON text, byte for byte
  policy_version TEXT NOT NULL,
  submitted_by INTEGER REFERENCES users(id),
  submitted_at TEXT NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT,
  decision_reason TEXT
);
CREATE INDEX applications_enterprise ON applications(enterprise_id);
CREATE INDEX applications_status ON applications(status);

CREATE TABLE goods_filings (
  id INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  name_norm TEXT NOT NULL,       -- core::NormalizeGoodsName(name), for 同名异归类
  code10 TEXT NOT NULL,
  outcome TEXT NOT NULL,
  filing TEXT NOT NULL,
  verdict TEXT NOT NULL,
  filed_by INTEGER REFERENCES users(id),
  filed_at TEXT NOT NULL
);
CREATE INDEX goods_name_norm ON goods_filings(name_norm);
CREATE INDEX goods_enterprise ON goods_filings(enterprise_id);
CREATE UNIQUE INDEX goods_enterprise_sku ON goods_filings(enterprise_id, sku) WHERE sku <> '';

CREATE TABLE reference_lists (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  content TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows INTEGER NOT NULL,
  loaded_by TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  UNIQUE (name, version)
);

CREATE TABLE policy_versions (
  id INTEGER PRIMARY KEY,
  version TEXT NOT NULL UNIQUE,
  document TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  loaded_by TEXT NOT NULL,
  loaded_at TEXT NOT NULL
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
-- Append-only through the application; the hash chain catches edits made around these.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql";

}  // namespace

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "initial schema", kInitialSchema},
  };
  return kMigrations;
}

core::StatusOr<int> Migrate(Db& db) {
  CORE_RETURN_IF_ERROR(
      db.ExecScript("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                    "name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
  int applied = 0;
  for (const Migration& m : AllMigrations()) {
    Transaction tx(db);
    CORE_RETURN_IF_ERROR(tx.Begin());
    // Checked inside the write transaction so two processes starting at once cannot both apply.
    CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT 1 FROM schema_migrations WHERE version = ?",
                                           static_cast<int64_t>(m.version)));
    CORE_ASSIGN_OR_RETURN(bool present, q.Step());
    if (present) continue;
    core::Status st = db.ExecScript(m.sql);
    if (!st.ok()) {
      return core::InternalError("migration " + std::to_string(m.version) + " (" +
                                 std::string(m.name) + ") failed: " + st.message());
    }
    CORE_RETURN_IF_ERROR(
        db.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                static_cast<int64_t>(m.version), m.name, FormatUtcIso(SystemNowSeconds())));
    CORE_RETURN_IF_ERROR(tx.Commit());
    ++applied;
  }
  return applied;
}

}  // namespace server
