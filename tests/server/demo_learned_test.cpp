// Server tests: the demo with its 300 generated lists (`make run`) has an inspection history and a
// learned score: the sampling campaign ran while the lists arrived and is switched off, the
// inspections of lists older than a week were recorded (labelled lists as mismatches), newer ones
// still wait, a model was trained on those outcomes and the last risk run scored every list.
#include <doctest/doctest.h>

#include <memory>
#include <vector>

#include "core/date.h"
#include "core/risk_arrival.h"
#include "demo/demo_seed.h"
#include "store/risk_repo.h"
#include "test_server.h"

namespace server::testing {
namespace {

TEST_CASE("the generated demo trains the learned score on its sampling campaign's outcomes") {
  TestServer s;
  core::StatusOr<bool> seeded = SeedDemoIfEmpty(s.app(), 300);  // as scripts/run.sh
  REQUIRE_MESSAGE(seeded.ok(), seeded.status().ToString());
  REQUIRE(*seeded);
  const std::string officer = s.Login("officer", kOfficerPassword);

  Response rule = s.Get("/api/v1/routing/rules/demo-sampling", officer);
  REQUIRE(rule.status == 200);
  CHECK(rule.json["rule"]["enabled"] == false);
  CHECK(rule.json["history"].size() == 2);

  const core::Date week_ago = core::Date::Parse(kToday)->AddDays(-7);
  Response waiting = s.Get("/api/v1/queues/inspection?limit=500", officer);
  REQUIRE(waiting.status == 200);
  CHECK_FALSE(waiting.json["items"].empty());
  for (const core::Json& item : waiting.json["items"]) {
    CHECK(item["declaration"]["decl_date"].get<std::string>() > week_ago.ToIso());
  }

  Response models = s.Get("/api/v1/risk/learned-models", officer);
  REQUIRE(models.status == 200);
  REQUIRE(models.json["items"].size() == 1);
  const core::Json metrics = models.json["items"][0]["metrics"];
  CHECK(metrics["rows"].get<int>() >= 20);
  CHECK(metrics["frauds"].get<int>() > 0);
  CHECK(metrics["frauds"].get<int>() < metrics["rows"].get<int>());

  Response runs = s.Get("/api/v1/risk/runs", officer);
  REQUIRE(runs.status == 200);
  REQUIRE(runs.json["items"].size() == 2);
  const core::Json newest = runs.json["items"][0]["run"];
  Response top =
      s.Get("/api/v1/risk/runs/" + std::to_string(newest["id"].get<int64_t>()) + "/learned-scores",
            officer);
  REQUIRE(top.status == 200);
  REQUIRE_FALSE(top.json["items"].empty());
  const int64_t first = top.json["items"][0]["declaration_id"].get<int64_t>();
  Response explained =
      s.Get("/api/v1/declarations/" + std::to_string(first) + "/learned-score", officer);
  REQUIRE(explained.status == 200);
  CHECK(explained.json["run_id"] == newest["id"]);
  CHECK(explained.json["score_pm"] == top.json["items"][0]["score_pm"]);

  // The store's one-query neighbourhood of each list is the core's definition of it, over the
  // 300 generated lists (families, shared phones and payers among them).
  std::unique_ptr<Db> db = s.OpenDb();
  core::StatusOr<std::vector<core::RiskDeclaration>> all = RiskDeclarations(*db);
  REQUIRE(all.ok());
  REQUIRE(all->size() >= 300);
  size_t shared = 0;
  for (const core::RiskDeclaration& d : *all) {
    core::StatusOr<std::vector<core::RiskDeclaration>> sql = ArrivalNeighbourhood(*db, d.id);
    REQUIRE(sql.ok());
    std::vector<int64_t> got, want;
    for (const core::RiskDeclaration& r : *sql) got.push_back(r.id);
    for (const core::RiskDeclaration& r : core::ArrivalNeighbourhood(*all, d)) want.push_back(r.id);
    REQUIRE_MESSAGE(got == want, "list " << d.id);
    if (want.size() > 1) ++shared;
  }
  CHECK(shared > 0);
}

}  // namespace
}  // namespace server::testing
