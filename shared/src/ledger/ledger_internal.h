// Helpers the ledger's files share: book order, the as-of filter, how findings name an entry,
// and the findings themselves (one wording per code). Private to the core. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/finding.h"
#include "core/ledger.h"

namespace core::internal {

// Book order: by date, then seq.
inline bool BookOrderLess(const LedgerEntry& a, const LedgerEntry& b) {
  if (a.date != b.date) return a.date < b.date;
  return a.seq < b.seq;
}

// True when the entry counts at `as_of` (inclusive; nullopt: every entry counts).
inline bool OnOrBefore(const LedgerEntry& e, const std::optional<Date>& as_of) {
  return !as_of || e.date <= *as_of;
}

// The field a finding about a stored entry names: "entries[id=E7]" or "entries[id=E7].unit".
// Entries are named by id because the book reorders them.
std::string EntryField(const LedgerEntry& e, std::string_view member = "");

// "12.5 件".
std::string QtyWithUnit(Qty q, std::string_view unit);

// LEDGER_NEGATIVE_BALANCE: `requested` taken from `sku` at `at` with `available`, leaving
// `lowest` on `lowest_date`. `pending`: the wording of a refused booking rather than of a book
// that already went below zero.
Finding NegativeBalanceFinding(const Ledger& ledger, const LedgerEntry& at, Qty available,
                               Qty lowest, const Date& lowest_date, bool pending,
                               std::string field);
Finding UnknownSkuFinding(const Ledger& ledger, const LedgerEntry& e, std::string field);
// Appends LEDGER_UNIT_MISMATCH (error) / LEDGER_CODE_MISMATCH (warning) when `e` differs from
// its SKU's first entry.
void AppendSkuMismatches(const LedgerEntry& first, const LedgerEntry& e, const std::string& field,
                         Findings& out);
Finding DuplicateReleaseFinding(const LedgerEntry& first, const LedgerEntry& e, std::string field);
Finding DuplicateTransferFinding(const LedgerEntry& first, const LedgerEntry& e, std::string field);
// A return_in `ret` against the release_out of its list line (`release`, nullptr when the book
// has none before it) with `returned_before` already brought back: LEDGER_RETURN_UNMATCHED or
// LEDGER_RETURN_EXCEEDS_RELEASE (errors); nullopt when it fits.
std::optional<Finding> ReturnFinding(const LedgerEntry* release, Qty returned_before,
                                     const LedgerEntry& ret, std::string field);
// LEDGER_TRANSFER_UNPAIRED for a transfer in without its out (error) or an out not yet
// booked in (warning).
Finding UnpairedTransferFinding(const LedgerEntry& e, std::string field);
// LEDGER_TRANSFER_MISMATCH when the two sides differ in code, quantity or unit, or the in is
// dated before the out; nullopt when they agree.
std::optional<Finding> TransferPairFinding(const LedgerEntry& out, const LedgerEntry& in,
                                           std::string field);

// The transfer entry of `kind` with `transfer_id` in `ledger`; nullptr when there is none.
const LedgerEntry* FindTransfer(const Ledger& ledger, LedgerEntryKind kind,
                                std::string_view transfer_id);

}  // namespace core::internal
