// Bring-your-own history (issue 5): a district's past declarations with their inspection
// outcomes, as CSV, read into what the risk models read, and the models' quality on it
// (core/risk_eval.h). The format is in docs/risk-history-csv.md. No I/O (text in, values out).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/risk.h"
#include "core/risk_eval.h"

namespace server {

struct RiskHistory {
  core::RiskData data;
  std::set<int64_t> known;            // lists with an inspection outcome
  std::set<int64_t> frauds;           // of them found in mismatch
  std::vector<std::string> list_ids;  // the file's declaration ids, by internal id - 1
};

// One row per list line; list columns are read from a list's first row. InvalidArgument
// ("line N: ...") for a missing column, a bad date, amount, quantity or outcome, or a list whose
// rows disagree on its date or enterprise. Phones and addresses are keyed as the server keys
// stored orders (common/contact_keys.h).
core::StatusOr<RiskHistory> ReadRiskHistoryCsv(std::string_view csv, const core::Date& as_of);

// Runs every model over the history (default thresholds) and evaluates the hits against its
// outcomes with the budget (per mille of the lists). {"evaluation": RiskEvaluationToJson,
// "hits": n}.
core::Json EvaluateRiskHistory(const RiskHistory& history, int budget_pm);

}  // namespace server
