// End to end: the real server (in-process, real HTTP), the demo shops on 127.0.0.1 and the
// crawler's own task loop (crawler/client/task_runner.h with the libcurl fetcher). The district
// of the shops is seeded into the server; its enterprises declare what the shops' catalogue
// says they declare; a patrol and a mystery order then give the findings the scenarios put in.
#include <doctest/doctest.h>

#include "ceb_fixtures.h"
#include "client/server_client.h"
#include "client/task_runner.h"
#include "demo/district_seed.h"
#include "demo_shop.h"
#include "fetch/curl_fetcher.h"
#include "gen/district.h"
#include "patrol_fixtures.h"
#include "profiles.h"
#include "server.h"

namespace server::testing {
namespace {

struct Stack {
  TestServer s{Options{.seed_demo = true}};
  gen::District district = gen::MakeDistrict(42, 50);
  std::unique_ptr<shops::DemoShops> shops;
  std::string admin, officer, token;
  std::map<std::string, int64_t> enterprise_ids;

  Stack() {
    core::StatusOr<DistrictIds> ids = SeedDistrict(s.app(), district, Actor::System());
    REQUIRE_MESSAGE(ids.ok(), ids.status().ToString());
    enterprise_ids = ids->enterprises;
    shops::DemoShopsOptions o;
    o.today = *core::Date::Parse(kToday);
    shops = std::make_unique<shops::DemoShops>(o, s.app().reference()->tables.tax_rates);
    REQUIRE(shops->Start().ok());
    admin = s.Login("admin", kAdminPassword);
    officer = s.Login("officer", kOfficerPassword);
    Response account = s.Post("/api/v1/crawler-accounts", {{"name", "e2e"}}, admin);
    REQUIRE(account.status == 201);
    token = account.json["token"].get<std::string>();
  }

  size_t ShopIndex(const std::string& key) {
    for (size_t i = 0; i < shops->shops().size(); ++i) {
      if (shops->shops()[i].key == key) return i;
    }
    FAIL("no demo shop " << key);
    return 0;
  }

  // Registers demo shop `key` with its profile; returns the server's shop id.
  int64_t Register(const std::string& key) {
    const size_t i = ShopIndex(key);
    const shops::DemoShop& shop = shops->shops()[i];
    Response r = s.Post("/api/v1/shops",
                        {{"enterprise_id", enterprise_ids.at(shop.enterprise_key)},
                         {"name", shop.name},
                         {"base_url", shops->Origin(i) + "/"}},
                        officer);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    const int64_t id = r.json["shop"]["id"].get<int64_t>();
    core::StatusOr<core::Json> profile =
        core::ParseJson(shops::ProfileJson(shop, shops->Origin(i)));
    REQUIRE(profile.ok());
    Response p = s.Post("/api/v1/shops/" + std::to_string(id) + "/profiles",
                        {{"profile", *profile}}, officer);
    REQUIRE_MESSAGE(p.status == 201, p.body);
    return id;
  }

  // The enterprise's declaration of `quantity` x `item` as the catalogue says it declares it.
  CebSet Declaration(const shops::DemoShop& shop, const shops::DemoShopItem& item,
                     const std::string& key, core::Fen freight) {
    SetSpec spec = Spec(key);
    spec.ebp = spec.ebc = shop.enterprise_customs_code;
    spec.pay = district.Find("pay01")->customs_code;
    spec.logistics = district.Find("log01")->customs_code;
    spec.code10 = item.code10;
    spec.price = item.declared_price;
    spec.freight = freight;
    spec.decl_date = "20261120";
    CebSet set = MakeSet(spec);
    set.order.lines[0].item_no = item.sku;
    set.list.lines[0].item_no = item.sku;
    return set;
  }

  // Runs the crawler's loop until no task is left; returns the tasks run.
  int Crawl() {
    crawler::ServerClient client("http://127.0.0.1:" + std::to_string(s.port()), token);
    crawler::FetcherOptions fo;
    fo.max_per_origin = 4;
    fo.min_delay_ms = 0;
    fo.max_crawl_delay_ms = 0;  // the member shop's Crawl-delay would only slow the test
    crawler::CurlFetcher fetcher(fo);
    crawler::RunnerOptions ro;
    int tasks = 0;
    for (;;) {
      core::StatusOr<crawler::CycleOutcome> c =
          crawler::RunOneTask(client, fetcher, ro, [](const std::string&) {});
      REQUIRE_MESSAGE(c.ok(), c.status().ToString());
      if (*c == crawler::CycleOutcome::kIdle) return tasks;
      CHECK(*c == crawler::CycleOutcome::kDone);
      ++tasks;
    }
  }

  std::string FindingCodes(int64_t shop_id) {
    Response r = s.Get("/api/v1/shops/" + std::to_string(shop_id), officer);
    std::string out;
    for (const core::Json& f : r.json["findings"]) out += f["code"].get<std::string>() + " ";
    return out;
  }
};

}  // namespace

TEST_CASE("e2e: a patrol of the demo shops finds what their scenarios hide, with evidence") {
  Stack st;
  const int64_t honest = st.Register("s1-honest");
  const int64_t above = st.Register("s2-microdata");
  const int64_t freight = st.Register("s3-plain");
  // Each enterprise declares its declared items as the catalogue says.
  int n = 0;
  for (const std::string key : {"s1-honest", "s2-microdata", "s3-plain"}) {
    const shops::DemoShop& shop = st.shops->shops()[st.ShopIndex(key)];
    for (const shops::DemoShopItem& item : shop.items) {
      if (!item.declared || !item.filed) continue;
      SubmitSet(st.s, st.admin,
                st.Declaration(shop, item, "E" + std::to_string(++n), shop.freight_declared));
    }
  }
  CHECK(st.Crawl() == 3);
  const std::string h = st.FindingCodes(honest);
  const std::string a = st.FindingCodes(above);
  const std::string f = st.FindingCodes(freight);
  CAPTURE(h);
  CAPTURE(a);
  CAPTURE(f);
  CHECK(h.find("PRICE_BELOW_LISTED") == std::string::npos);
  CHECK(h.find("FREIGHT_BELOW_OBSERVED") == std::string::npos);
  CHECK(a.find("PRICE_BELOW_LISTED") != std::string::npos);
  CHECK(f.find("FREIGHT_BELOW_OBSERVED") != std::string::npos);
  // Every observation links to the page it was read from, and the bytes are those served.
  Response shop = st.s.Get("/api/v1/shops/" + std::to_string(above), st.officer);
  const int64_t task = shop.json["shop"]["last_patrol_task_id"].get<int64_t>();
  Response detail = st.s.Get("/api/v1/patrol-tasks/" + std::to_string(task), st.officer);
  REQUIRE(detail.json["observations"].size() >= 1);
  const core::Json& obs = detail.json["observations"][0];
  REQUIRE(obs["evidence_id"].is_number_integer());
  Response ev =
      st.s.Get("/api/v1/evidence/" + std::to_string(obs["evidence_id"].get<int64_t>()), st.officer);
  CHECK(ev.json["evidence"]["url"] == obs["url"]);
  Response body =
      st.s.Get("/api/v1/evidence/" + std::to_string(obs["evidence_id"].get<int64_t>()) + "/body",
               st.officer);
  CHECK(Sha256Hex(body.body) == ev.json["evidence"]["sha256"]);
}

TEST_CASE("e2e: a mystery order is placed through the checkout and matched with its declaration") {
  Stack st;
  const int64_t shop_id = st.Register("s3-plain");
  const shops::DemoShop& shop = st.shops->shops()[st.ShopIndex("s3-plain")];
  const shops::DemoShopItem* item = nullptr;
  for (const shops::DemoShopItem& i : shop.items) {
    if (i.declared && i.filed && item == nullptr) item = &i;
  }
  REQUIRE(item != nullptr);
  Response buyer = st.s.Post("/api/v1/covert-buyers",
                             {{"name", "李四"},
                              {"id_number", kBuyerB},
                              {"phone", "13800000000"},
                              {"address", "河南省郑州市金水区测试路1号"}},
                             st.officer);
  REQUIRE(buyer.status == 201);
  Response queued =
      st.s.Post("/api/v1/shops/" + std::to_string(shop_id) + "/mystery-orders",
                {{"buyer_id", buyer.json["buyer"]["id"]}, {"sku", item->sku}}, st.officer);
  REQUIRE_MESSAGE(queued.status == 201, queued.body);
  // The crawler takes the shop's patrol (due at once) and the order.
  CHECK(st.Crawl() == 2);
  const std::vector<shops::DemoOrder> orders = st.shops->Orders();
  REQUIRE(orders.size() == 1);
  const shops::DemoOrder& placed = orders[0];
  CHECK(placed.buyer.id_number == kBuyerB);
  Response mo = st.s.Get("/api/v1/mystery-orders", st.officer);
  REQUIRE(mo.json["items"].size() == 1);
  CHECK(mo.json["items"][0]["status"] == "placed");
  CHECK(mo.json["items"][0]["order_no"] == placed.order_no);
  CHECK(mo.json["items"][0]["total_fen"] == placed.total_charged);
  CHECK(mo.json["items"][0]["freight_fen"] == placed.freight_charged);

  // The enterprise declares the order with the freight left out, as its scenario says.
  CebSet set = st.Declaration(shop, *item, "MO1", placed.freight_declared);
  for (std::string* no : {&set.order.head.order_no, &set.payment.head.order_no,
                          &set.waybill.head.order_no, &set.list.head.order_no}) {
    *no = placed.order_no;
  }
  SubmitSet(st.s, st.admin, set);
  mo = st.s.Get("/api/v1/mystery-orders", st.officer);
  CHECK(mo.json["items"][0]["status"] == "mismatch");
  const std::string codes = st.FindingCodes(shop_id);
  CAPTURE(codes);
  CHECK(codes.find("MYSTERY_FREIGHT_UNDERDECLARED") != std::string::npos);
}

}  // namespace server::testing
