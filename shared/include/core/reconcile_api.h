// Text-in, text-out entry point of the three-document reconciliation, for the server and the
// WebAssembly page alike (same request, byte-identical result). Pure.
#pragma once

#include <string>
#include <string_view>

#include "core/catalog.h"

namespace core {

// Request:
//   {"order": {"OrderHead": {...}, "OrderList": [...]},        (each document optional;
//    "payment": {"PaymentHead": {...}},                          JSON forms of messages.h)
//    "waybill": {"LogisticsHead": {...}},
//    "inventory": {"InventoryHead": {...}, "InventoryList": [...]},
//    "decision_date": "YYYY-MM-DD",                              (required)
//    "filed_goods": [{"ebcCode": "...", "code10": "...",
//                     "outcome": "admitted"|"review"|"rejected"}]}   (optional)
// Result: ReconcileResultToJson (reconcile.h), using tables.positive_list and tables.divisions
// (empty tables count as not loaded). Errors: {"error": {"code": "invalid_argument",
// "message": "field 'inventory.InventoryList[0].qty' ..."}} for malformed JSON, a document
// that fails the messages.h codec, a bad date, or a malformed filed_goods entry.
std::string ReconcileJson(std::string_view request, const ReferenceTables& tables);

}  // namespace core
