// A shop's site profile (docs/site-profiles.md) as a plain struct: listing and field rules,
// fetch.price_json, the checkout steps and totals; parsed, validated and compiled once, and
// written back to JSON (SiteProfileJson round-trips). Pure (no I/O).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "parse/json_path.h"
#include "profile/rule.h"

namespace crawler {

struct ProfileFields {
  RuleList name, sku, price, old_price, freight, stock, currency;
};

struct PriceJsonFetch {
  std::string url;  // resolved against the product page; "{sku}" and captured variables filled
  std::string json_path;
  std::shared_ptr<const JsonPath> path;  // compiled json_path
};

struct CheckoutCheck {
  std::string contains;                       // {"contains": text}, or
  std::string regex;                          // {"regex": pattern}
  std::shared_ptr<const TextRegex> compiled;  // set for regex checks
};

struct CheckoutStep {
  std::string name;
  std::string method = "GET";  // "GET" | "POST"
  std::string url;             // resolved against the first start URL; may hold {variables}
  // Form fields (sent as x-www-form-urlencoded), in key order; values may hold {variables}.
  std::vector<std::pair<std::string, std::string>> form;
  std::optional<core::Json> json;  // an object sent as JSON; strings may hold {variables}
  std::vector<int> expect_status;  // empty: 200–299 and followed redirects count as success
  std::vector<std::pair<std::string, RuleList>> capture;  // variable -> rules, in key order
  std::vector<CheckoutCheck> check;
};

struct CheckoutTotals {
  std::string from;  // step name; "" = the last step
  RuleList order_no, goods, freight, tax, total;
};

struct Checkout {
  std::vector<CheckoutStep> steps;
  std::optional<CheckoutTotals> totals;
};

struct SiteProfile {
  int profile_version = 1;
  std::string name;
  std::vector<std::string> allowed_hosts;  // "host:port", port always written, host lower case
  std::vector<std::string> start_urls;
  RuleList product_link, next_page;  // listing.*
  std::string product_url;           // ECMAScript regex on path (+ "?query"); "" = none
  std::shared_ptr<const TextRegex> product_url_regex;
  std::string charset = "auto";
  ProfileFields fields;
  std::optional<PriceJsonFetch> price_json;  // fetch.price_json
  std::optional<Checkout> checkout;

  // True when `path_and_query` ("/item/12", "/p?id=3") matches product_url (false without one).
  bool IsProductPath(std::string_view path_and_query) const;
  // True when "host:port" is one of allowed_hosts (case-insensitive host).
  bool IsAllowedHost(std::string_view host_port) const;
};

// Parses and validates a profile. InvalidArgument naming the JSON path of the first problem:
// "fields.price[1].css: unexpected ']' at 7", "allowed_hosts[0]: must be host:port",
// "start_urls[0]: host 10.0.0.1:80 is not in allowed_hosts", "checkout.steps[2].method: must be
// GET or POST", "fields.colour: unknown field", "product_url: bad regex: ...". Required: name,
// allowed_hosts and start_urls (non-empty); everything else is optional.
core::StatusOr<SiteProfile> ParseSiteProfile(std::string_view json_text);
core::StatusOr<SiteProfile> SiteProfileFromJson(const core::Json& json);

// The profile as JSON in the documented shape; SiteProfileFromJson(SiteProfileJson(p)) gives p
// back (defaults are written out).
core::Json SiteProfileJson(const SiteProfile& profile);

}  // namespace crawler
