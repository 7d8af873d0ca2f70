// Text price heuristics: block choice and mention ranking. Pure (no I/O).
#include "parse/text_prices.h"

#include <string_view>

namespace crawler {
namespace {

using core::PriceRole;

// Past this size a block is the whole page, not the product box around the title.
constexpr size_t kMaxBlockText = 16 * 1024;
constexpr int kMaxClimb = 6;

struct Block {
  std::string text;
  std::vector<TextRange> struck;
  core::PriceTextReading reading;
};

Block ReadBlock(const GumboNode* node) {
  Block b;
  b.text = VisibleText(node, &b.struck);
  b.reading = core::ReadPriceText(b.text);
  return b;
}

bool InStruck(const Block& b, size_t pos) {
  for (const TextRange& r : b.struck) {
    if (pos >= r.first && pos < r.second) return true;
  }
  return false;
}

std::string Snippet(const std::string& text, size_t begin, size_t end) {
  // Back up to 24 bytes before (on a UTF-8 boundary) for the label.
  size_t from = begin > 24 ? begin - 24 : 0;
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  size_t to = end < text.size() ? end : text.size();
  return text.substr(from, to - from);
}

TextPrice ToTextPrice(const Block& b, const core::PriceMention& m) {
  TextPrice p;
  p.amount = m.amount;
  p.role = m.role;
  p.struck = InStruck(b, m.begin);
  if (p.struck && p.role == PriceRole::kPrice) p.role = PriceRole::kOriginal;
  p.snippet = Snippet(b.text, m.begin, m.end);
  return p;
}

// Fills price / old_price / freight from the block; true when a price was found.
bool Pick(const Block& b, bool require_currency, TextPrices* out) {
  std::vector<TextPrice> mentions;
  for (const core::PriceMention& m : b.reading.mentions) mentions.push_back(ToTextPrice(b, m));
  std::optional<TextPrice> price;
  std::optional<TextPrice> coupon;
  std::optional<TextPrice> old_price;
  std::optional<TextPrice> freight;
  for (const TextPrice& p : mentions) {
    bool usable = !require_currency || !p.amount.currency.empty();
    if (p.role == PriceRole::kPrice && usable && !price) price = p;
    if (p.role == PriceRole::kCoupon && usable && !coupon) coupon = p;
    if (p.role == PriceRole::kOriginal && !old_price) old_price = p;
    if (p.role == PriceRole::kFreight && !freight) freight = p;
  }
  if (!price) price = coupon;
  if (!price) return false;
  out->mentions = std::move(mentions);
  out->price = std::move(price);
  out->old_price = std::move(old_price);
  out->freight = std::move(freight);
  out->free_shipping = b.reading.free_shipping;
  return true;
}

bool ContainsPriceWord(std::string_view v) {
  for (size_t i = 0; i + 5 <= v.size(); ++i) {
    bool match = true;
    for (size_t k = 0; k < 5 && match; ++k) {
      char c = v[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      match = c == "price"[k];
    }
    if (match) return true;
  }
  return false;
}

bool IsPriceElement(const GumboNode* n) {
  auto cls = Attr(n, "class");
  if (cls && ContainsPriceWord(*cls)) return true;
  auto id = Attr(n, "id");
  if (id && ContainsPriceWord(*id)) return true;
  auto prop = Attr(n, "itemprop");
  return prop && ContainsPriceWord(*prop);
}

// The outermost elements classed like prices, in document order (not inside one another, and
// not inside hidden content).
std::vector<const GumboNode*> PriceElements(const GumboNode* body) {
  std::vector<const GumboNode*> found;
  std::vector<const GumboNode*> stack{body};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!IsElement(n)) continue;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
        tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_SVG) {
      continue;
    }
    if (n != body && IsPriceElement(n)) {
      found.push_back(n);
      continue;
    }
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
  }
  return found;
}

}  // namespace

TextPrices ReadTextPrices(const HtmlDocument& doc) {
  TextPrices out;
  bool found = false;
  // 1. The product box: the smallest block around the title that shows a price with a
  // currency (prices elsewhere on the page belong to recommendations and banners).
  if (const GumboNode* h1 = doc.first_h1()) {
    const GumboNode* node = h1->parent;
    for (int level = 0; level < kMaxClimb && IsElement(node); ++level, node = node->parent) {
      Block b = ReadBlock(node);
      if (b.text.size() > kMaxBlockText) break;
      if (Pick(b, /*require_currency=*/true, &out)) {
        found = true;
        break;
      }
    }
  }
  // 2. Elements the shop itself classes as prices; a bare amount counts there.
  if (!found) {
    for (const GumboNode* el : PriceElements(doc.body())) {
      Block b = ReadBlock(el);
      if (Pick(b, /*require_currency=*/false, &out)) {
        found = true;
        break;
      }
    }
  }
  // 3. The whole page, amounts with a currency only.
  core::PriceTextReading page;
  bool page_read = false;
  if (!found) {
    Block b;
    b.text = doc.BodyText();
    b.reading = core::ReadPriceText(b.text);
    found = Pick(b, /*require_currency=*/true, &out);
    page = b.reading;
    page_read = true;
  }
  // Freight is often shown away from the price (a delivery box), so look page-wide too.
  if (!out.freight && !out.free_shipping) {
    if (!page_read) page = core::ReadPriceText(doc.BodyText());
    for (const core::PriceMention& m : page.mentions) {
      if (m.role == PriceRole::kFreight) {
        TextPrice p;
        p.amount = m.amount;
        p.role = m.role;
        p.snippet = Snippet(doc.BodyText(), m.begin, m.end);
        out.freight = std::move(p);
        break;
      }
    }
    if (!out.freight) out.free_shipping = page.free_shipping;
  }
  return out;
}

}  // namespace crawler
