// The ledger's JSON: entries and ledgers read strictly (exact quantities as CEB text, the
// fields of each kind required), balances, traces and pending checks written
// deterministically. Pure.
#include <string>
#include <utility>

#include "core/ledger.h"
#include "fields.h"
#include "internal/text_fields.h"

namespace core {
namespace {

using internal::ExpectObject;
using internal::FieldError;
using internal::FieldPath;
using internal::IndexPath;
using internal::Member;
using internal::ReadArray;
using internal::ReadDate;
using internal::ReadInt;
using internal::ReadQty;
using internal::ReadString;

constexpr size_t kMaxId = 64;
constexpr size_t kMaxText = 200;
constexpr int64_t kMaxSeq = 1'000'000'000'000;
constexpr int64_t kMaxGnum = 100'000;

Status ReadKindFields(const Json& obj, std::string_view path, LedgerEntry& e) {
  switch (e.kind) {
    case LedgerEntryKind::kFirstLineIn: {
      CORE_ASSIGN_OR_RETURN(e.entry_no, ReadString(obj, "entry_no", path, kMaxId, true));
      return OkStatus();
    }
    case LedgerEntryKind::kReleaseOut:
    case LedgerEntryKind::kReturnIn: {
      CORE_ASSIGN_OR_RETURN(e.invt_no, ReadString(obj, "invt_no", path, kMaxId, true));
      CORE_ASSIGN_OR_RETURN(auto gnum, ReadInt(obj, "gnum", path, 1, kMaxGnum, true));
      e.gnum = static_cast<int>(*gnum);
      return OkStatus();
    }
    case LedgerEntryKind::kTransferOut:
    case LedgerEntryKind::kTransferIn: {
      CORE_ASSIGN_OR_RETURN(e.transfer_id, ReadString(obj, "transfer_id", path, kMaxId, true));
      CORE_ASSIGN_OR_RETURN(e.counterpart_ems_no,
                            ReadString(obj, "counterpart_ems_no", path, kMaxId, true));
      return OkStatus();
    }
    case LedgerEntryKind::kAdjustment: {
      CORE_ASSIGN_OR_RETURN(std::string direction,
                            ReadString(obj, "direction", path, kMaxId, true));
      if (direction != "increase" && direction != "decrease") {
        return FieldError(FieldPath(path, "direction"), "must be increase or decrease");
      }
      e.decrease = direction == "decrease";
      CORE_ASSIGN_OR_RETURN(e.reason, ReadString(obj, "reason", path, kMaxText, true));
      return OkStatus();
    }
  }
  return OkStatus();
}

std::string_view Outcome(const PendingCheck& c) { return c.accepted ? "accepted" : "refused"; }

Json OptionalEntry(const std::optional<LedgerEntry>& e) {
  return e ? LedgerEntryToJson(*e) : Json(nullptr);
}

}  // namespace

StatusOr<LedgerEntry> LedgerEntryFromJson(const Json& obj, std::string_view path,
                                          bool seq_optional) {
  CORE_RETURN_IF_ERROR(ExpectObject(obj, path));
  LedgerEntry e;
  CORE_ASSIGN_OR_RETURN(e.id, ReadString(obj, "id", path, kMaxId, true));
  CORE_ASSIGN_OR_RETURN(std::string kind, ReadString(obj, "kind", path, kMaxId, true));
  std::optional<LedgerEntryKind> k = LedgerEntryKindFromName(kind);
  if (!k) {
    return FieldError(FieldPath(path, "kind"),
                      "must be first_line_in, release_out, transfer_out, transfer_in, "
                      "adjustment or return_in");
  }
  e.kind = *k;
  CORE_ASSIGN_OR_RETURN(std::optional<Date> date, ReadDate(obj, "date", path, true));
  e.date = *date;
  CORE_ASSIGN_OR_RETURN(auto seq, ReadInt(obj, "seq", path, 0, kMaxSeq, !seq_optional));
  e.seq = seq.value_or(-1);
  CORE_ASSIGN_OR_RETURN(e.sku, ReadString(obj, "sku", path, kMaxId, true));
  CORE_ASSIGN_OR_RETURN(e.item_no, ReadString(obj, "item_no", path, kMaxId, false));
  CORE_ASSIGN_OR_RETURN(e.code10, ReadString(obj, "code10", path, 10, true));
  if (e.code10.size() != 10 || !internal::IsAsciiDigits(e.code10)) {
    return FieldError(FieldPath(path, "code10"), "must be 10 digits");
  }
  CORE_ASSIGN_OR_RETURN(std::optional<Qty> qty, ReadQty(obj, "qty", path, true));
  e.qty = *qty;
  CORE_ASSIGN_OR_RETURN(e.unit, ReadString(obj, "unit", path, 20, true));
  CORE_RETURN_IF_ERROR(ReadKindFields(obj, path, e));
  LedgerEntry shape = e;
  if (shape.seq < 0) shape.seq = 0;  // placed by the caller
  CORE_RETURN_IF_ERROR(CheckLedgerEntryShape(shape, path));
  return e;
}

Json LedgerEntryToJson(const LedgerEntry& e) {
  Json j = Json::object();
  j["id"] = e.id;
  j["kind"] = std::string(LedgerEntryKindName(e.kind));
  j["date"] = e.date.ToIso();
  j["seq"] = e.seq;
  j["sku"] = e.sku;
  j["item_no"] = e.item_no;
  j["code10"] = e.code10;
  j["qty"] = FormatQty(e.qty);
  j["unit"] = e.unit;
  switch (e.kind) {
    case LedgerEntryKind::kFirstLineIn:
      j["entry_no"] = e.entry_no;
      break;
    case LedgerEntryKind::kReleaseOut:
    case LedgerEntryKind::kReturnIn:
      j["invt_no"] = e.invt_no;
      j["gnum"] = e.gnum;
      break;
    case LedgerEntryKind::kTransferOut:
    case LedgerEntryKind::kTransferIn:
      j["transfer_id"] = e.transfer_id;
      j["counterpart_ems_no"] = e.counterpart_ems_no;
      break;
    case LedgerEntryKind::kAdjustment:
      j["direction"] = e.decrease ? "decrease" : "increase";
      j["reason"] = e.reason;
      break;
  }
  return j;
}

StatusOr<Ledger> LedgerFromJson(const Json& obj, std::string_view path) {
  CORE_RETURN_IF_ERROR(ExpectObject(obj, path));
  CORE_ASSIGN_OR_RETURN(std::string ems_no, ReadString(obj, "ems_no", path, kMaxId, true));
  CORE_ASSIGN_OR_RETURN(std::string enterprise,
                        ReadString(obj, "enterprise_code", path, kMaxId, false));
  const std::string entries_path = FieldPath(path, "entries");
  CORE_ASSIGN_OR_RETURN(const Json* arr, ReadArray(obj, "entries", path, kMaxLedgerEntries, true));
  std::vector<LedgerEntry> entries;
  entries.reserve(arr->size());
  for (size_t i = 0; i < arr->size(); ++i) {
    CORE_ASSIGN_OR_RETURN(LedgerEntry e,
                          LedgerEntryFromJson((*arr)[i], IndexPath(entries_path, i)));
    entries.push_back(std::move(e));
  }
  StatusOr<Ledger> ledger =
      Ledger::Build(std::move(ems_no), std::move(enterprise), std::move(entries));
  if (!ledger.ok() && !path.empty()) {
    // Build names fields from the ledger down ("entries[3].seq"); put the ledger's path first.
    const std::string m = ledger.status().message();
    const std::string prefix = "field '";
    if (m.rfind(prefix, 0) == 0) {
      return InvalidArgumentError(prefix + std::string(path) + "." + m.substr(prefix.size()));
    }
  }
  return ledger;
}

Json SkuBalanceToJson(const SkuBalance& b) {
  Json j = Json::object();
  j["sku"] = b.sku;
  j["item_no"] = b.item_no;
  j["code10"] = b.code10;
  j["unit"] = b.unit;
  j["in"] = FormatQty(b.in);
  j["out"] = FormatQty(b.out);
  j["balance"] = FormatQty(b.balance);
  j["entries"] = b.entries;
  j["last_date"] = b.last_date.ToIso();
  return j;
}

Json LedgerTraceToJson(const LedgerTrace& t) {
  Json j = Json::object();
  j["outcome"] = t.outcome;
  j["sku"] = t.sku;
  j["unit"] = t.unit > 0 ? Json(t.unit) : Json(nullptr);
  j["entry"] = OptionalEntry(t.subject);
  Json links = Json::array();
  for (const TraceLink& l : t.links) {
    links.push_back(Json{
        {"out", LedgerEntryToJson(l.out)}, {"in", OptionalEntry(l.in)}, {"qty", FormatQty(l.qty)}});
  }
  j["links"] = std::move(links);
  j["remaining"] = t.remaining ? Json(FormatQty(*t.remaining)) : Json(nullptr);
  j["findings"] = FindingsToJson(t.findings);
  return j;
}

Json PendingCheckToJson(const PendingCheck& c) {
  Json j = Json::object();
  j["outcome"] = std::string(Outcome(c));
  j["pending"] = LedgerEntryToJson(c.pending);
  j["sku"] = c.pending.sku;
  j["debit"] = c.debit;
  j["available"] = FormatQty(c.available);
  j["balance_before"] = FormatQty(c.balance_before);
  j["balance_after"] = FormatQty(c.balance_after);
  j["final_before"] = FormatQty(c.final_before);
  j["final_after"] = FormatQty(c.final_after);
  j["lowest_after"] = FormatQty(c.lowest_after);
  j["lowest_after_date"] = c.lowest_after_date.ToIso();
  Json balances = Json::array();
  for (const SkuBalance& b : c.balances) balances.push_back(SkuBalanceToJson(b));
  j["balances"] = std::move(balances);
  j["findings"] = FindingsToJson(c.findings);
  return j;
}

}  // namespace core
