// Goods admission (事前 商品准入): an enterprise's goods filing checked against the commodity
// catalogue, the positive list and its remarks, the prohibited/restricted list, high-risk
// quarantine categories, and the same name filed under other codes (同名异归类). Pure.
#pragma once

#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/date.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/money.h"
#include "core/policy.h"

namespace core {

struct GoodsFiling {
  std::string sku;
  std::string name;
  std::string brand;
  std::string spec;
  std::string code10;          // 10-digit commodity code
  std::string origin_country;  // customs 3-digit country code
  std::string unit;            // declaration unit (e.g. "千克", "件", "瓶")
  Fen declared_unit_price_fen = 0;
  std::string trade_mode;  // "1210" bonded | "9610" direct purchase
};

// A filing by another enterprise, for the same-name-different-code check.
struct OtherFiling {
  std::string name;
  std::string code10;
};

struct GoodsVerdict {
  std::string outcome;  // "admitted" | "review" (warnings only) | "rejected" (any error)
  std::string code8;    // empty when code10 is malformed
  Date decision_date;
  std::string policy_version;
  // Points into the ReferenceTables passed to EvaluateGoods: serialise the verdict before those
  // tables change. Not serialised as a pointer.
  const PositiveListEntry* positive_entry = nullptr;
  Findings findings;
};

// Strict: InvalidArgument naming the field on wrong types, strings over 200 characters, or a
// declared_unit_price_fen that is missing, not an integer or beyond ±kMaxFen. Missing strings
// parse as empty (the evaluation reports them); unknown keys are ignored.
StatusOr<GoodsFiling> GoodsFilingFromJson(const Json& obj);
Json GoodsFilingToJson(const GoodsFiling& filing);

// Same normalisation the same-name check uses (FoldForComparison: case and width folded, spaces
// and common punctuation removed), so the server can index names the same way.
std::string NormalizeGoodsName(std::string_view name);

// Checks, in this order: GOODS_NAME_MISSING; the CheckCommodityCode codes (year of the decision
// date); GOODS_TRADE_MODE (not 1210/9610); by the 8-digit part GOODS_NOT_ON_POSITIVE_LIST, then
// the remarks POSITIVE_LIST_EXCLUSION (warning), POSITIVE_LIST_BONDED_ONLY (9610),
// POSITIVE_LIST_NAME_RESTRICTED, POSITIVE_LIST_QUANTITY_CAP (info); GOODS_PROHIBITED /
// GOODS_RESTRICTED (warning) per control-list match; GOODS_HIGH_RISK_QUARANTINE (warning);
// GOODS_ORIGIN_UNKNOWN; GOODS_PRICE_INVALID (<= 0) or GOODS_PRICE_OVER_LIMIT (warning, above
// policy.limits.transaction_fen); SAME_NAME_DIFFERENT_CODE (warning) against `others` (the
// caller leaves out the filing enterprise's own filings). LIST_NOT_LOADED / POLICY_NOT_LOADED
// (warnings) for empty tables or policy. Never fails.
GoodsVerdict EvaluateGoods(const GoodsFiling& filing, const Date& decision_date,
                           const std::vector<OtherFiling>& others, const ReferenceTables& tables,
                           const Policy& policy);
// {"outcome", "code8", "decision_date", "policy_version", "positive_list": null | {"code8",
// "name", "remark", "bonded_only", "excluded", "annual_cap": null | {"qty_milli", "unit"}},
// "findings"}.
Json GoodsVerdictToJson(const GoodsVerdict& verdict);

}  // namespace core
