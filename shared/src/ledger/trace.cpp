// FIFO tracing over a ledger: each SKU's debits take the oldest remaining lot first, so a unit
// out names the lot it came in with, and a lot names the debits its units went to. Pure.
#include <algorithm>
#include <deque>
#include <limits>
#include <string>
#include <utility>

#include "ledger_internal.h"

namespace core {
namespace {

using internal::EntryField;
using internal::OnOrBefore;
using internal::QtyWithUnit;

// Part of one debit taken from one lot (or, with no lot, taken with nothing in stock).
struct FifoSlice {
  size_t out = 0;            // index of the debit in ledger.entries()
  std::optional<size_t> in;  // index of the lot; empty: nothing was in stock
  int64_t qty_e5 = 0;
  int64_t out_from_e5 = 0;  // the SKU's running total out before this slice
};

// A debit taken when nothing is in stock stays without a lot: a later lot cannot be where
// those units came from.
std::vector<FifoSlice> FifoSlices(const Ledger& ledger, std::string_view sku,
                                  const std::optional<Date>& as_of) {
  const std::vector<LedgerEntry>& entries = ledger.entries();
  std::deque<std::pair<size_t, int64_t>> lots;  // index, remaining e5
  std::vector<FifoSlice> slices;
  int64_t out_total = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    const LedgerEntry& e = entries[i];
    if (!OnOrBefore(e, as_of)) break;
    if (e.sku != sku) continue;
    if (!IsDebit(e)) {
      lots.emplace_back(i, e.qty.e5);
      continue;
    }
    int64_t need = e.qty.e5;
    while (need > 0 && !lots.empty()) {
      const int64_t take = std::min(need, lots.front().second);
      slices.push_back(FifoSlice{i, lots.front().first, take, out_total});
      out_total += take;
      need -= take;
      lots.front().second -= take;
      if (lots.front().second == 0) lots.pop_front();
    }
    if (need > 0) {
      slices.push_back(FifoSlice{i, std::nullopt, need, out_total});
      out_total += need;
    }
  }
  return slices;
}

TraceLink LinkOf(const Ledger& ledger, const FifoSlice& s, int64_t qty_e5) {
  TraceLink link;
  link.out = ledger.entries()[s.out];
  if (s.in) link.in = ledger.entries()[*s.in];
  link.qty.e5 = qty_e5;
  return link;
}

Finding Untraceable(const TraceLink& link) {
  const LedgerEntry& e = link.out;
  return MakeFinding("LEDGER_UNTRACEABLE", Severity::kError, EntryField(e, "qty"),
                     "条目 " + e.id + "（" + e.date.ToIso() + "）扣减的 " +
                         QtyWithUnit(link.qty, e.unit) + " 在扣减时无库存可对应，无法追溯来源。",
                     QtyWithUnit(link.qty, e.unit) + " of entry " + e.id + " (" + e.date.ToIso() +
                         ") was taken with nothing in stock: where it came from cannot be traced.");
}

void Conclude(LedgerTrace& trace) {
  trace.outcome = "traced";
  for (const TraceLink& link : trace.links) {
    if (!link.in) {
      trace.outcome = "untraceable";
      trace.findings.push_back(Untraceable(link));
    }
  }
}

Finding NotFound(std::string field, std::string zh, std::string en) {
  return MakeFinding("LEDGER_TRACE_NOT_FOUND", Severity::kError, std::move(field), std::move(zh),
                     std::move(en));
}

std::string AsOfZh(const std::optional<Date>& as_of) {
  return as_of ? "截至 " + as_of->ToIso() + " " : "";
}
std::string AsOfEn(const std::optional<Date>& as_of) {
  return as_of ? " up to " + as_of->ToIso() : "";
}

}  // namespace

LedgerTrace TraceUnitOut(const Ledger& ledger, std::string_view sku, int64_t unit,
                         const std::optional<Date>& as_of) {
  LedgerTrace trace;
  trace.sku = std::string(sku);
  trace.unit = unit;
  const std::vector<FifoSlice> slices = FifoSlices(ledger, sku, as_of);
  int64_t total_out = 0;
  std::string unit_name;
  for (const FifoSlice& s : slices) {
    total_out += s.qty_e5;
    unit_name = ledger.entries()[s.out].unit;
  }
  const bool in_range = unit >= 1 && unit <= std::numeric_limits<int64_t>::max() / Qty::kScale &&
                        (unit - 1) * Qty::kScale < total_out;
  if (!in_range) {
    trace.outcome = "not_found";
    trace.findings.push_back(
        NotFound("unit",
                 "料号 " + trace.sku + " " + AsOfZh(as_of) + "共扣减 " +
                     QtyWithUnit(Qty{total_out}, unit_name) + "，没有第 " + std::to_string(unit) +
                     " 个单位。",
                 "SKU " + trace.sku + " has " + QtyWithUnit(Qty{total_out}, unit_name) + " out" +
                     AsOfEn(as_of) + "; there is no unit " + std::to_string(unit) + "."));
    return trace;
  }
  const int64_t lo = (unit - 1) * Qty::kScale;
  const int64_t hi = lo + Qty::kScale;
  for (const FifoSlice& s : slices) {
    const int64_t overlap = std::min(s.out_from_e5 + s.qty_e5, hi) - std::max(s.out_from_e5, lo);
    if (overlap > 0) trace.links.push_back(LinkOf(ledger, s, overlap));
  }
  Conclude(trace);
  return trace;
}

LedgerTrace TraceEntry(const Ledger& ledger, std::string_view entry_id,
                       const std::optional<Date>& as_of) {
  LedgerTrace trace;
  const LedgerEntry* e = ledger.Find(entry_id);
  if (e == nullptr || !OnOrBefore(*e, as_of)) {
    trace.outcome = "not_found";
    trace.findings.push_back(NotFound("entry_id",
                                      "账册 " + ledger.ems_no() + " " + AsOfZh(as_of) +
                                          "没有条目 " + std::string(entry_id) + "。",
                                      "Ledger " + ledger.ems_no() + " has no entry " +
                                          std::string(entry_id) + AsOfEn(as_of) + "."));
    return trace;
  }
  trace.sku = e->sku;
  trace.subject = *e;
  const size_t index = static_cast<size_t>(e - ledger.entries().data());
  const bool debit = IsDebit(*e);
  int64_t gone = 0;
  for (const FifoSlice& s : FifoSlices(ledger, e->sku, as_of)) {
    if (debit ? s.out == index : s.in == index) {
      trace.links.push_back(LinkOf(ledger, s, s.qty_e5));
      gone += s.qty_e5;
    }
  }
  if (!debit) trace.remaining = Qty{e->qty.e5 - gone};
  Conclude(trace);
  return trace;
}

}  // namespace core
