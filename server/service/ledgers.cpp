// Ledger creation, visibility, documents and the read-only core runs.
#include "service/ledgers.h"

#include <set>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "core/ledger_api.h"
#include "service/applications.h"

namespace server {

namespace {

constexpr size_t kMaxCounterparts = 20;  // the core's limit per request

bool IsEmsNo(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

core::Json CoreLedgerJson(const LedgerRecord& l, const std::vector<StoredLedgerEntry>& entries,
                          bool bookkeeping) {
  core::Json doc = bookkeeping ? LedgerSummaryJson(l) : core::Json::object();
  doc["ems_no"] = l.ems_no;
  doc["enterprise_code"] = l.enterprise_code;
  core::Json arr = core::Json::array();
  for (const StoredLedgerEntry& e : entries) {
    arr.push_back(bookkeeping ? StoredLedgerEntryJson(e) : JsonOrNull(e.entry));
  }
  doc["entries"] = std::move(arr);
  return doc;
}

}  // namespace

bool IsBondedTradeMode(std::string_view trade_mode) {
  return trade_mode == "1210" || trade_mode == "1239";
}

core::Status CheckAllowedFields(const core::Json& obj, std::initializer_list<std::string_view> keys,
                                std::string_view path) {
  for (const auto& [key, value] : obj.items()) {
    bool known = false;
    for (std::string_view k : keys) known = known || k == key;
    if (!known) {
      return core::InvalidArgumentError("field '" + std::string(path) + "." + key +
                                        "' is not allowed");
    }
  }
  return core::OkStatus();
}

core::StatusOr<EnterpriseRecord> ResolveOwnEnterprise(Db& db, const Actor& actor,
                                                      std::optional<int64_t> requested,
                                                      std::string_view field) {
  if (actor.is_enterprise()) {
    if (requested && requested != actor.enterprise_id) {
      return core::NotFoundError("enterprise " + std::to_string(*requested) + " not found");
    }
    requested = actor.enterprise_id;
  }
  if (!requested) {
    return core::InvalidArgumentError("field '" + std::string(field) + "' is required");
  }
  CORE_RETURN_IF_ERROR(CheckEnterpriseVisible(actor, *requested));
  CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> enterprise, FindEnterprise(db, *requested));
  if (!enterprise) {
    return core::NotFoundError("enterprise " + std::to_string(*requested) + " not found");
  }
  if (enterprise->status != "admitted") {
    return core::FailedPreconditionError("enterprise " + std::to_string(*requested) +
                                         " is not admitted (status " + enterprise->status + ")");
  }
  return *std::move(enterprise);
}

core::StatusOr<LedgerRecord> CreateLedger(App& app, Db& db, const Actor& actor,
                                          const core::Json& body) {
  auto it = body.find("ledger");
  if (it == body.end() || !it->is_object()) {
    return core::InvalidArgumentError("field 'ledger' is required and must be an object");
  }
  const core::Json& in = *it;
  CORE_RETURN_IF_ERROR(
      CheckAllowedFields(in, {"ems_no", "customs_code", "name", "enterprise_id"}, "ledger"));
  LedgerRecord l;
  CORE_ASSIGN_OR_RETURN(l.ems_no, core::RequiredString(in, "ems_no", 32));
  if (!IsEmsNo(l.ems_no)) {
    return core::InvalidArgumentError(
        "field 'ledger.ems_no' must be 1-32 upper-case letters and digits");
  }
  CORE_ASSIGN_OR_RETURN(l.customs_code, core::RequiredString(in, "customs_code", 4));
  if (l.customs_code.size() != 4 || !IsDigits(l.customs_code)) {
    return core::InvalidArgumentError("field 'ledger.customs_code' must be 4 digits");
  }
  CORE_ASSIGN_OR_RETURN(l.name, core::OptionalString(in, "name", 200));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> enterprise_id,
                        core::OptionalInt(in, "enterprise_id"));
  CORE_ASSIGN_OR_RETURN(EnterpriseRecord enterprise,
                        ResolveOwnEnterprise(db, actor, enterprise_id, "ledger.enterprise_id"));
  const int64_t now = app.Now();
  l.enterprise_id = enterprise.id;
  l.enterprise_code = enterprise.customs_code;
  l.enterprise_name = enterprise.name;
  l.created_by = actor.user_id;
  l.created_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(l.id, InsertLedger(db, l));
  core::Json detail = {{"ems_no", l.ems_no},
                       {"enterprise_id", l.enterprise_id},
                       {"enterprise_code", l.enterprise_code},
                       {"customs_code", l.customs_code}};
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "ledger.create", "ledger", l.ems_no, detail, now));
  return l;
}

core::StatusOr<LedgerRecord> GetLedgerFor(Db& db, const Actor& actor, std::string_view ems_no) {
  CORE_ASSIGN_OR_RETURN(std::optional<LedgerRecord> l, FindLedgerByEmsNo(db, ems_no));
  // 404 either way: other enterprises' ledgers must not leak their existence.
  if (!l || !CheckEnterpriseVisible(actor, l->enterprise_id).ok()) {
    return core::NotFoundError("ledger '" + std::string(ems_no) + "' not found");
  }
  return *std::move(l);
}

core::StatusOr<core::Json> LedgerDocument(Db& db, const LedgerRecord& l, bool bookkeeping) {
  CORE_ASSIGN_OR_RETURN(std::vector<StoredLedgerEntry> entries, ListLedgerEntries(db, l.id));
  return CoreLedgerJson(l, entries, bookkeeping);
}

core::StatusOr<core::Ledger> LoadCoreLedger(Db& db, const LedgerRecord& l) {
  CORE_ASSIGN_OR_RETURN(core::Json doc, LedgerDocument(db, l, false));
  core::StatusOr<core::Ledger> ledger = core::LedgerFromJson(doc, "ledger");
  if (!ledger.ok()) {
    return core::InternalError("stored ledger " + l.ems_no +
                               " does not read back: " + ledger.status().message());
  }
  return ledger;
}

core::StatusOr<std::vector<LedgerRecord>> VisibleCounterparts(Db& db, const Actor& actor,
                                                              const LedgerRecord& l,
                                                              std::string_view extra) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT DISTINCT json_extract(entry, "
                                         "'$.counterpart_ems_no') FROM ledger_entries WHERE "
                                         "ledger_id = ? AND transfer_id <> ''",
                                         l.id));
  std::set<std::string> names;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    names.insert(s.Text(0));
  }
  if (!extra.empty()) names.insert(std::string(extra));
  names.erase(l.ems_no);
  std::vector<LedgerRecord> out;
  for (const std::string& name : names) {
    if (out.size() == kMaxCounterparts) break;
    core::StatusOr<LedgerRecord> other = GetLedgerFor(db, actor, name);
    if (other.ok()) {
      out.push_back(*std::move(other));
    } else if (other.status().code() != core::StatusCode::kNotFound) {
      return other.status();
    }
  }
  return out;
}

namespace {

core::StatusOr<core::Json> CounterpartDocs(Db& db, const std::vector<LedgerRecord>& ledgers) {
  core::Json arr = core::Json::array();
  for (const LedgerRecord& c : ledgers) {
    CORE_ASSIGN_OR_RETURN(core::Json doc, LedgerDocument(db, c, false));
    arr.push_back(std::move(doc));
  }
  return arr;
}

}  // namespace

core::StatusOr<core::Json> LedgerBalances(Db& db, const Actor& actor, const LedgerRecord& l,
                                          const std::optional<core::Date>& date) {
  core::Json request = core::Json::object();
  CORE_ASSIGN_OR_RETURN(request["ledger"], LedgerDocument(db, l, false));
  if (date) request["date"] = date->ToIso();
  CORE_ASSIGN_OR_RETURN(std::vector<LedgerRecord> counterparts, VisibleCounterparts(db, actor, l));
  CORE_ASSIGN_OR_RETURN(request["counterparts"], CounterpartDocs(db, counterparts));
  return CoreResult(core::LedgerBalancesJson(core::DumpJson(request)));
}

core::StatusOr<core::Json> LedgerTrace(Db& db, const LedgerRecord& l, const core::Json& query) {
  core::Json request = query;
  CORE_ASSIGN_OR_RETURN(request["ledger"], LedgerDocument(db, l, false));
  return CoreResult(core::LedgerTraceJson(core::DumpJson(request)));
}

core::StatusOr<core::Json> LedgerWhatIf(Db& db, const Actor& actor, const LedgerRecord& l,
                                        const core::Json& body) {
  auto it = body.find("pending");
  if (it == body.end() || !it->is_object()) {
    return core::InvalidArgumentError("field 'pending' is required and must be an object");
  }
  core::Json pending = *it;
  if (!pending.contains("id")) pending["id"] = "pending";
  std::string extra;
  auto cp = pending.find("counterpart_ems_no");
  if (cp != pending.end() && cp->is_string()) extra = cp->get<std::string>();
  core::Json request = core::Json::object();
  CORE_ASSIGN_OR_RETURN(request["ledger"], LedgerDocument(db, l, false));
  CORE_ASSIGN_OR_RETURN(std::vector<LedgerRecord> counterparts,
                        VisibleCounterparts(db, actor, l, extra));
  CORE_ASSIGN_OR_RETURN(request["counterparts"], CounterpartDocs(db, counterparts));
  request["pending"] = std::move(pending);
  return CoreResult(core::LedgerWhatIfJson(core::DumpJson(request)));
}

}  // namespace server
