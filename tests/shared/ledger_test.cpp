// Tests for the ledger's book: building (validation and book order), balances per SKU at a
// date, and FIFO tracing of units out and of lots in.
#include "core/ledger.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ledger_fixtures.h"

namespace core {
namespace {

using testing::Adjust;
using testing::Book;
using testing::D;
using testing::FindCode;
using testing::In;
using testing::Out;
using testing::Q;
using testing::Transfer;

// Two lots of SKU A and two debits crossing the first: L1 10 (05-01), D1 8 (05-02), L2 5
// (05-03), D2 4 (05-04): D2 takes the last 2 of L1, then 2 of L2.
Ledger FifoBook() {
  return Book({Out("D2", "2026-05-04", 1, "A", "4"), In("L2", "2026-05-03", 1, "A", "5"),
               In("L1", "2026-05-01", 1, "A", "10"), Out("D1", "2026-05-02", 1, "A", "8")});
}

std::string Error(const StatusOr<Ledger>& l) { return l.ok() ? "" : l.status().message(); }

TEST_CASE("a ledger is kept in book order: date, then seq") {
  Ledger l = Book({In("b", "2026-05-02", 0, "A", "1"), In("c", "2026-05-01", 7, "A", "1"),
                   In("a", "2026-05-01", 3, "A", "1")});
  REQUIRE(l.entries().size() == 3);
  CHECK(l.entries()[0].id == "a");
  CHECK(l.entries()[1].id == "c");
  CHECK(l.entries()[2].id == "b");
  REQUIRE(l.Find("c") != nullptr);
  CHECK(l.Find("c")->seq == 7);
  CHECK(l.Find("zz") == nullptr);
  CHECK(l.NextSeqOn(D("2026-05-01")) == 8);
  CHECK(l.NextSeqOn(D("2026-05-03")) == 0);
}

TEST_CASE("a ledger refuses malformed or ambiguous entries, naming them") {
  CHECK(Error(Ledger::Build("", "", {})).find("ems_no") != std::string::npos);
  CHECK(
      Error(Ledger::Build("E1", "",
                          {In("a", "2026-05-01", 1, "A", "1"), In("a", "2026-05-02", 1, "A", "1")}))
          .find("entries[1].id") != std::string::npos);
  CHECK(
      Error(Ledger::Build("E1", "",
                          {In("a", "2026-05-01", 1, "A", "1"), In("b", "2026-05-01", 1, "B", "1")}))
          .find("entries[1].seq") != std::string::npos);
  LedgerEntry no_entry_no = In("a", "2026-05-01", 1, "A", "1");
  no_entry_no.entry_no.clear();
  CHECK(Error(Ledger::Build("E1", "", {no_entry_no})) == "field 'entries[0].entry_no' is required");
  LedgerEntry zero = In("a", "2026-05-01", 1, "A", "1");
  zero.qty = Qty{0};
  CHECK(Error(Ledger::Build("E1", "", {zero})) == "field 'entries[0].qty' must be above zero");
  LedgerEntry no_gnum = Out("o", "2026-05-01", 1, "A", "1");
  no_gnum.gnum = 0;
  CHECK(Error(Ledger::Build("E1", "", {no_gnum})).find("entries[0].gnum") != std::string::npos);
  LedgerEntry no_reason = Adjust("x", "2026-05-01", 1, "A", "1", true);
  no_reason.reason.clear();
  CHECK(Error(Ledger::Build("E1", "", {no_reason})).find("entries[0].reason") != std::string::npos);
  CHECK(Error(Ledger::Build("E1", "",
                            {Transfer("t", LedgerEntryKind::kTransferOut, "2026-05-01", 1, "A", "1",
                                      "TR1", "E1")}))
            .find("names this ledger itself") != std::string::npos);
}

TEST_CASE("a ledger refuses totals that would not fit 64 bits") {
  std::vector<LedgerEntry> entries;
  // 10^9 units each (the largest entry, 10^14 in 1e-5 units): 92,233 of them fit below 2^63,
  // the 92,234th does not.
  const LedgerEntry big = In("L", "2026-05-01", 0, "A", "1000000000");
  for (int i = 0; i < 92234; ++i) {
    entries.push_back(big);
    entries.back().id = std::to_string(i);
    entries.back().seq = i;
  }
  CHECK(Error(Ledger::Build("E1", "", entries)) ==
        "field 'entries[92233].qty' takes the ledger's totals out of range");
  entries.pop_back();
  CHECK(Ledger::Build("E1", "", entries).ok());
  LedgerEntry huge = In("H", "2026-05-02", 1, "A", "1000000001");
  CHECK(Error(Ledger::Build("E1", "", {huge})).find("entries[0].qty") != std::string::npos);
}

TEST_CASE("balances per SKU at a date count every entry of that day, sorted by SKU") {
  Ledger l =
      Book({In("b1", "2026-05-01", 1, "B", "3"), In("a1", "2026-05-01", 2, "A", "10"),
            Out("a2", "2026-05-02", 1, "A", "4"), Adjust("a3", "2026-05-03", 1, "A", "1", true),
            Adjust("b2", "2026-05-03", 2, "B", "2", false),
            Transfer("a4", LedgerEntryKind::kTransferOut, "2026-05-04", 1, "A", "2", "TR1",
                     "T4601W000002")});
  CHECK(BalancesAt(l, D("2026-04-30")).empty());
  std::vector<SkuBalance> day2 = BalancesAt(l, D("2026-05-02"));
  REQUIRE(day2.size() == 2);
  CHECK(day2[0].sku == "A");
  CHECK(day2[0].in == Q("10"));
  CHECK(day2[0].out == Q("4"));
  CHECK(day2[0].balance == Q("6"));
  CHECK(day2[0].entries == 2);
  CHECK(day2[0].last_date == D("2026-05-02"));
  CHECK(day2[1].sku == "B");
  CHECK(day2[1].balance == Q("3"));
  std::vector<SkuBalance> all = BalancesAt(l, std::nullopt);
  CHECK(all[0].balance == Q("3"));  // 10 - 4 - 1 - 2
  CHECK(all[0].out == Q("7"));
  CHECK(all[1].balance == Q("5"));
  CHECK(all[0].code10 == "3304990099");
  CHECK(all[0].unit == "件");
}

TEST_CASE("balances are exact in fixed point") {
  // 0.1 + 0.2 - 0.3 is exactly 0, as it would not be in binary floating point.
  Ledger l = Book({In("a", "2026-05-01", 1, "K", "0.1", "千克"),
                   In("b", "2026-05-01", 2, "K", "0.2", "千克"),
                   Out("c", "2026-05-01", 3, "K", "0.3", "", 1, "千克")});
  std::vector<SkuBalance> b = BalancesAt(l, std::nullopt);
  REQUIRE(b.size() == 1);
  CHECK(b[0].balance.e5 == 0);
  CHECK(FormatQty(b[0].in) == "0.3");
}

TEST_CASE("the n-th unit out names the lot it came in with, first in first out") {
  Ledger l = FifoBook();
  LedgerTrace t1 = TraceUnitOut(l, "A", 1, std::nullopt);
  CHECK(t1.outcome == "traced");
  REQUIRE(t1.links.size() == 1);
  CHECK(t1.links[0].out.id == "D1");
  CHECK(t1.links[0].in->id == "L1");
  CHECK(t1.links[0].qty == Q("1"));

  LedgerTrace t9 = TraceUnitOut(l, "A", 9, std::nullopt);  // first unit of D2: L1's 9th
  REQUIRE(t9.links.size() == 1);
  CHECK(t9.links[0].out.id == "D2");
  CHECK(t9.links[0].in->id == "L1");
  LedgerTrace t11 = TraceUnitOut(l, "A", 11, std::nullopt);  // D2's third: from L2
  REQUIRE(t11.links.size() == 1);
  CHECK(t11.links[0].out.id == "D2");
  CHECK(t11.links[0].in->id == "L2");
  CHECK(t11.links[0].in->entry_no == "460120260000L2");

  LedgerTrace t13 = TraceUnitOut(l, "A", 13, std::nullopt);  // only 12 went out
  CHECK(t13.outcome == "not_found");
  REQUIRE(FindCode(t13.findings, "LEDGER_TRACE_NOT_FOUND") != nullptr);
  CHECK(FindCode(t13.findings, "LEDGER_TRACE_NOT_FOUND")->message_en.find("12 件") !=
        std::string::npos);
  CHECK(TraceUnitOut(l, "A", 0, std::nullopt).outcome == "not_found");
  CHECK(TraceUnitOut(l, "NOPE", 1, std::nullopt).outcome == "not_found");
  // Up to 05-03 only D1 had gone out.
  CHECK(TraceUnitOut(l, "A", 9, D("2026-05-03")).outcome == "not_found");
}

TEST_CASE("a debit names its lots; a lot names its debits and what remains") {
  Ledger l = FifoBook();
  LedgerTrace d2 = TraceEntry(l, "D2", std::nullopt);
  CHECK(d2.outcome == "traced");
  REQUIRE(d2.links.size() == 2);
  CHECK(d2.links[0].in->id == "L1");
  CHECK(d2.links[0].qty == Q("2"));
  CHECK(d2.links[1].in->id == "L2");
  CHECK(d2.links[1].qty == Q("2"));
  CHECK_FALSE(d2.remaining.has_value());

  LedgerTrace l1 = TraceEntry(l, "L1", std::nullopt);
  REQUIRE(l1.links.size() == 2);
  CHECK(l1.links[0].out.id == "D1");
  CHECK(l1.links[0].qty == Q("8"));
  CHECK(l1.links[1].out.id == "D2");
  CHECK(l1.links[1].qty == Q("2"));
  CHECK(*l1.remaining == Q("0"));
  LedgerTrace l2 = TraceEntry(l, "L2", std::nullopt);
  CHECK(*l2.remaining == Q("3"));
  // As of 05-03, L1 had only gone to D1.
  LedgerTrace early = TraceEntry(l, "L1", D("2026-05-03"));
  REQUIRE(early.links.size() == 1);
  CHECK(*early.remaining == Q("2"));
  CHECK(TraceEntry(l, "D2", D("2026-05-03")).outcome == "not_found");
  CHECK(TraceEntry(l, "missing", std::nullopt).outcome == "not_found");
}

TEST_CASE("a fractional unit can span two lots") {
  Ledger l = Book({In("A1", "2026-05-01", 1, "K", "0.5", "千克"),
                   In("A2", "2026-05-01", 2, "K", "1", "千克"),
                   Out("O1", "2026-05-02", 1, "K", "1.2", "", 1, "千克")});
  LedgerTrace t = TraceUnitOut(l, "K", 1, std::nullopt);
  REQUIRE(t.links.size() == 2);
  CHECK(t.links[0].in->id == "A1");
  CHECK(t.links[0].qty == Q("0.5"));
  CHECK(t.links[1].in->id == "A2");
  CHECK(t.links[1].qty == Q("0.5"));
  LedgerTrace t2 = TraceUnitOut(l, "K", 2, std::nullopt);  // only 0.2 of the 2nd went out
  REQUIRE(t2.links.size() == 1);
  CHECK(t2.links[0].qty == Q("0.2"));
}

TEST_CASE("units taken with nothing in stock are untraceable, not borrowed from a later lot") {
  Ledger l = Book({Out("O1", "2026-05-01", 1, "A", "3"), In("L1", "2026-05-02", 1, "A", "5"),
                   Out("O2", "2026-05-03", 1, "A", "2")});
  LedgerTrace o1 = TraceEntry(l, "O1", std::nullopt);
  CHECK(o1.outcome == "untraceable");
  REQUIRE(o1.links.size() == 1);
  CHECK_FALSE(o1.links[0].in.has_value());
  CHECK(FindCode(o1.findings, "LEDGER_UNTRACEABLE") != nullptr);
  LedgerTrace o2 = TraceEntry(l, "O2", std::nullopt);
  CHECK(o2.outcome == "traced");
  CHECK(o2.links[0].in->id == "L1");
  CHECK(TraceUnitOut(l, "A", 3, std::nullopt).outcome == "untraceable");
  CHECK(TraceUnitOut(l, "A", 4, std::nullopt).outcome == "traced");
}

TEST_CASE("transfers in and increasing adjustments are lots; decreasing ones take from them") {
  Ledger l = Book({Transfer("T1", LedgerEntryKind::kTransferIn, "2026-05-01", 1, "A", "4", "TR9",
                            "T4601W000009"),
                   Adjust("P1", "2026-05-02", 1, "A", "1", false),
                   Adjust("M1", "2026-05-03", 1, "A", "5", true)});
  LedgerTrace m1 = TraceEntry(l, "M1", std::nullopt);
  CHECK(m1.outcome == "traced");
  REQUIRE(m1.links.size() == 2);
  CHECK(m1.links[0].in->id == "T1");
  CHECK(m1.links[0].qty == Q("4"));
  CHECK(m1.links[1].in->id == "P1");
  CHECK(BalancesAt(l, std::nullopt)[0].balance.e5 == 0);
}

}  // namespace
}  // namespace core
