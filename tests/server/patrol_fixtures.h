// Shared set-up of the online-patrol tests: a crawler account, hnby's shop with a profile that
// has a checkout, a covert buyer, and both kinds of task leased (with one evidence upload), as
// the crawler routes need them. Does network I/O (through the test server).
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "ceb_fixtures.h"
#include "common/crypto.h"
#include "test_server.h"

namespace server::testing {

// Registers the covert buyer 李四 (kBuyerB) as `officer`; returns its id.
inline int64_t RegisterCovertBuyer(TestServer& s, const std::string& officer) {
  Response buyer = s.Post("/api/v1/covert-buyers",
                          {{"name", "李四"},
                           {"id_number", kBuyerB},
                           {"phone", "13800000000"},
                           {"address", "河南省郑州市金水区测试路1号"}},
                          officer);
  REQUIRE_MESSAGE(buyer.status == 201, buyer.body);
  return buyer.json["buyer"]["id"].get<int64_t>();
}

inline httplib::Headers Bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

inline Response CrawlerPost(TestServer& s, const std::string& token, const std::string& path,
                            const core::Json& body) {
  return s.Send("POST", path, core::DumpJson(body), "", "application/json", Bearer(token));
}

inline core::Json EvidenceItem(int64_t seq, const std::string& body) {
  return {{"seq", seq},
          {"purpose", "product page"},
          {"method", "GET"},
          {"url", "http://127.0.0.1:18081/item/10"},
          {"status", 200},
          {"headers", core::Json::array({core::Json::array({"Content-Type", "text/html"})})},
          {"body_base64", Base64Encode(body)},
          {"sha256", Sha256Hex(body)},
          {"content_type", "text/html; charset=utf-8"},
          {"fetched_at", "2026-11-26T02:00:01.000Z"}};
}

inline core::Json ShopProfile(const std::string& host_port) {
  return {{"profile_version", 1},
          {"name", "test shop"},
          {"allowed_hosts", {host_port}},
          {"start_urls", {"http://" + host_port + "/"}},
          {"fields", {{"price", {{{"css", ".price"}}}}}},
          {"checkout", {{"steps", {{{"name", "buy"}, {"method", "POST"}, {"url", "/buy"}}}}}}};
}

struct PatrolSetup {
  std::string token;  // crawler bearer token
  int64_t shop = 0;
  int64_t buyer = 0;
  int64_t patrol_task = 0;
  std::string patrol_lease;
  int64_t mystery_task = 0;
  std::string mystery_lease;
  int64_t evidence = 0;  // seq 1 of the patrol task
};

inline PatrolSetup SetUpPatrol(TestServer& s, const std::string& admin, const std::string& officer,
                               int64_t hnby_id) {
  PatrolSetup p;
  Response account = s.Post("/api/v1/crawler-accounts", {{"name", "setup-crawler"}}, admin);
  REQUIRE_MESSAGE(account.status == 201, account.body);
  p.token = account.json["token"].get<std::string>();
  Response shop = s.Post(
      "/api/v1/shops",
      {{"enterprise_id", hnby_id}, {"name", "hnby shop"}, {"base_url", "http://127.0.0.1:18081/"}},
      officer);
  REQUIRE_MESSAGE(shop.status == 201, shop.body);
  p.shop = shop.json["shop"]["id"].get<int64_t>();
  const std::string shop_path = "/api/v1/shops/" + std::to_string(p.shop);
  REQUIRE(s.Post(shop_path + "/profiles", {{"profile", ShopProfile("127.0.0.1:18081")}}, officer)
              .status == 201);
  p.buyer = RegisterCovertBuyer(s, officer);
  Response patrol = CrawlerPost(s, p.token, "/api/v1/crawler/lease", {{"kinds", {"patrol"}}});
  REQUIRE_MESSAGE(patrol.status == 200, patrol.body);
  p.patrol_task = patrol.json["task"]["id"].get<int64_t>();
  p.patrol_lease = patrol.json["task"]["lease_token"].get<std::string>();
  REQUIRE(
      s.Post(shop_path + "/mystery-orders", {{"buyer_id", p.buyer}, {"sku", "HNBY-0010"}}, officer)
          .status == 201);
  Response mystery =
      CrawlerPost(s, p.token, "/api/v1/crawler/lease", {{"kinds", {"mystery_order"}}});
  REQUIRE_MESSAGE(mystery.status == 200, mystery.body);
  p.mystery_task = mystery.json["task"]["id"].get<int64_t>();
  p.mystery_lease = mystery.json["task"]["lease_token"].get<std::string>();
  Response ev = CrawlerPost(
      s, p.token, "/api/v1/crawler/tasks/" + std::to_string(p.patrol_task) + "/evidence",
      {{"lease_token", p.patrol_lease}, {"items", {EvidenceItem(1, "<p class=price>¥499</p>")}}});
  REQUIRE_MESSAGE(ev.status == 201, ev.body);
  p.evidence = ev.json["evidence"][0]["id"].get<int64_t>();
  return p;
}

}  // namespace server::testing
