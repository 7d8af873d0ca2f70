// Promotion filings (促销行为报备): filing checked by the core against the enterprise's other
// filings and its filed goods prices, the price check of a list's lines, and the summary of a
// promotion over the released lists of its period. Does database I/O.
#pragma once

#include <cstdint>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "core/messages.h"
#include "store/promotion_repo.h"

namespace server {

// {"promotion": {"skus": [...], "promo_price_fen", "normal_price_fen", "from", "to",
// "enterprise_id" (customs only)}} filed on App::Today(), inside the caller's transaction,
// audited ("promotion.file"). The core's PromotionCheckJson decides "ok" or "flagged" (late,
// overlapping, not below normal, normal price differing from the goods filing).
// InvalidArgument on bad fields, NotFound for an enterprise the actor may not see,
// FailedPrecondition unless admitted or when the whole period is already over.
core::StatusOr<PromotionRecord> FilePromotion(App& app, Db& db, const Actor& actor,
                                              const core::Json& body);

// The filing when the actor may see it (customs: all; an enterprise user: its own), else
// NotFound.
core::StatusOr<PromotionRecord> GetPromotionFor(Db& db, const Actor& actor, int64_t id);

// core::PromotionSummaryJson of the filing over the lines of the enterprise's released lists
// declared within its period, on App::Today().
core::StatusOr<core::Json> SummarisePromotion(App& app, Db& db, const PromotionRecord& p);

// The core's PromotionCheckJson of a list's lines (SKU = item number, else the account-book
// item number; price = the declared unit price; date = the declaration date) against the list
// e-commerce enterprise's filings and filed goods prices; {} when the enterprise has neither.
core::StatusOr<core::Json> CheckListPrices(App& app, Db& db, const core::Inventory& list);

}  // namespace server
