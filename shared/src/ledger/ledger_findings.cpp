// The ledger's findings, worded once for the audit of a book and the check of a pending entry,
// and the small naming helpers they use. Pure.
#include <string>
#include <utility>

#include "ledger_internal.h"

namespace core::internal {
namespace {

std::string KindZh(LedgerEntryKind kind) {
  switch (kind) {
    case LedgerEntryKind::kFirstLineIn:
      return "一线进境";
    case LedgerEntryKind::kReleaseOut:
      return "清单核放";
    case LedgerEntryKind::kTransferOut:
      return "结转出";
    case LedgerEntryKind::kTransferIn:
      return "结转入";
    case LedgerEntryKind::kAdjustment:
      return "调整";
    case LedgerEntryKind::kReturnIn:
      return "退货入区";
  }
  return "调整";
}

}  // namespace

std::string EntryField(const LedgerEntry& e, std::string_view member) {
  std::string field = "entries[id=" + e.id + "]";
  if (!member.empty()) field += "." + std::string(member);
  return field;
}

std::string QtyWithUnit(Qty q, std::string_view unit) {
  return FormatQty(q) + " " + std::string(unit);
}

Finding NegativeBalanceFinding(const Ledger& ledger, const LedgerEntry& at, Qty available,
                               Qty lowest, const Date& lowest_date, bool pending,
                               std::string field) {
  const std::string avail = QtyWithUnit(available, at.unit);
  const std::string req = QtyWithUnit(at.qty, at.unit);
  const std::string low = QtyWithUnit(lowest, at.unit);
  const std::string where = "账册 " + ledger.ems_no() + " 料号 " + at.sku;
  const std::string where_en = "Ledger " + ledger.ems_no() + " SKU " + at.sku;
  if (pending) {
    return MakeFinding("LEDGER_NEGATIVE_BALANCE", Severity::kError, std::move(field),
                       where + " 于 " + at.date.ToIso() + " 可扣减余额为 " + avail + "，申请扣减 " +
                           req + "，将使 " + lowest_date.ToIso() + " 的余额降为 " + low +
                           "，扣减被拒绝。",
                       where_en + ": " + avail + " available on " + at.date.ToIso() + ", " + req +
                           " requested; the balance would fall to " + low + " on " +
                           lowest_date.ToIso() + ". The debit is refused.");
  }
  return MakeFinding("LEDGER_NEGATIVE_BALANCE", Severity::kError, std::move(field),
                     where + " 于 " + at.date.ToIso() + "（条目 " + at.id + "）扣减 " + req +
                         " 时余额仅 " + avail + "，余额降为 " + low + "。",
                     where_en + ": entry " + at.id + " on " + at.date.ToIso() + " took " + req +
                         " with " + avail + " in stock; the balance fell to " + low + ".");
}

Finding UnknownSkuFinding(const Ledger& ledger, const LedgerEntry& e, std::string field) {
  return MakeFinding("LEDGER_UNKNOWN_SKU", Severity::kError, std::move(field),
                     "账册 " + ledger.ems_no() + " 中没有料号 " + e.sku + " 的任何记录，不能扣减 " +
                         QtyWithUnit(e.qty, e.unit) + "。",
                     "Ledger " + ledger.ems_no() + " has never held SKU " + e.sku + "; " +
                         QtyWithUnit(e.qty, e.unit) + " cannot be debited.");
}

void AppendSkuMismatches(const LedgerEntry& first, const LedgerEntry& e, const std::string& field,
                         Findings& out) {
  if (e.unit != first.unit) {
    out.push_back(MakeFinding("LEDGER_UNIT_MISMATCH", Severity::kError, field + ".unit",
                              "料号 " + e.sku + " 以“" + first.unit + "”记账，条目 " + e.id +
                                  " 使用“" + e.unit + "”，数量无法相加。",
                              "SKU " + e.sku + " is kept in '" + first.unit + "'; entry " + e.id +
                                  " uses '" + e.unit + "', so the quantities cannot be added."));
  }
  if (e.code10 != first.code10) {
    out.push_back(MakeFinding("LEDGER_CODE_MISMATCH", Severity::kWarning, field + ".code10",
                              "料号 " + e.sku + " 的商品编码为 " + first.code10 + "，条目 " + e.id +
                                  " 申报为 " + e.code10 + "。",
                              "SKU " + e.sku + " is filed under " + first.code10 + "; entry " +
                                  e.id + " declares " + e.code10 + "."));
  }
}

Finding DuplicateReleaseFinding(const LedgerEntry& first, const LedgerEntry& e, std::string field) {
  const std::string line = e.invt_no + " 第 " + std::to_string(e.gnum) + " 项";
  const std::string line_en = e.invt_no + " line " + std::to_string(e.gnum);
  return MakeFinding(
      "LEDGER_DUPLICATE_RELEASE", Severity::kError, std::move(field),
      "清单 " + line + " 已由条目 " + first.id + " 核减，条目 " + e.id + " 重复核减。",
      "List " + line_en + " was already debited by entry " + first.id + "; entry " + e.id +
          " debits it again.");
}

std::optional<Finding> ReturnFinding(const LedgerEntry* release, Qty returned_before,
                                     const LedgerEntry& ret, std::string field) {
  const std::string line = ret.invt_no + " 第 " + std::to_string(ret.gnum) + " 项";
  const std::string line_en = ret.invt_no + " line " + std::to_string(ret.gnum);
  if (release == nullptr) {
    return MakeFinding(
        "LEDGER_RETURN_UNMATCHED", Severity::kError, std::move(field) + ".gnum",
        "退货入区条目 " + ret.id + " 对应的清单 " + line + " 未在本账册核减。",
        "Return entry " + ret.id + ": list " + line_en + " was never debited from this ledger.");
  }
  const int64_t left = release->qty.e5 - returned_before.e5;
  if (ret.qty.e5 <= left) return std::nullopt;
  return MakeFinding("LEDGER_RETURN_EXCEEDS_RELEASE", Severity::kError, std::move(field) + ".qty",
                     "退货入区条目 " + ret.id + " 退回 " + QtyWithUnit(ret.qty, ret.unit) +
                         "，清单 " + line + " 核减 " + QtyWithUnit(release->qty, release->unit) +
                         "，尚可退回 " + QtyWithUnit(Qty{left}, ret.unit) + "。",
                     "Return entry " + ret.id + " brings back " + QtyWithUnit(ret.qty, ret.unit) +
                         "; list " + line_en + " took out " +
                         QtyWithUnit(release->qty, release->unit) + ", of which " +
                         QtyWithUnit(Qty{left}, ret.unit) + " may still come back.");
}

Finding DuplicateTransferFinding(const LedgerEntry& first, const LedgerEntry& e,
                                 std::string field) {
  return MakeFinding("LEDGER_TRANSFER_DUPLICATE", Severity::kError, std::move(field),
                     "结转编号 " + e.transfer_id + " 已用于条目 " + first.id + "（" +
                         KindZh(first.kind) + "），条目 " + e.id + " 重复使用。",
                     "Transfer " + e.transfer_id + " is already used by entry " + first.id + " (" +
                         std::string(LedgerEntryKindName(first.kind)) + "); entry " + e.id +
                         " uses it again.");
}

Finding UnpairedTransferFinding(const LedgerEntry& e, std::string field) {
  if (e.kind == LedgerEntryKind::kTransferIn) {
    return MakeFinding("LEDGER_TRANSFER_UNPAIRED", Severity::kError, std::move(field),
                       "结转入条目 " + e.id + "（结转编号 " + e.transfer_id + "）在转出账册 " +
                           e.counterpart_ems_no + " 中没有对应的结转出。",
                       "Transfer in " + e.id + " (transfer " + e.transfer_id +
                           ") has no matching transfer out in ledger " + e.counterpart_ems_no +
                           ".");
  }
  return MakeFinding("LEDGER_TRANSFER_UNPAIRED", Severity::kWarning, std::move(field),
                     "结转出条目 " + e.id + "（结转编号 " + e.transfer_id + "）尚未在转入账册 " +
                         e.counterpart_ems_no + " 结转入（在途）。",
                     "Transfer out " + e.id + " (transfer " + e.transfer_id +
                         ") is not yet booked in by ledger " + e.counterpart_ems_no +
                         " (in transit).");
}

std::optional<Finding> TransferPairFinding(const LedgerEntry& out, const LedgerEntry& in,
                                           std::string field) {
  if (out.code10 == in.code10 && out.qty == in.qty && out.unit == in.unit && out.date <= in.date) {
    return std::nullopt;
  }
  auto side_zh = [](const LedgerEntry& e) {
    return QtyWithUnit(e.qty, e.unit) + "（商品编码 " + e.code10 + "，" + e.date.ToIso() + "）";
  };
  auto side_en = [](const LedgerEntry& e) {
    return QtyWithUnit(e.qty, e.unit) + " of " + e.code10 + " on " + e.date.ToIso();
  };
  return MakeFinding("LEDGER_TRANSFER_MISMATCH", Severity::kError, std::move(field),
                     "结转编号 " + out.transfer_id + "：结转出 " + side_zh(out) + "，结转入 " +
                         side_zh(in) + "，两侧不一致。",
                     "Transfer " + out.transfer_id + ": out " + side_en(out) + ", in " +
                         side_en(in) + "; the two sides differ.");
}

const LedgerEntry* FindTransfer(const Ledger& ledger, LedgerEntryKind kind,
                                std::string_view transfer_id) {
  for (const LedgerEntry& e : ledger.entries()) {
    if (e.kind == kind && e.transfer_id == transfer_id) return &e;
  }
  return nullptr;
}

}  // namespace core::internal
