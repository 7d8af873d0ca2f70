// Migration 13 (issue 5, the enterprise portal): an enterprise's answers to the findings against
// it (an explanation or a correction) and the officer's review of each. SQL text only;
// store/migrations.cpp lists it. No I/O.
#pragma once

namespace server {

inline constexpr const char* kFindingResponsesSchema = R"sql(
CREATE TABLE finding_responses (
  id INTEGER PRIMARY KEY,
  object_type TEXT NOT NULL CHECK (object_type IN ('patrol_finding', 'stocktake', 'inspection',
                                                   'declaration')),
  object_id INTEGER NOT NULL,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  kind TEXT NOT NULL CHECK (kind IN ('explanation', 'correction')),
  text TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  review TEXT CHECK (review IN ('accepted', 'rejected')),  -- NULL until an officer reviews it
  review_note TEXT,
  reviewed_by_name TEXT,
  reviewed_at TEXT
);
CREATE INDEX finding_responses_object ON finding_responses(object_type, object_id, id);
CREATE INDEX finding_responses_enterprise ON finding_responses(enterprise_id, id);
)sql";

}  // namespace server
