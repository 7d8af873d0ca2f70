// Text-in, text-out entry points shared by the server and the WebAssembly page: parse the
// request, run the core, serialise deterministically (sorted keys, no floats). Pure.
#include "core/verdict_api.h"

#include "core/admission.h"
#include "core/goods.h"
#include "core/ids.h"
#include "core/quota.h"
#include "core/tax.h"
#include "field_reader.h"
#include "internal/api_common.h"

namespace core {
namespace {

using internal::Member;
using internal::ReadBool;
using internal::ReadDate;
using internal::ReadString;

constexpr size_t kMaxOtherFilings = 10000;

// A required sub-object of the request, e.g. "application".
StatusOr<const Json*> RequiredObject(const Json& doc, std::string_view key) {
  const Json* v = Member(doc, key);
  if (v == nullptr) return internal::FieldError(key, "is required");
  if (!v->is_object()) return internal::FieldError(key, "must be an object");
  return v;
}

// Errors from the nested parsers name paths relative to their object; say which object.
Status Nested(const Status& s, std::string_view object) {
  const std::string& m = s.message();
  const std::string prefix = "field '";
  if (m.rfind(prefix, 0) == 0) {
    return Status(s.code(), prefix + std::string(object) + "." + m.substr(prefix.size()));
  }
  return Status(s.code(), std::string(object) + ": " + m);
}

StatusOr<std::string> AdmissionImpl(std::string_view request, const ReferenceTables& tables,
                                    const Policy& policy) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_ASSIGN_OR_RETURN(const Json* app_json, RequiredObject(doc, "application"));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date, ReadDate(doc, "decision_date", "", true));
  StatusOr<EnterpriseApplication> app = ApplicationFromJson(*app_json);
  if (!app.ok()) return Nested(app.status(), "application");
  return DumpJson(AdmissionVerdictToJson(EvaluateAdmission(*app, *date, tables, policy)));
}

StatusOr<std::vector<OtherFiling>> OtherFilingsFromJson(const Json& doc) {
  std::vector<OtherFiling> out;
  const Json* arr = Member(doc, "other_filings");
  if (arr == nullptr) return out;
  if (!arr->is_array()) return internal::FieldError("other_filings", "must be an array");
  if (arr->size() > kMaxOtherFilings) {
    return internal::FieldError("other_filings",
                                "has more than " + std::to_string(kMaxOtherFilings) + " items");
  }
  for (size_t i = 0; i < arr->size(); ++i) {
    const std::string path = internal::IndexPath("other_filings", i);
    const Json& item = (*arr)[i];
    CORE_RETURN_IF_ERROR(internal::ExpectObject(item, path));
    OtherFiling o;
    CORE_ASSIGN_OR_RETURN(o.name, ReadString(item, "name", path, 200, false));
    CORE_ASSIGN_OR_RETURN(o.code10, ReadString(item, "code10", path, 200, false));
    out.push_back(std::move(o));
  }
  return out;
}

StatusOr<std::string> GoodsImpl(std::string_view request, const ReferenceTables& tables,
                                const Policy& policy) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_ASSIGN_OR_RETURN(const Json* filing_json, RequiredObject(doc, "filing"));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date, ReadDate(doc, "decision_date", "", true));
  CORE_ASSIGN_OR_RETURN(std::vector<OtherFiling> others, OtherFilingsFromJson(doc));
  StatusOr<GoodsFiling> filing = GoodsFilingFromJson(*filing_json);
  if (!filing.ok()) return Nested(filing.status(), "filing");
  GoodsVerdict v = EvaluateGoods(*filing, *date, others, tables, policy);
  return DumpJson(GoodsVerdictToJson(v));
}

StatusOr<std::string> IdentifierImpl(std::string_view request, const ReferenceTables& tables,
                                     const Policy& policy) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_ASSIGN_OR_RETURN(std::string kind, ReadString(doc, "kind", "", 40, true));
  CORE_ASSIGN_OR_RETURN(std::string value, ReadString(doc, "value", "", 200, false));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date, ReadDate(doc, "date", "", false));
  CORE_ASSIGN_OR_RETURN(
      bool lenient, ReadBool(doc, "lenient", "", policy.admission.uscc_mode == UsccMode::kLenient));
  const DivisionTable* divisions = tables.divisions.size() > 0 ? &tables.divisions : nullptr;
  IdCheck check;
  if (kind == "resident_id") {
    check = CheckResidentId(value, divisions, date);
  } else if (kind == "uscc") {
    check = CheckUscc(value, lenient ? UsccMode::kLenient : UsccMode::kStrict, divisions);
  } else if (kind == "customs_code") {
    check = CheckCustomsCode(value, divisions);
  } else if (kind == "commodity_code") {
    const Hs8Catalog* catalog = tables.hs8.size() > 0 ? &tables.hs8 : nullptr;
    // Year 0 = the catalogue's newest year (what "today" means when no date is given).
    const int year = date ? date->year() : 0;
    check = CheckCommodityCode(value, catalog, year);
  } else {
    return internal::FieldError("kind",
                                "must be resident_id, uscc, customs_code or commodity_code");
  }
  Json out = Json::object();
  out["valid"] = check.valid;
  out["normalized"] = check.normalized;
  out["findings"] = FindingsToJson(check.findings);
  Json details = Json::object();
  for (const auto& [k, v] : check.details) details[k] = v;
  out["details"] = std::move(details);
  return DumpJson(out);
}

StatusOr<std::string> TaxImpl(std::string_view request, const ReferenceTables& tables) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_RETURN_IF_ERROR(internal::RejectUnknownKeys(doc, {"order"}, ""));
  CORE_ASSIGN_OR_RETURN(const Json* order_json, RequiredObject(doc, "order"));
  StatusOr<TaxOrderInput> order = TaxOrderFromJson(*order_json);
  if (!order.ok()) return Nested(order.status(), "order");
  return DumpJson(TaxResultToJson(ComputeTax(*order, tables.tax_rates)));
}

StatusOr<std::string> QuotaImpl(std::string_view request, const ReferenceTables& tables,
                                const Policy& policy) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_RETURN_IF_ERROR(internal::RejectUnknownKeys(doc, {"order", "return"}, ""));
  const bool has_order = Member(doc, "order") != nullptr;
  if (has_order == (Member(doc, "return") != nullptr)) {
    return InvalidArgumentError("the request needs exactly one of 'order' and 'return'");
  }
  if (!has_order) {
    CORE_ASSIGN_OR_RETURN(const Json* ret_json, RequiredObject(doc, "return"));
    CORE_ASSIGN_OR_RETURN(ReturnInput ret, ReturnFromJson(*ret_json));
    return DumpJson(ReturnVerdictToJson(EvaluateReturn(ret)));
  }
  CORE_ASSIGN_OR_RETURN(const Json* order_json, RequiredObject(doc, "order"));
  StatusOr<QuotaOrderInput> order = QuotaOrderFromJson(*order_json);
  if (!order.ok()) return Nested(order.status(), "order");
  return DumpJson(QuotaVerdictToJson(CheckQuota(*order, tables.positive_list, policy)));
}

std::string OrError(const StatusOr<std::string>& result) {
  return result.ok() ? *result : internal::ErrorResponseJson(result.status());
}

}  // namespace

std::string EvaluateAdmissionJson(std::string_view request, const ReferenceTables& tables,
                                  const Policy& policy) {
  return OrError(AdmissionImpl(request, tables, policy));
}

std::string EvaluateGoodsJson(std::string_view request, const ReferenceTables& tables,
                              const Policy& policy) {
  return OrError(GoodsImpl(request, tables, policy));
}

std::string CheckIdentifierJson(std::string_view request, const ReferenceTables& tables,
                                const Policy& policy) {
  return OrError(IdentifierImpl(request, tables, policy));
}

std::string ComputeTaxJson(std::string_view request, const ReferenceTables& tables) {
  return OrError(TaxImpl(request, tables));
}

std::string CheckQuotaJson(std::string_view request, const ReferenceTables& tables,
                           const Policy& policy) {
  return OrError(QuotaImpl(request, tables, policy));
}

}  // namespace core
