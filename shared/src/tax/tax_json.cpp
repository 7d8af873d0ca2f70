// The tax request and result as JSON: strict reading of amounts (integer fen, unknown keys
// refused) and deterministic output. Pure.
#include <string>
#include <utility>

#include "../api/field_reader.h"
#include "core/tax.h"
#include "tax_common.h"

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

constexpr size_t kMaxLines = 1000;
StatusOr<TaxLineInput> LineFromJson(const Json& j, const std::string& path) {
  CORE_RETURN_IF_ERROR(ExpectObject(j, path));
  CORE_RETURN_IF_ERROR(
      RejectUnknownKeys(j, {"code", "goods_value_fen", "net_content_milli", "pieces"}, path));
  TaxLineInput line;
  CORE_ASSIGN_OR_RETURN(line.code, ReadString(j, "code", path, 20, true));
  CORE_ASSIGN_OR_RETURN(line.goods_value_fen, ReadFen(j, "goods_value_fen", path, true));
  CORE_ASSIGN_OR_RETURN(line.net_content_milli, ReadInt(j, "net_content_milli", path, 1,
                                                        internal::kMaxQuantityMilli, false));
  CORE_ASSIGN_OR_RETURN(line.pieces,
                        ReadInt(j, "pieces", path, 1, internal::kMaxQuantityMilli, false));
  return line;
}

Json RateToJson(const TaxRate& r) {
  Json j = Json::object();
  j["code_prefix"] = r.code_prefix;
  j["valid_from"] = r.valid_from.ToIso();
  j["valid_to"] = r.valid_to ? Json(r.valid_to->ToIso()) : Json(nullptr);
  j["vat_bp"] = r.vat_bp;
  j["ct_bp"] = r.ct_bp;
  j["duty_bp"] = r.duty_bp ? Json(*r.duty_bp) : Json(nullptr);
  j["ct_threshold_kind"] = std::string(CtThresholdName(r.ct_threshold));
  j["ct_threshold_fen"] = r.ct_threshold_fen;
  j["source"] = r.source;
  j["line"] = r.line;
  return j;
}

void PutAmounts(Json& j, Fen dutiable, Fen duty, Fen ct, Fen vat, Fen total) {
  j["dutiable_value_fen"] = dutiable;
  j["duty_fen"] = duty;
  j["ct_fen"] = ct;
  j["vat_fen"] = vat;
  j["total_fen"] = total;
}

}  // namespace

StatusOr<TaxOrderInput> TaxOrderFromJson(const Json& obj) {
  CORE_RETURN_IF_ERROR(ExpectObject(obj, ""));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(
      obj,
      {"date", "path", "lines", "freight_fen", "insurance_fen", "discount_fen", "declared_tax_fen"},
      ""));
  TaxOrderInput order;
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date, ReadDate(obj, "date", "", true));
  order.date = *date;
  CORE_ASSIGN_OR_RETURN(std::string path, ReadString(obj, "path", "", 20, false));
  if (path.empty() || path == "within_limits") {
    order.path = TaxPath::kWithinLimits;
  } else if (path == "full_tax") {
    order.path = TaxPath::kFullTax;
  } else {
    return FieldError("path", "must be within_limits or full_tax");
  }
  CORE_ASSIGN_OR_RETURN(order.freight_fen, ReadFen(obj, "freight_fen", "", false));
  CORE_ASSIGN_OR_RETURN(order.insurance_fen, ReadFen(obj, "insurance_fen", "", false));
  CORE_ASSIGN_OR_RETURN(order.discount_fen, ReadFen(obj, "discount_fen", "", false));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> declared,
                        ReadInt(obj, "declared_tax_fen", "", 0, kMaxFen, false));
  order.declared_tax_fen = declared;

  const Json* lines = Member(obj, "lines");
  if (lines == nullptr || !lines->is_array() || lines->empty()) {
    return FieldError("lines", "must be a non-empty array");
  }
  if (lines->size() > kMaxLines) {
    return FieldError("lines", "has more than " + std::to_string(kMaxLines) + " items");
  }
  Fen goods = 0;
  for (size_t i = 0; i < lines->size(); ++i) {
    CORE_ASSIGN_OR_RETURN(TaxLineInput line, LineFromJson((*lines)[i], IndexPath("lines", i)));
    goods += line.goods_value_fen;
    // Keeps every sum of the order (and its 128-bit products) far from overflow.
    if (goods > kMaxFen) return FieldError("lines", "sum to more than the largest amount");
    order.lines.push_back(std::move(line));
  }
  return order;
}

Json TaxResultToJson(const TaxResult& result) {
  Json out = Json::object();
  out["outcome"] = result.outcome;
  out["path"] = std::string(TaxPathName(result.path));
  out["date"] = result.date.ToIso();
  out["rates_version"] = result.rates_version;
  out["declared_tax_fen"] =
      result.declared_tax_fen ? Json(*result.declared_tax_fen) : Json(nullptr);
  out["difference_fen"] =
      result.declared_tax_fen ? Json(*result.declared_tax_fen - result.total_fen) : Json(nullptr);
  Json order = Json::object();
  order["goods_value_fen"] = result.goods_value_fen;
  order["freight_fen"] = result.freight_fen;
  order["insurance_fen"] = result.insurance_fen;
  order["discount_fen"] = result.discount_fen;
  PutAmounts(order, result.dutiable_fen, result.duty_fen, result.ct_fen, result.vat_fen,
             result.total_fen);
  out["order"] = std::move(order);
  Json lines = Json::array();
  for (size_t i = 0; i < result.lines.size(); ++i) {
    const LineTax& l = result.lines[i];
    Json j = Json::object();
    j["gnum"] = static_cast<int64_t>(i + 1);
    j["code"] = l.code;
    j["goods_value_fen"] = l.goods_value_fen;
    j["freight_share_fen"] = l.freight_fen;
    j["insurance_share_fen"] = l.insurance_fen;
    j["discount_share_fen"] = l.discount_fen;
    PutAmounts(j, l.dutiable_fen, l.duty_fen, l.ct_fen, l.vat_fen, l.total_fen);
    j["ct_applies"] = l.ct_applies;
    j["rate"] = l.rate ? RateToJson(*l.rate) : Json(nullptr);
    lines.push_back(std::move(j));
  }
  out["lines"] = std::move(lines);
  out["findings"] = FindingsToJson(result.findings);
  return out;
}

}  // namespace core
