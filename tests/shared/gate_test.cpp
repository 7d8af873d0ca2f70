// Tests for the gate check: vehicle registration, binding and IC card, released lists, the
// weighbridge against the declared gross weight at the policy's tolerance (exact at the
// boundary), and the JSON entry point; plus the policy's tolerance fields.
#include "core/gate.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/ledger_api.h"
#include "verdict_fixtures.h"

namespace core {
namespace {

using testing::Require;
using testing::TestPolicy;
using testing::TestPolicyJson;

Qty Kg(const char* text) { return ParseQty(text).value(); }

std::vector<Vehicle> Fleet() {
  return {Vehicle{"豫A12345", "IC0001", Kg("5000"), "4101980LOG"},
          Vehicle{"豫A99999", "IC0009", Kg("7000"), "4101980OTH"}};
}

// A pass for 10,000 kg of goods on 豫A12345 binding one released list.
GatePass Pass() {
  GatePass p;
  p.passport_no = "HFD4601260000001";
  p.io_typecd = "E";
  p.passport_typecd = "3";
  p.bind_typecd = "2";
  p.logistics_code = "4101980LOG";
  p.vehicle_no = "豫A12345";
  p.vehicle_ic_no = "IC0001";
  p.vehicle_frame_wt = Kg("5000");
  p.total_gross_wt = Kg("10000");
  p.invt_nos = {"46012026I000000001"};
  return p;
}

GateEvent Event(const char* collected) {
  GateEvent e;
  e.pass_collect_wt = Kg(collected);
  e.gate = 2;
  e.pass_time = CebTime::Parse("20260510083000").value();
  return e;
}

std::vector<ListRelease> Released() { return {{"46012026I000000001", "800"}}; }

GateVerdict Run(const GatePass& pass, const GateEvent& event,
                const std::vector<ListRelease>& lists = Released(),
                const Policy& policy = TestPolicy()) {
  return CheckGate(pass, event, Fleet(), lists, policy);
}

std::vector<std::string> Codes(const GateVerdict& v) {
  std::vector<std::string> out;
  for (const Finding& f : v.findings) out.push_back(f.code);
  return out;
}

TEST_CASE("a registered, bound vehicle with released lists and the declared weight passes") {
  GateVerdict v = Run(Pass(), Event("15000"));
  CHECK(v.outcome == "pass");
  CHECK(v.findings.empty());
  CHECK(v.gate == 2);
  CHECK(v.weights.measured_goods == Kg("10000"));
  CHECK(v.weights.difference.e5 == 0);
  CHECK(v.weights.tolerance_bp == 500);
  CHECK(v.weights.allowed_difference == Kg("500"));
  REQUIRE(v.lists.size() == 1);
  CHECK(v.lists[0].released);
}

TEST_CASE("the weight tolerance is exact at its boundary, both ways") {
  CHECK(Run(Pass(), Event("15500")).outcome == "pass");  // +5% exactly
  CHECK(Run(Pass(), Event("14500")).outcome == "pass");  // -5% exactly
  GateVerdict over = Run(Pass(), Event("15500.00001"));  // 0.01 g beyond
  CHECK(over.outcome == "hold");
  REQUIRE(Codes(over) == std::vector<std::string>{"GATE_WEIGHT_MISMATCH"});
  CHECK(over.weights.difference == Kg("500.00001"));
  CHECK(over.findings[0].message_en.find("15500.00001 kg - 5000 kg = 10500.00001 kg") !=
        std::string::npos);
  CHECK(over.findings[0].message_en.find("declared gross of 10000 kg") != std::string::npos);
  CHECK(over.findings[0].message_en.find("difference of 500.00001 kg") != std::string::npos);
  GateVerdict under = Run(Pass(), Event("14499.99999"));
  CHECK(under.outcome == "hold");
  CHECK(under.weights.difference == Qty{-50000001});
}

TEST_CASE("the tolerance comes from the policy") {
  Json doc = TestPolicyJson();
  doc["gate_weight_tolerance_bp"] = 250;
  const Policy tight = Require(PolicyFromJson(doc));
  CHECK(tight.gate_weight_tolerance_bp == 250);
  GateVerdict v = Run(Pass(), Event("15300"), Released(), tight);  // +3%
  CHECK(v.outcome == "hold");
  CHECK(v.findings[0].message_en.find("2.5% tolerance (250 kg allowed)") != std::string::npos);
  CHECK(Run(Pass(), Event("15250"), Released(), tight).outcome == "pass");
}

TEST_CASE("an unregistered vehicle is held") {
  GatePass p = Pass();
  p.vehicle_no = "豫B00000";
  GateVerdict v = Run(p, Event("15000"));
  CHECK(v.outcome == "hold");
  CHECK(Codes(v) == std::vector<std::string>{"GATE_VEHICLE_UNREGISTERED"});
  // Its declared frame weight is all there is to weigh against.
  CHECK(v.weights.frame == Kg("5000"));
  // Plates compare without ASCII case or spaces.
  p.vehicle_no = "豫a 12345";
  CHECK(Run(p, Event("15000")).outcome == "pass");
}

TEST_CASE("a vehicle of another enterprise, or with another IC card, is held") {
  GatePass p = Pass();
  p.logistics_code = "4101980OTH";
  CHECK(Codes(Run(p, Event("15000"))) == std::vector<std::string>{"GATE_VEHICLE_NOT_BOUND"});
  GatePass ic = Pass();
  ic.vehicle_ic_no = "IC0002";
  GateVerdict v = Run(ic, Event("15000"));
  CHECK(Codes(v) == std::vector<std::string>{"GATE_IC_MISMATCH"});
  CHECK(v.findings[0].field == "pass.vehicleIcNo");
  GateEvent read = Event("15000");
  read.vehicle_ic_no = "IC0009";  // the card of another vehicle, read at the gate
  GateVerdict swapped = Run(Pass(), read);
  CHECK(Codes(swapped) == std::vector<std::string>{"GATE_IC_MISMATCH"});
  CHECK(swapped.findings[0].field == "event.vehicleIcNo");
  read.vehicle_ic_no = "ic0001";
  CHECK(Run(Pass(), read).outcome == "pass");
}

TEST_CASE("every bound list must be released, each named") {
  GatePass p = Pass();
  p.bind_typecd = "1";
  p.invt_nos = {"46012026I000000001", "46012026I000000002", "46012026I000000003"};
  GateVerdict v =
      Run(p, Event("15000"), {{"46012026I000000001", "released"}, {"46012026I000000002", "500"}});
  CHECK(v.outcome == "hold");
  REQUIRE(Codes(v) == std::vector<std::string>{"GATE_LIST_NOT_RELEASED", "GATE_LIST_NOT_RELEASED"});
  CHECK(v.findings[0].field == "pass.invtNos[1]");
  CHECK(v.findings[0].message_en.find("46012026I000000002") != std::string::npos);
  CHECK(v.findings[0].message_en.find("status is 500") != std::string::npos);
  CHECK(v.findings[1].message_en.find("customs does not know it") != std::string::npos);
  CHECK(v.lists[0].released);
  CHECK_FALSE(v.lists[2].released);
}

TEST_CASE(
    "a declared frame weight other than the registered one is a warning; the registered "
    "one is used") {
  GatePass p = Pass();
  p.vehicle_frame_wt = Kg("5600");  // a heavier frame would hide 600 kg of goods
  GateVerdict v = Run(p, Event("15600"));
  CHECK(v.outcome == "hold");
  CHECK(Codes(v) == std::vector<std::string>{"GATE_FRAME_WEIGHT_MISMATCH", "GATE_WEIGHT_MISMATCH"});
  CHECK(v.weights.frame == Kg("5000"));
  CHECK(v.weights.measured_goods == Kg("10600"));
}

TEST_CASE("a container's weight is deducted; binding types are checked") {
  GatePass p = Pass();
  p.container_wt = Kg("2200.5");
  GateVerdict v = Run(p, Event("17200.5"));
  CHECK(v.outcome == "pass");
  CHECK(v.weights.measured_goods == Kg("10000"));
  GatePass two = Pass();
  two.invt_nos.push_back("46012026I000000002");
  GateVerdict w =
      Run(two, Event("15000"), {{"46012026I000000001", "800"}, {"46012026I000000002", "800"}});
  CHECK(w.outcome == "pass");  // a warning does not hold
  CHECK(Codes(w) == std::vector<std::string>{"GATE_BIND_TYPE_MISMATCH"});
}

TEST_CASE("an empty vehicle is weighed against its frame") {
  GatePass p = Pass();
  p.passport_typecd = "6";
  p.bind_typecd = "";
  p.invt_nos.clear();
  p.total_gross_wt = Qty{0};
  CHECK(Run(p, Event("5250")).outcome == "pass");  // 5% of the 5,000 kg frame
  GateVerdict loaded = Run(p, Event("5800"));
  CHECK(loaded.outcome == "hold");
  CHECK(Codes(loaded) == std::vector<std::string>{"GATE_WEIGHT_MISMATCH"});
}

constexpr const char* kRequest = R"({
  "vehicles": [{"plate": "豫A12345", "ic_card_no": "IC0001", "frame_wt": "5000",
                "enterprise_code": "4101980LOG"}],
  "pass": {"passportNo": "HFD1", "ioTypecd": "E", "passportTypecd": "3", "bindTypecd": "2",
           "logisticsCode": "4101980LOG", "vehicleNo": "豫A12345", "vehicleIcNo": "IC0001",
           "vehicleFrameWt": "5000", "totalGrossWt": "10000.5", "invtNos": ["I1"]},
  "event": {"passCollectWt": "15000.5", "gate": 1, "passTime": "20260510083000"},
  "lists": [{"invt_no": "I1", "status": "800"}]})";

TEST_CASE("GateCheckJson reads SAS names and exact weights") {
  Json v = ParseJson(GateCheckJson(kRequest, TestPolicy())).value();
  CHECK(v["outcome"] == "pass");
  CHECK(v["pass_time"] == "2026-05-10T08:30:00");
  CHECK(v["weights"]["measured_goods"] == "10000.5");
  CHECK(v["weights"]["allowed_difference"] == "500.025");
  CHECK(v["lists"][0]["released"] == true);

  auto error = [](std::string text) {
    Json j = ParseJson(GateCheckJson(text, TestPolicy())).value();
    return j.contains("error") ? j["error"]["message"].get<std::string>() : std::string();
  };
  auto replaced = [](std::string from, std::string to) {
    std::string text = kRequest;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  CHECK(error(replaced(R"("10000.5")", R"("10000.123456")")) ==
        "field 'pass.totalGrossWt' has more than 5 decimals (N19,5)");
  CHECK(error(replaced(R"("10000.5")", "10000.5")) ==
        "field 'pass.totalGrossWt' must be a decimal string such as \"12.5\"");
  CHECK(error(replaced(R"("ioTypecd": "E")", R"("ioTypecd": "X")")) ==
        "field 'pass.ioTypecd' must be one of I, E");
  CHECK(error(replaced(R"("gate": 1)", R"("gate": 3)")).find("event.gate") != std::string::npos);
  CHECK(error(replaced(R"("passTime": "20260510083000")", R"("passTime": "2026051008")"))
            .find("event.passTime") != std::string::npos);
  CHECK(error(replaced(R"("gate": 1)", R"("gate": 1, "weight": "1")")).find("event.weight") !=
        std::string::npos);
  CHECK(error("[]") == "the request must be a JSON object");
}

TEST_CASE("the policy's tolerances default to 5%, are bounded and round-trip") {
  CHECK(TestPolicy().gate_weight_tolerance_bp == 500);
  CHECK(TestPolicy().price_tolerance_bp == 500);
  Json doc = TestPolicyJson();
  doc["price_tolerance_bp"] = 300;
  const Policy p = Require(PolicyFromJson(doc));
  CHECK(p.price_tolerance_bp == 300);
  Json out = PolicyToJson(p);
  CHECK(out["price_tolerance_bp"] == 300);
  CHECK(out["gate_weight_tolerance_bp"] == 500);
  CHECK(PolicyToJson(Require(PolicyFromJson(out))) == out);
  doc["gate_weight_tolerance_bp"] = 10001;
  StatusOr<Policy> bad = PolicyFromJson(doc);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("gate_weight_tolerance_bp") != std::string::npos);
  doc["gate_weight_tolerance_bp"] = "5%";
  CHECK_FALSE(PolicyFromJson(doc).ok());
}

}  // namespace
}  // namespace core
