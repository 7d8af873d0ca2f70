// Server tests: static files (web/ and the wasm bundle), security headers, the SPA fallback,
// the OpenAPI document generated from the route table, and a happy-path call of every route.
#include <doctest/doctest.h>

#include <set>

#include "ceb_fixtures.h"
#include "http/routes.h"
#include "patrol_fixtures.h"
#include "supervision_fixtures.h"
#include "test_server.h"

namespace server::testing {
namespace {

TEST_CASE("static files, MIME types, security headers and the SPA fallback") {
  TestServer s;
  Response index = s.Get("/");
  REQUIRE(index.status == 200);
  CHECK(index.body.find("<title>patrol</title>") != std::string::npos);
  CHECK(index.Header("Content-Type").rfind("text/html", 0) == 0);
  CHECK(index.Header("X-Content-Type-Options") == "nosniff");
  CHECK(index.Header("X-Frame-Options") == "DENY");
  CHECK(index.Header("Referrer-Policy") == "same-origin");
  std::string csp = index.Header("Content-Security-Policy");
  CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval'") != std::string::npos);
  CHECK(csp.find("default-src 'self'") != std::string::npos);

  Response mjs = s.Get("/wasm/core.mjs");
  REQUIRE(mjs.status == 200);
  CHECK(mjs.Header("Content-Type") == "text/javascript");
  Response wasm = s.Get("/wasm/core.wasm");
  REQUIRE(wasm.status == 200);
  CHECK(wasm.Header("Content-Type") == "application/wasm");
  CHECK(wasm.body.substr(0, 4) == std::string("\0asm", 4));
  CHECK(s.Get("/app.js").Header("Content-Type") == "text/javascript");
  // Browser libraries from Debian packages (/usr/share/javascript) under /vendor.
  Response chart = s.Get("/vendor/chart.js/chart.esm.js");
  CHECK(chart.status == 200);
  CHECK(chart.Header("Content-Type") == "text/javascript");
  CHECK(s.Get("/vendor/../../etc/passwd").body.find("root:") == std::string::npos);

  // Client-side routes get the page; missing files and API paths do not.
  Response route = s.Get("/applications/42");
  CHECK(route.status == 200);
  CHECK(route.body == index.body);
  CHECK(s.Get("/missing.js").status == 404);
  CHECK(s.Get("/wasm/missing.wasm").status == 404);
  CHECK(s.Get("/../etc/passwd").body.find("root:") == std::string::npos);
  CHECK(s.Get("/wasm/../../etc/passwd").body.find("root:") == std::string::npos);
  Response api = s.Get("/api/v1/unknown");
  CHECK(api.status == 404);
  CHECK(api.Header("X-Frame-Options") == "DENY");
  CHECK(api.Header("Cache-Control") == "no-store");
}

TEST_CASE("health and the OpenAPI document list every route with its roles") {
  TestServer s;
  Response health = s.Get("/api/v1/health");
  REQUIRE(health.status == 200);
  CHECK(health.json["status"] == "ok");
  Response doc = s.Get("/api/v1/openapi.json");
  REQUIRE(doc.status == 200);
  CHECK(doc.json["openapi"] == "3.0.3");
  size_t ops = 0;
  for (const Route& r : RouteTable()) {
    std::string method(r.method);
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    CAPTURE(r.pattern);
    REQUIRE(doc.json["paths"].contains(std::string(r.pattern)));
    const core::Json& op = doc.json["paths"][std::string(r.pattern)][method];
    REQUIRE(op.is_object());
    CHECK(op["summary"] == std::string(r.summary));
    CHECK(!op["x-roles"].get<std::string>().empty());
    ++ops;
  }
  CHECK(ops == RouteTable().size());
  CHECK(doc.json["paths"]["/api/v1/users"]["post"]["x-roles"] == "admin");
  CHECK(doc.json["paths"]["/api/v1/health"]["get"]["x-roles"] == "anyone");
}

// One successful call per route, so a route nobody exercises fails the suite.
TEST_CASE("every route has a happy path") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  const std::string zzpay = s.Login("zzpay", kEnterprisePassword);  // changes its password
  const std::string ztlog = s.Login("ztlog", kEnterprisePassword);  // signs out everywhere
  int64_t hnby_id = s.Get("/api/v1/auth/me", hnby).json["enterprise"]["id"].get<int64_t>();
  std::string csv = s.Get("/api/v1/reference/controls", admin).body;
  core::Json policy = s.Get("/api/v1/policy", admin).json["document"];
  policy["version"] = "2026.9";

  Response submitted =
      s.Post("/api/v1/applications", {{"application", ValidApplication()}}, officer);
  REQUIRE(submitted.status == 201);
  std::string app_id = std::to_string(submitted.json["id"].get<int64_t>());
  Response filed = s.Post("/api/v1/enterprises/" + std::to_string(hnby_id) + "/goods",
                          {{"filing", ValidFiling("HAPPY-1")}}, hnby);
  REQUIRE(filed.status == 201);
  std::string goods_id = std::to_string(filed.json["id"].get<int64_t>());

  // A released declaration and its list message, for the read routes.
  const int64_t declaration = SubmitSet(s, admin, MakeSet(Spec("HAPPY")));
  const std::string decl_id = std::to_string(declaration);
  const std::string msg_id =
      std::to_string(Declaration(s, officer, declaration)["list_message_id"].get<int64_t>());
  CebSet more = MakeSet(Spec("HAPPY-2"));

  struct Call {
    std::string method, pattern, path, cookie;
    core::Json body;
    int status;
    std::string bearer = "";  // a crawler token instead of the cookie
  };
  // Online patrol: a crawler holding a patrol and a mystery order (patrol_test.cpp goes further).
  const PatrolSetup patrol = SetUpPatrol(s, admin, officer, hnby_id);
  const std::string shop_id = std::to_string(patrol.shop);
  const std::string ptask = "/api/v1/crawler/tasks/" + std::to_string(patrol.patrol_task);
  const std::string mtask = "/api/v1/crawler/tasks/" + std::to_string(patrol.mystery_task);
  const std::string e = std::to_string(hnby_id);
  const core::Json rule = {
      {"id", "happy.rule-1"},      {"name", "happy"}, {"condition", "list.lines > 5"},
      {"action", "manual_review"}, {"priority", 1},   {"valid_from", "2026-01-01"},
      {"valid_to", nullptr},       {"enabled", true}, {"reason_zh", "测试"},
      {"reason_en", "test"}};
  // Ledgers, gates and promotions on the demo data (ledgers_test.cpp, gates_test.cpp and
  // promotions_test.cpp go further): a pass held at the gate and released, a promotion filed.
  const int64_t ztlog_id =
      s.Get("/api/v1/enterprises?q=4101460056", officer).json["items"][0]["id"].get<int64_t>();
  const core::Json gate_pass = {{"ioTypecd", "E"},
                                {"passportTypecd", "3"},
                                {"logisticsCode", kZtlogCode},
                                {"vehicleNo", "豫A8G301"},
                                {"vehicleIcNo", "ICZT20260001"},
                                {"vehicleFrameWt", "8500"},
                                {"totalGrossWt", "1.2"},
                                {"invtNos", {Declaration(s, officer, declaration)["invt_no"]}}};
  Response pass_made = s.Post("/api/v1/gate-passes", {{"pass", gate_pass}}, officer);
  REQUIRE(pass_made.status == 201);
  const std::string pass_id = std::to_string(pass_made.json["gate_pass"]["id"].get<int64_t>());
  const std::string promo_id =
      std::to_string(s.Get("/api/v1/promotions", hnby).json["items"][0]["id"].get<int64_t>());
  const core::Json entry = {{"kind", "first_line_in"}, {"date", "2026-11-26"}, {"sku", "HNBY-0010"},
                            {"code10", "8510100000"},  {"qty", "5"},           {"unit", "001"},
                            {"entry_no", "E-HAPPY"}};
  const std::string ledger = "/api/v1/ledgers/T4606W000001";
  const core::Json stocktake = {{"stocktake",
                                 {{"date", "2026-11-26"},
                                  {"method", "electronic"},
                                  {"counts", {{{"sku", "HNBY-0001"}, {"counted", "1"}}}}}}};
  Response st = s.Post(ledger + "/stocktakes", stocktake, hnby);
  REQUIRE_MESSAGE(st.status == 201, st.body);
  const std::string stocktake_id = std::to_string(st.json["stocktake"]["id"].get<int64_t>());
  Response risk_run = s.Post("/api/v1/risk/runs", core::Json::object(), officer);
  REQUIRE_MESSAGE(risk_run.status == 201, risk_run.body);
  const std::string run_id = std::to_string(risk_run.json["run"]["id"].get<int64_t>());
  // The learned score: trained on 30 inspected lists, then a run scores every list.
  const InspectedLists inspected = InspectThirtyAt199(s, admin, officer);
  Response trained = s.Post("/api/v1/risk/learned-models", {{"rounds", 5}}, officer);
  REQUIRE_MESSAGE(trained.status == 201, trained.body);
  const std::string model_id = std::to_string(trained.json["model"]["id"].get<int64_t>());
  Response scored_run = s.Post("/api/v1/risk/runs", core::Json::object(), officer);
  REQUIRE_MESSAGE(scored_run.status == 201, scored_run.body);
  const std::string scored_run_id = std::to_string(scored_run.json["run"]["id"].get<int64_t>());
  const std::string scored_list = std::to_string(inspected.mismatched.front());
  const std::string arrived_list = std::to_string(SubmitSet(s, admin, MakeSet(Spec("ARR1"))));
  Response job = s.Post("/api/v1/risk/jobs", core::Json::object(), officer);
  REQUIRE_MESSAGE(job.status == 202, job.body);
  const std::string job_id = std::to_string(job.json["job"]["id"].get<int64_t>());
  const std::string enterprise_path = "/api/v1/enterprises/" + std::to_string(hnby_id);
  Response assessed =
      s.Post(enterprise_path + "/credit/assessments", core::Json::object(), officer);
  REQUIRE_MESSAGE(assessed.status == 201, assessed.body);
  const core::Json confirm = {{"assessment_id", assessed.json["assessment"]["id"]},
                              {"action", "confirm"}};
  // An answer to the stocktake's shortage, reviewed (rejected) in the list before the next one.
  const core::Json answer = {{"object_type", "stocktake"},
                             {"object_id", st.json["stocktake"]["id"]},
                             {"kind", "explanation"},
                             {"text", "samples"}};
  Response answered = s.Post("/api/v1/findings/answers", answer, hnby);
  REQUIRE_MESSAGE(answered.status == 201, answered.body);
  const std::string answer_id = std::to_string(answered.json["response"]["id"].get<int64_t>());

  std::vector<Call> calls = {
      {"GET", "/api/v1/health", "/api/v1/health", "", nullptr, 200},
      {"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", "", nullptr, 200},
      {"POST",
       "/api/v1/auth/login",
       "/api/v1/auth/login",
       "",
       {{"username", "officer2"}, {"password", kOfficerPassword}},
       200},
      {"GET", "/api/v1/auth/me", "/api/v1/auth/me", hnby, nullptr, 200},
      {"POST", "/api/v1/auth/logout-all", "/api/v1/auth/logout-all", ztlog, core::Json::object(),
       204},
      {"POST",
       "/api/v1/auth/password",
       "/api/v1/auth/password",
       zzpay,
       {{"current_password", kEnterprisePassword}, {"new_password", "Zzpay#Changed2026"}},
       204},
      {"GET", "/api/v1/users", "/api/v1/users", admin, nullptr, 200},
      {"POST",
       "/api/v1/users",
       "/api/v1/users",
       admin,
       {{"username", "happy"}, {"password", "Happy#12345"}, {"role", "officer"}},
       201},
      {"GET", "/api/v1/enterprises", "/api/v1/enterprises?q=%E9%83%91%E5%B7%9E&status=admitted",
       officer, nullptr, 200},
      {"GET", "/api/v1/enterprises/{id}", "/api/v1/enterprises/" + e, hnby, nullptr, 200},
      {"POST",
       "/api/v1/enterprises/{id}/goods",
       "/api/v1/enterprises/" + e + "/goods",
       hnby,
       {{"filing", ValidFiling("HAPPY-2")}},
       201},
      {"GET", "/api/v1/applications", "/api/v1/applications?status=submitted", officer, nullptr,
       200},
      {"POST",
       "/api/v1/applications",
       "/api/v1/applications",
       officer,
       {{"application", ValidApplication("91350211M0000XUF46")}},
       201},
      {"GET", "/api/v1/applications/{id}", "/api/v1/applications/" + app_id, officer, nullptr, 200},
      {"POST",
       "/api/v1/applications/{id}/decision",
       "/api/v1/applications/" + app_id + "/decision",
       officer,
       {{"decision", "approve"}, {"reason", "ok"}},
       200},
      {"GET", "/api/v1/goods", "/api/v1/goods?outcome=admitted", hnby, nullptr, 200},
      {"GET", "/api/v1/goods/name-codes",
       "/api/v1/goods/name-codes?name=x&exclude_enterprise_id=" + e, hnby, nullptr, 200},
      {"GET", "/api/v1/goods/{id}", "/api/v1/goods/" + goods_id, hnby, nullptr, 200},
      {"POST",
       "/api/v1/check/identifier",
       "/api/v1/check/identifier",
       hnby,
       {{"kind", "customs_code"}, {"value", "4101460012"}},
       200},
      {"GET", "/api/v1/lists", "/api/v1/lists", hnby, nullptr, 200},
      {"GET", "/api/v1/lists/positive", "/api/v1/lists/positive?q=33", hnby, nullptr, 200},
      {"PUT",
       "/api/v1/lists/{name}",
       "/api/v1/lists/controls",
       admin,
       {{"version", "controls-2"}, {"csv", csv}},
       200},
      {"GET", "/api/v1/reference/{name}", "/api/v1/reference/hs8", hnby, nullptr, 200},
      {"GET", "/api/v1/policy", "/api/v1/policy", hnby, nullptr, 200},
      {"PUT", "/api/v1/policy", "/api/v1/policy", admin, {{"document", policy}}, 200},
      {"GET", "/api/v1/audit", "/api/v1/audit?object_type=application", officer, nullptr, 200},
      {"GET", "/api/v1/audit/verify", "/api/v1/audit/verify", officer, nullptr, 200},
      {"POST", "/api/v1/messages", "/api/v1/messages", hnby,
       JsonItem("CEB311", core::OrderToJson(more.order)), 200},
      {"GET", "/api/v1/messages", "/api/v1/messages?type=CEB621", hnby, nullptr, 200},
      {"GET", "/api/v1/messages/{id}", "/api/v1/messages/" + msg_id, hnby, nullptr, 200},
      {"GET", "/api/v1/messages/{id}/raw", "/api/v1/messages/" + msg_id + "/raw", officer, nullptr,
       200},
      {"GET", "/api/v1/declarations", "/api/v1/declarations?status=released", officer, nullptr,
       200},
      {"GET", "/api/v1/declarations/{id}", "/api/v1/declarations/" + decl_id, hnby, nullptr, 200},
      // Routing and queues (tests/server/routing_test.cpp and queues_test.cpp go further): the
      // released list is in no queue, so the outcomes answer 409.
      {"GET", "/api/v1/declarations/{id}/routing", "/api/v1/declarations/" + decl_id + "/routing",
       officer, nullptr, 200},
      {"POST",
       "/api/v1/declarations/{id}/review",
       "/api/v1/declarations/" + decl_id + "/review",
       officer,
       {{"decision", "release"}, {"reason", "ok"}},
       409},
      {"POST",
       "/api/v1/declarations/{id}/inspection",
       "/api/v1/declarations/" + decl_id + "/inspection",
       officer,
       {{"outcome", "match"}, {"reason", "ok"}},
       409},
      {"POST",
       "/api/v1/declarations/{id}/valuation",
       "/api/v1/declarations/" + decl_id + "/valuation",
       officer,
       {{"reason", "ok"}, {"lines", {{{"gnum", 1}, {"dutiable_value_fen", 1}}}}},
       409},
      {"GET", "/api/v1/queues/{name}", "/api/v1/queues/inspection", officer, nullptr, 200},
      {"GET", "/api/v1/routing/schema", "/api/v1/routing/schema", officer, nullptr, 200},
      {"GET", "/api/v1/routing/rules", "/api/v1/routing/rules", officer, nullptr, 200},
      {"POST",
       "/api/v1/routing/validate",
       "/api/v1/routing/validate",
       officer,
       {{"rule", rule}},
       200},
      {"POST",
       "/api/v1/routing/preview",
       "/api/v1/routing/preview",
       officer,
       {{"rule", rule}},
       200},
      {"GET", "/api/v1/routing/rules/stats", "/api/v1/routing/rules/stats?from=2026-11-01", officer,
       nullptr, 200},
      {"GET", "/api/v1/routing/rules/{rule_id}", "/api/v1/routing/rules/high-risk-goods", officer,
       nullptr, 200},
      {"PUT",
       "/api/v1/routing/rules/{rule_id}",
       "/api/v1/routing/rules/happy.rule-1",
       admin,
       {{"rule", rule}, {"note", "happy path"}},
       201},
      {"PUT",
       "/api/v1/enterprises/{id}/credit",
       "/api/v1/enterprises/" + e + "/credit",
       admin,
       {{"grade", "certified"}, {"risk_level", "low"}},
       200},
      {"GET", "/api/v1/ledgers", "/api/v1/ledgers?q=T4606", hnby, nullptr, 200},
      {"POST",
       "/api/v1/ledgers",
       "/api/v1/ledgers",
       hnby,
       {{"ledger", {{"ems_no", "T4606W000099"}, {"customs_code", "4606"}}}},
       201},
      {"GET", "/api/v1/ledgers/{ems_no}", ledger, hnby, nullptr, 200},
      {"GET", "/api/v1/risk/models", "/api/v1/risk/models", officer, nullptr, 200},
      {"POST",
       "/api/v1/risk/runs",
       "/api/v1/risk/runs",
       officer,
       {{"thresholds", {{"ids_per_phone", 2}}}},
       201},
      {"GET", "/api/v1/risk/runs/{id}/hits",
       "/api/v1/risk/runs/" + run_id + "/hits?model=", officer, nullptr, 200},
      {"POST", "/api/v1/ledgers/{ems_no}/stocktakes", ledger + "/stocktakes", hnby, stocktake, 201},
      {"GET", "/api/v1/stocktakes", "/api/v1/stocktakes?ems_no=T4606W000001", hnby, nullptr, 200},
      {"GET", "/api/v1/stocktakes/schedule", "/api/v1/stocktakes/schedule", hnby, nullptr, 200},
      // The decision first: it must name the newest assessment.
      {"POST", "/api/v1/enterprises/{id}/credit/decisions", enterprise_path + "/credit/decisions",
       officer, confirm, 201},
      {"POST", "/api/v1/enterprises/{id}/credit/assessments",
       enterprise_path + "/credit/assessments", officer, core::Json::object(), 201},
      {"GET", "/api/v1/enterprises/{id}/credit/profile", enterprise_path + "/credit/profile", hnby,
       nullptr, 200},
      {"GET", "/api/v1/findings", "/api/v1/findings?state=answered", hnby, nullptr, 200},
      {"GET", "/api/v1/risk/runs", "/api/v1/risk/runs", officer, nullptr, 200},
      {"POST", "/api/v1/risk/jobs", "/api/v1/risk/jobs", officer, core::Json::object(), 202},
      {"GET", "/api/v1/risk/jobs/{id}", "/api/v1/risk/jobs/" + job_id, officer, nullptr, 200},
      {"POST", "/api/v1/risk/learned-models", "/api/v1/risk/learned-models", officer,
       core::Json{{"rounds", 3}}, 201},
      {"GET", "/api/v1/risk/learned-models", "/api/v1/risk/learned-models", officer, nullptr, 200},
      {"GET", "/api/v1/risk/learned-models/{id}", "/api/v1/risk/learned-models/" + model_id,
       officer, nullptr, 200},
      {"GET", "/api/v1/risk/runs/{id}/learned-scores",
       "/api/v1/risk/runs/" + scored_run_id + "/learned-scores", officer, nullptr, 200},
      {"GET", "/api/v1/declarations/{id}/learned-score",
       "/api/v1/declarations/" + scored_list + "/learned-score", officer, nullptr, 200},
      {"GET", "/api/v1/declarations/{id}/arrival-score",
       "/api/v1/declarations/" + arrived_list + "/arrival-score", officer, nullptr, 200},
      {"POST", "/api/v1/findings/answers/{id}/review",
       "/api/v1/findings/answers/" + answer_id + "/review", officer,
       core::Json{{"decision", "rejected"}, {"note", "show the record"}}, 200},
      {"POST", "/api/v1/findings/answers", "/api/v1/findings/answers", hnby, answer, 201},
      {"POST",
       "/api/v1/enterprises/{id}/violations",
       enterprise_path + "/violations",
       officer,
       {{"kind", "violation"},
        {"decided_on", "2026-11-02"},
        {"penalty_fen", 200000},
        {"reference", "V-1"},
        {"description", "late manifest"}},
       201},
      {"GET", "/api/v1/stocktakes/{id}", "/api/v1/stocktakes/" + stocktake_id, hnby, nullptr, 200},
      {"POST",
       "/api/v1/stocktakes/{id}/recount",
       "/api/v1/stocktakes/" + stocktake_id + "/recount",
       officer,
       {{"recounts", {{{"sku", "HNBY-0001"}, {"recounted", "2"}}}}, {"reason", "抽盘"}},
       200},
      {"GET", "/api/v1/ledgers/{ems_no}/balances", ledger + "/balances?date=2026-11-20", hnby,
       nullptr, 200},
      {"GET", "/api/v1/ledgers/{ems_no}/trace", ledger + "/trace?entry_id=1", hnby, nullptr, 200},
      {"POST",
       "/api/v1/ledgers/{ems_no}/what-if",
       ledger + "/what-if",
       hnby,
       {{"pending", entry}},
       200},
      {"POST",
       "/api/v1/ledgers/{ems_no}/entries",
       ledger + "/entries",
       hnby,
       {{"entry", entry}},
       201},
      {"POST",
       "/api/v1/ledger-transfers",
       "/api/v1/ledger-transfers",
       hnby,
       {{"transfer",
         {{"from_ems_no", "T4606W000001"},
          {"to_ems_no", "T4606W000099"},
          {"date", "2026-11-26"},
          {"sku", "HNBY-0010"},
          {"code10", "8510100000"},
          {"qty", "1"},
          {"unit", "001"}}}},
       201},
      {"GET", "/api/v1/vehicles", "/api/v1/vehicles", officer, nullptr, 200},
      {"POST",
       "/api/v1/vehicles",
       "/api/v1/vehicles",
       officer,
       {{"vehicle",
         {{"plate", "豫A00001"},
          {"ic_card_no", "IC-HAPPY"},
          {"frame_wt", "9000"},
          {"enterprise_id", ztlog_id}}}},
       201},
      {"GET", "/api/v1/gate-passes", "/api/v1/gate-passes?status=open", officer, nullptr, 200},
      {"POST", "/api/v1/gate-passes", "/api/v1/gate-passes", officer, {{"pass", gate_pass}}, 201},
      {"GET", "/api/v1/gate-passes/{id}", "/api/v1/gate-passes/" + pass_id, officer, nullptr, 200},
      {"POST",
       "/api/v1/gate-passes/{id}/events",
       "/api/v1/gate-passes/" + pass_id + "/events",
       officer,
       {{"event", {{"passCollectWt", "8600"}, {"gate", 1}, {"passTime", "20261126103000"}}}},
       201},
      {"POST",
       "/api/v1/gate-passes/{id}/release-hold",
       "/api/v1/gate-passes/" + pass_id + "/release-hold",
       officer,
       {{"reason", "weighed again by hand"}},
       200},
      {"GET", "/api/v1/promotions", "/api/v1/promotions?outcome=ok", hnby, nullptr, 200},
      {"POST",
       "/api/v1/promotions",
       "/api/v1/promotions",
       hnby,
       {{"promotion",
         {{"skus", {"HNBY-0003"}},
          {"promo_price_fen", 4000},
          {"normal_price_fen", 4500},
          {"from", "2026-12-01"},
          {"to", "2026-12-07"}}}},
       201},
      {"GET", "/api/v1/promotions/{id}", "/api/v1/promotions/" + promo_id, hnby, nullptr, 200},
      {"GET", "/api/v1/promotions/{id}/summary", "/api/v1/promotions/" + promo_id + "/summary",
       hnby, nullptr, 200},
      {"POST",
       "/api/v1/crawler-accounts",
       "/api/v1/crawler-accounts",
       admin,
       {{"name", "happy"}},
       201},
      {"GET", "/api/v1/crawler-accounts", "/api/v1/crawler-accounts", admin, nullptr, 200},
      {"GET", "/api/v1/shops", "/api/v1/shops", hnby, nullptr, 200},
      {"GET", "/api/v1/shops/{id}", "/api/v1/shops/" + shop_id, officer, nullptr, 200},
      {"GET", "/api/v1/shops/{id}/profiles", "/api/v1/shops/" + shop_id + "/profiles", officer,
       nullptr, 200},
      {"POST",
       "/api/v1/shops/{id}/profiles",
       "/api/v1/shops/" + shop_id + "/profiles",
       officer,
       {{"profile", ShopProfile("127.0.0.1:18081")}, {"comment", "v2"}},
       201},
      {"GET", "/api/v1/covert-buyers", "/api/v1/covert-buyers", officer, nullptr, 200},
      {"POST",
       "/api/v1/covert-buyers",
       "/api/v1/covert-buyers",
       officer,
       {{"name", "王五"}, {"id_number", kBuyerA}, {"phone", "1390000"}, {"address", "郑州"}},
       201},
      {"POST",
       "/api/v1/crawler/tasks/{id}/progress",
       ptask + "/progress",
       "",
       {{"lease_token", patrol.patrol_lease}, {"progress", {{"pages", 1}}}},
       200,
       patrol.token},
      {"POST",
       "/api/v1/crawler/tasks/{id}/evidence",
       ptask + "/evidence",
       "",
       {{"lease_token", patrol.patrol_lease}, {"items", {EvidenceItem(2, "page two")}}},
       201,
       patrol.token},
      {"POST",
       "/api/v1/crawler/tasks/{id}/complete",
       ptask + "/complete",
       "",
       {{"lease_token", patrol.patrol_lease},
        {"complete_listing", false},
        {"observations", core::Json::array()}},
       200,
       patrol.token},
      {"POST",
       "/api/v1/crawler/tasks/{id}/fail",
       mtask + "/fail",
       "",
       {{"lease_token", patrol.mystery_lease}, {"error", "shop closed"}, {"retryable", false}},
       200,
       patrol.token},
      {"POST", "/api/v1/shops/{id}/patrols", "/api/v1/shops/" + shop_id + "/patrols", officer,
       core::Json::object(), 201},
      {"POST",
       "/api/v1/shops/{id}/preview",
       "/api/v1/shops/" + shop_id + "/preview",
       officer,
       {{"profile", ShopProfile("127.0.0.1:18081")}, {"url", "http://127.0.0.1:18081/item/1"}},
       201},
      {"POST", "/api/v1/crawler/lease", "/api/v1/crawler/lease", "", core::Json::object(), 200,
       patrol.token},
      {"POST",
       "/api/v1/shops/{id}/mystery-orders",
       "/api/v1/shops/" + shop_id + "/mystery-orders",
       officer,
       {{"buyer_id", patrol.buyer}, {"sku", "HNBY-0001"}},
       201},
      {"POST",
       "/api/v1/shops",
       "/api/v1/shops",
       officer,
       {{"enterprise_id", hnby_id}, {"name", "second"}, {"base_url", "http://127.0.0.1:18082/"}},
       201},
      {"GET", "/api/v1/patrol-tasks", "/api/v1/patrol-tasks?status=done", officer, nullptr, 200},
      {"GET", "/api/v1/patrol-tasks/{id}",
       "/api/v1/patrol-tasks/" + std::to_string(patrol.patrol_task), officer, nullptr, 200},
      {"GET", "/api/v1/evidence/{id}", "/api/v1/evidence/" + std::to_string(patrol.evidence),
       officer, nullptr, 200},
      {"GET", "/api/v1/evidence/{id}/body",
       "/api/v1/evidence/" + std::to_string(patrol.evidence) + "/body", officer, nullptr, 200},
      {"GET", "/api/v1/mystery-orders", "/api/v1/mystery-orders?status=failed", officer, nullptr,
       200},
      {"POST", "/api/v1/patrol-schedule/run", "/api/v1/patrol-schedule/run", officer,
       core::Json::object(), 200},
      {"POST", "/api/v1/auth/logout", "/api/v1/auth/logout", hnby, core::Json::object(), 204},
  };
  std::set<std::pair<std::string, std::string>> covered;
  for (const Call& c : calls) {
    CAPTURE(c.method);
    CAPTURE(c.path);
    Response r = !c.bearer.empty()   ? CrawlerPost(s, c.bearer, c.path, c.body)
                 : c.method == "GET" ? s.Get(c.path, c.cookie)
                                     : s.Send(c.method, c.path, core::DumpJson(c.body), c.cookie);
    CHECK(r.status == c.status);
    if (r.status == c.status) covered.insert({c.method, c.pattern});
  }
  for (const Route& r : RouteTable()) {
    CAPTURE(r.pattern);
    CHECK(covered.count({std::string(r.method), std::string(r.pattern)}) == 1);
  }
}

}  // namespace
}  // namespace server::testing
