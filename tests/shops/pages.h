// HTML, JSON and text of the demo shops' pages, rendered from the catalogue and a session's view
// (UTF-8; the GBK shop is encoded afterwards). No I/O.
#pragma once

#include <string>
#include <vector>

#include "demo_shop.h"

namespace shops {

// What a page shows depends on the session: logged in or not, its CSRF token.
struct SessionView {
  bool logged_in = false;
  std::string account_name;
  std::string csrf;  // empty when the shop uses none
};

// Shared heavy parts of one shop's product pages (style, script, SVG), built once.
struct HeavyParts {
  std::string head;  // <style> and <script> blocks
  std::string svg;   // an inline SVG illustration
};
HeavyParts MakeHeavyParts(const DemoShop& shop, uint64_t seed);

std::string Escape(const std::string& text);  // HTML text and attribute escaping
// A price as the shop writes it: "¥1,299.00", or "1299元" in the GBK shop.
std::string ShopPrice(const DemoShop& shop, core::Fen fen);
// An amount in a totals table: "¥1,299.00" ("￥1,299.00" in the GBK shop, "-" for discounts).
std::string TableAmount(const DemoShop& shop, core::Fen fen);

// Listing page `page` (1-based; pages past the end are empty) with links to products and
// a.next / a.prev links.
std::string ListingPage(const DemoShop& shop, int page);
int ListingPages(const DemoShop& shop);
// A product page in the shop's style; `heavy` pads it with `parts` and related products.
std::string ProductPage(const DemoShop& shop, const DemoShopItem& item, const SessionView& view,
                        const HeavyParts* heavy);
std::string CartPage(const DemoShop& shop, const DemoOrder* priced, const SessionView& view);
// After a checkout: "下单成功", the totals, and the order number when the shop shows it there.
std::string DonePage(const DemoShop& shop, const DemoOrder& order);
// The account's orders, newest first, each with its number and totals.
std::string OrdersPage(const DemoShop& shop, const std::vector<const DemoOrder*>& newest_first);
std::string LoginPage(const DemoShop& shop, const SessionView& view);
std::string MessagePage(const DemoShop& shop, const std::string& title, const std::string& text);
std::string RobotsTxt(const DemoShop& shop);

}  // namespace shops
