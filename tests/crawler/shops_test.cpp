// The demo shops (tests/shops) over real HTTP on ephemeral ports: pages in every style, the
// price endpoint, GBK, pagination, robots.txt, heavy pages, profiles, and each scenario's charged
// vs declared values.
#include <doctest/doctest.h>
#include <httplib.h>

#include <regex>
#include <set>

#include "catalog_json.h"
#include "profiles.h"
#include "shops_fixture.h"

namespace shops {

TEST_CASE("every shop's listing and product pages show its prices in its style") {
  Running run;
  for (size_t i = 0; i < run.demo->shops().size(); ++i) {
    const DemoShop& shop = run.demo->shops()[i];
    CAPTURE(shop.key);
    Buyer b(run.demo->Port(i));
    httplib::Result list = b.Get("/");
    REQUIRE(list);
    CHECK(list->status == 200);
    const std::string listing = Utf8Body(shop, list);
    for (size_t k = 0; k < shop.items.size() && k < 6; ++k) {
      const DemoShopItem& it = shop.items[k];
      CAPTURE(it.sku);
      CHECK(listing.find("<a class=\"product-link\" href=\"/item/" + it.sku + "\">") !=
            std::string::npos);
      httplib::Result page = b.Get("/item/" + it.sku);
      REQUIRE(page);
      CHECK(page->status == 200);
      const std::string html = Utf8Body(shop, page);
      CHECK(html.find(Escape(it.name)) != std::string::npos);
      switch (shop.style) {
        case ShopStyle::kJsonLd: {
          const std::string ld = After(html, "<script type=\"application/ld+json\">");
          core::StatusOr<core::Json> j = core::ParseJson(ld);
          REQUIRE(j.ok());
          CHECK((*j)["offers"]["price"] == core::FormatCny(it.listed_price));
          CHECK((*j)["sku"] == it.sku);
          CHECK(Amount(After(html, "<div class=\"product-price\">")) == it.listed_price);
          break;
        }
        case ShopStyle::kMicrodata:
          CHECK(html.find("itemprop=\"price\" content=\"" + core::FormatCny(it.listed_price) +
                          "\"") != std::string::npos);
          CHECK(After(html, "<span itemprop=\"sku\">") == it.sku);
          break;
        case ShopStyle::kPlain:
          CHECK(After(html, "<span class=\"now\">") == core::FormatCnyDisplay(it.listed_price));
          CHECK(Amount(After(html, "<del>")) == it.old_price);
          CHECK(html.find("券后价") != std::string::npos);
          CHECK(html.find("运费 <span class=\"freight\">¥10</span>") != std::string::npos);
          break;
        case ShopStyle::kPriceJson: {
          // Only a placeholder on the page; the JSON endpoint has the price.
          CHECK(After(html, "id=\"price\">") == "¥--");
          CHECK(html.find(core::FormatCny(it.listed_price)) == std::string::npos);
          httplib::Result p = b.Get("/api/price?sku=" + it.sku);
          REQUIRE(p);
          CHECK(p->status == 200);
          core::StatusOr<core::Json> j = core::ParseJson(p->body);
          REQUIRE(j.ok());
          CHECK((*j)["data"]["price"] == core::FormatCny(it.listed_price));
          CHECK(b.Get("/api/price?sku=NOPE")->status == 404);
          break;
        }
        case ShopStyle::kGbk: {
          CHECK(page->get_header_value("Content-Type") == "text/html; charset=GBK");
          CHECK_FALSE(IsUtf8(page->body));
          CHECK(html.find("<meta charset=\"gbk\">") != std::string::npos);
          const std::string price = After(html, "<span class=\"now\">");
          CHECK(price.find("元") != std::string::npos);
          CHECK(Amount(price) == it.listed_price);
          // The GBK bytes are exactly the UTF-8 page re-encoded.
          CHECK(*ConvertCharset(html, "UTF-8", "GBK") == page->body);
          break;
        }
        case ShopStyle::kListing:
          CHECK(Amount(After(html, "<strong class=\"price-now\">")) == it.listed_price);
          break;
        case ShopStyle::kSession:
          CHECK(Amount(After(html, "<span class=\"now\">")) == it.listed_price);
          CHECK(html.find("class=\"freight\"") == std::string::npos);  // freight only in cart
          break;
      }
    }
    CHECK(b.Get("/item/NO-SUCH-SKU")->status == 404);
  }
}

TEST_CASE("the listing shop paginates its products with a.next links") {
  Running run(false, 45);
  const size_t i = run.Index(ShopStyle::kListing);
  const DemoShop& shop = run.demo->shops()[i];
  REQUIRE(shop.items.size() == 45);
  Buyer b(run.demo->Port(i));
  std::set<std::string> seen;
  std::string path = "/";
  int pages = 0;
  const std::regex link("href=\"/item/([A-Z0-9-]+)\"");
  while (!path.empty()) {
    httplib::Result r = b.Get(path);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    ++pages;
    for (auto m = std::sregex_iterator(r->body.begin(), r->body.end(), link);
         m != std::sregex_iterator(); ++m) {
      CHECK(seen.insert((*m)[1].str()).second);
    }
    const std::string marker = "<a class=\"next\" href=\"";
    const size_t p = r->body.find(marker);
    path = p == std::string::npos
               ? ""
               : r->body.substr(p + marker.size(),
                                r->body.find('"', p + marker.size()) - p - marker.size());
  }
  CHECK(pages == 3);
  CHECK(seen.size() == 45);
  CHECK(b.Get("/list?page=4")->status == 404);
}

TEST_CASE("robots.txt: account pages disallowed, the member shop asks for a crawl delay") {
  Running run;
  for (size_t i = 0; i < run.demo->shops().size(); ++i) {
    const DemoShop& shop = run.demo->shops()[i];
    CAPTURE(shop.key);
    Buyer b(run.demo->Port(i));
    httplib::Result r = b.Get("/robots.txt");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body.find("User-agent: *\n") == 0);
    CHECK(r->body.find("Disallow: /account/\n") != std::string::npos);
    CHECK(r->body.find("Disallow: /cart") == std::string::npos);
    CHECK(r->body.find("Disallow: /checkout") == std::string::npos);
    if (shop.style == ShopStyle::kSession) {
      CHECK(r->body.find("Crawl-delay: 1\n") != std::string::npos);
      CHECK(r->body.find("Allow: /account/orders\n") != std::string::npos);
      CHECK(r->body.find("Allow: /account/login\n") != std::string::npos);
    } else {
      CHECK(r->body.find("Crawl-delay") == std::string::npos);
    }
  }
}

TEST_CASE("heavy product pages are at least 200 KB, deterministic, and keep their prices") {
  Running run(true, 30);
  for (size_t i = 0; i < run.demo->shops().size(); ++i) {
    const DemoShop& shop = run.demo->shops()[i];
    CAPTURE(shop.key);
    const DemoShopItem& it = shop.items[0];
    Buyer b(run.demo->Port(i));
    httplib::Result r1 = b.Get("/item/" + it.sku);
    httplib::Result r2 = b.Get("/item/" + it.sku);
    REQUIRE(r1);
    REQUIRE(r2);
    CHECK(r1->body.size() >= 200 * 1024);
    CHECK(r1->body == r2->body);
    const std::string html = Utf8Body(shop, r1);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("<style>") != std::string::npos);
    CHECK(html.find("application/ld+json") != std::string::npos);
    CHECK(html.find("class=\"rel-item") != std::string::npos);
    if (shop.style == ShopStyle::kPlain || shop.style == ShopStyle::kSession) {
      CHECK(Amount(After(html, "<span class=\"now\">")) == it.listed_price);
    }
  }
}

TEST_CASE("each scenario's charged and declared values differ as designed") {
  const std::vector<DemoShop> shops = MakeDemoShops(CatalogOptions{42, 40, false});
  const gen::District district = gen::MakeDistrict(42, 50);
  REQUIRE(shops.size() >= 7);
  std::set<ShopScenario> scenarios;
  for (const DemoShop& shop : shops) {
    CAPTURE(shop.key);
    scenarios.insert(shop.scenario);
    REQUIRE_FALSE(shop.items.empty());
    CHECK(district.Find(shop.enterprise_key) != nullptr);
    CHECK(shop.enterprise_customs_code == district.Find(shop.enterprise_key)->customs_code);
    // Prefer an undeclared item where the scenario has them.
    const DemoShopItem* pick = &shop.items[0];
    for (const DemoShopItem& it : shop.items) {
      if (!it.declared) pick = &it;
    }
    core::StatusOr<DemoOrder> o = PriceOrder(shop, {{pick->sku, 2}}, Rates(), Day());
    REQUIRE(o.ok());
    CHECK(o->goods_charged == 2 * pick->charged_price);
    CHECK(o->total_charged ==
          o->goods_charged + o->freight_charged + o->tax_charged - o->discount_charged);
    switch (shop.scenario) {
      case ShopScenario::kHonest:
        CHECK(o->declared);
        CHECK(o->goods_declared == o->goods_charged);
        CHECK(o->freight_declared == o->freight_charged);
        CHECK(o->tax_declared == o->tax_charged);
        CHECK(o->tax_charged > 0);
        CHECK(o->discount_declared == o->discount_charged);
        for (const DemoShopItem& it : shop.items) {
          CHECK(it.listed_price == it.filed_price);
          CHECK(it.charged_price == it.declared_price);
        }
        break;
      case ShopScenario::kPriceAboveDeclared:
        for (const DemoShopItem& it : shop.items) CHECK(it.charged_price > it.declared_price);
        CHECK(o->goods_charged > o->goods_declared);
        break;
      case ShopScenario::kFreightUndeclared:
        CHECK(o->freight_charged > 0);
        CHECK(o->freight_declared == 0);
        CHECK(o->goods_charged == o->goods_declared);
        break;
      case ShopScenario::kTaxMismatch:
        CHECK(o->goods_charged == o->goods_declared);
        CHECK(o->tax_declared > 0);
        CHECK(o->tax_charged != o->tax_declared);
        break;
      case ShopScenario::kUndeclaredGoods:
        CHECK_FALSE(pick->declared);
        CHECK_FALSE(pick->filed);
        CHECK_FALSE(o->declared);
        break;
      case ShopScenario::kFakeShop: {
        // Nothing it lists is among what its enterprise files and declares.
        for (const gen::GenGoods* g : district.GoodsOf(shop.enterprise_key)) {
          for (const DemoShopItem& it : shop.items) {
            CHECK(it.name != g->name);
            CHECK(it.sku != g->sku);
          }
        }
        CHECK_FALSE(district.GoodsOf(shop.enterprise_key).empty());
        CHECK_FALSE(o->declared);
        break;
      }
      case ShopScenario::kPriceCutUnfiled:
        for (const DemoShopItem& it : shop.items) {
          CHECK(it.charged_price < it.filed_price);
          CHECK(it.declared_price == it.charged_price);
        }
        CHECK(o->goods_declared == o->goods_charged);
        CHECK(o->tax_declared == o->tax_charged);
        break;
    }
  }
  CHECK(scenarios.size() == 7);
  // Deterministic from the seed.
  const std::vector<DemoShop> again = MakeDemoShops(CatalogOptions{42, 40, false});
  const std::vector<DemoShop> other = MakeDemoShops(CatalogOptions{43, 40, false});
  CHECK(core::DumpJson(ShopToJson(again[1])) == core::DumpJson(ShopToJson(shops[1])));
  CHECK(core::DumpJson(ShopToJson(other[1])) != core::DumpJson(ShopToJson(shops[1])));
}

TEST_CASE("profiles name the shop's origin and match its product and listing URLs") {
  Running run;
  for (size_t i = 0; i < run.demo->shops().size(); ++i) {
    const DemoShop& shop = run.demo->shops()[i];
    CAPTURE(shop.key);
    core::StatusOr<core::Json> p = core::ParseJson(ProfileJson(shop, run.demo->Origin(i)));
    REQUIRE(p.ok());
    CHECK((*p)["profile_version"] == 1);
    CHECK((*p)["allowed_hosts"][0] == "127.0.0.1:" + std::to_string(run.demo->Port(i)));
    CHECK((*p)["start_urls"][0] == run.demo->Origin(i) + "/");
    const std::regex product((*p)["product_url"].get<std::string>());
    CHECK(std::regex_search("/item/" + shop.items[0].sku, product));
    CHECK_FALSE(std::regex_search(std::string("/list?page=2"), product));
    CHECK_FALSE(std::regex_search(std::string("/"), product));
    CHECK((*p)["charset"] == (shop.style == ShopStyle::kGbk ? "gbk" : "auto"));
    CHECK((*p)["fields"].contains("sku"));
    CHECK((*p)["fields"].contains("price") == (shop.style != ShopStyle::kPriceJson));
    CHECK((*p)["fetch"].is_object() == (shop.style == ShopStyle::kPriceJson));
    CHECK((*p)["fields"].contains("freight") == shop.freight_on_product_page);
    // Every checkout step's path is served by the shop (no 404).
    const core::Json& steps = (*p)["checkout"]["steps"];
    REQUIRE(steps.is_array());
    CHECK(steps.size() >= 3);
    for (const core::Json& s : steps) {
      const std::string url = s["url"].get<std::string>();
      if (url.find('{') != std::string::npos) continue;
      Buyer b(run.demo->Port(i));
      httplib::Result r = s["method"] == "POST" ? b.Form(url, {}) : b.Get(url);
      REQUIRE(r);
      CHECK_MESSAGE(r->status != 404, url);
    }
    const std::string from = (*p)["checkout"]["totals"]["from"].get<std::string>();
    bool named = false;
    for (const core::Json& s : steps) named = named || s["name"] == from;
    CHECK(named);
  }
}

}  // namespace shops
