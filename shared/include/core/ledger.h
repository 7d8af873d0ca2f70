// The CBEC account book (账册, emsNo) of a bonded (1210) enterprise (DOMAIN §2.1): first-line
// entries in, released lists out, transfers between ledgers, adjustments; balances per SKU at any
// date, FIFO tracing of every unit, and the check of a pending entry. Entries are values the
// server stores and passes in; every result is deterministic (SKUs in byte order). Pure.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/finding.h"
#include "core/json.h"
#include "core/messages.h"
#include "core/status.h"

namespace core {

enum class LedgerEntryKind {
  kFirstLineIn,  // goods entering the area in bulk under an entry declaration (一线进境)
  kReleaseOut,   // a line of a released declaration list (清单核放 debits the book)
  kTransferOut,  // to another ledger (结转出)
  kTransferIn,   // from another ledger (结转入)
  kAdjustment,   // a correction, e.g. after a stocktake (+ or -)
  kReturnIn,     // goods of a released list line back in the area after a return (退货入区)
};

// "first_line_in" / "release_out" / "transfer_out" / "transfer_in" / "adjustment" /
// "return_in".
std::string_view LedgerEntryKindName(LedgerEntryKind kind);
// The inverse; nullopt for any other text.
std::optional<LedgerEntryKind> LedgerEntryKindFromName(std::string_view name);

struct LedgerEntry {
  std::string id;  // the server's id; unique within a ledger
  LedgerEntryKind kind = LedgerEntryKind::kFirstLineIn;
  Date date;
  int64_t seq = 0;      // order within the day; (date, seq) is unique within a ledger
  std::string sku;      // the account-book item number (itemRecordNo)
  std::string item_no;  // the enterprise's own item number (optional)
  std::string code10;   // commodity code
  Qty qty;              // > 0; whether it adds or takes away follows from the kind
  std::string unit;
  std::string entry_no;            // first_line_in: the entry declaration number (报关单号)
  std::string invt_no;             // release_out, return_in: the released list
  int gnum = 0;                    // release_out, return_in: its line (from 1)
  std::string transfer_id;         // transfer_out / transfer_in: pairs the two sides
  std::string counterpart_ems_no;  // transfer_out / transfer_in: the other ledger
  bool decrease = false;           // adjustment: true takes stock away
  std::string reason;              // adjustment: why (stocktake correction, damage, ...)
};

// Release out, transfer out and a decreasing adjustment take stock away; the rest add a lot.
bool IsDebit(const LedgerEntry& entry);

// InvalidArgument ("field '<path>.<name>' ...") unless the entry is complete for its kind: id,
// sku, code10 and unit non-empty, qty > 0 and at most kMaxLedgerQtyE5, seq >= 0; first_line_in
// needs entry_no; release_out and return_in invt_no and gnum >= 1; transfers transfer_id and
// counterpart_ems_no; an adjustment its reason.
Status CheckLedgerEntryShape(const LedgerEntry& entry, std::string_view path);

// Largest quantity of one entry: 10^9 units (the sums of a ledger are checked to fit too).
inline constexpr int64_t kMaxLedgerQtyE5 = 100'000'000'000'000;
// Most entries a ledger may hold in one evaluation.
inline constexpr size_t kMaxLedgerEntries = 200'000;

// One account book with its entries in book order: by date, then seq.
class Ledger {
 public:
  Ledger() = default;
  // Validates every entry (CheckLedgerEntryShape, paths "entries[i]" in the given order) and
  // orders them. InvalidArgument also for an empty ems_no, more than kMaxLedgerEntries entries,
  // an id or a (date, seq) used twice, a transfer whose counterpart is this ledger, or totals
  // in or out that do not fit 64 bits.
  static StatusOr<Ledger> Build(std::string ems_no, std::string enterprise_code,
                                std::vector<LedgerEntry> entries);

  const std::string& ems_no() const { return ems_no_; }
  const std::string& enterprise_code() const { return enterprise_code_; }
  // In book order (date, seq).
  const std::vector<LedgerEntry>& entries() const { return entries_; }
  // The entry with that id; nullptr when there is none.
  const LedgerEntry* Find(std::string_view id) const;
  // One more than the largest seq booked on `date` (0 when the day is empty): where an entry
  // of that date lands when it is booked now.
  int64_t NextSeqOn(const Date& date) const;

 private:
  std::string ems_no_;
  std::string enterprise_code_;
  std::vector<LedgerEntry> entries_;
  std::map<std::string, size_t, std::less<>> index_by_id_;  // id -> position in entries_
};

// ---------------------------------------------------------------------------------------------
// Balances.

struct SkuBalance {
  std::string sku;
  std::string item_no;  // from the SKU's first entry
  std::string code10;   // from the SKU's first entry
  std::string unit;     // from the SKU's first entry
  Qty in;               // everything added up to the date
  Qty out;              // everything taken away up to the date
  Qty balance;          // in - out; below zero only in an inconsistent book
  int64_t entries = 0;
  Date last_date;  // of the SKU's last entry up to the date
};

// The balance of every SKU with an entry on or before `on` (inclusive; nullopt: every entry),
// sorted by SKU.
std::vector<SkuBalance> BalancesAt(const Ledger& ledger, const std::optional<Date>& on);

// ---------------------------------------------------------------------------------------------
// Tracing, FIFO: each SKU's debits take the oldest remaining lot first (book order), so every
// unit out names the lot it came in with.

struct TraceLink {
  LedgerEntry out;                // the debit
  std::optional<LedgerEntry> in;  // the lot; empty: the debit took more than was in stock
  Qty qty;
};

struct LedgerTrace {
  std::string outcome;  // "traced" | "untraceable" (part had no lot) | "not_found"
  std::string sku;
  int64_t unit = 0;                    // unit form: the n-th unit out of the SKU (from 1)
  std::optional<LedgerEntry> subject;  // entry form: the entry traced
  // Unit form: the slices of that unit (one for whole-unit quantities). Debit: the lots it
  // took. Lot: the debits its units went to.
  std::vector<TraceLink> links;
  std::optional<Qty> remaining;  // lot form: still in stock
  Findings findings;
};

// Unit n (1-based) of all the SKU's debits in book order is the quantity (n-1, n] of their
// running total. LEDGER_TRACE_NOT_FOUND when the SKU has no debits or fewer than n units out;
// LEDGER_UNTRACEABLE (error) when part of the unit was taken with no stock. Only entries on or
// before `as_of` count (nullopt: all).
LedgerTrace TraceUnitOut(const Ledger& ledger, std::string_view sku, int64_t unit,
                         const std::optional<Date>& as_of);
// The lots a debit came from, or where a lot's units went and what remains of it.
// LEDGER_TRACE_NOT_FOUND for an unknown id (or one after `as_of`); LEDGER_UNTRACEABLE when a
// debit was partly without stock.
LedgerTrace TraceEntry(const Ledger& ledger, std::string_view entry_id,
                       const std::optional<Date>& as_of);

// ---------------------------------------------------------------------------------------------
// Checks.

// Findings on the book up to `as_of` (nullopt: all): LEDGER_NEGATIVE_BALANCE (error) at the
// first entry of a SKU whose running balance goes below zero; LEDGER_UNIT_MISMATCH (error) for an
// entry whose unit differs from its SKU's first; LEDGER_CODE_MISMATCH (warning) likewise for the
// commodity code; LEDGER_DUPLICATE_RELEASE (error) for a list line debited twice;
// LEDGER_TRANSFER_DUPLICATE (error) for a transfer id used twice on one side. Transfers whose
// counterpart ledger is among `counterparts` are paired: a transfer in without its out, or an out
// its counterpart lacks (in transit: warning), is LEDGER_TRANSFER_UNPAIRED; a pair whose code,
// quantity or unit differ, or whose in precedes its out, is LEDGER_TRANSFER_MISMATCH (error).
// Transfers to ledgers not given are not paired.
Findings AuditLedger(const Ledger& ledger, const std::vector<Ledger>& counterparts,
                     const std::optional<Date>& as_of);

// What booking `pending` would do, without changing anything.
struct PendingCheck {
  bool accepted = false;  // no error finding
  LedgerEntry pending;
  bool debit = false;
  // The most the SKU could give at the pending entry's place so that no balance from there on
  // goes below zero (the lowest running balance from that place on, without the entry).
  Qty available;
  Qty balance_before;  // the SKU at the entry's date, without it
  Qty balance_after;   // the same with it
  Qty final_before;    // the SKU after every entry, without it
  Qty final_after;
  Qty lowest_after;  // the lowest running balance from the entry's place on, with it
  Date lowest_after_date;
  std::vector<SkuBalance> balances;  // every SKU at the entry's date, with it
  Findings findings;
};

// Checks `pending` against the book: LEDGER_UNKNOWN_SKU (error) for a debit of a SKU the book
// never held; LEDGER_NEGATIVE_BALANCE (error, naming the SKU, the available balance and the
// quantity requested) when a debit would take any running balance of the SKU below zero at its
// date or later; LEDGER_UNIT_MISMATCH / LEDGER_CODE_MISMATCH as in AuditLedger;
// LEDGER_DUPLICATE_RELEASE for a list line already debited; a return_in needs the release_out of
// its list line in this book (LEDGER_RETURN_UNMATCHED) and, with the returns before it, may not
// bring back more than that line took out (LEDGER_RETURN_EXCEEDS_RELEASE);
// LEDGER_TRANSFER_DUPLICATE for a transfer id this book already used on that side; a transfer in
// needs its transfer out in the counterpart ledger among `counterparts` (LEDGER_TRANSFER_UNPAIRED
// otherwise) with the same code, quantity and unit on the same day or earlier
// (LEDGER_TRANSFER_MISMATCH otherwise); a transfer out whose counterpart already booked the in is
// compared the same way. A negative seq places the entry after the last of its day
// (PendingCheck::pending shows where). InvalidArgument ("field 'pending...' ...") when the entry is
// malformed, its id is already in the book or its (date, seq) is taken.
StatusOr<PendingCheck> CheckPendingEntry(const Ledger& ledger, const LedgerEntry& pending,
                                         const std::vector<Ledger>& counterparts);

// ---------------------------------------------------------------------------------------------
// JSON. An entry: {"id", "kind", "date": "YYYY-MM-DD", "seq", "sku", "item_no"?, "code10",
// "qty": "12.5" (N19,5 text as in CEB), "unit", and per kind "entry_no" | "invt_no", "gnum"
// (release_out, return_in) |
// "transfer_id", "counterpart_ems_no" | "direction": "increase"|"decrease", "reason"}. Other
// keys are ignored (stored entries may carry the server's bookkeeping). A ledger: {"ems_no",
// "enterprise_code"?, "entries": [entry, ...]}.

// InvalidArgument naming the field under `path`; a missing seq is an error unless
// `seq_optional`, when it reads as -1 (the caller places the entry).
StatusOr<LedgerEntry> LedgerEntryFromJson(const Json& obj, std::string_view path,
                                          bool seq_optional = false);
// Writes the common fields and only the ones of the entry's kind.
Json LedgerEntryToJson(const LedgerEntry& entry);
// Reads and builds (Ledger::Build) a ledger; errors name fields under `path`.
StatusOr<Ledger> LedgerFromJson(const Json& obj, std::string_view path);
// {"sku", "item_no", "code10", "unit", "in", "out", "balance", "entries", "last_date"}.
Json SkuBalanceToJson(const SkuBalance& balance);
// {"outcome", "sku", "unit": n|null, "entry": entry|null, "links": [{"out", "in": entry|null,
// "qty"}], "remaining": qty|null, "findings"}.
Json LedgerTraceToJson(const LedgerTrace& trace);
// {"outcome": "accepted"|"refused", "pending", "sku", "debit", "available", "balance_before",
// "balance_after", "final_before", "final_after", "lowest_after", "lowest_after_date",
// "balances", "findings"}.
Json PendingCheckToJson(const PendingCheck& check);

}  // namespace core
