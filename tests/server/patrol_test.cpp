// Server tests: online patrol over HTTP. Crawler accounts with bearer tokens, shops and site
// profiles, leases (no task twice, an expired lease taken over, a late crawler refused),
// evidence checked by its SHA-256, a patrol's observations compared with the declarations by
// the core, and mystery orders matched with the declaration that follows (or overdue).
#include <doctest/doctest.h>

#include "patrol_fixtures.h"
#include "service/patrol_tasks.h"

namespace server::testing {
namespace {

struct Crawler {
  TestServer& s;
  std::string token;
  Response Post(const std::string& path, const core::Json& body) {
    return CrawlerPost(s, token, path, body);
  }
};

Crawler NewCrawler(TestServer& s, const std::string& admin, const std::string& name) {
  Response r = s.Post("/api/v1/crawler-accounts", {{"name", name}}, admin);
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return Crawler{s, r.json["token"].get<std::string>()};
}

int64_t EnterpriseId(TestServer& s, const std::string& cookie, const std::string& code) {
  Response r = s.Get("/api/v1/enterprises?limit=500", cookie);
  REQUIRE(r.status == 200);
  for (const core::Json& e : r.json["items"]) {
    if (e["customs_code"] == code) return e["id"].get<int64_t>();
  }
  FAIL("no enterprise " << code);
  return 0;
}

int64_t RegisterHnbyShop(TestServer& s, const std::string& officer) {
  Response r = s.Post("/api/v1/shops",
                      {{"enterprise_id", EnterpriseId(s, officer, kHnbyCode)},
                       {"name", "河南保税直营店"},
                       {"base_url", "http://127.0.0.1:18081/"},
                       {"cycle_days", 7}},
                      officer);
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return r.json["shop"]["id"].get<int64_t>();
}

// hnby's shaver (filed as HNBY-0010) declared at `price` with `freight`, under `key`.
CebSet Shaver(const std::string& key, core::Fen price, core::Fen freight) {
  SetSpec spec = Spec(key);
  spec.price = price;
  spec.freight = freight;
  CebSet set = MakeSet(spec);
  set.order.lines[0].item_no = "HNBY-0010";
  set.list.lines[0].item_no = "HNBY-0010";
  return set;
}

std::string Codes(const core::Json& findings) {
  std::string out;
  for (const core::Json& f : findings) out += f["code"].get<std::string>() + " ";
  return out;
}

}  // namespace

TEST_CASE("patrol: crawler tokens reach crawler routes only, and only crawlers reach them") {
  TestServer s({.seed_demo = true});
  const std::string admin = s.Login("admin", kAdminPassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  Crawler c = NewCrawler(s, admin, "crawler-1");
  CHECK(c.token.rfind("pct_", 0) == 0);
  // The token is not stored, only its digest; the audit names the account, not the token.
  CHECK(s.Count("crawler_accounts") == 1);
  CHECK(s.Get("/api/v1/audit?limit=5", admin).body.find(c.token) == std::string::npos);
  CHECK(s.Post("/api/v1/crawler-accounts", {{"name", "crawler-1"}}, admin).status == 409);
  CHECK(s.Post("/api/v1/crawler-accounts", {{"name", "x"}}, officer).status == 403);

  CHECK(c.Post("/api/v1/crawler/lease", core::Json::object()).status == 204);
  CHECK(s.Post("/api/v1/crawler/lease", core::Json::object(), officer).status == 403);
  CHECK(s.Post("/api/v1/crawler/lease", core::Json::object()).status == 401);
  Crawler forged{s, "pct_" + std::string(64, '0')};
  CHECK(forged.Post("/api/v1/crawler/lease", core::Json::object()).status == 401);
  // A crawler token opens nothing else.
  Response shops = s.Send("GET", "/api/v1/shops", "", "", "application/json", Bearer(c.token));
  CHECK(shops.status == 403);
  CHECK(c.Post("/api/v1/shops", {{"name", "x"}}).status == 403);
}

TEST_CASE("patrol: leases give a task to one crawler; a dead crawler's task is retried") {
  TestServer s({.seed_demo = true});
  const std::string admin = s.Login("admin", kAdminPassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  Crawler a = NewCrawler(s, admin, "crawler-a");
  Crawler b = NewCrawler(s, admin, "crawler-b");
  const int64_t shop = RegisterHnbyShop(s, officer);

  // The new shop is due now: the schedule queues its patrol when a crawler asks.
  Response first = a.Post("/api/v1/crawler/lease", core::Json::object());
  REQUIRE_MESSAGE(first.status == 200, first.body);
  CHECK(first.json["task"]["kind"] == "patrol");
  CHECK(first.json["task"]["attempts"] == 1);
  CHECK(first.json["shop"]["id"] == shop);
  const int64_t task = first.json["task"]["id"].get<int64_t>();
  const std::string lease_a = first.json["task"]["lease_token"].get<std::string>();
  CHECK(b.Post("/api/v1/crawler/lease", core::Json::object()).status == 204);
  // An officer asking for another patrol of the same shop is told one is running.
  CHECK(s.Post("/api/v1/shops/" + std::to_string(shop) + "/patrols", core::Json::object(), officer)
            .status == 409);

  // Progress extends the lease; then crawler a goes silent past it.
  const std::string task_path = "/api/v1/crawler/tasks/" + std::to_string(task);
  Response progress =
      a.Post(task_path + "/progress", {{"lease_token", lease_a}, {"progress", {{"pages", 3}}}});
  REQUIRE_MESSAGE(progress.status == 200, progress.body);
  CHECK(b.Post(task_path + "/progress", {{"lease_token", lease_a}, {"progress", {{"x", 1}}}})
            .status == 409);
  s.Advance(kLeaseSeconds + 1);
  Response second = b.Post("/api/v1/crawler/lease", core::Json::object());
  REQUIRE_MESSAGE(second.status == 200, second.body);
  CHECK(second.json["task"]["id"] == task);
  CHECK(second.json["task"]["attempts"] == 2);
  CHECK(second.json["task"]["leased_by"] == "crawler:crawler-b");
  const std::string lease_b = second.json["task"]["lease_token"].get<std::string>();
  // The late crawler can neither upload nor finish.
  const auto before = s.Counts();
  Response late = a.Post(task_path + "/complete", {{"lease_token", lease_a},
                                                   {"complete_listing", false},
                                                   {"observations", core::Json::array()}});
  CHECK(late.status == 409);
  CHECK(s.Counts() == before);
  Response done = b.Post(task_path + "/complete", {{"lease_token", lease_b},
                                                   {"complete_listing", false},
                                                   {"observations", core::Json::array()}});
  REQUIRE_MESSAGE(done.status == 200, done.body);
  CHECK(done.json["task"]["status"] == "done");
  // Done: the shop is not due again until its cycle has passed.
  CHECK(b.Post("/api/v1/crawler/lease", core::Json::object()).status == 204);
  s.Advance(7 * 24 * 3600);
  CHECK(a.Post("/api/v1/crawler/lease", core::Json::object()).status == 200);
}

TEST_CASE("patrol: a task whose leases run out of attempts fails; a retryable failure requeues") {
  TestServer s({.seed_demo = true});
  const std::string admin = s.Login("admin", kAdminPassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  Crawler c = NewCrawler(s, admin, "crawler-1");
  RegisterHnbyShop(s, officer);
  Response r = c.Post("/api/v1/crawler/lease", core::Json::object());
  REQUIRE(r.status == 200);
  const int64_t task = r.json["task"]["id"].get<int64_t>();
  Response fail = c.Post("/api/v1/crawler/tasks/" + std::to_string(task) + "/fail",
                         {{"lease_token", r.json["task"]["lease_token"]},
                          {"error", "connection refused"},
                          {"retryable", true}});
  REQUIRE_MESSAGE(fail.status == 200, fail.body);
  CHECK(fail.json["task"]["status"] == "queued");
  for (int attempt = 2; attempt <= 3; ++attempt) {
    Response again = c.Post("/api/v1/crawler/lease", core::Json::object());
    REQUIRE(again.status == 200);
    CHECK(again.json["task"]["attempts"] == attempt);
    s.Advance(kLeaseSeconds + 1);
  }
  // Three attempts used and the last lease expired: failed, and nothing left to lease.
  CHECK(c.Post("/api/v1/crawler/lease", {{"kinds", {"patrol"}}}).status == 204);
  Response t = s.Get("/api/v1/patrol-tasks/" + std::to_string(task), officer);
  CHECK(t.json["task"]["status"] == "failed");
  CHECK(c.Post("/api/v1/crawler/lease", {{"kinds", {"nonsense"}}}).status == 400);
}

TEST_CASE("patrol: observations against declarations give findings with their evidence") {
  TestServer s({.seed_demo = true});
  const std::string admin = s.Login("admin", kAdminPassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  Crawler c = NewCrawler(s, admin, "crawler-1");
  const int64_t shop = RegisterHnbyShop(s, officer);
  // hnby declared the shaver at 399.00 with 10.00 freight.
  SubmitSet(s, admin, Shaver("P001", 39900, 1000));

  Response lease = c.Post("/api/v1/crawler/lease", core::Json::object());
  REQUIRE(lease.status == 200);
  const std::string token = lease.json["task"]["lease_token"].get<std::string>();
  const std::string path =
      "/api/v1/crawler/tasks/" + std::to_string(lease.json["task"]["id"].get<int64_t>());
  const std::string page = "<html><span class=price>¥499.00</span> 运费 ¥15</html>";
  core::Json bad = EvidenceItem(1, page);
  bad["sha256"] = Sha256Hex("something else");
  const auto before = s.Counts();
  CHECK(c.Post(path + "/evidence", {{"lease_token", token}, {"items", {bad}}}).status == 400);
  CHECK(s.Counts() == before);
  Response ev =
      c.Post(path + "/evidence", {{"lease_token", token}, {"items", {EvidenceItem(1, page)}}});
  REQUIRE_MESSAGE(ev.status == 201, ev.body);
  const int64_t evidence_id = ev.json["evidence"][0]["id"].get<int64_t>();
  // The same upload again (a retry after a lost answer) changes nothing.
  Response again =
      c.Post(path + "/evidence", {{"lease_token", token}, {"items", {EvidenceItem(1, page)}}});
  CHECK(again.json["evidence"][0]["id"] == evidence_id);
  CHECK(c.Post(path + "/evidence",
               {{"lease_token", token}, {"items", {EvidenceItem(1, page + "changed")}}})
            .status == 409);

  core::Json observations = {{{"url", "http://127.0.0.1:18081/item/10"},
                              {"sku", "HNBY-0010"},
                              {"name", "电动剃须刀"},
                              {"price_fen", 49900},
                              {"old_price_fen", nullptr},
                              {"freight_fen", 1500},
                              {"currency", "CNY"},
                              {"sources", {{"price", "profile"}}},
                              {"evidence_seq", 1}},
                             {{"url", "http://127.0.0.1:18081/item/99"},
                              {"sku", "ZZ-UNDECLARED"},
                              {"name", "未申报商品"},
                              {"price_fen", 9900},
                              {"freight_fen", 0},
                              {"currency", "CNY"}}};
  Response done =
      c.Post(path + "/complete",
             {{"lease_token", token}, {"complete_listing", false}, {"observations", observations}});
  REQUIRE_MESSAGE(done.status == 200, done.body);
  const std::string codes = Codes(done.json["findings"]);
  CHECK(codes.find("PRICE_BELOW_LISTED") != std::string::npos);
  CHECK(codes.find("FREIGHT_BELOW_OBSERVED") != std::string::npos);
  CHECK(codes.find("GOODS_LISTED_NOT_DECLARED") != std::string::npos);
  for (const core::Json& f : done.json["findings"]) {
    if (f["code"] == "PRICE_BELOW_LISTED") {
      CHECK(f["evidence_id"] == evidence_id);
      CHECK(f["sku"] == "HNBY-0010");
    }
  }
  // The officer sees it on the shop and the task, and opens exactly the bytes fetched.
  Response detail = s.Get("/api/v1/shops/" + std::to_string(shop), officer);
  CHECK(detail.json["findings"].size() == done.json["findings"].size());
  Response body = s.Get("/api/v1/evidence/" + std::to_string(evidence_id) + "/body", officer);
  CHECK(body.status == 200);
  CHECK(body.body == page);
  CHECK(body.Header("Content-Type").rfind("text/plain", 0) == 0);
  CHECK(body.Header("Content-Security-Policy").find("sandbox") != std::string::npos);
  // The enterprise sees its shop's findings, not the evidence or the profile.
  const std::string hnby = s.Login("hnby", kEnterprisePassword);
  Response own = s.Get("/api/v1/shops/" + std::to_string(shop), hnby);
  CHECK(own.status == 200);
  CHECK_FALSE(own.json.contains("profile"));
  CHECK(s.Get("/api/v1/evidence/" + std::to_string(evidence_id), hnby).status == 403);
  const std::string other = s.Login("jpbeauty", kEnterprisePassword);
  CHECK(s.Get("/api/v1/shops/" + std::to_string(shop), other).status == 404);
}

TEST_CASE("patrol: a mystery order is matched with its declaration, or overdue without one") {
  TestServer s({.seed_demo = true});
  const std::string admin = s.Login("admin", kAdminPassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  Crawler c = NewCrawler(s, admin, "crawler-1");
  const int64_t shop = RegisterHnbyShop(s, officer);
  const std::string shop_path = "/api/v1/shops/" + std::to_string(shop);
  const int64_t buyer_id = RegisterCovertBuyer(s, officer);
  CHECK(
      s.Post("/api/v1/covert-buyers",
             {{"name", "x"}, {"id_number", "410105198511200049"}, {"phone", "1"}, {"address", "a"}},
             officer)
          .status == 400);

  core::Json order = {{"buyer_id", buyer_id}, {"sku", "HNBY-0010"}};
  // No profile with a checkout yet.
  CHECK(s.Post(shop_path + "/mystery-orders", order, officer).status == 409);
  CHECK(s.Post(shop_path + "/profiles", {{"profile", {{"profile_version", 2}}}}, officer).status ==
        400);
  // Profiles are checked by the crawler's own parser: what the server keeps, a crawler can run.
  core::Json bad = ShopProfile("127.0.0.1:18081");
  bad["fields"]["price"] = core::Json::array({{{"css", "span[class"}}});
  Response refused = s.Post(shop_path + "/profiles", {{"profile", bad}}, officer);
  CHECK(refused.status == 400);
  CHECK(refused.body.find("profile.fields.price[0].css") != std::string::npos);
  bad = ShopProfile("127.0.0.1:18081");
  bad["start_urls"] = core::Json::array({"http://127.0.0.1:9/"});
  refused = s.Post(shop_path + "/profiles", {{"profile", bad}}, officer);
  CHECK(refused.status == 400);
  CHECK(refused.body.find("profile.start_urls[0]") != std::string::npos);
  REQUIRE(s.Post(shop_path + "/profiles", {{"profile", ShopProfile("127.0.0.1:18081")}}, officer)
              .status == 201);
  Response queued = s.Post(shop_path + "/mystery-orders", order, officer);
  REQUIRE_MESSAGE(queued.status == 201, queued.body);
  CHECK(queued.json["mystery_order"]["status"] == "requested");

  Response lease = c.Post("/api/v1/crawler/lease", {{"kinds", {"mystery_order"}}});
  REQUIRE_MESSAGE(lease.status == 200, lease.body);
  CHECK(lease.json["task"]["kind"] == "mystery_order");
  CHECK(lease.json["buyer"]["id_number"] == kBuyerB);
  CHECK(lease.json["profile"]["version"] == 1);
  const int64_t task = lease.json["task"]["id"].get<int64_t>();
  const std::string path = "/api/v1/crawler/tasks/" + std::to_string(task);

  // The shop charged 399.00 + 10.00 freight + 36.31 tax; its enterprise will declare no freight.
  const CebSet declared = Shaver("M001", 39900, 0);
  const std::string order_no = declared.order.head.order_no;
  const core::Fen tax = Vat13WithinLimits(39900 + 1000);
  Response placed = c.Post(path + "/complete", {{"lease_token", lease.json["task"]["lease_token"]},
                                                {"order",
                                                 {{"order_no", order_no},
                                                  {"unit_price_fen", 39900},
                                                  {"goods_fen", 39900},
                                                  {"freight_fen", 1000},
                                                  {"tax_fen", tax},
                                                  {"total_fen", 39900 + 1000 + tax}}}});
  REQUIRE_MESSAGE(placed.status == 200, placed.body);
  CHECK(placed.json["findings"].empty());  // nothing declared yet
  Response mo = s.Get("/api/v1/mystery-orders", officer);
  REQUIRE(mo.json["items"].size() == 1);
  CHECK(mo.json["items"][0]["status"] == "placed");
  // A single attempt: a mystery order is never placed twice.
  CHECK(c.Post("/api/v1/crawler/lease", {{"kinds", {"mystery_order"}}}).status == 204);

  const int64_t declaration = SubmitSet(s, admin, declared);
  mo = s.Get("/api/v1/mystery-orders", officer);
  CHECK(mo.json["items"][0]["status"] == "mismatch");
  CHECK(mo.json["items"][0]["declaration_id"] == declaration);
  Response t = s.Get("/api/v1/patrol-tasks/" + std::to_string(task), officer);
  const std::string codes = Codes(t.json["findings"]);
  CHECK(codes.find("MYSTERY_FREIGHT_UNDERDECLARED") != std::string::npos);
  CHECK(codes.find("MYSTERY_PAID_UNDERDECLARED") != std::string::npos);
  CHECK(codes.find("MYSTERY_GOODS") == std::string::npos);

  // A second order whose goods never get declared.
  Response q2 = s.Post(shop_path + "/mystery-orders", order, officer);
  REQUIRE(q2.status == 201);
  Response l2 = c.Post("/api/v1/crawler/lease", {{"kinds", {"mystery_order"}}});
  REQUIRE(l2.status == 200);
  const int64_t task2 = l2.json["task"]["id"].get<int64_t>();
  REQUIRE(c.Post("/api/v1/crawler/tasks/" + std::to_string(task2) + "/complete",
                 {{"lease_token", l2.json["task"]["lease_token"]},
                  {"order",
                   {{"order_no", "SHOP-NEVER-DECLARED"},
                    {"unit_price_fen", 39900},
                    {"goods_fen", 39900},
                    {"freight_fen", 0},
                    {"tax_fen", 0},
                    {"total_fen", 39900}}}})
              .status == 200);
  Response run = s.Post("/api/v1/patrol-schedule/run", core::Json::object(), officer);
  CHECK(run.json["overdue"] == 0);
  // Placed ten days before the decision date: past the policy's 7-day window.
  {
    auto db = s.OpenDb();
    REQUIRE(db->Exec("UPDATE mystery_orders SET placed_on = '2026-11-16' WHERE task_id = ?", task2)
                .ok());
  }
  run = s.Post("/api/v1/patrol-schedule/run", core::Json::object(), officer);
  CHECK(run.json["overdue"] == 1);
  Response t2 = s.Get("/api/v1/patrol-tasks/" + std::to_string(task2), officer);
  CHECK(Codes(t2.json["findings"]) == "MYSTERY_NO_DECLARATION ");
  CHECK(t2.json["mystery_order"]["status"] == "undeclared");
}

TEST_CASE("patrol: a profile preview goes to the next crawler first and answers with its reading") {
  TestServer s({.seed_demo = true});
  const std::string admin = s.Login("admin", kAdminPassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  Crawler c = NewCrawler(s, admin, "crawler-1");
  const int64_t shop = RegisterHnbyShop(s, officer);
  const std::string path = "/api/v1/shops/" + std::to_string(shop) + "/preview";
  const core::Json profile = ShopProfile("127.0.0.1:18081");
  CHECK(s.Post(path, {{"profile", profile}, {"url", "http://evil.example.cn/x"}}, officer).status ==
        400);
  CHECK(s.Post(path, {{"profile", {{"profile_version", 1}}}, {"url", "http://127.0.0.1:18081/"}},
               officer)
            .status == 400);
  const std::string hnby = s.Login("hnby", kEnterprisePassword);
  CHECK(
      s.Post(path, {{"profile", profile}, {"url", "http://127.0.0.1:18081/item/1"}}, hnby).status ==
      403);
  Response queued =
      s.Post(path, {{"profile", profile}, {"url", "http://127.0.0.1:18081/item/1"}}, officer);
  REQUIRE_MESSAGE(queued.status == 201, queued.body);
  const int64_t task = queued.json["task"]["id"].get<int64_t>();
  // The shop's first patrol is due too, but the officer waiting for the preview goes first.
  Response lease = c.Post("/api/v1/crawler/lease", core::Json::object());
  REQUIRE(lease.status == 200);
  CHECK(lease.json["task"]["id"] == task);
  CHECK(lease.json["task"]["kind"] == "preview");
  CHECK(lease.json["task"]["params"]["url"] == "http://127.0.0.1:18081/item/1");
  CHECK(lease.json["task"]["params"]["profile"] == profile);
  Response done = c.Post("/api/v1/crawler/tasks/" + std::to_string(task) + "/complete",
                         {{"lease_token", lease.json["task"]["lease_token"]},
                          {"preview", {{"product", {{"price", 49900}}}}}});
  REQUIRE_MESSAGE(done.status == 200, done.body);
  Response t = s.Get("/api/v1/patrol-tasks/" + std::to_string(task), officer);
  CHECK(t.json["task"]["status"] == "done");
  CHECK(t.json["task"]["result"]["preview"]["product"]["price"] == 49900);
  CHECK(t.json["findings"].empty());
}

TEST_CASE("patrol: a high-risk enterprise's shop comes round sooner (policy divisor)") {
  TestServer s({.seed_demo = true});
  const std::string admin = s.Login("admin", kAdminPassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  Crawler c = NewCrawler(s, admin, "crawler-1");
  const std::string credit =
      "/api/v1/enterprises/" + std::to_string(EnterpriseId(s, officer, kHnbyCode)) + "/credit";
  REQUIRE(s.Put(credit, {{"grade", "dishonest"}, {"risk_level", "high"}}, admin).status == 200);
  RegisterHnbyShop(s, officer);  // a 7-day cycle; high risk divides it by 4 (data/policy)
  Response lease = c.Post("/api/v1/crawler/lease", core::Json::object());
  REQUIRE(lease.status == 200);
  REQUIRE(c.Post("/api/v1/crawler/tasks/" +
                     std::to_string(lease.json["task"]["id"].get<int64_t>()) + "/complete",
                 {{"lease_token", lease.json["task"]["lease_token"]},
                  {"complete_listing", false},
                  {"observations", core::Json::array()}})
              .status == 200);
  s.Advance(7 * 24 * 3600 / 4 - 60);
  CHECK(c.Post("/api/v1/crawler/lease", core::Json::object()).status == 204);
  s.Advance(120);
  Response next = c.Post("/api/v1/crawler/lease", core::Json::object());
  REQUIRE(next.status == 200);
  CHECK(next.json["task"]["kind"] == "patrol");
}

}  // namespace server::testing
