// The demo shops' catalogue as plain data: which enterprise runs each shop, its page style, its
// scenario (how what it shows and charges differs from what its enterprise declares), its items
// with listed, charged and declared prices, and the orders placed in it. Built from the
// synthetic district of a seed. No I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/tax.h"
#include "gen/district.h"

namespace shops {

// How a shop's pages are written (what extraction has to cope with).
enum class ShopStyle {
  kJsonLd,     // schema.org Product/Offer in JSON-LD
  kMicrodata,  // schema.org microdata (itemprop)
  kPlain,  // CSS classes only, Chinese price formats (¥1,299.00, 原价/现价, 券后价, 运费 ¥10)
  kPriceJson,  // the page shows a placeholder; the price comes from /api/price?sku=
  kGbk,        // served in GBK (header and <meta charset=gbk>)
  kListing,    // many products, paginated listing
  kSession,    // price depends on the session (members see their price after logging in)
};

// How the shop and its enterprise's declarations disagree.
enum class ShopScenario {
  kHonest,              // shows, charges and declares the same
  kPriceAboveDeclared,  // charges more per unit than the declared unit price
  kFreightUndeclared,   // charges freight, declares 0
  kTaxMismatch,         // charges a flat tax, declares the computed CBEC tax
  kUndeclaredGoods,     // sells goods that are never declared
  kFakeShop,            // lists goods unrelated to what its enterprise declares
  kPriceCutUnfiled,     // sells below the filed price with no filed promotion
};

std::string_view ShopStyleName(ShopStyle s);        // "json_ld", "microdata", ...
std::string_view ShopScenarioName(ShopScenario s);  // "honest", "price_above_declared", ...

struct DemoShopItem {
  std::string sku;
  std::string name;
  std::string brand;
  std::string spec;
  std::string code10;
  std::string unit1;             // legal first unit ("035" kg, "011" pieces), for the tax
  int64_t qty1_e5 = 0;           // legal quantity per unit x 10^5
  core::Fen filed_price = 0;     // the enterprise's filed unit price; 0 when not filed
  core::Fen listed_price = 0;    // the price an anonymous visitor sees
  core::Fen old_price = 0;       // struck-through 原价; 0 when none shown
  core::Fen member_price = 0;    // the price a logged-in buyer sees and pays (kSession shops);
                                 // equals listed_price elsewhere
  core::Fen charged_price = 0;   // the unit price the checkout charges (a logged-in buyer)
  core::Fen declared_price = 0;  // the unit price the enterprise declares for it
  bool filed = false;            // one of the enterprise's filed goods
  bool declared = true;          // orders of it are followed by a declaration
  int stock = 0;
};

// How the tax shown at checkout is computed.
struct TaxRule {
  bool flat = false;  // false: the CBEC within-limits tax (core::ComputeTax), as declared
  int flat_bp = 0;    // when flat: basis points of goods + freight, rounded half up
};

struct DemoShop {
  int index = 0;               // 0-based position; the port is port_base + index
  std::string key;             // "s1-honest", stable
  std::string name;            // shown in the page title
  std::string enterprise_key;  // district enterprise ("ebc01")
  std::string enterprise_name;
  std::string enterprise_customs_code;
  ShopStyle style = ShopStyle::kJsonLd;
  ShopScenario scenario = ShopScenario::kHonest;
  std::vector<DemoShopItem> items;
  core::Fen freight_charged = 0;        // per order
  core::Fen freight_declared = 0;       // per order, what the declaration carries
  bool freight_on_product_page = true;  // false: only in the cart and at checkout
  core::Fen discount = 0;               // platform discount row at checkout (charged and declared)
  TaxRule tax_charged;                  // what the checkout charges as tax
  // Checkout shape.
  bool csrf = false;                // form posts need the token from the page (403 without)
  bool json_checkout = false;       // JSON calls instead of form posts
  bool login_required = false;      // checkout needs POST /account/login first
  bool order_no_on_success = true;  // false: the number is only in /account/orders
  int crawl_delay_s = 0;            // robots.txt Crawl-delay; 0 = none
  int page_size = 20;               // products per listing page
  std::string order_prefix;         // order numbers: prefix + 10 digits

  const DemoShopItem* Find(std::string_view sku) const;
};

struct CatalogOptions {
  uint64_t seed = 42;
  int listing_products = 60;  // products of the kListing shop
  bool heavy = false;         // product pages padded to >= 200 KB
};

// The shops of the district of `options.seed` (gen::MakeDistrict(seed, 50)): seven shops, one
// per style, each with one scenario (one honest). Deterministic.
std::vector<DemoShop> MakeDemoShops(const CatalogOptions& options);

struct DemoBuyer {
  std::string name;
  std::string id_number;
  std::string phone;
  std::string address;
};

struct DemoOrderLine {
  std::string sku;
  std::string name;
  std::string code10;
  int qty = 0;
  core::Fen unit_charged = 0;
  core::Fen unit_declared = 0;
  bool declared = true;
};

// One order placed in a shop: what it charged and what its enterprise declares for it.
struct DemoOrder {
  std::string shop_key;
  std::string enterprise_key;
  std::string order_no;
  DemoBuyer buyer;
  std::vector<DemoOrderLine> lines;
  core::Fen goods_charged = 0;
  core::Fen freight_charged = 0;
  core::Fen tax_charged = 0;
  core::Fen discount_charged = 0;
  core::Fen total_charged = 0;  // goods + freight + tax - discount
  // What the declaration carries (meaningful when `declared`).
  bool declared = true;  // false: the enterprise never declares this order
  core::Fen goods_declared = 0;
  core::Fen freight_declared = 0;
  core::Fen tax_declared = 0;  // the within-limits CBEC tax of the declared values
  core::Fen discount_declared = 0;
  core::Date date;
};

struct CartLine {
  std::string sku;
  int qty = 0;
};

// Prices an order of `lines` (skus of `shop`, qty >= 1) as the shop charges it and as its
// enterprise declares it, with the CBEC tax from `rates` on `date`. InvalidArgument for an
// unknown sku or a quantity outside 1..99. Pure.
core::StatusOr<DemoOrder> PriceOrder(const DemoShop& shop, const std::vector<CartLine>& lines,
                                     const core::TaxRateTable& rates, const core::Date& date);

// The within-limits CBEC tax of lines priced at the given unit prices (as gen::HonestTax does
// for a list). Pure.
core::Fen CbecTax(const DemoShop& shop, const std::vector<DemoOrderLine>& lines, bool declared,
                  core::Fen freight, core::Fen discount, const core::TaxRateTable& rates,
                  const core::Date& date);

}  // namespace shops
