// Server tests: vehicles and gate passes over HTTP: a registered vehicle carrying released lists
// passes; over-weight, an unregistered vehicle or an unreleased list hold the pass with the core's
// finding; an officer releases a hold; bad input and other enterprises change nothing.
#include <doctest/doctest.h>

#include "supervision_fixtures.h"

namespace server::testing {
namespace {

core::Json Pass(const std::string& plate, const std::vector<std::string>& invt_nos) {
  return {{"pass",
           {{"ioTypecd", "E"},
            {"passportTypecd", "3"},
            {"bindTypecd", "1"},
            {"vehicleNo", plate},
            {"vehicleIcNo", "IC-ZT-0001"},
            {"vehicleFrameWt", "8000"},
            {"totalGrossWt", "1.2"},
            {"invtNos", invt_nos}}}};
}

core::Json Event(const std::string& weight) {
  return {{"event", {{"passCollectWt", weight}, {"gate", 1}, {"passTime", "20261126103000"}}}};
}

struct Gate {
  std::string ztlog;
  std::string officer;
  std::string invt_no;  // a released list carried by ztlog
};

Gate Setup(TestServer& s) {
  Gate g;
  g.ztlog = s.Login("ztlog", kEnterprisePassword);
  g.officer = s.Login("officer", kOfficerPassword);
  Response v = s.Post(
      "/api/v1/vehicles",
      {{"vehicle", {{"plate", "豫A 12345"}, {"ic_card_no", "IC-ZT-0001"}, {"frame_wt", "8000"}}}},
      g.ztlog);
  REQUIRE_MESSAGE(v.status == 201, v.body);
  CHECK(v.json["vehicle"]["enterprise_code"] == kZtlogCode);
  int64_t id = SubmitSet(s, s.Login("admin", kAdminPassword), MakeSet(Spec("G001")));
  core::Json d = Declaration(s, g.officer, id);
  REQUIRE_MESSAGE(d["status_name"] == "released", core::DumpJson(d["history"]));
  g.invt_no = d["invt_no"].get<std::string>();
  return g;
}

// Files a pass as ztlog and posts one gate event as the officer; returns the pass after it.
core::Json PassAfterEvent(TestServer& s, const Gate& g, const core::Json& pass,
                          const std::string& weight) {
  Response p = s.Post("/api/v1/gate-passes", pass, g.ztlog);
  REQUIRE_MESSAGE(p.status == 201, p.body);
  CHECK(p.json["gate_pass"]["status"] == "open");
  std::string id = std::to_string(p.json["gate_pass"]["id"].get<int64_t>());
  Response e = s.Post("/api/v1/gate-passes/" + id + "/events", Event(weight), g.officer);
  REQUIRE_MESSAGE(e.status == 201, e.body);
  return e.json["gate_pass"];
}

TEST_CASE("a registered vehicle carrying released lists passes the gate") {
  TestServer s({.seed_demo = true});
  Gate g = Setup(s);
  core::Json after = PassAfterEvent(s, g, Pass("豫A12345", {g.invt_no}), "8001.2");
  CHECK(after["status"] == "passed");
  CHECK(after["reasons"].empty());
  REQUIRE(after["events"].size() == 1);
  const core::Json& verdict = after["events"][0]["verdict"];
  CHECK(verdict["outcome"] == "pass");
  CHECK(verdict["weights"]["measured_goods"] == "1.2");
  CHECK(verdict["lists"][0]["released"] == true);
  CHECK(after["logistics_code"] == kZtlogCode);
  // ztlog follows its passes through the list, verdicts included.
  Response list = s.Get("/api/v1/gate-passes", g.ztlog);
  REQUIRE(list.status == 200);
  CHECK(list.json["total"] == 1);
  CHECK(list.json["items"][0]["events"][0]["outcome"] == "pass");
}

TEST_CASE("over-weight, unregistered vehicles and unreleased lists hold the pass") {
  TestServer s({.seed_demo = true});
  Gate g = Setup(s);
  struct Case {
    core::Json pass;
    std::string weight;
    std::string code;
  };
  std::vector<Case> cases = {
      {Pass("豫A12345", {g.invt_no}), "8100", "GATE_WEIGHT_MISMATCH"},
      {Pass("豫B99999", {g.invt_no}), "8001.2", "GATE_VEHICLE_UNREGISTERED"},
      {Pass("豫A12345", {g.invt_no, "460620269999999999"}), "8001.2", "GATE_LIST_NOT_RELEASED"},
  };
  std::string held_id;
  for (const Case& c : cases) {
    CAPTURE(c.code);
    core::Json after = PassAfterEvent(s, g, c.pass, c.weight);
    CHECK(after["status"] == "held");
    CHECK(CodesOf(after["events"][0]["verdict"]["findings"]).find(c.code) != std::string::npos);
    bool listed = false;
    for (const core::Json& r : after["reasons"]) listed = listed || r == c.code;
    CHECK(listed);
    held_id = std::to_string(after["id"].get<int64_t>());
  }
  // The enterprise cannot release a hold; an officer can, once, with a reason.
  auto before = SupervisionCounts(s);
  CHECK(s.Post("/api/v1/gate-passes/" + held_id + "/release-hold", {{"reason", "x"}}, g.ztlog)
            .status == 403);
  CHECK(s.Post("/api/v1/gate-passes/" + held_id + "/release-hold", core::Json::object(), g.officer)
            .status == 400);
  CHECK(SupervisionCounts(s) == before);
  Response released = s.Post("/api/v1/gate-passes/" + held_id + "/release-hold",
                             {{"reason", "复核为申报错误，已更正"}}, g.officer);
  REQUIRE_MESSAGE(released.status == 200, released.body);
  CHECK(released.json["gate_pass"]["status"] == "passed");
  CHECK(released.json["gate_pass"]["hold_release"]["reason"] == "复核为申报错误，已更正");
  CHECK(s.Count("audit_log") == before["audit_log"] + 1);
  CHECK(s.Post("/api/v1/gate-passes/" + held_id + "/release-hold", {{"reason", "again"}}, g.officer)
            .status == 409);
}

TEST_CASE("vehicles and passes: bad input and other enterprises change nothing") {
  TestServer s({.seed_demo = true});
  Gate g = Setup(s);
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  Response p = s.Post("/api/v1/gate-passes", Pass("豫A12345", {g.invt_no}), g.ztlog);
  REQUIRE(p.status == 201);
  std::string id = std::to_string(p.json["gate_pass"]["id"].get<int64_t>());
  auto before = SupervisionCounts(s);

  // The same plate again (spaces and case ignored), a bad weight, a non-logistics enterprise.
  CHECK(s.Post("/api/v1/vehicles",
               {{"vehicle", {{"plate", "豫a12345"}, {"ic_card_no", "IC-2"}, {"frame_wt", "1"}}}},
               g.ztlog)
            .status == 409);
  CHECK(s.Post("/api/v1/vehicles",
               {{"vehicle", {{"plate", "豫A55555"}, {"ic_card_no", "IC-2"}, {"frame_wt", "-1"}}}},
               g.ztlog)
            .status == 400);
  CHECK(s.Post("/api/v1/vehicles",
               {{"vehicle", {{"plate", "豫A55555"}, {"ic_card_no", "IC-2"}, {"frame_wt", "9"}}}},
               hnby)
            .status == 409);
  // A pass the core refuses, one for another logistics enterprise, an event it refuses.
  core::Json bad = Pass("豫A12345", {g.invt_no});
  bad["pass"]["ioTypecd"] = "X";
  CHECK(s.Post("/api/v1/gate-passes", bad, g.ztlog).status == 400);
  core::Json foreign = Pass("豫A12345", {g.invt_no});
  foreign["pass"]["logisticsCode"] = kHnbyCode;
  CHECK(s.Post("/api/v1/gate-passes", foreign, g.ztlog).status == 400);
  CHECK(s.Post("/api/v1/gate-passes/" + id + "/events", Event("abc"), g.officer).status == 400);
  CHECK(s.Post("/api/v1/gate-passes/" + id + "/events", Event("8001.2"), g.ztlog).status == 403);
  CHECK(SupervisionCounts(s) == before);

  // Others see none of ztlog's vehicles and passes.
  for (const char* path : {"/api/v1/vehicles", "/api/v1/gate-passes"}) {
    Response r = s.Get(path, hnby);
    REQUIRE(r.status == 200);
    CHECK(r.json["total"] == 0);
    CHECK(s.Get(path, g.officer).json["total"].get<int64_t>() >= 1);
  }
  CHECK(s.Get("/api/v1/gate-passes/" + id, hnby).status == 403);
  CHECK(s.Get("/api/v1/gate-passes/" + id, g.officer).status == 200);
}

}  // namespace
}  // namespace server::testing
