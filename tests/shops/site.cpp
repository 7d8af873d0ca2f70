// A demo shop's request handling: routing, sessions, carts, CSRF, login, checkout. No I/O.
#include "site.h"

#include <algorithm>
#include <charconv>

#include "charset.h"
#include "core/json.h"
#include "gen/rng.h"

namespace shops {
namespace {

constexpr size_t kMaxSessions = 50000;

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string Param(const SiteRequest& req, const char* name) {
  auto it = req.params.find(name);
  return it == req.params.end() ? "" : it->second;
}

// Form fields may come in GBK from a GBK page; everything inside is UTF-8.
std::string Utf8Field(std::string v) {
  if (IsUtf8(v)) return v;
  core::StatusOr<std::string> u = ConvertCharset(v, "GBK", "UTF-8");
  return u.ok() ? *u : "";
}

bool IdShapeOk(const std::string& id) {
  if (id.size() != 18) return false;
  for (size_t i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
  }
  return (id[17] >= '0' && id[17] <= '9') || id[17] == 'X' || id[17] == 'x';
}

bool PhoneShapeOk(const std::string& phone) {
  if (phone.size() != 11 || phone[0] != '1') return false;
  for (char c : phone) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string JsonText(const core::Json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key)) return "";
  const core::Json& v = obj[key];
  if (v.is_string()) return v.get_ref<const std::string&>();
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  return "";
}

core::Json OrderJson(const DemoOrder& o) {
  return {{"no", o.order_no},
          {"goods", core::FormatCny(o.goods_charged)},
          {"freight", core::FormatCny(o.freight_charged)},
          {"tax", core::FormatCny(o.tax_charged)},
          {"discount", core::FormatCny(o.discount_charged)},
          {"total", core::FormatCny(o.total_charged)},
          {"currency", "CNY"}};
}

}  // namespace

ShopSite::ShopSite(DemoShop shop, const core::TaxRateTable& rates, SiteOptions options)
    : shop_(std::move(shop)), rates_(rates), options_(std::move(options)) {
  if (options_.heavy) heavy_ = MakeHeavyParts(shop_, options_.seed);
}

std::vector<DemoOrder> ShopSite::Orders() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<DemoOrder> out;
  for (const Placed& p : orders_) out.push_back(p.order);
  return out;
}

SiteResponse ShopSite::Html(int status, std::string html) const {
  SiteResponse r;
  r.status = status;
  if (shop_.style == ShopStyle::kGbk) {
    core::StatusOr<std::string> gbk = ConvertCharset(html, "UTF-8", "GBK");
    if (!gbk.ok()) {
      r.status = 500;
      r.content_type = "text/plain; charset=utf-8";
      r.body = gbk.status().ToString();
      return r;
    }
    r.content_type = "text/html; charset=GBK";
    r.body = std::move(*gbk);
  } else {
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(html);
  }
  return r;
}

SiteResponse ShopSite::Json(int status, const core::Json& body) const {
  SiteResponse r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = core::DumpJson(body);
  return r;
}

SiteResponse ShopSite::Redirect(const std::string& to) const {
  SiteResponse r;
  r.status = 303;
  r.location = to;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "see " + to + "\n";
  return r;
}

SessionView ShopSite::View(const Session& s) const {
  SessionView v;
  v.logged_in = s.logged_in;
  v.account_name = s.account_name;
  if (shop_.csrf) v.csrf = s.csrf;
  return v;
}

std::string ShopSite::Owner(const Session& s, const std::string& sid) const {
  return shop_.login_required ? "phone:" + s.account_phone : "sid:" + sid;
}

SiteResponse ShopSite::Handle(const SiteRequest& req) {
  if (req.method == "GET" && req.path == "/robots.txt") {
    return SiteResponse{200, "text/plain; charset=utf-8", RobotsTxt(shop_), "", {}};
  }
  std::vector<DemoOrder> placed;
  SiteResponse res;
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::string sid;
    auto c = req.cookies.find("sid");
    if (c != req.cookies.end() && sessions_.count(c->second)) sid = c->second;
    // Sessions begin where a page needs one: tokens, carts, logins and orders.
    const bool needs = req.method == "POST" || StartsWith(req.path, "/cart") ||
                       StartsWith(req.path, "/account/") || StartsWith(req.path, "/checkout") ||
                       (shop_.csrf && StartsWith(req.path, "/item/"));
    std::string new_cookie;
    if (sid.empty() && needs) {
      if (sessions_.size() >= kMaxSessions) {
        for (auto it = sessions_.begin(); it != sessions_.end();) {
          it = it->second.last_order < 0 ? sessions_.erase(it) : std::next(it);
        }
      }
      gen::Rng r = gen::Rng::For(options_.seed, 0x5E55 + shop_.index, next_session_++);
      sid = r.Chars("0123456789abcdef", 16, 32);
      Session s;
      s.csrf = r.Chars("0123456789abcdefghijklmnopqrstuvwxyz", 36, 24);
      sessions_[sid] = s;
      new_cookie = "sid=" + sid + "; Path=/; HttpOnly";
    }
    Session scratch;
    Session& s = sid.empty() ? scratch : sessions_[sid];
    res = Route(req, s, sid, placed);
    if (!new_cookie.empty()) res.set_cookies.push_back(new_cookie);
  }
  if (options_.on_order) {
    for (const DemoOrder& o : placed) options_.on_order(o);
  }
  return res;
}

SiteResponse ShopSite::AddToCart(Session& s, const std::string& sku, const std::string& qty_text,
                                 bool json) {
  int qty = 0;
  const auto [p, ec] = std::from_chars(qty_text.data(), qty_text.data() + qty_text.size(), qty);
  const DemoShopItem* it = shop_.Find(sku);
  if (!it || ec != std::errc() || p != qty_text.data() + qty_text.size() || qty < 1 || qty > 99) {
    if (json) return Json(400, {{"ok", false}, {"error", "unknown sku or bad quantity"}});
    return Html(400, MessagePage(shop_, "无法加入购物车", "商品不存在或数量不正确"));
  }
  bool merged = false;
  for (CartLine& l : s.cart) {
    if (l.sku == sku) {
      l.qty = std::min(l.qty + qty, 99);
      merged = true;
    }
  }
  if (!merged) s.cart.push_back(CartLine{sku, qty});
  if (!json) return Redirect("/cart");
  core::StatusOr<DemoOrder> priced = PriceOrder(shop_, s.cart, rates_, options_.today);
  if (!priced.ok()) return Json(400, {{"ok", false}, {"error", priced.status().message()}});
  core::Json cart = OrderJson(*priced);
  cart.erase("no");
  core::Json lines = core::Json::array();
  for (const DemoOrderLine& l : priced->lines) {
    lines.push_back({{"sku", l.sku}, {"qty", l.qty}, {"price", core::FormatCny(l.unit_charged)}});
  }
  cart["lines"] = lines;
  return Json(200, {{"ok", true}, {"cart", cart}});
}

bool ShopSite::PlaceOrder(const SiteRequest& req, Session& s, const std::string& sid,
                          DemoOrder& out, std::string& error, int& status) {
  DemoBuyer b;
  if (shop_.json_checkout) {
    core::StatusOr<core::Json> j = core::ParseJson(req.body);
    if (!j.ok() || !j->is_object()) {
      error = "请求不是 JSON 对象";
      status = 400;
      return false;
    }
    b = {JsonText(*j, "name"), JsonText(*j, "id_number"), JsonText(*j, "phone"),
         JsonText(*j, "address")};
  } else {
    b = {Utf8Field(Param(req, "name")), Utf8Field(Param(req, "id_number")),
         Utf8Field(Param(req, "phone")), Utf8Field(Param(req, "address"))};
  }
  status = 400;
  if (b.name.empty() || b.name.size() > 60) {
    error = "请填写收货人姓名";
  } else if (!IdShapeOk(b.id_number)) {
    error = "身份证号格式不正确";
  } else if (!PhoneShapeOk(b.phone)) {
    error = "手机号格式不正确";
  } else if (b.address.size() < 4 || b.address.size() > 200) {
    error = "请填写完整的收货地址";
  } else if (s.cart.empty()) {
    error = "购物车是空的";
  }
  if (!error.empty()) return false;
  core::StatusOr<DemoOrder> priced = PriceOrder(shop_, s.cart, rates_, options_.today);
  if (!priced.ok()) {
    error = priced.status().message();
    return false;
  }
  out = std::move(*priced);
  std::string date = options_.today.ToIso();
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  out.order_no = shop_.order_prefix + date + gen::Pad(orders_.size() + 1, 5);
  out.buyer = b;
  s.cart.clear();
  s.last_order = static_cast<int>(orders_.size());
  orders_.push_back(Placed{out, Owner(s, sid)});
  return true;
}

SiteResponse ShopSite::Route(const SiteRequest& req, Session& s, const std::string& sid,
                             std::vector<DemoOrder>& placed) {
  const std::string& path = req.path;
  const bool post = req.method == "POST";
  const bool form_post = post && !StartsWith(path, "/api/");
  if (form_post && shop_.csrf && Param(req, "csrf") != s.csrf) {
    return Html(403, MessagePage(shop_, "请求无效", "页面已过期或缺少安全令牌，请刷新后重试"));
  }
  if (!post && (path == "/" || path == "/list")) {
    int page = 1;
    const std::string p = Param(req, "page");
    std::from_chars(p.data(), p.data() + p.size(), page);
    if (page < 1 || page > ListingPages(shop_)) {
      return Html(404, MessagePage(shop_, "页面不存在", "没有这一页"));
    }
    return Html(200, ListingPage(shop_, page));
  }
  if (!post && StartsWith(path, "/item/")) {
    const DemoShopItem* it = shop_.Find(path.substr(6));
    if (!it) return Html(404, MessagePage(shop_, "商品不存在", "该商品已下架"));
    return Html(200, ProductPage(shop_, *it, View(s), options_.heavy ? &heavy_ : nullptr));
  }
  if (!post && path == "/api/price" && shop_.style == ShopStyle::kPriceJson) {
    const DemoShopItem* it = shop_.Find(Param(req, "sku"));
    if (!it) return Json(404, {{"code", 404}, {"message", "no such sku"}});
    return Json(200, {{"code", 0},
                      {"data",
                       {{"sku", it->sku},
                        {"price", core::FormatCny(it->listed_price)},
                        {"currency", "CNY"},
                        {"stock", it->stock}}}});
  }
  if (!post && path == "/cart") {
    core::StatusOr<DemoOrder> priced = PriceOrder(shop_, s.cart, rates_, options_.today);
    return Html(200, CartPage(shop_, priced.ok() ? &*priced : nullptr, View(s)));
  }
  if (post && path == "/cart/add" && !shop_.json_checkout) {
    if (shop_.login_required && !s.logged_in) {
      return Html(401, MessagePage(shop_, "请先登录", "登录后才能购买会员商品"));
    }
    return AddToCart(s, Param(req, "sku"), Param(req, "qty").empty() ? "1" : Param(req, "qty"),
                     false);
  }
  if (post && path == "/api/cart" && shop_.json_checkout) {
    core::StatusOr<core::Json> j = core::ParseJson(req.body);
    if (!j.ok() || !j->is_object()) return Json(400, {{"ok", false}, {"error", "not JSON"}});
    std::string qty = JsonText(*j, "qty");
    return AddToCart(s, JsonText(*j, "sku"), qty.empty() ? "1" : qty, true);
  }
  if (post && ((path == "/checkout" && !shop_.json_checkout) ||
               (path == "/api/checkout" && shop_.json_checkout))) {
    if (shop_.login_required && !s.logged_in) {
      return Html(401, MessagePage(shop_, "请先登录", "登录后才能下单"));
    }
    DemoOrder o;
    std::string error;
    int status = 400;
    if (!PlaceOrder(req, s, sid, o, error, status)) {
      if (shop_.json_checkout) return Json(status, {{"ok", false}, {"error", error}});
      return Html(status, MessagePage(shop_, "无法提交订单", error));
    }
    placed.push_back(o);
    if (shop_.json_checkout) return Json(200, {{"ok", true}, {"order", OrderJson(o)}});
    return Redirect("/checkout/done");
  }
  if (!post && path == "/checkout/done") {
    if (s.last_order < 0) return Html(404, MessagePage(shop_, "没有订单", "您还没有下单"));
    return Html(200, DonePage(shop_, orders_[s.last_order].order));
  }
  if (path == "/account/login") {
    if (post) {
      const std::string name = Utf8Field(Param(req, "name"));
      const std::string phone = Param(req, "phone");
      if (name.empty() || !PhoneShapeOk(phone)) {
        return Html(400, MessagePage(shop_, "登录失败", "请填写姓名和 11 位手机号"));
      }
      s.logged_in = true;
      s.account_name = name;
      s.account_phone = phone;
      return Redirect("/");
    }
    return Html(200, LoginPage(shop_, View(s)));
  }
  if (!post && path == "/account/orders") {
    if (shop_.login_required && !s.logged_in) {
      return Html(401, MessagePage(shop_, "请先登录", "登录后查看订单"));
    }
    const std::string owner = Owner(s, sid);
    std::vector<const DemoOrder*> mine;
    for (auto it = orders_.rbegin(); it != orders_.rend(); ++it) {
      if (it->owner == owner) mine.push_back(&it->order);
    }
    return Html(200, OrdersPage(shop_, mine));
  }
  if (StartsWith(path, "/api/")) return Json(404, {{"code", 404}, {"message", "not found"}});
  return Html(404, MessagePage(shop_, "页面不存在", "您访问的页面不存在"));
}

}  // namespace shops
