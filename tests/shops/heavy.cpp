// The padding of heavy product pages, for the crawl benchmark: what real product pages carry
// around the product (a large stylesheet, an inline state script, an SVG, breadcrumbs in JSON-LD
// and many related-product blocks). Deterministic from the seed and item. No I/O.
#include <string>

#include "core/json.h"
#include "gen/rng.h"
#include "page_layout.h"
#include "pages.h"

namespace shops {
namespace {

uint64_t Hash(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string Hex(gen::Rng& r, int digits) { return r.Chars("0123456789abcdef", 16, digits); }

}  // namespace

HeavyParts MakeHeavyParts(const DemoShop& shop, uint64_t seed) {
  gen::Rng r = gen::Rng::For(seed, 0x4EA7, static_cast<uint64_t>(shop.index));
  HeavyParts p;
  // About 70 KB of stylesheet.
  std::string css = "<style>";
  for (int i = 0; i < 1000; ++i) {
    css += ".c" + std::to_string(i) + "-" + Hex(r, 4) + "{margin:" + std::to_string(i % 9) + "px " +
           std::to_string(i % 13) + "px;color:#" + Hex(r, 6) +
           ";font-size:" + std::to_string(12 + i % 6) + "px}\n";
  }
  css += "</style>";
  // About 75 KB of page state, as frameworks inline it (no "</" inside).
  core::Json state = core::Json::array();
  for (int i = 0; i < 1000; ++i) {
    state.push_back({{"id", Hex(r, 12)},
                     {"pos", i},
                     {"track", "rec_" + Hex(r, 8)},
                     {"w", 200 + static_cast<int>(r.Below(600))}});
  }
  std::string script = "<script>window.__STATE__=" + core::DumpJson(state) +
                       ";(function(){var s=window.__STATE__;for(var i=0;i<s.length;i++)"
                       "{s[i].seen=false}})();</script>";
  core::Json crumbs = {{"@context", "https://schema.org"},
                       {"@type", "BreadcrumbList"},
                       {"itemListElement",
                        {{{"@type", "ListItem"}, {"position", 1}, {"name", shop.name}},
                         {{"@type", "ListItem"}, {"position", 2}, {"name", "全部商品"}}}}};
  p.head =
      css + script + "<script type=\"application/ld+json\">" + core::DumpJson(crumbs) + "</script>";
  // About 55 KB of SVG paths.
  std::string svg =
      "<svg class=\"illustration\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 800 600\">";
  for (int i = 0; i < 900; ++i) {
    svg += "<path fill=\"#" + Hex(r, 6) + "\" d=\"M" + std::to_string(r.Below(800)) + " " +
           std::to_string(r.Below(600)) + "L" + std::to_string(r.Below(800)) + " " +
           std::to_string(r.Below(600)) + "Q" + std::to_string(r.Below(800)) + " " +
           std::to_string(r.Below(600)) + " " + std::to_string(r.Below(800)) + " " +
           std::to_string(r.Below(600)) + "Z\"/>";
  }
  p.svg = svg + "</svg>";
  return p;
}

std::string RelatedProducts(const DemoShop& shop, const DemoShopItem& item) {
  gen::Rng r(Hash(shop.key + "/" + item.sku));
  std::string b = "<section class=\"related\"><h2>看了又看</h2>";
  for (int i = 0; i < 140; ++i) {
    const DemoShopItem& o = shop.items[r.Below(shop.items.size())];
    b += "<div class=\"rel-item c" + std::to_string(i) + "\"><a class=\"rel-link\" href=\"/item/" +
         Escape(o.sku) + "?from=rel\"><img alt=\"" + Escape(o.name) + "\" src=\"/img/" +
         Hex(r, 16) +
         ".jpg\" width=\"160\" height=\"160\" loading=\"lazy\"></a>"
         "<p class=\"rel-name\">" +
         Escape(o.brand) + " " + Escape(o.name) + " " + Escape(o.spec) +
         "</p><p class=\"rel-price\">" + ShopPrice(shop, o.listed_price) +
         "</p><p class=\"rel-meta\">已售 " + std::to_string(r.Below(50000)) + " · 好评率 " +
         std::to_string(90 + r.Below(10)) + "% · " + std::to_string(r.Below(9000)) +
         " 条评价</p></div>";
  }
  return b + "</section>";
}

}  // namespace shops
