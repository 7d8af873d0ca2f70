// crawler/parse/extract: ExtractProduct / ExtractLinks, table-driven, and over the real pages of
// ../shared/testdata/schema-org with expected prices; truncated and mangled input.
#include "parse/extract.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "parse/structured.h"
#include "schema_org_samples.h"

namespace crawler {
namespace {

namespace fs = std::filesystem;
using core::Json;

const fs::path kSamples = fs::path(PATROL_SCHEMA_ORG_TESTDATA) / "samples";

struct ExtractCase {
  const char* name;
  const char* html;
  std::optional<int64_t> price;
  const char* currency;
  const char* price_source;
  std::optional<int64_t> old_price;
  std::optional<int64_t> freight;
};

TEST_CASE("ExtractProduct without a profile: structured data first, then the visible text") {
  const ExtractCase cases[] = {
      {"json-ld beats a decoy in the text",
       R"(<script type="application/ld+json">{"@type":"Product","name":"A","offers":
          {"price":"119.99","priceCurrency":"USD"}}</script><h1>A</h1><p>Regular price: $179.99</p>)",
       11999, "USD", "json-ld", std::nullopt, std::nullopt},
      {"microdata with a content attribute",
       R"(<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">B</h1>
          <div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
          <span itemprop="price" content="13.00">$13.00</span>
          <meta itemprop="priceCurrency" content="USD"></div></div>)",
       1300, "USD", "microdata", std::nullopt, std::nullopt},
      {"opengraph product price",
       R"(<head><meta property="og:title" content="C"><meta property="product:price:amount"
          content="17.99"><meta property="product:price:currency" content="USD"></head>)",
       1799, "USD", "opengraph", std::nullopt, std::nullopt},
      {"现价 over 原价, 运费 from the page",
       R"(<div class="item"><h1>面霜</h1><p>原价 ¥199.00</p><p>现价 ¥149.00</p>
          <p>已售 1200 件 · 评价 3568 条</p></div><div class="ship">运费 ¥10</div>)",
       14900, "CNY", "text", 19900, 1000},
      {"a struck-through price is the old one",
       R"(<div><h1>精华</h1><span><del>¥1,599.00</del> ¥1,299.00</span> 包邮</div>)", 129900, "CNY",
       "text", 159900, 0},
      {"the product box wins over recommendations",
       R"(<div class="main"><div><h1>奶粉</h1></div><div class="buy">售价：￥268.00</div></div>
          <div class="recs"><h2>猜你喜欢</h2><p>¥9.90</p><p>¥19.90</p></div>)",
       26800, "CNY", "text", std::nullopt, std::nullopt},
      {"an element classed price, bare amount",
       R"(<div class="goods"><span class="sku">SKU 20261127</span>
          <span class="goods-price">1299元</span></div>)",
       129900, "CNY", "text", std::nullopt, std::nullopt},
      {"a decoy price hidden with display:none is not read",
       R"(<div><h1>面膜</h1><span style="display:none">¥1.00</span><b>¥59.00</b></div>)", 5900,
       "CNY", "text", std::nullopt, std::nullopt},
      {"no price at all", R"(<h1>Nothing</h1><p>Call us at 400-800-1234</p>)", std::nullopt, "", "",
       std::nullopt, std::nullopt},
  };
  for (const ExtractCase& c : cases) {
    CAPTURE(std::string(c.name));
    ExtractedProduct p = ExtractProduct(c.html, "http://127.0.0.1:18081/item/1", nullptr);
    CHECK(p.price == c.price);
    CHECK(p.currency == c.currency);
    CHECK(p.price_source == c.price_source);
    CHECK(p.old_price == c.old_price);
    CHECK(p.freight == c.freight);
    if (c.price) {
      bool listed = false;
      for (const PriceCandidate& cand : p.candidates) {
        listed = listed || (cand.hundredths == *c.price && cand.source == c.price_source);
      }
      CHECK(listed);
    }
  }
}

TEST_CASE("profile rules come first; fields they miss fall back to generic extraction") {
  auto profile = ParseSiteProfile(R"json({"name": "shop", "allowed_hosts": ["127.0.0.1:18081"],
      "start_urls": ["http://127.0.0.1:18081/"], "product_url": "^/item/[0-9]+$",
      "listing": {"product_link": [{"css": "a.product-link", "attr": "href"}],
                  "next_page": [{"css": "a.next", "attr": "href"}]},
      "fields": {"name": [{"css": "h1.title"}],
                 "sku": [{"css": "[data-sku]", "attr": "data-sku"}],
                 "price": [{"css": ".price .missing"}, {"regex": "现价[:：]?\\s*(¥?[0-9.,]+)"}],
                 "old_price": [{"css": ".price del"}],
                 "freight": [{"css": ".freight"}],
                 "stock": [{"css": ".stock"}],
                 "currency": [{"json_ld": "offers.priceCurrency"}]}})json");
  REQUIRE(profile.ok());
  const char* html = R"(<html><head><script type="application/ld+json">
      {"@type": "Product", "name": "LD name", "offers": {"price": "1.00", "priceCurrency": "CNY"}}
      </script></head><body><h1 class="title">河南保税 面霜</h1><div data-sku="SKU-7"></div>
      <div class="price">现价：¥1,299.00 <del>¥1,599.00</del></div>
      <div class="freight">包邮</div><div class="stock">库存 0 件</div>
      <a class="product-link" href="/item/2">2</a><a class="product-link" href="/item/2#x">2</a>
      <a class="product-link" href="http://evil.example/item/3">3</a>
      <a class="next" href="?page=2">next</a></body></html>)";
  ExtractedProduct p = ExtractProduct(html, "http://127.0.0.1:18081/item/1", &*profile);
  CHECK(p.name == "河南保税 面霜");
  CHECK(p.name_source == "profile");
  CHECK(p.sku == "SKU-7");
  CHECK(p.price == 129900);
  CHECK(p.price_source == "profile");
  CHECK(p.currency == "CNY");
  CHECK(p.currency_source == "profile");
  CHECK(p.old_price == 159900);
  CHECK(p.freight == 0);
  CHECK(p.free_shipping);
  CHECK(p.in_stock == false);
  // The JSON-LD price stays visible as a candidate for the patrol's explanation.
  bool ld_seen = false;
  for (const PriceCandidate& c : p.candidates) ld_seen = ld_seen || c.source == "json-ld";
  CHECK(ld_seen);
  Json j = ExtractedProductJson(p);
  CHECK(j["price"] == 129900);
  CHECK(j["sources"]["price"] == "profile");

  ExtractedLinks links = ExtractLinks(html, "http://127.0.0.1:18081/list", &*profile);
  CHECK(links.product_links == std::vector<std::string>{"http://127.0.0.1:18081/item/2"});
  CHECK(links.next_pages == std::vector<std::string>{"http://127.0.0.1:18081/list?page=2"});
}

TEST_CASE("without a profile, listing links are the same-origin anchors, after <base href>") {
  const char* html = R"html(<head><base href="/shop/"></head><body><a href="item/1">1</a>
      <a href="http://127.0.0.1:18081/shop/item/2">2</a><a href="http://127.0.0.1:9/x">other</a>
      <a href="javascript:void(0)">js</a><a href="mailto:a@b.cn">mail</a><a>no href</a></body>)html";
  ExtractedLinks links = ExtractLinks(html, "http://127.0.0.1:18081/list", nullptr);
  CHECK(links.product_links == std::vector<std::string>{"http://127.0.0.1:18081/shop/item/1",
                                                        "http://127.0.0.1:18081/shop/item/2"});
  CHECK(links.next_pages.empty());
}

TEST_CASE("a profile without link rules takes the allowed anchors whose path is a product's") {
  auto profile = ParseSiteProfile(R"({"name": "s", "allowed_hosts": ["127.0.0.1:18081"],
      "start_urls": ["http://127.0.0.1:18081/"], "product_url": "^/item/[0-9]+$"})");
  REQUIRE(profile.ok());
  ExtractedLinks links = ExtractLinks(R"(<a href="/item/7">7</a><a href="/about">about</a>
      <a href="/item/7?ref=x">7 again</a><a href="http://127.0.0.1:18082/item/8">other shop</a>
      <a href="/item/9">9</a>)",
                                      "http://127.0.0.1:18081/list", &*profile);
  CHECK(links.product_links ==
        std::vector<std::string>{"http://127.0.0.1:18081/item/7", "http://127.0.0.1:18081/item/9"});
}

TEST_CASE("schema-org samples: every page with an expected price gives it, with its currency") {
  const auto pages = testing::LoadExpectedPrices(PATROL_SCHEMA_ORG_TESTDATA);
  REQUIRE(pages.size() >= 9);
  for (const auto& page : pages) {
    CAPTURE(page.html_path);
    std::string html = testing::ReadFileOrEmpty(kSamples / page.html_path);
    REQUIRE_FALSE(html.empty());
    ExtractedProduct p = ExtractProduct(html, "http://www.example.com/" + page.html_path, nullptr);
    CHECK(p.price == page.price.hundredths);
    CHECK(p.currency == page.currency);
  }
}

}  // namespace
}  // namespace crawler

namespace crawler {
namespace {

TEST_CASE("truncated and mangled input never crashes the readers") {
  // Every prefix of a malformed JSON-LD script and of a product page (cut mid-tag, mid-string,
  // mid-comment), and the page with its bytes rotated, as a small deterministic fuzz.
  const std::string script =
      testing::ReadFileOrEmpty(kSamples / "custom.invalid" / "JSONLD_with_JS_comment.html");
  REQUIRE_FALSE(script.empty());
  int parsed = 0;
  for (size_t n = 0; n <= script.size(); ++n) {
    HtmlDocument doc(std::string_view(script).substr(0, n));
    parsed += static_cast<int>(ReadStructuredData(doc).json_ld.size());
    (void)ParseLenientJson(std::string_view(script).substr(n));
  }
  CHECK(parsed > 0);
  const std::string page = testing::ReadFileOrEmpty(kSamples / "schema.org" / "product-ref.html");
  REQUIRE_FALSE(page.empty());
  int priced = 0;
  for (size_t n = 0; n <= page.size(); n += 7) {
    ExtractedProduct p = ExtractProduct(std::string_view(page).substr(0, n), "http://x/", nullptr);
    priced += p.price ? 1 : 0;
    std::string mangled = page;
    for (size_t i = n % 13; i < mangled.size(); i += 13) {
      mangled[i] = static_cast<char>(mangled[i] ^ static_cast<char>(0x80 | (n & 0x7F)));
    }
    (void)ExtractProduct(mangled, "http://x/", nullptr);
  }
  CHECK(priced > 0);
  const std::string selector = "div#a.b > [x^='y]'] li:nth-child(2), a[href*=\"q\"]:last-child";
  for (size_t n = 0; n <= selector.size(); ++n) {
    (void)Selector::Parse(selector.substr(0, n));
    (void)JsonPath::Parse(std::string_view("$.a[0].b[12].c").substr(0, n % 15));
  }
}

}  // namespace
}  // namespace crawler

namespace crawler {
namespace {

TEST_CASE("name, SKU and stock come from the first source that has them") {
  struct Case {
    const char* html;
    const char* name;
    const char* name_source;
    const char* sku;
    std::optional<bool> in_stock;
  };
  const Case cases[] = {
      {R"(<script type="application/ld+json">{"@type": "Product", "name": "LD", "sku": "S1",
          "offers": {"price": "1", "availability": "https://schema.org/OutOfStock"}}</script>
          <meta property="og:title" content="OG"><h1>H1</h1>)",
       "LD", "json-ld", "S1", false},
      {R"(<meta property="og:title" content="OG"><h1>H1</h1>)", "OG", "opengraph", "",
       std::nullopt},
      {R"(<h1> H1
          title </h1>)",
       "H1 title", "text", "", std::nullopt},
      {R"(<div itemscope itemtype="https://schema.org/Product"><b itemprop="name">MD</b>
          <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
          <meta itemprop="sku" content="S2"><meta itemprop="price" content="3">
          <link itemprop="availability" href="https://schema.org/InStock"></div></div>)",
       "MD", "microdata", "S2", true},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.html));
    ExtractedProduct p = ExtractProduct(c.html, "http://x/", nullptr);
    CHECK(p.name == c.name);
    CHECK(p.name_source == c.name_source);
    CHECK(p.sku == c.sku);
    CHECK(p.in_stock == c.in_stock);
  }
}

}  // namespace
}  // namespace crawler
