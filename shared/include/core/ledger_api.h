// Text-in, text-out entry points of the ledger, gate and promotion checks, for the server and
// the WebAssembly page alike (same request, byte-identical result; the browser's ledger view
// runs these over the entries the API returns). Each returns the result JSON or
// {"error":{"code":"invalid_argument","message":"field '...' ..."}} for malformed JSON, an
// unknown top-level key, or a field the codecs of ledger.h, gate.h and promotion.h refuse. Pure.
#pragma once

#include <string>
#include <string_view>

#include "core/policy.h"

namespace core {

// {"ledger": {...}, "date"?: "YYYY-MM-DD", "counterparts"?: [ledger, ...]}
// -> {"outcome": "consistent"|"inconsistent", "ems_no", "date": date|null,
//     "balances": [SkuBalanceToJson, ...] (BalancesAt, by SKU),
//     "findings": AuditLedger up to the date (inconsistent when any is an error)}.
std::string LedgerBalancesJson(std::string_view request);

// {"ledger": {...}, "as_of"?: date, and either "sku" + "unit": n (the n-th unit out, from 1)
// or "entry_id"} -> LedgerTraceToJson.
std::string LedgerTraceJson(std::string_view request);

// {"ledger": {...}, "counterparts"?: [ledger, ...], "pending": entry ("seq" optional: after
// the day's last)} -> PendingCheckToJson. Nothing is stored.
std::string LedgerWhatIfJson(std::string_view request);

// {"vehicles": [...], "pass": {...}, "event": {...}, "lists": [...]} (gate.h) -> gate verdict
// JSON, with the policy's gate_weight_tolerance_bp.
std::string GateCheckJson(std::string_view request, const Policy& policy);

// {"enterprise_code", "filings": [...], "normal_prices"?: [...], and either "lines": [...]
// (each checked) or "filing": {...} (a new filing checked against the others)} (promotion.h)
// -> the check JSON, with the policy's price_tolerance_bp.
std::string PromotionCheckJson(std::string_view request, const Policy& policy);

// {"enterprise_code", "filings": [...], "lines": [...] (with qty), "decision_date"}
// -> the summary per promotion (promotion.h).
std::string PromotionSummaryJson(std::string_view request);

}  // namespace core
