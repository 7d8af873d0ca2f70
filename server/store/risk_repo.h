// Risk model runs: every input of the core's models read from the store (one statement per
// input, rows streamed), and the runs and hits stored. Prepared statements only. Does file I/O
// through the Db handle.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/risk.h"
#include "store/db.h"

namespace server {

// Every declaration except closed ones (899), with its order's contact keys, hour and declared
// tax, its list's freight, its payment's payer and its list lines, by id.
core::StatusOr<std::vector<core::RiskDeclaration>> RiskDeclarations(Db& db);
// The lists the arrival models read for list `id` (core::ArrivalNeighbourhood, over the lists a
// run reads, plus `id` itself): a superset of what they need changes none of the hits on its
// subjects. Empty when there is no such list.
core::StatusOr<std::vector<core::RiskDeclaration>> ArrivalNeighbourhood(Db& db, int64_t id);

// Everything the models read, `as_of` the day their windows end: the declarations above, patrol
// observations and mystery orders (with their shop's enterprise code), promotion filings,
// stocktakes (with the ledger owner's code), gate passes with their last gate event, registered
// vehicles and inspection outcomes (with the list's declarant and codes). Rows the core cannot
// read (a damaged filing or pass) are left out rather than failing the run.
core::StatusOr<core::RiskData> LoadRiskData(Db& db, const core::Date& as_of);

struct RiskRunRecord {
  int64_t id = 0;
  std::string thresholds;  // JSON
  std::string as_of;
  int64_t declarations = 0;
  int64_t hits = 0;
  std::optional<int64_t> started_by;
  std::string started_by_name = "system";  // the user's name (read back; not stored)
  std::string started_at;
};

core::Json RiskRunJson(const RiskRunRecord& r);
core::StatusOr<int64_t> InsertRiskRun(Db& db, const RiskRunRecord& r);
core::StatusOr<std::optional<RiskRunRecord>> FindRiskRun(Db& db, int64_t id);
// Newest first, at most `limit`.
core::StatusOr<std::vector<RiskRunRecord>> ListRiskRuns(Db& db, int64_t limit);
// Hits per model id of one run (models without hits absent).
core::StatusOr<std::map<std::string, int64_t>> CountRiskHitsByModel(Db& db, int64_t run_id);
core::Status InsertRiskHit(Db& db, int64_t run_id, const core::RiskHit& h);
// The run's hits, by model (`model` "" = all), at most `limit`, registry order then subject.
core::StatusOr<std::vector<core::RiskHit>> ListRiskHits(Db& db, int64_t run_id,
                                                        const std::string& model, int64_t limit);

// The consumer models' hits on a list at its routing (arrival_risk_hits), in their order.
core::Status InsertArrivalHits(Db& db, int64_t routing_id, int64_t declaration_id,
                               const std::vector<core::RiskHit>& hits);
// The routing's arrival hits as core RiskHitToJson objects.
core::StatusOr<core::Json> ArrivalHitsJson(Db& db, int64_t routing_id);

}  // namespace server
