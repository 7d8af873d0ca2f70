// Policy data (DOMAIN §8): credit-grade scales, differentiated measures per grade, risk-level
// add-ons and admission requirements. Parsed from JSON the server loads and versions; never
// constants in code. Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/credit_model.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/json.h"
#include "core/money.h"
#include "core/status.h"

namespace core {

struct Grade {
  std::string id;  // e.g. "advanced_certified"
  std::string name_zh;
  std::string name_en;
};

// A legal grade scale and the dates it governs: Decree 282 (five grades, from 2026-04-01) and
// Decree 251 (three grades, 2021-11-01 .. 2026-04-01).
struct GradeScale {
  std::string id;  // "decree282", "decree251"
  std::string name_zh;
  std::string name_en;
  Date effective_from;
  std::optional<Date> effective_to;  // exclusive
  std::vector<Grade> grades;         // best first
};

// Rates are basis points of declaration lists (50 = 0.5%).
struct Measures {
  int manual_review_bp = 0;
  int inspection_bp = 0;
  int stocktake_months = 0;
  std::string guarantee;  // "exempt", "bank_guarantee", "cash_deposit"
};

struct AdmissionPolicy {
  // Qualification types each role needs (domestic enterprise).
  std::map<std::string, std::vector<std::string>> role_requirements;
  // Replacement requirements for an overseas enterprise in that role.
  std::map<std::string, std::vector<std::string>> overseas_role_requirements;
  std::vector<std::string> shop_required_roles;  // roles that must name at least one shop URL
  int expiry_warning_days = 30;  // qualification expiring within this many days: warning
  UsccMode uscc_mode = UsccMode::kLenient;
};

// CBEC retail-import value limits (DOMAIN §1.1): per transaction and per person per year.
// Zero means "not configured" (no policy loaded); PolicyFromJson requires both positive.
struct Limits {
  Fen transaction_fen = 0;
  Fen annual_fen = 0;
};

// Limits of one period (DOMAIN §1.1, §1.3): 2016-04-08..2018-12-31 2,000/20,000 CNY with an
// over-limit single item taxed as general trade; from 2019-01-01 5,000/26,000 CNY with an
// over-limit single item still cleared as CBEC at full tax, counting toward the year.
struct LimitPeriod {
  Date effective_from;
  std::optional<Date> effective_to;  // exclusive
  Limits limits;
  bool single_item_full_tax = true;  // false: an over-limit single item is general trade
  std::string source;
};

// The limits that decide a case on a date, and where they come from.
struct LimitsInForce {
  Limits limits;
  bool single_item_full_tax = true;
  std::string period;  // "2019-01-01.." / "2016-04-08..2019-01-01", or "" for Policy::limits
};

// When a routing rule's hits count as noise (issue 5: "rules that only produce noise are
// visible"): at least min_inspected of the lists it matched were inspected, and none of them
// mismatched or their mismatch rate is below factor_pm per mille of the mismatch rate of all
// inspected lists in the same period (1000: below the overall rate).
struct RuleNoisePolicy {
  int min_inspected = 5;
  int factor_pm = 1000;
};

struct Policy {
  std::string version;  // shown with every verdict it decided
  Date effective_date;
  std::string description;  // free text for people (where the values come from)
  std::vector<GradeScale> grade_scales;
  std::map<std::string, Measures> measures;        // by grade id
  std::map<std::string, int> risk_level_addon_bp;  // "low" / "medium" / "high" -> added bp
  AdmissionPolicy admission;
  Limits limits;
  std::vector<LimitPeriod> limit_periods;  // optional, non-overlapping
  // Tolerances (DOMAIN §8), basis points: the gate weighbridge's goods weight against the
  // declared gross weight, and a declared unit price below the filed normal price.
  int gate_weight_tolerance_bp = 500;
  int price_tolerance_bp = 500;
  // Online patrol (issue 4): how far back a patrol compares a shop with the declarations, and
  // how long a mystery order may wait for its declaration before that is itself a finding.
  int patrol_lookback_days = 90;
  int mystery_window_days = 7;
  // A shop is patrolled every cycle_days / divisor of its enterprise's risk level: riskier
  // enterprises are patrolled more often (DESIGN: "site cycles and risk").
  std::map<std::string, int> patrol_cycle_divisor = {{"low", 1}, {"medium", 2}, {"high", 4}};
  // A stocktake shortage whose full tax reaches this is referred to the anti-smuggling
  // department instead of billed (default 100,000 CNY: the tax evaded from which smuggling of
  // ordinary goods is a crime, 2014 judicial interpretation; DOMAIN §8 leaves it to policy).
  Fen stocktake_referral_tax_fen = 10'000'000;
  // The credit assessment's weights, risk-level cut-offs and legal thresholds (core/credit.h).
  CreditModel credit;
  RuleNoisePolicy rule_noise;

  // The scale in force on a date; nullptr when none is.
  const GradeScale* ScaleOn(const Date& date) const;
  // The limit period covering the date; otherwise `limits` with today's single-item rule.
  LimitsInForce LimitsOn(const Date& date) const;
};

// Parses the policy document (data/policy/default.json). InvalidArgument naming the field for
// a missing or mistyped value, an unknown key (a typo must not silently change verdicts), an
// unknown role or qualification type, rates outside 0..10000 bp, a grade without measures,
// overlapping scale periods, or limits that are not positive (annual below transaction).
// "limit_periods" is optional: [{"effective_from", "effective_to": null|date, "transaction_fen",
// "annual_fen", "over_limit_single_item": "cbec_full_tax"|"general_trade", "source"}], refused
// when periods overlap. "gate_weight_tolerance_bp" and "price_tolerance_bp" are optional
// integers 0..10000 (default 500 = 5%); "patrol_lookback_days" (1..366, default 90) and
// "mystery_window_days" (1..90, default 7) are optional too, as is "patrol_cycle_divisor"
// ({low, medium, high}: 1..30 each, default 1/2/4) and "stocktake_referral_tax_fen" (1..kMaxFen,
// default 10,000,000), as is "rule_noise" ({min_inspected: 1..100000, factor_pm: 1..10000},
// default 5 and 1000); PolicyToJson always writes them all.
StatusOr<Policy> PolicyFromJson(const Json& doc);
Json PolicyToJson(const Policy& policy);

}  // namespace core
