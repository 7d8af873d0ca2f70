// Enterprise credit as stored: violations, assessments, decisions, and the counts an assessment
// reads from the rest of the store (patrols, mystery orders, stocktakes, risk hits, documents).
// Prepared statements only. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct ViolationRecord {
  int64_t id = 0;
  int64_t enterprise_id = 0;
  std::string kind;  // violation | smuggling_penalty | smuggling_crime | tax_overdue
  std::string decided_on;
  int64_t penalty_fen = 0;
  int64_t overdue_days = 0;
  std::string reference;
  std::string description;
  std::optional<int64_t> created_by;
  std::string created_at;
};

struct AssessmentRecord {
  int64_t id = 0;
  int64_t enterprise_id = 0;
  std::string as_of;
  std::string period_from;
  std::string policy_version;
  std::string facts;   // core CreditFactsToJson text
  std::string result;  // core CreditAssessmentToJson text
  int64_t score = 0;
  std::string risk_level;
  std::string recommended_grade;
  std::optional<int64_t> created_by;
  std::string created_by_name;
  std::string created_at;
};

struct CreditDecisionRecord {
  int64_t id = 0;
  int64_t enterprise_id = 0;
  int64_t assessment_id = 0;
  std::string action;  // confirm | override
  std::string grade;
  std::string risk_level;
  std::string reason;
  std::optional<int64_t> decided_by;
  std::string decided_by_name;
  std::string decided_at;
};

core::Json ViolationJson(const ViolationRecord& v);
// {"id", "as_of", "period_from", "policy_version", "score", "risk_level", "recommended_grade",
//  "created_by", "created_at"}; with `full`, also "facts" and "result" (parsed).
core::Json AssessmentJson(const AssessmentRecord& a, bool full);
core::Json CreditDecisionJson(const CreditDecisionRecord& d);

core::StatusOr<int64_t> InsertViolation(Db& db, const ViolationRecord& v);
// Newest decision first.
core::StatusOr<std::vector<ViolationRecord>> ListViolations(Db& db, int64_t enterprise_id);
core::StatusOr<int64_t> InsertAssessment(Db& db, const AssessmentRecord& a);
core::StatusOr<std::optional<AssessmentRecord>> FindAssessment(Db& db, int64_t id);
// Newest first, at most `limit`.
core::StatusOr<std::vector<AssessmentRecord>> ListAssessments(Db& db, int64_t enterprise_id,
                                                              int64_t limit);
core::StatusOr<int64_t> InsertCreditDecision(Db& db, const CreditDecisionRecord& d);
core::StatusOr<std::vector<CreditDecisionRecord>> ListCreditDecisions(Db& db, int64_t enterprise_id,
                                                                      int64_t limit);

// What an assessment reads over [from, to] (dates, inclusive).
struct CreditCounts {
  int64_t patrol_findings = 0;        // patrols of its shops with an error finding
  int64_t mystery_discrepancies = 0;  // test orders in mismatch or undeclared
  int64_t stocktake_differences = 0;  // stocktakes short or over
  int64_t risk_hits = 0;              // hits of the newest risk run on it or its lists
  int64_t violations = 0;             // kind 'violation'
  int64_t penalties_fen = 0;          // of every kind
  bool smuggling_penalty = false;
  bool smuggling_crime = false;
  int64_t tax_overdue_days = 0;
};
core::StatusOr<CreditCounts> CountCreditFacts(Db& db, int64_t enterprise_id,
                                              std::string_view customs_code, std::string_view from,
                                              std::string_view to);
// Declaration lists of an e-commerce enterprise declared in [from, to].
core::StatusOr<int64_t> CountDeclaredLists(Db& db, std::string_view ebc_code, std::string_view from,
                                           std::string_view to);

// Per month ("YYYY-MM") of [from, to]: lists screened, inspections, mismatches, rejections.
struct MonthlyOutcome {
  std::string month;
  int64_t screened = 0, inspections = 0, mismatches = 0, rejections = 0;
};
core::StatusOr<std::vector<MonthlyOutcome>> MonthlyOutcomes(Db& db, std::string_view ebc_code,
                                                            std::string_view from,
                                                            std::string_view to);

}  // namespace server
