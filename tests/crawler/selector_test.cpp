// crawler/parse/selector: the CSS subset of docs/site-profiles.md, table-driven over one page.
#include "parse/selector.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/html_document.h"

namespace crawler {
namespace {

constexpr char kPage[] = R"(<!doctype html><html><body>
<div id="main" class="product box">
  <h1 id="t" class="title">商品 A</h1>
  <div id="p" class="price">
    <span id="now" class="now" data-sku="SKU-1">¥1,299.00</span>
    <del id="old">¥1,599.00</del>
  </div>
  <ul id="list">
    <li id="l1"><a id="a1" class="product-link" href="/item/1">one</a></li>
    <li id="l2"><a id="a2" class="product-link x" href="/item/2" rel="next page">two</a></li>
    <li id="l3"><a id="a3" href="https://other.example/item/3">three</a></li>
  </ul>
  <input id="csrf" name="csrf" type="hidden" value="tok123">
  <table class="orders"><tr id="r1"><td id="n1" class="no">A1</td></tr>
    <tr id="r2"><td id="n2" class="no">A2</td></tr></table>
</div>
<p id="foot" class="price-note">x</p>
<my-widget id="w" class="price"></my-widget>
</body></html>)";

std::string Ids(const std::vector<const GumboNode*>& nodes) {
  std::string out;
  for (const GumboNode* n : nodes) {
    if (!out.empty()) out += ",";
    auto id = Attr(n, "id");
    out += id ? std::string(*id) : TagName(n);
  }
  return out;
}

TEST_CASE("selectors match what a browser's querySelectorAll matches, in document order") {
  HtmlDocument doc(kPage);
  struct Case {
    const char* selector;
    const char* ids;
  };
  const Case cases[] = {
      {"h1", "t"},
      {"H1.title", "t"},
      {"#now", "now"},
      {".price", "p,w"},
      {".product.box", "main"},
      {".product.missing", ""},
      {"div .now", "now"},
      {"#main > .price > span", "now"},
      {"#main > span", ""},
      {"[data-sku]", "now"},
      {"[data-sku=SKU-1]", "now"},
      {"[data-sku=\"SKU-1\"]", "now"},
      {"[data-sku='SKU-2']", ""},
      {"a[href^=\"/item/\"]", "a1,a2"},
      {"a[href$=3]", "a3"},
      {"a[href*=other]", "a3"},
      {"a[rel*=next]", "a2"},
      {"input[name=csrf]", "csrf"},
      {"li:first-child a", "a1"},
      {"li:last-child > a", "a3"},
      {"li:nth-child(2)", "l2"},
      {"li:nth-child(odd)", "l1,l3"},
      {"table.orders tr:first-child td.no", "n1"},
      {"a.product-link, h1", "t,a1,a2"},
      {"my-widget", "w"},
      {"*#foot", "foot"},
      {"p.price", ""},
      {"[class^=price-]", "foot"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.selector));
    auto sel = Selector::Parse(c.selector);
    REQUIRE(sel.ok());
    CHECK(Ids(sel->All(doc.root())) == c.ids);
    const GumboNode* first = sel->First(doc.root());
    CHECK((first == nullptr) == (std::string(c.ids).empty()));
  }
}

TEST_CASE("a bad selector is refused with the offset of the offending character") {
  struct Case {
    const char* selector;
    const char* message;
  };
  const Case cases[] = {
      {"", "empty selector"},
      {"   ", "empty selector"},
      {".price ]", "unexpected ']' at 7"},
      {"a[href", "unexpected end at 6"},
      {"a[href=]", "unexpected ']' at 7"},
      {"a[href~=x]", "unexpected '~' at 6"},
      {"a >", "unexpected end at 3"},
      {"a,", "unexpected end at 2"},
      {"div + p", "unexpected '+' at 4"},
      {"li:nth-child(0)", "unexpected '0' at 13"},
      {"li:nth-child(2", "unexpected end at 14"},
      {"a:hover", "unsupported pseudo-class ':hover' at 2"},
      {".", "unexpected end at 1"},
      {"#", "unexpected end at 1"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.selector));
    auto sel = Selector::Parse(c.selector);
    REQUIRE_FALSE(sel.ok());
    CHECK(sel.status().code() == core::StatusCode::kInvalidArgument);
    CHECK(sel.status().message() == c.message);
  }
}

TEST_CASE("visible text skips scripts, styles and svg and separates blocks") {
  HtmlDocument doc(R"(<body><div id=x>A <b>b</b>
    <script>var p = "¥9";</script><style>.a{}</style><svg><text>svg</text></svg>
    <p>para&nbsp;one</p>two<br>three<template>tpl</template><noscript>ns</noscript>
    <del>¥5</del><span style="DISPLAY: none">¥1</span><i style="visibility:hidden">h</i>
    <p hidden>hidden</p></div></body>)");
  std::vector<TextRange> struck;
  auto sel = Selector::Parse("#x");
  REQUIRE(sel.ok());
  std::string text = VisibleText(sel->First(doc.root()), &struck);
  CHECK(text == "A b\npara one\ntwo\nthree ¥5");
  REQUIRE(struck.size() == 1);
  CHECK(text.substr(struck[0].first, struck[0].second - struck[0].first).find("¥5") !=
        std::string::npos);
}

}  // namespace
}  // namespace crawler
