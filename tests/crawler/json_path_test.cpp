// crawler/parse/json_path: the JSON path subset of docs/site-profiles.md, table-driven.
#include "parse/json_path.h"

#include <doctest/doctest.h>

namespace crawler {
namespace {

TEST_CASE("paths find values; arrays without an index give their first element") {
  auto doc = core::ParseJson(R"({"data": {"price": "99.00", "items": [{"price": 12.5},
      {"price": 13}], "ok": true, "none": null},
      "offers": [{"price": "5.29", "priceCurrency": "GBP"}, {"price": "9.56"}],
      "@type": "Product"})");
  REQUIRE(doc.ok());
  struct Case {
    const char* path;
    const char* text;  // nullptr: not found
  };
  const Case cases[] = {
      {"data.price", "99.00"},
      {"$.data.price", "99.00"},
      {"data.items[0].price", "12.5"},
      {"data.items[1].price", "13"},
      {"data.items[2].price", nullptr},
      {"data.items.price", "12.5"},
      {"offers.price", "5.29"},
      {"offers[1].price", "9.56"},
      {"offers.priceCurrency", "GBP"},
      {"@type", "Product"},
      {"data.ok", "true"},
      {"data.none", nullptr},
      {"data.missing", nullptr},
      {"data.price.deeper", nullptr},
      {"data[0]", nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.path));
    auto path = JsonPath::Parse(c.path);
    REQUIRE(path.ok());
    const core::Json* v = path->Find(*doc);
    std::optional<std::string> text = v == nullptr ? std::nullopt : JsonScalarText(*v);
    if (c.text == nullptr) {
      CHECK_FALSE(text.has_value());
    } else {
      REQUIRE(text.has_value());
      CHECK(*text == c.text);
    }
  }
}

TEST_CASE("malformed paths are refused with the offset") {
  struct Case {
    const char* path;
    const char* message;
  };
  const Case cases[] = {
      {"", "empty path"},
      {"$.", "empty path"},
      {"a..b", "unexpected '.' at 2"},
      {"a.", "unexpected end at 2"},
      {"a[x]", "unexpected 'x' at 2"},
      {"a[1", "unexpected end at 3"},
      {"a]", "unexpected ']' at 1"},
      {"a[0]b", "unexpected 'b' at 4"},
      {".a", "unexpected '.' at 0"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.path));
    auto path = JsonPath::Parse(c.path);
    REQUIRE_FALSE(path.ok());
    CHECK(path.status().message() == c.message);
  }
}

}  // namespace
}  // namespace crawler
