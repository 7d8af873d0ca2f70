// Enterprise credit assessment (企业精准画像, 差别化管理, issue 5): from what the system knows of
// an enterprise over a period, a risk score (0..100), a risk level (low / medium / high) and a
// recommended credit grade on the scale in force on the date (Decree 282's five grades from
// 2026-04-01, Decree 251's three before), with every factor, its weight and points, the legal
// triggers that apply, what would change the level, and the measures that follow. The browser
// runs the same function over the facts the server stored, so both show the same explanation.
// Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/credit_model.h"
#include "core/date.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/money.h"
#include "core/policy.h"
#include "core/status.h"

namespace core {

// What the assessment reads. Counts cover the period the caller chose (the server: a year).
struct CreditFacts {
  std::string current_grade;            // the grade in force ("" when none was set)
  bool certified = false;               // holds customs certification (认证企业)
  bool advanced_certified = false;      // holds advanced certification (AEO)
  bool declarant = false;               // a customs declarant: the lower penalty threshold
  int64_t lists = 0;                    // declaration lists screened
  int64_t rejections = 0;               // of them rejected at screening
  int64_t inspections = 0;              // inspections concluded
  int64_t inspection_mismatches = 0;    // of them finding a mismatch
  int64_t risk_hits = 0;                // risk-model hits on it or its lists
  int64_t patrol_findings = 0;          // patrols of its shops with a difference
  int64_t mystery_discrepancies = 0;    // test orders paid above declared or undeclared
  int64_t stocktake_differences = 0;    // stocktakes with a shortage or a surplus
  int64_t violations = 0;               // administrative violations
  Fen penalties_fen = 0;                // their penalties together
  int64_t documents_previous_year = 0;  // the base of the violations-per-thousand trigger
  bool smuggling_penalty = false;       // an administrative penalty for smuggling
  bool smuggling_crime = false;         // a conviction for smuggling
  int64_t tax_overdue_days = 0;         // the longest tax overdue
};

struct CreditFactor {
  std::string id;       // CreditFactorIds()
  int64_t value = 0;    // in the factor's unit (per mille or a count)
  int64_t full_at = 1;  // the value that gives the full weight
  int weight = 0;       // its share of the score
  int points = 0;       // weight x min(value, full_at) / full_at, half up
  std::string explanation_zh, explanation_en;
};

// One way the level would drop: this factor at or below `to` (from `value`).
struct CreditChange {
  std::string factor;
  int64_t value = 0;
  int64_t to = 0;
  std::string target_level;  // the level the score would then fall to
  std::string explanation_zh, explanation_en;
};

struct CreditAssessment {
  Date as_of;
  std::string scale;  // the grade scale in force on as_of ("decree282" / "decree251")
  int score = 0;      // 0..100
  std::string risk_level;
  std::string recommended_grade;
  std::string current_grade;
  std::string change;  // "keep" | "upgrade" | "downgrade" | "set" (no grade in force)
  std::vector<CreditFactor> factors;
  Findings triggers;  // the legal triggers that decided a dishonest grade, and review notes
  std::vector<CreditChange> to_lower;  // what would lower the risk level, factor by factor
  Measures measures;                   // of the recommended grade
  int risk_addon_bp = 0;  // what the risk level adds to its review and inspection rates
};

// Assesses `facts` on `as_of` under `policy` (its credit model, scales and measures).
// FailedPrecondition when no grade scale is in force on the date.
// The grade: a conviction for smuggling gives the scale's worst grade (seriously dishonest under
// 282); a smuggling penalty, violations above the per-mille threshold with penalties above the
// threshold, or tax overdue beyond the limit give dishonest. Otherwise the risk level decides
// among the grades the enterprise may hold: low keeps the best certification it holds (the
// certified grades need customs' certification, which no score grants), medium one grade lower,
// high the scale's ordinary grade.
StatusOr<CreditAssessment> AssessCredit(const CreditFacts& facts, const Date& as_of,
                                        const Policy& policy);

// JSON: the facts ({"current_grade", "certified", ...} as named above, every key optional but
// typed, unknown keys refused) and the assessment ({"as_of", "scale", "score", "risk_level",
// "recommended_grade", "current_grade", "change", "factors": [...], "triggers": [...],
// "to_lower": [...], "measures": {"manual_review_bp", "inspection_bp", "risk_addon_bp",
// "stocktake_months", "guarantee"}}).
StatusOr<CreditFacts> CreditFactsFromJson(const Json& obj, std::string_view path);
Json CreditFactsToJson(const CreditFacts& facts);
Json CreditAssessmentToJson(const CreditAssessment& a);

// The text entry point the server and the page share: {"as_of": "YYYY-MM-DD", "facts": {...}}
// -> CreditAssessmentToJson, or {"error"} naming the field.
std::string AssessCreditJson(std::string_view request, const Policy& policy);

}  // namespace core
