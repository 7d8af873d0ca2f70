// Gate control of a bonded area (物流监控, DOMAIN §2.7): vehicles registered to logistics
// enterprises, the gate pass (核放单, SAS121) binding released lists to a vehicle, and the gate
// event with the weighbridge weight (SAS224 passCollectWt). The check decides pass or hold with
// findings. Weights are exact (kg, 5 decimals); the tolerance is integer arithmetic. Pure.
#pragma once

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/json.h"
#include "core/messages.h"
#include "core/policy.h"
#include "core/status.h"

namespace core {

// A vehicle registered with customs for a logistics enterprise.
struct Vehicle {
  std::string plate;            // e.g. "豫A12345"
  std::string ic_card_no;       // the vehicle's IC card (电子车牌/IC卡)
  Qty frame_wt;                 // kg, the registered frame (tare) weight
  std::string enterprise_code;  // the logistics enterprise's customs code
};

// The gate pass (SAS121 head fields the gate needs).
struct GatePass {
  std::string passport_no;
  std::string io_typecd;        // "I" into the area, "E" out of it
  std::string passport_typecd;  // "1".."7" (DOMAIN §2.7)
  std::string bind_typecd;      // "1" one vehicle many tickets, "2" one-one, "3" one ticket
                                // many vehicles; "" for an empty vehicle
  std::string logistics_code;   // the logistics enterprise the pass is for
  std::string vehicle_no;
  std::string vehicle_ic_no;
  Qty vehicle_frame_wt;               // kg, as declared on the pass
  Qty container_wt;                   // kg, 0 without a container
  Qty total_gross_wt;                 // kg, the declared gross weight of the goods
  std::vector<std::string> invt_nos;  // the bound declaration lists
};

// The vehicle at the gate (SAS224): the weighbridge and the IC card reader.
struct GateEvent {
  Qty pass_collect_wt;  // kg, the weighbridge's total
  int gate = 1;         // 1 or 2
  CebTime pass_time;
  std::string vehicle_ic_no;  // read at the gate; "" when not read
};

// A list's status as customs holds it: the CEB622 code ("800" released) or the server's name.
struct ListRelease {
  std::string invt_no;
  std::string status;
};

// True for "800" and "released".
bool IsReleasedStatus(std::string_view status);

struct GateWeights {
  Qty collected;  // the weighbridge
  Qty frame;      // the frame weight used: the registered one, else the pass's
  Qty container;
  Qty measured_goods;  // collected - frame - container (below zero when the vehicle is light)
  Qty declared_gross;
  Qty difference;  // measured_goods - declared_gross
  int tolerance_bp = 0;
  Qty allowed_difference;  // tolerance of the base, rounded down to the 5th decimal
  bool within = false;
};

struct GateListState {
  std::string invt_no;
  std::string status;  // "" when customs does not know the list
  bool released = false;
};

struct GateVerdict {
  std::string outcome;  // "pass" | "hold" (any error finding)
  std::string passport_no;
  int gate = 1;
  CebTime pass_time;
  GateWeights weights;
  std::vector<GateListState> lists;  // in the pass's order
  Findings findings;
};

// Checks a vehicle at the gate:
//   GATE_VEHICLE_UNREGISTERED (error): no vehicle of the pass's plate (ASCII case and spaces
//     ignored);
//   GATE_VEHICLE_NOT_BOUND (error): registered to another enterprise than the pass's logistics
//     enterprise;
//   GATE_IC_MISMATCH (error): the pass's IC card, or the one read at the gate, is not the
//     registered card (or the gate read differs from the pass when the vehicle is unknown);
//   GATE_FRAME_WEIGHT_MISMATCH (warning): the pass declares another frame weight than the
//     registration (the registered one is used);
//   GATE_LIST_NOT_RELEASED (error, one per list, naming it): a bound list customs has not
//     released or does not know;
//   GATE_BIND_TYPE_MISMATCH (warning): one-to-one binding with other than one list, an empty
//     vehicle (passport type 6) with lists or a declared load;
//   GATE_WEIGHT_MISMATCH (error, with both weights and the difference): |measured goods -
//     declared gross| x 10000 > tolerance_bp x base, where base is the declared gross, or for
//     an empty vehicle (declared 0) the frame weight, so the weighbridge's own error is allowed.
// The tolerance is policy.gate_weight_tolerance_bp. Never fails.
GateVerdict CheckGate(const GatePass& pass, const GateEvent& event,
                      const std::vector<Vehicle>& vehicles, const std::vector<ListRelease>& lists,
                      const Policy& policy);

// Request {"vehicles": [{"plate", "ic_card_no", "frame_wt", "enterprise_code"}],
//  "pass": {"passportNo", "ioTypecd": "I"|"E", "passportTypecd": "1".."7",
//           "bindTypecd"?: "1".."3", "logisticsCode", "vehicleNo", "vehicleIcNo",
//           "vehicleFrameWt", "containerWt"?, "totalGrossWt", "invtNos": ["..."]},
//  "event": {"passCollectWt", "gate": 1|2, "passTime": "YYYYMMDDhhmmss", "vehicleIcNo"?},
//  "lists": [{"invt_no", "status"}]}. Weights are N19,5 decimal strings in kg ("15230.5").
// InvalidArgument naming the field; unknown keys refused.
struct GateRequest {
  std::vector<Vehicle> vehicles;
  GatePass pass;
  GateEvent event;
  std::vector<ListRelease> lists;
};
StatusOr<GateRequest> GateRequestFromJson(const Json& doc);

// {"outcome", "passport_no", "gate", "pass_time" (ISO), "weights": {"collected", "frame",
// "container", "measured_goods", "declared_gross", "difference", "tolerance_bp",
// "allowed_difference", "within"}, "lists": [{"invt_no", "status", "released"}], "findings"}.
Json GateVerdictToJson(const GateVerdict& verdict);

}  // namespace core
