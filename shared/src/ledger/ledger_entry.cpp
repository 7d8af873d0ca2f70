// Ledger entries: kind names, direction, and the shape every entry of a kind must have. Pure.
#include <string>

#include "../api/field_reader.h"
#include "core/ledger.h"

namespace core {
namespace {

using internal::FieldError;
using internal::FieldPath;

struct KindName {
  LedgerEntryKind kind;
  std::string_view name;
};

constexpr KindName kKindNames[] = {
    {LedgerEntryKind::kFirstLineIn, "first_line_in"}, {LedgerEntryKind::kReleaseOut, "release_out"},
    {LedgerEntryKind::kTransferOut, "transfer_out"},  {LedgerEntryKind::kTransferIn, "transfer_in"},
    {LedgerEntryKind::kAdjustment, "adjustment"},     {LedgerEntryKind::kReturnIn, "return_in"},
};

Status RequireText(const std::string& value, std::string_view path, std::string_view key) {
  if (value.empty()) return FieldError(FieldPath(path, key), "is required");
  return OkStatus();
}

}  // namespace

std::string_view LedgerEntryKindName(LedgerEntryKind kind) {
  for (const KindName& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "adjustment";
}

std::optional<LedgerEntryKind> LedgerEntryKindFromName(std::string_view name) {
  for (const KindName& k : kKindNames) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

bool IsDebit(const LedgerEntry& entry) {
  switch (entry.kind) {
    case LedgerEntryKind::kReleaseOut:
    case LedgerEntryKind::kTransferOut:
      return true;
    case LedgerEntryKind::kAdjustment:
      return entry.decrease;
    case LedgerEntryKind::kFirstLineIn:
    case LedgerEntryKind::kTransferIn:
    case LedgerEntryKind::kReturnIn:
      return false;
  }
  return false;
}

Status CheckLedgerEntryShape(const LedgerEntry& e, std::string_view path) {
  CORE_RETURN_IF_ERROR(RequireText(e.id, path, "id"));
  CORE_RETURN_IF_ERROR(RequireText(e.sku, path, "sku"));
  CORE_RETURN_IF_ERROR(RequireText(e.code10, path, "code10"));
  CORE_RETURN_IF_ERROR(RequireText(e.unit, path, "unit"));
  if (e.seq < 0) return FieldError(FieldPath(path, "seq"), "must not be negative");
  if (e.qty.e5 <= 0) return FieldError(FieldPath(path, "qty"), "must be above zero");
  if (e.qty.e5 > kMaxLedgerQtyE5) {
    return FieldError(FieldPath(path, "qty"), "is above 1000000000 units");
  }
  switch (e.kind) {
    case LedgerEntryKind::kFirstLineIn:
      return RequireText(e.entry_no, path, "entry_no");
    case LedgerEntryKind::kReleaseOut:
    case LedgerEntryKind::kReturnIn:
      CORE_RETURN_IF_ERROR(RequireText(e.invt_no, path, "invt_no"));
      if (e.gnum < 1) return FieldError(FieldPath(path, "gnum"), "must be 1 or more");
      return OkStatus();
    case LedgerEntryKind::kTransferOut:
    case LedgerEntryKind::kTransferIn:
      CORE_RETURN_IF_ERROR(RequireText(e.transfer_id, path, "transfer_id"));
      return RequireText(e.counterpart_ems_no, path, "counterpart_ems_no");
    case LedgerEntryKind::kAdjustment:
      return RequireText(e.reason, path, "reason");
  }
  return OkStatus();
}

}  // namespace core
