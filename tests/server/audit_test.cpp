// Server tests: the hash-chained audit log: what gets audited, verification, and tampering
// detected (rows changed directly in SQLite).
#include <doctest/doctest.h>

#include <set>
#include <thread>
#include <vector>

#include "audit/audit_log.h"
#include "test_server.h"

namespace server::testing {
namespace {

TEST_CASE("the demo seed is fully audited and the chain verifies") {
  TestServer s({.seed_demo = true});
  std::string officer = s.Login("officer", kOfficerPassword);
  Response v = s.Get("/api/v1/audit/verify", officer);
  REQUIRE(v.status == 200);
  CHECK(v.json["ok"] == true);
  CHECK(v.json["entries"] == s.Count("audit_log"));
  CHECK_FALSE(v.json.contains("broken_at"));

  Response all = s.Get("/api/v1/audit?limit=500", officer);
  REQUIRE(all.status == 200);
  std::set<std::string> actions;
  int64_t prev_id = INT64_MAX;
  for (const core::Json& e : all.json["items"]) {
    actions.insert(e["action"].get<std::string>());
    CHECK(e["id"].get<int64_t>() < prev_id);  // newest first
    prev_id = e["id"].get<int64_t>();
    CHECK(e["hash"].get<std::string>().size() == 64);
  }
  for (const char* a :
       {"list.replace", "policy.replace", "user.create", "enterprise.create", "application.submit",
        "application.approve", "application.reject", "goods.file", "demo.seed"}) {
    CAPTURE(a);
    CHECK(actions.count(a) == 1);
  }
  // Decisions name the officer who took them.
  Response approvals = s.Get("/api/v1/audit?action=application.approve", officer);
  REQUIRE(approvals.json["total"].get<int64_t>() >= 1);
  CHECK(approvals.json["items"][0]["actor_name"] == "officer");
  CHECK(approvals.json["items"][0]["actor_id"] == 2);
  CHECK(!approvals.json["items"][0]["detail"]["reason"].get<std::string>().empty());
}

TEST_CASE("the audit log is append-only and tampering is detected at the first broken entry") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::unique_ptr<Db> db = s.OpenDb();
  // The triggers refuse ordinary edits.
  CHECK_FALSE(db->Exec("UPDATE audit_log SET actor_name = 'mallory' WHERE id = 5").ok());
  CHECK_FALSE(db->Exec("DELETE FROM audit_log WHERE id = 5").ok());
  CHECK(s.Get("/api/v1/audit/verify", admin).json["ok"] == true);

  // Someone with the file drops the trigger and rewrites a decision's reason.
  REQUIRE(db->ExecScript("DROP TRIGGER audit_log_no_update").ok());
  REQUIRE(db->Exec("UPDATE audit_log SET detail = ? WHERE id = 12",
                   std::string("{\"reason\":\"forged\"}"))
              .ok());
  Response v = s.Get("/api/v1/audit/verify", admin);
  CHECK(v.json["ok"] == false);
  CHECK(v.json["broken_at"] == 12);
  CHECK(!v.json["reason"].get<std::string>().empty());
}

TEST_CASE("recomputing a tampered entry's own hash still breaks the link to the next") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::unique_ptr<Db> db = s.OpenDb();
  REQUIRE(
      db->ExecScript("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete").ok());
  // Delete an entry in the middle.
  REQUIRE(db->Exec("DELETE FROM audit_log WHERE id = 20").ok());
  Response v = s.Get("/api/v1/audit/verify", admin);
  CHECK(v.json["ok"] == false);
  CHECK(v.json["broken_at"] == 21);
}

TEST_CASE("audit entries are written in the transaction of the change") {
  TestServer s({.seed_demo = true});
  std::unique_ptr<Db> db = s.OpenDb();
  // Outside a transaction, appending is refused: an entry must never outlive its change.
  core::Status st = AppendAudit(*db, Actor::System(), "test", "x", "1", core::Json::object(), 1);
  CHECK(st.code() == core::StatusCode::kInternal);
  Transaction tx(*db);
  REQUIRE(tx.Begin().ok());
  REQUIRE(AppendAudit(*db, Actor::System(), "test", "x", "1", {{"k", "v"}}, 1).ok());
  tx.Rollback();
  std::string admin = s.Login("admin", kAdminPassword);
  CHECK(s.Get("/api/v1/audit?action=test", admin).json["total"] == 0);
  CHECK(s.Get("/api/v1/audit/verify", admin).json["ok"] == true);
}

TEST_CASE("concurrent writers keep every change and an intact chain") {
  TestServer s({.seed_demo = true});
  std::string officer = s.Login("officer", kOfficerPassword);
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  int64_t hnby_id = s.Get("/api/v1/auth/me", hnby).json["enterprise"]["id"].get<int64_t>();
  auto before = s.Counts();
  constexpr int kThreads = 6;
  constexpr int kEach = 5;
  std::vector<int> created(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client cli("127.0.0.1", s.port());
      httplib::Headers h = {{"Cookie", t % 2 == 0 ? officer : hnby}};
      for (int i = 0; i < kEach; ++i) {
        core::Json body = {
            {"filing", ValidFiling("C-" + std::to_string(t) + "-" + std::to_string(i))}};
        auto r = cli.Post("/api/v1/enterprises/" + std::to_string(hnby_id) + "/goods", h,
                          core::DumpJson(body), "application/json");
        if (r && r->status == 201) ++created[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) CHECK(created[t] == kEach);
  CHECK(s.Count("goods_filings") == before["goods_filings"] + kThreads * kEach);
  CHECK(s.Count("audit_log") == before["audit_log"] + kThreads * kEach);
  Response v = s.Get("/api/v1/audit/verify", officer);
  CHECK(v.json["ok"] == true);
  CHECK(v.json["entries"] == s.Count("audit_log"));
}

}  // namespace
}  // namespace server::testing
