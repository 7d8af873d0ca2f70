// One demo shop as a request handler: routes, sessions (cookie "sid"), carts, CSRF tokens,
// logins, checkouts and the orders placed. Independent of the HTTP library (server.cpp adapts
// cpp-httplib to it), thread-safe. No I/O.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "demo_shop.h"
#include "pages.h"

namespace shops {

struct SiteRequest {
  std::string method = "GET";
  std::string path;
  std::map<std::string, std::string> params;   // query and urlencoded form fields
  std::map<std::string, std::string> cookies;  // from the Cookie header
  std::string content_type;
  std::string body;
};

struct SiteResponse {
  int status = 200;
  std::string content_type;  // with charset
  std::string body;          // bytes as served (GBK for the GBK shop's pages)
  std::string location;      // for redirects
  std::vector<std::string> set_cookies;
};

struct SiteOptions {
  uint64_t seed = 42;
  bool heavy = false;
  core::Date today;  // the order date (order numbers and the tax rates in force)
  // Called after each order is placed, outside the site's lock.
  std::function<void(const DemoOrder&)> on_order;
};

class ShopSite {
 public:
  // `rates` is copied.
  ShopSite(DemoShop shop, const core::TaxRateTable& rates, SiteOptions options);

  // Answers one request. Pages: GET / and /list?page=N (listing), /item/{sku}, /cart,
  // /checkout/done, /account/login, /account/orders, /robots.txt; POST /cart/add (sku, qty),
  // /checkout (name, id_number, phone, address), /account/login (name, phone) as forms, each
  // with csrf when the shop uses tokens (403 without); the JSON shop adds GET /api/price?sku=,
  // POST /api/cart {"sku","qty"} and /api/checkout {"name","id_number","phone","address"}.
  // Unknown paths 404; bad buyer details 400; checkout before login (login shops) 401.
  SiteResponse Handle(const SiteRequest& req);

  const DemoShop& shop() const { return shop_; }
  // Orders placed so far, oldest first.
  std::vector<DemoOrder> Orders() const;

 private:
  struct Session {
    std::string csrf;
    bool logged_in = false;
    std::string account_name;
    std::string account_phone;
    std::vector<CartLine> cart;
    int last_order = -1;  // index into orders_
  };
  struct Placed {
    DemoOrder order;
    std::string owner;  // "sid:<id>" or "phone:<phone>"
  };

  SiteResponse Route(const SiteRequest& req, Session& s, const std::string& sid,
                     std::vector<DemoOrder>& placed);
  SiteResponse Html(int status, std::string html) const;
  SiteResponse Json(int status, const core::Json& body) const;
  SiteResponse Redirect(const std::string& to) const;
  SessionView View(const Session& s) const;
  std::string Owner(const Session& s, const std::string& sid) const;
  // Validates the buyer and prices the cart into a new order; sets `error` (a page) otherwise.
  bool PlaceOrder(const SiteRequest& req, Session& s, const std::string& sid, DemoOrder& out,
                  std::string& error, int& status);
  SiteResponse AddToCart(Session& s, const std::string& sku, const std::string& qty_text,
                         bool json);

  DemoShop shop_;
  core::TaxRateTable rates_;
  SiteOptions options_;
  HeavyParts heavy_;
  mutable std::mutex mu_;
  std::map<std::string, Session> sessions_;
  std::vector<Placed> orders_;
  uint64_t next_session_ = 0;
};

}  // namespace shops
