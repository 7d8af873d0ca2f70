// schema.org data a page carries: JSON-LD (parsed leniently, as real sites write it), microdata
// (as JSON-LD-shaped objects) and OpenGraph, and the products and offers found in them.
// Pure: a parsed document in, structures out (no I/O).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "parse/html_document.h"
#include "parse/lenient_json.h"

namespace crawler {

// One offer (or price specification) as the page states it; amounts are the raw text
// ("119.99", "$35"), read later with the core's price reader.
struct StructuredOffer {
  std::string type;   // "Offer", "AggregateOffer", "PriceSpecification", ...
  std::string price;  // price, else lowPrice
  std::string low_price;
  std::string high_price;
  std::string original_price;  // OpenGraph product:original_price:amount
  std::string currency;
  std::string availability;  // "http://schema.org/InStock", "InStock", "instock", ...
  std::string name;
  std::string sku;
};

// Something sold on the page: a Product (or an Event, a Book...) with its offers.
struct StructuredProduct {
  std::string source;  // "json-ld" | "microdata" | "opengraph"
  std::string type;    // "Product", "Event", ...; "" when the object names none
  std::string name;
  std::string sku;
  std::vector<StructuredOffer> offers;  // in page order; nested AggregateOffer.offers flattened
};

struct StructuredData {
  // Top-level JSON-LD objects in page order (a script holding an array gives its elements;
  // null and unparseable scripts give nothing).
  std::vector<core::Json> json_ld;
  int json_ld_unreadable = 0;  // scripts that even the lenient reading could not parse
  // Top-level microdata items as JSON-LD-shaped objects ({"@type": "Product", "name": ...}).
  std::vector<core::Json> microdata;
  // Products from JSON-LD, then microdata, then OpenGraph.
  std::vector<StructuredProduct> products;
};

// Reads everything above from a parsed document. Never fails.
StructuredData ReadStructuredData(const HtmlDocument& doc);

// One microdata item (an element with itemscope) as a JSON-LD-shaped object: "@type" from
// itemtype (the last path segment), each itemprop as a key (several values become an array),
// nested items as objects, itemref followed. Values: meta@content, a/link/area@href,
// img/audio/video/source/iframe/embed@src, object@data, data/meter@value, time@datetime, else
// a content attribute, else the text.
core::Json MicrodataItem(const HtmlDocument& doc, const GumboNode* item);

// Products and stand-alone offers found anywhere inside a JSON-LD-shaped value (@graph, arrays,
// nested objects), appended to `out` with `source`.
void CollectProducts(const core::Json& value, std::string_view source,
                     std::vector<StructuredProduct>* out);

}  // namespace crawler
