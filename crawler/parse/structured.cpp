// Structured data: JSON-LD objects, microdata as JSON-LD-shaped objects, OpenGraph, and the
// product/offer collector shared by all three. Pure (no I/O).
#include "parse/structured.h"

#include <algorithm>

#include "parse/json_path.h"

namespace crawler {
namespace {

using core::Json;

constexpr int kMaxDepth = 32;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string LastSegment(std::string_view type) {
  while (!type.empty() && (type.back() == '/' || type.back() == '#')) type.remove_suffix(1);
  size_t cut = type.find_last_of("/#");
  if (cut != std::string_view::npos) type.remove_prefix(cut + 1);
  return std::string(type);
}

std::string TypeOf(const Json& obj) {
  auto it = obj.find("@type");
  if (it == obj.end()) return "";
  const Json& t = *it;
  if (t.is_string()) return LastSegment(t.get_ref<const std::string&>());
  if (t.is_array() && !t.empty() && t[0].is_string()) {
    // Prefer "Product" when a node lists several types.
    for (const Json& e : t) {
      if (e.is_string() && LastSegment(e.get_ref<const std::string&>()) == "Product") {
        return "Product";
      }
    }
    return LastSegment(t[0].get_ref<const std::string&>());
  }
  return "";
}

std::string Text(const Json& obj, std::string_view key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  auto text = JsonScalarText(*it);
  return text ? *text : "";
}

bool HasScalar(const Json& obj, std::string_view key) { return !Text(obj, key).empty(); }

StructuredOffer OfferFrom(const Json& obj) {
  StructuredOffer o;
  o.type = TypeOf(obj);
  o.low_price = Text(obj, "lowPrice");
  o.high_price = Text(obj, "highPrice");
  o.price = Text(obj, "price");
  o.currency = Text(obj, "priceCurrency");
  auto spec = obj.find("priceSpecification");
  if (spec != obj.end()) {
    const Json* s = &*spec;
    if (s->is_array() && !s->empty()) s = &(*s)[0];
    if (s->is_object()) {
      if (o.price.empty()) o.price = Text(*s, "price");
      if (o.currency.empty()) o.currency = Text(*s, "priceCurrency");
    }
  }
  if (o.price.empty()) o.price = o.low_price;
  o.availability = Text(obj, "availability");
  o.name = Text(obj, "name");
  o.sku = Text(obj, "sku");
  return o;
}

void AddOffers(const Json& v, int depth, std::vector<StructuredOffer>* offers) {
  if (depth > kMaxDepth) return;
  if (v.is_array()) {
    for (const Json& e : v) AddOffers(e, depth + 1, offers);
    return;
  }
  if (!v.is_object()) return;
  StructuredOffer o = OfferFrom(v);
  if (!o.price.empty() || !o.high_price.empty() || !o.availability.empty()) {
    offers->push_back(std::move(o));
  }
  auto nested = v.find("offers");
  if (nested != v.end()) AddOffers(*nested, depth + 1, offers);
}

void Collect(const Json& v, std::string_view source, int depth,
             std::vector<StructuredProduct>* out) {
  if (depth > kMaxDepth) return;
  if (v.is_array()) {
    for (const Json& e : v) Collect(e, source, depth + 1, out);
    return;
  }
  if (!v.is_object()) return;
  std::string type = TypeOf(v);
  auto offers = v.find("offers");
  bool priced = HasScalar(v, "price") || HasScalar(v, "lowPrice");
  if (offers != v.end() || type == "Product" || priced) {
    StructuredProduct p;
    p.source = std::string(source);
    p.type = type;
    p.name = Text(v, "name");
    p.sku = Text(v, "sku");
    if (p.sku.empty()) p.sku = Text(v, "productID");
    if (offers != v.end()) {
      AddOffers(*offers, depth + 1, &p.offers);
    } else if (priced) {
      p.offers.push_back(OfferFrom(v));  // an Offer or PriceSpecification on its own
    }
    out->push_back(std::move(p));
    if (priced && offers == v.end()) return;
  }
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (it.key() == "offers") continue;
    if (it->is_object() || it->is_array()) Collect(*it, source, depth + 1, out);
  }
}

// The value an itemprop element carries (not for nested items).
std::string PropertyValue(const GumboNode* el) {
  // Attribute values are trimmed, as browsers do for URLs ("  http://schema.org/InStock").
  auto attr_or_empty = [&](std::string_view name) {
    auto v = Attr(el, name);
    if (!v) return std::string();
    std::string_view t = *v;
    while (!t.empty() && IsJsonSpace(t.front())) t.remove_prefix(1);
    while (!t.empty() && IsJsonSpace(t.back())) t.remove_suffix(1);
    return std::string(t);
  };
  switch (el->v.element.tag) {
    case GUMBO_TAG_META:
      return attr_or_empty("content");
    case GUMBO_TAG_A:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_LINK:
      return attr_or_empty("href");
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_TRACK:
      return attr_or_empty("src");
    case GUMBO_TAG_OBJECT:
      return attr_or_empty("data");
    case GUMBO_TAG_METER:
      return attr_or_empty("value");
    case GUMBO_TAG_TIME:
      if (Attr(el, "datetime")) return attr_or_empty("datetime");
      break;
    default:
      if (HasTagName(el, "data")) return attr_or_empty("value");
      break;
  }
  // Many shops put the machine value in a content attribute on any element.
  if (Attr(el, "content")) return attr_or_empty("content");
  return VisibleText(el);
}

void AddProperty(Json* obj, std::string_view names, Json value) {
  size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && IsJsonSpace(names[i])) ++i;
    size_t j = i;
    while (j < names.size() && !IsJsonSpace(names[j])) ++j;
    if (j > i) {
      std::string name = std::string(names.substr(i, j - i));
      // Absolute property names ("http://schema.org/price") read as their short name.
      if (name.find(':') != std::string::npos) name = LastSegment(name);
      auto it = obj->find(name);
      if (it == obj->end()) {
        (*obj)[name] = value;
      } else if (it->is_array()) {
        it->push_back(value);
      } else {
        Json arr = Json::array();
        arr.push_back(std::move(*it));
        arr.push_back(value);
        *it = std::move(arr);
      }
    }
    i = j;
  }
}

Json ItemToJson(const HtmlDocument& doc, const GumboNode* item, int depth,
                std::vector<const GumboNode*>* active) {
  Json obj = Json::object();
  if (auto type = Attr(item, "itemtype")) {
    std::string_view t = *type;
    while (!t.empty() && IsJsonSpace(t.front())) t.remove_prefix(1);
    t = t.substr(0, t.find_first_of(" \t\n\r"));
    if (!t.empty()) obj["@type"] = LastSegment(t);
  }
  if (auto id = Attr(item, "itemid")) obj["@id"] = std::string(*id);
  active->push_back(item);
  // (node, referenced): itemref'd elements are roots themselves (they may carry itemprop);
  // one with itemscope and no itemprop lends its properties, as extruct reads it. Children are
  // pushed in reverse so that properties come out in document order, own ones first.
  std::vector<std::pair<const GumboNode*, bool>> stack;
  if (auto refs = Attr(item, "itemref")) {
    std::string_view r = *refs;
    std::vector<const GumboNode*> referenced;
    size_t i = 0;
    while (i < r.size()) {
      while (i < r.size() && IsJsonSpace(r[i])) ++i;
      size_t j = i;
      while (j < r.size() && !IsJsonSpace(r[j])) ++j;
      if (j > i) {
        const GumboNode* el = doc.ElementById(r.substr(i, j - i));
        if (el != nullptr && el != item) referenced.push_back(el);
      }
      i = j;
    }
    for (size_t k = referenced.size(); k-- > 0;) stack.push_back({referenced[k], true});
  }
  const GumboVector& ch = item->v.element.children;
  for (unsigned k = ch.length; k-- > 0;) {
    stack.push_back({static_cast<const GumboNode*>(ch.data[k]), false});
  }
  while (!stack.empty()) {
    auto [n, referenced] = stack.back();
    stack.pop_back();
    if (!IsElement(n)) continue;
    auto prop = Attr(n, "itemprop");
    bool scope = Attr(n, "itemscope").has_value();
    if (prop) {
      if (scope) {
        bool cycle = std::find(active->begin(), active->end(), n) != active->end();
        if (depth < kMaxDepth && !cycle) {
          AddProperty(&obj, *prop, ItemToJson(doc, n, depth + 1, active));
        }
      } else {
        AddProperty(&obj, *prop, Json(PropertyValue(n)));
      }
    }
    if (scope && (prop || !referenced)) continue;  // a nested item's properties are its own
    if (scope && std::find(active->begin(), active->end(), n) != active->end()) continue;
    const GumboVector& kids = n->v.element.children;
    for (unsigned k = kids.length; k-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(kids.data[k]), false});
    }
  }
  active->pop_back();
  return obj;
}

void AddOpenGraph(const HtmlDocument& doc, std::vector<StructuredProduct>* out) {
  auto meta = [&](std::string_view key) {
    auto v = doc.Meta(key);
    return v ? std::string(*v) : std::string();
  };
  StructuredOffer o;
  o.type = "og";
  o.price = meta("product:sale_price:amount");
  if (o.price.empty()) o.price = meta("product:price:amount");
  if (o.price.empty()) o.price = meta("og:price:amount");
  o.currency = meta("product:sale_price:currency");
  if (o.currency.empty()) o.currency = meta("product:price:currency");
  if (o.currency.empty()) o.currency = meta("og:price:currency");
  o.original_price = meta("product:original_price:amount");
  if (!meta("product:sale_price:amount").empty() && o.original_price.empty()) {
    o.original_price = meta("product:price:amount");
  }
  o.availability = meta("product:availability");
  if (o.availability.empty()) o.availability = meta("og:availability");
  if (o.price.empty() && o.availability.empty()) return;
  StructuredProduct p;
  p.source = "opengraph";
  p.type = meta("og:type");
  p.name = meta("og:title");
  p.sku = meta("product:retailer_item_id");
  p.offers.push_back(std::move(o));
  out->push_back(std::move(p));
}

}  // namespace

Json MicrodataItem(const HtmlDocument& doc, const GumboNode* item) {
  std::vector<const GumboNode*> active;
  if (!IsElement(item)) return Json::object();
  return ItemToJson(doc, item, 0, &active);
}

void CollectProducts(const Json& value, std::string_view source,
                     std::vector<StructuredProduct>* out) {
  Collect(value, source, 0, out);
}

StructuredData ReadStructuredData(const HtmlDocument& doc) {
  StructuredData data;
  for (const std::string& script : doc.json_ld_scripts()) {
    auto parsed = ParseLenientJson(script);
    if (!parsed.ok()) {
      ++data.json_ld_unreadable;
      continue;
    }
    Json& v = *parsed;
    if (v.is_array()) {
      for (Json& e : v) {
        if (!e.is_null()) data.json_ld.push_back(std::move(e));
      }
    } else if (!v.is_null()) {
      data.json_ld.push_back(std::move(v));
    }
  }
  for (const Json& v : data.json_ld) CollectProducts(v, "json-ld", &data.products);
  for (const GumboNode* root : doc.microdata_roots()) {
    data.microdata.push_back(MicrodataItem(doc, root));
  }
  for (const Json& v : data.microdata) CollectProducts(v, "microdata", &data.products);
  AddOpenGraph(doc, &data.products);
  return data;
}

}  // namespace crawler
