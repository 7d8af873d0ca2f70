// The demo shops' site profiles read through the crawler's own profile parser and extraction:
// every shop's product pages (plain and heavy) give the shop's name, SKU, price, old price and
// freight; listings give the product links and the next page; the JSON price endpoint and the
// checkout totals rules read what the shop charged.
#include <doctest/doctest.h>
#include <httplib.h>

#include "parse/extract.h"
#include "parse/json_path.h"
#include "profile/rule_eval.h"
#include "profile/site_profile.h"
#include "profiles.h"
#include "shops_fixture.h"

namespace shops {
namespace {

crawler::SiteProfile ProfileOf(const Running& run, size_t i) {
  core::StatusOr<crawler::SiteProfile> p =
      crawler::ParseSiteProfile(ProfileJson(run.demo->shops()[i], run.demo->Origin(i)));
  REQUIRE_MESSAGE(p.ok(), p.status().ToString());
  return *p;
}

std::optional<core::Fen> RuleAmount(const crawler::RuleList& rules, const std::string& html) {
  crawler::HtmlDocument doc(html);
  crawler::RuleInput in;
  in.doc = &doc;
  std::optional<crawler::RuleHit> hit = crawler::ApplyRules(rules, in);
  if (!hit) return std::nullopt;
  core::StatusOr<core::PriceAmount> a = core::ParsePriceAmount(hit->value);
  if (!a.ok()) return std::nullopt;
  return a->hundredths;
}

void CheckProductPages(bool heavy) {
  Running run(heavy, 30);
  for (size_t i = 0; i < run.demo->shops().size(); ++i) {
    const DemoShop& shop = run.demo->shops()[i];
    CAPTURE(shop.key);
    const crawler::SiteProfile profile = ProfileOf(run, i);
    Buyer b(run.demo->Port(i));
    for (size_t k = 0; k < shop.items.size() && k < 3; ++k) {
      const DemoShopItem& it = shop.items[k];
      CAPTURE(it.sku);
      const std::string url = run.demo->Origin(i) + "/item/" + it.sku;
      CHECK(profile.IsProductPath("/item/" + it.sku));
      const std::string html = Utf8Body(shop, b.Get("/item/" + it.sku));
      const crawler::ExtractedProduct p = crawler::ExtractProduct(html, url, &profile);
      CHECK(p.name == it.name);
      CHECK(p.sku == it.sku);
      if (shop.style == ShopStyle::kPriceJson) {
        // The page has no price; the profile's price_json call has it.
        REQUIRE(profile.price_json.has_value());
        std::string api = profile.price_json->url;
        api.replace(api.find("{sku}"), 5, it.sku);
        httplib::Result r = b.Get(api);
        REQUIRE(r);
        core::StatusOr<core::Json> j = core::ParseJson(r->body);
        REQUIRE(j.ok());
        const core::Json* v = profile.price_json->path->Find(*j);
        REQUIRE(v != nullptr);
        CHECK(Amount(*crawler::JsonScalarText(*v)) == it.listed_price);
      } else {
        REQUIRE(p.price.has_value());
        CHECK(*p.price == it.listed_price);
        CHECK(p.price_source == crawler::kSourceProfile);
      }
      if (it.old_price > 0) CHECK(p.old_price == it.old_price);
      if (shop.freight_on_product_page) {
        REQUIRE(p.freight.has_value());
        CHECK(*p.freight == shop.freight_charged);
      }
    }
  }
}

}  // namespace

TEST_CASE("each shop's profile reads its product pages") { CheckProductPages(false); }

TEST_CASE("each shop's profile reads its heavy product pages") { CheckProductPages(true); }

TEST_CASE("each shop's profile finds the listing's product links and next page") {
  Running run(false, 45);
  for (size_t i = 0; i < run.demo->shops().size(); ++i) {
    const DemoShop& shop = run.demo->shops()[i];
    CAPTURE(shop.key);
    const crawler::SiteProfile profile = ProfileOf(run, i);
    Buyer b(run.demo->Port(i));
    const std::string html = Utf8Body(shop, b.Get("/"));
    const crawler::ExtractedLinks links =
        crawler::ExtractLinks(html, profile.start_urls[0], &profile);
    const size_t expected = std::min<size_t>(shop.items.size(), shop.page_size);
    REQUIRE(links.product_links.size() == expected);
    CHECK(links.product_links[0] == run.demo->Origin(i) + "/item/" + shop.items[0].sku);
    if (shop.items.size() > static_cast<size_t>(shop.page_size)) {
      REQUIRE(links.next_pages.size() == 1);
      CHECK(links.next_pages[0] == run.demo->Origin(i) + "/list?page=2");
    } else {
      CHECK(links.next_pages.empty());
    }
  }
}

TEST_CASE("the totals rules read what the shop charged, from the page the profile names") {
  Running run;
  const DemoBuyer buyer = TestBuyer();
  for (ShopStyle style : {ShopStyle::kJsonLd, ShopStyle::kSession}) {
    const size_t i = run.Index(style);
    const DemoShop& shop = run.demo->shops()[i];
    CAPTURE(shop.key);
    const crawler::SiteProfile profile = ProfileOf(run, i);
    REQUIRE(profile.checkout.has_value());
    REQUIRE(profile.checkout->totals.has_value());
    const crawler::CheckoutTotals& totals = *profile.checkout->totals;
    const DemoShopItem& it = shop.items[0];
    Buyer b(run.demo->Port(i));
    const std::string page = b.Get("/item/" + it.sku)->body;
    std::string token;
    if (shop.csrf) {
      const std::string m = "name=\"csrf\" value=\"";
      const size_t p = page.find(m) + m.size();
      token = page.substr(p, page.find('"', p) - p);
    }
    if (shop.login_required) {
      REQUIRE(
          b.Form("/account/login", {{"name", buyer.name}, {"phone", buyer.phone}, {"csrf", token}})
              ->status == 303);
    }
    REQUIRE(b.Form("/cart/add", {{"sku", it.sku}, {"qty", "1"}, {"csrf", token}})->status == 303);
    REQUIRE(b.Form("/checkout", {{"name", buyer.name},
                                 {"id_number", buyer.id_number},
                                 {"phone", buyer.phone},
                                 {"address", buyer.address},
                                 {"csrf", token}})
                ->status == 303);
    const std::string path = totals.from == "order history" ? "/account/orders" : "/checkout/done";
    const std::string html = b.Get(path)->body;
    const std::vector<DemoOrder> orders = run.demo->Site(i).Orders();
    REQUIRE(orders.size() == 1);
    const DemoOrder& o = orders[0];
    crawler::HtmlDocument doc(html);
    crawler::RuleInput in;
    in.doc = &doc;
    std::optional<crawler::RuleHit> no = crawler::ApplyRules(totals.order_no, in);
    REQUIRE(no.has_value());
    CHECK(no->value == o.order_no);
    CHECK(RuleAmount(totals.goods, html) == o.goods_charged);
    CHECK(RuleAmount(totals.freight, html) == o.freight_charged);
    CHECK(RuleAmount(totals.tax, html) == o.tax_charged);
    CHECK(RuleAmount(totals.total, html) == o.total_charged);
  }
}

}  // namespace shops
