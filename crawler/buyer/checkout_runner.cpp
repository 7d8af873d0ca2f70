// Checkout steps: substitution, requests, expectations, captures, checks and the totals.
#include "buyer/checkout_runner.h"

#include <algorithm>

#include "core/json.h"
#include "core/price_text.h"
#include "fetch/url.h"
#include "parse/html_document.h"
#include "parse/structured.h"
#include "profile/rule_eval.h"
#include "profile/variables.h"

namespace crawler {

namespace {

core::StatusOr<core::Json> FillJson(const core::Json& j,
                                    const std::map<std::string, std::string>& vars) {
  if (j.is_string()) {
    CORE_ASSIGN_OR_RETURN(std::string s, FillVariables(j.get<std::string>(), vars));
    return core::Json(s);
  }
  if (j.is_object() || j.is_array()) {
    core::Json out = j;
    for (auto it = out.begin(); it != out.end(); ++it) {
      CORE_ASSIGN_OR_RETURN(*it, FillJson(*it, vars));
    }
    return out;
  }
  return j;
}

// application/x-www-form-urlencoded (RFC 3986 unreserved characters kept, space as %20).
std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto encode = [](const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        out += static_cast<char>(c);
      } else {
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
    return out;
  };
  std::string body;
  for (const auto& [k, v] : fields) {
    if (!body.empty()) body += '&';
    body += encode(k) + "=" + encode(v);
  }
  return body;
}

// What rules read from a response: its HTML, its JSON, and its text for regexes.
struct ResponseView {
  std::string text;
  std::optional<HtmlDocument> doc;
  std::optional<StructuredData> structured;
  std::optional<core::Json> json;
  RuleInput input;

  explicit ResponseView(const FetchResult& r) : text(r.body_utf8.empty() ? r.body : r.body_utf8) {
    core::StatusOr<core::Json> parsed = core::ParseJson(text);
    if (parsed.ok()) {
      json = *std::move(parsed);
      input.json = &*json;
    } else {
      doc.emplace(text);
      structured = ReadStructuredData(*doc);
      input.doc = &*doc;
      input.structured = &*structured;
    }
    input.regex_text = text;
  }
};

std::optional<int64_t> ReadFen(const RuleList& rules, const RuleInput& in) {
  std::optional<RuleHit> hit = ApplyRules(rules, in);
  if (!hit) return std::nullopt;
  core::StatusOr<core::PriceAmount> a = core::ParsePriceAmount(hit->value);
  if (a.ok()) return a->hundredths;
  core::PriceTextReading r = core::ReadPriceText(hit->value);
  if (r.free_shipping && r.mentions.empty()) return 0;
  if (!r.mentions.empty()) return r.mentions.front().amount.hundredths;
  return std::nullopt;
}

bool StatusExpected(const CheckoutStep& step, int status) {
  if (step.expect_status.empty()) return status >= 200 && status < 300;
  return std::find(step.expect_status.begin(), step.expect_status.end(), status) !=
         step.expect_status.end();
}

std::string HostPort(const std::string& url) {
  core::StatusOr<UrlParts> p = ParseUrl(url);
  if (!p.ok()) return "";
  return p->host + ":" + std::to_string(p->port);
}

}  // namespace

CheckoutRun RunCheckout(Fetcher& fetcher, const SiteProfile& profile,
                        const std::string& product_url, const std::string& sku, int quantity,
                        const BuyerIdentity& buyer, const std::string& session) {
  CheckoutRun run;
  if (!profile.checkout || profile.checkout->steps.empty() || profile.start_urls.empty()) {
    run.status = core::FailedPreconditionError("the profile has no checkout");
    return run;
  }
  run.variables = {{"product_url", product_url},           {"sku", sku},
                   {"quantity", std::to_string(quantity)}, {"buyer.name", buyer.name},
                   {"buyer.id_number", buyer.id_number},   {"buyer.phone", buyer.phone},
                   {"buyer.address", buyer.address}};
  fetcher.ClearSession(session);
  std::map<std::string, size_t> step_evidence;
  for (const CheckoutStep& step : profile.checkout->steps) {
    auto stop = [&](core::Status st) {
      run.failed_step = step.name;
      run.status = core::Status(st.code(), "step '" + step.name + "': " + st.message());
      return run;
    };
    core::StatusOr<std::string> target = FillVariables(step.url, run.variables);
    if (!target.ok()) return stop(target.status());
    core::StatusOr<std::string> url = ResolveUrl(profile.start_urls.front(), *target);
    if (!url.ok()) return stop(url.status());
    if (!profile.IsAllowedHost(HostPort(*url))) {
      return stop(core::PermissionDeniedError(*url + " is outside the shop's allowed hosts"));
    }
    FetchRequest req;
    req.url = *url;
    req.session = session;
    req.purpose = "checkout: " + step.name;
    req.charset = profile.charset;
    if (step.method == "POST") {
      req.method = HttpMethod::kPost;
      if (step.json) {
        core::StatusOr<core::Json> body = FillJson(*step.json, run.variables);
        if (!body.ok()) return stop(body.status());
        req.body = core::DumpJson(*body);
        req.content_type = "application/json";
      } else {
        std::vector<std::pair<std::string, std::string>> form;
        for (const auto& [k, v] : step.form) {
          core::StatusOr<std::string> value = FillVariables(v, run.variables);
          if (!value.ok()) return stop(value.status());
          form.emplace_back(k, *value);
        }
        req.body = FormEncode(form);
        req.content_type = "application/x-www-form-urlencoded";
      }
    }
    step_evidence[step.name] = run.fetched.size();
    run.fetched.push_back(fetcher.Fetch(req));
    const FetchResult& res = run.fetched.back();
    if (!res.ok()) return stop(res.error);
    if (!StatusExpected(step, res.status)) {
      return stop(core::FailedPreconditionError("answered HTTP " + std::to_string(res.status)));
    }
    ResponseView view(res);
    for (const CheckoutCheck& c : step.check) {
      const bool holds = !c.contains.empty() ? view.text.find(c.contains) != std::string::npos
                                             : c.compiled && c.compiled->Search(view.text);
      if (!holds) {
        return stop(core::FailedPreconditionError(
            "check failed: " +
            (!c.contains.empty() ? "contains \"" + c.contains + "\"" : "regex " + c.regex)));
      }
    }
    for (const auto& [name, rules] : step.capture) {
      std::optional<RuleHit> hit = ApplyRules(rules, view.input);
      if (!hit) return stop(core::FailedPreconditionError("nothing to capture for {" + name + "}"));
      run.variables[name] = hit->value;
    }
  }
  const CheckoutTotals* totals = profile.checkout->totals ? &*profile.checkout->totals : nullptr;
  if (totals == nullptr) {
    run.status = core::FailedPreconditionError("the profile's checkout has no totals");
    return run;
  }
  const std::string from =
      totals->from.empty() ? profile.checkout->steps.back().name : totals->from;
  auto at = step_evidence.find(from);
  if (at == step_evidence.end()) {
    run.status = core::FailedPreconditionError("totals read from unknown step '" + from + "'");
    return run;
  }
  ResponseView view(run.fetched[at->second]);
  CheckoutTotalsRead t;
  t.evidence = at->second;
  std::optional<RuleHit> order_no = ApplyRules(totals->order_no, view.input);
  if (order_no) {
    t.order_no = order_no->value;
  } else if (run.variables.count("order_no") != 0) {
    t.order_no = run.variables["order_no"];
  }
  const std::optional<int64_t> goods = ReadFen(totals->goods, view.input);
  const std::optional<int64_t> freight = ReadFen(totals->freight, view.input);
  const std::optional<int64_t> tax = ReadFen(totals->tax, view.input);
  const std::optional<int64_t> total = ReadFen(totals->total, view.input);
  if (t.order_no.empty() || !goods || !total) {
    run.failed_step = from;
    run.status = core::FailedPreconditionError(
        "the order number, goods or total could not be read from step '" + from + "'");
    return run;
  }
  t.goods = *goods;
  t.freight = freight.value_or(0);
  t.tax = tax.value_or(0);
  t.total = *total;
  run.totals = t;
  return run;
}

}  // namespace crawler
