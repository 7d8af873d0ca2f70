// The schema as a list of migrations, and the runner that applies the missing ones.
#include "store/migrations.h"

#include <string>

#include "common/clock.h"
#include "store/credit_schema.h"
#include "store/findings_schema.h"
#include "store/learned_schema.h"
#include "store/patrol_schema.h"
#include "store/risk_jobs_schema.h"
#include "store/routing_schema.h"
#include "store/rule_stats_schema.h"
#include "store/supervision_schema.h"

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

// Issue 3: CEB messages as received (the legal record), the current version of each business
// document in normalised tables, and the declaration lists with their screening, status history,
// tax bills and the buyers' annual quota entries.
constexpr std::string_view kMessagesSchema = R"sql(
-- One row per request body or imported file that stored at least one record: the exact bytes,
-- zlib-compressed when that is smaller (compression says which), with the SHA-256 of the bytes.
CREATE TABLE ceb_documents (
  id INTEGER PRIMARY KEY,
  format TEXT NOT NULL CHECK (format IN ('xml', 'json')),
  message_type TEXT NOT NULL,       -- CEB311 ... for XML; 'json' for a JSON request
  sha256 TEXT NOT NULL,             -- of the bytes as received (before compression)
  size_bytes INTEGER NOT NULL,
  compression TEXT NOT NULL CHECK (compression IN ('none', 'zlib')),
  body BLOB NOT NULL,
  source TEXT NOT NULL,             -- 'api' or 'cli:<file name>'
  received_at TEXT NOT NULL,
  received_by_id INTEGER REFERENCES users(id),
  received_by TEXT NOT NULL
);

-- Every stored version of every business record (order, payment, waybill, list, return).
CREATE TABLE ceb_messages (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES ceb_documents(id),
  record_index INTEGER NOT NULL,    -- 0-based position of the record in the document
  type TEXT NOT NULL CHECK (type IN ('CEB311', 'CEB411', 'CEB511', 'CEB621', 'CEB625')),
  guid TEXT NOT NULL,
  business_key TEXT NOT NULL,       -- core::IdentityOf(...).business_key
  app_type INTEGER NOT NULL CHECK (app_type IN (1, 2, 3)),
  app_time TEXT NOT NULL,           -- the digits as sent
  version INTEGER NOT NULL,         -- 1, 2, ... per (type, business_key)
  state TEXT NOT NULL CHECK (state IN ('current', 'superseded', 'withdrawn')),
  order_no TEXT NOT NULL,
  ebp_code TEXT NOT NULL,
  ebc_code TEXT NOT NULL,
  parsed TEXT NOT NULL,             -- canonical record JSON (core message codec)
  content_sha256 TEXT NOT NULL,     -- of `parsed`: the same content however it was sent
  received_at TEXT NOT NULL,
  UNIQUE (type, guid),
  UNIQUE (type, business_key, version)
);
CREATE INDEX ceb_messages_order ON ceb_messages(order_no);
CREATE INDEX ceb_messages_document ON ceb_messages(document_id);

-- The customs codes a record names as a party (who may read it), see docs/api.md.
CREATE TABLE ceb_message_parties (
  customs_code TEXT NOT NULL,
  message_id INTEGER NOT NULL REFERENCES ceb_messages(id),
  PRIMARY KEY (customs_code, message_id)
) WITHOUT ROWID;

-- The current version of each business document (withdrawn ones are removed), for the joins.
CREATE TABLE ceb_orders (
  message_id INTEGER PRIMARY KEY REFERENCES ceb_messages(id),
  business_key TEXT NOT NULL UNIQUE,
  order_no TEXT NOT NULL,
  ebp_code TEXT NOT NULL,
  ebc_code TEXT NOT NULL,
  pay_code TEXT NOT NULL,
  pay_transaction_id TEXT NOT NULL,
  logistics_code TEXT NOT NULL,
  logistics_no TEXT NOT NULL,
  buyer_id_number TEXT NOT NULL,
  buyer_name TEXT NOT NULL,
  goods_value_fen INTEGER NOT NULL,
  freight_fen INTEGER NOT NULL,
  discount_fen INTEGER NOT NULL,
  tax_total_fen INTEGER NOT NULL,
  actural_paid_fen INTEGER NOT NULL,
  app_time TEXT NOT NULL
);
CREATE INDEX ceb_orders_order ON ceb_orders(order_no, ebp_code);
CREATE INDEX ceb_orders_pay_tx ON ceb_orders(pay_transaction_id);
CREATE INDEX ceb_orders_buyer ON ceb_orders(buyer_id_number);

CREATE TABLE ceb_order_lines (
  message_id INTEGER NOT NULL REFERENCES ceb_orders(message_id) ON DELETE CASCADE,
  line_index INTEGER NOT NULL,
  gnum INTEGER NOT NULL,
  item_no TEXT NOT NULL,
  item_name TEXT NOT NULL,
  gcode TEXT NOT NULL,
  qty_e5 INTEGER NOT NULL,
  unit TEXT NOT NULL,
  price_fen INTEGER NOT NULL,
  total_price_fen INTEGER NOT NULL,
  PRIMARY KEY (message_id, line_index)
) WITHOUT ROWID;

CREATE TABLE ceb_payments (
  message_id INTEGER PRIMARY KEY REFERENCES ceb_messages(id),
  business_key TEXT NOT NULL UNIQUE,
  order_no TEXT NOT NULL,
  ebp_code TEXT NOT NULL,
  pay_code TEXT NOT NULL,
  pay_transaction_id TEXT NOT NULL,
  payer_id_number TEXT NOT NULL,
  payer_name TEXT NOT NULL,
  amount_paid_fen INTEGER NOT NULL,
  pay_time TEXT NOT NULL
);
CREATE INDEX ceb_payments_order ON ceb_payments(order_no, ebp_code);
CREATE INDEX ceb_payments_pay_tx ON ceb_payments(pay_transaction_id);
CREATE INDEX ceb_payments_payer ON ceb_payments(payer_id_number);

CREATE TABLE ceb_waybills (
  message_id INTEGER PRIMARY KEY REFERENCES ceb_messages(id),
  business_key TEXT NOT NULL UNIQUE,
  logistics_code TEXT NOT NULL,
  logistics_no TEXT NOT NULL,
  order_no TEXT NOT NULL,
  freight_fen INTEGER NOT NULL,
  insured_fee_fen INTEGER NOT NULL,
  weight_e5 INTEGER NOT NULL
);
CREATE INDEX ceb_waybills_logistics ON ceb_waybills(logistics_no, logistics_code);
CREATE INDEX ceb_waybills_order ON ceb_waybills(order_no);

CREATE TABLE ceb_lists (
  message_id INTEGER PRIMARY KEY REFERENCES ceb_messages(id),
  business_key TEXT NOT NULL UNIQUE,
  order_no TEXT NOT NULL,
  ebp_code TEXT NOT NULL,
  ebc_code TEXT NOT NULL,
  agent_code TEXT NOT NULL,
  cop_no TEXT NOT NULL,
  invt_no TEXT NOT NULL,
  logistics_code TEXT NOT NULL,
  logistics_no TEXT NOT NULL,
  buyer_id_number TEXT NOT NULL,
  trade_mode TEXT NOT NULL,
  decl_date TEXT NOT NULL,          -- YYYY-MM-DD of declTime
  freight_fen INTEGER NOT NULL,
  insured_fee_fen INTEGER NOT NULL
);
CREATE INDEX ceb_lists_order ON ceb_lists(order_no, ebp_code);
CREATE INDEX ceb_lists_logistics ON ceb_lists(logistics_no);
CREATE INDEX ceb_lists_buyer ON ceb_lists(buyer_id_number);

CREATE TABLE ceb_list_lines (
  message_id INTEGER NOT NULL REFERENCES ceb_lists(message_id) ON DELETE CASCADE,
  line_index INTEGER NOT NULL,
  gnum INTEGER NOT NULL,
  item_no TEXT NOT NULL,
  gcode TEXT NOT NULL,
  gname TEXT NOT NULL,
  qty_e5 INTEGER NOT NULL,
  unit TEXT NOT NULL,
  qty1_e5 INTEGER NOT NULL,
  unit1 TEXT NOT NULL,
  price_fen INTEGER NOT NULL,
  total_price_fen INTEGER NOT NULL,
  PRIMARY KEY (message_id, line_index)
) WITHOUT ROWID;

CREATE TABLE ceb_refunds (
  message_id INTEGER PRIMARY KEY REFERENCES ceb_messages(id),
  business_key TEXT NOT NULL UNIQUE,
  order_no TEXT NOT NULL,
  ebp_code TEXT NOT NULL,
  invt_no TEXT NOT NULL,
  buyer_id_number TEXT NOT NULL
);
CREATE INDEX ceb_refunds_order ON ceb_refunds(order_no, ebp_code);
CREATE INDEX ceb_refunds_invt ON ceb_refunds(invt_no);

-- One declaration per list business key: the list's current version and its customs status
-- (DOMAIN §2.6 codes).
CREATE TABLE declarations (
  id INTEGER PRIMARY KEY,
  list_key TEXT NOT NULL UNIQUE,
  list_message_id INTEGER NOT NULL REFERENCES ceb_messages(id),
  order_no TEXT NOT NULL,
  ebp_code TEXT NOT NULL,
  ebc_code TEXT NOT NULL,
  agent_code TEXT NOT NULL,
  logistics_code TEXT NOT NULL,
  logistics_no TEXT NOT NULL,
  buyer_id_number TEXT NOT NULL,
  buyer_name TEXT NOT NULL,
  trade_mode TEXT NOT NULL,
  invt_no TEXT NOT NULL,            -- as sent, or assigned when customs accepts the list
  decl_date TEXT NOT NULL,          -- YYYY-MM-DD
  status INTEGER NOT NULL,
  status_at TEXT NOT NULL,
  released_on TEXT,                 -- China date of release (800)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX declarations_set ON declarations(order_no, ebp_code);
CREATE INDEX declarations_logistics ON declarations(logistics_no, logistics_code);
CREATE INDEX declarations_invt ON declarations(invt_no);
CREATE INDEX declarations_status ON declarations(status);
CREATE INDEX declarations_ebc ON declarations(ebc_code, decl_date);
CREATE INDEX declarations_buyer ON declarations(buyer_id_number);

CREATE TABLE declaration_parties (
  customs_code TEXT NOT NULL,
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  PRIMARY KEY (customs_code, declaration_id)
) WITHOUT ROWID;

-- Each screening of a complete set: the core's results byte for byte.
CREATE TABLE screenings (
  id INTEGER PRIMARY KEY,
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  at TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  order_message_id INTEGER NOT NULL REFERENCES ceb_messages(id),
  payment_message_id INTEGER NOT NULL REFERENCES ceb_messages(id),
  waybill_message_id INTEGER NOT NULL REFERENCES ceb_messages(id),
  list_message_id INTEGER NOT NULL REFERENCES ceb_messages(id),
  reconciliation TEXT NOT NULL,     -- core::ReconcileJson result
  quota TEXT NOT NULL,              -- core::CheckQuotaJson result
  tax TEXT,                         -- core::ComputeTaxJson result; NULL when no CBEC tax path
  status INTEGER NOT NULL           -- the status it decided
);
CREATE INDEX screenings_declaration ON screenings(declaration_id);

-- Status history: every change with its reasons and who (a user, or the system) made it.
CREATE TABLE declaration_events (
  id INTEGER PRIMARY KEY,
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  status INTEGER NOT NULL,
  at TEXT NOT NULL,
  reasons TEXT NOT NULL,            -- JSON array of reason codes
  detail TEXT NOT NULL,             -- JSON object
  screening_id INTEGER REFERENCES screenings(id),
  actor_id INTEGER REFERENCES users(id),
  actor_name TEXT NOT NULL
);
CREATE INDEX declaration_events_declaration ON declaration_events(declaration_id);

-- Electronic tax bill per released list (CEB816 TaxHeadRd / TaxListRd fields).
CREATE TABLE tax_bills (
  id INTEGER PRIMARY KEY,
  declaration_id INTEGER NOT NULL UNIQUE REFERENCES declarations(id),
  screening_id INTEGER NOT NULL REFERENCES screenings(id),
  tax_no TEXT NOT NULL UNIQUE,
  invt_no TEXT NOT NULL,
  order_no TEXT NOT NULL,
  logistics_no TEXT NOT NULL,
  ebc_code TEXT NOT NULL,
  logistics_code TEXT NOT NULL,
  agent_code TEXT NOT NULL,
  customs_code TEXT NOT NULL,
  assure_code TEXT NOT NULL,
  customs_tax_fen INTEGER NOT NULL,
  value_added_tax_fen INTEGER NOT NULL,
  consumption_tax_fen INTEGER NOT NULL,
  total_fen INTEGER NOT NULL,
  status TEXT NOT NULL,             -- '1' generated
  created_at TEXT NOT NULL
);

CREATE TABLE tax_bill_lines (
  tax_bill_id INTEGER NOT NULL REFERENCES tax_bills(id),
  line_index INTEGER NOT NULL,
  gnum INTEGER NOT NULL,
  gcode TEXT NOT NULL,
  tax_price_fen INTEGER NOT NULL,   -- dutiable value of the line
  customs_tax_fen INTEGER NOT NULL,
  value_added_tax_fen INTEGER NOT NULL,
  consumption_tax_fen INTEGER NOT NULL,
  PRIMARY KEY (tax_bill_id, line_index)
) WITHOUT ROWID;

-- The buyers' annual totals: + the value of each released list, - what a return restored;
-- quantities per 8-digit code for the annual caps.
CREATE TABLE buyer_quota_entries (
  id INTEGER PRIMARY KEY,
  buyer_id_number TEXT NOT NULL,
  year INTEGER NOT NULL,
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  kind TEXT NOT NULL CHECK (kind IN ('release', 'return')),
  value_fen INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX buyer_quota_buyer_year ON buyer_quota_entries(buyer_id_number, year);

CREATE TABLE buyer_quota_quantities (
  entry_id INTEGER NOT NULL REFERENCES buyer_quota_entries(id),
  code8 TEXT NOT NULL,
  unit TEXT NOT NULL,
  qty_milli INTEGER NOT NULL,
  PRIMARY KEY (entry_id, code8, unit)
) WITHOUT ROWID;

-- Returns (CEB625) against released lists and the core's verdict on them.
CREATE TABLE declaration_returns (
  id INTEGER PRIMARY KEY,
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  refund_message_id INTEGER NOT NULL UNIQUE REFERENCES ceb_messages(id),
  outcome TEXT NOT NULL,            -- restored | pending | not_restored
  restored_fen INTEGER NOT NULL,
  verdict TEXT NOT NULL,            -- core::CheckQuotaJson return verdict
  at TEXT NOT NULL
);
CREATE INDEX declaration_returns_declaration ON declaration_returns(declaration_id);
)sql";

}  // namespace

// Re-declaring a list replaces its parties, and a return looks up the release's quota entry:
// without these, each of those statements scans its whole table.
constexpr const char* kLookupIndexes = R"sql(
CREATE INDEX declaration_parties_declaration ON declaration_parties(declaration_id);
CREATE INDEX buyer_quota_entries_declaration ON buyer_quota_entries(declaration_id);
)sql";

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "initial schema", kInitialSchema},
      {2, "CEB messages and declarations", kMessagesSchema},
      {3, "routing rules, queues and outcomes", kRoutingSchema},
      {4, "ledgers, vehicles, gate passes, promotions", kSupervisionSchema},
      {5, "lookup indexes found by EXPLAIN QUERY PLAN", kLookupIndexes},
      {6, "online patrol: shops, profiles, crawler tasks, evidence, mystery orders", kPatrolSchema},
      {7, "evidence numbered per task attempt", kEvidenceAttempts, /*rebuilds_tables=*/true},
      {8, "returned goods back on the bonded ledger", kLedgerReturns, /*rebuilds_tables=*/true},
      {9, "contact keys of orders (buyer IDs per phone and address)", kContactKeys},
      {10, "stocktakes of bonded ledgers", kStocktakes},
      {11, "risk model runs and hits", kRiskRuns},
      {12, "violations, credit assessments and decisions", kCreditSchema},
      {13, "enterprises' answers to findings", kFindingResponsesSchema},
      {14, "routing rule hits per decision (dynamic rules)", kRuleStatsSchema},
      {15, "learned risk score: models and scores per run", kLearnedSchema},
      {16, "risk runs as batch jobs with progress", kRiskJobsSchema},
      {17, "risk hits and learned score of each list at arrival", kLearnedArrivalSchema},
  };
  return kMigrations;
}

namespace {

// Applies `m` unless recorded; true when it was applied.
core::StatusOr<bool> Apply(Db& db, const Migration& m) {
  Transaction tx(db);
  CORE_RETURN_IF_ERROR(tx.Begin());
  // Checked inside the write transaction so two processes starting at once cannot both apply.
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT 1 FROM schema_migrations WHERE version = ?",
                                         static_cast<int64_t>(m.version)));
  CORE_ASSIGN_OR_RETURN(bool present, q.Step());
  if (present) return false;
  const std::string failed =
      "migration " + std::to_string(m.version) + " (" + std::string(m.name) + ") failed: ";
  if (core::Status st = db.ExecScript(m.sql); !st.ok()) {
    return core::InternalError(failed + st.message());
  }
  if (m.rebuilds_tables) {
    CORE_ASSIGN_OR_RETURN(Stmt check, db.Query("PRAGMA foreign_key_check"));
    CORE_ASSIGN_OR_RETURN(bool broken, check.Step());
    if (broken) {
      return core::InternalError(failed + "a row of " + check.Text(0) +
                                 " refers to a missing row of " + check.Text(2));
    }
  }
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
              static_cast<int64_t>(m.version), m.name, FormatUtcIso(SystemNowSeconds())));
  CORE_RETURN_IF_ERROR(tx.Commit());
  return true;
}

}  // namespace

core::StatusOr<int> Migrate(Db& db, int up_to_version) {
  CORE_RETURN_IF_ERROR(
      db.ExecScript("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                    "name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
  int applied = 0;
  for (const Migration& m : AllMigrations()) {
    if (m.version > up_to_version) break;
    // The pragma is a no-op inside a transaction, so it is switched around it.
    if (m.rebuilds_tables) CORE_RETURN_IF_ERROR(db.ExecScript("PRAGMA foreign_keys=OFF"));
    core::StatusOr<bool> done = Apply(db, m);
    if (m.rebuilds_tables) CORE_RETURN_IF_ERROR(db.ExecScript("PRAGMA foreign_keys=ON"));
    CORE_RETURN_IF_ERROR(done.status());
    applied += *done ? 1 : 0;
  }
  return applied;
}

}  // namespace server
