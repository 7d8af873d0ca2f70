// Reading a product page: name, SKU, price, currency, original price, freight and stock, each
// with the source that gave it, and every price seen on the way (so a patrol can explain its
// reading); and the links of a listing page. Order per field: site-profile rules, JSON-LD,
// microdata, OpenGraph, visible-text heuristics. Pure: bytes in, structs out (no I/O).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "parse/html_document.h"
#include "parse/structured.h"
#include "profile/site_profile.h"

namespace crawler {

// Field sources.
inline constexpr std::string_view kSourceProfile = "profile";
inline constexpr std::string_view kSourceJsonLd = "json-ld";
inline constexpr std::string_view kSourceMicrodata = "microdata";
inline constexpr std::string_view kSourceOpenGraph = "opengraph";
inline constexpr std::string_view kSourceText = "text";

struct PriceCandidate {
  int64_t hundredths = 0;
  std::string currency;  // ISO code; "" when the page names none
  std::string role;      // "price", "original", "coupon", "freight", "tax", "total", "low", "high"
  std::string source;    // one of the sources above
  std::string text;      // the text it was read from (shortened)
};

struct ExtractedProduct {
  std::string name;
  std::string sku;
  std::optional<int64_t> price;  // hundredths of the currency's main unit
  std::string currency;          // ISO code; "" when nothing on the page names one
  std::optional<int64_t> old_price;
  std::optional<int64_t> freight;  // 0 when shipping is free
  bool free_shipping = false;
  std::optional<bool> in_stock;
  // Where each field came from ("" when not found).
  std::string name_source, sku_source, price_source, currency_source, old_price_source,
      freight_source, stock_source;
  std::vector<PriceCandidate> candidates;  // every price seen, in the order they were read
};

// Reads a product page. `page_url` is the page's absolute URL (kept for link resolution by
// callers; extraction itself does not fetch). `profile` may be null (generic extraction only).
// Never fails: a field nothing yields stays empty.
ExtractedProduct ExtractProduct(std::string_view html_utf8, std::string_view page_url,
                                const SiteProfile* profile);
// The same over an already parsed document (the crawler parses each page once).
ExtractedProduct ExtractProduct(const HtmlDocument& doc, const SiteProfile* profile);

struct ExtractedLinks {
  std::vector<std::string> product_links;  // absolute, de-duplicated, in page order
  std::vector<std::string> next_pages;     // absolute, de-duplicated
};

// Links of a listing page: with a profile, its listing.product_link and listing.next_page
// rules (every match of every rule); without one (or when its rules find nothing), every
// same-origin <a href> as product links. Links are resolved against <base href> or `page_url`
// (fetch/url.h ResolveUrl); links that do not resolve to http(s) are dropped, and with a
// profile so are links to hosts outside allowed_hosts.
ExtractedLinks ExtractLinks(std::string_view html_utf8, std::string_view page_url,
                            const SiteProfile* profile);
ExtractedLinks ExtractLinks(const HtmlDocument& doc, std::string_view page_url,
                            const SiteProfile* profile);

// The reading as JSON (for evidence and the profile editor's preview): fields, sources and
// candidates; absent fields are null.
core::Json ExtractedProductJson(const ExtractedProduct& product);

}  // namespace crawler
