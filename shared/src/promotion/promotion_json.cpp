// Promotion filings, price lines and results as JSON: strict reading (integer fen, exact
// quantities, unknown keys refused) and deterministic output. Pure.
#include <set>
#include <string>
#include <utility>

#include "../ledger/fields.h"
#include "../tax/tax_common.h"
#include "core/promotion.h"

namespace core {
namespace {

using internal::ExpectObject;
using internal::FieldError;
using internal::FieldPath;
using internal::IndexPath;
using internal::ReadDate;
using internal::ReadFen;
using internal::ReadQty;
using internal::ReadString;
using internal::ReadStringArray;
using internal::RejectUnknownKeys;

constexpr size_t kMaxId = 64;
constexpr size_t kMaxSkus = 1000;

Json OptionalFen(const std::optional<Fen>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

StatusOr<PromotionFiling> PromotionFilingFromJson(const Json& obj, std::string_view path) {
  CORE_RETURN_IF_ERROR(ExpectObject(obj, path));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(obj,
                                         {"id", "enterprise_code", "skus", "promo_price_fen",
                                          "normal_price_fen", "from", "to", "filed_at"},
                                         path));
  PromotionFiling f;
  CORE_ASSIGN_OR_RETURN(f.id, ReadString(obj, "id", path, kMaxId, true));
  CORE_ASSIGN_OR_RETURN(f.enterprise_code, ReadString(obj, "enterprise_code", path, kMaxId, true));
  CORE_ASSIGN_OR_RETURN(f.skus, ReadStringArray(obj, "skus", path, kMaxSkus, kMaxId, true));
  const std::string skus_path = FieldPath(path, "skus");
  if (f.skus.empty()) return FieldError(skus_path, "must name at least one SKU");
  std::set<std::string> seen;
  for (size_t i = 0; i < f.skus.size(); ++i) {
    if (f.skus[i].empty()) return FieldError(IndexPath(skus_path, i), "is empty");
    if (!seen.insert(f.skus[i]).second) {
      return FieldError(IndexPath(skus_path, i), "repeats '" + f.skus[i] + "'");
    }
  }
  CORE_ASSIGN_OR_RETURN(f.promo_price_fen, ReadFen(obj, "promo_price_fen", path, true));
  CORE_ASSIGN_OR_RETURN(f.normal_price_fen, ReadFen(obj, "normal_price_fen", path, true));
  if (f.normal_price_fen == 0) {
    return FieldError(FieldPath(path, "normal_price_fen"), "must be above zero");
  }
  CORE_ASSIGN_OR_RETURN(std::optional<Date> from, ReadDate(obj, "from", path, true));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> to, ReadDate(obj, "to", path, true));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> filed, ReadDate(obj, "filed_at", path, true));
  f.from = *from;
  f.to = *to;
  f.filed_at = *filed;
  if (f.to < f.from) return FieldError(FieldPath(path, "to"), "must not be before from");
  return f;
}

StatusOr<PriceLine> PriceLineFromJson(const Json& obj, std::string_view path, bool qty_required) {
  CORE_RETURN_IF_ERROR(ExpectObject(obj, path));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(obj, {"ref", "sku", "price_fen", "date", "qty"}, path));
  PriceLine l;
  CORE_ASSIGN_OR_RETURN(l.ref, ReadString(obj, "ref", path, kMaxId, false));
  CORE_ASSIGN_OR_RETURN(l.sku, ReadString(obj, "sku", path, kMaxId, true));
  CORE_ASSIGN_OR_RETURN(l.price_fen, ReadFen(obj, "price_fen", path, true));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date, ReadDate(obj, "date", path, true));
  l.date = *date;
  CORE_ASSIGN_OR_RETURN(std::optional<Qty> qty, ReadQty(obj, "qty", path, qty_required));
  if (qty) {
    if (qty->e5 <= 0) return FieldError(FieldPath(path, "qty"), "must be above zero");
    l.qty = *qty;
  }
  return l;
}

Json PromotionFilingToJson(const PromotionFiling& f) {
  Json j = Json::object();
  j["id"] = f.id;
  j["enterprise_code"] = f.enterprise_code;
  j["skus"] = f.skus;
  j["promo_price_fen"] = f.promo_price_fen;
  j["normal_price_fen"] = f.normal_price_fen;
  j["from"] = f.from.ToIso();
  j["to"] = f.to.ToIso();
  j["filed_at"] = f.filed_at.ToIso();
  return j;
}

Json PromotionCheckToJson(const PromotionCheck& check) {
  Json out = Json::object();
  out["outcome"] = check.outcome;
  Json lines = Json::array();
  for (const PriceLineCheck& c : check.lines) {
    Json j = Json::object();
    j["ref"] = c.line.ref;
    j["sku"] = c.line.sku;
    j["date"] = c.line.date.ToIso();
    j["price_fen"] = c.line.price_fen;
    j["normal_price_fen"] = OptionalFen(c.normal_price_fen);
    j["normal_price_source"] = c.normal_price_source;
    j["threshold_fen"] = c.threshold_fen;
    j["promotion_id"] = c.promotion_id.empty() ? Json(nullptr) : Json(c.promotion_id);
    j["promo_price_fen"] = OptionalFen(c.promo_price_fen);
    j["status"] = c.status;
    lines.push_back(std::move(j));
  }
  out["lines"] = std::move(lines);
  out["findings"] = FindingsToJson(check.findings);
  return out;
}

Json PromotionSummaryToJson(const PromotionSummaryResult& result) {
  Json out = Json::object();
  out["outcome"] = "summarised";
  out["decision_date"] = result.decision_date.ToIso();
  Json summaries = Json::array();
  for (const PromotionSummary& s : result.summaries) {
    Json j = Json::object();
    j["filing"] = PromotionFilingToJson(s.filing);
    j["late"] = s.late;
    j["status"] = s.status;
    j["line_count"] = s.line_count;
    j["qty"] = FormatQty(s.qty);
    j["min_price_fen"] = OptionalFen(s.min_price_fen);
    j["avg_price_fen"] = OptionalFen(s.avg_price_fen);
    j["max_price_fen"] = OptionalFen(s.max_price_fen);
    j["value_fen"] = s.value_fen;
    j["lines_below_promo"] = s.lines_below_promo;
    j["qty_below_promo"] = FormatQty(s.qty_below_promo);
    summaries.push_back(std::move(j));
  }
  out["summaries"] = std::move(summaries);
  out["findings"] = FindingsToJson(result.findings);
  return out;
}

}  // namespace core
