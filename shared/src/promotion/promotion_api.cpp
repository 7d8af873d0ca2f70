// The promotion entry points: PromotionCheckJson (declared lines, or a new filing) and
// PromotionSummaryJson. Parse, bound the totals, evaluate, serialise. Pure.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "../ledger/fields.h"
#include "../tax/tax_common.h"
#include "core/ledger_api.h"
#include "core/promotion.h"
#include "core/tax.h"  // Int128

namespace core {
namespace {

using internal::FieldError;
using internal::IndexPath;
using internal::Member;
using internal::ReadArray;
using internal::ReadDate;
using internal::ReadFen;
using internal::ReadString;
using internal::RejectUnknownKeys;

constexpr size_t kMaxFilings = 10000;
constexpr size_t kMaxNormalPrices = 100000;
constexpr size_t kMaxLines = 50000;

StatusOr<std::vector<PromotionFiling>> ReadFilings(const Json& doc, bool required) {
  std::vector<PromotionFiling> out;
  CORE_ASSIGN_OR_RETURN(const Json* arr, ReadArray(doc, "filings", "", kMaxFilings, required));
  std::set<std::string> ids;
  for (size_t i = 0; arr != nullptr && i < arr->size(); ++i) {
    const std::string path = IndexPath("filings", i);
    CORE_ASSIGN_OR_RETURN(PromotionFiling f, PromotionFilingFromJson((*arr)[i], path));
    if (!ids.insert(f.id).second) return FieldError(path + ".id", "repeats '" + f.id + "'");
    out.push_back(std::move(f));
  }
  return out;
}

StatusOr<std::vector<NormalPrice>> ReadNormalPrices(const Json& doc) {
  std::vector<NormalPrice> out;
  CORE_ASSIGN_OR_RETURN(const Json* arr,
                        ReadArray(doc, "normal_prices", "", kMaxNormalPrices, false));
  std::set<std::string> skus;
  for (size_t i = 0; arr != nullptr && i < arr->size(); ++i) {
    const std::string path = IndexPath("normal_prices", i);
    const Json& j = (*arr)[i];
    CORE_RETURN_IF_ERROR(internal::ExpectObject(j, path));
    CORE_RETURN_IF_ERROR(RejectUnknownKeys(j, {"sku", "price_fen"}, path));
    NormalPrice p;
    CORE_ASSIGN_OR_RETURN(p.sku, ReadString(j, "sku", path, 64, true));
    CORE_ASSIGN_OR_RETURN(p.price_fen, ReadFen(j, "price_fen", path, true));
    if (p.price_fen == 0) return FieldError(path + ".price_fen", "must be above zero");
    if (!skus.insert(p.sku).second) return FieldError(path + ".sku", "repeats '" + p.sku + "'");
    out.push_back(std::move(p));
  }
  return out;
}

// The lines; with quantities, their totals are bounded so the summary's sums stay exact.
StatusOr<std::vector<PriceLine>> ReadLines(const Json& doc, bool with_qty) {
  std::vector<PriceLine> out;
  CORE_ASSIGN_OR_RETURN(const Json* arr, ReadArray(doc, "lines", "", kMaxLines, true));
  Int128 qty = 0;
  Int128 value_fen_e5 = 0;
  for (size_t i = 0; i < arr->size(); ++i) {
    CORE_ASSIGN_OR_RETURN(PriceLine l,
                          PriceLineFromJson((*arr)[i], IndexPath("lines", i), with_qty));
    qty += l.qty.e5;
    value_fen_e5 += static_cast<Int128>(l.price_fen) * l.qty.e5;
    if (qty > kMaxQtyE5 || value_fen_e5 > static_cast<Int128>(kMaxFen) * Qty::kScale) {
      return FieldError(IndexPath("lines", i),
                        "takes the lines' total quantity or value out of range");
    }
    out.push_back(std::move(l));
  }
  return out;
}

StatusOr<std::string> CheckImpl(std::string_view request, const Policy& policy) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(
      doc, {"enterprise_code", "filings", "normal_prices", "lines", "filing"}, ""));
  CORE_ASSIGN_OR_RETURN(std::string enterprise, ReadString(doc, "enterprise_code", "", 64, true));
  CORE_ASSIGN_OR_RETURN(std::vector<PromotionFiling> filings, ReadFilings(doc, false));
  CORE_ASSIGN_OR_RETURN(std::vector<NormalPrice> normal, ReadNormalPrices(doc));
  const Json* filing = Member(doc, "filing");
  if ((filing != nullptr) == (Member(doc, "lines") != nullptr)) {
    return InvalidArgumentError("the request needs either \"lines\" or \"filing\"");
  }
  if (filing != nullptr) {
    CORE_ASSIGN_OR_RETURN(PromotionFiling f, PromotionFilingFromJson(*filing, "filing"));
    if (f.enterprise_code != enterprise) {
      return FieldError("filing.enterprise_code", "is not the request's enterprise_code");
    }
    return DumpJson(PromotionCheckToJson(CheckFiling(f, filings, normal)));
  }
  CORE_ASSIGN_OR_RETURN(std::vector<PriceLine> lines, ReadLines(doc, false));
  return DumpJson(
      PromotionCheckToJson(CheckPriceLines(enterprise, filings, normal, lines, policy)));
}

StatusOr<std::string> SummaryImpl(std::string_view request) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_RETURN_IF_ERROR(
      RejectUnknownKeys(doc, {"enterprise_code", "filings", "lines", "decision_date"}, ""));
  CORE_ASSIGN_OR_RETURN(std::string enterprise, ReadString(doc, "enterprise_code", "", 64, true));
  CORE_ASSIGN_OR_RETURN(std::vector<PromotionFiling> filings, ReadFilings(doc, true));
  CORE_ASSIGN_OR_RETURN(std::vector<PriceLine> lines, ReadLines(doc, true));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date, ReadDate(doc, "decision_date", "", true));
  return DumpJson(PromotionSummaryToJson(SummarisePromotions(enterprise, filings, lines, *date)));
}

}  // namespace

std::string PromotionCheckJson(std::string_view request, const Policy& policy) {
  return internal::Respond(CheckImpl(request, policy));
}

std::string PromotionSummaryJson(std::string_view request) {
  return internal::Respond(SummaryImpl(request));
}

}  // namespace core
