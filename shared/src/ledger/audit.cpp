// The audit of a stored book: running balances per SKU, units and codes per SKU, list lines
// debited twice, transfer ids reused, and transfers paired against the counterpart ledgers
// given. Pure.
#include <map>
#include <string>
#include <utility>

#include "ledger_internal.h"

namespace core {
namespace {

using internal::EntryField;
using internal::OnOrBefore;

using TransferKey = std::pair<LedgerEntryKind, std::string>;  // kind, transfer id

// The transfer entries of each counterpart ledger up to the date, by kind and transfer id.
class CounterpartTransfers {
 public:
  CounterpartTransfers(const std::vector<Ledger>& counterparts, const std::optional<Date>& as_of) {
    for (const Ledger& l : counterparts) {
      auto& index = by_ledger_[l.ems_no()];
      for (const LedgerEntry& e : l.entries()) {
        if (!OnOrBefore(e, as_of)) break;
        if (e.kind == LedgerEntryKind::kTransferIn || e.kind == LedgerEntryKind::kTransferOut) {
          index.try_emplace(TransferKey{e.kind, e.transfer_id}, &e);
        }
      }
    }
  }
  bool Has(const std::string& ems_no) const { return by_ledger_.count(ems_no) > 0; }
  const LedgerEntry* Find(const std::string& ems_no, LedgerEntryKind kind,
                          const std::string& transfer_id) const {
    auto l = by_ledger_.find(ems_no);
    if (l == by_ledger_.end()) return nullptr;
    auto e = l->second.find(TransferKey{kind, transfer_id});
    return e == l->second.end() ? nullptr : e->second;
  }

 private:
  std::map<std::string, std::map<TransferKey, const LedgerEntry*>> by_ledger_;
};

void PairTransfer(const LedgerEntry& e, const CounterpartTransfers& counterparts,
                  const std::string& field, Findings& out) {
  if (!counterparts.Has(e.counterpart_ems_no)) return;  // not given: not paired
  const bool is_in = e.kind == LedgerEntryKind::kTransferIn;
  const LedgerEntry* partner = counterparts.Find(
      e.counterpart_ems_no, is_in ? LedgerEntryKind::kTransferOut : LedgerEntryKind::kTransferIn,
      e.transfer_id);
  if (partner == nullptr) {
    out.push_back(internal::UnpairedTransferFinding(e, field + ".transfer_id"));
    return;
  }
  std::optional<Finding> mismatch = is_in ? internal::TransferPairFinding(*partner, e, field)
                                          : internal::TransferPairFinding(e, *partner, field);
  if (mismatch) out.push_back(std::move(*mismatch));
}

}  // namespace

Findings AuditLedger(const Ledger& ledger, const std::vector<Ledger>& counterparts,
                     const std::optional<Date>& as_of) {
  struct SkuState {
    const LedgerEntry* first = nullptr;
    int64_t balance = 0;
    bool reported_negative = false;
  };
  Findings out;
  std::map<std::string, SkuState> skus;
  std::map<std::pair<std::string, int>, const LedgerEntry*> releases;  // invt_no, gnum
  std::map<std::pair<std::string, int>, Qty> returned;                 // brought back so far
  std::map<TransferKey, const LedgerEntry*> transfers;
  const CounterpartTransfers partners(counterparts, as_of);
  for (const LedgerEntry& e : ledger.entries()) {
    if (!OnOrBefore(e, as_of)) break;
    const std::string field = EntryField(e);
    SkuState& sku = skus[e.sku];
    if (sku.first == nullptr) {
      sku.first = &e;
    } else {
      internal::AppendSkuMismatches(*sku.first, e, field, out);
    }
    const int64_t before = sku.balance;
    sku.balance += IsDebit(e) ? -e.qty.e5 : e.qty.e5;
    // One finding per SKU: the first entry that took it below zero.
    if (sku.balance < 0 && !sku.reported_negative) {
      sku.reported_negative = true;
      out.push_back(internal::NegativeBalanceFinding(ledger, e, Qty{before}, Qty{sku.balance},
                                                     e.date, false, field + ".qty"));
    }
    if (e.kind == LedgerEntryKind::kReleaseOut) {
      auto [it, added] = releases.try_emplace({e.invt_no, e.gnum}, &e);
      if (!added) out.push_back(internal::DuplicateReleaseFinding(*it->second, e, field));
    }
    if (e.kind == LedgerEntryKind::kReturnIn) {
      auto release = releases.find({e.invt_no, e.gnum});
      Qty& back = returned[{e.invt_no, e.gnum}];
      if (auto f = internal::ReturnFinding(release == releases.end() ? nullptr : release->second,
                                           back, e, field)) {
        out.push_back(std::move(*f));
      }
      back.e5 += e.qty.e5;
    }
    if (e.kind == LedgerEntryKind::kTransferIn || e.kind == LedgerEntryKind::kTransferOut) {
      auto [it, added] = transfers.try_emplace(TransferKey{e.kind, e.transfer_id}, &e);
      if (!added) {
        out.push_back(internal::DuplicateTransferFinding(*it->second, e, field + ".transfer_id"));
      } else {
        PairTransfer(e, partners, field, out);
      }
    }
  }
  return out;
}

}  // namespace core
