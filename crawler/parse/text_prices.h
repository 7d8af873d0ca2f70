// Visible-text price heuristics for pages whose structured data and profile say nothing: find
// the main product block (around the <h1>, else elements classed "price", else the body), read
// its prices with the core's price-text reader, prefer the current price over struck-through
// and reference prices. Pure (no I/O).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/price_text.h"
#include "parse/html_document.h"

namespace crawler {

struct TextPrice {
  core::PriceAmount amount;
  core::PriceRole role = core::PriceRole::kPrice;
  bool struck = false;  // inside <del>/<s>/<strike>
  std::string snippet;  // the text around it (for evidence)
};

struct TextPrices {
  std::vector<TextPrice> mentions;  // every amount of the chosen block, in text order
  std::optional<TextPrice> price;   // the current price (kPrice, else kCoupon)
  std::optional<TextPrice> old_price;
  std::optional<TextPrice> freight;  // from the block, else from the whole page
  bool free_shipping = false;        // free-shipping wording in the block or on the page
};

// Never fails; fields stay empty when the page shows no usable price.
TextPrices ReadTextPrices(const HtmlDocument& doc);

}  // namespace crawler
