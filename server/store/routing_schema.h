// Migration 3 (issue 3, routing): versioned routing rules, enterprise credit grades, the routing
// decision of each screened list (seed, context, rules version), the officer queues, the
// double-random inspector draws, officer outcomes (the history rules read) and supplementary tax
// bills of valuations. SQL text only; store/migrations.cpp lists it. No I/O.
#pragma once

#include <string_view>

namespace server {

inline constexpr std::string_view kRoutingSchema = R"sql(
-- Every saved version of every routing rule; never updated. The row id is the rule-set version
-- after that save: the rules in force at version N are, per rule id, its newest row with id <= N.
CREATE TABLE routing_rule_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id TEXT NOT NULL,
  version INTEGER NOT NULL,         -- 1, 2, ... per rule id
  rule TEXT NOT NULL,               -- core::RuleToJson, normalised
  note TEXT NOT NULL,
  author_id INTEGER REFERENCES users(id),
  author_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (rule_id, version)
);
CREATE TRIGGER routing_rule_versions_no_update BEFORE UPDATE ON routing_rule_versions
  BEGIN SELECT RAISE(ABORT, 'routing_rule_versions is append-only'); END;

-- Customs credit grade (policy grade id) and risk level of an enterprise.
CREATE TABLE enterprise_credit (
  enterprise_id INTEGER PRIMARY KEY REFERENCES enterprises(id),
  grade TEXT NOT NULL,
  risk_level TEXT NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
  risk_score INTEGER,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The routing of each complete, screened list: the context the rules read (stored for every
-- screened list, so previews see rejected ones too), the seed, the rules and policy versions and
-- the core's decision (NULL when errors rejected the list before routing).
CREATE TABLE routing_decisions (
  id INTEGER PRIMARY KEY,
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  screening_id INTEGER NOT NULL REFERENCES screenings(id),
  at TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  decl_date TEXT NOT NULL,
  rules_version INTEGER NOT NULL,   -- 0 before any rule was saved
  policy_version TEXT NOT NULL,
  seed TEXT NOT NULL,               -- 16 hex digits (libsodium randombytes_buf)
  context TEXT NOT NULL,            -- the core RuleContext JSON
  decision TEXT,                    -- core::RouteDecisionToJson, byte for byte
  action TEXT NOT NULL,             -- the final action after the checks' findings
  status INTEGER NOT NULL
);
CREATE INDEX routing_decisions_declaration ON routing_decisions(declaration_id);
CREATE INDEX routing_decisions_date ON routing_decisions(decl_date);

-- Double-random inspector draws (core DrawInspectors), one per entry into inspection.
CREATE TABLE inspector_assignments (
  id INTEGER PRIMARY KEY,
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  seed TEXT NOT NULL,
  request TEXT NOT NULL,            -- core DrawInspectorsJson request
  result TEXT NOT NULL,             -- and its answer, byte for byte
  outcome TEXT NOT NULL,            -- drawn | insufficient
  at TEXT NOT NULL
);
CREATE INDEX inspector_assignments_declaration ON inspector_assignments(declaration_id);

-- The queue a declaration waits in (at most one).
CREATE TABLE declaration_queue (
  declaration_id INTEGER PRIMARY KEY REFERENCES declarations(id),
  queue TEXT NOT NULL CHECK (queue IN ('manual_review', 'inspection', 'valuation')),
  entered_at TEXT NOT NULL,
  reasons TEXT NOT NULL,            -- JSON array of reason codes
  detail TEXT NOT NULL,             -- JSON object: rules, messages
  routing_decision_id INTEGER REFERENCES routing_decisions(id),
  assignment_id INTEGER REFERENCES inspector_assignments(id)
);
CREATE INDEX declaration_queue_queue ON declaration_queue(queue, entered_at);

-- Outcomes as history: the automatic decision of each screening and every officer decision.
-- `action` is where the list went; the history.* counters read this table.
CREATE TABLE declaration_outcomes (
  id INTEGER PRIMARY KEY,
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  ebc_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('screening', 'review', 'inspection', 'valuation')),
  outcome TEXT NOT NULL,            -- screening/review: the action; inspection: match|mismatch
  action TEXT NOT NULL CHECK (action IN ('release', 'manual_review', 'inspect', 'valuation',
                                         'reject')),
  decided_on TEXT NOT NULL,         -- China date
  at TEXT NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  actor_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX declaration_outcomes_declaration ON declaration_outcomes(declaration_id);

-- Per e-commerce enterprise and day, the outcomes above counted as they are written, so that a
-- 90-day history.* counter reads at most 90 rows however many lists the enterprise declares.
CREATE TABLE enterprise_daily_outcomes (
  ebc_code TEXT NOT NULL,
  day TEXT NOT NULL,                -- decided_on
  screened INTEGER NOT NULL DEFAULT 0,
  reviews INTEGER NOT NULL DEFAULT 0,
  inspections INTEGER NOT NULL DEFAULT 0,
  mismatches INTEGER NOT NULL DEFAULT 0,
  valuations INTEGER NOT NULL DEFAULT 0,
  rejections INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (ebc_code, day)
) WITHOUT ROWID;

-- The difference a valuation billed on top of the list's tax bill (new - billed, per tax).
CREATE TABLE supplementary_tax_bills (
  id INTEGER PRIMARY KEY,
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  tax_bill_id INTEGER NOT NULL REFERENCES tax_bills(id),
  tax_no TEXT NOT NULL UNIQUE,
  customs_tax_fen INTEGER NOT NULL,
  value_added_tax_fen INTEGER NOT NULL,
  consumption_tax_fen INTEGER NOT NULL,
  total_fen INTEGER NOT NULL,
  lines TEXT NOT NULL,              -- JSON: gnum, gcode, billed and new dutiable value and taxes
  tax TEXT NOT NULL,                -- core ComputeTaxJson result with the adjusted values
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX supplementary_tax_bills_declaration ON supplementary_tax_bills(declaration_id);
)sql";

}  // namespace server
