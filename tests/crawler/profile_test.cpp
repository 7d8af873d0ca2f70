// crawler/profile: site profiles parsed, validated (errors name the JSON path), compiled, and
// written back; rules applied to pages and response bodies.
#include <doctest/doctest.h>

#include <string>

#include "parse/html_document.h"
#include "parse/structured.h"
#include "profile/rule_eval.h"
#include "profile/site_profile.h"

namespace crawler {
namespace {

using core::Json;

// The documented example (docs/site-profiles.md), with a full checkout.
constexpr char kProfile[] = R"json({
  "profile_version": 1,
  "name": "河南保税直营店",
  "allowed_hosts": ["127.0.0.1:18081"],
  "start_urls": ["http://127.0.0.1:18081/"],
  "listing": {
    "product_link": [{"css": "a.product-link", "attr": "href"}],
    "next_page": [{"css": "a.next", "attr": "href"}]
  },
  "product_url": "^/item/[0-9]+$",
  "charset": "auto",
  "fields": {
    "name": [{"css": "h1.title"}],
    "sku": [{"css": "[data-sku]", "attr": "data-sku"}],
    "price": [{"css": ".price .now"}, {"regex": "现价[:：]?\\s*(¥?[0-9.,]+)"}],
    "old_price": [{"css": ".price del"}],
    "freight": [{"css": ".freight"}],
    "stock": [{"css": ".stock"}],
    "currency": [{"json_ld": "offers.priceCurrency"}]
  },
  "fetch": {"price_json": {"url": "/api/price?sku={sku}", "json_path": "data.price"}},
  "checkout": {
    "steps": [
      {"name": "product", "url": "{product_url}",
       "capture": {"csrf": {"css": "input[name=csrf]", "attr": "value"}}},
      {"name": "add to cart", "method": "POST", "url": "/cart/add",
       "form": {"sku": "{sku}", "qty": "{quantity}", "csrf": "{csrf}"},
       "expect_status": [200, 302],
       "check": [{"contains": "已加入购物车"}, {"regex": "购物车\\s*\\(\\d+\\)"}]},
      {"name": "place order", "method": "POST", "url": "/api/order",
       "json": {"buyer": {"name": "{buyer.name}", "id": "{buyer.id_number}"}},
       "capture": {"order_no": [{"json_path": "order.no"}]}},
      {"name": "order history", "url": "/account/orders"}
    ],
    "totals": {
      "from": "order history",
      "order_no": [{"css": "table.orders tr:first-child td.no"}],
      "goods": [{"css": "tr.subtotal td.amount"}],
      "freight": [{"css": "tr.shipping td.amount"}],
      "tax": [{"css": "tr.tax td.amount"}],
      "total": [{"css": "tr.total td.amount"}]
    }
  }
})json";

TEST_CASE("the documented profile parses into a complete struct and round-trips") {
  auto parsed = ParseSiteProfile(kProfile);
  REQUIRE(parsed.ok());
  const SiteProfile& p = *parsed;
  CHECK(p.name == "河南保税直营店");
  CHECK(p.allowed_hosts == std::vector<std::string>{"127.0.0.1:18081"});
  REQUIRE(p.product_link.size() == 1);
  CHECK(p.product_link[0].kind == Rule::Kind::kCss);
  CHECK(p.product_link[0].attr == "href");
  REQUIRE(p.fields.price.size() == 2);
  CHECK(p.fields.price[1].kind == Rule::Kind::kRegex);
  CHECK(p.fields.price[1].EffectiveGroup() == 1);
  CHECK(p.fields.currency[0].kind == Rule::Kind::kJsonLd);
  REQUIRE(p.price_json.has_value());
  CHECK(p.price_json->url == "/api/price?sku={sku}");
  REQUIRE(p.checkout.has_value());
  const Checkout& c = *p.checkout;
  REQUIRE(c.steps.size() == 4);
  CHECK(c.steps[0].method == "GET");
  REQUIRE(c.steps[0].capture.size() == 1);
  CHECK(c.steps[0].capture[0].first == "csrf");
  CHECK(c.steps[1].method == "POST");
  CHECK(c.steps[1].form.size() == 3);
  CHECK(c.steps[1].expect_status == std::vector<int>{200, 302});
  REQUIRE(c.steps[1].check.size() == 2);
  CHECK(c.steps[1].check[0].contains == "已加入购物车");
  REQUIRE(c.steps[1].check[1].compiled != nullptr);
  CHECK(c.steps[1].check[1].compiled->Search("我的购物车 (3)"));
  REQUIRE(c.steps[2].json.has_value());
  CHECK((*c.steps[2].json)["buyer"]["id"] == "{buyer.id_number}");
  REQUIRE(c.totals.has_value());
  CHECK(c.totals->from == "order history");
  CHECK(c.totals->total.size() == 1);

  CHECK(p.IsProductPath("/item/12"));
  CHECK_FALSE(p.IsProductPath("/item/12/reviews"));
  CHECK(p.IsAllowedHost("127.0.0.1:18081"));
  CHECK_FALSE(p.IsAllowedHost("127.0.0.1:18082"));

  Json once = SiteProfileJson(p);
  auto again = SiteProfileFromJson(once);
  REQUIRE(again.ok());
  CHECK(SiteProfileJson(*again) == once);
  auto original = core::ParseJson(kProfile);
  REQUIRE(original.ok());
  // Single-rule captures are written as lists; everything else comes back as written.
  (*original)["checkout"]["steps"][0]["capture"]["csrf"] =
      Json::array({(*original)["checkout"]["steps"][0]["capture"]["csrf"]});
  (*original)["checkout"]["steps"][0]["method"] = "GET";
  (*original)["checkout"]["steps"][3]["method"] = "GET";
  CHECK(once == *original);
}

TEST_CASE("a bad profile is refused with the JSON path of the first problem") {
  struct Case {
    const char* patch;  // merged over the documented profile (RFC 7386)
    const char* message;
  };
  const Case cases[] = {
      {R"({"fields": {"price": [{"css": ".a"}, {"css": ".price ]"}]}})",
       "fields.price[1].css: unexpected ']' at 7"},
      {R"({"fields": {"colour": [{"css": ".a"}]}})", "fields.colour: unknown field"},
      {R"({"fields": {"name": [{"css": "h1", "regex": "x"}]}})",
       "fields.name[0]: a rule needs exactly one of css, json_ld, json_path, regex, meta"},
      {R"({"fields": {"name": [{"attr": "x"}]}})",
       "fields.name[0]: a rule needs exactly one of css, json_ld, json_path, regex, meta"},
      {R"({"fields": {"name": [{"meta": "og:title", "attr": "content"}]}})",
       "fields.name[0].attr: only for css rules"},
      {R"j({"fields": {"price": [{"regex": "(a)(b)", "group": 3}]}})j",
       "fields.price[0].group: the pattern has 2 groups"},
      {R"j({"fields": {"price": [{"regex": "([0-9]"}]}})j", "fields.price[0].regex: bad regex"},
      {R"({"fields": {"price": [{"json_ld": "offers[x]"}]}})",
       "fields.price[0].json_ld: unexpected 'x' at 7"},
      {R"({"fields": {"price": "h1"}})", "fields.price: must be a list of rules"},
      {R"({"fields": {"sku": [{"css": "a", "colour": 1}]}})", "fields.sku[0].colour: unknown key"},
      {R"({"allowed_hosts": ["127.0.0.1"]})", "allowed_hosts[0]: must be host:port"},
      {R"({"allowed_hosts": []})", "allowed_hosts: must list at least one host:port"},
      {R"({"start_urls": ["http://127.0.0.1:9/"]})",
       "start_urls[0]: host 127.0.0.1:9 is not in allowed_hosts"},
      {R"({"start_urls": ["ftp://127.0.0.1:18081/"]})", "start_urls[0]: "},
      {R"({"name": ""})", "name: must not be empty"},
      {R"({"name": null})", "name: required"},
      {R"j({"product_url": "(["})j", "product_url: bad regex"},
      {R"({"profile_version": 2})", "profile_version: must be 1"},
      {R"({"extra": 1})", "extra: unknown key"},
      {R"({"listing": {"product_link": [{"css": "a..b"}]}})",
       "listing.product_link[0].css: unexpected '.' at 2"},
      {R"({"fetch": {"price_json": {"json_path": null}}})", "fetch.price_json.json_path: required"},
      {R"({"checkout": {"steps": []}})", "checkout.steps: must be a non-empty list of steps"},
      {R"({"checkout": {"steps": [{"name": "a", "url": "/", "method": "PUT"}]}})",
       "checkout.steps[0].method: must be GET or POST"},
      {R"({"checkout": {"steps": [{"name": "a"}]}})", "checkout.steps[0].url: required"},
      {R"({"checkout": {"steps": [{"name": "a", "url": "/", "expect_status": [99]}]}})",
       "checkout.steps[0].expect_status[0]: must be an HTTP status (100-599)"},
      {R"({"checkout": {"steps": [{"name": "a", "url": "/", "capture": {"x": {"css": "["}}}]}})",
       "checkout.steps[0].capture.x.css: unexpected end at 1"},
      {R"({"checkout": {"steps": [{"name": "a", "url": "/", "check": [{"equals": "x"}]}]}})",
       "checkout.steps[0].check[0].equals: unknown key"},
      {R"({"checkout": {"steps": [{"name": "a", "url": "/", "form": {"q": 1}}]}})",
       "checkout.steps[0].form.q: must be a string"},
      {R"({"checkout": {"steps": [{"name": "a", "url": "/"}, {"name": "a", "url": "/"}]}})",
       "checkout.steps[1].name: duplicate step name 'a'"},
      {R"({"checkout": {"steps": [{"name": "a", "url": "/"}], "totals": {"from": "b"}}})",
       "checkout.totals.from: no step named 'b'"},
      {R"({"checkout": {"steps": [{"name": "a", "url": "/"}],
                        "totals": {"from": null, "total": [{"x": 1}]}}})",
       "checkout.totals.total[0].x: unknown key"},
  };
  auto base = core::ParseJson(kProfile);
  REQUIRE(base.ok());
  for (const Case& c : cases) {
    CAPTURE(std::string(c.patch));
    auto patch = core::ParseJson(c.patch);
    REQUIRE(patch.ok());
    Json profile = *base;
    profile.merge_patch(*patch);
    if ((*patch).contains("name") && (*patch)["name"].is_null()) profile.erase("name");
    auto parsed = SiteProfileFromJson(profile);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().code() == core::StatusCode::kInvalidArgument);
    CAPTURE(parsed.status().message());
    CHECK(parsed.status().message().rfind(c.message, 0) == 0);
  }
  CHECK_FALSE(ParseSiteProfile("{not json").ok());
}

TEST_CASE("rules read pages, JSON-LD, JSON bodies and response text") {
  HtmlDocument doc(R"(<html><head><meta property="og:title" content="OG 名称">
    <script type="application/ld+json">[{"@type": "WebSite"}, {"@type": "Product",
      "offers": [{"price": 88, "priceCurrency": "CNY"}]}]</script></head>
    <body><h1 class="title"> 面霜 </h1><p class="empty"></p><p class="empty">第二</p>
    <ul><li><a class="p" href="/item/1">1</a></li><li><a class="p" href="/item/2">2</a></li></ul>
    <p>现价：¥1,299.00，券后价 ¥1,199.00</p></body></html>)");
  StructuredData data = ReadStructuredData(doc);
  auto body = core::ParseJson(R"({"code": 0, "data": {"price": "99.50", "list": [{"no": "A1"}]}})");
  REQUIRE(body.ok());
  RuleInput input;
  input.doc = &doc;
  input.structured = &data;
  input.json = &*body;
  struct Case {
    const char* rule;
    const char* first;  // nullptr: nothing
    int all;
  };
  const Case cases[] = {
      {R"({"css": "h1.title"})", "面霜", 1},
      {R"({"css": "p.empty"})", "第二", 1},
      {R"({"css": "a.p", "attr": "href"})", "/item/1", 2},
      {R"({"css": "a.p", "attr": "title"})", nullptr, 0},
      {R"({"css": "h2"})", nullptr, 0},
      {R"({"meta": "og:title"})", "OG 名称", 1},
      {R"({"meta": "og:missing"})", nullptr, 0},
      {R"({"json_ld": "offers.priceCurrency"})", "CNY", 1},
      {R"({"json_ld": "offers[0].price"})", "88", 1},
      {R"({"json_path": "data.price"})", "99.50", 1},
      {R"({"json_path": "data.list.no"})", "A1", 1},
      {R"j({"regex": "现价[:：]?\\s*(¥?[0-9.,]+)"})j", "¥1,299.00", 1},
      {R"({"regex": "¥[0-9,.]+[0-9]", "group": 0})", "¥1,299.00", 2},
      {R"({"regex": "没有"})", nullptr, 0},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.rule));
    auto json = core::ParseJson(c.rule);
    REQUIRE(json.ok());
    auto rule = ParseRule(*json, "rule");
    REQUIRE(rule.ok());
    auto first = ApplyRule(*rule, input);
    if (c.first == nullptr) {
      CHECK_FALSE(first.has_value());
    } else {
      REQUIRE(first.has_value());
      CHECK(*first == c.first);
    }
    CHECK(ApplyRuleAll(*rule, input).size() == static_cast<size_t>(c.all));
  }
  // Checkout steps read the response body, not the page text.
  RuleInput response;
  response.regex_text = std::string_view("<p>订单号：<b>NO-20261127-1</b></p>");
  auto rule = ParseRule(*core::ParseJson(R"j({"regex": "订单号：<b>([A-Z0-9-]+)"})j"), "r");
  REQUIRE(rule.ok());
  CHECK(ApplyRule(*rule, response) == std::optional<std::string>("NO-20261127-1"));
}

}  // namespace
}  // namespace crawler
