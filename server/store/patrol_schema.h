// Schema of migration 6 (issue 4, online patrol): shops and their site profiles, crawler
// service accounts, patrol tasks leased by crawlers, the evidence they fetched, what they read,
// the findings, covert buyers and mystery orders. Kept beside migrations.cpp, which lists it.
// No I/O.
#pragma once

#include <string_view>

namespace server {

inline constexpr std::string_view kPatrolSchema = R"sql(
-- An enterprise's online shop as customs patrols it.
CREATE TABLE shops (
  id INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  name TEXT NOT NULL,
  base_url TEXT NOT NULL UNIQUE,     -- the first start URL
  cycle_days INTEGER NOT NULL CHECK (cycle_days BETWEEN 1 AND 366),
  active INTEGER NOT NULL DEFAULT 1,
  next_due_at TEXT NOT NULL,         -- UTC ISO-8601: the scheduler queues a patrol from then
  last_patrol_task_id INTEGER,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX shops_enterprise ON shops(enterprise_id);
CREATE INDEX shops_due ON shops(active, next_due_at);

-- Site profiles (docs/site-profiles.md), new versions only.
CREATE TABLE site_profiles (
  id INTEGER PRIMARY KEY,
  shop_id INTEGER NOT NULL REFERENCES shops(id),
  version INTEGER NOT NULL,
  profile TEXT NOT NULL,             -- canonical JSON
  comment TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (shop_id, version)
);

-- Crawler service accounts: a bearer token whose SHA-256 is kept (the token never is).
CREATE TABLE crawler_accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  token_sha256 TEXT NOT NULL UNIQUE,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- Work for crawlers. A lease expires; an expired lease is taken over by the next crawler that
-- asks, so a crawler that dies leaves its task to be retried.
CREATE TABLE patrol_tasks (
  id INTEGER PRIMARY KEY,
  shop_id INTEGER NOT NULL REFERENCES shops(id),
  kind TEXT NOT NULL CHECK (kind IN ('patrol', 'mystery_order', 'preview')),
  params TEXT NOT NULL,              -- JSON: profile version, buyer, sku, quantity, ...
  status TEXT NOT NULL CHECK (status IN ('queued', 'leased', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 3,
  leased_by TEXT,                    -- crawler account name
  lease_token TEXT,                  -- changes on every lease: a late crawler cannot post
  lease_until TEXT,
  progress TEXT NOT NULL DEFAULT '{}',
  result TEXT,                       -- JSON summary once done or failed
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX patrol_tasks_status ON patrol_tasks(status, id);
CREATE INDEX patrol_tasks_shop ON patrol_tasks(shop_id, id);

-- Everything a crawler fetched: exactly what it saw.
CREATE TABLE crawl_evidence (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES patrol_tasks(id),
  seq INTEGER NOT NULL,              -- order within the task
  purpose TEXT NOT NULL,
  method TEXT NOT NULL,
  url TEXT NOT NULL,
  request_body TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL,           -- HTTP status, 0 when no response
  headers TEXT NOT NULL,             -- JSON [[name, value], ...]
  body BLOB NOT NULL,
  body_size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,              -- of body, checked on arrival
  content_type TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  error TEXT NOT NULL DEFAULT '',
  UNIQUE (task_id, seq)
);

-- What a patrol read on each product page.
CREATE TABLE listing_observations (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES patrol_tasks(id),
  shop_id INTEGER NOT NULL REFERENCES shops(id),
  url TEXT NOT NULL,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  price_fen INTEGER,
  old_price_fen INTEGER,
  freight_fen INTEGER,
  currency TEXT NOT NULL,
  sources TEXT NOT NULL,             -- JSON: where each field was read
  evidence_id INTEGER REFERENCES crawl_evidence(id),
  observed_at TEXT NOT NULL
);
CREATE INDEX listing_observations_task ON listing_observations(task_id);
CREATE INDEX listing_observations_shop ON listing_observations(shop_id, sku);

-- Findings of patrols and mystery orders, each with the evidence behind it.
CREATE TABLE patrol_findings (
  id INTEGER PRIMARY KEY,
  shop_id INTEGER NOT NULL REFERENCES shops(id),
  task_id INTEGER REFERENCES patrol_tasks(id),
  mystery_order_id INTEGER,
  code TEXT NOT NULL,
  severity TEXT NOT NULL,
  field TEXT NOT NULL,
  message_zh TEXT NOT NULL,
  message_en TEXT NOT NULL,
  sku TEXT NOT NULL DEFAULT '',
  evidence_id INTEGER REFERENCES crawl_evidence(id),
  declaration_id INTEGER REFERENCES declarations(id),
  created_at TEXT NOT NULL
);
CREATE INDEX patrol_findings_shop ON patrol_findings(shop_id, id);
CREATE INDEX patrol_findings_task ON patrol_findings(task_id);

-- Registered covert identities for test purchases (seen by customs only).
CREATE TABLE covert_buyers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  id_number TEXT NOT NULL UNIQUE,
  phone TEXT NOT NULL,
  address TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);

-- Test orders: placed by a crawler, then matched with the declaration that arrives for them.
CREATE TABLE mystery_orders (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL UNIQUE REFERENCES patrol_tasks(id),
  shop_id INTEGER NOT NULL REFERENCES shops(id),
  buyer_id INTEGER NOT NULL REFERENCES covert_buyers(id),
  sku TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('requested', 'placed', 'matched', 'mismatch',
                                         'undeclared', 'failed')),
  order_no TEXT NOT NULL DEFAULT '',
  unit_price_fen INTEGER,
  goods_fen INTEGER,
  freight_fen INTEGER,
  tax_fen INTEGER,
  total_fen INTEGER,
  placed_at TEXT,
  placed_on TEXT,                    -- China date
  declaration_id INTEGER REFERENCES declarations(id),
  matched_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX mystery_orders_order ON mystery_orders(order_no);
CREATE INDEX mystery_orders_status ON mystery_orders(status);
)sql";

// Migration 7: evidence is numbered per attempt, so a crawler that takes over a task whose
// first crawler died numbers its responses from 1 again without colliding with what the first
// one delivered (both are kept: an officer can see what each saw). SQLite cannot change a table
// constraint in place: the table is rebuilt under the same name, ids kept, with foreign keys off
// (Migration::rebuilds_tables) so the rows that point at it stay valid.
inline constexpr const char* kEvidenceAttempts = R"sql(
CREATE TABLE crawl_evidence_v7 (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES patrol_tasks(id),
  attempt INTEGER NOT NULL,          -- the task's attempt that fetched it (1, 2, ...)
  seq INTEGER NOT NULL,              -- order within the attempt
  purpose TEXT NOT NULL,
  method TEXT NOT NULL,
  url TEXT NOT NULL,
  request_body TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL,           -- HTTP status, 0 when no response
  headers TEXT NOT NULL,             -- JSON [[name, value], ...]
  body BLOB NOT NULL,
  body_size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,              -- of body, checked on arrival
  content_type TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  error TEXT NOT NULL DEFAULT '',
  UNIQUE (task_id, attempt, seq)
);
INSERT INTO crawl_evidence_v7 (id, task_id, attempt, seq, purpose, method, url, request_body,
  status, headers, body, body_size, sha256, content_type, fetched_at, error)
  SELECT e.id, e.task_id, t.attempts, e.seq, e.purpose, e.method, e.url, e.request_body,
  e.status, e.headers, e.body, e.body_size, e.sha256, e.content_type, e.fetched_at, e.error
  FROM crawl_evidence e JOIN patrol_tasks t ON t.id = e.task_id;
DROP TABLE crawl_evidence;
ALTER TABLE crawl_evidence_v7 RENAME TO crawl_evidence;
)sql";

}  // namespace server
