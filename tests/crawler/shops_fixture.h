// Shared fixture of the demo-shop tests: the shops running on ephemeral ports, a buyer with a
// session cookie over cpp-httplib, and readers for the pages' prices. Does network I/O.
#pragma once

#include <doctest/doctest.h>
#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "charset.h"
#include "core/json.h"
#include "core/price_text.h"
#include "gen/gen_output.h"
#include "server.h"

namespace shops {

inline const core::TaxRateTable& Rates() {
  static const core::TaxRateTable rates = [] {
    core::StatusOr<core::TaxRateTable> r = gen::LoadRates(std::string(PATROL_SOURCE_DIR) + "/data");
    REQUIRE(r.ok());
    return *r;
  }();
  return rates;
}

inline core::Date Day() { return *core::Date::Parse("2026-11-20"); }

struct Running {
  std::vector<DemoOrder> seen;  // from the callback
  std::mutex mu;
  std::unique_ptr<DemoShops> demo;

  explicit Running(bool heavy = false, int products = 45) {
    DemoShopsOptions o;
    o.port_base = 0;
    o.catalog.seed = 42;
    o.catalog.heavy = heavy;
    o.catalog.listing_products = products;
    o.today = Day();
    o.on_order = [this](const DemoOrder& order) {
      std::lock_guard<std::mutex> lock(mu);
      seen.push_back(order);
    };
    demo = std::make_unique<DemoShops>(o, Rates());
    REQUIRE(demo->Start().ok());
  }
  size_t Index(ShopStyle style) const {
    for (size_t i = 0; i < demo->shops().size(); ++i) {
      if (demo->shops()[i].style == style) return i;
    }
    FAIL("no shop of that style");
    return 0;
  }
};

// A buyer with one cookie jar (the session cookie).
struct Buyer {
  httplib::Client cli;
  std::string cookie;
  explicit Buyer(int port) : cli("127.0.0.1", port) {}

  httplib::Headers Headers() const {
    httplib::Headers h;
    if (!cookie.empty()) h.emplace("Cookie", cookie);
    return h;
  }
  void Keep(const httplib::Result& r) {
    if (!r) return;
    const std::string c = r->get_header_value("Set-Cookie");
    if (!c.empty()) cookie = c.substr(0, c.find(';'));
  }
  httplib::Result Get(const std::string& path) {
    httplib::Result r = cli.Get(path, Headers());
    Keep(r);
    return r;
  }
  httplib::Result Form(const std::string& path, const httplib::Params& params) {
    httplib::Result r = cli.Post(path, Headers(), params);
    Keep(r);
    return r;
  }
  httplib::Result JsonPost(const std::string& path, const core::Json& body) {
    httplib::Result r = cli.Post(path, Headers(), core::DumpJson(body), "application/json");
    Keep(r);
    return r;
  }
};

// The text between `marker` and the next '<' (the content of a simple element).
inline std::string After(const std::string& html, const std::string& marker) {
  const size_t p = html.find(marker);
  if (p == std::string::npos) return "";
  const size_t b = p + marker.size();
  return html.substr(b, html.find('<', b) - b);
}

inline core::Fen Amount(const std::string& text) {
  core::StatusOr<core::PriceAmount> a = core::ParsePriceAmount(text);
  REQUIRE_MESSAGE(a.ok(), text);
  return a->hundredths;
}

inline std::string Utf8Body(const DemoShop& shop, const httplib::Result& r) {
  REQUIRE(r);
  if (shop.style != ShopStyle::kGbk) return r->body;
  core::StatusOr<std::string> u = ConvertCharset(r->body, "GBK", "UTF-8");
  REQUIRE(u.ok());
  return *u;
}

inline DemoBuyer TestBuyer() {
  return {"王晨", "410102199003071234", "13800138000", "河南省郑州市金水区花园路 88 号"};
}

// Checks a totals table against an order.
inline void CheckTotals(const std::string& html, const DemoOrder& o) {
  CHECK(Amount(After(html, "<tr class=\"subtotal\"><th>商品金额</th><td class=\"amount\">")) ==
        o.goods_charged);
  CHECK(Amount(After(html, "<tr class=\"shipping\"><th>运费</th><td class=\"amount\">")) ==
        o.freight_charged);
  CHECK(Amount(After(html, "<tr class=\"tax\"><th>进口税费</th><td class=\"amount\">")) ==
        o.tax_charged);
  CHECK(Amount(After(html, "<tr class=\"total\"><th>实付款</th><td class=\"amount\">")) ==
        o.total_charged);
}

}  // namespace shops
