// Site profile parsing, validation and serialisation. Pure (no I/O).
#include "profile/site_profile.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>

#include "fetch/url.h"
#include "parse/html_document.h"

namespace crawler {
namespace {

using core::Json;

core::Status Err(const std::string& where, const std::string& message) {
  return core::InvalidArgumentError(where + ": " + message);
}

std::string Join(const std::string& where, std::string_view key) {
  return where.empty() ? std::string(key) : where + "." + std::string(key);
}

std::string Index(const std::string& where, size_t i) {
  return where + "[" + std::to_string(i) + "]";
}

core::Status CheckObject(const Json& j, const std::string& where,
                         std::initializer_list<std::string_view> keys) {
  if (!j.is_object()) return Err(where.empty() ? "profile" : where, "must be an object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (std::find(keys.begin(), keys.end(), it.key()) == keys.end()) {
      return Err(Join(where, it.key()), where == "fields" ? "unknown field" : "unknown key");
    }
  }
  return core::OkStatus();
}

const Json* Find(const Json& obj, std::string_view key) {
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

// A string member; nullopt when absent (or null), InvalidArgument when of another type.
core::StatusOr<std::optional<std::string>> Str(const Json& obj, std::string_view key,
                                               const std::string& where, bool required) {
  const Json* v = Find(obj, key);
  if (v == nullptr || v->is_null()) {
    if (required) return Err(Join(where, key), "required");
    return std::optional<std::string>();
  }
  if (!v->is_string()) return Err(Join(where, key), "must be a string");
  if (required && v->get_ref<const std::string&>().empty()) {
    return Err(Join(where, key), "must not be empty");
  }
  return std::optional<std::string>(v->get_ref<const std::string&>());
}

core::StatusOr<std::vector<std::string>> StrList(const Json& obj, std::string_view key,
                                                 const std::string& where) {
  std::vector<std::string> out;
  const Json* v = Find(obj, key);
  if (v == nullptr || v->is_null()) return out;
  const std::string at = Join(where, key);
  if (!v->is_array()) return Err(at, "must be a list of strings");
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string()) return Err(Index(at, i), "must be a string");
    out.push_back((*v)[i].get_ref<const std::string&>());
  }
  return out;
}

core::StatusOr<RuleList> Rules(const Json& obj, std::string_view key, const std::string& where) {
  const Json* v = Find(obj, key);
  if (v == nullptr || v->is_null()) return RuleList();
  return ParseRuleList(*v, Join(where, key));
}

core::StatusOr<std::string> HostPort(const std::string& text, const std::string& where) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return Err(where, "must be host:port");
  std::string_view port = std::string_view(text).substr(colon + 1);
  int n = 0;
  auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), n);
  if (port.empty() || ec != std::errc() || ptr != port.data() + port.size() || n < 1 || n > 65535) {
    return Err(where, "must be host:port");
  }
  return AsciiLower(text);
}

core::StatusOr<CheckoutStep> ParseStep(const Json& j, const std::string& where) {
  CORE_RETURN_IF_ERROR(CheckObject(
      j, where, {"name", "method", "url", "form", "json", "expect_status", "capture", "check"}));
  CheckoutStep step;
  CORE_ASSIGN_OR_RETURN(auto name, Str(j, "name", where, true));
  step.name = *name;
  CORE_ASSIGN_OR_RETURN(auto method, Str(j, "method", where, false));
  if (method) {
    step.method = *method;
    if (step.method != "GET" && step.method != "POST") {
      return Err(Join(where, "method"), "must be GET or POST");
    }
  }
  CORE_ASSIGN_OR_RETURN(auto url, Str(j, "url", where, true));
  step.url = *url;
  if (const Json* form = Find(j, "form"); form != nullptr && !form->is_null()) {
    const std::string at = Join(where, "form");
    if (!form->is_object()) return Err(at, "must be an object of strings");
    for (auto it = form->begin(); it != form->end(); ++it) {
      if (!it->is_string()) return Err(Join(at, it.key()), "must be a string");
      step.form.emplace_back(it.key(), it->get_ref<const std::string&>());
    }
  }
  if (const Json* body = Find(j, "json"); body != nullptr && !body->is_null()) {
    if (!body->is_object()) return Err(Join(where, "json"), "must be an object");
    if (!step.form.empty()) return Err(Join(where, "json"), "a step sends form or json, not both");
    step.json = *body;
  }
  if (const Json* statuses = Find(j, "expect_status");
      statuses != nullptr && !statuses->is_null()) {
    const std::string at = Join(where, "expect_status");
    if (!statuses->is_array()) return Err(at, "must be a list of HTTP statuses");
    for (size_t i = 0; i < statuses->size(); ++i) {
      const Json& s = (*statuses)[i];
      if (!s.is_number_integer() || s.get<int64_t>() < 100 || s.get<int64_t>() > 599) {
        return Err(Index(at, i), "must be an HTTP status (100-599)");
      }
      step.expect_status.push_back(static_cast<int>(s.get<int64_t>()));
    }
  }
  if (const Json* capture = Find(j, "capture"); capture != nullptr && !capture->is_null()) {
    const std::string at = Join(where, "capture");
    if (!capture->is_object()) return Err(at, "must be an object of rules");
    for (auto it = capture->begin(); it != capture->end(); ++it) {
      CORE_ASSIGN_OR_RETURN(RuleList rules, ParseRuleList(*it, Join(at, it.key())));
      step.capture.emplace_back(it.key(), std::move(rules));
    }
  }
  if (const Json* checks = Find(j, "check"); checks != nullptr && !checks->is_null()) {
    const std::string at = Join(where, "check");
    if (!checks->is_array()) return Err(at, "must be a list");
    for (size_t i = 0; i < checks->size(); ++i) {
      const std::string c_at = Index(at, i);
      const Json& c = (*checks)[i];
      CORE_RETURN_IF_ERROR(CheckObject(c, c_at, {"contains", "regex"}));
      if (c.size() != 1) return Err(c_at, "needs exactly one of contains, regex");
      CheckoutCheck check;
      CORE_ASSIGN_OR_RETURN(auto contains, Str(c, "contains", c_at, false));
      CORE_ASSIGN_OR_RETURN(auto regex, Str(c, "regex", c_at, false));
      if (contains) {
        check.contains = *contains;
        if (check.contains.empty()) return Err(Join(c_at, "contains"), "must not be empty");
      } else if (regex) {
        check.regex = *regex;
        auto compiled = CompileRegex(check.regex);
        if (!compiled.ok()) return Err(Join(c_at, "regex"), compiled.status().message());
        check.compiled = std::move(compiled).value();
      } else {
        return Err(c_at, "needs exactly one of contains, regex");
      }
      step.check.push_back(std::move(check));
    }
  }
  return step;
}

core::StatusOr<Checkout> ParseCheckout(const Json& j) {
  const std::string where = "checkout";
  CORE_RETURN_IF_ERROR(CheckObject(j, where, {"steps", "totals"}));
  Checkout checkout;
  const Json* steps = Find(j, "steps");
  if (steps == nullptr || !steps->is_array() || steps->empty()) {
    return Err("checkout.steps", "must be a non-empty list of steps");
  }
  for (size_t i = 0; i < steps->size(); ++i) {
    CORE_ASSIGN_OR_RETURN(CheckoutStep step, ParseStep((*steps)[i], Index("checkout.steps", i)));
    for (const CheckoutStep& earlier : checkout.steps) {
      if (earlier.name == step.name) {
        return Err(Index("checkout.steps", i) + ".name", "duplicate step name '" + step.name + "'");
      }
    }
    checkout.steps.push_back(std::move(step));
  }
  if (const Json* totals = Find(j, "totals"); totals != nullptr && !totals->is_null()) {
    const std::string at = "checkout.totals";
    CORE_RETURN_IF_ERROR(
        CheckObject(*totals, at, {"from", "order_no", "goods", "freight", "tax", "total"}));
    CheckoutTotals t;
    CORE_ASSIGN_OR_RETURN(auto from, Str(*totals, "from", at, false));
    if (from) {
      t.from = *from;
      bool known = std::any_of(checkout.steps.begin(), checkout.steps.end(),
                               [&](const CheckoutStep& s) { return s.name == t.from; });
      if (!known) return Err(at + ".from", "no step named '" + t.from + "'");
    }
    CORE_ASSIGN_OR_RETURN(t.order_no, Rules(*totals, "order_no", at));
    CORE_ASSIGN_OR_RETURN(t.goods, Rules(*totals, "goods", at));
    CORE_ASSIGN_OR_RETURN(t.freight, Rules(*totals, "freight", at));
    CORE_ASSIGN_OR_RETURN(t.tax, Rules(*totals, "tax", at));
    CORE_ASSIGN_OR_RETURN(t.total, Rules(*totals, "total", at));
    checkout.totals = std::move(t);
  }
  return checkout;
}

}  // namespace

bool SiteProfile::IsProductPath(std::string_view path_and_query) const {
  if (product_url_regex == nullptr) return false;
  return product_url_regex->Search(path_and_query);
}

bool SiteProfile::IsAllowedHost(std::string_view host_port) const {
  std::string lower = AsciiLower(host_port);
  return std::find(allowed_hosts.begin(), allowed_hosts.end(), lower) != allowed_hosts.end();
}

core::StatusOr<SiteProfile> ParseSiteProfile(std::string_view json_text) {
  CORE_ASSIGN_OR_RETURN(Json json, core::ParseJson(json_text));
  return SiteProfileFromJson(json);
}

core::StatusOr<SiteProfile> SiteProfileFromJson(const Json& j) {
  CORE_RETURN_IF_ERROR(
      CheckObject(j, "",
                  {"profile_version", "name", "allowed_hosts", "start_urls", "listing",
                   "product_url", "charset", "fields", "fetch", "checkout"}));
  SiteProfile p;
  if (const Json* v = Find(j, "profile_version"); v != nullptr && !v->is_null()) {
    if (!v->is_number_integer() || v->get<int64_t>() != 1) {
      return Err("profile_version", "must be 1");
    }
  }
  CORE_ASSIGN_OR_RETURN(auto name, Str(j, "name", "", true));
  p.name = *name;
  CORE_ASSIGN_OR_RETURN(auto hosts, StrList(j, "allowed_hosts", ""));
  if (hosts.empty()) return Err("allowed_hosts", "must list at least one host:port");
  for (size_t i = 0; i < hosts.size(); ++i) {
    CORE_ASSIGN_OR_RETURN(std::string hp, HostPort(hosts[i], Index("allowed_hosts", i)));
    p.allowed_hosts.push_back(std::move(hp));
  }
  CORE_ASSIGN_OR_RETURN(p.start_urls, StrList(j, "start_urls", ""));
  if (p.start_urls.empty()) return Err("start_urls", "must list at least one URL");
  for (size_t i = 0; i < p.start_urls.size(); ++i) {
    auto parts = ParseUrl(p.start_urls[i]);
    if (!parts.ok()) return Err(Index("start_urls", i), parts.status().message());
    const std::string hp = parts->HostPort();
    if (!p.IsAllowedHost(hp)) {
      return Err(Index("start_urls", i), "host " + hp + " is not in allowed_hosts");
    }
  }
  if (const Json* listing = Find(j, "listing"); listing != nullptr && !listing->is_null()) {
    CORE_RETURN_IF_ERROR(CheckObject(*listing, "listing", {"product_link", "next_page"}));
    CORE_ASSIGN_OR_RETURN(p.product_link, Rules(*listing, "product_link", "listing"));
    CORE_ASSIGN_OR_RETURN(p.next_page, Rules(*listing, "next_page", "listing"));
  }
  CORE_ASSIGN_OR_RETURN(auto product_url, Str(j, "product_url", "", false));
  if (product_url && !product_url->empty()) {
    p.product_url = *product_url;
    auto re = CompileRegex(p.product_url);
    if (!re.ok()) return Err("product_url", re.status().message());
    p.product_url_regex = std::move(re).value();
  }
  CORE_ASSIGN_OR_RETURN(auto charset, Str(j, "charset", "", false));
  if (charset) {
    if (charset->empty()) return Err("charset", "must be \"auto\" or a charset name");
    p.charset = *charset;
  }
  if (const Json* fields = Find(j, "fields"); fields != nullptr && !fields->is_null()) {
    CORE_RETURN_IF_ERROR(CheckObject(
        *fields, "fields", {"name", "sku", "price", "old_price", "freight", "stock", "currency"}));
    ProfileFields& f = p.fields;
    CORE_ASSIGN_OR_RETURN(f.name, Rules(*fields, "name", "fields"));
    CORE_ASSIGN_OR_RETURN(f.sku, Rules(*fields, "sku", "fields"));
    CORE_ASSIGN_OR_RETURN(f.price, Rules(*fields, "price", "fields"));
    CORE_ASSIGN_OR_RETURN(f.old_price, Rules(*fields, "old_price", "fields"));
    CORE_ASSIGN_OR_RETURN(f.freight, Rules(*fields, "freight", "fields"));
    CORE_ASSIGN_OR_RETURN(f.stock, Rules(*fields, "stock", "fields"));
    CORE_ASSIGN_OR_RETURN(f.currency, Rules(*fields, "currency", "fields"));
  }
  if (const Json* fetch = Find(j, "fetch"); fetch != nullptr && !fetch->is_null()) {
    CORE_RETURN_IF_ERROR(CheckObject(*fetch, "fetch", {"price_json"}));
    if (const Json* pj = Find(*fetch, "price_json"); pj != nullptr && !pj->is_null()) {
      const std::string at = "fetch.price_json";
      CORE_RETURN_IF_ERROR(CheckObject(*pj, at, {"url", "json_path"}));
      PriceJsonFetch f;
      CORE_ASSIGN_OR_RETURN(auto url, Str(*pj, "url", at, true));
      CORE_ASSIGN_OR_RETURN(auto path, Str(*pj, "json_path", at, true));
      f.url = *url;
      f.json_path = *path;
      auto compiled = JsonPath::Parse(f.json_path);
      if (!compiled.ok()) return Err(at + ".json_path", compiled.status().message());
      f.path = std::make_shared<const JsonPath>(std::move(compiled).value());
      p.price_json = std::move(f);
    }
  }
  if (const Json* checkout = Find(j, "checkout"); checkout != nullptr && !checkout->is_null()) {
    CORE_ASSIGN_OR_RETURN(Checkout c, ParseCheckout(*checkout));
    p.checkout = std::move(c);
  }
  return p;
}

Json SiteProfileJson(const SiteProfile& p) {
  Json j = Json::object();
  j["profile_version"] = p.profile_version;
  j["name"] = p.name;
  j["allowed_hosts"] = p.allowed_hosts;
  j["start_urls"] = p.start_urls;
  j["listing"] = {{"product_link", RuleListToJson(p.product_link)},
                  {"next_page", RuleListToJson(p.next_page)}};
  if (!p.product_url.empty()) j["product_url"] = p.product_url;
  j["charset"] = p.charset;
  Json fields = Json::object();
  auto put = [&](const char* key, const RuleList& rules) {
    if (!rules.empty()) fields[key] = RuleListToJson(rules);
  };
  put("name", p.fields.name);
  put("sku", p.fields.sku);
  put("price", p.fields.price);
  put("old_price", p.fields.old_price);
  put("freight", p.fields.freight);
  put("stock", p.fields.stock);
  put("currency", p.fields.currency);
  j["fields"] = std::move(fields);
  if (p.price_json) {
    j["fetch"] = {
        {"price_json", {{"url", p.price_json->url}, {"json_path", p.price_json->json_path}}}};
  }
  if (p.checkout) {
    Json steps = Json::array();
    for (const CheckoutStep& s : p.checkout->steps) {
      Json step = {{"name", s.name}, {"method", s.method}, {"url", s.url}};
      if (!s.form.empty()) {
        Json form = Json::object();
        for (const auto& [k, v] : s.form) form[k] = v;
        step["form"] = std::move(form);
      }
      if (s.json) step["json"] = *s.json;
      if (!s.expect_status.empty()) step["expect_status"] = s.expect_status;
      if (!s.capture.empty()) {
        Json capture = Json::object();
        for (const auto& [k, rules] : s.capture) capture[k] = RuleListToJson(rules);
        step["capture"] = std::move(capture);
      }
      if (!s.check.empty()) {
        Json checks = Json::array();
        for (const CheckoutCheck& c : s.check) {
          checks.push_back(c.compiled != nullptr ? Json{{"regex", c.regex}}
                                                 : Json{{"contains", c.contains}});
        }
        step["check"] = std::move(checks);
      }
      steps.push_back(std::move(step));
    }
    Json checkout = {{"steps", std::move(steps)}};
    if (p.checkout->totals) {
      const CheckoutTotals& t = *p.checkout->totals;
      Json totals = Json::object();
      if (!t.from.empty()) totals["from"] = t.from;
      auto put_total = [&](const char* key, const RuleList& rules) {
        if (!rules.empty()) totals[key] = RuleListToJson(rules);
      };
      put_total("order_no", t.order_no);
      put_total("goods", t.goods);
      put_total("freight", t.freight);
      put_total("tax", t.tax);
      put_total("total", t.total);
      checkout["totals"] = std::move(totals);
    }
    j["checkout"] = std::move(checkout);
  }
  return j;
}

}  // namespace crawler
