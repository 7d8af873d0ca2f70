// The quota and return requests and verdicts as JSON: strict reading (integer fen and
// thousandths, unknown keys refused) and deterministic output. Pure.
#include <string>
#include <utility>

#include "../api/field_reader.h"
#include "../tax/tax_common.h"
#include "core/quota.h"

namespace core {
namespace {

using internal::ExpectObject;
using internal::FieldError;
using internal::IndexPath;
using internal::Member;
using internal::ReadDate;
using internal::ReadFen;
using internal::ReadInt;
using internal::ReadString;
using internal::RejectUnknownKeys;

constexpr size_t kMaxItems = 1000;
StatusOr<const Json*> ReadArray(const Json& obj, std::string_view key, bool required) {
  const Json* arr = Member(obj, key);
  if (arr == nullptr) {
    if (required) return FieldError(key, "must be a non-empty array");
    return arr;
  }
  if (!arr->is_array() || (required && arr->empty())) {
    return FieldError(key, required ? "must be a non-empty array" : "must be an array");
  }
  if (arr->size() > kMaxItems) {
    return FieldError(key, "has more than " + std::to_string(kMaxItems) + " items");
  }
  return arr;
}

}  // namespace

StatusOr<QuotaOrderInput> QuotaOrderFromJson(const Json& obj) {
  CORE_RETURN_IF_ERROR(ExpectObject(obj, ""));
  CORE_RETURN_IF_ERROR(
      RejectUnknownKeys(obj,
                        {"date", "goods_value_fen", "freight_fen", "insurance_fen", "discount_fen",
                         "lines", "year_to_date_fen", "year_to_date_qty"},
                        ""));
  QuotaOrderInput order;
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date, ReadDate(obj, "date", "", true));
  order.date = *date;
  CORE_ASSIGN_OR_RETURN(order.goods_value_fen, ReadFen(obj, "goods_value_fen", "", true));
  CORE_ASSIGN_OR_RETURN(order.freight_fen, ReadFen(obj, "freight_fen", "", false));
  CORE_ASSIGN_OR_RETURN(order.insurance_fen, ReadFen(obj, "insurance_fen", "", false));
  CORE_ASSIGN_OR_RETURN(order.discount_fen, ReadFen(obj, "discount_fen", "", false));
  CORE_ASSIGN_OR_RETURN(order.year_to_date_fen, ReadFen(obj, "year_to_date_fen", "", false));

  CORE_ASSIGN_OR_RETURN(const Json* lines, ReadArray(obj, "lines", true));
  for (size_t i = 0; i < lines->size(); ++i) {
    const std::string path = IndexPath("lines", i);
    const Json& j = (*lines)[i];
    CORE_RETURN_IF_ERROR(ExpectObject(j, path));
    CORE_RETURN_IF_ERROR(RejectUnknownKeys(j, {"code", "qty_milli", "unit"}, path));
    QuotaLine line;
    CORE_ASSIGN_OR_RETURN(line.code, ReadString(j, "code", path, 20, true));
    CORE_ASSIGN_OR_RETURN(auto qty,
                          ReadInt(j, "qty_milli", path, 1, internal::kMaxQuantityMilli, true));
    line.qty_milli = *qty;
    CORE_ASSIGN_OR_RETURN(line.unit, ReadString(j, "unit", path, 20, true));
    order.lines.push_back(std::move(line));
  }
  CORE_ASSIGN_OR_RETURN(const Json* year, ReadArray(obj, "year_to_date_qty", false));
  for (size_t i = 0; year != nullptr && i < year->size(); ++i) {
    const std::string path = IndexPath("year_to_date_qty", i);
    const Json& j = (*year)[i];
    CORE_RETURN_IF_ERROR(ExpectObject(j, path));
    CORE_RETURN_IF_ERROR(RejectUnknownKeys(j, {"code8", "qty_milli", "unit"}, path));
    YearQuantity y;
    CORE_ASSIGN_OR_RETURN(y.code8, ReadString(j, "code8", path, 8, true));
    CORE_ASSIGN_OR_RETURN(auto qty,
                          ReadInt(j, "qty_milli", path, 0, internal::kMaxQuantityMilli, true));
    y.qty_milli = *qty;
    CORE_ASSIGN_OR_RETURN(y.unit, ReadString(j, "unit", path, 20, true));
    order.year_to_date_qty.push_back(std::move(y));
  }
  return order;
}

Json QuotaVerdictToJson(const QuotaVerdict& v) {
  Json out = Json::object();
  out["path"] = std::string(QuotaPathName(v.path));
  out["date"] = v.date.ToIso();
  out["policy_version"] = v.policy_version;
  Json limits = Json::object();
  limits["transaction_fen"] = v.limits.limits.transaction_fen;
  limits["annual_fen"] = v.limits.limits.annual_fen;
  limits["over_limit_single_item"] =
      v.limits.single_item_full_tax ? "cbec_full_tax" : "general_trade";
  limits["period"] = v.limits.period;
  out["limits"] = std::move(limits);
  out["value_fen"] = v.value_fen;
  out["single_item"] = v.single_item;
  out["year_to_date_fen"] = v.year_to_date_fen;
  out["counts_toward_annual"] = v.counts_toward_annual;
  out["annual_total_after_fen"] = v.annual_total_after_fen;
  out["remaining_annual_fen"] = v.remaining_annual_fen;
  out["tax_path"] = v.tax_path ? Json(std::string(TaxPathName(*v.tax_path))) : Json(nullptr);
  out["findings"] = FindingsToJson(v.findings);
  return out;
}

StatusOr<ReturnInput> ReturnFromJson(const Json& obj) {
  CORE_RETURN_IF_ERROR(ExpectObject(obj, "return"));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(obj,
                                         {"release_date", "applied_date", "arrived_date",
                                          "decision_date", "value_fen", "year_to_date_fen"},
                                         "return"));
  ReturnInput in;
  CORE_ASSIGN_OR_RETURN(auto release, ReadDate(obj, "release_date", "return", true));
  CORE_ASSIGN_OR_RETURN(auto applied, ReadDate(obj, "applied_date", "return", true));
  CORE_ASSIGN_OR_RETURN(in.arrived_date, ReadDate(obj, "arrived_date", "return", false));
  CORE_ASSIGN_OR_RETURN(auto decision, ReadDate(obj, "decision_date", "return", true));
  in.release_date = *release;
  in.applied_date = *applied;
  in.decision_date = *decision;
  CORE_ASSIGN_OR_RETURN(in.value_fen, ReadFen(obj, "value_fen", "return", true));
  CORE_ASSIGN_OR_RETURN(in.year_to_date_fen, ReadFen(obj, "year_to_date_fen", "return", false));
  return in;
}

Json ReturnVerdictToJson(const ReturnVerdict& v) {
  Json out = Json::object();
  out["outcome"] = v.outcome;
  out["apply_by"] = v.apply_by.ToIso();
  out["arrive_by"] = v.arrive_by.ToIso();
  out["restored_fen"] = v.restored_fen;
  out["year_to_date_after_fen"] = v.year_to_date_after_fen;
  out["findings"] = FindingsToJson(v.findings);
  return out;
}

}  // namespace core
