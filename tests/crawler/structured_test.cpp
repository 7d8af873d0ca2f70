// crawler/parse/structured and lenient_json: JSON-LD as real sites write it, microdata (against
// extruct's readings of the W3C and schema.org samples), OpenGraph, products and offers.
#include "parse/structured.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "parse/extract.h"
#include "schema_org_samples.h"

namespace crawler {
namespace {

namespace fs = std::filesystem;
using core::Json;

const fs::path kSamples = fs::path(PATROL_SCHEMA_ORG_TESTDATA) / "samples";

TEST_CASE("lenient JSON-LD reading accepts what real sites emit") {
  struct Case {
    const char* text;
    const char* json;  // expected, as strict JSON; nullptr: refused
  };
  const Case cases[] = {
      {R"({"a": 1})", R"({"a": 1})"},
      {"// comment\n{\"a\": 1, // trailing\n \"b\": \"http://x/y\"}",
       R"({"a":1,"b":"http://x/y"})"},
      {"/* block */ {\"a\": /* inner */ 2}", R"({"a": 2})"},
      {"<!-- hidden -->\n{\"a\": \"<!-- kept -->\"}", R"({"a": "<!-- kept -->"})"},
      {"<![CDATA[ {\"a\": 3} ]]>", R"({"a": 3})"},
      {"{\"a\": \"line 1\n\tline 2\"}", R"({"a": "line 1\n\tline 2"})"},
      {R"({"a": [1, 2,], "b": {"c": 1,},})", R"({"a": [1, 2], "b": {"c": 1}})"},
      {R"({"a": 1} {"b": 2})", R"([{"a": 1}, {"b": 2}])"},
      {R"({"a": 1}, {"b": 2})", R"([{"a": 1}, {"b": 2}])"},
      {R"({"a": "it\'s"})", R"({"a": "it's"})"},
      {"null", "null"},
      {"{\"a\": }", nullptr},
      {"", nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.text));
    auto parsed = ParseLenientJson(c.text);
    if (c.json == nullptr) {
      CHECK_FALSE(parsed.ok());
      continue;
    }
    REQUIRE(parsed.ok());
    auto expected = core::ParseJson(c.json);
    REQUIRE(expected.ok());
    CHECK(*parsed == *expected);
  }
}

TEST_CASE("JSON-LD products: @graph, arrays, offers as object or array, price as text or number") {
  HtmlDocument doc(R"(<html><head>
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebPage", "name": "page"},
      {"@type": ["Product", "Thing"], "name": "Cream", "sku": "C-1",
       "offers": [{"@type": "Offer", "price": 119.99, "priceCurrency": "USD",
                   "availability": "https://schema.org/InStock"},
                  {"@type": "Offer", "price": "99.00", "priceCurrency": "USD"}]}]}</script>
    <script type="application/ld+json">[{"@type": "Product", "name": "Other",
      "offers": {"@type": "AggregateOffer", "lowPrice": "5.29", "highPrice": "9.56",
                 "priceCurrency": "GBP"}}, null]</script>
    <script type="application/ld+json">{ this is not json </script>
  </head><body></body></html>)");
  StructuredData data = ReadStructuredData(doc);
  CHECK(data.json_ld.size() == 2);
  CHECK(data.json_ld_unreadable == 1);
  REQUIRE(data.products.size() == 2);
  const StructuredProduct& cream = data.products[0];
  CHECK(cream.source == "json-ld");
  CHECK(cream.type == "Product");
  CHECK(cream.name == "Cream");
  CHECK(cream.sku == "C-1");
  REQUIRE(cream.offers.size() == 2);
  CHECK(cream.offers[0].price == "119.99");
  CHECK(cream.offers[0].currency == "USD");
  CHECK(cream.offers[1].price == "99.00");
  const StructuredProduct& other = data.products[1];
  REQUIRE(other.offers.size() == 1);
  CHECK(other.offers[0].type == "AggregateOffer");
  CHECK(other.offers[0].price == "5.29");
  CHECK(other.offers[0].high_price == "9.56");
}

TEST_CASE("microdata items: nested items, itemref, element values, several values") {
  HtmlDocument doc(R"(<body>
    <div itemscope itemtype="http://schema.org/Product" itemref="extra">
      <h1 itemprop="name">  Panasonic
         Fridge </h1>
      <a itemprop="url" href="/p/1">link</a>
      <meta itemprop="sku" content="PF-60">
      <div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
        <span itemprop="price" content="1299.00">¥1,299</span>
        <meta itemprop="priceCurrency" content="CNY">
        <link itemprop="availability" href="http://schema.org/InStock">
      </div>
      <meter itemprop="rating" value="3.5">3.5/5</meter>
      <time itemprop="releaseDate" datetime="2026-01-02">Jan 2</time>
      <data itemprop="gtin" value="123">one two three</data>
      <span itemprop="tag">a</span><span itemprop="tag">b</span>
    </div>
    <p id="extra" itemprop="brand">Panasonic</p>
    <div id="loop" itemscope itemref="loop"><span itemprop="x">1</span></div>
  </body>)");
  REQUIRE(doc.microdata_roots().size() == 2);
  Json item = MicrodataItem(doc, doc.microdata_roots()[0]);
  auto expected = core::ParseJson(R"({"@type": "Product", "name": "Panasonic Fridge",
      "url": "/p/1", "sku": "PF-60", "brand": "Panasonic", "rating": "3.5",
      "releaseDate": "2026-01-02", "gtin": "123", "tag": ["a", "b"],
      "offers": {"@type": "Offer", "price": "1299.00", "priceCurrency": "CNY",
                 "availability": "http://schema.org/InStock"}})");
  REQUIRE(expected.ok());
  CHECK(item == *expected);
  Json loop = MicrodataItem(doc, doc.microdata_roots()[1]);
  CHECK(loop["x"] == "1");  // an itemref to itself ends
}

// extruct's microdata shape ({"type": [...], "properties": {"k": [v, ...]}}) in ours
// ({"@type": "Last", "k": v or [v, ...]}).
Json FromExtruct(const Json& item) {
  if (!item.is_object() || !(item.contains("properties") || item.contains("type"))) return item;
  Json out = Json::object();
  if (item.contains("type")) {
    const Json& types = item["type"];
    const Json& first = types.is_array() ? types[0] : types;
    std::string t = first.is_string() ? first.get<std::string>() : "";
    out["@type"] = t.substr(t.find_last_of("/#") + 1);
  }
  if (item.contains("id")) out["@id"] = item["id"];
  if (!item.contains("properties")) return out;  // extruct's "value" (the text) is not kept
  for (auto it = item["properties"].begin(); it != item["properties"].end(); ++it) {
    if (!it->is_array()) {
      out[it.key()] = FromExtruct(*it);
    } else if (it->size() == 1) {
      out[it.key()] = FromExtruct((*it)[0]);
    } else {
      Json values = Json::array();
      for (const Json& v : *it) values.push_back(FromExtruct(v));
      out[it.key()] = values;
    }
  }
  return out;
}

// Equal, except that extruct resolves relative URLs against the page's address while we keep
// them as written (the crawler resolves links itself): "http://x/dir/foo" matches "foo".
bool SameItem(const Json& ours, const Json& expected, std::string* where) {
  if (expected.is_string() && ours.is_string()) {
    const std::string& e = expected.get_ref<const std::string&>();
    const std::string& o = ours.get_ref<const std::string&>();
    if (e == o) return true;
    if (e.rfind("http", 0) == 0 && !o.empty() && e.size() >= o.size() &&
        e.compare(e.size() - o.size(), o.size(), o) == 0) {
      return true;
    }
    *where += " '" + o + "' vs '" + e + "'";
    return false;
  }
  if (expected.type() != ours.type() || expected.size() != ours.size()) {
    *where += " " + core::DumpJson(ours) + " vs " + core::DumpJson(expected);
    return false;
  }
  if (expected.is_array()) {
    for (size_t i = 0; i < expected.size(); ++i) {
      if (!SameItem(ours[i], expected[i], where)) return false;
    }
    return true;
  }
  if (expected.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      if (!ours.contains(it.key())) {
        *where += " missing " + it.key();
        return false;
      }
      if (!SameItem(ours[it.key()], *it, where)) {
        *where = "." + it.key() + *where;
        return false;
      }
    }
    return true;
  }
  return ours == expected;
}

TEST_CASE("microdata of the W3C and schema.org samples reads as extruct reads it") {
  int compared = 0;
  for (const char* dir : {"w3c", "schema.org"}) {
    for (const auto& entry : fs::directory_iterator(kSamples / dir)) {
      const std::string file = entry.path().filename().string();
      if (entry.path().extension() != ".json" || file.find("flat") != std::string::npos ||
          file.find("withtext") != std::string::npos ||
          file.find("custom_url") != std::string::npos ||
          file == "SearchAction.001.json") {  // extruct's own reading of <input> elements
        continue;
      }
      fs::path html_path = entry.path();
      html_path.replace_extension(".html");
      if (!fs::exists(html_path)) continue;
      CAPTURE(file);
      auto expected = core::ParseJson(testing::ReadFileOrEmpty(entry.path()));
      REQUIRE(expected.ok());
      std::string html = testing::ReadFileOrEmpty(html_path);
      HtmlDocument doc(html);
      Json ours = ReadStructuredData(doc).microdata;
      Json theirs = Json::array();
      for (const Json& item : *expected) theirs.push_back(FromExtruct(item));
      std::string where;
      CHECK_MESSAGE(SameItem(ours, theirs, &where), where);
      ++compared;
    }
  }
  CHECK(compared >= 20);
}

TEST_CASE("schema-org samples: every page parses; JSON-LD matches the expected objects") {
  int pages = 0;
  int compared = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kSamples)) {
    if (entry.path().extension() != ".html") continue;
    CAPTURE(entry.path().string());
    ++pages;
    std::string html = testing::ReadFileOrEmpty(entry.path());
    HtmlDocument doc(html);
    StructuredData data = ReadStructuredData(doc);
    ExtractedProduct p = ExtractProduct(doc, nullptr);
    for (const PriceCandidate& c : p.candidates) CHECK_FALSE(c.source.empty());
    ExtractedLinks links = ExtractLinks(doc, "http://www.example.com/page", nullptr);
    for (const std::string& link : links.product_links) {
      CHECK(link.rfind("http://www.example.com/", 0) == 0);
    }
    CHECK(data.json_ld_unreadable == 0);
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".jsonld");
    if (!fs::exists(expected_path)) continue;
    auto expected = core::ParseJson(testing::ReadFileOrEmpty(expected_path));
    REQUIRE(expected.ok());
    CHECK(Json(data.json_ld) == *expected);
    ++compared;
  }
  CHECK(pages == 50);
  CHECK(compared >= 8);
}

}  // namespace
}  // namespace crawler
