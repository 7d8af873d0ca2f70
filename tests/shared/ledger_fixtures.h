// Builders of ledger entries for the ledger tests (no I/O): one call per entry kind, quantities
// as CEB text so the tests read like the book.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "basic_fixtures.h"
#include "core/ledger.h"

namespace core::testing {

inline Qty Q(const char* text) { return ParseQty(text).value(); }

inline LedgerEntry Entry(std::string id, LedgerEntryKind kind, const char* date, int64_t seq,
                         std::string sku, const char* qty, std::string unit = "件",
                         std::string code10 = "3304990099") {
  LedgerEntry e;
  e.id = std::move(id);
  e.kind = kind;
  e.date = D(date);
  e.seq = seq;
  e.sku = std::move(sku);
  e.code10 = std::move(code10);
  e.qty = Q(qty);
  e.unit = std::move(unit);
  return e;
}

inline LedgerEntry In(std::string id, const char* date, int64_t seq, std::string sku,
                      const char* qty, std::string unit = "件") {
  LedgerEntry e = Entry(std::move(id), LedgerEntryKind::kFirstLineIn, date, seq, std::move(sku),
                        qty, std::move(unit));
  e.entry_no = "460120260000" + e.id;
  return e;
}

inline LedgerEntry Out(std::string id, const char* date, int64_t seq, std::string sku,
                       const char* qty, std::string invt_no = "", int gnum = 1,
                       std::string unit = "件") {
  LedgerEntry e = Entry(std::move(id), LedgerEntryKind::kReleaseOut, date, seq, std::move(sku), qty,
                        std::move(unit));
  e.invt_no = invt_no.empty() ? "INV-" + e.id : std::move(invt_no);
  e.gnum = gnum;
  return e;
}

inline LedgerEntry Transfer(std::string id, LedgerEntryKind kind, const char* date, int64_t seq,
                            std::string sku, const char* qty, std::string transfer_id,
                            std::string counterpart) {
  LedgerEntry e = Entry(std::move(id), kind, date, seq, std::move(sku), qty);
  e.transfer_id = std::move(transfer_id);
  e.counterpart_ems_no = std::move(counterpart);
  return e;
}

inline LedgerEntry Adjust(std::string id, const char* date, int64_t seq, std::string sku,
                          const char* qty, bool decrease) {
  LedgerEntry e =
      Entry(std::move(id), LedgerEntryKind::kAdjustment, date, seq, std::move(sku), qty);
  e.decrease = decrease;
  e.reason = "stocktake correction";
  return e;
}

inline Ledger Book(std::vector<LedgerEntry> entries, std::string ems_no = "T4601W000001") {
  StatusOr<Ledger> l = Ledger::Build(std::move(ems_no), "4101960ABC", std::move(entries));
  REQUIRE_MESSAGE(l.ok(), l.status().ToString());
  return std::move(l).value();
}

}  // namespace core::testing
