// Site profiles of the demo shops, written to the contract of docs/site-profiles.md. No I/O.
#include "profiles.h"

namespace shops {
namespace {

using core::Json;

Json Css(const std::string& selector, const std::string& attr = "") {
  Json r = {{"css", selector}};
  if (!attr.empty()) r["attr"] = attr;
  return r;
}

Json Fields(const DemoShop& shop) {
  Json f = Json::object();
  switch (shop.style) {
    case ShopStyle::kJsonLd:
      f["name"] = {{{"json_ld", "name"}}, Css("h1.product-title")};
      f["sku"] = {{{"json_ld", "sku"}}};
      f["price"] = {{{"json_ld", "offers.price"}}, Css(".product-price")};
      f["currency"] = {{{"json_ld", "offers.priceCurrency"}}};
      break;
    case ShopStyle::kMicrodata:
      f["name"] = {Css("h1[itemprop=name]")};
      f["sku"] = {Css("[itemprop=sku]")};
      f["price"] = {Css("[itemprop=price]", "content")};
      f["currency"] = {Css("meta[itemprop=priceCurrency]", "content")};
      break;
    case ShopStyle::kPlain:
    case ShopStyle::kGbk:
    case ShopStyle::kSession:
      f["name"] = {Css("h1.title")};
      f["sku"] = {Css("[data-sku]", "data-sku")};
      f["price"] = {Css(".price .now")};
      if (shop.style == ShopStyle::kPlain) f["old_price"] = {Css(".price del")};
      break;
    case ShopStyle::kPriceJson:
      // The page only holds a placeholder: the price comes from fetch.price_json.
      f["name"] = {Css("h1.title")};
      f["sku"] = {Css("[data-sku]", "data-sku")};
      break;
    case ShopStyle::kListing:
      f["name"] = {Css("h1.item-name")};
      f["sku"] = {Css("[data-sku]", "data-sku")};
      f["price"] = {Css(".price-box .price-now")};
      break;
  }
  if (shop.freight_on_product_page) f["freight"] = {Css(".delivery .freight")};
  f["stock"] = {Css(".stock")};
  return f;
}

Json Step(const std::string& name, const std::string& method, const std::string& url) {
  return {{"name", name}, {"method", method}, {"url", url}};
}

Json Checkout(const DemoShop& shop) {
  Json steps = Json::array();
  Json product = Step("product page", "GET", "{product_url}");
  if (shop.csrf) product["capture"] = {{"csrf", Css("input[name=csrf]", "value")}};
  steps.push_back(product);
  if (shop.json_checkout) {
    Json add = Step("add to cart", "POST", "/api/cart");
    add["json"] = {{"sku", "{sku}"}, {"qty", "{quantity}"}};
    add["expect_status"] = {200};
    add["check"] = {{{"contains", "\"ok\":true"}}};
    steps.push_back(add);
    Json pay = Step("checkout", "POST", "/api/checkout");
    pay["json"] = {{"name", "{buyer.name}"},
                   {"id_number", "{buyer.id_number}"},
                   {"phone", "{buyer.phone}"},
                   {"address", "{buyer.address}"}};
    pay["expect_status"] = {200};
    pay["capture"] = {{"order_no", {{"json_path", "order.no"}}}};
    steps.push_back(pay);
    return {{"steps", steps},
            {"totals",
             {{"from", "checkout"},
              {"order_no", {{{"json_path", "order.no"}}}},
              {"goods", {{{"json_path", "order.goods"}}}},
              {"freight", {{{"json_path", "order.freight"}}}},
              {"tax", {{{"json_path", "order.tax"}}}},
              {"total", {{{"json_path", "order.total"}}}}}}};
  }
  if (shop.login_required) {
    Json login = Step("login", "POST", "/account/login");
    login["form"] = {{"name", "{buyer.name}"}, {"phone", "{buyer.phone}"}, {"csrf", "{csrf}"}};
    login["expect_status"] = {200, 303};
    steps.push_back(login);
  }
  Json add = Step("add to cart", "POST", "/cart/add");
  add["form"] = {{"sku", "{sku}"}, {"qty", "{quantity}"}};
  if (shop.csrf) add["form"]["csrf"] = "{csrf}";
  add["expect_status"] = {200, 303};
  add["check"] = {{{"contains", "提交订单"}}};
  steps.push_back(add);
  Json pay = Step("checkout", "POST", "/checkout");
  pay["form"] = {{"name", "{buyer.name}"},
                 {"id_number", "{buyer.id_number}"},
                 {"phone", "{buyer.phone}"},
                 {"address", "{buyer.address}"}};
  if (shop.csrf) pay["form"]["csrf"] = "{csrf}";
  pay["expect_status"] = {200, 303};
  pay["check"] = {{{"contains", "下单成功"}}};
  steps.push_back(pay);
  std::string from = "checkout";
  if (!shop.order_no_on_success) {
    Json history = Step("order history", "GET", "/account/orders");
    history["expect_status"] = {200};
    history["capture"] = {{"order_no", Css("section.orders .order-no")}};
    steps.push_back(history);
    from = "order history";
  }
  // The first match is the newest order (history lists newest first).
  return {{"steps", steps},
          {"totals",
           {{"from", from},
            {"order_no", {Css(".order-no")}},
            {"goods", {Css("table.totals tr.subtotal td.amount")}},
            {"freight", {Css("table.totals tr.shipping td.amount")}},
            {"tax", {Css("table.totals tr.tax td.amount")}},
            {"total", {Css("table.totals tr.total td.amount")}}}}};
}

}  // namespace

Json Profile(const DemoShop& shop, const std::string& origin) {
  std::string host = origin;
  const size_t scheme = host.find("://");
  if (scheme != std::string::npos) host = host.substr(scheme + 3);
  if (!host.empty() && host.back() == '/') host.pop_back();
  Json p = {
      {"profile_version", 1},
      {"name", shop.name},
      {"allowed_hosts", {host}},
      {"start_urls", {origin + "/"}},
      {"listing",
       {{"product_link", {Css("a.product-link", "href")}}, {"next_page", {Css("a.next", "href")}}}},
      {"product_url", "^/item/[A-Za-z0-9-]+$"},
      {"charset", shop.style == ShopStyle::kGbk ? "gbk" : "auto"},
      {"fields", Fields(shop)},
      {"checkout", Checkout(shop)}};
  if (shop.style == ShopStyle::kPriceJson) {
    p["fetch"] = {{"price_json", {{"url", "/api/price?sku={sku}"}, {"json_path", "data.price"}}}};
  }
  return p;
}

std::string ProfileJson(const DemoShop& shop, const std::string& origin) {
  return core::DumpJson(Profile(shop, origin));
}

}  // namespace shops
