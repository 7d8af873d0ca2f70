// Listing and product pages of the demo shops, one markup per style. No I/O.
#include "pages.h"

#include <algorithm>

#include "core/json.h"
#include "page_layout.h"

namespace shops {
namespace {

std::string Freight(const DemoShop& shop) {
  if (!shop.freight_on_product_page) {
    return "<div class=\"delivery\">运费在购物车和结算页计算</div>";
  }
  if (shop.freight_charged == 0) {
    return "<div class=\"delivery\"><span class=\"freight\">包邮</span></div>";
  }
  return "<div class=\"delivery\">运费 <span class=\"freight\">" +
         (shop.style == ShopStyle::kPlain ? "¥" + std::to_string(shop.freight_charged / 100)
                                          : ShopPrice(shop, shop.freight_charged)) +
         "</span></div>";
}

std::string Stock(const DemoShopItem& it) {
  return "<div class=\"stock\">库存 " + std::to_string(it.stock) + " 件</div>";
}

std::string BuyForm(const DemoShop& shop, const DemoShopItem& it, const SessionView& view) {
  if (shop.json_checkout) {
    return "<div class=\"buy\"><input id=\"qty\" value=\"1\"><button id=\"add\" data-sku=\"" +
           Escape(it.sku) + "\">加入购物车</button></div>";
  }
  std::string f = "<form class=\"buy\" method=\"post\" action=\"/cart/add\">";
  f += "<input type=\"hidden\" name=\"sku\" value=\"" + Escape(it.sku) + "\">";
  if (!view.csrf.empty()) {
    f += "<input type=\"hidden\" name=\"csrf\" value=\"" + Escape(view.csrf) + "\">";
  }
  f += "<label>数量 <input name=\"qty\" value=\"1\"></label><button type=\"submit\">加入购物车"
       "</button></form>";
  return f;
}

std::string JsonLdProduct(const DemoShopItem& it) {
  core::Json j = {{"@context", "https://schema.org"},
                  {"@type", "Product"},
                  {"name", it.name},
                  {"sku", it.sku},
                  {"description", it.brand + " " + it.name + " " + it.spec},
                  {"brand", {{"@type", "Brand"}, {"name", it.brand}}},
                  {"offers",
                   {{"@type", "Offer"},
                    {"price", core::FormatCny(it.listed_price)},
                    {"priceCurrency", "CNY"},
                    {"availability", it.stock > 0 ? "https://schema.org/InStock"
                                                  : "https://schema.org/OutOfStock"}}}};
  return "<script type=\"application/ld+json\">" + core::DumpJson(j) + "</script>";
}

std::string ProductMain(const DemoShop& shop, const DemoShopItem& it, const SessionView& view) {
  const std::string name = Escape(it.name);
  const std::string sku = Escape(it.sku);
  const std::string brand =
      "<p class=\"brand\">" + Escape(it.brand) + " · " + Escape(it.spec) + "</p>";
  std::string m;
  switch (shop.style) {
    case ShopStyle::kJsonLd:
      m = JsonLdProduct(it) + "<div class=\"product\"><h1 class=\"product-title\">" + name +
          "</h1>" + brand + "<div class=\"product-price\">" + ShopPrice(shop, it.listed_price) +
          "</div>";
      break;
    case ShopStyle::kMicrodata:
      m = "<div class=\"product\" itemscope itemtype=\"https://schema.org/Product\">"
          "<h1 itemprop=\"name\">" +
          name + "</h1><p>商品编号 <span itemprop=\"sku\">" + sku +
          "</span></p><p class=\"brand\" itemprop=\"brand\" itemscope "
          "itemtype=\"https://schema.org/Brand\"><span itemprop=\"name\">" +
          Escape(it.brand) +
          "</span></p><div class=\"offer\" itemprop=\"offers\" itemscope "
          "itemtype=\"https://schema.org/Offer\"><meta itemprop=\"priceCurrency\" content=\"CNY\">"
          "<span class=\"price\">¥<span itemprop=\"price\" content=\"" +
          core::FormatCny(it.listed_price) + "\">" + core::FormatCny(it.listed_price) +
          "</span></span><link itemprop=\"availability\" href=\"https://schema.org/InStock\">"
          "</div>";
      break;
    case ShopStyle::kPlain:
      m = "<div class=\"goods\"><h1 class=\"title\">" + name +
          "</h1><div class=\"sku\" data-sku=\"" + sku + "\">商品编号：" + sku + "</div>" + brand +
          "<div class=\"price\"><span class=\"label\">现价</span><span class=\"now\">" +
          ShopPrice(shop, it.listed_price) + "</span>";
      if (it.old_price > 0) {
        m += " <span class=\"label\">原价</span><del>" + ShopPrice(shop, it.old_price) + "</del>";
      }
      m += "</div><div class=\"coupon\">领券满减 券后价 " +
           ShopPrice(shop, std::max<core::Fen>(it.listed_price - 1000, 100)) + "</div>";
      break;
    case ShopStyle::kPriceJson:
      m = "<div class=\"goods\" data-sku=\"" + sku + "\"><h1 class=\"title\">" + name + "</h1>" +
          brand +
          "<div class=\"price\"><span class=\"label\">价格</span><span class=\"now\" "
          "id=\"price\">¥--</span></div><script>fetch('/api/price?sku=" +
          sku +
          "').then(function(r){return r.json()}).then(function(j){"
          "document.getElementById('price').textContent='¥'+j.data.price})</script>";
      break;
    case ShopStyle::kGbk:
      m = "<div class=\"goods\"><h1 class=\"title\">" + name +
          "</h1><div class=\"sku\" data-sku=\"" + sku + "\">货号：" + sku + "</div>" + brand +
          "<div class=\"price\">价格：<span class=\"now\">" + ShopPrice(shop, it.listed_price) +
          "</span></div>";
      break;
    case ShopStyle::kListing:
      m = "<div class=\"item-detail\" data-sku=\"" + sku + "\"><h1 class=\"item-name\">" + name +
          "</h1><p class=\"item-sku\">" + sku + "</p>" + brand +
          "<p class=\"price-box\">到手价 <strong class=\"price-now\">" +
          ShopPrice(shop, it.listed_price) + "</strong></p>";
      break;
    case ShopStyle::kSession:
      m = "<div class=\"goods\"><h1 class=\"title\">" + name +
          "</h1><div class=\"sku\" data-sku=\"" + sku + "\">商品编号：" + sku + "</div>" + brand +
          "<div class=\"price\">";
      if (view.logged_in) {
        m += "<span class=\"label\">会员价</span><span class=\"now\">" +
             ShopPrice(shop, it.member_price) + "</span></div>";
      } else {
        m += "<span class=\"label\">售价</span><span class=\"now\">" +
             ShopPrice(shop, it.listed_price) +
             "</span></div><p class=\"member-hint\"><a href=\"/account/login\">登录</a>"
             "查看会员价</p>";
      }
      break;
  }
  m += Freight(shop) + Stock(it) + BuyForm(shop, it, view) + "</div>";
  return m;
}

}  // namespace

int ListingPages(const DemoShop& shop) {
  const int n = static_cast<int>(shop.items.size());
  return std::max(1, (n + shop.page_size - 1) / shop.page_size);
}

std::string ListingPage(const DemoShop& shop, int page) {
  const int pages = ListingPages(shop);
  std::string b = "<h1 class=\"listing-title\">全部商品</h1><ul class=\"products\">";
  const size_t first = static_cast<size_t>(std::max(page - 1, 0)) * shop.page_size;
  for (size_t i = first; i < shop.items.size() && i < first + shop.page_size; ++i) {
    const DemoShopItem& it = shop.items[i];
    b += "<li class=\"product\"><a class=\"product-link\" href=\"/item/" + Escape(it.sku) + "\">" +
         Escape(it.name) + "</a> <span class=\"list-price\">" + ShopPrice(shop, it.listed_price) +
         "</span></li>";
  }
  b += "</ul><div class=\"pager\">";
  if (page > 1) {
    b += "<a class=\"prev\" href=\"/list?page=" + std::to_string(page - 1) + "\">上一页</a>";
  }
  b += "<span class=\"page\">第 " + std::to_string(page) + " / " + std::to_string(pages) +
       " 页</span>";
  if (page < pages) {
    b += "<a class=\"next\" href=\"/list?page=" + std::to_string(page + 1) + "\">下一页</a>";
  }
  b += "</div>";
  return Layout(shop, "全部商品", "", b);
}

std::string ProductPage(const DemoShop& shop, const DemoShopItem& item, const SessionView& view,
                        const HeavyParts* heavy) {
  std::string body = ProductMain(shop, item, view);
  std::string head;
  if (heavy) {
    head = heavy->head;
    body += heavy->svg + RelatedProducts(shop, item);
  }
  return Layout(shop, item.name, head, body);
}

}  // namespace shops
