// Migration 14 (issue 5, dynamic rules): which routing rules matched each routing decision, so
// each rule's hits and their outcomes can be counted by index, backfilled from the decisions'
// stored JSON; and the adaptive rules' records each decision was routed with (for its replay).
// SQL text only; store/migrations.cpp lists it. No I/O.
#pragma once

#include <string_view>

namespace server {

inline constexpr std::string_view kRuleStatsSchema = R"sql(
-- One row per rule that matched a routing decision (core RouteDecision.matched), written in the
-- transaction that stores the decision. `decided`: the rule decided the core's action.
CREATE TABLE routing_rule_hits (
  decision_id INTEGER NOT NULL REFERENCES routing_decisions(id),
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  rule_id TEXT NOT NULL,
  decl_date TEXT NOT NULL,
  decided INTEGER NOT NULL CHECK (decided IN (0, 1)),
  PRIMARY KEY (decision_id, rule_id)
) WITHOUT ROWID;
-- Per-rule statistics over a period, and one rule's record over its window.
CREATE INDEX routing_rule_hits_date ON routing_rule_hits(decl_date, rule_id);
CREATE INDEX routing_rule_hits_rule ON routing_rule_hits(rule_id, decl_date);

INSERT INTO routing_rule_hits (decision_id, declaration_id, rule_id, decl_date, decided)
SELECT r.id, r.declaration_id, json_extract(m.value, '$.id'), r.decl_date,
       COALESCE(json_extract(m.value, '$.id') = json_extract(r.decision, '$.decided_by'), 0)
FROM routing_decisions r, json_each(r.decision, '$.matched_rules') m
WHERE r.decision IS NOT NULL AND json_valid(r.decision)
  AND json_type(m.value, '$.id') = 'text';

-- {"<rule id>": {"inspected", "mismatches"}}: the adaptive rules' records the core was given
-- (core RouteJson "rule_history"); NULL when no adaptive rule was in force.
ALTER TABLE routing_decisions ADD COLUMN rule_history TEXT;
)sql";

}  // namespace server
