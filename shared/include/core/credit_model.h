// The credit model's parameters (issue 5, 差别化管理): the weight and full-weight value of each
// factor of the risk score, the score cut-offs of the risk levels and the thresholds of the
// legal triggers that make an enterprise dishonest. Policy data (Policy::credit, the policy's
// optional "credit_model" key), with these defaults. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/money.h"
#include "core/status.h"

namespace core {

// A factor's share of the 0..100 risk score: it gives `weight` points at `full_at` (in the
// factor's own unit) and proportionally less below; past `full_at` it stays at `weight`.
struct CreditFactorWeight {
  std::string id;  // a CreditFactorIds() id
  int weight = 0;  // points, 0..100; the weights of a model sum to 100
  int64_t full_at = 1;
};

struct CreditModel {
  std::vector<CreditFactorWeight> factors = {
      {"REJECTION_RATE", 10, 50},             // lists rejected at screening, per mille
      {"INSPECTION_MISMATCH_RATE", 25, 300},  // inspections that found a mismatch, per mille
      {"RISK_HIT_RATE", 20, 20},              // risk-model hits per thousand lists
      {"PATROL_FINDINGS", 15, 5},             // patrols of its shops that found a difference
      {"MYSTERY_DISCREPANCIES", 15, 2},       // test orders paid above declared or never declared
      {"STOCKTAKE_DIFFERENCES", 10, 2},       // stocktakes with a shortage or a surplus
      {"VIOLATIONS", 5, 3},                   // administrative violations recorded
  };
  int medium_from = 30;  // a score at or above this is medium risk
  int high_from = 60;    // and at or above this high risk
  // Dishonest (Decree 251 art. 10 in substance, kept by 282): violations above this many per
  // thousand of the previous year's documents, with penalties above these totals.
  int64_t violations_per_mille = 1;
  Fen penalty_fen = 100'000'000;           // 1,000,000 CNY for an enterprise that is not a
  Fen declarant_penalty_fen = 30'000'000;  // declarant; 300,000 CNY for a customs declarant
  int64_t tax_overdue_days = 90;           // tax unpaid more than three months
};

// The factor ids the score knows, in display order.
const std::vector<std::string_view>& CreditFactorIds();

// Reads "credit_model": {"factors": [{"id", "weight", "full_at"}], "medium_from", "high_from",
// "violations_per_mille", "penalty_fen", "declarant_penalty_fen", "tax_overdue_days"}; every
// key optional (defaults above). InvalidArgument naming the field for an unknown key or factor,
// a factor listed twice, weights not summing to 100, cut-offs not 0 < medium < high <= 100.
StatusOr<CreditModel> CreditModelFromJson(const Json& obj, std::string_view path);
Json CreditModelToJson(const CreditModel& model);

}  // namespace core
