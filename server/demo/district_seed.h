// Loads a generated district (server/gen) into the server through the same service code the API
// uses: each enterprise applies and is approved, each e-commerce enterprise files its goods; and
// imports generated message sets through the real ingestion. Used by the demo, the generator's
// tests and the screening benchmark. Does database I/O.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/status.h"
#include "gen/district.h"
#include "gen/sets.h"

namespace server {

struct DistrictIds {
  std::map<std::string, int64_t> enterprises;        // gen key -> enterprise id
  std::map<std::string, std::string> goods_outcome;  // sku -> "admitted" | "review" | "rejected"
};

// Applies, approves and files everything of `district` as `actor` (customs). Each enterprise and
// filing commits its own transaction. Errors name the enterprise or SKU that failed; an
// application that is not eligible or a filing that is not admitted is FailedPrecondition (the
// generator promises admissible data).
core::StatusOr<DistrictIds> SeedDistrict(App& app, const gen::District& district,
                                         const Actor& actor);

struct SetImportCounts {
  int64_t sets = 0;
  int64_t refused_documents = 0;
  std::map<std::string, int64_t> by_status;  // declaration status name -> count
  std::map<std::string, int64_t> labels_by_kind;
  std::vector<core::Json> labels;  // the first kMaxKeptLabels labels (LabelJson)
  // Order numbers of the sets whose list carries a label (a gate pass's label aside): what an
  // inspection of that list would find.
  std::set<std::string> labelled_orders;
  static constexpr size_t kMaxKeptLabels = 2000;
};

// Where the time of ImportGeneratedSets went, in seconds (steady clock).
struct SetImportTimes {
  double generate = 0;  // making the sets and their XML text (input, not pipeline)
  double parse = 0;     // ReadXmlDocument
  double ingest = 0;    // IngestDocument: store, reconcile, quota, tax, route, persist
  double commit = 0;    // COMMIT of each batch
};

// Generates `lists` sets (seed, dates as in `options`) and ingests each set's four CEB XML
// messages through ReadXmlDocument + IngestDocument, the --import path, `batch` sets per
// transaction with a savepoint per document (a refused document leaves nothing, the rest of the
// batch stays). Returns every declaration of the database counted by status (and `times` when
// given). Internal on database errors.
core::StatusOr<SetImportCounts> ImportGeneratedSets(App& app, const gen::District& district,
                                                    const gen::SetOptions& options, int batch,
                                                    SetImportTimes* times = nullptr);

// The demo's generated district (`make run`): a fixed seed, its enterprises and goods beside the
// hand-written demo ones, and `lists` sets over the 30 days before App::Today() imported through
// the real ingestion, so the queues hold released, reviewed and rejected lists; the labels of the
// injected frauds go to the audit log ("demo.generated"). While they arrive a sampling campaign
// (demo/demo_learned.h, switched on and off by `admin`) gives the inspection history the learned
// risk score is trained on. Each step commits on its own.
core::Status SeedGeneratedDemo(App& app, const Actor& officer, const Actor& admin, uint64_t lists);

}  // namespace server
