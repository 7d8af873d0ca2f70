// End to end: the real server (in-process, real HTTP), the demo shops on 127.0.0.1 and the
// crawler's own task loop (crawler/client/task_runner.h with the libcurl fetcher). The district
// of the shops is seeded into the server; its enterprises declare what the shops' catalogue
// says they declare; a patrol and a mystery order then give the findings the scenarios put in.
#include <doctest/doctest.h>

#include "e2e_stack.h"

namespace server::testing {

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
  const shops::DemoShopItem* item = &st.DeclaredItem("s3-plain");
  st.QueueMysteryOrder(shop_id, item->sku);
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
