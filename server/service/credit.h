// Enterprise profiles and credit grades (issue 5): the facts an assessment reads from the store,
// assessments by the core (stored with their facts so the page can explain the same result),
// an officer's confirmation or override (the grade routing, inspection and stocktakes then use),
// violations recorded by customs, and the profile officers and the enterprise itself see.
#pragma once

#include <cstdint>

#include "app.h"
#include "common/actor.h"
#include "core/credit.h"
#include "core/json.h"
#include "store/db.h"

namespace server {

// What the core reads for an assessment of the enterprise on `as_of`, over the year before it
// (counts over [as_of - 364 days, as_of]; documents of the previous calendar year). The current
// grade and certification come from the grade in force (only customs' certification grants
// the certified grades). NotFound for an unknown enterprise.
core::StatusOr<core::CreditFacts> GatherCreditFacts(Db& db, int64_t enterprise_id,
                                                    const core::Date& as_of);

// Assesses the enterprise today, stores the facts and the core's result, audits
// ("credit.assess"). {"assessment": AssessmentJson(full)}. NotFound for an unknown enterprise.
core::StatusOr<core::Json> AssessEnterpriseCredit(App& app, Db& db, const Actor& actor,
                                                  int64_t enterprise_id);

// {"assessment_id", "action": "confirm"|"override", "grade"?, "risk_level"?, "reason"}: confirm
// puts the assessment's recommended grade and level in force; override puts the given ones
// (a grade of the scale in force today, a level low|medium|high) and needs a reason. Only the
// enterprise's newest assessment may be decided (FailedPrecondition otherwise). Audited
// ("credit.decide"). {"decision", "credit"}.
core::StatusOr<core::Json> DecideEnterpriseCredit(App& app, Db& db, const Actor& actor,
                                                  int64_t enterprise_id, const core::Json& body);

// {"kind": "violation"|"smuggling_penalty"|"smuggling_crime"|"tax_overdue", "decided_on",
// "penalty_fen"?, "overdue_days"? (tax_overdue), "reference", "description"}. Audited
// ("credit.violation"). {"violation"}.
core::StatusOr<core::Json> RecordViolation(App& app, Db& db, const Actor& actor,
                                           int64_t enterprise_id, const core::Json& body);

// The profile: the enterprise, the grade in force with its measures, the newest assessment in
// full, the trend of earlier ones, decisions, violations, and per month its lists, inspections,
// mismatches and rejections over the last year. NotFound when the actor may not see it.
core::StatusOr<core::Json> EnterpriseCreditProfile(App& app, Db& db, const Actor& actor,
                                                   int64_t enterprise_id);

}  // namespace server
