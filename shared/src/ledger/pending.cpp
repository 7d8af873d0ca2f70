// The what-if of a pending entry: where it would land in the book, what the SKU could give
// there, the balances with it, and the findings that would refuse it. Changes nothing. Pure.
#include <limits>
#include <string>
#include <utility>

#include "../api/field_reader.h"
#include "ledger_internal.h"

namespace core {
namespace {

using internal::BookOrderLess;
using internal::FieldError;

// The SKU's running balance around the pending entry's place, in the book without it.
struct Walk {
  const LedgerEntry* first = nullptr;  // the SKU's first entry in the book
  int64_t available = 0;
  int64_t lowest_after = 0;
  Date lowest_after_date;
  int64_t final_before = 0;
};

Walk WalkSku(const Ledger& ledger, const LedgerEntry& pending, int64_t delta) {
  Walk w;
  int64_t running = 0;
  bool placed = false;
  auto place = [&] {
    placed = true;
    w.available = running;
    w.lowest_after = running + delta;
    w.lowest_after_date = pending.date;
  };
  for (const LedgerEntry& e : ledger.entries()) {
    if (e.sku != pending.sku) continue;
    if (w.first == nullptr) w.first = &e;
    if (!placed && BookOrderLess(pending, e)) place();
    running += IsDebit(e) ? -e.qty.e5 : e.qty.e5;
    if (placed) {
      w.available = std::min(w.available, running);
      if (running + delta < w.lowest_after) {
        w.lowest_after = running + delta;
        w.lowest_after_date = e.date;
      }
    }
  }
  if (!placed) place();
  w.final_before = running;
  return w;
}

Status CheckPlace(const Ledger& ledger, const LedgerEntry& pending) {
  CORE_RETURN_IF_ERROR(CheckLedgerEntryShape(pending, "pending"));
  if (ledger.Find(pending.id) != nullptr) {
    return FieldError("pending.id", "is already in the ledger");
  }
  for (const LedgerEntry& e : ledger.entries()) {
    if (e.date == pending.date && e.seq == pending.seq) {
      return FieldError("pending.seq", "is taken on " + e.date.ToIso() + " by entry " + e.id);
    }
  }
  if ((pending.kind == LedgerEntryKind::kTransferIn ||
       pending.kind == LedgerEntryKind::kTransferOut) &&
      pending.counterpart_ems_no == ledger.ems_no()) {
    return FieldError("pending.counterpart_ems_no", "names this ledger itself");
  }
  return OkStatus();
}

const Ledger* FindLedger(const std::vector<Ledger>& ledgers, const std::string& ems_no) {
  for (const Ledger& l : ledgers) {
    if (l.ems_no() == ems_no) return &l;
  }
  return nullptr;
}

void CheckTransfer(const Ledger& ledger, const LedgerEntry& pending,
                   const std::vector<Ledger>& counterparts, Findings& out) {
  const bool is_in = pending.kind == LedgerEntryKind::kTransferIn;
  if (!is_in && pending.kind != LedgerEntryKind::kTransferOut) return;
  if (const LedgerEntry* dup = internal::FindTransfer(ledger, pending.kind, pending.transfer_id)) {
    out.push_back(internal::DuplicateTransferFinding(*dup, pending, "pending.transfer_id"));
  }
  const Ledger* other = FindLedger(counterparts, pending.counterpart_ems_no);
  const LedgerEntry* partner =
      other == nullptr
          ? nullptr
          : internal::FindTransfer(
                *other, is_in ? LedgerEntryKind::kTransferOut : LedgerEntryKind::kTransferIn,
                pending.transfer_id);
  if (partner == nullptr) {
    // An out is booked before the receiving ledger books the in: only an in needs its pair.
    if (is_in) out.push_back(internal::UnpairedTransferFinding(pending, "pending.transfer_id"));
    return;
  }
  std::optional<Finding> mismatch =
      is_in ? internal::TransferPairFinding(*partner, pending, "pending")
            : internal::TransferPairFinding(pending, *partner, "pending");
  if (mismatch) out.push_back(std::move(*mismatch));
}

}  // namespace

StatusOr<PendingCheck> CheckPendingEntry(const Ledger& ledger, const LedgerEntry& pending_entry,
                                         const std::vector<Ledger>& counterparts) {
  PendingCheck c;
  c.pending = pending_entry;
  LedgerEntry& pending = c.pending;
  if (pending.seq < 0) pending.seq = ledger.NextSeqOn(pending.date);
  CORE_RETURN_IF_ERROR(CheckPlace(ledger, pending));
  std::vector<LedgerEntry> all = ledger.entries();
  all.push_back(pending);
  StatusOr<Ledger> with = Ledger::Build(ledger.ems_no(), ledger.enterprise_code(), std::move(all));
  if (!with.ok()) return FieldError("pending.qty", "takes the ledger's totals out of range");

  c.debit = IsDebit(pending);
  const int64_t delta = c.debit ? -pending.qty.e5 : pending.qty.e5;
  const Walk w = WalkSku(ledger, pending, delta);
  c.available.e5 = w.available;
  c.lowest_after.e5 = w.lowest_after;
  c.lowest_after_date = w.lowest_after_date;
  c.final_before.e5 = w.final_before;
  c.final_after.e5 = w.final_before + delta;
  for (const SkuBalance& b : BalancesAt(ledger, pending.date)) {
    if (b.sku == pending.sku) c.balance_before = b.balance;
  }
  c.balance_after.e5 = c.balance_before.e5 + delta;
  c.balances = BalancesAt(*with, pending.date);

  if (c.debit && w.first == nullptr) {
    c.findings.push_back(internal::UnknownSkuFinding(ledger, pending, "pending.sku"));
  } else if (c.debit && pending.qty.e5 > w.available) {
    c.findings.push_back(internal::NegativeBalanceFinding(
        ledger, pending, c.available, c.lowest_after, c.lowest_after_date, true, "pending.qty"));
  }
  if (w.first != nullptr) internal::AppendSkuMismatches(*w.first, pending, "pending", c.findings);
  if (pending.kind == LedgerEntryKind::kReleaseOut) {
    for (const LedgerEntry& e : ledger.entries()) {
      if (e.kind == LedgerEntryKind::kReleaseOut && e.invt_no == pending.invt_no &&
          e.gnum == pending.gnum) {
        c.findings.push_back(internal::DuplicateReleaseFinding(e, pending, "pending.gnum"));
        break;
      }
    }
  }
  if (pending.kind == LedgerEntryKind::kReturnIn) {
    const LedgerEntry* release = nullptr;
    Qty returned;
    for (const LedgerEntry& e : ledger.entries()) {
      if (e.invt_no != pending.invt_no || e.gnum != pending.gnum) continue;
      if (e.kind == LedgerEntryKind::kReleaseOut && BookOrderLess(e, pending)) release = &e;
      if (e.kind == LedgerEntryKind::kReturnIn) returned.e5 += e.qty.e5;
    }
    if (auto f = internal::ReturnFinding(release, returned, pending, "pending")) {
      c.findings.push_back(std::move(*f));
    }
  }
  CheckTransfer(ledger, pending, counterparts, c.findings);
  c.accepted = !HasErrors(c.findings);
  return c;
}

}  // namespace core
