// Server tests: risk runs as batch jobs. A queued job runs every model in the background, says
// where it is, and stores exactly the run POST /risk/runs stores; bad requests queue nothing;
// enterprises may not queue or read jobs; a job left running when the server stopped is queued
// again at the next start and finished.
#include "service/risk_jobs.h"

#include <doctest/doctest.h>

#include "app.h"
#include "store/risk_jobs_repo.h"
#include "test_server.h"

namespace server::testing {
namespace {

TEST_CASE("a risk job runs every model in the background and stores what a direct run stores") {
  TestServer s({.seed_demo = true});
  const std::string officer = s.Login("officer", kOfficerPassword);
  const std::string hnby = s.Login("hnby", kEnterprisePassword);
  const core::Json request = {{"as_of", "2026-11-26"}};

  Response direct = s.Post("/api/v1/risk/runs", request, officer);
  REQUIRE_MESSAGE(direct.status == 201, direct.body);
  const size_t models = s.Get("/api/v1/risk/models", officer).json["models"].size();

  Response queued = s.Post("/api/v1/risk/jobs", request, officer);
  REQUIRE_MESSAGE(queued.status == 202, queued.body);
  const core::Json job = queued.json["job"];
  CHECK(job["models_total"] == models);
  CHECK(job["request"]["as_of"] == "2026-11-26");
  CHECK(job["requested_by"] == "officer");
  const std::string path = "/api/v1/risk/jobs/" + std::to_string(job["id"].get<int64_t>());

  s.app().risk_jobs().WaitIdle();
  Response done = s.Get(path, officer);
  REQUIRE(done.status == 200);
  CHECK(done.json["job"]["state"] == "done");
  CHECK(done.json["job"]["progress_pm"] == 1000);
  CHECK(done.json["job"]["models_done"] == models);
  REQUIRE(done.json["job"]["run_id"].is_number_integer());

  // The job's run is the newest, with the direct run's hits per model.
  Response runs = s.Get("/api/v1/risk/runs", officer);
  REQUIRE(runs.status == 200);
  CHECK(runs.json["items"][0]["run"]["id"] == done.json["job"]["run_id"]);
  CHECK(runs.json["items"][0]["run"]["started_by"] == direct.json["run"]["started_by"]);
  CHECK(runs.json["items"][0]["run"]["started_by_name"] == "officer");
  CHECK(runs.json["items"][0]["by_model"] == direct.json["by_model"]);
  CHECK(runs.json["items"][0]["run"]["hits"] == direct.json["run"]["hits"]);

  // Refused requests queue nothing; enterprises neither queue nor read.
  CHECK(s.Post("/api/v1/risk/jobs", {{"thresholds", {{"nope", 1}}}}, officer).status == 400);
  CHECK(s.Post("/api/v1/risk/jobs", {{"as_of", "2026-13-01"}}, officer).status == 400);
  CHECK(s.Post("/api/v1/risk/jobs", request, hnby).status == 403);
  CHECK(s.Get(path, hnby).status == 403);
  const int64_t next = job["id"].get<int64_t>() + 1;
  CHECK(s.Get("/api/v1/risk/jobs/" + std::to_string(next), officer).status == 404);
}

TEST_CASE("a risk job left running by a stopped server is queued again and finished at start") {
  TestServer s({.seed_demo = true});
  const std::string officer = s.Login("officer", kOfficerPassword);
  int64_t id = 0;
  {
    // What a server killed mid-run leaves: a job marked running at its third model.
    core::StatusOr<DbPool::Lease> db = s.app().pool().Acquire();
    REQUIRE(db.ok());
    RiskJobRecord job;
    job.request = R"({"as_of": "2026-11-26"})";
    job.models_total = 31;
    job.requested_by_name = "officer";
    job.requested_by_role = "officer";
    job.requested_at = "2026-11-26T02:00:00Z";
    core::StatusOr<int64_t> inserted = InsertRiskJob(**db, job);
    REQUIRE(inserted.ok());
    id = *inserted;
    REQUIRE((*db)
                ->Exec("UPDATE risk_jobs SET state = 'running', phase = 'SHARED_PHONE', "
                       "models_done = 2 WHERE id = ?",
                       id)
                .ok());
  }
  const std::string path = "/api/v1/risk/jobs/" + std::to_string(id);
  CHECK(s.Get(path, officer).json["job"]["state"] == "running");

  // The next start (a second App on the same database) queues it again and runs it.
  core::StatusOr<std::unique_ptr<App>> restarted = App::Open(s.app().config());
  REQUIRE_MESSAGE(restarted.ok(), restarted.status().ToString());
  (*restarted)->risk_jobs().WaitIdle();
  Response done = s.Get(path, officer);
  CHECK(done.json["job"]["state"] == "done");
  CHECK(done.json["job"]["run_id"].is_number_integer());
  CHECK(done.json["job"]["error"].is_null());
}

}  // namespace
}  // namespace server::testing
