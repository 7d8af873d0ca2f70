// The demo shops' checkouts over real HTTP: form posts and JSON calls with a session cookie,
// the CSRF refusal, login and a session-dependent price, the order number on the success page or
// only in the order history, named totals rows, GBK form posts, and the orders recorded.
#include <doctest/doctest.h>
#include <httplib.h>

#include "shops_fixture.h"

namespace shops {

TEST_CASE("a form checkout puts the order number and named totals on the success page") {
  Running run;
  const size_t i = run.Index(ShopStyle::kJsonLd);
  const DemoShop& shop = run.demo->shops()[i];
  const DemoShopItem& it = shop.items[1];
  Buyer b(run.demo->Port(i));
  REQUIRE(b.Get("/item/" + it.sku)->status == 200);
  httplib::Result add = b.Form("/cart/add", {{"sku", it.sku}, {"qty", "2"}});
  REQUIRE(add);
  CHECK(add->status == 303);
  CHECK(add->get_header_value("Location") == "/cart");
  CHECK(b.cookie.rfind("sid=", 0) == 0);
  httplib::Result cart = b.Get("/cart");
  REQUIRE(cart);
  CHECK(cart->body.find("提交订单") != std::string::npos);
  CHECK(Amount(After(cart->body, "<tr class=\"shipping\"><th>运费</th><td class=\"amount\">")) ==
        shop.freight_charged);
  const DemoBuyer buyer = TestBuyer();
  httplib::Result bad = b.Form("/checkout", {{"name", buyer.name},
                                             {"id_number", "41010219900307"},
                                             {"phone", buyer.phone},
                                             {"address", buyer.address}});
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(bad->body.find("身份证号格式不正确") != std::string::npos);
  httplib::Result done = b.Form("/checkout", {{"name", buyer.name},
                                              {"id_number", buyer.id_number},
                                              {"phone", buyer.phone},
                                              {"address", buyer.address}});
  REQUIRE(done);
  CHECK(done->status == 303);
  httplib::Result page = b.Get(done->get_header_value("Location"));
  REQUIRE(page);
  CHECK(page->body.find("下单成功") != std::string::npos);
  const std::vector<DemoOrder> orders = run.demo->Orders();
  REQUIRE(orders.size() == 1);
  const DemoOrder& o = orders[0];
  CHECK(After(page->body, "<span class=\"order-no\">") == o.order_no);
  CHECK(o.order_no.rfind(shop.order_prefix + "20261120", 0) == 0);
  CHECK(o.buyer.id_number == buyer.id_number);
  CHECK(o.buyer.name == buyer.name);
  CHECK(o.lines.size() == 1);
  CHECK(o.lines[0].qty == 2);
  CHECK(o.goods_charged == 2 * it.listed_price);
  CHECK(o.tax_charged > 0);
  CHECK(o.total_charged == o.goods_charged + o.freight_charged + o.tax_charged);
  CHECK(o.total_charged != o.goods_charged);  // not the sum of the line prices
  CheckTotals(page->body, o);
  std::lock_guard<std::mutex> lock(run.mu);
  REQUIRE(run.seen.size() == 1);
  CHECK(run.seen[0].order_no == o.order_no);
}

TEST_CASE("the CSRF shop refuses form posts without the page's token") {
  Running run;
  const size_t i = run.Index(ShopStyle::kMicrodata);
  const DemoShop& shop = run.demo->shops()[i];
  REQUIRE(shop.csrf);
  const DemoShopItem& it = shop.items[0];
  Buyer b(run.demo->Port(i));
  httplib::Result page = b.Get("/item/" + it.sku);
  REQUIRE(page);
  const std::string token = [&] {
    const std::string m = "name=\"csrf\" value=\"";
    const size_t p = page->body.find(m) + m.size();
    return page->body.substr(p, page->body.find('"', p) - p);
  }();
  CHECK(token.size() == 24);
  CHECK(b.Form("/cart/add", {{"sku", it.sku}, {"qty", "1"}})->status == 403);
  CHECK(b.Form("/cart/add", {{"sku", it.sku}, {"qty", "1"}, {"csrf", "forged"}})->status == 403);
  // Another session's token does not pass either.
  Buyer other(run.demo->Port(i));
  other.cookie = "sid=unknown";
  CHECK(other.Form("/cart/add", {{"sku", it.sku}, {"qty", "1"}, {"csrf", token}})->status == 403);
  CHECK(b.Form("/cart/add", {{"sku", it.sku}, {"qty", "1"}, {"csrf", token}})->status == 303);
  const DemoBuyer buyer = TestBuyer();
  httplib::Params form = {{"name", buyer.name},
                          {"id_number", buyer.id_number},
                          {"phone", buyer.phone},
                          {"address", buyer.address}};
  CHECK(b.Form("/checkout", form)->status == 403);
  CHECK(run.demo->Orders().empty());
  form.emplace("csrf", token);
  httplib::Result done = b.Form("/checkout", form);
  REQUIRE(done);
  CHECK(done->status == 303);
  const std::string html = b.Get("/checkout/done")->body;
  REQUIRE(run.demo->Orders().size() == 1);
  CHECK(After(html, "<span class=\"order-no\">") == run.demo->Orders()[0].order_no);
}

TEST_CASE("the member shop: session price, freight in the cart, order number only in history") {
  Running run;
  const size_t i = run.Index(ShopStyle::kSession);
  const DemoShop& shop = run.demo->shops()[i];
  const DemoShopItem& it = shop.items[0];
  REQUIRE(it.member_price < it.listed_price);
  Buyer b(run.demo->Port(i));
  httplib::Result anon = b.Get("/item/" + it.sku);
  REQUIRE(anon);
  CHECK(Amount(After(anon->body, "<span class=\"now\">")) == it.listed_price);
  CHECK(anon->body.find("查看会员价") != std::string::npos);
  const std::string m = "name=\"csrf\" value=\"";
  const size_t p = anon->body.find(m) + m.size();
  const std::string token = anon->body.substr(p, anon->body.find('"', p) - p);
  CHECK(b.Form("/cart/add", {{"sku", it.sku}, {"qty", "1"}, {"csrf", token}})->status == 401);
  CHECK(b.Get("/account/orders")->status == 401);
  const DemoBuyer buyer = TestBuyer();
  CHECK(b.Form("/account/login", {{"name", buyer.name}, {"phone", buyer.phone}})->status == 403);
  CHECK(b.Form("/account/login", {{"name", buyer.name}, {"phone", buyer.phone}, {"csrf", token}})
            ->status == 303);
  httplib::Result member = b.Get("/item/" + it.sku);
  CHECK(Amount(After(member->body, "<span class=\"now\">")) == it.member_price);
  CHECK(member->body.find("会员价") != std::string::npos);
  CHECK(b.Form("/cart/add", {{"sku", it.sku}, {"qty", "1"}, {"csrf", token}})->status == 303);
  httplib::Result cart = b.Get("/cart");
  CHECK(Amount(After(cart->body, "<tr class=\"shipping\"><th>运费</th><td class=\"amount\">")) ==
        shop.freight_charged);
  httplib::Result done = b.Form("/checkout", {{"name", buyer.name},
                                              {"id_number", buyer.id_number},
                                              {"phone", buyer.phone},
                                              {"address", buyer.address},
                                              {"csrf", token}});
  CHECK(done->status == 303);
  httplib::Result result = b.Get("/checkout/done");
  CHECK(result->body.find("下单成功") != std::string::npos);
  CHECK(result->body.find("class=\"order-no\"") == std::string::npos);
  REQUIRE(run.demo->Orders().size() == 1);
  const DemoOrder o = run.demo->Orders()[0];
  CHECK(result->body.find(o.order_no) == std::string::npos);
  CHECK(o.goods_charged == it.member_price);
  CHECK(o.discount_charged == 500);
  CHECK(o.total_charged == o.goods_charged + o.freight_charged + o.tax_charged - 500);
  // Another session of the same account sees the order in its history.
  Buyer later(run.demo->Port(i));
  const std::string page2 = later.Get("/item/" + it.sku)->body;
  const size_t q = page2.find(m) + m.size();
  const std::string token2 = page2.substr(q, page2.find('"', q) - q);
  CHECK(
      later
          .Form("/account/login", {{"name", buyer.name}, {"phone", buyer.phone}, {"csrf", token2}})
          ->status == 303);
  httplib::Result history = later.Get("/account/orders");
  REQUIRE(history);
  CHECK(history->status == 200);
  CHECK(After(history->body, "<span class=\"order-no\">") == o.order_no);
  CheckTotals(history->body, o);
  CHECK(Amount(After(history->body,
                     "<tr class=\"discount\"><th>平台优惠</th><td class=\"amount\">-")) == 500);
}

TEST_CASE("the JSON shop checks out through JSON calls with a session cookie") {
  Running run;
  const size_t i = run.Index(ShopStyle::kPriceJson);
  const DemoShop& shop = run.demo->shops()[i];
  const DemoShopItem& it = shop.items[2];
  Buyer b(run.demo->Port(i));
  REQUIRE(b.Get("/item/" + it.sku)->status == 200);
  httplib::Result add = b.JsonPost("/api/cart", {{"sku", it.sku}, {"qty", "3"}});
  REQUIRE(add);
  CHECK(add->status == 200);
  CHECK(add->body.find("\"ok\":true") != std::string::npos);
  CHECK_FALSE(b.cookie.empty());
  const DemoBuyer buyer = TestBuyer();
  httplib::Result bad = b.JsonPost("/api/checkout", {{"name", buyer.name},
                                                     {"id_number", "abc"},
                                                     {"phone", buyer.phone},
                                                     {"address", buyer.address}});
  CHECK(bad->status == 400);
  httplib::Result ok = b.JsonPost("/api/checkout", {{"name", buyer.name},
                                                    {"id_number", buyer.id_number},
                                                    {"phone", buyer.phone},
                                                    {"address", buyer.address}});
  REQUIRE(ok);
  CHECK(ok->status == 200);
  core::StatusOr<core::Json> j = core::ParseJson(ok->body);
  REQUIRE(j.ok());
  REQUIRE(run.demo->Orders().size() == 1);
  const DemoOrder o = run.demo->Orders()[0];
  CHECK((*j)["order"]["no"] == o.order_no);
  CHECK((*j)["order"]["goods"] == core::FormatCny(3 * it.listed_price));
  CHECK((*j)["order"]["tax"] == core::FormatCny(o.tax_charged));
  CHECK((*j)["order"]["total"] == core::FormatCny(o.total_charged));
  // Without the session cookie the cart is empty.
  Buyer stranger(run.demo->Port(i));
  CHECK(stranger
            .JsonPost("/api/checkout", {{"name", buyer.name},
                                        {"id_number", buyer.id_number},
                                        {"phone", buyer.phone},
                                        {"address", buyer.address}})
            ->status == 400);
}

TEST_CASE("the GBK shop takes GBK form posts and sells goods that are never declared") {
  Running run;
  const size_t i = run.Index(ShopStyle::kGbk);
  const DemoShop& shop = run.demo->shops()[i];
  const DemoShopItem* undeclared = nullptr;
  for (const DemoShopItem& it : shop.items) {
    if (!it.declared) undeclared = &it;
  }
  REQUIRE(undeclared);
  Buyer b(run.demo->Port(i));
  CHECK(b.Form("/cart/add", {{"sku", undeclared->sku}, {"qty", "1"}})->status == 303);
  const DemoBuyer buyer = TestBuyer();
  const std::string gbk_name = *ConvertCharset(buyer.name, "UTF-8", "GBK");
  const std::string gbk_address = *ConvertCharset(buyer.address, "UTF-8", "GBK");
  CHECK(b.Form("/checkout", {{"name", gbk_name},
                             {"id_number", buyer.id_number},
                             {"phone", buyer.phone},
                             {"address", gbk_address}})
            ->status == 303);
  const std::string html = Utf8Body(shop, b.Get("/checkout/done"));
  REQUIRE(run.demo->Orders().size() == 1);
  const DemoOrder o = run.demo->Orders()[0];
  CHECK(o.buyer.name == buyer.name);
  CHECK(o.buyer.address == buyer.address);
  CHECK_FALSE(o.declared);
  CHECK(After(html, "<span class=\"order-no\">") == o.order_no);
  CHECK(After(html, "<tr class=\"total\"><th>实付款</th><td class=\"amount\">") ==
        "￥" + core::FormatCnyDisplay(o.total_charged).substr(std::string("¥").size()));
}

}  // namespace shops
