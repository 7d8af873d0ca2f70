// Ledger: building a validated book in book order (date, seq), finding entries, and balances per
// SKU at a date. Pure.
#include "core/ledger.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <utility>

#include "../api/field_reader.h"
#include "ledger_internal.h"

namespace core {
namespace {

using internal::FieldError;
using internal::IndexPath;

}  // namespace

StatusOr<Ledger> Ledger::Build(std::string ems_no, std::string enterprise_code,
                               std::vector<LedgerEntry> entries) {
  if (ems_no.empty()) return FieldError("ems_no", "is required");
  if (entries.size() > kMaxLedgerEntries) {
    return FieldError("entries", "has more than " + std::to_string(kMaxLedgerEntries) + " items");
  }
  int64_t total_in = 0;
  int64_t total_out = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    const LedgerEntry& e = entries[i];
    CORE_RETURN_IF_ERROR(CheckLedgerEntryShape(e, IndexPath("entries", i)));
    if ((e.kind == LedgerEntryKind::kTransferIn || e.kind == LedgerEntryKind::kTransferOut) &&
        e.counterpart_ems_no == ems_no) {
      return FieldError(IndexPath("entries", i) + ".counterpart_ems_no",
                        "names this ledger itself");
    }
    // Every running balance lies between -total_out and total_in: when both fit, all do.
    int64_t& total = IsDebit(e) ? total_out : total_in;
    if (__builtin_add_overflow(total, e.qty.e5, &total)) {
      return FieldError(IndexPath("entries", i) + ".qty", "takes the ledger's totals out of range");
    }
  }

  std::vector<size_t> order(entries.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return internal::BookOrderLess(entries[a], entries[b]); });
  for (size_t k = 1; k < order.size(); ++k) {
    const LedgerEntry& prev = entries[order[k - 1]];
    const LedgerEntry& cur = entries[order[k]];
    if (prev.date == cur.date && prev.seq == cur.seq) {
      const size_t later = std::max(order[k - 1], order[k]);
      return FieldError(IndexPath("entries", later) + ".seq",
                        "repeats seq " + std::to_string(cur.seq) + " of " + cur.date.ToIso());
    }
  }

  Ledger ledger;
  ledger.ems_no_ = std::move(ems_no);
  ledger.enterprise_code_ = std::move(enterprise_code);
  ledger.entries_.reserve(entries.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const std::string& id = entries[order[k]].id;
    if (!ledger.index_by_id_.emplace(id, k).second) {
      // Report the later of the two in the caller's order.
      const size_t first = order[ledger.index_by_id_[id]];
      return FieldError(IndexPath("entries", std::max(first, order[k])) + ".id",
                        "repeats id '" + id + "'");
    }
  }
  for (size_t i : order) ledger.entries_.push_back(std::move(entries[i]));
  return ledger;
}

const LedgerEntry* Ledger::Find(std::string_view id) const {
  auto it = index_by_id_.find(id);
  return it == index_by_id_.end() ? nullptr : &entries_[it->second];
}

int64_t Ledger::NextSeqOn(const Date& date) const {
  int64_t next = 0;
  for (const LedgerEntry& e : entries_) {
    if (e.date == date) next = std::max(next, e.seq + 1);
  }
  return next;
}

std::vector<SkuBalance> BalancesAt(const Ledger& ledger, const std::optional<Date>& on) {
  std::map<std::string, SkuBalance> by_sku;  // sorted by SKU
  for (const LedgerEntry& e : ledger.entries()) {
    if (!internal::OnOrBefore(e, on)) break;  // book order: nothing later counts
    auto [it, added] = by_sku.try_emplace(e.sku);
    SkuBalance& b = it->second;
    if (added) {
      b.sku = e.sku;
      b.item_no = e.item_no;
      b.code10 = e.code10;
      b.unit = e.unit;
    }
    (IsDebit(e) ? b.out : b.in).e5 += e.qty.e5;
    b.balance.e5 = b.in.e5 - b.out.e5;
    ++b.entries;
    b.last_date = e.date;
  }
  std::vector<SkuBalance> out;
  out.reserve(by_sku.size());
  for (auto& [sku, b] : by_sku) out.push_back(std::move(b));
  return out;
}

}  // namespace core
