// Online patrol verdicts (网上巡查, DOMAIN §8 tolerances): what a crawler saw on an enterprise's
// shop compared with what the enterprise filed and declared, and a mystery-buyer test order
// compared with the declaration that followed it (or its absence). Integer fen. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/money.h"
#include "core/policy.h"
#include "core/promotion.h"

namespace core {

// One product as a patrol read it from a shop page.
struct ListingObservation {
  std::string url;
  std::string sku;  // as the shop shows it; "" when it shows none
  std::string name;
  std::optional<Fen> price;      // what a buyer pays now (CNY); none when not read
  std::optional<Fen> old_price;  // a struck-through reference price, when shown
  std::optional<Fen> freight;    // per order; 0 when the shop ships free; none when not shown
  int64_t evidence_id = 0;       // the server's evidence row behind it (0: none)
};

// What the shop's enterprise filed and declared for one of its SKUs, over the patrol's period.
struct DeclaredItem {
  std::string sku;  // the goods filing's item number (the list line's itemNo)
  std::string name;
  bool filed = false;                    // an admitted goods filing of the enterprise
  Fen filed_price = 0;                   // the filing's normal unit price (0: unknown)
  int64_t lists = 0;                     // declaration lists in the period naming it
  std::optional<Fen> lowest_unit_price;  // lowest declared unit price in the period
  std::optional<Fen> lowest_freight;     // lowest freight declared on a list naming it
};

struct PatrolInput {
  std::string enterprise_code;
  Date date;  // the patrol's day (promotions are checked on it)
  // True when the patrol read the shop's whole listing, so that declared goods it did not see
  // are really not listed. A partial patrol never says "declared but not listed".
  bool complete_listing = false;
  std::vector<ListingObservation> observed;
  std::vector<DeclaredItem> declared;
  std::vector<PromotionFiling> promotions;  // the enterprise's filings
};

// One observation against its declared item: which item it matched, and how.
struct PatrolItemResult {
  size_t observation = 0;   // index into PatrolInput::observed
  std::string matched_sku;  // "" when no declared item matched
  std::string matched_by;   // "sku" | "name" | ""
  Findings findings;        // field = "observed[i]..."
};

struct PatrolVerdict {
  std::string outcome;  // "consistent" | "flagged" (any warning or error)
  std::vector<PatrolItemResult> items;
  Findings findings;  // every finding, items' first, then the shop-level ones
};

// Compares a patrol's observations with the enterprise's declarations. An observation matches
// the declared item with the same SKU, else the one with exactly the same name. Per matched
// item: PRICE_BELOW_LISTED (error) when its lowest declared unit price is below
// ceil(listed x (10000 - policy.price_tolerance_bp) / 10000) and no filed promotion covers the
// patrol date at or below that declared price; FREIGHT_BELOW_OBSERVED (error) when the shop
// charges freight and a list declared less (any amount, DOMAIN §8); PROMOTION_NOT_FILED
// (warning) when the shop shows a price below the filed normal price by more than the tolerance
// (or a struck-through price above the price) and no promotion covers the date. Unmatched or
// never-declared observations: GOODS_LISTED_NOT_DECLARED (warning; says whether the SKU is
// filed). When the listing is complete, declared items with lists that the patrol did not see:
// GOODS_DECLARED_NOT_LISTED (warning) each, and SHOP_LISTS_NO_DECLARED_GOODS (error) when
// goods were declared and not one of them is listed (a shop that may be a front). Never fails.
PatrolVerdict ComparePatrol(const PatrolInput& input, const Policy& policy);

// What a mystery buyer was charged, as the shop stated it.
struct MysteryPurchase {
  std::string order_no;
  Date placed_on;
  Fen goods = 0;  // goods subtotal
  Fen freight = 0;
  Fen tax = 0;      // tax the shop charged (0 when it shows none)
  Fen total = 0;    // what was paid
  std::string sku;  // the item ordered ("" when not known)
  Fen unit_price = 0;
};

// The declaration that arrived for the order: the order message and the list.
struct DeclaredPurchase {
  std::string order_no;
  int64_t declaration_id = 0;
  Fen goods_value = 0;            // CEB311 goodsValue
  Fen freight = 0;                // CEB311 freight
  Fen tax_total = 0;              // CEB311 taxTotal
  Fen discount = 0;               // CEB311 discount
  Fen actural_paid = 0;           // CEB311 acturalPaid
  std::optional<Fen> unit_price;  // the list line's unit price of the purchased SKU
};

struct MysteryMatch {
  std::string outcome;  // "matched" | "mismatch"
  Findings findings;
};

// Compares what was charged with what was declared, to the fen: MYSTERY_GOODS_UNDERDECLARED,
// MYSTERY_FREIGHT_UNDERDECLARED, MYSTERY_TAX_UNDERDECLARED, MYSTERY_PAID_UNDERDECLARED (errors:
// declared below charged) and MYSTERY_*_OVERDECLARED (warnings: declared above charged), and
// MYSTERY_UNIT_PRICE_UNDERDECLARED (error) when the list's unit price is below the page's.
// Never fails.
MysteryMatch MatchMysteryPurchase(const MysteryPurchase& purchase,
                                  const DeclaredPurchase& declared);

// A mystery order with no declaration: MYSTERY_NO_DECLARATION (error) once `today` is more than
// `window_days` after it was placed (the goods went another way); nullopt while still in time.
std::optional<Finding> MysteryOverdue(const MysteryPurchase& purchase, const Date& today,
                                      int window_days);

}  // namespace core
