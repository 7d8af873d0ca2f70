// Migration 12 (issue 5, profiles and grades): the violations and penalties customs recorded
// against an enterprise, every credit assessment with the facts it read and the core's result,
// and the officer's confirmation or override of each. SQL text only; store/migrations.cpp lists
// it. No I/O.
#pragma once

namespace server {

inline constexpr const char* kCreditSchema = R"sql(
-- Decisions customs took against an enterprise: the legal triggers of the dishonest grades.
CREATE TABLE enterprise_violations (
  id INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  kind TEXT NOT NULL CHECK (kind IN ('violation', 'smuggling_penalty', 'smuggling_crime',
                                     'tax_overdue')),
  decided_on TEXT NOT NULL,          -- the decision's date (YYYY-MM-DD)
  penalty_fen INTEGER NOT NULL CHECK (penalty_fen >= 0),
  overdue_days INTEGER NOT NULL CHECK (overdue_days >= 0),
  reference TEXT NOT NULL,           -- the decision's number
  description TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX enterprise_violations_enterprise ON enterprise_violations(enterprise_id, decided_on);

-- Each assessment: the facts read from the store and the core's result, byte for byte, so the
-- page can run the same core over the same facts and show the same explanation.
CREATE TABLE credit_assessments (
  id INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  as_of TEXT NOT NULL,
  period_from TEXT NOT NULL,
  policy_version TEXT NOT NULL,
  facts TEXT NOT NULL,               -- core CreditFactsToJson
  result TEXT NOT NULL,              -- core CreditAssessmentToJson
  score INTEGER NOT NULL,
  risk_level TEXT NOT NULL,
  recommended_grade TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX credit_assessments_enterprise ON credit_assessments(enterprise_id, id);

-- An officer's confirmation or override of an assessment (the grade then in force).
CREATE TABLE credit_decisions (
  id INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  assessment_id INTEGER NOT NULL REFERENCES credit_assessments(id),
  action TEXT NOT NULL CHECK (action IN ('confirm', 'override')),
  grade TEXT NOT NULL,
  risk_level TEXT NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
  reason TEXT NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_by_name TEXT NOT NULL,
  decided_at TEXT NOT NULL
);
CREATE INDEX credit_decisions_enterprise ON credit_decisions(enterprise_id, id);
)sql";

}  // namespace server
