// Internal to the demo shops' pages: the page frame every page shares and the related-product
// blocks of heavy product pages. No I/O.
#pragma once

#include <string>

#include "demo_shop.h"

namespace shops {

// A whole HTML document: <meta charset> of the shop, title, header with cart and account links,
// `body` in <main>, footer naming the operating enterprise.
std::string Layout(const DemoShop& shop, const std::string& title, const std::string& head,
                   const std::string& body);
// Many related-product blocks for a heavy product page (prices in .rel-price, never in the
// classes the profile reads). Deterministic from the item.
std::string RelatedProducts(const DemoShop& shop, const DemoShopItem& item);

}  // namespace shops
