// CBEC retail-import tax (跨境电商综合税, DOMAIN §1.2–§1.4): the rate table as data, order-level
// freight/insurance/discount spread over the lines (§8), and duty, consumption tax and VAT per
// line and per order on the within-limits (70%) or full-tax path. Integer fen throughout. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/money.h"
#include "core/status.h"

namespace core {

// 128-bit intermediates for the exact products of fen and basis points (g++ and clang, natively
// and in wasm32). __extension__ keeps -Wpedantic quiet about the non-ISO type.
__extension__ typedef __int128 Int128;

// When the consumption tax of a rate row applies (DOMAIN §1.4).
enum class CtThreshold {
  kNone,      // always, at ct_bp
  kPerMlOrG,  // only when the pre-VAT price per ml (or g) >= ct_threshold_fen
  kPerPiece,  // only when the pre-VAT price per piece (sheet) >= ct_threshold_fen
};

// "none" / "per_ml_g" / "per_piece".
std::string_view CtThresholdName(CtThreshold kind);

// One row of data/tax/rates.csv: the rates of a commodity-code prefix over a period. Rates are
// basis points (1300 = 13%).
struct TaxRate {
  std::string code_prefix;       // 8 or 10 digits
  Date valid_from;               // inclusive
  std::optional<Date> valid_to;  // exclusive; empty = open
  int vat_bp = 0;
  int ct_bp = 0;
  std::optional<int> duty_bp;  // MFN duty for the full-tax path; empty = no cited rate
  CtThreshold ct_threshold = CtThreshold::kNone;
  Fen ct_threshold_fen = 0;  // per ml/g or per piece; 0 when ct_threshold is kNone
  std::string source;        // where the rates come from (required)
  int line = 0;              // line of the CSV text, so a verdict can cite the row it used
};

class TaxRateTable {
 public:
  // Columns code_prefix,valid_from,valid_to,vat_bp,ct_bp,duty_bp,ct_threshold_kind,
  // ct_threshold_fen,source (header row required, extra columns such as a name ignored, '#'
  // comment lines allowed; the first one is the version, as in the positive list). Dates
  // YYYY-MM-DD, valid_to empty = open. InvalidArgument "line N: ..." for a prefix that is not 8
  // or 10 digits, a bad date, valid_to not after valid_from, a vat_bp/ct_bp/duty_bp that is not
  // an integer 0..9999 (vat_bp and ct_bp required; duty_bp may be empty), an unknown
  // ct_threshold_kind, a threshold kind without a positive ct_threshold_fen (or a fen amount
  // with kind none), an empty source, or two rows of the same prefix whose periods overlap.
  static StatusOr<TaxRateTable> FromCsv(std::string_view csv);

  // The row of the longest prefix of `code` (8 or 10 digits) valid on `date`; nullptr when no
  // row is: a missing rate is reported, never guessed.
  const TaxRate* Find(std::string_view code, const Date& date) const;
  const std::string& version() const { return version_; }
  size_t size() const { return rows_.size(); }

 private:
  std::vector<TaxRate> rows_;
  std::string version_;
};

// Splits `amount` (>= 0) over lines in proportion to `weights` (each >= 0). Every share but one
// is rounded down; the last line of positive weight (the last line when all weights are 0) takes
// the remainder, so the shares sum exactly to `amount` and zero-weight lines (gifts) get 0.
std::vector<Fen> AllocateByWeight(Fen amount, const std::vector<Fen>& weights);

// Half up to the fen of num/den, exactly (128-bit). Requires num >= 0 and den > 0.
Fen RoundHalfUp(Int128 num, Int128 den);

enum class TaxPath {
  kWithinLimits,  // duty 0, CT and VAT at 70% (DOMAIN §1.2)
  kFullTax,       // duty, CT and VAT in full at the goods rates (DOMAIN §1.3)
};

// "within_limits" / "full_tax".
std::string_view TaxPathName(TaxPath path);

struct TaxLineInput {
  std::string code;         // 10-digit commodity code (8 digits accepted)
  Fen goods_value_fen = 0;  // the line's total price (qty x unit price; gifts 0)
  // For a row with a threshold: the line's total net content in ml or g, in thousandths
  // (per_ml_g), or its number of pieces/sheets (per_piece).
  std::optional<int64_t> net_content_milli;
  std::optional<int64_t> pieces;
};

struct TaxOrderInput {
  Date date;  // the rates valid on this day apply
  TaxPath path = TaxPath::kWithinLimits;
  std::vector<TaxLineInput> lines;
  Fen freight_fen = 0;
  Fen insurance_fen = 0;
  Fen discount_fen = 0;  // non-cash deductions (CEB311 discount): they reduce the dutiable value
  std::optional<Fen> declared_tax_fen;  // CEB311 taxTotal, compared with the computed total
};

struct LineTax {
  std::string code;
  Fen goods_value_fen = 0;
  Fen freight_fen = 0;    // this line's share
  Fen insurance_fen = 0;  // this line's share
  Fen discount_fen = 0;   // this line's share
  Fen dutiable_fen = 0;   // goods + freight + insurance - discount (never below 0)
  Fen duty_fen = 0;
  Fen ct_fen = 0;
  Fen vat_fen = 0;
  Fen total_fen = 0;
  bool ct_applies = false;
  // The row used, copied (the verdict must not depend on the table's lifetime).
  std::optional<TaxRate> rate;
};

struct TaxResult {
  // "computed" (every line has its rates and, when declared, the total matches), "mismatch" (the
  // declared total differs) or "incomplete" (a rate or a threshold quantity is missing, or the
  // discount exceeds the order: the totals leave those lines out, assume CT or floor the value
  // at 0, and no comparison is made).
  std::string outcome;
  TaxPath path = TaxPath::kWithinLimits;
  Date date;
  std::string rates_version;
  std::vector<LineTax> lines;
  Fen goods_value_fen = 0;
  Fen freight_fen = 0;
  Fen insurance_fen = 0;
  Fen discount_fen = 0;
  Fen dutiable_fen = 0;
  Fen duty_fen = 0;
  Fen ct_fen = 0;
  Fen vat_fen = 0;
  Fen total_fen = 0;
  std::optional<Fen> declared_tax_fen;
  Findings findings;
};

// Computes the tax of an order. Allocation per AllocateByWeight over the lines' goods values;
// each tax of each line is one exact rational rounded half up to the fen (DOMAIN §8):
//   within limits: duty 0; CT = P*c*7 / ((10000-c)*10); VAT = P*v*7 / ((10000-c)*10)
//   full tax: duty = P*d/10000; CT = (P+duty)*c / (10000-c); VAT = (P+duty+CT)*v/10000, each on
//   the rounded duty and CT (the amounts actually levied and printed on the tax bill).
// A threshold row charges CT only when the pre-VAT price P+duty reaches the threshold per ml/g
// or per piece. Never fails; findings: TAX_CODE_FORMAT, TAX_RATE_MISSING, TAX_DUTY_RATE_MISSING
// (full tax only), TAX_CT_MEASURE_MISSING (CT then assumed due), TAX_CT_BELOW_THRESHOLD (info),
// TAX_DISCOUNT_EXCEEDS_VALUE, TAX_DECLARED_MISMATCH (both amounts), LIST_NOT_LOADED (empty
// table).
TaxResult ComputeTax(const TaxOrderInput& order, const TaxRateTable& rates);

// Request {"date", "path"?: "within_limits"|"full_tax", "freight_fen"?, "insurance_fen"?,
// "discount_fen"?, "declared_tax_fen"?, "lines": [{"code", "goods_value_fen",
// "net_content_milli"?, "pieces"?}]} (1..1000 lines, amounts 0..kMaxFen). InvalidArgument naming
// the field otherwise; unknown keys are refused (a misspelt amount must not silently count as 0).
StatusOr<TaxOrderInput> TaxOrderFromJson(const Json& obj);
// {"outcome", "path", "date", "rates_version", "declared_tax_fen": null|n, "difference_fen":
// null|declared-computed, "order": {goods_value_fen, freight_fen, insurance_fen, discount_fen,
// dutiable_value_fen, duty_fen, ct_fen, vat_fen, total_fen}, "lines": [{"gnum", same amounts
// with freight/insurance/discount shares, "ct_applies", "rate": null|{row}}], "findings"}.
Json TaxResultToJson(const TaxResult& result);

}  // namespace core
