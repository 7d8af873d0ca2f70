// Text-in, text-out entry points: what the server and the WebAssembly page both call, so that the
// two reach byte-identical verdict JSON. Each returns either the verdict JSON or
// {"error":{"code":"invalid_argument","message":...}}. Pure.
#pragma once

#include <string>
#include <string_view>

#include "core/catalog.h"
#include "core/policy.h"

namespace core {

// {"application": {...}, "decision_date": "YYYY-MM-DD"} -> admission verdict JSON.
std::string EvaluateAdmissionJson(std::string_view request, const ReferenceTables& tables,
                                  const Policy& policy);

// {"filing": {...}, "decision_date": "YYYY-MM-DD", "other_filings": [{"name","code10"}]}
// -> goods verdict JSON.
std::string EvaluateGoodsJson(std::string_view request, const ReferenceTables& tables,
                              const Policy& policy);

// {"kind": "resident_id"|"uscc"|"customs_code"|"commodity_code", "value": "...",
//  "date": "YYYY-MM-DD" (optional; resident_id birth check, commodity_code year),
//  "lenient": true|false (uscc; default from policy)} -> {"valid","normalized","findings",
//  "details"}.
std::string CheckIdentifierJson(std::string_view request, const ReferenceTables& tables,
                                const Policy& policy);

// {"order": {...}} (TaxOrderFromJson, core/tax.h) -> tax result JSON (TaxResultToJson), with the
// rates of tables.tax_rates.
std::string ComputeTaxJson(std::string_view request, const ReferenceTables& tables);

// {"order": {...}} (QuotaOrderFromJson, core/quota.h) -> quota verdict JSON, with the limits of
// policy and the caps of tables.positive_list; or {"return": {...}} (ReturnFromJson) -> return
// verdict JSON. Exactly one of the two.
std::string CheckQuotaJson(std::string_view request, const ReferenceTables& tables,
                           const Policy& policy);

}  // namespace core
