// Server tests: who may call what. Anonymous callers, roles, and an enterprise user reaching for
// another enterprise's objects, each iterated over the whole route table.
#include <doctest/doctest.h>

#include <set>

#include "ceb_fixtures.h"
#include "http/routes.h"
#include "test_server.h"

namespace server::testing {
namespace {

std::string Fill(std::string_view pattern, const std::string& id, const std::string& name) {
  std::string out(pattern);
  for (auto [key, value] : {std::pair<std::string, std::string>{"{id}", id},
                            {"{name}", name},
                            {"{rule_id}", "high-risk-goods"}}) {
    size_t at = out.find(key);
    if (at != std::string::npos) out.replace(at, key.size(), value);
  }
  return out;
}

Response Call(TestServer& s, const Route& r, const std::string& path, const std::string& cookie) {
  if (r.method == "GET") return s.Get(path, cookie);
  return s.Send(std::string(r.method), path, "{}", cookie);
}

TEST_CASE("anonymous callers get 401 on every protected route and nothing changes") {
  TestServer s({.seed_demo = true});
  auto before = s.Counts();
  int protected_routes = 0;
  for (const Route& r : RouteTable()) {
    std::string path = Fill(r.pattern, "1", "positive_list");
    CAPTURE(r.method);
    CAPTURE(path);
    Response resp = Call(s, r, path, "");
    if (r.roles == kPublic) {
      CHECK(resp.status != 401);
      continue;
    }
    ++protected_routes;
    CHECK(resp.status == 401);
    CHECK(resp.ErrorCode() == "unauthenticated");
  }
  CHECK(protected_routes >= 20);
  CHECK(s.Counts() == before);
}

TEST_CASE("roles: enterprise users are refused customs-only routes with 403") {
  TestServer s({.seed_demo = true});
  std::string ent = s.Login("hnby", kEnterprisePassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  auto before = s.Counts();
  for (const Route& r : RouteTable()) {
    std::string path = Fill(r.pattern, "1", "positive_list");
    CAPTURE(r.method);
    CAPTURE(path);
    if (r.roles != kPublic && (r.roles & kRoleEnterprise) == 0) {
      Response resp = Call(s, r, path, ent);
      CHECK(resp.status == 403);
      CHECK(resp.ErrorCode() == "permission_denied");
    }
    if (r.roles != kPublic && (r.roles & kRoleOfficer) == 0) {
      CHECK(Call(s, r, path, officer).status == 403);
    }
  }
  CHECK(s.Counts() == before);
}

// Ids of enterprise B's (jpbeauty's) objects in the demo data, looked up through the API.
struct Objects {
  int64_t enterprise = 0;
  int64_t application = 0;
  int64_t goods = 0;
  int64_t message = 0;  // CEB messages and declarations: see AddCebObjects
  int64_t declaration = 0;
  int64_t shop = 0;       // see AddShop
  int64_t stocktake = 0;  // see AddStocktake
};

Objects ObjectsOf(TestServer& s, const std::string& officer, const std::string& name_part) {
  Objects o;
  Response e = s.Get("/api/v1/enterprises?q=" + name_part, officer);
  REQUIRE(e.json["total"] == 1);
  o.enterprise = e.json["items"][0]["id"].get<int64_t>();
  Response a = s.Get("/api/v1/applications?enterprise_id=" + std::to_string(o.enterprise), officer);
  REQUIRE(a.json["total"].get<int64_t>() >= 1);
  o.application = a.json["items"][0]["id"].get<int64_t>();
  Response g = s.Get("/api/v1/goods?enterprise_id=" + std::to_string(o.enterprise), officer);
  REQUIRE(g.json["total"].get<int64_t>() >= 1);
  o.goods = g.json["items"][0]["id"].get<int64_t>();
  return o;
}

// A complete message set naming only one enterprise (platform, seller, payer and carrier at
// once, so that it may read the whole document), sent by admin.
void AddCebObjects(TestServer& s, const std::string& officer, const std::string& customs_code,
                   Objects& o) {
  SetSpec spec = Spec("AC" + customs_code.substr(customs_code.size() - 4));
  spec.ebp = customs_code;
  spec.ebc = customs_code;
  spec.pay = customs_code;
  spec.logistics = customs_code;
  o.declaration = SubmitSet(s, s.Login("admin", kAdminPassword), MakeSet(spec));
  o.message = Declaration(s, officer, o.declaration)["list_message_id"].get<int64_t>();
}

// A shop of the enterprise, registered by an officer.
void AddShop(TestServer& s, const std::string& officer, const std::string& url, Objects& o) {
  Response r =
      s.Post("/api/v1/shops",
             {{"enterprise_id", o.enterprise}, {"name", "shop"}, {"base_url", url}}, officer);
  REQUIRE_MESSAGE(r.status == 201, r.body);
  o.shop = r.json["shop"]["id"].get<int64_t>();
}

// A ledger of the enterprise and a stocktake of it, recorded by an officer.
void AddStocktake(TestServer& s, const std::string& officer, const std::string& ems_no,
                  Objects& o) {
  Response l = s.Post(
      "/api/v1/ledgers",
      {{"ledger", {{"ems_no", ems_no}, {"customs_code", "4606"}, {"enterprise_id", o.enterprise}}}},
      officer);
  REQUIRE_MESSAGE(l.status == 201, l.body);
  Response st =
      s.Post("/api/v1/ledgers/" + ems_no + "/stocktakes",
             {{"stocktake",
               {{"date", kToday}, {"method", "self_count"}, {"counts", core::Json::array()}}}},
             officer);
  REQUIRE_MESSAGE(st.status == 201, st.body);
  o.stocktake = st.json["stocktake"]["id"].get<int64_t>();
}

std::string IdFor(const Route& r, const Objects& o) {
  std::string_view p = r.pattern;
  if (p.find("/stocktakes/") != std::string_view::npos) return std::to_string(o.stocktake);
  if (p.find("/shops/") != std::string_view::npos) return std::to_string(o.shop);
  if (p.find("/messages/") != std::string_view::npos) return std::to_string(o.message);
  if (p.find("/declarations/") != std::string_view::npos) return std::to_string(o.declaration);
  if (p.find("/applications/") != std::string_view::npos) return std::to_string(o.application);
  if (p.find("/goods/") != std::string_view::npos) return std::to_string(o.goods);
  return std::to_string(o.enterprise);
}

TEST_CASE("an enterprise user gets 404 or 403 on every route for another enterprise's objects") {
  TestServer s({.seed_demo = true});
  std::string officer = s.Login("officer", kOfficerPassword);
  Objects b = ObjectsOf(s, officer, "%E6%97%A5%E6%9C%AC%E7%BE%8E%E7%A0%94");  // 日本美研
  Objects a = ObjectsOf(s, officer, "%E6%B2%B3%E5%8D%97%E4%BF%9D%E7%A8%8E");  // 河南保税
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  Response b_enterprise = s.Get("/api/v1/enterprises/" + std::to_string(b.enterprise), officer);
  std::string b_name = b_enterprise.json["name"].get<std::string>();
  std::string b_customs = b_enterprise.json["customs_code"].get<std::string>();
  AddCebObjects(s, officer, b_customs, b);
  AddCebObjects(s, officer, kHnbyCode, a);
  AddShop(s, officer, "http://127.0.0.1:18091/", b);
  AddShop(s, officer, "http://127.0.0.1:18092/", a);
  AddStocktake(s, officer, "T4606W000B01", b);
  AddStocktake(s, officer, "T4606W000A01", a);

  auto before = s.Counts();
  int object_routes = 0;
  for (const Route& r : RouteTable()) {
    // The account's own routes (signing out, everywhere or here, and changing the password) act on
    // the caller, not on an object, and would only end this test's own session.
    if (r.roles == kPublic || r.pattern.rfind("/api/v1/auth/", 0) == 0) continue;
    std::string path = Fill(r.pattern, IdFor(r, b), "positive_list");
    CAPTURE(r.method);
    CAPTURE(path);
    Response resp = Call(s, r, path, hnby);
    if ((r.roles & kRoleEnterprise) == 0) {
      CHECK(resp.status == 403);
      continue;
    }
    if (r.pattern.find("{id}") != std::string_view::npos) {
      ++object_routes;
      CHECK(resp.status == 404);
      CHECK(resp.ErrorCode() == "not_found");
      // And the same route with A's own id is not refused for ownership.
      std::string own = Fill(r.pattern, IdFor(r, a), "positive_list");
      CHECK(Call(s, r, own, hnby).status != 404);
      continue;
    }
    // Collections: filters naming B are ignored for an enterprise user; nothing of B leaks.
    if (r.method == "GET") {
      std::string filtered = path + "?enterprise_id=" + std::to_string(b.enterprise);
      for (const std::string& p : {path, filtered}) {
        Response list = s.Get(p, hnby);
        CHECK(list.status < 500);
        CHECK(list.body.find(b_name) == std::string::npos);
        CHECK(list.body.find(b_customs) == std::string::npos);
      }
    }
  }
  CHECK(object_routes >= 4);
  CHECK(s.Counts() == before);

  // The lists an enterprise user sees hold only its own enterprise.
  for (const char* path : {"/api/v1/enterprises", "/api/v1/applications", "/api/v1/goods"}) {
    Response list = s.Get(path, hnby);
    REQUIRE(list.status == 200);
    REQUIRE(list.json["items"].size() > 0);
    for (const core::Json& item : list.json["items"]) {
      int64_t owner = item.contains("enterprise_id") ? item["enterprise_id"].get<int64_t>()
                                                     : item["id"].get<int64_t>();
      CHECK(owner == a.enterprise);
    }
  }
}

TEST_CASE("state-changing requests need application/json and a same-origin Origin") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  auto before = s.Counts();
  core::Json body = {{"username", "csrf1"}, {"password", "Csrf#123456"}, {"role", "admin"}};
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded", "text/html", ""}) {
    CAPTURE(type);
    Response r = s.Send("POST", "/api/v1/users", core::DumpJson(body), admin, type);
    CHECK(r.status == 415);
    CHECK(r.ErrorCode() == "unsupported_media_type");
  }
  CHECK(s.Send("PUT", "/api/v1/policy", "{}", admin, "text/plain").status == 415);
  // A multipart form is refused too (httplib may reject the body before routing: 400).
  int multipart = s.Send("POST", "/api/v1/users", core::DumpJson(body), admin,
                         "multipart/form-data; boundary=x")
                      .status;
  CHECK((multipart == 415 || multipart == 400));
  CHECK(s.Send("POST", "/api/v1/auth/login", "{}", "", "text/plain").status == 415);

  httplib::Headers evil = {{"Origin", "https://evil.example"}};
  Response cross =
      s.Send("POST", "/api/v1/users", core::DumpJson(body), admin, "application/json", evil);
  CHECK(cross.status == 403);
  CHECK(cross.ErrorCode() == "permission_denied");
  CHECK(s.Counts() == before);

  // The page's own origin passes; so does a charset parameter.
  std::string origin = "http://127.0.0.1:" + std::to_string(s.port());
  Response same = s.Send("POST", "/api/v1/users", core::DumpJson(body), admin,
                         "application/json; charset=utf-8", {{"Origin", origin}});
  CHECK(same.status == 201);
  // GETs carry no such requirement.
  CHECK(s.Send("GET", "/api/v1/auth/me", "", admin, "", evil).status == 200);
}

TEST_CASE("unknown routes, wrong methods and oversized bodies answer JSON errors") {
  TestServer s({.seed_demo = true});
  Response missing = s.Get("/api/v1/nothing-here");
  CHECK(missing.status == 404);
  CHECK(missing.ErrorCode() == "not_found");
  CHECK(s.Get("/api/v1/applications/abc", s.Login("officer", kOfficerPassword)).status == 404);
  Response wrong = s.Send("DELETE", "/api/v1/users", "{}");
  CHECK(wrong.status == 405);
  CHECK(wrong.Header("Allow").find("GET") != std::string::npos);
  CHECK(wrong.ErrorCode() == "method_not_allowed");

  std::string admin = s.Login("admin", kAdminPassword);
  auto before = s.Counts();
  std::string huge = "{\"version\":\"v\",\"csv\":\"" + std::string(3u << 20, 'a') + "\"}";
  Response big = s.Send("PUT", "/api/v1/lists/countries", huge, admin);
  CHECK(big.status == 413);
  CHECK(big.ErrorCode() == "payload_too_large");
  CHECK(s.Counts() == before);
}

}  // namespace
}  // namespace server::testing
