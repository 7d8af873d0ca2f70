// Stocktakes of a bonded ledger (盘库管理, issue 5): what was counted on a date, per SKU, against
// the book's balance on that date. A shortage is goods that left the area without clearance: the
// full tax of the missing goods is due (DOMAIN §1.3 path), or the case is referred when the tax
// reaches the policy's threshold or the goods' value is unknown. A surplus is goods in the area
// the book never received. Customs may re-count a sample: its figure then decides, and a count
// that differs from it is itself a finding. The stocktake cycle follows the credit grade
// (Measures::stocktake_months). Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/ledger.h"
#include "core/money.h"
#include "core/policy.h"
#include "core/status.h"
#include "core/tax.h"

namespace core {

enum class StocktakeMethod {
  kElectronic,  // from the warehouse system (电子盘库)
  kSelfCount,   // the enterprise counted (自盘)
  kThirdParty,  // an appointed third party counted (第三方盘库)
};
// "electronic" / "self_count" / "third_party"; FromName: nullopt for anything else.
std::string_view StocktakeMethodName(StocktakeMethod method);
std::optional<StocktakeMethod> StocktakeMethodFromName(std::string_view name);

struct StocktakeCount {
  std::string sku;
  Qty counted;                   // the stocktake's figure (>= 0)
  std::optional<Qty> recounted;  // customs' own re-count of this SKU, when sampled
};

struct StocktakeInput {
  Date date;  // the book is compared as it stood at the end of this day
  StocktakeMethod method = StocktakeMethod::kSelfCount;
  std::vector<StocktakeCount> counts;  // one per SKU
  // Unit value per SKU (fen per unit of the ledger's unit), from the enterprise's goods filings:
  // the base of a shortage's tax. A shortage of a SKU without one is referred.
  std::map<std::string, Fen, std::less<>> unit_values;
};

struct StocktakeLine {
  std::string sku;
  std::string code10;  // from the book
  std::string unit;
  Qty book;                    // the ledger balance at the date
  std::optional<Qty> counted;  // nullopt: the SKU was not counted
  std::optional<Qty> recounted;
  Qty accepted;        // the figure compared with the book: the re-count when there is one
  Qty difference;      // accepted - book: below zero a shortage, above a surplus
  std::string status;  // "match" | "shortage" | "surplus" | "not_counted"
  std::optional<Fen> unit_value_fen;
  Fen shortage_value_fen = 0;  // missing quantity x unit value, half up
  Fen tax_fen = 0;             // full tax of the missing goods (duty + VAT + CT)
};

struct StocktakeResult {
  // "consistent" | "shortage" | "surplus" | "shortage_and_surplus"; "incomplete" when a SKU
  // with stock on the book was not counted (nothing is concluded then).
  std::string outcome;
  // For a shortage: "supplementary_tax" (the tax below is due) or "referral" (to the
  // anti-smuggling department: tax at or above Policy::stocktake_referral_tax_fen, or a value
  // unknown); "" otherwise.
  std::string shortage_action;
  std::vector<StocktakeLine> lines;  // by SKU
  Fen shortage_value_fen = 0;
  Fen duty_fen = 0, vat_fen = 0, ct_fen = 0, tax_fen = 0;  // of every shortage together
  Findings findings;
};

// Compares the stocktake with the book at its date. Findings: STOCKTAKE_SHORTAGE and
// STOCKTAKE_SURPLUS (errors, one per SKU, naming book, count and difference),
// STOCKTAKE_RECOUNT_DIFFERS (error: the stocktake's count is not what customs found),
// STOCKTAKE_SKU_NOT_COUNTED (error: a SKU with stock was left out), STOCKTAKE_VALUE_UNKNOWN
// (warning: a short SKU has no unit value) and STOCKTAKE_REFERRAL (error: the shortage goes to
// the anti-smuggling department). InvalidArgument ("field 'stocktake.counts[i]...'") for a SKU
// counted twice, a negative quantity, a unit value out of range, or a date before the book's
// first entry.
StatusOr<StocktakeResult> CompareStocktake(const Ledger& ledger, const StocktakeInput& input,
                                           const TaxRateTable& rates, const Policy& policy);

// When the next stocktake of an enterprise of grade `grade` is due, counting from `last` (its
// last stocktake, or when the ledger began): `last` + the grade's stocktake_months. nullopt
// when the policy has no measures for the grade.
std::optional<Date> StocktakeDueDate(const Date& last, std::string_view grade,
                                     const Policy& policy);

// JSON. A stocktake: {"date", "method", "counts": [{"sku", "counted": "12.5", "recounted"?}],
// "unit_values"?: {"SKU": fen}}.
StatusOr<StocktakeInput> StocktakeInputFromJson(const Json& obj, std::string_view path);
Json StocktakeInputToJson(const StocktakeInput& input);
// {"outcome", "shortage_action", "lines": [{"sku", "code10", "unit", "book", "counted",
// "recounted", "accepted", "difference", "status", "unit_value_fen", "shortage_value_fen",
// "tax_fen"}], "shortage_value_fen", "duty_fen", "vat_fen", "ct_fen", "tax_fen", "findings"}.
Json StocktakeResultToJson(const StocktakeResult& result);

// The text entry point the server and the page share: {"ledger": LedgerFromJson shape,
// "stocktake": StocktakeInputFromJson shape} -> StocktakeResultToJson, or {"error"} naming the
// field. The tax uses `tables.tax_rates`, the referral threshold `policy`.
std::string StocktakeCompareJson(std::string_view request, const TaxRateTable& rates,
                                 const Policy& policy);

}  // namespace core
