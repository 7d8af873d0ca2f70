// The demo shops' catalogue from the synthetic district: seven shops (one per style, each with
// its scenario), their items and prices, and how an order is priced as charged and as declared.
// Deterministic from the seed. No I/O.
#include <algorithm>

#include "demo_shop.h"
#include "gen/rng.h"

namespace shops {
namespace {

constexpr uint64_t kStreamShops = 0x5107;

// Whole yuan, rounded down, so that prices read "¥1,299.00" or "1299元".
core::Fen Yuan(core::Fen fen) { return std::max<core::Fen>(fen / 100, 1) * 100; }

DemoShopItem FromGoods(const gen::GenGoods& g, gen::Rng& r) {
  DemoShopItem it;
  it.sku = g.sku;
  it.name = g.name;
  it.brand = g.brand;
  it.spec = g.spec;
  it.code10 = g.code10;
  it.unit1 = g.unit1;
  it.qty1_e5 = g.qty1_e5;
  it.filed_price = g.price;
  it.listed_price = g.price;
  it.member_price = g.price;
  it.charged_price = g.price;
  it.declared_price = g.price;
  it.filed = true;
  it.declared = true;
  it.stock = 5 + static_cast<int>(r.Below(200));
  return it;
}

// Goods of the district that `ebc_key` did not file, as unfiled items with fresh skus.
std::vector<DemoShopItem> UnfiledItems(const gen::District& d, const std::string& ebc_key,
                                       const std::string& sku_prefix, size_t count, gen::Rng& r) {
  std::vector<std::string> own;
  for (const gen::GenGoods* g : d.GoodsOf(ebc_key)) own.push_back(g->name);
  std::vector<const gen::GenGoods*> pool;
  for (const gen::GenGoods& g : d.goods) {
    if (std::find(own.begin(), own.end(), g.name) != own.end()) continue;
    bool seen = false;
    for (const gen::GenGoods* p : pool) seen = seen || p->name == g.name;
    if (!seen) pool.push_back(&g);
  }
  std::vector<DemoShopItem> out;
  for (size_t i = 0; i < count && !pool.empty(); ++i) {
    const gen::GenGoods& g = *pool[i % pool.size()];
    DemoShopItem it = FromGoods(g, r);
    it.sku = sku_prefix + gen::Pad(i + 1, 4);
    if (i >= pool.size()) it.name += " 第" + std::to_string(i / pool.size() + 1) + "款";
    // Unrelated goods at their own prices (+-20% of the district's).
    const core::Fen price = Yuan(g.price * (80 + static_cast<int64_t>(r.Below(41))) / 100);
    it.filed_price = 0;
    it.listed_price = it.member_price = it.charged_price = price;
    it.declared_price = 0;
    it.filed = false;
    it.declared = false;
    out.push_back(std::move(it));
  }
  return out;
}

struct ShopTemplate {
  const char* key;
  const char* name;
  const char* enterprise;
  ShopStyle style;
  ShopScenario scenario;
  const char* order_prefix;
};

constexpr ShopTemplate kShops[] = {
    {"s1-honest", "美妆汇海外旗舰店", "ebc01", ShopStyle::kJsonLd, ShopScenario::kHonest, "MZH"},
    {"s2-microdata", "母婴优品全球购", "ebc02", ShopStyle::kMicrodata,
     ShopScenario::kPriceAboveDeclared, "MYY"},
    {"s3-plain", "环球酒窖直营店", "ebc03", ShopStyle::kPlain, ShopScenario::kFreightUndeclared,
     "HQJ"},
    {"s4-pricejson", "数码潮品跨境店", "ebc04", ShopStyle::kPriceJson, ShopScenario::kTaxMismatch,
     "SMC"},
    {"s5-gbk", "生活家居进口馆", "ebc05", ShopStyle::kGbk, ShopScenario::kUndeclaredGoods, "SHJ"},
    {"s6-listing", "东京杂货优选", "ebc06", ShopStyle::kListing, ShopScenario::kFakeShop, "DJZ"},
    {"s7-member", "中原优选会员店", "ebp01", ShopStyle::kSession, ShopScenario::kPriceCutUnfiled,
     "ZYY"},
};

}  // namespace

std::string_view ShopStyleName(ShopStyle s) {
  switch (s) {
    case ShopStyle::kJsonLd:
      return "json_ld";
    case ShopStyle::kMicrodata:
      return "microdata";
    case ShopStyle::kPlain:
      return "plain";
    case ShopStyle::kPriceJson:
      return "price_json";
    case ShopStyle::kGbk:
      return "gbk";
    case ShopStyle::kListing:
      return "listing";
    case ShopStyle::kSession:
      return "session";
  }
  return "?";
}

std::string_view ShopScenarioName(ShopScenario s) {
  switch (s) {
    case ShopScenario::kHonest:
      return "honest";
    case ShopScenario::kPriceAboveDeclared:
      return "price_above_declared";
    case ShopScenario::kFreightUndeclared:
      return "freight_undeclared";
    case ShopScenario::kTaxMismatch:
      return "tax_mismatch";
    case ShopScenario::kUndeclaredGoods:
      return "undeclared_goods";
    case ShopScenario::kFakeShop:
      return "fake_shop";
    case ShopScenario::kPriceCutUnfiled:
      return "price_cut_unfiled";
  }
  return "?";
}

const DemoShopItem* DemoShop::Find(std::string_view sku) const {
  for (const DemoShopItem& it : items) {
    if (it.sku == sku) return &it;
  }
  return nullptr;
}

std::vector<DemoShop> MakeDemoShops(const CatalogOptions& options) {
  const gen::District d = gen::MakeDistrict(options.seed, 50);
  std::vector<DemoShop> shops;
  for (size_t i = 0; i < sizeof(kShops) / sizeof(kShops[0]); ++i) {
    const ShopTemplate& t = kShops[i];
    gen::Rng r = gen::Rng::For(options.seed, kStreamShops, i);
    const gen::GenEnterprise* e = d.Find(t.enterprise);
    DemoShop s;
    s.index = static_cast<int>(i);
    s.key = t.key;
    s.name = t.name;
    s.enterprise_key = t.enterprise;
    s.enterprise_name = e ? e->name : "";
    s.enterprise_customs_code = e ? e->customs_code : "";
    s.style = t.style;
    s.scenario = t.scenario;
    s.order_prefix = t.order_prefix;
    if (t.scenario != ShopScenario::kFakeShop) {
      for (const gen::GenGoods* g : d.GoodsOf(t.enterprise)) s.items.push_back(FromGoods(*g, r));
    }
    switch (t.scenario) {
      case ShopScenario::kHonest:
        s.freight_charged = s.freight_declared = 800;
        break;
      case ShopScenario::kPriceAboveDeclared:
        // Sold at about 130% of the filed price; declared at the filed price.
        for (DemoShopItem& it : s.items) {
          it.listed_price = it.member_price = it.charged_price = Yuan(it.filed_price * 130 / 100);
        }
        s.csrf = true;
        break;
      case ShopScenario::kFreightUndeclared:
        s.freight_charged = 1000;
        s.freight_declared = 0;
        for (DemoShopItem& it : s.items) it.old_price = Yuan(it.filed_price * 125 / 100);
        break;
      case ShopScenario::kTaxMismatch:
        s.tax_charged = TaxRule{true, 1000};
        s.json_checkout = true;
        break;
      case ShopScenario::kUndeclaredGoods: {
        s.freight_charged = s.freight_declared = 600;
        std::vector<DemoShopItem> extra = UnfiledItems(d, t.enterprise, "SHJ-X", 3, r);
        s.items.insert(s.items.end(), extra.begin(), extra.end());
        break;
      }
      case ShopScenario::kFakeShop:
        s.items = UnfiledItems(d, t.enterprise, "DJZ-",
                               static_cast<size_t>(std::max(options.listing_products, 1)), r);
        break;
      case ShopScenario::kPriceCutUnfiled:
        // Members pay 70% of the filed price and the enterprise declares what they paid; no
        // promotion is filed for the cut.
        for (DemoShopItem& it : s.items) {
          it.member_price = it.charged_price = it.declared_price = Yuan(it.filed_price * 70 / 100);
        }
        s.freight_charged = s.freight_declared = 600;
        s.freight_on_product_page = false;
        s.discount = 500;
        s.csrf = true;
        s.login_required = true;
        s.order_no_on_success = false;
        s.crawl_delay_s = 1;
        break;
    }
    shops.push_back(std::move(s));
  }
  return shops;
}

core::Fen CbecTax(const DemoShop& shop, const std::vector<DemoOrderLine>& lines, bool declared,
                  core::Fen freight, core::Fen discount, const core::TaxRateTable& rates,
                  const core::Date& date) {
  core::TaxOrderInput in;
  in.date = date;
  in.path = core::TaxPath::kWithinLimits;
  in.freight_fen = freight;
  in.discount_fen = discount;
  for (const DemoOrderLine& l : lines) {
    if (declared && !l.declared) continue;
    const DemoShopItem* it = shop.Find(l.sku);
    core::TaxLineInput line;
    line.code = l.code10;
    line.goods_value_fen = l.qty * (declared ? l.unit_declared : l.unit_charged);
    // As the server reads a list (gen::HonestTax): kg of the legal unit, pieces of the unit.
    if (it && it->unit1 == "035") line.net_content_milli = l.qty * it->qty1_e5 * 10;
    line.pieces = l.qty;
    in.lines.push_back(line);
  }
  if (in.lines.empty()) return 0;
  return core::ComputeTax(in, rates).total_fen;
}

core::StatusOr<DemoOrder> PriceOrder(const DemoShop& shop, const std::vector<CartLine>& lines,
                                     const core::TaxRateTable& rates, const core::Date& date) {
  if (lines.empty()) return core::InvalidArgumentError("empty cart");
  DemoOrder o;
  o.shop_key = shop.key;
  o.enterprise_key = shop.enterprise_key;
  o.date = date;
  bool any_declared = false;
  for (const CartLine& c : lines) {
    const DemoShopItem* it = shop.Find(c.sku);
    if (!it) return core::InvalidArgumentError("unknown sku " + c.sku);
    if (c.qty < 1 || c.qty > 99) return core::InvalidArgumentError("quantity outside 1..99");
    DemoOrderLine l;
    l.sku = it->sku;
    l.name = it->name;
    l.code10 = it->code10;
    l.qty = c.qty;
    l.unit_charged = it->charged_price;
    l.unit_declared = it->declared_price;
    l.declared = it->declared;
    o.goods_charged += l.qty * l.unit_charged;
    if (l.declared) o.goods_declared += l.qty * l.unit_declared;
    any_declared = any_declared || l.declared;
    o.lines.push_back(std::move(l));
  }
  o.freight_charged = shop.freight_charged;
  o.discount_charged = std::min(shop.discount, o.goods_charged);
  if (shop.tax_charged.flat) {
    const core::Int128 base = o.goods_charged + o.freight_charged;
    o.tax_charged = core::RoundHalfUp(base * shop.tax_charged.flat_bp, 10000);
  } else {
    o.tax_charged =
        CbecTax(shop, o.lines, false, o.freight_charged, o.discount_charged, rates, date);
  }
  o.total_charged = o.goods_charged + o.freight_charged + o.tax_charged - o.discount_charged;
  o.declared = any_declared;
  if (any_declared) {
    o.freight_declared = shop.freight_declared;
    o.discount_declared = std::min(shop.discount, o.goods_declared);
    o.tax_declared =
        CbecTax(shop, o.lines, true, o.freight_declared, o.discount_declared, rates, date);
  }
  return o;
}

}  // namespace shops
