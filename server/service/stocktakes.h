// Stocktakes of bonded ledgers (盘库管理): recording a count, customs' sample re-count, who may
// see which, and the schedule of due stocktakes that follows each enterprise's credit grade.
// The comparison with the book, the value and tax of a shortage and the findings are the
// core's (core/stocktake.h). Does database I/O.
#pragma once

#include <cstdint>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "store/ledger_repo.h"
#include "store/stocktake_repo.h"

namespace server {

// {"stocktake": {"date", "method": electronic|self_count|third_party, "counts": [{"sku",
// "counted"}]}} on `ledger` (the caller may see it), by the ledger's enterprise or customs,
// inside the caller's transaction, audited ("stocktake.record"). Unit values come from the
// enterprise's goods filings (SKU → declared unit price); re-counts only through
// RecountStocktake. InvalidArgument on bad fields, a date after today or before the book began.
core::StatusOr<StocktakeRecord> RecordStocktake(App& app, Db& db, const Actor& actor,
                                                const LedgerRecord& ledger, const core::Json& body);

// {"recounts": [{"sku", "recounted"}], "reason"} by customs: the sampled SKUs' figures added to
// the stocktake and the comparison made again (a re-count of a SKU replaces an earlier one),
// audited ("stocktake.recount"). NotFound for an unknown id, InvalidArgument for a SKU the
// stocktake did not count or a bad figure.
core::StatusOr<StocktakeRecord> RecountStocktake(App& app, Db& db, const Actor& actor, int64_t id,
                                                 const core::Json& body);

// The stocktake when the actor may see it (customs: all; an enterprise user: its own), else
// NotFound.
core::StatusOr<StocktakeRecord> GetStocktakeFor(Db& db, const Actor& actor, int64_t id);

// {"items": [{"ems_no", "enterprise_id", "enterprise_name", "grade", "cycle_months",
// "last_stocktake" (date or null), "since" (the date the cycle counts from), "due", "overdue",
// "days_left"}], "total"} for every ledger the actor may see, soonest due first. The grade is
// the enterprise's credit grade, else the ordinary grade of the scale in force; its cycle is the
// policy's Measures::stocktake_months.
core::StatusOr<core::Json> StocktakeSchedule(App& app, Db& db, const Actor& actor);

}  // namespace server
