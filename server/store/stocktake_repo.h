// Stocktakes (盘库) of bonded ledgers as stored: what was counted, the core's comparison, who
// re-counted. Prepared statements only. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct StocktakeRecord {
  int64_t id = 0;
  int64_t ledger_id = 0;
  std::string ems_no;  // filled by reads (joined)
  int64_t enterprise_id = 0;
  std::string enterprise_name;  // filled by reads (joined)
  std::string date;
  std::string method;
  std::string input;   // core StocktakeInputToJson text
  std::string result;  // core StocktakeResultToJson text
  std::string outcome;
  std::string shortage_action;
  int64_t tax_fen = 0;
  std::optional<int64_t> recounted_by;
  std::optional<std::string> recounted_at;
  std::optional<int64_t> created_by;
  std::string created_at;
};

// {"id", "ems_no", "enterprise_id", "enterprise_name", "date", "method", "outcome",
//  "shortage_action", "tax_fen", "recounted_at", "created_at"}; the full form adds "input" and
//  "result" (parsed).
core::Json StocktakeSummaryJson(const StocktakeRecord& s);
core::Json StocktakeToApiJson(const StocktakeRecord& s);

core::StatusOr<int64_t> InsertStocktake(Db& db, const StocktakeRecord& s);
// Replaces input, result, outcome, shortage_action, tax_fen and the re-count fields.
core::Status UpdateStocktake(Db& db, const StocktakeRecord& s);
core::StatusOr<std::optional<StocktakeRecord>> FindStocktake(Db& db, int64_t id);

struct StocktakeFilter {
  std::optional<int64_t> enterprise_id;
  std::optional<int64_t> ledger_id;
};
// Newest first (by date, then id).
core::StatusOr<ListResult<StocktakeRecord>> ListStocktakes(Db& db, const StocktakeFilter& f,
                                                           const Page& page);
// The date of the ledger's latest stocktake, nullopt when it has none.
core::StatusOr<std::optional<std::string>> LastStocktakeDate(Db& db, int64_t ledger_id);

}  // namespace server
