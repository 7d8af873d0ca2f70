// Vehicles, gate passes, gate checks through the core and hold releases.
#include "service/gates.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "common/json_text.h"
#include "core/gate.h"
#include "core/ledger_api.h"
#include "core/messages.h"
#include "service/applications.h"
#include "service/ledgers.h"
#include "store/declarations_repo.h"

namespace server {

namespace {

bool HasRole(const EnterpriseRecord& e, std::string_view role) {
  return std::find(e.roles.begin(), e.roles.end(), role) != e.roles.end();
}

core::StatusOr<EnterpriseRecord> LogisticsEnterprise(Db& db, const Actor& actor,
                                                     std::optional<int64_t> requested,
                                                     std::string_view field) {
  CORE_ASSIGN_OR_RETURN(EnterpriseRecord e, ResolveOwnEnterprise(db, actor, requested, field));
  if (!HasRole(e, "logistics")) {
    return core::FailedPreconditionError("enterprise " + std::to_string(e.id) +
                                         " is not a logistics enterprise");
  }
  return e;
}

// The admitted enterprise with that customs code (the first registered), if any.
core::StatusOr<std::optional<int64_t>> EnterpriseIdByCode(Db& db, std::string_view code) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT id FROM enterprises WHERE customs_code = ? "
                                         "ORDER BY (status = 'admitted') DESC, id LIMIT 1",
                                         code));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(s.Int(0));
}

// A well-formed event for reading a pass alone through the core's request reader.
const core::Json& PlaceholderEvent() {
  static const core::Json kEvent = {
      {"passCollectWt", "0"}, {"gate", 1}, {"passTime", "20000101000000"}};
  return kEvent;
}

core::Json ErrorCodes(const core::Json& findings) {
  core::Json codes = core::Json::array();
  if (!findings.is_array()) return codes;
  for (const core::Json& f : findings) {
    if (!f.is_object()) continue;
    auto severity = f.find("severity");
    auto code = f.find("code");
    if (severity != f.end() && *severity == "error" && code != f.end()) codes.push_back(*code);
  }
  return codes;
}

}  // namespace

std::string PlateKey(std::string_view plate) {
  std::string key;
  for (char c : plate) {
    if (c == ' ') continue;
    key += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return key;
}

core::StatusOr<VehicleRecord> RegisterVehicle(App& app, Db& db, const Actor& actor,
                                              const core::Json& body) {
  auto it = body.find("vehicle");
  if (it == body.end() || !it->is_object()) {
    return core::InvalidArgumentError("field 'vehicle' is required and must be an object");
  }
  CORE_RETURN_IF_ERROR(
      CheckAllowedFields(*it, {"plate", "ic_card_no", "frame_wt", "enterprise_id"}, "vehicle"));
  VehicleRecord v;
  CORE_ASSIGN_OR_RETURN(v.plate, core::RequiredString(*it, "plate", 20));
  CORE_ASSIGN_OR_RETURN(v.ic_card_no, core::RequiredString(*it, "ic_card_no", 64));
  CORE_ASSIGN_OR_RETURN(v.frame_wt, core::RequiredString(*it, "frame_wt", 24));
  v.plate_key = PlateKey(v.plate);
  if (v.plate_key.empty() || v.ic_card_no.empty()) {
    return core::InvalidArgumentError(
        "fields 'vehicle.plate' and 'vehicle.ic_card_no' must not "
        "be empty");
  }
  core::StatusOr<core::Qty> frame = core::ParseQty(v.frame_wt);
  if (!frame.ok() || frame->e5 <= 0) {
    return core::InvalidArgumentError(
        "field 'vehicle.frame_wt' must be a weight in kg above "
        "zero, e.g. \"8500\" or \"8500.5\"");
  }
  v.frame_wt = core::FormatQty(*frame);
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> enterprise_id,
                        core::OptionalInt(*it, "enterprise_id"));
  CORE_ASSIGN_OR_RETURN(EnterpriseRecord e,
                        LogisticsEnterprise(db, actor, enterprise_id, "vehicle.enterprise_id"));
  const int64_t now = app.Now();
  v.enterprise_id = e.id;
  v.enterprise_code = e.customs_code;
  v.enterprise_name = e.name;
  v.created_by = actor.user_id;
  v.created_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(v.id, InsertVehicle(db, v));
  core::Json detail = {{"plate", v.plate},
                       {"ic_card_no", v.ic_card_no},
                       {"frame_wt", v.frame_wt},
                       {"enterprise_id", v.enterprise_id}};
  CORE_RETURN_IF_ERROR(
      AppendAudit(db, actor, "vehicle.register", "vehicle", std::to_string(v.id), detail, now));
  return v;
}

core::StatusOr<GatePassRecord> CreateGatePass(App& app, Db& db, const Actor& actor,
                                              const core::Json& body) {
  auto it = body.find("pass");
  if (it == body.end() || !it->is_object()) {
    return core::InvalidArgumentError("field 'pass' is required and must be an object");
  }
  core::Json pass = *it;
  std::optional<int64_t> enterprise_id;
  if (actor.is_enterprise()) {
    CORE_ASSIGN_OR_RETURN(std::optional<std::string> code,
                          core::OptionalString(pass, "logisticsCode", 64));
    CORE_ASSIGN_OR_RETURN(EnterpriseRecord own,
                          ResolveOwnEnterprise(db, actor, std::nullopt, "pass.logisticsCode"));
    if (code && !code->empty() && *code != own.customs_code) {
      return core::InvalidArgumentError(
          "field 'pass.logisticsCode' must be your enterprise's "
          "customs code " +
          own.customs_code);
    }
    pass["logisticsCode"] = own.customs_code;
    enterprise_id = own.id;
  }
  const int64_t now = app.Now();
  CORE_ASSIGN_OR_RETURN(int64_t id, NextGatePassId(db));
  if (!pass.contains("passportNo")) {
    // Assigned like customs numbers: "HF" + the year + 10 digits.
    std::string digits = std::to_string(id);
    digits.insert(0, digits.size() < 10 ? 10 - digits.size() : 0, '0');
    pass["passportNo"] = "HF" + std::to_string(app.Today().year()) + digits;
  }
  core::Json probe = {{"vehicles", core::Json::array()},
                      {"pass", pass},
                      {"event", PlaceholderEvent()},
                      {"lists", core::Json::array()}};
  core::StatusOr<core::GateRequest> read = core::GateRequestFromJson(probe);
  if (!read.ok()) return core::InvalidArgumentError(read.status().message());
  if (!enterprise_id) {
    CORE_ASSIGN_OR_RETURN(enterprise_id, EnterpriseIdByCode(db, read->pass.logistics_code));
    if (!enterprise_id) {
      return core::NotFoundError("no enterprise has the customs code '" +
                                 read->pass.logistics_code + "'");
    }
  }
  CORE_ASSIGN_OR_RETURN(EnterpriseRecord e,
                        LogisticsEnterprise(db, actor, enterprise_id, "pass.logisticsCode"));
  GatePassRecord p;
  p.id = id;
  p.passport_no = read->pass.passport_no;
  p.enterprise_id = e.id;
  p.logistics_code = e.customs_code;
  p.enterprise_name = e.name;
  p.pass = core::DumpJson(pass);
  p.status = "open";
  p.reasons = "[]";
  p.created_by = actor.user_id;
  p.created_at = FormatUtcIso(now);
  p.updated_at = p.created_at;
  CORE_RETURN_IF_ERROR(InsertGatePass(db, p));
  core::Json detail = {{"passport_no", p.passport_no},
                       {"enterprise_id", p.enterprise_id},
                       {"vehicle_no", read->pass.vehicle_no},
                       {"invt_nos", read->pass.invt_nos}};
  CORE_RETURN_IF_ERROR(
      AppendAudit(db, actor, "gate_pass.create", "gate_pass", std::to_string(p.id), detail, now));
  return p;
}

core::StatusOr<GatePassRecord> GetGatePassFor(Db& db, const Actor& actor, int64_t id) {
  CORE_ASSIGN_OR_RETURN(std::optional<GatePassRecord> p, FindGatePass(db, id));
  if (!p || !CheckEnterpriseVisible(actor, p->enterprise_id).ok()) {
    return core::NotFoundError("gate pass " + std::to_string(id) + " not found");
  }
  return *std::move(p);
}

core::StatusOr<core::Json> GatePassDetailJson(Db& db, const GatePassRecord& p) {
  core::Json j = GatePassToJson(p);
  CORE_ASSIGN_OR_RETURN(std::vector<GateEventRecord> events, ListGateEvents(db, p.id));
  core::Json arr = core::Json::array();
  for (const GateEventRecord& e : events) arr.push_back(GateEventToJson(e));
  j["events"] = std::move(arr);
  return j;
}

core::StatusOr<GateEventRecord> RecordGateEvent(App& app, Db& db, const Actor& actor,
                                                const GatePassRecord& p, const core::Json& body) {
  auto it = body.find("event");
  if (it == body.end() || !it->is_object()) {
    return core::InvalidArgumentError("field 'event' is required and must be an object");
  }
  core::Json pass = JsonOrNull(p.pass);
  CORE_ASSIGN_OR_RETURN(std::string plate, core::RequiredString(pass, "vehicleNo", 64));
  CORE_ASSIGN_OR_RETURN(std::vector<VehicleRecord> vehicles,
                        VehiclesByPlateKey(db, PlateKey(plate)));
  core::Json vehicle_json = core::Json::array();
  for (const VehicleRecord& v : vehicles) vehicle_json.push_back(VehicleCoreJson(v));
  core::Json lists = core::Json::array();
  if (pass.contains("invtNos") && pass["invtNos"].is_array()) {
    for (const core::Json& n : pass["invtNos"]) {
      if (!n.is_string()) continue;
      CORE_ASSIGN_OR_RETURN(std::optional<int> status,
                            ListStatusByInvtNo(db, n.get<std::string>()));
      // A list customs does not know is left out: the core reports it as not released.
      if (!status) continue;
      std::string_view name = DeclarationStatusName(*status);
      lists.push_back(
          {{"invt_no", n}, {"status", name.empty() ? std::to_string(*status) : std::string(name)}});
    }
  }
  core::Json request = {
      {"vehicles", vehicle_json}, {"pass", pass}, {"event", *it}, {"lists", lists}};
  std::shared_ptr<const ReferenceData> ref = app.reference();
  std::string verdict = core::GateCheckJson(core::DumpJson(request), ref->policy);
  CORE_ASSIGN_OR_RETURN(core::Json parsed, CoreResult(verdict));
  const int64_t now = app.Now();
  GateEventRecord e;
  e.pass_id = p.id;
  e.event = core::DumpJson(*it);
  CORE_ASSIGN_OR_RETURN(e.outcome, core::RequiredString(parsed, "outcome"));
  e.verdict = verdict;
  e.created_by = actor.user_id;
  e.at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(e.id, InsertGateEvent(db, e));
  const bool hold = e.outcome == "hold";
  core::Json reasons = hold ? ErrorCodes(parsed["findings"]) : core::Json::array();
  CORE_RETURN_IF_ERROR(
      SetGatePassStatus(db, p.id, hold ? "held" : "passed", core::DumpJson(reasons), e.at));
  core::Json detail = {{"passport_no", p.passport_no},
                       {"event_id", e.id},
                       {"outcome", e.outcome},
                       {"reasons", reasons},
                       {"verdict_sha256", Sha256Hex(verdict)}};
  CORE_RETURN_IF_ERROR(
      AppendAudit(db, actor, "gate_pass.event", "gate_pass", std::to_string(p.id), detail, now));
  return e;
}

core::Status ReleaseGateHold(App& app, Db& db, const Actor& actor, const GatePassRecord& p,
                             const core::Json& body) {
  CORE_RETURN_IF_ERROR(CheckAllowedFields(body, {"reason"}, "body"));
  CORE_ASSIGN_OR_RETURN(std::string reason, core::RequiredString(body, "reason", 1000));
  if (reason.empty()) return core::InvalidArgumentError("field 'reason' must not be empty");
  if (p.status != "held") {
    return core::FailedPreconditionError("gate pass " + std::to_string(p.id) +
                                         " is not held (status " + p.status + ")");
  }
  const int64_t now = app.Now();
  const std::string at = FormatUtcIso(now);
  CORE_RETURN_IF_ERROR(ReleaseGatePassHold(db, p.id, actor.user_id, at, reason));
  core::Json detail = {
      {"passport_no", p.passport_no}, {"reasons", JsonOrNull(p.reasons)}, {"reason", reason}};
  return AppendAudit(db, actor, "gate_pass.release_hold", "gate_pass", std::to_string(p.id), detail,
                     now);
}

}  // namespace server
