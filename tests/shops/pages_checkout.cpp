// The page frame, price formats and the checkout pages of the demo shops: cart, result,
// order history, login, robots.txt. No I/O.
#include <string>

#include "page_layout.h"
#include "pages.h"

namespace shops {
namespace {

std::string Row(const DemoShop& shop, const char* cls, const char* label, core::Fen fen) {
  return std::string("<tr class=\"") + cls + "\"><th>" + label + "</th><td class=\"amount\">" +
         TableAmount(shop, fen) + "</td></tr>";
}

// Named rows; the total is the shop's own figure, not the sum of the line prices.
std::string Totals(const DemoShop& shop, const DemoOrder& o) {
  std::string t = "<table class=\"totals\"><tbody>";
  t += Row(shop, "subtotal", "商品金额", o.goods_charged);
  t += Row(shop, "shipping", "运费", o.freight_charged);
  t += Row(shop, "tax", "进口税费", o.tax_charged);
  if (o.discount_charged > 0) t += Row(shop, "discount", "平台优惠", -o.discount_charged);
  t += Row(shop, "total", "实付款", o.total_charged);
  return t + "</tbody></table>";
}

std::string Lines(const DemoShop& shop, const DemoOrder& o) {
  std::string t =
      "<table class=\"cart\"><thead><tr><th>商品</th><th>单价</th><th>数量</th><th>金额</th></tr>"
      "</thead><tbody>";
  for (const DemoOrderLine& l : o.lines) {
    t += "<tr class=\"line\" data-sku=\"" + Escape(l.sku) + "\"><td class=\"name\">" +
         Escape(l.name) + "</td><td class=\"unit\">" + TableAmount(shop, l.unit_charged) +
         "</td><td class=\"qty\">" + std::to_string(l.qty) + "</td><td class=\"line-total\">" +
         TableAmount(shop, l.unit_charged * l.qty) + "</td></tr>";
  }
  return t + "</tbody></table>";
}

std::string Input(const char* label, const char* name, const std::string& value = "") {
  return std::string("<label>") + label + " <input name=\"" + name + "\" value=\"" + Escape(value) +
         "\"></label>";
}

std::string Csrf(const SessionView& view) {
  if (view.csrf.empty()) return "";
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + Escape(view.csrf) + "\">";
}

}  // namespace

std::string Escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ShopPrice(const DemoShop& shop, core::Fen fen) {
  if (shop.style == ShopStyle::kGbk) {
    std::string plain = core::FormatCny(fen);
    if (plain.size() > 3 && plain.compare(plain.size() - 3, 3, ".00") == 0) {
      plain.resize(plain.size() - 3);
    }
    return plain + "元";
  }
  return core::FormatCnyDisplay(fen);
}

std::string TableAmount(const DemoShop& shop, core::Fen fen) {
  std::string s = core::FormatCnyDisplay(fen < 0 ? -fen : fen);
  // GBK has no U+00A5: the full-width yen sign, as Chinese GBK pages write it.
  if (shop.style == ShopStyle::kGbk) s = "￥" + s.substr(std::string("¥").size());
  return fen < 0 ? "-" + s : s;
}

std::string Layout(const DemoShop& shop, const std::string& title, const std::string& head,
                   const std::string& body) {
  const char* charset = shop.style == ShopStyle::kGbk ? "gbk" : "utf-8";
  return std::string("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"") + charset +
         "\"><meta name=\"viewport\" content=\"width=device-width\"><title>" + Escape(title) +
         " - " + Escape(shop.name) + "</title>" + head +
         "</head><body><header class=\"site-header\"><a class=\"logo\" href=\"/\">" +
         Escape(shop.name) +
         "</a><nav><a href=\"/cart\">购物车</a> <a href=\"/account/orders\">我的订单</a> "
         "<a href=\"/account/login\">登录</a></nav></header><main>" +
         body + "</main><footer class=\"site-footer\"><p>经营者：" + Escape(shop.enterprise_name) +
         "（海关编码 " + Escape(shop.enterprise_customs_code) +
         "）</p><p>跨境电商零售进口商品，以保税或直购方式进口。</p></footer></body></html>";
}

std::string CartPage(const DemoShop& shop, const DemoOrder* priced, const SessionView& view) {
  if (!priced)
    return Layout(shop, "购物车", "", "<h1>购物车</h1><p class=\"empty\">购物车是空的</p>");
  std::string b = "<h1>购物车</h1>" + Lines(shop, *priced) + Totals(shop, *priced);
  b += "<form class=\"checkout\" method=\"post\" action=\"/checkout\"><h2>收货人信息（海关申报需要"
       "实名）</h2>" +
       Csrf(view) + Input("姓名", "name") + Input("身份证号", "id_number") +
       Input("手机号", "phone") + Input("收货地址", "address") +
       "<button type=\"submit\">提交订单</button></form>";
  return Layout(shop, "购物车", "", b);
}

std::string DonePage(const DemoShop& shop, const DemoOrder& order) {
  std::string b = "<h1 class=\"result\">下单成功</h1>";
  if (shop.order_no_on_success) {
    b += "<p>订单号：<span class=\"order-no\">" + Escape(order.order_no) + "</span></p>";
  } else {
    b += "<p>订单已提交，订单号请在<a href=\"/account/orders\">我的订单</a>中查看。</p>";
  }
  b += Totals(shop, order);
  return Layout(shop, "下单成功", "", b);
}

std::string OrdersPage(const DemoShop& shop, const std::vector<const DemoOrder*>& newest_first) {
  std::string b = "<h1>我的订单</h1><section class=\"orders\">";
  for (const DemoOrder* o : newest_first) {
    b += "<div class=\"order\"><p>订单号 <span class=\"order-no\">" + Escape(o->order_no) +
         "</span> <span class=\"status\">待发货</span></p>" + Lines(shop, *o) + Totals(shop, *o) +
         "</div>";
  }
  if (newest_first.empty()) b += "<p class=\"empty\">暂无订单</p>";
  return Layout(shop, "我的订单", "", b + "</section>");
}

std::string LoginPage(const DemoShop& shop, const SessionView& view) {
  std::string b = "<h1>会员登录</h1>";
  if (view.logged_in) b += "<p class=\"welcome\">" + Escape(view.account_name) + "，您已登录</p>";
  b += "<form class=\"login\" method=\"post\" action=\"/account/login\">" + Csrf(view) +
       Input("姓名", "name") + Input("手机号", "phone") +
       "<button type=\"submit\">登录</button></form>";
  return Layout(shop, "会员登录", "", b);
}

std::string MessagePage(const DemoShop& shop, const std::string& title, const std::string& text) {
  return Layout(shop, title, "",
                "<h1 class=\"message\">" + Escape(title) + "</h1><p>" + Escape(text) + "</p>");
}

std::string RobotsTxt(const DemoShop& shop) {
  std::string r = "User-agent: *\n";
  if (shop.crawl_delay_s > 0) r += "Crawl-delay: " + std::to_string(shop.crawl_delay_s) + "\n";
  // Account pages are private, except what a buyer's checkout needs.
  if (shop.login_required) r += "Allow: /account/login\nAllow: /account/orders\n";
  r += "Disallow: /account/\nDisallow: /search\n";
  return r;
}

}  // namespace shops
