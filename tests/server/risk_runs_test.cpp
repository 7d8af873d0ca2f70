// Server tests: the core's risk models run over the stored declarations over HTTP: a family
// behind one phone and a split purchase are found with the lists behind them; thresholds are
// data of the run; bad thresholds store nothing; enterprises may not run or read them.
#include <doctest/doctest.h>

#include <set>

#include "ceb_fixtures.h"
#include "test_server.h"

namespace server::testing {

TEST_CASE("risk runs find shared phones and split orders in the stored declarations") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  // Three family members order with one phone; kBuyerA also splits a 6,000 purchase in two.
  const char* ids[] = {kBuyerA, kBuyerB, "410105197001010020"};
  std::set<int64_t> family;
  for (int i = 0; i < 3; ++i) {
    SetSpec spec = Spec("RF" + std::to_string(i));
    spec.buyer_id = ids[i];
    spec.phone = "13912345678";
    family.insert(SubmitSet(s, admin, MakeSet(spec)));
  }
  std::set<int64_t> split;
  for (const char* key : {"RS1", "RS2"}) {
    SetSpec spec = Spec(key);
    spec.buyer_id = "410105199208150038";
    spec.phone = "13700000000";
    spec.price = 300000;
    split.insert(SubmitSet(s, admin, MakeSet(spec)));
  }
  CHECK(s.Get("/api/v1/risk/models", officer).json["models"].size() >= 9);

  Response run = s.Post("/api/v1/risk/runs", core::Json::object(), officer);
  REQUIRE_MESSAGE(run.status == 201, run.body);
  CHECK(run.json["run"]["declarations"].get<int64_t>() >= 5);
  CHECK(run.json["by_model"]["SHARED_PHONE"] == 1);
  CHECK(run.json["by_model"]["SPLIT_UNDER_LIMIT"] == 1);
  const std::string id = std::to_string(run.json["run"]["id"].get<int64_t>());
  Response phone = s.Get("/api/v1/risk/runs/" + id + "/hits?model=SHARED_PHONE", officer);
  REQUIRE(phone.json["items"].size() == 1);
  const core::Json& hit = phone.json["items"][0];
  CHECK(hit["subject"] == "13912345678");
  std::set<int64_t> behind;
  for (const core::Json& d : hit["declarations"]) behind.insert(d.get<int64_t>());
  CHECK(behind == family);
  CHECK(hit["explanation_en"].get<std::string>().find("3 buyer IDs") != std::string::npos);
  Response splits = s.Get("/api/v1/risk/runs/" + id + "/hits?model=SPLIT_UNDER_LIMIT", officer);
  REQUIRE(splits.json["items"].size() == 1);
  std::set<int64_t> parts;
  for (const core::Json& d : splits.json["items"][0]["declarations"])
    parts.insert(d.get<int64_t>());
  CHECK(parts == split);

  // Thresholds are the run's data: with four IDs needed, the family is no hit.
  Response strict = s.Post("/api/v1/risk/runs", {{"thresholds", {{"ids_per_phone", 4}}}}, officer);
  REQUIRE(strict.status == 201);
  CHECK(strict.json["by_model"]["SHARED_PHONE"] == 0);
  CHECK(strict.json["run"]["thresholds"]["ids_per_phone"] == 4);
  CHECK(s.Get("/api/v1/audit?action=risk.run", admin).json["total"] == 2);

  // A typo in a threshold is refused and nothing is stored; enterprises may not run or read.
  const int64_t runs = s.Count("risk_runs");
  Response bad = s.Post("/api/v1/risk/runs", {{"thresholds", {{"ids_per_fone", 4}}}}, officer);
  CHECK(bad.status == 400);
  CHECK(bad.body.find("ids_per_fone") != std::string::npos);
  CHECK(s.Count("risk_runs") == runs);
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  CHECK(s.Post("/api/v1/risk/runs", core::Json::object(), hnby).status == 403);
  CHECK(s.Get("/api/v1/risk/runs/" + id + "/hits", hnby).status == 403);
  CHECK(s.Get("/api/v1/risk/runs/999/hits", officer).status == 404);
}

}  // namespace server::testing
