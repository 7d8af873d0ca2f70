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
  std::string code10;           // 10-digit commodity code
  std::string origin_country;   // customs 3-digit country code
  std::string unit;             // declaration unit (e.g. "千克", "件", "瓶")
  Fen declared_unit_price_fen = 0;
  std::string trade_mode;       // "1210" bonded | "9610" direct purchase
};

// A filing by another enterprise, for the same-name-different-code check.
struct OtherFiling {
  std::string name;
  std::string code10;
};

struct GoodsVerdict {
  std::string outcome;  // "admitted" | "review" (warnings only) | "rejected" (any error)
  std::string code8;
  const PositiveListEntry* positive_entry = nullptr;  // not serialised as a pointer
  Findings findings;
};

StatusOr<GoodsFiling> GoodsFilingFromJson(const Json& obj);
Json GoodsFilingToJson(const GoodsFiling& filing);

// Same normalisation the same-name check uses (trimmed, case-folded ASCII, inner spaces and
// common punctuation removed), so the server can index names the same way.
std::string NormalizeGoodsName(std::string_view name);

GoodsVerdict EvaluateGoods(const GoodsFiling& filing, const Date& decision_date,
                           const std::vector<OtherFiling>& others, const ReferenceTables& tables,
                           const Policy& policy);
Json GoodsVerdictToJson(const GoodsVerdict& verdict);

}  // namespace core
