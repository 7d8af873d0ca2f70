// Server tests: enterprise admission applications end to end over HTTP: submission with the
// core's verdict, bad input writing nothing, decisions (409 for an ineligible approval).
#include <doctest/doctest.h>

#include "core/verdict_api.h"
#include "test_server.h"

namespace server::testing {
namespace {

// What the core says for the same request: the server must store exactly these bytes.
std::string CoreVerdict(TestServer& s, const core::Json& application) {
  auto ref = s.app().reference();
  core::Json request = {{"application", application}, {"decision_date", kToday}};
  return core::EvaluateAdmissionJson(core::DumpJson(request), ref->tables, ref->policy);
}

TEST_CASE("an officer submits an application with an account; the verdict is the core's") {
  TestServer d({.seed_demo = true});
  std::string officer = d.Login("officer", kOfficerPassword);
  core::Json app = ValidApplication();
  auto before = d.Counts();
  Response r = d.Post(
      "/api/v1/applications",
      {{"application", app},
       {"account",
        {{"username", "shtest"}, {"password", "ShTest#2026x"}, {"display_name", "上海测试"}}}},
      officer);
  REQUIRE(r.status == 201);
  CHECK(r.json["status"] == "submitted");
  CHECK(r.json["outcome"] == r.json["verdict"]["outcome"]);
  CHECK(r.json["verdict"]["decision_date"] == kToday);
  CHECK(core::DumpJson(r.json["verdict"]) == CoreVerdict(d, app));
  CHECK(r.json["enterprise"]["status"] == "pending");
  CHECK(r.json["application"]["uscc"] == app["uscc"]);
  int64_t id = r.json["id"].get<int64_t>();
  auto after = d.Counts();
  CHECK(after["enterprises"] == before["enterprises"] + 1);
  CHECK(after["users"] == before["users"] + 1);
  CHECK(after["applications"] == before["applications"] + 1);
  CHECK(after["qualifications"] == before["qualifications"] + 2);
  // enterprise.create, user.create, application.submit
  CHECK(after["audit_log"] == before["audit_log"] + 3);

  Response got = d.Get("/api/v1/applications/" + std::to_string(id), officer);
  REQUIRE(got.status == 200);
  CHECK(got.json["verdict"] == r.json["verdict"]);

  // The new account sees its own application.
  std::string ent = d.Login("shtest", "ShTest#2026x");
  Response mine = d.Get("/api/v1/applications", ent);
  REQUIRE(mine.json["total"] == 1);
  CHECK(mine.json["items"][0]["id"] == id);

  // Filters.
  CHECK(d.Get("/api/v1/applications?status=submitted", officer).json["total"] == 3);
  CHECK(d.Get("/api/v1/applications?outcome=ineligible", officer).json["total"] == 3);
  CHECK(d.Get("/api/v1/applications?q=91310110666007217T", officer).json["total"] == 1);
  Response paged = d.Get("/api/v1/applications?limit=2&offset=1", officer);
  CHECK(paged.json["items"].size() == 2);
  CHECK(paged.json["total"] == 9);
  CHECK(d.Get("/api/v1/applications?limit=-1", officer).status == 400);
  CHECK(d.Get("/api/v1/applications?limit=abc", officer).status == 400);
}

TEST_CASE("bad submissions answer 400 and write nothing") {
  TestServer s({.seed_demo = true});
  std::string officer = s.Login("officer", kOfficerPassword);
  auto before = s.Counts();
  core::Json app = ValidApplication();
  auto with = [&](const std::string& key, core::Json value) {
    core::Json a = app;
    a[key] = std::move(value);
    return core::Json{{"application", a}};
  };
  core::Json no_name = app;
  no_name.erase("name");
  core::Json bad_qual = app;
  bad_qual["qualifications"][0]["valid_to"] = "2040-13-45";
  const std::string bodies[] = {
      "{",
      "[]",
      "\"text\"",
      "{}",
      core::DumpJson({{"application", "not an object"}}),
      core::DumpJson({{"application", no_name}}),
      core::DumpJson(with("name", 42)),
      core::DumpJson(with("name", std::string(201, 'x'))),
      core::DumpJson(with("roles", "ecommerce")),
      core::DumpJson(with("roles", {"smuggler"})),
      core::DumpJson(with("overseas", "no")),
      core::DumpJson(with("shop_urls", {std::string(501, 'h')})),
      core::DumpJson({{"application", bad_qual}}),
      core::DumpJson({{"application", app}, {"account", "hnby"}}),
      core::DumpJson({{"application", app}, {"account", {{"username", "zz"}, {"password", "x"}}}}),
      core::DumpJson(
          {{"application", app}, {"account", {{"username", "newuser"}, {"password", "short"}}}}),
  };
  int index = 0;
  for (const std::string& body : bodies) {
    int i = index++;
    CAPTURE(i);
    CAPTURE(body.substr(0, 120));
    Response r = s.Send("POST", "/api/v1/applications", body, officer);
    CHECK(r.status == 400);
    CHECK(r.ErrorCode() == "invalid_argument");
    CHECK(!r.ErrorMessage().empty());
  }
  // Conflicts roll back the enterprise they would have created.
  Response dup_user = s.Post(
      "/api/v1/applications",
      {{"application", app}, {"account", {{"username", "hnby"}, {"password", "Another#12345"}}}},
      officer);
  CHECK(dup_user.status == 409);
  CHECK(dup_user.ErrorCode() == "already_exists");
  core::Json existing = ValidApplication("9141010052CL12THXP");  // hnby's USCC
  Response dup_uscc = s.Post("/api/v1/applications", {{"application", existing}}, officer);
  CHECK(dup_uscc.status == 409);
  CHECK(s.Counts() == before);
}

TEST_CASE("approve an eligible application; 409 for an ineligible one; reject") {
  TestServer s({.seed_demo = true});
  std::string officer = s.Login("officer", kOfficerPassword);
  Response r = s.Post("/api/v1/applications", {{"application", ValidApplication()}}, officer);
  REQUIRE(r.status == 201);
  REQUIRE(r.json["outcome"] == "eligible");
  std::string id = std::to_string(r.json["id"].get<int64_t>());
  int64_t enterprise = r.json["enterprise_id"].get<int64_t>();

  auto before = s.Counts();
  CHECK(s.Post("/api/v1/applications/" + id + "/decision", {{"decision", "approve"}}, officer)
            .status == 400);  // reason required
  CHECK(s.Post("/api/v1/applications/" + id + "/decision", {{"decision", "maybe"}, {"reason", "x"}},
               officer)
            .status == 400);
  CHECK(s.Post("/api/v1/applications/" + id + "/decision",
               {{"decision", "approve"}, {"reason", std::string(1001, 'r')}}, officer)
            .status == 400);
  CHECK(s.Post("/api/v1/applications/999999/decision", {{"decision", "approve"}, {"reason", "ok"}},
               officer)
            .status == 404);
  CHECK(s.Counts() == before);

  Response ok = s.Post("/api/v1/applications/" + id + "/decision",
                       {{"decision", "approve"}, {"reason", "资质齐全"}}, officer);
  REQUIRE(ok.status == 200);
  CHECK(ok.json["status"] == "approved");
  CHECK(ok.json["decision_reason"] == "资质齐全");
  CHECK(ok.json["decided_by"] == 2);
  CHECK(ok.json["enterprise"]["status"] == "admitted");
  CHECK(s.Get("/api/v1/enterprises/" + std::to_string(enterprise), officer).json["status"] ==
        "admitted");
  CHECK(s.Count("audit_log") == before["audit_log"] + 1);
  // Decided once only.
  Response again = s.Post("/api/v1/applications/" + id + "/decision",
                          {{"decision", "reject"}, {"reason", "changed my mind"}}, officer);
  CHECK(again.status == 409);
  CHECK(again.ErrorCode() == "failed_precondition");

  // The demo's pending application with an expired licence cannot be approved.
  Response pending = s.Get("/api/v1/applications?status=submitted", officer);
  REQUIRE(pending.json["total"] == 2);
  std::string ineligible = std::to_string(pending.json["items"][0]["id"].get<int64_t>());
  REQUIRE(pending.json["items"][0]["outcome"] == "ineligible");
  auto mid = s.Counts();
  Response refused = s.Post("/api/v1/applications/" + ineligible + "/decision",
                            {{"decision", "approve"}, {"reason", "try"}}, officer);
  CHECK(refused.status == 409);
  CHECK(refused.ErrorCode() == "failed_precondition");
  CHECK(refused.ErrorMessage().find("ineligible") != std::string::npos);
  CHECK(s.Counts() == mid);
  CHECK(s.Get("/api/v1/applications/" + ineligible, officer).json["status"] == "submitted");

  Response rejected = s.Post("/api/v1/applications/" + ineligible + "/decision",
                             {{"decision", "reject"}, {"reason", "资质不全"}}, officer);
  REQUIRE(rejected.status == 200);
  CHECK(rejected.json["status"] == "rejected");
  CHECK(rejected.json["enterprise"]["status"] == "rejected");
}

TEST_CASE("an enterprise user resubmits for its own enterprise only") {
  TestServer s({.seed_demo = true});
  std::string oldlog = s.Login("oldlog", kEnterprisePassword);
  core::Json fixed = ValidApplication("9144030009JC171H9W");
  fixed["roles"] = {"logistics"};
  fixed["shop_urls"] = core::Json::array();
  fixed["qualifications"] = {{{"type", "business_licence"},
                              {"number", "9144030009JC171H9W"},
                              {"issuer", "深圳市市场监督管理局"},
                              {"valid_from", "2020-01-01"},
                              {"valid_to", "2036-12-31"}},
                             {{"type", "express_licence"},
                              {"number", "粤邮2018077号"},
                              {"issuer", "广东省邮政管理局"},
                              {"valid_from", "2020-01-01"},
                              {"valid_to", "2036-12-31"}}};
  // Its first application still awaits a decision.
  Response busy = s.Post("/api/v1/applications", {{"application", fixed}}, oldlog);
  CHECK(busy.status == 409);
  CHECK(busy.ErrorCode() == "failed_precondition");
  // Accounts are for customs to create.
  CHECK(s.Post("/api/v1/applications",
               {{"application", fixed},
                {"account", {{"username", "x1x"}, {"password", "Xx#1234567"}}}},
               oldlog)
            .status == 400);

  std::string officer = s.Login("officer", kOfficerPassword);
  Response mine = s.Get("/api/v1/applications", oldlog);
  REQUIRE(mine.json["total"] == 1);
  std::string first = std::to_string(mine.json["items"][0]["id"].get<int64_t>());
  REQUIRE(s.Post("/api/v1/applications/" + first + "/decision",
                 {{"decision", "reject"}, {"reason", "营业执照已过期"}}, officer)
              .status == 200);

  auto before = s.Counts();
  Response again = s.Post("/api/v1/applications", {{"application", fixed}}, oldlog);
  REQUIRE(again.status == 201);
  CHECK(again.json["outcome"] == "eligible");
  CHECK(again.json["enterprise_id"] == mine.json["items"][0]["enterprise_id"]);
  CHECK(s.Count("enterprises") == before["enterprises"]);
  REQUIRE(s.Post("/api/v1/applications/" + std::to_string(again.json["id"].get<int64_t>()) +
                     "/decision",
                 {{"decision", "approve"}, {"reason", "已换发营业执照"}}, officer)
              .status == 200);
  Response me = s.Get("/api/v1/auth/me", oldlog);
  CHECK(me.json["enterprise"]["status"] == "admitted");
  Response detail = s.Get(
      "/api/v1/enterprises/" + std::to_string(me.json["enterprise"]["id"].get<int64_t>()), oldlog);
  REQUIRE(detail.status == 200);
  CHECK(detail.json["qualifications"].size() == 2);
  CHECK(detail.json["qualifications"][0]["valid_to"] == "2036-12-31");
  CHECK(detail.json["applications"].size() == 2);
}

TEST_CASE("enterprise listing and filters") {
  TestServer s({.seed_demo = true});
  std::string officer = s.Login("officer", kOfficerPassword);
  Response all = s.Get("/api/v1/enterprises", officer);
  REQUIRE(all.status == 200);
  CHECK(all.json["total"] == 8);
  CHECK(s.Get("/api/v1/enterprises?status=admitted", officer).json["total"] == 5);
  CHECK(s.Get("/api/v1/enterprises?status=pending", officer).json["total"] == 2);
  CHECK(s.Get("/api/v1/enterprises?status=rejected", officer).json["total"] == 1);
  CHECK(s.Get("/api/v1/enterprises?q=9141010052CL12THXP", officer).json["total"] == 1);
  CHECK(s.Get("/api/v1/enterprises/424242", officer).status == 404);
  CHECK(s.Get("/api/v1/enterprises?q=" + std::string(300, 'q'), officer).status == 400);
}

}  // namespace
}  // namespace server::testing
