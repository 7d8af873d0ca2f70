// The stack the end-to-end tests run on: the real server (in-process, real HTTP, fake clock),
// the demo shops on 127.0.0.1, a seeded district and a crawler account; helpers to register a
// shop with its profile, to declare what a shop's catalogue says, and to run the crawler's own
// task loop in-process. Does network and file I/O.
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

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

struct Stack {
  TestServer s{Options{.seed_demo = true}};
  gen::District district = gen::MakeDistrict(42, 50);
  std::unique_ptr<shops::DemoShops> shops;
  std::string admin, officer, token;
  std::map<std::string, int64_t> enterprise_ids;

  // `before_request` goes to the demo shops (DemoShopsOptions::before_request).
  explicit Stack(
      std::function<void(size_t, const std::string&, const std::string&)> before_request = {}) {
    core::StatusOr<DistrictIds> ids = SeedDistrict(s.app(), district, Actor::System());
    REQUIRE_MESSAGE(ids.ok(), ids.status().ToString());
    enterprise_ids = ids->enterprises;
    shops::DemoShopsOptions o;
    o.today = *core::Date::Parse(kToday);
    o.before_request = std::move(before_request);
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

  // The first item of demo shop `key` that its enterprise filed and declares.
  const shops::DemoShopItem& DeclaredItem(const std::string& key) {
    for (const shops::DemoShopItem& i : shops->shops()[ShopIndex(key)].items) {
      if (i.declared && i.filed) return i;
    }
    FAIL("demo shop " << key << " declares no filed item");
    return shops->shops()[0].items[0];
  }

  // Registers a covert buyer and queues a mystery order of `sku` at shop `shop_id` with it.
  void QueueMysteryOrder(int64_t shop_id, const std::string& sku) {
    const int64_t buyer = RegisterCovertBuyer(s, officer);
    Response queued = s.Post("/api/v1/shops/" + std::to_string(shop_id) + "/mystery-orders",
                             {{"buyer_id", buyer}, {"sku", sku}}, officer);
    REQUIRE_MESSAGE(queued.status == 201, queued.body);
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

}  // namespace server::testing
