// ExtractProduct / ExtractLinks: profile rules, then structured data, then text heuristics,
// recording where each field came from. Pure (no I/O).
#include "parse/extract.h"

#include "core/price_text.h"
#include "parse/text_prices.h"
#include "profile/rule_eval.h"

namespace crawler {
namespace {

using core::PriceRole;

std::string Shorten(std::string_view s) {
  constexpr size_t kMax = 120;
  if (s.size() <= kMax) return std::string(s);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut));
}

// "5.2900" has more decimals than the reader accepts; zeros beyond the cents say nothing.
std::string DropExtraZeros(std::string_view text) {
  std::string t(text);
  size_t dot = t.find('.');
  if (dot == std::string::npos) return t;
  while (t.size() > dot + 3 && t.back() == '0') t.pop_back();
  return t;
}

// One amount from a field's text: the whole text as an amount, else the first mention with the
// wanted role, else the first mention.
std::optional<core::PriceAmount> ReadAmount(std::string_view text, PriceRole wanted) {
  auto whole = core::ParsePriceAmount(text);
  if (whole.ok()) return *whole;
  auto trimmed = core::ParsePriceAmount(DropExtraZeros(text));
  if (trimmed.ok()) return *trimmed;
  core::PriceTextReading reading = core::ReadPriceText(text);
  for (const core::PriceMention& m : reading.mentions) {
    if (m.role == wanted) return m.amount;
  }
  if (!reading.mentions.empty()) return reading.mentions.front().amount;
  return std::nullopt;
}

bool IsFreeShippingText(std::string_view text) {
  core::PriceTextReading reading = core::ReadPriceText(text);
  return reading.free_shipping && reading.mentions.empty();
}

// "InStock", "http://schema.org/OutOfStock", "有货", "缺货", "库存 12", "sold out".
std::optional<bool> StockFromText(std::string_view text) {
  std::string t = AsciiLower(text);
  for (std::string_view no : {"outofstock", "out of stock", "soldout", "sold out", "discontinued",
                              "无货", "缺货", "售罄", "已售完", "已下架", "暂无库存"}) {
    if (t.find(no) != std::string::npos) return false;
  }
  for (std::string_view yes : {"instock", "in stock", "limitedavailability", "onlineonly",
                               "instoreonly", "preorder", "有货", "现货", "在售"}) {
    if (t.find(yes) != std::string::npos) return true;
  }
  // A bare count ("库存 12", "12 件"): positive means in stock.
  bool digits = false;
  bool nonzero = false;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      digits = true;
      nonzero = nonzero || c != '0';
    }
  }
  if (digits) return nonzero;
  return std::nullopt;
}

// "CNY", "usd", "¥", "元", "RMB", "$" -> ISO code; "" when unknown.
std::string NormalizeCurrency(std::string_view text) {
  std::string t = AsciiLower(text);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(0, 1);
  if (t.size() == 3 && t.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
    std::string upper = t;
    for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
    return upper == "RMB" ? "CNY" : upper;
  }
  // Let the price reader name the symbol: "¥1" -> CNY, "$1" -> USD.
  for (const std::string& probe : {t + "1", "1" + t}) {
    auto amount = core::ParsePriceAmount(probe);
    if (amount.ok() && !amount->currency.empty()) return amount->currency;
  }
  return "";
}

void AddCandidate(ExtractedProduct* out, const core::PriceAmount& amount, std::string_view role,
                  std::string_view source, std::string_view text) {
  out->candidates.push_back(PriceCandidate{amount.hundredths, amount.currency, std::string(role),
                                           std::string(source), Shorten(text)});
}

// Reads an offer's amount text with the offer's currency as default.
std::optional<core::PriceAmount> OfferAmount(const std::string& text, const std::string& currency) {
  if (text.empty()) return std::nullopt;
  auto amount = ReadAmount(text, PriceRole::kPrice);
  if (!amount) return std::nullopt;
  if (!currency.empty()) amount->currency = NormalizeCurrency(currency);
  if (amount->currency.empty() && !currency.empty()) amount->currency = currency;
  return amount;
}

// The offer a product is sold at: an AggregateOffer's lowPrice (the "from" price shops
// advertise), else the first offer with a price.
const StructuredOffer* MainOffer(const StructuredProduct& p) {
  for (const StructuredOffer& o : p.offers) {
    if (o.type == "AggregateOffer" && !o.low_price.empty()) return &o;
  }
  for (const StructuredOffer& o : p.offers) {
    if (!o.price.empty()) return &o;
  }
  return nullptr;
}

void ApplyProfile(const SiteProfile& profile, const RuleInput& input, ExtractedProduct* out) {
  const ProfileFields& f = profile.fields;
  const std::string src(kSourceProfile);
  if (auto hit = ApplyRules(f.name, input)) {
    out->name = hit->value;
    out->name_source = src;
  }
  if (auto hit = ApplyRules(f.sku, input)) {
    out->sku = hit->value;
    out->sku_source = src;
  }
  if (auto hit = ApplyRules(f.price, input)) {
    if (auto amount = ReadAmount(hit->value, PriceRole::kPrice)) {
      out->price = amount->hundredths;
      out->price_source = src;
      if (!amount->currency.empty()) {
        out->currency = amount->currency;
        out->currency_source = src;
      }
      AddCandidate(out, *amount, "price", src, hit->value);
    }
  }
  if (auto hit = ApplyRules(f.old_price, input)) {
    if (auto amount = ReadAmount(hit->value, PriceRole::kOriginal)) {
      out->old_price = amount->hundredths;
      out->old_price_source = src;
      AddCandidate(out, *amount, "original", src, hit->value);
    }
  }
  if (auto hit = ApplyRules(f.freight, input)) {
    if (IsFreeShippingText(hit->value)) {
      out->freight = 0;
      out->free_shipping = true;
      out->freight_source = src;
    } else if (auto amount = ReadAmount(hit->value, PriceRole::kFreight)) {
      out->freight = amount->hundredths;
      out->free_shipping = amount->hundredths == 0;
      out->freight_source = src;
      AddCandidate(out, *amount, "freight", src, hit->value);
    }
  }
  if (auto hit = ApplyRules(f.stock, input)) {
    if (auto stock = StockFromText(hit->value)) {
      out->in_stock = stock;
      out->stock_source = src;
    }
  }
  if (auto hit = ApplyRules(f.currency, input)) {
    std::string code = NormalizeCurrency(hit->value);
    if (!code.empty()) {
      out->currency = code;
      out->currency_source = src;
    }
  }
}

void ApplyStructured(const StructuredData& data, ExtractedProduct* out) {
  // Every structured price is a candidate, whichever is chosen.
  for (const StructuredProduct& p : data.products) {
    for (const StructuredOffer& o : p.offers) {
      auto add = [&](const std::string& text, std::string_view role) {
        if (auto amount = OfferAmount(text, o.currency))
          AddCandidate(out, *amount, role, p.source, text);
      };
      if (!o.low_price.empty() || !o.high_price.empty()) {
        add(o.low_price, "low");
        add(o.high_price, "high");
        if (o.price != o.low_price) add(o.price, "price");
      } else {
        add(o.price, "price");
      }
      add(o.original_price, "original");
    }
  }
  // The product the page is about: the first one (JSON-LD, then microdata, then OpenGraph) that
  // has a priced offer; a typed Product wins over other things with offers (events, books).
  const StructuredProduct* chosen = nullptr;
  const StructuredOffer* offer = nullptr;
  for (int pass = 0; pass < 2 && chosen == nullptr; ++pass) {
    for (const StructuredProduct& p : data.products) {
      if (pass == 0 && p.type != "Product") continue;
      if (const StructuredOffer* o = MainOffer(p)) {
        chosen = &p;
        offer = o;
        break;
      }
    }
  }
  if (chosen != nullptr && !out->price) {
    if (auto amount = OfferAmount(offer->price, offer->currency)) {
      out->price = amount->hundredths;
      out->price_source = chosen->source;
      if (out->currency.empty() && !amount->currency.empty()) {
        out->currency = amount->currency;
        out->currency_source = chosen->source;
      }
    }
  }
  if (chosen != nullptr && out->currency.empty() && !offer->currency.empty()) {
    out->currency = NormalizeCurrency(offer->currency);
    if (!out->currency.empty()) out->currency_source = chosen->source;
  }
  if (chosen != nullptr && !out->old_price) {
    if (auto amount = OfferAmount(offer->original_price, offer->currency)) {
      out->old_price = amount->hundredths;
      out->old_price_source = chosen->source;
    }
  }
  if (chosen != nullptr && !out->in_stock && !offer->availability.empty()) {
    out->in_stock = StockFromText(offer->availability);
    if (out->in_stock) out->stock_source = chosen->source;
  }
  if (out->name.empty()) {
    const StructuredProduct* named = nullptr;
    if (chosen != nullptr && !chosen->name.empty()) named = chosen;
    for (const StructuredProduct& p : data.products) {
      if (named == nullptr && p.type == "Product" && !p.name.empty()) named = &p;
    }
    if (named != nullptr) {
      out->name = named->name;
      out->name_source = named->source;
    }
  }
  if (out->sku.empty() && chosen != nullptr) {
    std::string sku = !chosen->sku.empty() ? chosen->sku : offer->sku;
    if (!sku.empty()) {
      out->sku = sku;
      out->sku_source = chosen->source;
    }
  }
}

void ApplyText(const HtmlDocument& doc, ExtractedProduct* out) {
  TextPrices tp = ReadTextPrices(doc);
  const std::string src(kSourceText);
  for (const TextPrice& m : tp.mentions) {
    AddCandidate(out, m.amount, core::PriceRoleName(m.role), src, m.snippet);
  }
  if (!out->price && tp.price) {
    out->price = tp.price->amount.hundredths;
    out->price_source = src;
    if (out->currency.empty() && !tp.price->amount.currency.empty()) {
      out->currency = tp.price->amount.currency;
      out->currency_source = src;
    }
  }
  if (!out->old_price && tp.old_price) {
    out->old_price = tp.old_price->amount.hundredths;
    out->old_price_source = src;
  }
  if (!out->freight) {
    if (tp.freight) {
      out->freight = tp.freight->amount.hundredths;
      out->free_shipping = out->freight == 0;
      out->freight_source = src;
      if (tp.mentions.empty())
        AddCandidate(out, tp.freight->amount, "freight", src, tp.freight->snippet);
    } else if (tp.free_shipping) {
      out->freight = 0;
      out->free_shipping = true;
      out->freight_source = src;
    }
  }
  if (out->name.empty() && doc.first_h1() != nullptr) {
    out->name = VisibleText(doc.first_h1());
    if (!out->name.empty()) out->name_source = src;
  }
}

}  // namespace

ExtractedProduct ExtractProduct(const HtmlDocument& doc, const SiteProfile* profile) {
  ExtractedProduct out;
  StructuredData data = ReadStructuredData(doc);
  if (profile != nullptr) {
    RuleInput input;
    input.doc = &doc;
    input.structured = &data;
    ApplyProfile(*profile, input, &out);
  }
  ApplyStructured(data, &out);
  if (out.name.empty()) {
    if (auto title = doc.Meta("og:title"); title && !title->empty()) {
      out.name = std::string(*title);
      out.name_source = std::string(kSourceOpenGraph);
    }
  }
  ApplyText(doc, &out);
  return out;
}

ExtractedProduct ExtractProduct(std::string_view html_utf8, std::string_view page_url,
                                const SiteProfile* profile) {
  (void)page_url;  // reserved: extraction reads the page only
  HtmlDocument doc(html_utf8);
  return ExtractProduct(doc, profile);
}

core::Json ExtractedProductJson(const ExtractedProduct& p) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? core::Json(*v) : core::Json(); };
  auto str = [](const std::string& s) { return s.empty() ? core::Json() : core::Json(s); };
  core::Json candidates = core::Json::array();
  for (const PriceCandidate& c : p.candidates) {
    candidates.push_back({{"hundredths", c.hundredths},
                          {"currency", str(c.currency)},
                          {"role", c.role},
                          {"source", c.source},
                          {"text", c.text}});
  }
  return {{"name", str(p.name)},
          {"sku", str(p.sku)},
          {"price", opt(p.price)},
          {"currency", str(p.currency)},
          {"old_price", opt(p.old_price)},
          {"freight", opt(p.freight)},
          {"free_shipping", p.free_shipping},
          {"in_stock", p.in_stock ? core::Json(*p.in_stock) : core::Json()},
          {"sources",
           {{"name", str(p.name_source)},
            {"sku", str(p.sku_source)},
            {"price", str(p.price_source)},
            {"currency", str(p.currency_source)},
            {"old_price", str(p.old_price_source)},
            {"freight", str(p.freight_source)},
            {"stock", str(p.stock_source)}}},
          {"candidates", std::move(candidates)}};
}

}  // namespace crawler
