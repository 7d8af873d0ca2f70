// Risk model runs: the declarations as the core's models read them, and the runs and hits
// stored. Prepared statements only. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/risk.h"
#include "store/db.h"

namespace server {

// Every declaration except closed ones (899), with its order's contact keys and hour and its
// list lines, by id.
core::StatusOr<std::vector<core::RiskDeclaration>> RiskDeclarations(Db& db);

struct RiskRunRecord {
  int64_t id = 0;
  std::string thresholds;  // JSON
  std::string as_of;
  int64_t declarations = 0;
  int64_t hits = 0;
  std::optional<int64_t> started_by;
  std::string started_at;
};

core::Json RiskRunJson(const RiskRunRecord& r);
core::StatusOr<int64_t> InsertRiskRun(Db& db, const RiskRunRecord& r);
core::StatusOr<std::optional<RiskRunRecord>> FindRiskRun(Db& db, int64_t id);
core::Status InsertRiskHit(Db& db, int64_t run_id, const core::RiskHit& h);
// The run's hits, by model (`model` "" = all), at most `limit`, registry order then subject.
core::StatusOr<std::vector<core::RiskHit>> ListRiskHits(Db& db, int64_t run_id,
                                                        const std::string& model, int64_t limit);

}  // namespace server
