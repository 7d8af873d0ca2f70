// The gate check: the vehicle's registration, binding and IC card, the pass's lists released,
// and the weighbridge's goods weight against the declared gross within the policy's tolerance.
// Pure.
#include "core/gate.h"

#include <map>
#include <string>
#include <utility>

#include "../ledger/fields.h"
#include "core/tax.h"  // Int128

namespace core {
namespace {

using internal::BpPercent;

// Plates and IC card numbers compared as people key them: ASCII case and spaces ignored.
std::string Normalized(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::string Kg(Qty q) { return FormatQty(q) + " kg"; }

const Vehicle* FindVehicle(const std::vector<Vehicle>& vehicles, std::string_view plate) {
  const std::string key = Normalized(plate);
  for (const Vehicle& v : vehicles) {
    if (Normalized(v.plate) == key) return &v;
  }
  return nullptr;
}

// GATE_IC_MISMATCH: `card` (as read or declared) is not `expected`.
Finding IcMismatch(std::string field, const std::string& card_zh, const std::string& card_en,
                   const std::string& expected_zh, const std::string& expected_en) {
  return MakeFinding("GATE_IC_MISMATCH", Severity::kError, std::move(field),
                     card_zh + " 与" + expected_zh + " 不符。",
                     card_en + " is not " + expected_en + ".");
}

std::string ReadAtGateZh(const GateEvent& e) { return "卡口读取的 IC 卡 " + e.vehicle_ic_no; }
std::string ReadAtGateEn(const GateEvent& e) {
  return "The IC card read at the gate, " + e.vehicle_ic_no + ",";
}

void CheckVehicle(const GatePass& pass, const GateEvent& event, const Vehicle* v,
                  GateVerdict& out) {
  if (v == nullptr) {
    out.findings.push_back(MakeFinding(
        "GATE_VEHICLE_UNREGISTERED", Severity::kError, "pass.vehicleNo",
        "车辆 " + pass.vehicle_no + " 未在海关备案，不得过卡。",
        "Vehicle " + pass.vehicle_no + " is not registered with customs; it may not pass."));
    if (!event.vehicle_ic_no.empty() &&
        Normalized(event.vehicle_ic_no) != Normalized(pass.vehicle_ic_no)) {
      out.findings.push_back(IcMismatch("event.vehicleIcNo", ReadAtGateZh(event),
                                        ReadAtGateEn(event), "核放单 IC 卡 " + pass.vehicle_ic_no,
                                        "the pass's card " + pass.vehicle_ic_no));
    }
    return;
  }
  if (v->enterprise_code != pass.logistics_code) {
    out.findings.push_back(
        MakeFinding("GATE_VEHICLE_NOT_BOUND", Severity::kError, "pass.logisticsCode",
                    "车辆 " + v->plate + " 备案于企业 " + v->enterprise_code +
                        "，而非核放单的物流企业 " + pass.logistics_code + "。",
                    "Vehicle " + v->plate + " is registered to enterprise " + v->enterprise_code +
                        ", not to the pass's logistics enterprise " + pass.logistics_code + "."));
  }
  const std::string registered_zh = "车辆 " + v->plate + " 备案的 IC 卡 " + v->ic_card_no;
  const std::string registered_en =
      "the card " + v->ic_card_no + " registered for vehicle " + v->plate;
  if (Normalized(pass.vehicle_ic_no) != Normalized(v->ic_card_no)) {
    out.findings.push_back(IcMismatch("pass.vehicleIcNo", "核放单 IC 卡 " + pass.vehicle_ic_no,
                                      "The pass's IC card " + pass.vehicle_ic_no, registered_zh,
                                      registered_en));
  }
  if (!event.vehicle_ic_no.empty() &&
      Normalized(event.vehicle_ic_no) != Normalized(v->ic_card_no)) {
    out.findings.push_back(IcMismatch("event.vehicleIcNo", ReadAtGateZh(event), ReadAtGateEn(event),
                                      registered_zh, registered_en));
  }
  if (pass.vehicle_frame_wt != v->frame_wt) {
    out.findings.push_back(
        MakeFinding("GATE_FRAME_WEIGHT_MISMATCH", Severity::kWarning, "pass.vehicleFrameWt",
                    "核放单申报车架重 " + Kg(pass.vehicle_frame_wt) + "，备案车架重 " +
                        Kg(v->frame_wt) + "；按备案重量核重。",
                    "The pass declares a frame weight of " + Kg(pass.vehicle_frame_wt) +
                        "; the registered one is " + Kg(v->frame_wt) + ", which is used."));
  }
}

void CheckLists(const GatePass& pass, const std::vector<ListRelease>& lists, GateVerdict& out) {
  std::map<std::string, std::string, std::less<>> status_of;
  for (const ListRelease& l : lists) status_of.try_emplace(l.invt_no, l.status);
  for (size_t i = 0; i < pass.invt_nos.size(); ++i) {
    GateListState s;
    s.invt_no = pass.invt_nos[i];
    auto it = status_of.find(s.invt_no);
    if (it != status_of.end()) s.status = it->second;
    s.released = IsReleasedStatus(s.status);
    if (!s.released) {
      const std::string state_zh = s.status.empty() ? "海关无此清单" : "状态为 " + s.status;
      const std::string state_en =
          s.status.empty() ? "customs does not know it" : "its status is " + s.status;
      out.findings.push_back(MakeFinding(
          "GATE_LIST_NOT_RELEASED", Severity::kError, "pass.invtNos[" + std::to_string(i) + "]",
          "核放单绑定的清单 " + s.invt_no + " 未放行（" + state_zh + "）。",
          "List " + s.invt_no + " on the pass is not released (" + state_en + ")."));
    }
    out.lists.push_back(std::move(s));
  }
}

void CheckBinding(const GatePass& pass, GateVerdict& out) {
  if (pass.bind_typecd == "2" && pass.invt_nos.size() != 1) {
    out.findings.push_back(MakeFinding(
        "GATE_BIND_TYPE_MISMATCH", Severity::kWarning, "pass.bindTypecd",
        "绑定类型为一车一票，核放单却绑定了 " + std::to_string(pass.invt_nos.size()) + " 张清单。",
        "The binding is one vehicle, one ticket, but the pass binds " +
            std::to_string(pass.invt_nos.size()) + " lists."));
  }
  if (pass.passport_typecd == "6" && (!pass.invt_nos.empty() || pass.total_gross_wt.e5 > 0)) {
    out.findings.push_back(
        MakeFinding("GATE_BIND_TYPE_MISMATCH", Severity::kWarning, "pass.passportTypecd",
                    "空车核放单不应绑定清单或申报货物重量。",
                    "An empty-vehicle pass should bind no lists and declare no goods weight."));
  }
}

GateWeights Weigh(const GatePass& pass, const GateEvent& event, const Vehicle* v, int tol_bp) {
  GateWeights w;
  w.collected = event.pass_collect_wt;
  w.frame = v != nullptr ? v->frame_wt : pass.vehicle_frame_wt;
  w.container = pass.container_wt;
  w.measured_goods.e5 = w.collected.e5 - w.frame.e5 - w.container.e5;
  w.declared_gross = pass.total_gross_wt;
  w.difference.e5 = w.measured_goods.e5 - w.declared_gross.e5;
  w.tolerance_bp = tol_bp;
  // An empty vehicle declares nothing: the weighbridge's error is judged against the frame.
  const Int128 base = w.declared_gross.e5 > 0 ? w.declared_gross.e5 : w.frame.e5;
  const Int128 diff = w.difference.e5 < 0 ? -static_cast<Int128>(w.difference.e5)
                                          : static_cast<Int128>(w.difference.e5);
  w.allowed_difference.e5 = static_cast<int64_t>(base * tol_bp / 10000);
  w.within = diff * 10000 <= base * tol_bp;
  return w;
}

Finding WeightMismatch(const GateWeights& w) {
  const std::string measured = Kg(w.collected) + " - " + Kg(w.frame) +
                               (w.container.e5 > 0 ? " - " + Kg(w.container) : "") + " = " +
                               Kg(w.measured_goods);
  return MakeFinding(
      "GATE_WEIGHT_MISMATCH", Severity::kError, "event.passCollectWt",
      "地磅称重货物 " + measured + "，申报毛重 " + Kg(w.declared_gross) + "，相差 " +
          Kg(w.difference) + "，超过容差 " + BpPercent(w.tolerance_bp) + "（允许 " +
          Kg(w.allowed_difference) + "）。",
      "The weighbridge gives goods of " + measured + " against a declared gross of " +
          Kg(w.declared_gross) + ": a difference of " + Kg(w.difference) + ", beyond the " +
          BpPercent(w.tolerance_bp) + " tolerance (" + Kg(w.allowed_difference) + " allowed).");
}

}  // namespace

bool IsReleasedStatus(std::string_view status) { return status == "800" || status == "released"; }

GateVerdict CheckGate(const GatePass& pass, const GateEvent& event,
                      const std::vector<Vehicle>& vehicles, const std::vector<ListRelease>& lists,
                      const Policy& policy) {
  GateVerdict out;
  out.passport_no = pass.passport_no;
  out.gate = event.gate;
  out.pass_time = event.pass_time;
  const Vehicle* v = FindVehicle(vehicles, pass.vehicle_no);
  CheckVehicle(pass, event, v, out);
  CheckLists(pass, lists, out);
  CheckBinding(pass, out);
  out.weights = Weigh(pass, event, v, policy.gate_weight_tolerance_bp);
  if (!out.weights.within) out.findings.push_back(WeightMismatch(out.weights));
  out.outcome = HasErrors(out.findings) ? "hold" : "pass";
  return out;
}

}  // namespace core
