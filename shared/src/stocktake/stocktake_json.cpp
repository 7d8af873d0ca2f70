// Stocktakes as JSON: the input read field by field (errors name the path), the result written
// in full. Pure.
#include <string>

#include "../ledger/fields.h"
#include "core/stocktake.h"

namespace core {
namespace {

using internal::ExpectObject;
using internal::FieldError;
using internal::FieldPath;
using internal::IndexPath;
using internal::Member;
using internal::ReadArray;
using internal::ReadDate;
using internal::ReadQty;
using internal::ReadString;

constexpr size_t kMaxCounts = 20000;

Json OptionalQty(const std::optional<Qty>& q) { return q ? Json(FormatQty(*q)) : Json(); }

}  // namespace

StatusOr<StocktakeInput> StocktakeInputFromJson(const Json& obj, std::string_view path) {
  CORE_RETURN_IF_ERROR(ExpectObject(obj, path));
  StocktakeInput in;
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date, ReadDate(obj, "date", path, true));
  in.date = *date;
  CORE_ASSIGN_OR_RETURN(std::string method, ReadString(obj, "method", path, 32, true));
  std::optional<StocktakeMethod> m = StocktakeMethodFromName(method);
  if (!m) {
    return FieldError(FieldPath(path, "method"), "must be electronic, self_count or third_party");
  }
  in.method = *m;
  CORE_ASSIGN_OR_RETURN(const Json* counts, ReadArray(obj, "counts", path, kMaxCounts, true));
  for (size_t i = 0; i < counts->size(); ++i) {
    const std::string at = IndexPath(FieldPath(path, "counts"), i);
    const Json& c = (*counts)[i];
    CORE_RETURN_IF_ERROR(ExpectObject(c, at));
    StocktakeCount count;
    CORE_ASSIGN_OR_RETURN(count.sku, ReadString(c, "sku", at, 64, true));
    CORE_ASSIGN_OR_RETURN(std::optional<Qty> counted, ReadQty(c, "counted", at, true));
    count.counted = *counted;
    CORE_ASSIGN_OR_RETURN(count.recounted, ReadQty(c, "recounted", at, false));
    in.counts.push_back(std::move(count));
  }
  if (const Json* values = Member(obj, "unit_values"); values != nullptr) {
    const std::string at = FieldPath(path, "unit_values");
    if (!values->is_object()) return FieldError(at, "must be an object {sku: fen}");
    for (const auto& [sku, v] : values->items()) {
      if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > kMaxFen) {
        return FieldError(FieldPath(at, sku), "must be an amount in fen");
      }
      in.unit_values[sku] = v.get<int64_t>();
    }
  }
  return in;
}

Json StocktakeInputToJson(const StocktakeInput& in) {
  Json counts = Json::array();
  for (const StocktakeCount& c : in.counts) {
    Json j = {{"sku", c.sku}, {"counted", FormatQty(c.counted)}};
    if (c.recounted) j["recounted"] = FormatQty(*c.recounted);
    counts.push_back(std::move(j));
  }
  Json values = Json::object();
  for (const auto& [sku, v] : in.unit_values) values[sku] = v;
  return {{"date", in.date.ToIso()},
          {"method", std::string(StocktakeMethodName(in.method))},
          {"counts", std::move(counts)},
          {"unit_values", std::move(values)}};
}

Json StocktakeResultToJson(const StocktakeResult& r) {
  Json lines = Json::array();
  for (const StocktakeLine& l : r.lines) {
    lines.push_back({{"sku", l.sku},
                     {"code10", l.code10},
                     {"unit", l.unit},
                     {"book", FormatQty(l.book)},
                     {"counted", OptionalQty(l.counted)},
                     {"recounted", OptionalQty(l.recounted)},
                     {"accepted", l.counted ? Json(FormatQty(l.accepted)) : Json()},
                     {"difference", l.counted ? Json(FormatQty(l.difference)) : Json()},
                     {"status", l.status},
                     {"unit_value_fen", l.unit_value_fen ? Json(*l.unit_value_fen) : Json()},
                     {"shortage_value_fen", l.shortage_value_fen},
                     {"tax_fen", l.tax_fen}});
  }
  return {{"outcome", r.outcome},
          {"shortage_action", r.shortage_action},
          {"lines", std::move(lines)},
          {"shortage_value_fen", r.shortage_value_fen},
          {"duty_fen", r.duty_fen},
          {"vat_fen", r.vat_fen},
          {"ct_fen", r.ct_fen},
          {"tax_fen", r.tax_fen},
          {"findings", FindingsToJson(r.findings)}};
}

std::string StocktakeCompareJson(std::string_view request, const TaxRateTable& rates,
                                 const Policy& policy) {
  auto compare = [&]() -> StatusOr<std::string> {
    CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
    CORE_RETURN_IF_ERROR(internal::RejectUnknownKeys(doc, {"ledger", "stocktake"}, ""));
    const Json* ledger_json = Member(doc, "ledger");
    if (ledger_json == nullptr) return FieldError("ledger", "is required");
    CORE_ASSIGN_OR_RETURN(Ledger ledger, LedgerFromJson(*ledger_json, "ledger"));
    const Json* stocktake = Member(doc, "stocktake");
    if (stocktake == nullptr) return FieldError("stocktake", "is required");
    CORE_ASSIGN_OR_RETURN(StocktakeInput in, StocktakeInputFromJson(*stocktake, "stocktake"));
    CORE_ASSIGN_OR_RETURN(StocktakeResult r, CompareStocktake(ledger, in, rates, policy));
    return DumpJson(StocktakeResultToJson(r));
  };
  return internal::Respond(compare());
}

}  // namespace core
