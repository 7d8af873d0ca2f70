// Tests for the ledger's checks: the audit of a stored book, the what-if of a pending entry
// (negative balances at its date or later, unknown SKUs, duplicates, transfer pairs), and the
// JSON entry points the server and the page share.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/ledger.h"
#include "core/ledger_api.h"
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

constexpr const char* kOther = "T4601W000002";

PendingCheck Check(const Ledger& l, const LedgerEntry& pending,
                   const std::vector<Ledger>& counterparts = {}) {
  StatusOr<PendingCheck> c = CheckPendingEntry(l, pending, counterparts);
  REQUIRE_MESSAGE(c.ok(), c.status().ToString());
  return std::move(c).value();
}

// 10 in on 05-01, 6 out on 05-05: 10 available until 05-05, 4 after.
Ledger StockBook() {
  return Book({In("L1", "2026-05-01", 1, "A", "10"), Out("O1", "2026-05-05", 1, "A", "6")});
}

TEST_CASE("the audit finds where a SKU first went below zero, once") {
  Ledger l = Book({In("L1", "2026-05-01", 1, "A", "5"), Out("O1", "2026-05-02", 1, "A", "7"),
                   Out("O2", "2026-05-03", 1, "A", "1"), In("L2", "2026-05-01", 2, "B", "1")});
  Findings f = AuditLedger(l, {}, std::nullopt);
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "LEDGER_NEGATIVE_BALANCE");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].field == "entries[id=O1].qty");
  CHECK(f[0].message_en.find("took 7 件 with 5 件 in stock") != std::string::npos);
  CHECK(f[0].message_en.find("fell to -2 件") != std::string::npos);
  // Before 05-02 the book was sound.
  CHECK(AuditLedger(l, {}, D("2026-05-01")).empty());
}

TEST_CASE("the audit finds duplicate releases, unit and code changes, reused transfer ids") {
  LedgerEntry kg = In("L2", "2026-05-02", 1, "A", "1");
  kg.unit = "千克";
  LedgerEntry recoded = In("L3", "2026-05-02", 2, "A", "1");
  recoded.code10 = "3304100000";
  Ledger l = Book(
      {In("L1", "2026-05-01", 1, "A", "10"), kg, recoded,
       Out("O1", "2026-05-03", 1, "A", "1", "INV1", 2),
       Out("O2", "2026-05-03", 2, "A", "1", "INV1", 2),
       Out("O3", "2026-05-03", 3, "A", "1", "INV1", 3),
       Transfer("T1", LedgerEntryKind::kTransferOut, "2026-05-04", 1, "A", "1", "TR1", kOther),
       Transfer("T2", LedgerEntryKind::kTransferOut, "2026-05-04", 2, "A", "1", "TR1", kOther)});
  Findings f = AuditLedger(l, {}, std::nullopt);
  REQUIRE(FindCode(f, "LEDGER_UNIT_MISMATCH") != nullptr);
  CHECK(FindCode(f, "LEDGER_UNIT_MISMATCH")->field == "entries[id=L2].unit");
  REQUIRE(FindCode(f, "LEDGER_CODE_MISMATCH") != nullptr);
  CHECK(FindCode(f, "LEDGER_CODE_MISMATCH")->severity == Severity::kWarning);
  REQUIRE(FindCode(f, "LEDGER_DUPLICATE_RELEASE") != nullptr);
  CHECK(FindCode(f, "LEDGER_DUPLICATE_RELEASE")->message_en.find("by entry O1; entry O2") !=
        std::string::npos);
  REQUIRE(FindCode(f, "LEDGER_TRANSFER_DUPLICATE") != nullptr);
  CHECK(FindCode(f, "LEDGER_TRANSFER_DUPLICATE")->field == "entries[id=T2].transfer_id");
  CHECK(f.size() == 4);
}

TEST_CASE("the audit pairs transfers with the counterpart ledgers given") {
  Ledger mine = Book(
      {In("L1", "2026-05-01", 1, "A", "10"),
       Transfer("T1", LedgerEntryKind::kTransferOut, "2026-05-02", 1, "A", "3", "TR1", kOther),
       Transfer("T2", LedgerEntryKind::kTransferOut, "2026-05-02", 2, "A", "2", "TR2", kOther),
       Transfer("T3", LedgerEntryKind::kTransferIn, "2026-05-03", 1, "A", "1", "TR3", kOther),
       Transfer("T4", LedgerEntryKind::kTransferOut, "2026-05-03", 2, "A", "1", "TR4", kOther)});
  Ledger other = Book({Transfer("X1", LedgerEntryKind::kTransferIn, "2026-05-02", 1, "Z", "3",
                                "TR1", "T4601W000001"),
                       Transfer("X4", LedgerEntryKind::kTransferIn, "2026-05-04", 1, "Z", "2",
                                "TR4", "T4601W000001")},
                      kOther);
  // Without the counterpart nothing can be paired, so nothing is reported.
  CHECK(AuditLedger(mine, {}, std::nullopt).empty());
  Findings f = AuditLedger(mine, {other}, std::nullopt);
  REQUIRE(f.size() == 3);
  CHECK(f[0].code == "LEDGER_TRANSFER_UNPAIRED");  // TR2 out, not yet in: in transit
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].field == "entries[id=T2].transfer_id");
  CHECK(f[1].code == "LEDGER_TRANSFER_UNPAIRED");  // TR3 in without its out
  CHECK(f[1].severity == Severity::kError);
  CHECK(f[2].code == "LEDGER_TRANSFER_MISMATCH");  // TR4: 1 out, 2 in
  CHECK(f[2].message_en.find("out 1 件") != std::string::npos);
  CHECK(f[2].message_en.find("in 2 件") != std::string::npos);
  // As of 05-03 TR4's in was not booked yet: in transit rather than mismatched.
  Findings early = AuditLedger(mine, {other}, D("2026-05-03"));
  REQUIRE(early.size() == 3);
  CHECK(early[2].code == "LEDGER_TRANSFER_UNPAIRED");
  CHECK(early[2].severity == Severity::kWarning);
}

TEST_CASE("a debit within the stock is accepted, with the balances after it") {
  Ledger l = StockBook();
  PendingCheck c = Check(l, Out("P", "2026-05-06", 1, "A", "4"));
  CHECK(c.accepted);
  CHECK(c.findings.empty());
  CHECK(c.debit);
  CHECK(c.available == Q("4"));
  CHECK(c.balance_before == Q("4"));
  CHECK(c.balance_after == Q("0"));
  CHECK(c.final_after == Q("0"));
  REQUIRE(c.balances.size() == 1);
  CHECK(c.balances[0].balance == Q("0"));
  // Nothing changed.
  CHECK(l.entries().size() == 2);
  CHECK(BalancesAt(l, std::nullopt)[0].balance == Q("4"));
}

TEST_CASE("a back-dated debit is refused when it would take a later balance below zero") {
  Ledger l = StockBook();
  // On 05-03 there are 10, but O1 takes 6 on 05-05: only 4 can go on 05-03.
  PendingCheck c = Check(l, Out("P", "2026-05-03", 1, "A", "5"));
  CHECK_FALSE(c.accepted);
  CHECK(c.available == Q("4"));
  CHECK(c.balance_before == Q("10"));
  CHECK(c.balance_after == Q("5"));
  CHECK(c.lowest_after.e5 == -Qty::kScale);
  CHECK(c.lowest_after_date == D("2026-05-05"));
  REQUIRE(c.findings.size() == 1);
  const Finding& f = c.findings[0];
  CHECK(f.code == "LEDGER_NEGATIVE_BALANCE");
  CHECK(f.field == "pending.qty");
  CHECK(f.message_en.find("SKU A: 4 件 available on 2026-05-03, 5 件 requested") !=
        std::string::npos);
  CHECK(f.message_en.find("fall to -1 件 on 2026-05-05") != std::string::npos);
  CHECK(Check(l, Out("P", "2026-05-03", 1, "A", "4")).accepted);
}

TEST_CASE("within a day the seq decides: a debit before the day's lot finds no stock") {
  Ledger l = Book({In("L1", "2026-05-01", 5, "A", "3")});
  CHECK_FALSE(Check(l, Out("P", "2026-05-01", 1, "A", "1")).accepted);
  PendingCheck after = Check(l, Out("P", "2026-05-01", 9, "A", "1"));
  CHECK(after.accepted);
  // Without a seq the entry lands after the day's last.
  LedgerEntry unplaced = Out("P", "2026-05-01", 0, "A", "1");
  unplaced.seq = -1;
  PendingCheck placed = Check(l, unplaced);
  CHECK(placed.pending.seq == 6);
  CHECK(placed.accepted);
}

TEST_CASE("a debit of a SKU the book never held is an unknown SKU") {
  PendingCheck c = Check(StockBook(), Out("P", "2026-05-06", 1, "NEW", "1"));
  CHECK_FALSE(c.accepted);
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].code == "LEDGER_UNKNOWN_SKU");
  CHECK(c.findings[0].field == "pending.sku");
  // A credit of a new SKU opens it.
  CHECK(Check(StockBook(), In("P", "2026-05-06", 1, "NEW", "1")).accepted);
}

TEST_CASE("a pending entry repeats no list line, unit or transfer id") {
  Ledger l = StockBook();
  PendingCheck dup = Check(l, Out("P", "2026-05-06", 1, "A", "1", "INV-O1", 1));
  CHECK_FALSE(dup.accepted);
  CHECK(FindCode(dup.findings, "LEDGER_DUPLICATE_RELEASE") != nullptr);
  LedgerEntry kg = Out("P", "2026-05-06", 1, "A", "1");
  kg.unit = "千克";
  CHECK(FindCode(Check(l, kg).findings, "LEDGER_UNIT_MISMATCH") != nullptr);
}

// A return of `qty` of list line INV-O1/1 (StockBook's release) on `date`.
LedgerEntry Return(std::string id, const char* date, const char* qty, int gnum = 1) {
  LedgerEntry e = Out(std::move(id), date, 1, "A", qty, "INV-O1", gnum);
  e.kind = LedgerEntryKind::kReturnIn;
  return e;
}

TEST_CASE("goods returned to the area come back on the book, never more than the line took") {
  Ledger l = StockBook();  // 10 in, 6 out on 05-05 by list INV-O1 line 1
  PendingCheck back = Check(l, Return("R1", "2026-05-20", "2"));
  CHECK(back.accepted);
  CHECK_FALSE(back.debit);
  CHECK(back.final_after.e5 == Q("6").e5);  // 4 left + 2 back
  // Returns add up: 2 + 4 is the whole line, one more unit is not.
  Ledger with_two = Book({In("L1", "2026-05-01", 1, "A", "10"),
                          Out("O1", "2026-05-05", 1, "A", "6"), Return("R1", "2026-05-20", "2")});
  CHECK(Check(with_two, Return("R2", "2026-05-21", "4")).accepted);
  PendingCheck too_much = Check(with_two, Return("R2", "2026-05-21", "4.5"));
  CHECK_FALSE(too_much.accepted);
  const Finding* f = FindCode(too_much.findings, "LEDGER_RETURN_EXCEEDS_RELEASE");
  REQUIRE(f != nullptr);
  CHECK(f->field == "pending.qty");
  CHECK(f->message_en.find("4 件 may still come back") != std::string::npos);
  // A return of a line this book never debited, or dated before the debit, is refused.
  CHECK(FindCode(Check(l, Return("R1", "2026-05-20", "1", 2)).findings,
                 "LEDGER_RETURN_UNMATCHED") != nullptr);
  CHECK(FindCode(Check(l, Return("R1", "2026-05-04", "1")).findings, "LEDGER_RETURN_UNMATCHED") !=
        nullptr);
  // The audit of a stored book finds the same.
  Ledger bad = Book({In("L1", "2026-05-01", 1, "A", "10"), Out("O1", "2026-05-05", 1, "A", "6"),
                     Return("R1", "2026-05-20", "5"), Return("R2", "2026-05-21", "2")});
  Findings audit = AuditLedger(bad, {}, std::nullopt);
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].code == "LEDGER_RETURN_EXCEEDS_RELEASE");
  CHECK(audit[0].field == "entries[id=R2].qty");
  // Its JSON keeps the list line.
  Json j = LedgerEntryToJson(Return("R1", "2026-05-20", "2"));
  CHECK(j["kind"] == "return_in");
  CHECK(j["invt_no"] == "INV-O1");
  CHECK(j["gnum"] == 1);
  StatusOr<LedgerEntry> read = LedgerEntryFromJson(j, "e");
  REQUIRE(read.ok());
  CHECK(read->kind == LedgerEntryKind::kReturnIn);
  j.erase("invt_no");
  CHECK(LedgerEntryFromJson(j, "e").status().message().find("e.invt_no") != std::string::npos);
}

TEST_CASE("a transfer in needs its transfer out, alike, in the counterpart ledger") {
  Ledger mine = StockBook();
  Ledger other = Book({In("X0", "2026-05-01", 1, "Z", "9"),
                       Transfer("X1", LedgerEntryKind::kTransferOut, "2026-05-03", 1, "Z", "3",
                                "TR1", "T4601W000001")},
                      kOther);
  auto in = [](const char* date, const char* qty, const char* id) {
    return Transfer("P", LedgerEntryKind::kTransferIn, date, 1, "A", qty, id, kOther);
  };
  CHECK(Check(mine, in("2026-05-03", "3", "TR1"), {other}).accepted);
  PendingCheck missing = Check(mine, in("2026-05-03", "3", "TR1"), {});
  CHECK(FindCode(missing.findings, "LEDGER_TRANSFER_UNPAIRED") != nullptr);
  CHECK(FindCode(Check(mine, in("2026-05-03", "3", "TR7"), {other}).findings,
                 "LEDGER_TRANSFER_UNPAIRED") != nullptr);
  CHECK(FindCode(Check(mine, in("2026-05-03", "2", "TR1"), {other}).findings,
                 "LEDGER_TRANSFER_MISMATCH") != nullptr);
  CHECK(FindCode(Check(mine, in("2026-05-02", "3", "TR1"), {other}).findings,
                 "LEDGER_TRANSFER_MISMATCH") != nullptr);
  // An out may be booked before the receiving ledger books it in.
  LedgerEntry out =
      Transfer("P", LedgerEntryKind::kTransferOut, "2026-05-06", 1, "A", "2", "TR8", kOther);
  PendingCheck c = Check(mine, out, {other});
  CHECK(c.accepted);
  CHECK(c.findings.empty());
}

TEST_CASE("a pending entry that collides with the book is a malformed request") {
  Ledger l = StockBook();
  StatusOr<PendingCheck> same_id = CheckPendingEntry(l, Out("O1", "2026-05-06", 1, "A", "1"), {});
  REQUIRE_FALSE(same_id.ok());
  CHECK(same_id.status().message() == "field 'pending.id' is already in the ledger");
  StatusOr<PendingCheck> same_seq = CheckPendingEntry(l, Out("P", "2026-05-05", 1, "A", "1"), {});
  REQUIRE_FALSE(same_seq.ok());
  CHECK(same_seq.status().message().find("pending.seq") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// JSON entry points.

constexpr const char* kLedgerJson = R"({"ems_no": "T4601W000001", "enterprise_code": "4101960ABC",
  "entries": [
   {"id": "L1", "kind": "first_line_in", "date": "2026-05-01", "seq": 1, "sku": "A",
    "code10": "3304990099", "qty": "10", "unit": "件", "entry_no": "460120260000001",
    "created_by": "server bookkeeping is ignored"},
   {"id": "O1", "kind": "release_out", "date": "2026-05-05", "seq": 1, "sku": "A",
    "code10": "3304990099", "qty": "6", "unit": "件", "invt_no": "INV1", "gnum": 1}]})";

std::string Request(const std::string& rest) {
  return std::string(R"({"ledger": )") + kLedgerJson + rest + "}";
}

Json Parsed(const std::string& text) { return ParseJson(text).value(); }

TEST_CASE("LedgerBalancesJson gives balances at a date and the audit") {
  Json r = Parsed(LedgerBalancesJson(Request(R"(, "date": "2026-05-04")")));
  CHECK(r["outcome"] == "consistent");
  CHECK(r["date"] == "2026-05-04");
  REQUIRE(r["balances"].size() == 1);
  CHECK(r["balances"][0]["balance"] == "10");
  Json all = Parsed(LedgerBalancesJson(Request("")));
  CHECK(all["date"].is_null());
  CHECK(all["balances"][0]["balance"] == "4");
  CHECK(all["balances"][0]["out"] == "6");
}

TEST_CASE("LedgerTraceJson traces by unit or by entry") {
  Json u = Parsed(LedgerTraceJson(Request(R"(, "sku": "A", "unit": 6)")));
  CHECK(u["outcome"] == "traced");
  CHECK(u["links"][0]["in"]["entry_no"] == "460120260000001");
  CHECK(u["links"][0]["out"]["invt_no"] == "INV1");
  Json e = Parsed(LedgerTraceJson(Request(R"(, "entry_id": "L1")")));
  CHECK(e["remaining"] == "4");
  CHECK(e["entry"]["kind"] == "first_line_in");
  Json both = Parsed(LedgerTraceJson(Request(R"(, "entry_id": "L1", "sku": "A", "unit": 1)")));
  CHECK(both["error"]["code"] == "invalid_argument");
}

TEST_CASE("LedgerWhatIfJson checks a pending debit without storing it") {
  Json ok = Parsed(LedgerWhatIfJson(Request(
      R"(, "pending": {"id": "P", "kind": "release_out", "date": "2026-05-06", "sku": "A",
          "code10": "3304990099", "qty": "4", "unit": "件", "invt_no": "INV2", "gnum": 1})")));
  CHECK(ok["outcome"] == "accepted");
  CHECK(ok["pending"]["seq"] == 0);
  CHECK(ok["final_after"] == "0");
  Json refused = Parsed(LedgerWhatIfJson(Request(
      R"(, "pending": {"id": "P", "kind": "release_out", "date": "2026-05-06", "sku": "A",
          "code10": "3304990099", "qty": "4.00001", "unit": "件", "invt_no": "INV2", "gnum": 1})")));
  CHECK(refused["outcome"] == "refused");
  CHECK(refused["findings"][0]["code"] == "LEDGER_NEGATIVE_BALANCE");
  CHECK(refused["available"] == "4");
}

TEST_CASE("the ledger entry points refuse malformed requests naming the field") {
  auto error = [](const std::string& out) {
    Json j = Parsed(out);
    return j.contains("error") ? j["error"]["message"].get<std::string>() : std::string();
  };
  CHECK(error(LedgerBalancesJson("[")).find("malformed JSON") != std::string::npos);
  CHECK(error(LedgerBalancesJson(Request(R"(, "dat": "2026-05-01")"))).find("dat") !=
        std::string::npos);
  CHECK(error(LedgerBalancesJson(R"({"ledger": {"ems_no": "E", "entries": [{"id": "a",
      "kind": "release_out", "date": "2026-05-01", "seq": 1, "sku": "A", "code10": "3304990099",
      "qty": "1.123456", "unit": "件", "invt_no": "I", "gnum": 1}]}})")) ==
        "field 'ledger.entries[0].qty' has more than 5 decimals (N19,5)");
  CHECK(error(LedgerBalancesJson(R"({"ledger": {"ems_no": "E", "entries": [{"id": "a",
      "kind": "first_line_in", "date": "2026-05-01", "seq": 1, "sku": "A", "code10": "3304990099",
      "qty": "1", "unit": "件"}]}})")) == "field 'ledger.entries[0].entry_no' is required");
  CHECK(error(LedgerBalancesJson(R"({"ledger": {"ems_no": "E", "entries": [{"id": "a",
      "kind": "stolen", "date": "2026-05-01", "seq": 1, "sku": "A", "code10": "3304990099",
      "qty": "1", "unit": "件"}]}})"))
            .find("ledger.entries[0].kind") != std::string::npos);
  CHECK(error(LedgerBalancesJson(R"({"ledger": {"ems_no": "E", "entries": [{"id": "a",
      "kind": "adjustment", "date": "2026-05-01", "seq": 1, "sku": "A", "code10": "33049900",
      "qty": "1", "unit": "件", "direction": "up", "reason": "x"}]}})")) ==
        "field 'ledger.entries[0].code10' must be 10 digits");
  CHECK(error(LedgerBalancesJson(R"({"ledger": {"ems_no": "E", "entries": [
      {"id": "a", "kind": "first_line_in", "date": "2026-05-01", "seq": 1, "sku": "A",
       "code10": "3304990099", "qty": "1", "unit": "件", "entry_no": "1"},
      {"id": "b", "kind": "first_line_in", "date": "2026-05-01", "seq": 1, "sku": "A",
       "code10": "3304990099", "qty": "1", "unit": "件", "entry_no": "2"}]}})")) ==
        "field 'ledger.entries[1].seq' repeats seq 1 of 2026-05-01");
  CHECK(error(LedgerWhatIfJson(Request(""))) == "field 'pending' is required");
}

}  // namespace
}  // namespace core
