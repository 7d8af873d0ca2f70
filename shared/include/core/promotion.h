// Promotion filing (促销行为报备, DOMAIN §8 price tolerance): enterprises file promotions (SKUs,
// promotional unit price, normal price, period) in advance; a declared unit price below the
// filed normal price by more than the tolerance needs a promotion covering it; after the period
// a summary compares the filed promotional price with the prices and volumes transacted. Integer
// fen throughout. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/messages.h"
#include "core/money.h"
#include "core/policy.h"
#include "core/status.h"

namespace core {

struct PromotionFiling {
  std::string id;
  std::string enterprise_code;
  std::vector<std::string> skus;  // at least one
  Fen promo_price_fen = 0;        // the promotional unit price
  Fen normal_price_fen = 0;       // the unit price outside the promotion
  Date from;                      // first day (inclusive)
  Date to;                        // last day (inclusive), not before `from`
  Date filed_at;
};

// A filing is late when its period starts before the day it was filed; the days before the
// filing are then not covered.
bool IsLate(const PromotionFiling& filing);
// True when the filing is of `enterprise`, names `sku`, and `date` lies in its period on or
// after the day it was filed.
bool Covers(const PromotionFiling& filing, std::string_view enterprise, std::string_view sku,
            const Date& date);

// The enterprise's filed normal unit price of a SKU (e.g. from its goods filing).
struct NormalPrice {
  std::string sku;
  Fen price_fen = 0;
};

// A declared list line as the price checks see it.
struct PriceLine {
  std::string ref;  // the caller's reference ("invtNo/gnum"), echoed
  std::string sku;
  Fen price_fen = 0;  // declared unit price
  Date date;
  Qty qty;  // used by the summary
};

struct PriceLineCheck {
  PriceLine line;
  std::optional<Fen> normal_price_fen;  // none known: not checked
  std::string normal_price_source;      // "normal_prices" | "filing:<id>" | ""
  Fen threshold_fen = 0;     // the lowest unit price within the tolerance of the normal price
  std::string promotion_id;  // the covering promotion used, "" when none
  std::optional<Fen> promo_price_fen;
  // "normal" (at or above the threshold), "promotion" (below it, at or above a covering
  // promotion's price), "below_filed_no_promotion", "below_promotion", "no_normal_price".
  std::string status;
};

struct PromotionCheck {
  std::string outcome;  // "ok" | "flagged" (any warning or error)
  std::vector<PriceLineCheck> lines;
  Findings findings;
};

// Checks declared lines of `enterprise`. The normal price of a SKU is its entry in
// `normal_prices`, else the normal price of the latest-filed (then greatest id) filing of the
// enterprise naming it; none: PRICE_NORMAL_UNKNOWN (info). A price below
// threshold = ceil(normal x (10000 - policy.price_tolerance_bp) / 10000) needs a covering
// promotion (Covers; of several, the lowest promotional price): none gives
// PRICE_BELOW_FILED_NO_PROMOTION (warning), plus PROMOTION_FILED_LATE (warning) when a late
// filing would have covered the date; below the covering promotion's price gives
// PRICE_BELOW_PROMOTION (warning). Filings of other enterprises are ignored. Never fails.
PromotionCheck CheckPriceLines(std::string_view enterprise,
                               const std::vector<PromotionFiling>& filings,
                               const std::vector<NormalPrice>& normal_prices,
                               const std::vector<PriceLine>& lines, const Policy& policy);

// Checks a new filing against the enterprise's others: PROMOTION_FILED_LATE (warning) when
// late; PROMOTION_PRICE_NOT_BELOW_NORMAL (warning) when the promotional price is not below the
// normal one; PROMOTION_OVERLAP (warning) per other filing of the enterprise sharing a SKU over
// overlapping days; PROMOTION_NORMAL_PRICE_DIFFERS (warning) when `normal_prices` gives a SKU
// another normal price. Outcome "ok" | "flagged". Never fails.
PromotionCheck CheckFiling(const PromotionFiling& filing,
                           const std::vector<PromotionFiling>& others,
                           const std::vector<NormalPrice>& normal_prices);

struct PromotionSummary {
  PromotionFiling filing;
  bool late = false;
  std::string status;  // "not_started" | "open" | "closed" on the decision date
  int64_t line_count = 0;
  Qty qty;  // total quantity sold
  std::optional<Fen> min_price_fen;
  std::optional<Fen> max_price_fen;
  // Quantity-weighted average unit price: sum(price x qty) / sum(qty), rounded half up to the
  // fen; none without sales.
  std::optional<Fen> avg_price_fen;
  Fen value_fen = 0;  // sum(price x qty), rounded half up to the fen
  int64_t lines_below_promo = 0;
  Qty qty_below_promo;
};

struct PromotionSummaryResult {
  Date decision_date;
  std::vector<PromotionSummary> summaries;  // by period start, then id
  Findings findings;
};

// Per filing of `enterprise`: the lines of a SKU it names dated within its filed period.
// Findings per filing: PROMOTION_PERIOD_OPEN (info) before its last day has passed,
// PROMOTION_NO_SALES (info), PROMOTION_FILED_LATE (warning), PROMOTION_SOLD_BELOW_PRICE
// (warning) when lines were priced below the promotional price. The lines together must stay
// within kMaxQtyE5 and kMaxFen of value (the JSON entry point checks it). Never fails.
PromotionSummaryResult SummarisePromotions(std::string_view enterprise,
                                           const std::vector<PromotionFiling>& filings,
                                           const std::vector<PriceLine>& lines,
                                           const Date& decision_date);

// JSON. A filing: {"id", "enterprise_code", "skus": [...], "promo_price_fen",
// "normal_price_fen", "from", "to", "filed_at"}; a normal price {"sku", "price_fen"}; a line
// {"ref"?, "sku", "price_fen", "date", "qty"? (N19,5 text; required when `qty_required`)}.
// InvalidArgument naming the field under `path`; unknown keys refused.
StatusOr<PromotionFiling> PromotionFilingFromJson(const Json& obj, std::string_view path);
StatusOr<PriceLine> PriceLineFromJson(const Json& obj, std::string_view path, bool qty_required);
Json PromotionFilingToJson(const PromotionFiling& filing);
// {"outcome", "lines": [{"ref", "sku", "date", "price_fen", "normal_price_fen"|null,
// "normal_price_source", "threshold_fen", "promotion_id"|null, "promo_price_fen"|null,
// "status"}], "findings"}.
Json PromotionCheckToJson(const PromotionCheck& check);
// {"outcome": "summarised", "decision_date", "summaries": [{"filing", "late", "status",
// "line_count", "qty", "min_price_fen", "avg_price_fen", "max_price_fen" (null without sales),
// "value_fen", "lines_below_promo", "qty_below_promo"}], "findings"}.
Json PromotionSummaryToJson(const PromotionSummaryResult& result);

}  // namespace core
