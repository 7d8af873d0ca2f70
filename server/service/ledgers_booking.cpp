// Checked ledger writes: entries, transfers and the debits of released bonded lists.
#include "service/ledgers_booking.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "service/ledgers.h"

namespace server {

namespace {

core::StatusOr<core::Ledger> WithEntry(const core::Ledger& l, const core::LedgerEntry& e) {
  std::vector<core::LedgerEntry> entries = l.entries();
  entries.push_back(e);
  return core::Ledger::Build(l.ems_no(), l.enterprise_code(), std::move(entries));
}

// Entry ids are the server's decimal row ids (0 for anything else, which the insert refuses).
int64_t RowIdOf(const std::string& id) {
  int64_t v = 0;
  std::from_chars(id.data(), id.data() + id.size(), v);
  return v;
}

StoredLedgerEntry ToStored(int64_t ledger_id, const core::LedgerEntry& e,
                           std::optional<int64_t> declaration_id, const Actor& actor,
                           const std::string& at) {
  StoredLedgerEntry s;
  s.id = RowIdOf(e.id);
  s.ledger_id = ledger_id;
  s.kind = std::string(core::LedgerEntryKindName(e.kind));
  s.date = e.date.ToIso();
  s.seq = e.seq;
  s.sku = e.sku;
  s.invt_no = e.invt_no;
  s.gnum = e.gnum;
  s.transfer_id = e.transfer_id;
  s.declaration_id = declaration_id;
  s.entry = core::DumpJson(core::LedgerEntryToJson(e));
  s.created_by = actor.user_id;
  s.created_at = at;
  return s;
}

// The core's reading of an entry object; its errors are the caller's (400).
core::StatusOr<core::LedgerEntry> ReadEntry(const core::Json& obj, std::string_view path,
                                            const core::Date& today) {
  core::StatusOr<core::LedgerEntry> e = core::LedgerEntryFromJson(obj, path, true);
  if (!e.ok()) return core::InvalidArgumentError(e.status().message());
  if (e->date > today) {
    return core::InvalidArgumentError("field '" + std::string(path) + ".date' is after today (" +
                                      today.ToIso() + ")");
  }
  return e;
}

core::Json EntryAuditJson(const core::LedgerEntry& e) {
  return {{"id", e.id},
          {"kind", std::string(core::LedgerEntryKindName(e.kind))},
          {"date", e.date.ToIso()},
          {"sku", e.sku},
          {"qty", core::FormatQty(e.qty)},
          {"unit", e.unit}};
}

core::Finding ServerFinding(const std::string& code, const std::string& field,
                            const std::string& zh, const std::string& en) {
  return core::MakeFinding(code, core::Severity::kError, field, zh, en);
}

}  // namespace

core::StatusOr<LedgerBooking> BookLedgerEntry(App& app, Db& db, const Actor& actor,
                                              const LedgerRecord& ledger, const core::Json& body) {
  auto it = body.find("entry");
  if (it == body.end() || !it->is_object()) {
    return core::InvalidArgumentError("field 'entry' is required and must be an object");
  }
  if (it->contains("id")) {
    return core::InvalidArgumentError("field 'entry.id' is assigned by the server");
  }
  CORE_ASSIGN_OR_RETURN(std::string kind, core::RequiredString(*it, "kind", 32));
  if (kind == "release_out") {
    return core::InvalidArgumentError(
        "field 'entry.kind': release_out entries are booked when a bonded list is released");
  }
  if (kind == "transfer_out" || kind == "transfer_in") {
    return core::InvalidArgumentError(
        "field 'entry.kind': transfers are booked with POST /api/v1/ledger-transfers");
  }
  if (kind == "adjustment" && !actor.is_customs()) {
    return core::PermissionDeniedError("only customs may adjust a ledger");
  }
  CORE_ASSIGN_OR_RETURN(int64_t id, NextLedgerEntryId(db));
  core::Json in = *it;
  in["id"] = std::to_string(id);
  CORE_ASSIGN_OR_RETURN(core::LedgerEntry entry, ReadEntry(in, "entry", app.Today()));
  CORE_ASSIGN_OR_RETURN(core::Ledger book, LoadCoreLedger(db, ledger));
  core::StatusOr<core::PendingCheck> check = core::CheckPendingEntry(book, entry, {});
  if (!check.ok()) return core::InvalidArgumentError(check.status().message());
  LedgerBooking b;
  b.accepted = check->accepted;
  b.findings = check->findings;
  core::Json check_json = core::PendingCheckToJson(*check);
  if (!b.accepted) {
    b.result = {{"check", std::move(check_json)}};
    return b;
  }
  const int64_t now = app.Now();
  StoredLedgerEntry s = ToStored(ledger.id, check->pending, std::nullopt, actor, FormatUtcIso(now));
  CORE_RETURN_IF_ERROR(InsertLedgerEntry(db, s));
  core::Json detail = EntryAuditJson(check->pending);
  CORE_RETURN_IF_ERROR(
      AppendAudit(db, actor, "ledger.entry", "ledger", ledger.ems_no, detail, now));
  b.result = {{"entry", StoredLedgerEntryJson(s)}, {"check", std::move(check_json)}};
  return b;
}

core::StatusOr<LedgerBooking> BookLedgerTransfer(App& app, Db& db, const Actor& actor,
                                                 const core::Json& body) {
  auto it = body.find("transfer");
  if (it == body.end() || !it->is_object()) {
    return core::InvalidArgumentError("field 'transfer' is required and must be an object");
  }
  CORE_RETURN_IF_ERROR(CheckAllowedFields(
      *it, {"from_ems_no", "to_ems_no", "date", "sku", "item_no", "code10", "qty", "unit"},
      "transfer"));
  core::Json base = *it;
  base.erase("from_ems_no");
  base.erase("to_ems_no");
  CORE_ASSIGN_OR_RETURN(std::string from_no, core::RequiredString(*it, "from_ems_no", 64));
  CORE_ASSIGN_OR_RETURN(std::string to_no, core::RequiredString(*it, "to_ems_no", 64));
  if (from_no == to_no) {
    return core::InvalidArgumentError(
        "fields 'transfer.from_ems_no' and 'transfer.to_ems_no' "
        "must name two different ledgers");
  }
  CORE_ASSIGN_OR_RETURN(LedgerRecord from, GetLedgerFor(db, actor, from_no));
  CORE_ASSIGN_OR_RETURN(LedgerRecord to, GetLedgerFor(db, actor, to_no));
  CORE_ASSIGN_OR_RETURN(int64_t out_id, NextLedgerEntryId(db));
  CORE_ASSIGN_OR_RETURN(int64_t transfer_row, NextLedgerTransferId(db));
  const std::string transfer_id = "TR" + std::to_string(transfer_row);
  core::Json out_json = base;
  out_json["id"] = std::to_string(out_id);
  out_json["kind"] = "transfer_out";
  out_json["transfer_id"] = transfer_id;
  out_json["counterpart_ems_no"] = to.ems_no;
  core::Json in_json = base;
  in_json["id"] = std::to_string(out_id + 1);
  in_json["kind"] = "transfer_in";
  in_json["transfer_id"] = transfer_id;
  in_json["counterpart_ems_no"] = from.ems_no;
  const core::Date today = app.Today();
  CORE_ASSIGN_OR_RETURN(core::LedgerEntry out, ReadEntry(out_json, "transfer", today));
  CORE_ASSIGN_OR_RETURN(core::LedgerEntry in, ReadEntry(in_json, "transfer", today));
  CORE_ASSIGN_OR_RETURN(core::Ledger from_book, LoadCoreLedger(db, from));
  CORE_ASSIGN_OR_RETURN(core::Ledger to_book, LoadCoreLedger(db, to));
  core::StatusOr<core::PendingCheck> out_check = core::CheckPendingEntry(from_book, out, {to_book});
  if (!out_check.ok()) return core::InvalidArgumentError(out_check.status().message());
  CORE_ASSIGN_OR_RETURN(core::Ledger from_after, WithEntry(from_book, out_check->pending));
  core::StatusOr<core::PendingCheck> in_check = core::CheckPendingEntry(to_book, in, {from_after});
  if (!in_check.ok()) return core::InvalidArgumentError(in_check.status().message());

  LedgerBooking b;
  b.accepted = out_check->accepted && in_check->accepted;
  core::AppendFindings(b.findings, out_check->findings, "out");
  core::AppendFindings(b.findings, in_check->findings, "in");
  core::Json checks = {{"out", core::PendingCheckToJson(*out_check)},
                       {"in", core::PendingCheckToJson(*in_check)}};
  if (!b.accepted) {
    b.result = {{"checks", std::move(checks)}};
    return b;
  }
  const int64_t now = app.Now();
  const std::string at = FormatUtcIso(now);
  StoredLedgerEntry out_row = ToStored(from.id, out_check->pending, std::nullopt, actor, at);
  StoredLedgerEntry in_row = ToStored(to.id, in_check->pending, std::nullopt, actor, at);
  CORE_RETURN_IF_ERROR(InsertLedgerEntry(db, out_row));
  CORE_RETURN_IF_ERROR(InsertLedgerEntry(db, in_row));
  LedgerTransferRecord t;
  t.id = transfer_row;
  t.transfer_id = transfer_id;
  t.from_ledger_id = from.id;
  t.to_ledger_id = to.id;
  t.out_entry_id = out_row.id;
  t.in_entry_id = in_row.id;
  t.created_by = actor.user_id;
  t.created_at = at;
  CORE_RETURN_IF_ERROR(InsertLedgerTransfer(db, t));
  core::Json detail = {{"from_ems_no", from.ems_no},
                       {"to_ems_no", to.ems_no},
                       {"out", EntryAuditJson(out_check->pending)},
                       {"in", EntryAuditJson(in_check->pending)}};
  CORE_RETURN_IF_ERROR(
      AppendAudit(db, actor, "ledger.transfer", "ledger_transfer", transfer_id, detail, now));
  b.result = {{"transfer",
               {{"transfer_id", transfer_id},
                {"from_ems_no", from.ems_no},
                {"to_ems_no", to.ems_no},
                {"out", StoredLedgerEntryJson(out_row)},
                {"in", StoredLedgerEntryJson(in_row)},
                {"created_at", at}}},
              {"checks", std::move(checks)}};
  return b;
}

core::StatusOr<ListDebitPlan> PlanListDebits(Db& db, const core::Inventory& list,
                                             const std::string& invt_no, const core::Date& date) {
  ListDebitPlan plan;
  plan.bonded = IsBondedTradeMode(list.head.trade_mode);
  if (!plan.bonded) return plan;
  const std::string& ems_no = list.head.ems_no;
  if (ems_no.empty()) {
    plan.findings.push_back(ServerFinding("LEDGER_EMS_NO_MISSING", "InventoryHead.emsNo",
                                          "保税清单未填写账册编号",
                                          "a bonded list must name its ledger (emsNo)"));
    return plan;
  }
  CORE_ASSIGN_OR_RETURN(plan.ledger, FindLedgerByEmsNo(db, ems_no));
  if (!plan.ledger) {
    plan.findings.push_back(ServerFinding("LEDGER_NOT_FOUND", "InventoryHead.emsNo",
                                          "账册 " + ems_no + " 未备案",
                                          "ledger " + ems_no + " is not registered"));
    return plan;
  }
  const std::string& owner = plan.ledger->enterprise_code;
  if (owner != list.head.ebc_code && owner != list.head.area_code) {
    plan.findings.push_back(ServerFinding(
        "LEDGER_NOT_OWNED", "InventoryHead.emsNo",
        "账册 " + ems_no + " 不属于清单的电商企业或区内仓储企业",
        "ledger " + ems_no + " belongs neither to the list's e-commerce nor its area enterprise"));
    return plan;
  }
  CORE_ASSIGN_OR_RETURN(core::Ledger book, LoadCoreLedger(db, *plan.ledger));
  CORE_ASSIGN_OR_RETURN(int64_t next_id, NextLedgerEntryId(db));
  for (size_t i = 0; i < list.lines.size(); ++i) {
    const core::InventoryLine& line = list.lines[i];
    const std::string field = "InventoryList[" + std::to_string(i) + "]";
    core::LedgerEntry e;
    e.id = std::to_string(next_id + static_cast<int64_t>(plan.entries.size()));
    e.kind = core::LedgerEntryKind::kReleaseOut;
    e.date = date;
    e.seq = -1;  // after the day's last entry
    // The account-book item number identifies the SKU; lists without it use their item number.
    e.sku = !line.item_record_no.empty() ? line.item_record_no : line.item_no;
    e.item_no = line.item_no;
    e.code10 = line.gcode;
    e.qty = line.qty;
    e.unit = line.unit;
    e.invt_no = invt_no;
    e.gnum = line.gnum;
    if (e.sku.empty()) {
      plan.findings.push_back(ServerFinding("LEDGER_SKU_MISSING", field + ".itemRecordNo",
                                            "保税清单商品未填写账册备案料号",
                                            "the line names no ledger item (itemRecordNo)"));
      continue;
    }
    core::StatusOr<core::PendingCheck> check = core::CheckPendingEntry(book, e, {});
    if (!check.ok()) {
      plan.findings.push_back(ServerFinding(
          "LEDGER_LINE_INVALID", field, "清单商品无法记入账册：" + check.status().message(),
          "the line cannot be booked: " + check.status().message()));
      continue;
    }
    plan.checks.push_back(core::PendingCheckToJson(*check));
    core::AppendFindings(plan.findings, check->findings, field);
    if (!check->accepted) continue;
    plan.entries.push_back(check->pending);
    CORE_ASSIGN_OR_RETURN(book, WithEntry(book, check->pending));
  }
  return plan;
}

core::Json ListDebitPlanJson(const ListDebitPlan& plan, const std::string& invt_no,
                             const core::Date& date) {
  core::Json j = core::Json::object();
  j["outcome"] = core::HasErrors(plan.findings) ? "refused" : "accepted";
  j["ems_no"] = plan.ledger ? core::Json(plan.ledger->ems_no) : core::Json();
  j["invt_no"] = invt_no;
  j["date"] = date.ToIso();
  j["checks"] = plan.checks;
  j["findings"] = core::FindingsToJson(plan.findings);
  return j;
}

core::Status BookListDebits(App& app, Db& db, const ListDebitPlan& plan, const std::string& invt_no,
                            int64_t declaration_id) {
  if (!plan.bonded) return core::OkStatus();
  if (core::HasErrors(plan.findings)) {
    std::string codes;
    for (const core::Finding& f : plan.findings) {
      if (f.severity != core::Severity::kError) continue;
      codes += (codes.empty() ? "" : ", ") + f.code + " (" + f.message_en + ")";
    }
    return core::FailedPreconditionError("the bonded ledger refuses the list's debits: " + codes);
  }
  if (!plan.ledger || plan.entries.empty()) return core::OkStatus();
  // A list is debited once, whichever release path calls twice.
  CORE_ASSIGN_OR_RETURN(bool done, HasReleaseEntries(db, plan.ledger->id, invt_no));
  if (done) return core::OkStatus();
  const int64_t now = app.Now();
  const std::string at = FormatUtcIso(now);
  core::Json ids = core::Json::array();
  for (const core::LedgerEntry& e : plan.entries) {
    StoredLedgerEntry s = ToStored(plan.ledger->id, e, declaration_id, Actor::System(), at);
    CORE_RETURN_IF_ERROR(InsertLedgerEntry(db, s));
    ids.push_back(EntryAuditJson(e));
  }
  core::Json detail = {{"invt_no", invt_no}, {"declaration_id", declaration_id}, {"entries", ids}};
  return AppendAudit(db, Actor::System(), "ledger.release", "ledger", plan.ledger->ems_no, detail,
                     now);
}

core::Status BookReturnCredits(App& app, Db& db, const std::string& ems_no, int64_t declaration_id,
                               const std::map<int, int64_t>& returned_e5, const core::Date& date,
                               int64_t return_id) {
  CORE_ASSIGN_OR_RETURN(std::vector<StoredLedgerEntry> released,
                        ListReleaseEntriesOf(db, declaration_id));
  if (released.empty()) return core::OkStatus();
  CORE_ASSIGN_OR_RETURN(std::optional<LedgerRecord> ledger, FindLedgerByEmsNo(db, ems_no));
  if (!ledger || ledger->id != released.front().ledger_id) {
    return core::FailedPreconditionError("the list's release was booked on another ledger than " +
                                         ems_no);
  }
  CORE_ASSIGN_OR_RETURN(core::Ledger book, LoadCoreLedger(db, *ledger));
  CORE_ASSIGN_OR_RETURN(int64_t next_id, NextLedgerEntryId(db));
  std::vector<core::LedgerEntry> credits;
  for (const StoredLedgerEntry& r : released) {
    auto back = returned_e5.find(static_cast<int>(r.gnum));
    if (back == returned_e5.end() || back->second <= 0) continue;
    CORE_ASSIGN_OR_RETURN(core::Json stored, core::ParseJson(r.entry));
    CORE_ASSIGN_OR_RETURN(core::LedgerEntry e, core::LedgerEntryFromJson(stored, "entry"));
    e.id = std::to_string(next_id + static_cast<int64_t>(credits.size()));
    e.kind = core::LedgerEntryKind::kReturnIn;
    e.date = date;
    e.seq = -1;  // after the day's last entry
    e.qty.e5 = std::min(back->second, e.qty.e5);
    CORE_ASSIGN_OR_RETURN(core::PendingCheck check, core::CheckPendingEntry(book, e, {}));
    if (!check.accepted) {
      std::string why;
      for (const core::Finding& f : check.findings) why += " " + f.code + " (" + f.message_en + ")";
      return core::FailedPreconditionError("the bonded ledger refuses the return of " + e.invt_no +
                                           " line " + std::to_string(e.gnum) + ":" + why);
    }
    credits.push_back(check.pending);
    CORE_ASSIGN_OR_RETURN(book, WithEntry(book, check.pending));
  }
  if (credits.empty()) return core::OkStatus();
  const int64_t now = app.Now();
  const std::string at = FormatUtcIso(now);
  core::Json ids = core::Json::array();
  for (const core::LedgerEntry& e : credits) {
    CORE_RETURN_IF_ERROR(
        InsertLedgerEntry(db, ToStored(ledger->id, e, declaration_id, Actor::System(), at)));
    ids.push_back(EntryAuditJson(e));
  }
  core::Json detail = {{"invt_no", credits.front().invt_no},
                       {"declaration_id", declaration_id},
                       {"return_id", return_id},
                       {"entries", ids}};
  return AppendAudit(db, Actor::System(), "ledger.return", "ledger", ledger->ems_no, detail, now);
}

}  // namespace server
