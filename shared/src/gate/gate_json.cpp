// The gate request read strictly (SAS field names, weights as exact decimal text) and the
// verdict written deterministically; GateCheckJson. Pure.
#include <string>
#include <utility>

#include "../ledger/fields.h"
#include "core/gate.h"
#include "core/ledger_api.h"

namespace core {
namespace {

using internal::ExpectObject;
using internal::FieldError;
using internal::FieldPath;
using internal::IndexPath;
using internal::Member;
using internal::ReadArray;
using internal::ReadInt;
using internal::ReadQty;
using internal::ReadString;
using internal::RejectUnknownKeys;

constexpr size_t kMaxNo = 64;
constexpr size_t kMaxVehicles = 10000;
constexpr size_t kMaxLists = 10000;

StatusOr<Qty> RequiredQty(const Json& obj, std::string_view key, std::string_view path) {
  CORE_ASSIGN_OR_RETURN(std::optional<Qty> q, ReadQty(obj, key, path, true));
  return *q;
}

// A code out of a fixed set ("I"/"E", "1".."7"): InvalidArgument listing them otherwise.
StatusOr<std::string> ReadCode(const Json& obj, std::string_view key, std::string_view path,
                               std::initializer_list<std::string_view> allowed, bool required) {
  CORE_ASSIGN_OR_RETURN(std::string v, ReadString(obj, key, path, 8, required));
  if (v.empty() && !required) return v;
  std::string list;
  for (std::string_view a : allowed) {
    if (a == v) return v;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  return FieldError(FieldPath(path, key), "must be one of " + list);
}

StatusOr<Vehicle> VehicleFromJson(const Json& j, const std::string& path) {
  CORE_RETURN_IF_ERROR(ExpectObject(j, path));
  CORE_RETURN_IF_ERROR(
      RejectUnknownKeys(j, {"plate", "ic_card_no", "frame_wt", "enterprise_code"}, path));
  Vehicle v;
  CORE_ASSIGN_OR_RETURN(v.plate, ReadString(j, "plate", path, 20, true));
  CORE_ASSIGN_OR_RETURN(v.ic_card_no, ReadString(j, "ic_card_no", path, kMaxNo, true));
  CORE_ASSIGN_OR_RETURN(v.frame_wt, RequiredQty(j, "frame_wt", path));
  CORE_ASSIGN_OR_RETURN(v.enterprise_code, ReadString(j, "enterprise_code", path, kMaxNo, true));
  return v;
}

StatusOr<GatePass> PassFromJson(const Json& j) {
  const std::string path = "pass";
  CORE_RETURN_IF_ERROR(ExpectObject(j, path));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(
      j,
      {"passportNo", "ioTypecd", "passportTypecd", "bindTypecd", "logisticsCode", "vehicleNo",
       "vehicleIcNo", "vehicleFrameWt", "containerWt", "totalGrossWt", "invtNos"},
      path));
  GatePass p;
  CORE_ASSIGN_OR_RETURN(p.passport_no, ReadString(j, "passportNo", path, kMaxNo, true));
  CORE_ASSIGN_OR_RETURN(p.io_typecd, ReadCode(j, "ioTypecd", path, {"I", "E"}, true));
  CORE_ASSIGN_OR_RETURN(p.passport_typecd, ReadCode(j, "passportTypecd", path,
                                                    {"1", "2", "3", "4", "5", "6", "7"}, true));
  CORE_ASSIGN_OR_RETURN(p.bind_typecd, ReadCode(j, "bindTypecd", path, {"1", "2", "3"}, false));
  CORE_ASSIGN_OR_RETURN(p.logistics_code, ReadString(j, "logisticsCode", path, kMaxNo, true));
  CORE_ASSIGN_OR_RETURN(p.vehicle_no, ReadString(j, "vehicleNo", path, 20, true));
  CORE_ASSIGN_OR_RETURN(p.vehicle_ic_no, ReadString(j, "vehicleIcNo", path, kMaxNo, true));
  CORE_ASSIGN_OR_RETURN(p.vehicle_frame_wt, RequiredQty(j, "vehicleFrameWt", path));
  CORE_ASSIGN_OR_RETURN(std::optional<Qty> container, ReadQty(j, "containerWt", path, false));
  p.container_wt = container.value_or(Qty{});
  CORE_ASSIGN_OR_RETURN(p.total_gross_wt, RequiredQty(j, "totalGrossWt", path));
  CORE_ASSIGN_OR_RETURN(p.invt_nos,
                        internal::ReadStringArray(j, "invtNos", path, kMaxLists, kMaxNo, false));
  for (size_t i = 0; i < p.invt_nos.size(); ++i) {
    if (p.invt_nos[i].empty()) return FieldError(IndexPath("pass.invtNos", i), "is empty");
  }
  return p;
}

StatusOr<GateEvent> EventFromJson(const Json& j) {
  const std::string path = "event";
  CORE_RETURN_IF_ERROR(ExpectObject(j, path));
  CORE_RETURN_IF_ERROR(
      RejectUnknownKeys(j, {"passCollectWt", "gate", "passTime", "vehicleIcNo"}, path));
  GateEvent e;
  CORE_ASSIGN_OR_RETURN(e.pass_collect_wt, RequiredQty(j, "passCollectWt", path));
  CORE_ASSIGN_OR_RETURN(auto gate, ReadInt(j, "gate", path, 1, 2, true));
  e.gate = static_cast<int>(*gate);
  CORE_ASSIGN_OR_RETURN(std::string time, ReadString(j, "passTime", path, 17, true));
  StatusOr<CebTime> t = CebTime::Parse(time);
  if (!t.ok()) return FieldError(FieldPath(path, "passTime"), t.status().message());
  e.pass_time = *t;
  CORE_ASSIGN_OR_RETURN(e.vehicle_ic_no, ReadString(j, "vehicleIcNo", path, kMaxNo, false));
  return e;
}

StatusOr<std::string> GateCheckImpl(std::string_view request, const Policy& policy) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_ASSIGN_OR_RETURN(GateRequest r, GateRequestFromJson(doc));
  return DumpJson(GateVerdictToJson(CheckGate(r.pass, r.event, r.vehicles, r.lists, policy)));
}

}  // namespace

StatusOr<GateRequest> GateRequestFromJson(const Json& doc) {
  CORE_RETURN_IF_ERROR(ExpectObject(doc, ""));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(doc, {"vehicles", "pass", "event", "lists"}, ""));
  GateRequest r;
  CORE_ASSIGN_OR_RETURN(const Json* vehicles, ReadArray(doc, "vehicles", "", kMaxVehicles, true));
  for (size_t i = 0; i < vehicles->size(); ++i) {
    CORE_ASSIGN_OR_RETURN(Vehicle v, VehicleFromJson((*vehicles)[i], IndexPath("vehicles", i)));
    r.vehicles.push_back(std::move(v));
  }
  const Json* pass = Member(doc, "pass");
  if (pass == nullptr) return FieldError("pass", "is required");
  CORE_ASSIGN_OR_RETURN(r.pass, PassFromJson(*pass));
  const Json* event = Member(doc, "event");
  if (event == nullptr) return FieldError("event", "is required");
  CORE_ASSIGN_OR_RETURN(r.event, EventFromJson(*event));
  CORE_ASSIGN_OR_RETURN(const Json* lists, ReadArray(doc, "lists", "", kMaxLists, true));
  for (size_t i = 0; i < lists->size(); ++i) {
    const std::string path = IndexPath("lists", i);
    const Json& j = (*lists)[i];
    CORE_RETURN_IF_ERROR(ExpectObject(j, path));
    CORE_RETURN_IF_ERROR(RejectUnknownKeys(j, {"invt_no", "status"}, path));
    ListRelease l;
    CORE_ASSIGN_OR_RETURN(l.invt_no, ReadString(j, "invt_no", path, kMaxNo, true));
    CORE_ASSIGN_OR_RETURN(l.status, ReadString(j, "status", path, 20, true));
    r.lists.push_back(std::move(l));
  }
  return r;
}

Json GateVerdictToJson(const GateVerdict& v) {
  Json out = Json::object();
  out["outcome"] = v.outcome;
  out["passport_no"] = v.passport_no;
  out["gate"] = v.gate;
  out["pass_time"] = v.pass_time.ToIso();
  const GateWeights& w = v.weights;
  out["weights"] = Json{{"collected", FormatQty(w.collected)},
                        {"frame", FormatQty(w.frame)},
                        {"container", FormatQty(w.container)},
                        {"measured_goods", FormatQty(w.measured_goods)},
                        {"declared_gross", FormatQty(w.declared_gross)},
                        {"difference", FormatQty(w.difference)},
                        {"tolerance_bp", w.tolerance_bp},
                        {"allowed_difference", FormatQty(w.allowed_difference)},
                        {"within", w.within}};
  Json lists = Json::array();
  for (const GateListState& s : v.lists) {
    lists.push_back(Json{{"invt_no", s.invt_no}, {"status", s.status}, {"released", s.released}});
  }
  out["lists"] = std::move(lists);
  out["findings"] = FindingsToJson(v.findings);
  return out;
}

std::string GateCheckJson(std::string_view request, const Policy& policy) {
  return internal::Respond(GateCheckImpl(request, policy));
}

}  // namespace core
