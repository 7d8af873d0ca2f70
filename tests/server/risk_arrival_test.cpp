// Server tests: the consumer risk models as lists arrive. A buyer splitting one purchase into
// lists under the per-transaction limit is caught by the list that crosses it, while it is being
// routed: the rule context carries the hit, a rule on it routes the list, the routing keeps the
// hit, and the next batch run finds exactly the same hit on that buyer.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ceb_fixtures.h"
#include "test_server.h"

namespace server::testing {
namespace {

TEST_CASE(
    "arrival models: a split purchase is caught as its last list arrives, as a run finds it") {
  TestServer s({.seed_demo = true});
  const std::string admin = s.Login("admin", kAdminPassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  Response saved =
      s.Put("/api/v1/routing/rules/split-review",
            {{"rule", TestRule("split-review", R"("SPLIT_UNDER_LIMIT" in risk.arrival_models)",
                               "manual_review", 50)}},
            admin);
  REQUIRE_MESSAGE(saved.status == 201, saved.body);

  // Three lists of 2,000 CNY by one buyer at one shop on one day: the third takes the three over
  // the 5,000 CNY transaction limit.
  std::vector<int64_t> ids;
  std::vector<core::Json> routings;
  for (int i = 0; i < 3; ++i) {
    SetSpec spec = Spec("SPL" + std::to_string(i));
    spec.price = 200000;
    spec.decl_date = "20261125";
    ids.push_back(SubmitSet(s, admin, MakeSet(spec)));
    Response r = s.Get("/api/v1/declarations/" + std::to_string(ids.back()) + "/routing", officer);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    routings.push_back(r.json);
  }
  for (int i = 0; i < 2; ++i) {
    CHECK(routings[i]["context"]["risk"]["arrival_hits"] == 0);
    CHECK(routings[i]["arrival_hits"].empty());
  }
  const core::Json& third = routings[2];
  CHECK(third["context"]["risk"]["arrival_models"] == core::Json::array({"SPLIT_UNDER_LIMIT"}));
  CHECK(third["context"]["risk"]["arrival_hits"] == 1);
  REQUIRE(third["arrival_hits"].size() == 1);
  const core::Json hit = third["arrival_hits"][0];
  CHECK(hit["model"] == "SPLIT_UNDER_LIMIT");
  CHECK(hit["subject_kind"] == "buyer");
  CHECK(hit["subject"] == kBuyerA);
  CHECK(hit["declarations"] == core::Json(ids));
  bool routed_by_rule = false;
  for (const core::Json& m : third["decision"]["matched_rules"]) {
    routed_by_rule |= m["id"] == "split-review";
  }
  CHECK(routed_by_rule);
  CHECK(third["routing"]["action"] == "manual_review");
  CHECK(third["replay"]["matches"] == true);

  // The batch run over the whole history, with the same day and thresholds, finds that hit.
  Response run = s.Post("/api/v1/risk/runs", {{"as_of", "2026-11-26"}}, officer);
  REQUIRE_MESSAGE(run.status == 201, run.body);
  Response batch =
      s.Get("/api/v1/risk/runs/" + std::to_string(run.json["run"]["id"].get<int64_t>()) +
                "/hits?model=SPLIT_UNDER_LIMIT",
            officer);
  REQUIRE_MESSAGE(batch.status == 200, batch.body);
  std::vector<core::Json> on_buyer;
  for (const core::Json& h : batch.json["items"]) {
    if (h["subject"] == kBuyerA) on_buyer.push_back(h);
  }
  REQUIRE(on_buyer.size() == 1);
  CHECK(on_buyer[0] == hit);
}

}  // namespace
}  // namespace server::testing
