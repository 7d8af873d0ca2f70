// The ledger's text entry points: parse the request, evaluate over the ledger, serialise
// deterministically. Pure.
#include "core/ledger_api.h"

#include <string>
#include <utility>
#include <vector>

#include "core/ledger.h"
#include "fields.h"

namespace core {
namespace {

using internal::FieldError;
using internal::IndexPath;
using internal::Member;
using internal::ReadArray;
using internal::ReadDate;
using internal::ReadInt;
using internal::ReadString;
using internal::RejectUnknownKeys;
using internal::Respond;

constexpr size_t kMaxCounterparts = 20;

StatusOr<Json> ParseRequest(std::string_view request,
                            std::initializer_list<std::string_view> keys) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(doc, keys, ""));
  return doc;
}

StatusOr<Ledger> ReadLedger(const Json& doc) {
  const Json* ledger = Member(doc, "ledger");
  if (ledger == nullptr) return FieldError("ledger", "is required");
  return LedgerFromJson(*ledger, "ledger");
}

StatusOr<std::vector<Ledger>> ReadCounterparts(const Json& doc) {
  std::vector<Ledger> out;
  CORE_ASSIGN_OR_RETURN(const Json* arr,
                        ReadArray(doc, "counterparts", "", kMaxCounterparts, false));
  for (size_t i = 0; arr != nullptr && i < arr->size(); ++i) {
    CORE_ASSIGN_OR_RETURN(Ledger l, LedgerFromJson((*arr)[i], IndexPath("counterparts", i)));
    out.push_back(std::move(l));
  }
  return out;
}

StatusOr<std::string> BalancesImpl(std::string_view request) {
  CORE_ASSIGN_OR_RETURN(Json doc, ParseRequest(request, {"ledger", "date", "counterparts"}));
  CORE_ASSIGN_OR_RETURN(Ledger ledger, ReadLedger(doc));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date, ReadDate(doc, "date", "", false));
  CORE_ASSIGN_OR_RETURN(std::vector<Ledger> counterparts, ReadCounterparts(doc));
  const Findings findings = AuditLedger(ledger, counterparts, date);
  Json out = Json::object();
  out["outcome"] = HasErrors(findings) ? "inconsistent" : "consistent";
  out["ems_no"] = ledger.ems_no();
  out["date"] = date ? Json(date->ToIso()) : Json(nullptr);
  Json balances = Json::array();
  for (const SkuBalance& b : BalancesAt(ledger, date)) balances.push_back(SkuBalanceToJson(b));
  out["balances"] = std::move(balances);
  out["findings"] = FindingsToJson(findings);
  return DumpJson(out);
}

StatusOr<std::string> TraceImpl(std::string_view request) {
  CORE_ASSIGN_OR_RETURN(Json doc,
                        ParseRequest(request, {"ledger", "as_of", "sku", "unit", "entry_id"}));
  CORE_ASSIGN_OR_RETURN(Ledger ledger, ReadLedger(doc));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> as_of, ReadDate(doc, "as_of", "", false));
  const bool by_entry = Member(doc, "entry_id") != nullptr;
  const bool by_unit = Member(doc, "sku") != nullptr || Member(doc, "unit") != nullptr;
  if (by_entry == by_unit) {
    return InvalidArgumentError("the request needs either \"sku\" and \"unit\" or \"entry_id\"");
  }
  if (by_entry) {
    CORE_ASSIGN_OR_RETURN(std::string id, ReadString(doc, "entry_id", "", 64, true));
    return DumpJson(LedgerTraceToJson(TraceEntry(ledger, id, as_of)));
  }
  CORE_ASSIGN_OR_RETURN(std::string sku, ReadString(doc, "sku", "", 64, true));
  CORE_ASSIGN_OR_RETURN(auto unit, ReadInt(doc, "unit", "", 1, kMaxLedgerQtyE5, true));
  return DumpJson(LedgerTraceToJson(TraceUnitOut(ledger, sku, *unit, as_of)));
}

StatusOr<std::string> WhatIfImpl(std::string_view request) {
  CORE_ASSIGN_OR_RETURN(Json doc, ParseRequest(request, {"ledger", "counterparts", "pending"}));
  CORE_ASSIGN_OR_RETURN(Ledger ledger, ReadLedger(doc));
  CORE_ASSIGN_OR_RETURN(std::vector<Ledger> counterparts, ReadCounterparts(doc));
  const Json* pending = Member(doc, "pending");
  if (pending == nullptr) return FieldError("pending", "is required");
  CORE_ASSIGN_OR_RETURN(LedgerEntry entry, LedgerEntryFromJson(*pending, "pending", true));
  CORE_ASSIGN_OR_RETURN(PendingCheck check, CheckPendingEntry(ledger, entry, counterparts));
  return DumpJson(PendingCheckToJson(check));
}

}  // namespace

std::string LedgerBalancesJson(std::string_view request) { return Respond(BalancesImpl(request)); }

std::string LedgerTraceJson(std::string_view request) { return Respond(TraceImpl(request)); }

std::string LedgerWhatIfJson(std::string_view request) { return Respond(WhatIfImpl(request)); }

}  // namespace core
