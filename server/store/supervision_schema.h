// Schema of migration 4 (issue 3, supervision): bonded ledgers and their entries, vehicles, gate
// passes with their gate events, promotion filings. Kept beside migrations.cpp, which lists it.
// No I/O.
#pragma once

#include <string_view>

namespace server {

inline constexpr std::string_view kSupervisionSchema = R"sql(
-- CBEC bonded account books (账册): one row per emsNo, owned by one enterprise.
CREATE TABLE ledgers (
  id INTEGER PRIMARY KEY,
  ems_no TEXT NOT NULL UNIQUE,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  enterprise_code TEXT NOT NULL,    -- the owner's customs code (the core's enterprise_code)
  customs_code TEXT NOT NULL,       -- the supervising customs (4 digits)
  name TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX ledgers_enterprise ON ledgers(enterprise_id);

-- Entries of a book, exactly as the core reads them (entry = core LedgerEntryToJson text).
CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY,           -- also the core's entry id (as text)
  ledger_id INTEGER NOT NULL REFERENCES ledgers(id),
  kind TEXT NOT NULL CHECK (kind IN ('first_line_in', 'release_out', 'transfer_out',
                                     'transfer_in', 'adjustment')),
  date TEXT NOT NULL,
  seq INTEGER NOT NULL,
  sku TEXT NOT NULL,
  invt_no TEXT NOT NULL DEFAULT '',
  gnum INTEGER NOT NULL DEFAULT 0,
  transfer_id TEXT NOT NULL DEFAULT '',
  declaration_id INTEGER REFERENCES declarations(id),
  entry TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (ledger_id, date, seq)
);
CREATE INDEX ledger_entries_ledger ON ledger_entries(ledger_id, date, seq);
CREATE UNIQUE INDEX ledger_entries_release ON ledger_entries(ledger_id, invt_no, gnum)
  WHERE kind = 'release_out';

-- Transfers between books (结转): the paired out and in entries, booked together.
CREATE TABLE ledger_transfers (
  id INTEGER PRIMARY KEY,
  transfer_id TEXT NOT NULL UNIQUE,
  from_ledger_id INTEGER NOT NULL REFERENCES ledgers(id),
  to_ledger_id INTEGER NOT NULL REFERENCES ledgers(id),
  out_entry_id INTEGER NOT NULL REFERENCES ledger_entries(id),
  in_entry_id INTEGER NOT NULL REFERENCES ledger_entries(id),
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);

-- Vehicles registered to logistics enterprises (plate_key: upper-case ASCII, no spaces).
CREATE TABLE vehicles (
  id INTEGER PRIMARY KEY,
  plate TEXT NOT NULL,
  plate_key TEXT NOT NULL UNIQUE,
  ic_card_no TEXT NOT NULL,
  frame_wt TEXT NOT NULL,           -- kg, N19,5 text
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  enterprise_code TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX vehicles_enterprise ON vehicles(enterprise_id);

-- Gate passes (核放单): the core's pass JSON, the status the last gate check left.
CREATE TABLE gate_passes (
  id INTEGER PRIMARY KEY,
  passport_no TEXT NOT NULL UNIQUE,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  logistics_code TEXT NOT NULL,
  pass TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'passed', 'held')),
  reasons TEXT NOT NULL,            -- JSON array of finding codes of the hold
  hold_released_by INTEGER REFERENCES users(id),
  hold_released_at TEXT,
  hold_release_reason TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX gate_passes_enterprise ON gate_passes(enterprise_id);

CREATE TABLE gate_events (
  id INTEGER PRIMARY KEY,
  pass_id INTEGER NOT NULL REFERENCES gate_passes(id),
  event TEXT NOT NULL,              -- the event JSON as checked
  outcome TEXT NOT NULL,            -- pass | hold
  verdict TEXT NOT NULL,            -- core GateCheckJson output, byte for byte
  created_by INTEGER REFERENCES users(id),
  at TEXT NOT NULL
);
CREATE INDEX gate_events_pass ON gate_events(pass_id);

-- Promotion filings (促销行为报备): the core's filing JSON and the check made when filed.
CREATE TABLE promotions (
  id INTEGER PRIMARY KEY,           -- also the core's filing id (as text)
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  enterprise_code TEXT NOT NULL,
  filing TEXT NOT NULL,
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  outcome TEXT NOT NULL,            -- ok | flagged
  check_result TEXT NOT NULL,       -- core PromotionCheckJson output, byte for byte
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX promotions_enterprise ON promotions(enterprise_id);
)sql";

// Migration 8: returned goods come back on the bonded ledger (return_in, 退货入区). The kind is
// in a CHECK constraint, which SQLite cannot alter: the table is rebuilt under its name with its
// rows and ids (foreign keys off, checked before commit: Migration::rebuilds_tables).
inline constexpr const char* kLedgerReturns = R"sql(
CREATE TABLE ledger_entries_v8 (
  id INTEGER PRIMARY KEY,           -- also the core's entry id (as text)
  ledger_id INTEGER NOT NULL REFERENCES ledgers(id),
  kind TEXT NOT NULL CHECK (kind IN ('first_line_in', 'release_out', 'transfer_out',
                                     'transfer_in', 'adjustment', 'return_in')),
  date TEXT NOT NULL,
  seq INTEGER NOT NULL,
  sku TEXT NOT NULL,
  invt_no TEXT NOT NULL DEFAULT '',
  gnum INTEGER NOT NULL DEFAULT 0,
  transfer_id TEXT NOT NULL DEFAULT '',
  declaration_id INTEGER REFERENCES declarations(id),
  entry TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (ledger_id, date, seq)
);
INSERT INTO ledger_entries_v8 SELECT id, ledger_id, kind, date, seq, sku, invt_no, gnum,
  transfer_id, declaration_id, entry, created_by, created_at FROM ledger_entries;
DROP TABLE ledger_entries;
ALTER TABLE ledger_entries_v8 RENAME TO ledger_entries;
CREATE INDEX ledger_entries_ledger ON ledger_entries(ledger_id, date, seq);
CREATE UNIQUE INDEX ledger_entries_release ON ledger_entries(ledger_id, invt_no, gnum)
  WHERE kind = 'release_out';
CREATE INDEX ledger_entries_declaration ON ledger_entries(declaration_id)
  WHERE declaration_id IS NOT NULL;
)sql";

// Migration 9: the contact keys of current orders (common/contact_keys.h), so that routing can
// count the buyer IDs behind one phone or one delivery address. Orders stored before it have
// empty keys and are not counted.
inline constexpr const char* kContactKeys = R"sql(
ALTER TABLE ceb_orders ADD COLUMN buyer_phone_key TEXT NOT NULL DEFAULT '';
ALTER TABLE ceb_orders ADD COLUMN consignee_address_key TEXT NOT NULL DEFAULT '';
CREATE INDEX ceb_orders_phone_key ON ceb_orders(buyer_phone_key, buyer_id_number)
  WHERE buyer_phone_key <> '';
CREATE INDEX ceb_orders_address_key ON ceb_orders(consignee_address_key, buyer_id_number)
  WHERE consignee_address_key <> '';
)sql";

// Migration 10: stocktakes (盘库) of bonded ledgers, with the core's comparison as it was made.
inline constexpr const char* kStocktakes = R"sql(
CREATE TABLE stocktakes (
  id INTEGER PRIMARY KEY,
  ledger_id INTEGER NOT NULL REFERENCES ledgers(id),
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  date TEXT NOT NULL,                -- the day counted (YYYY-MM-DD)
  method TEXT NOT NULL CHECK (method IN ('electronic', 'self_count', 'third_party')),
  input TEXT NOT NULL,               -- core StocktakeInputToJson (with re-counts and unit values)
  result TEXT NOT NULL,              -- core StocktakeResultToJson, byte for byte
  outcome TEXT NOT NULL,
  shortage_action TEXT NOT NULL,
  tax_fen INTEGER NOT NULL,
  recounted_by INTEGER REFERENCES users(id),
  recounted_at TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX stocktakes_ledger ON stocktakes(ledger_id, date);
CREATE INDEX stocktakes_enterprise ON stocktakes(enterprise_id, id);
)sql";

// Migration 11: runs of the core's risk models over the declarations and the hits they gave.
inline constexpr const char* kRiskRuns = R"sql(
CREATE TABLE risk_runs (
  id INTEGER PRIMARY KEY,
  thresholds TEXT NOT NULL,          -- core RiskThresholdsToJson, as used
  as_of TEXT NOT NULL,               -- the day the windows end
  declarations INTEGER NOT NULL,     -- lists read
  hits INTEGER NOT NULL,
  started_by INTEGER REFERENCES users(id),
  started_at TEXT NOT NULL
);
CREATE TABLE risk_hits (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES risk_runs(id),
  model TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  score INTEGER NOT NULL,
  declarations TEXT NOT NULL,        -- JSON array of declaration ids
  explanation_zh TEXT NOT NULL,
  explanation_en TEXT NOT NULL
);
CREATE INDEX risk_hits_run ON risk_hits(run_id, model, subject);
)sql";

}  // namespace server
