// Buyer quota (DOMAIN §1.1, §1.3, §1.4, §1.6): the per-transaction and annual value limits in
// force on the order's date, the single-item exception at full tax, general trade beyond, the
// annual quantity caps of the positive-list remarks, and returns that restore the quota. Inputs
// are values (the server reads the buyer's year-to-date totals from its store). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/date.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/money.h"
#include "core/policy.h"
#include "core/tax.h"

namespace core {

struct QuotaLine {
  std::string code;       // 10-digit commodity code (8 accepted)
  int64_t qty_milli = 0;  // quantity in thousandths of `unit`; for capped goods the legal
                          // quantity (CEB qty1/unit1), e.g. 千克
  std::string unit;
};

// What the buyer bought this calendar year of one 8-digit code (from the store).
struct YearQuantity {
  std::string code8;
  int64_t qty_milli = 0;
  std::string unit;
};

struct QuotaOrderInput {
  Date date;  // the order's date: it picks the limits and the calendar year
  Fen goods_value_fen = 0;
  Fen freight_fen = 0;
  Fen insurance_fen = 0;
  Fen discount_fen = 0;
  std::vector<QuotaLine> lines;
  // The buyer's counted total in the order's calendar year before this order (returns already
  // deducted), and the quantities per 8-digit code.
  Fen year_to_date_fen = 0;
  std::vector<YearQuantity> year_to_date_qty;
};

// The value the limits apply to: the transaction value that is also the dutiable value
// (DOMAIN §1.1 "the actual transaction price: goods retail price + freight + insurance"), less
// the non-cash discount, which CEB311 counts inside goodsValue. Tax is not part of it.
Fen TransactionValue(const QuotaOrderInput& order);

// An indivisible single item (DOMAIN §1.3 "the order holds only one item"): exactly one line
// whose quantity is exactly 1 of its unit.
bool IsSingleItem(const QuotaOrderInput& order);

enum class QuotaPath {
  kCbec,          // within the limits: CBEC, 70% tax
  kCbecFullTax,   // single item over the transaction limit: CBEC at full tax, counted
  kGeneralTrade,  // not clearable as CBEC retail (annual limit, several items over the
                  // transaction limit, a quantity cap, or a pre-2019 single item over the limit)
  kUndetermined,  // no limits configured, or inconsistent amounts
};

// "cbec" / "cbec_full_tax" / "general_trade" / "undetermined".
std::string_view QuotaPathName(QuotaPath path);

struct QuotaVerdict {
  QuotaPath path = QuotaPath::kUndetermined;
  Date date;
  std::string policy_version;
  LimitsInForce limits;
  Fen value_fen = 0;
  bool single_item = false;
  Fen year_to_date_fen = 0;
  bool counts_toward_annual = false;
  Fen annual_total_after_fen = 0;   // year to date plus this order when it counts
  Fen remaining_annual_fen = 0;     // annual limit less annual_total_after (never below 0)
  std::optional<TaxPath> tax_path;  // within_limits for cbec, full_tax otherwise
  Findings findings;
};

// Decides the path of an order (V = value, Y = year to date, T/A = limits on its date):
// V <= T and Y+V <= A -> cbec; V > T, single item, Y+V <= A -> cbec_full_tax (finding
// QUOTA_SINGLE_ITEM_FULL_TAX, info) or, in a period whose rule says so (2016–2018), general
// trade (QUOTA_SINGLE_ITEM_GENERAL_TRADE); V > T with several items -> general trade
// (QUOTA_TRANSACTION_EXCEEDED); Y+V > A -> general trade (QUOTA_ANNUAL_EXCEEDED). The annual caps
// of the positive list (per 8-digit code, this order plus the year's quantity) give
// QUOTA_QTY_CAP_EXCEEDED and general trade; a unit that cannot be compared with the cap's gives
// QUOTA_QTY_UNIT_MISMATCH (warning). Also QUOTA_VALUE_NEGATIVE (discount above the rest; path
// undetermined), POLICY_NOT_LOADED (error; path undetermined), LIST_NOT_LOADED (warning; caps not
// checked).
// Messages carry the amounts. Never fails.
QuotaVerdict CheckQuota(const QuotaOrderInput& order, const PositiveList& list,
                        const Policy& policy);

// A return (CEB625) of released goods (GACC Ann. 2018 No. 194, DOMAIN §1.6).
struct ReturnInput {
  Date release_date;
  Date applied_date;
  std::optional<Date> arrived_date;  // goods back in the area or centre; empty = not yet
  Date decision_date;                // "today", for a return still on its way
  Fen value_fen = 0;                 // the value that was counted toward the year
  Fen year_to_date_fen = 0;          // the buyer's counted total before the return
};

struct ReturnVerdict {
  std::string outcome;  // "restored" | "pending" | "not_restored"
  Date apply_by;        // release + 30 days (inclusive)
  Date arrive_by;       // release + 45 days (inclusive)
  Fen restored_fen = 0;
  Fen year_to_date_after_fen = 0;
  Findings findings;
};

// Applied within 30 days of release and goods back within 45 -> the value leaves the year's
// total ("restored"); goods not back yet and the decision date within 45 days -> "pending"
// (RETURN_PENDING, info); otherwise RETURN_WINDOW_EXPIRED. RETURN_DATE_ORDER when a date is before
// the release. Never fails.
ReturnVerdict EvaluateReturn(const ReturnInput& input);

// Request {"date", "goods_value_fen", "freight_fen"?, "insurance_fen"?, "discount_fen"?,
// "lines": [{"code", "qty_milli", "unit"}], "year_to_date_fen"?, "year_to_date_qty"?:
// [{"code8", "qty_milli", "unit"}]}. InvalidArgument naming the field; unknown keys refused.
StatusOr<QuotaOrderInput> QuotaOrderFromJson(const Json& obj);
// {"path", "date", "policy_version", "limits": {"transaction_fen", "annual_fen",
// "over_limit_single_item", "period"}, "value_fen", "single_item", "year_to_date_fen",
// "counts_toward_annual", "annual_total_after_fen", "remaining_annual_fen", "tax_path":
// null|"within_limits"|"full_tax", "findings"}.
Json QuotaVerdictToJson(const QuotaVerdict& verdict);

// Request {"release_date", "applied_date", "arrived_date"?, "decision_date", "value_fen",
// "year_to_date_fen"?}.
StatusOr<ReturnInput> ReturnFromJson(const Json& obj);
// {"outcome", "apply_by", "arrive_by", "restored_fen", "year_to_date_after_fen", "findings"}.
Json ReturnVerdictToJson(const ReturnVerdict& verdict);

}  // namespace core
