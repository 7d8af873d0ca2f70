// Site profiles (docs/site-profiles.md) that read the demo shops correctly. No I/O.
#pragma once

#include <string>

#include "core/json.h"
#include "demo_shop.h"

namespace shops {

// The profile of `shop` served at `origin` ("http://127.0.0.1:18081": allowed_hosts gets
// "127.0.0.1:18081", start_urls the listing). Rules follow the shop's style; the checkout steps
// its checkout (forms or JSON calls, CSRF capture, login, order history).
core::Json Profile(const DemoShop& shop, const std::string& origin);
// Profile() as compact JSON text (core::DumpJson).
std::string ProfileJson(const DemoShop& shop, const std::string& origin);

}  // namespace shops
