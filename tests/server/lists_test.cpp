// Server tests: reference lists and policy: metadata, exact CSV bytes for the page, replacing a
// list or the policy (validated by the core, versioned, audited, in force at once).
#include <doctest/doctest.h>

#include "common/crypto.h"
#include "common/files.h"
#include "test_server.h"

namespace server::testing {
namespace {

std::string Source(const std::string& rel) {
  core::StatusOr<std::string> text = ReadFile(std::string(PATROL_SOURCE_DIR) + "/" + rel);
  REQUIRE_MESSAGE(text.ok(), text.status().ToString());
  return *text;
}

TEST_CASE("loaded lists: metadata and the exact CSV bytes the server parsed") {
  TestServer s({.seed_demo = true});
  std::string ent = s.Login("hnby", kEnterprisePassword);
  Response lists = s.Get("/api/v1/lists", ent);
  REQUIRE(lists.status == 200);
  REQUIRE(lists.json["total"] == 7);
  std::map<std::string, core::Json> by_name;
  for (const core::Json& l : lists.json["items"]) by_name[l["name"].get<std::string>()] = l;
  CHECK(by_name["divisions"]["rows"].get<int64_t>() > 3000);  // distinct codes
  CHECK(by_name["hs8"]["rows"] == 9579);
  CHECK(by_name["countries"]["rows"] == 243);
  CHECK(by_name["positive_list"]["version"] == "2022-subset-1");
  CHECK(by_name["tax_rates"]["version"] == "2024-1");

  const std::pair<const char*, const char*> files[] = {
      {"divisions", "data/reference/gbt2260/divisions_history.csv"},
      {"hs8", "data/reference/hs8-commodity-codes/hs8_years_2015_2023.csv"},
      {"positive_list", "data/lists/positive_list.csv"},
      {"controls", "data/lists/controls.csv"},
      {"high_risk", "data/lists/high_risk.csv"},
      {"countries", "data/reference/customs-country-codes/countries.csv"},
      {"tax_rates", "data/tax/rates.csv"},
  };
  for (const auto& [name, rel] : files) {
    CAPTURE(name);
    Response r = s.Get(std::string("/api/v1/reference/") + name, ent);
    REQUIRE(r.status == 200);
    CHECK(r.Header("Content-Type") == "text/csv; charset=utf-8");
    std::string expected = Source(rel);
    CHECK(r.body == expected);
    CHECK(by_name[name]["sha256"] == Sha256Hex(expected));
    // Unchanged since last time: 304 without a body.
    Response again = s.Send("GET", std::string("/api/v1/reference/") + name, "", ent, "",
                            {{"If-None-Match", r.Header("ETag")}});
    CHECK(again.status == 304);
    CHECK(again.body.empty());
  }
  CHECK(s.Get("/api/v1/reference/secrets", ent).status == 404);

  Response positive = s.Get("/api/v1/lists/positive?q=%E7%A0%82%E7%B3%96", ent);  // 砂糖
  REQUIRE(positive.status == 200);
  REQUIRE(positive.json["total"] == 1);
  CHECK(positive.json["items"][0]["code8"] == "17019910");
  CHECK(positive.json["items"][0]["annual_cap"] == "2");
  Response page = s.Get("/api/v1/lists/positive?limit=5&offset=5", ent);
  CHECK(page.json["items"].size() == 5);
  CHECK(page.json["total"].get<int64_t>() > 40);
}

TEST_CASE("replacing a list: validated, versioned, audited and in force at once") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  std::string csv = Source("data/lists/positive_list.csv");
  // Take cosmetics off the list.
  size_t at = csv.find("33049900,");
  REQUIRE(at != std::string::npos);
  csv.erase(at, csv.find('\n', at) + 1 - at);

  auto before = s.Counts();
  const core::Json bad[] = {
      {{"version", "v2"}, {"csv", "code8,name\n1234,bad\n"}},
      {{"version", "v2"}, {"csv", "not,a,positive,list\n"}},
      {{"version", ""}, {"csv", csv}},
      {{"version", std::string(101, 'v')}, {"csv", csv}},
      {{"version", "v2"}},
      {{"version", "v2"}, {"csv", 7}},
      {{"version", "2022-subset-1"}, {"csv", csv}},  // that version exists: 409
  };
  for (const core::Json& body : bad) {
    Response r = s.Put("/api/v1/lists/positive_list", body, admin);
    CHECK((r.status == 400 || r.status == 409));
    CHECK(!r.ErrorCode().empty());
  }
  CHECK(s.Put("/api/v1/lists/nonsense", {{"version", "v2"}, {"csv", csv}}, admin).status == 404);
  CHECK(s.Put("/api/v1/lists/positive_list", {{"version", "v2"}, {"csv", csv}}, officer).status ==
        403);
  CHECK(s.Counts() == before);

  Response ok =
      s.Put("/api/v1/lists/positive_list", {{"version", "2022-subset-2"}, {"csv", csv}}, admin);
  REQUIRE(ok.status == 200);
  CHECK(ok.json["list"]["version"] == "2022-subset-2");
  CHECK(ok.json["list"]["loaded_by"] == "admin");
  CHECK(s.Count("reference_lists") == before["reference_lists"] + 1);
  CHECK(s.Count("audit_log") == before["audit_log"] + 1);
  CHECK(s.Get("/api/v1/reference/positive_list", officer).body == csv);
  Response audit = s.Get("/api/v1/audit?action=list.replace&object_id=positive_list", officer);
  REQUIRE(audit.json["total"].get<int64_t>() >= 2);  // the first load, then this one
  CHECK(audit.json["items"][0]["detail"]["version"] == "2022-subset-2");
  CHECK(audit.json["items"][0]["actor_name"] == "admin");

  // Filing cosmetics now fails on the positive list.
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  Response me = s.Get("/api/v1/auth/me", hnby);
  Response filed = s.Post("/api/v1/enterprises/" +
                              std::to_string(me.json["enterprise"]["id"].get<int64_t>()) + "/goods",
                          {{"filing", ValidFiling("NEW-1")}}, hnby);
  REQUIRE(filed.status == 201);
  CHECK(filed.json["outcome"] == "rejected");
  CHECK(filed.json["verdict"]["findings"][0]["code"] == "GOODS_NOT_ON_POSITIVE_LIST");
}

TEST_CASE("policy: read by anyone signed in, replaced by admins only, audited") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string ent = s.Login("hnby", kEnterprisePassword);
  Response current = s.Get("/api/v1/policy", ent);
  REQUIRE(current.status == 200);
  CHECK(current.json["version"] == "2026.1");
  core::Json doc = current.json["document"];
  CHECK(doc["version"] == "2026.1");
  CHECK(core::ParseJson(Source("data/policy/default.json")).value() == doc);

  auto before = s.Counts();
  core::Json broken = doc;
  broken["admission"]["expiry_warning_days"] = "thirty";
  core::Json same_version = doc;
  same_version["admission"]["expiry_warning_days"] = 60;
  const core::Json bad[] = {
      {{"document", broken}},
      {{"document", "text"}},
      {{"policy", doc}},
      {{"document", same_version}},  // version 2026.1 exists: 409
  };
  for (const core::Json& body : bad) {
    Response r = s.Put("/api/v1/policy", body, admin);
    CHECK((r.status == 400 || r.status == 409));
  }
  CHECK(s.Put("/api/v1/policy", {{"document", doc}}, ent).status == 403);
  CHECK(s.Counts() == before);

  core::Json next = doc;
  next["version"] = "2026.2";
  next["admission"]["expiry_warning_days"] = 60;
  Response ok = s.Put("/api/v1/policy", {{"document", next}}, admin);
  REQUIRE(ok.status == 200);
  CHECK(ok.json["version"] == "2026.2");
  CHECK(s.Get("/api/v1/policy", ent).json["document"]["admission"]["expiry_warning_days"] == 60);
  CHECK(s.Count("policy_versions") == before["policy_versions"] + 1);
  Response audit = s.Get("/api/v1/audit?action=policy.replace", admin);
  REQUIRE(audit.json["total"] == 2);
  CHECK(audit.json["items"][0]["object_id"] == "2026.2");
  CHECK(audit.json["items"][0]["actor_name"] == "admin");

  // New verdicts carry the new version.
  std::string officer = s.Login("officer", kOfficerPassword);
  Response r = s.Post("/api/v1/applications", {{"application", ValidApplication()}}, officer);
  REQUIRE(r.status == 201);
  CHECK(r.json["verdict"]["policy_version"] == "2026.2");
}

TEST_CASE("list versions survive a restart") {
  std::string dir;
  {
    TestServer s({.seed_demo = true});
    std::string admin = s.Login("admin", kAdminPassword);
    std::string csv = Source("data/reference/customs-country-codes/countries.csv");
    csv += "888,测试国,Testland,\n";
    Response put = s.Put("/api/v1/lists/countries", {{"version", "c2"}, {"csv", csv}}, admin);
    REQUIRE_MESSAGE(put.status == 200, put.body);
    // Reopen the same database as a second App: the new version is the one in force.
    AppConfig c = TestConfig(s.dir());
    core::StatusOr<std::unique_ptr<App>> again = App::Open(c);
    REQUIRE(again.ok());
    auto ref = (*again)->reference();
    CHECK(ref->lists.at("countries").version == "c2");
    CHECK(ref->tables.countries.Contains("888"));
  }
}

}  // namespace
}  // namespace server::testing
