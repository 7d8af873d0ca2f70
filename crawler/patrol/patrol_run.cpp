// The patrol walk: breadth-first over listing and product pages within the page budget.
#include "patrol/patrol_run.h"

#include <deque>
#include <set>

#include "core/json.h"
#include "core/price_text.h"
#include "fetch/url.h"
#include "parse/html_document.h"
#include "parse/json_path.h"

namespace crawler {

namespace {

FetchRequest Get(const std::string& url, const std::string& purpose, const SiteProfile* profile) {
  FetchRequest r;
  r.url = url;
  r.purpose = purpose;
  r.charset = profile != nullptr ? profile->charset : "auto";
  return r;
}

// "/item/12?x=1" of an absolute URL, as profiles match product pages.
std::string PathAndQuery(const std::string& url) {
  core::StatusOr<UrlParts> p = ParseUrl(url);
  if (!p.ok()) return "";
  return p->query.empty() ? p->path : p->path + "?" + p->query;
}

bool IsProductPage(const SiteProfile* profile, const std::string& url,
                   const std::set<std::string>& product_links, const ExtractedProduct& read) {
  if (profile != nullptr && !profile->product_url.empty()) {
    return profile->IsProductPath(PathAndQuery(url));
  }
  // Without a product_url pattern: a page a listing pointed at, or any page with a price.
  return product_links.count(url) != 0 || read.price.has_value();
}

std::string Substitute(std::string text, const std::string& key, const std::string& value) {
  const std::string token = "{" + key + "}";
  for (size_t at = text.find(token); at != std::string::npos; at = text.find(token, at)) {
    text.replace(at, token.size(), value);
    at += value.size();
  }
  return text;
}

// The price from the shop's JSON endpoint (fetch.price_json), when the page gave none.
void FetchJsonPrice(Fetcher& fetcher, const SiteProfile& profile, const std::string& page_url,
                    PatrolObservation& obs, PatrolRun& run) {
  const PriceJsonFetch& pj = *profile.price_json;
  core::StatusOr<std::string> url =
      ResolveUrl(page_url, Substitute(pj.url, "sku", obs.product.sku));
  if (!url.ok() || !pj.path) return;
  run.fetched.push_back(fetcher.Fetch(Get(*url, "price json", &profile)));
  const FetchResult& r = run.fetched.back();
  if (!r.ok() || r.status != 200) return;
  core::StatusOr<core::Json> json = core::ParseJson(r.body_utf8.empty() ? r.body : r.body_utf8);
  if (!json.ok()) return;
  const core::Json* value = pj.path->Find(*json);
  if (value == nullptr) return;
  std::optional<std::string> text = JsonScalarText(*value);
  if (!text) return;
  core::StatusOr<core::PriceAmount> amount = core::ParsePriceAmount(*text);
  if (!amount.ok()) return;
  obs.product.price = amount->hundredths;
  obs.product.price_source = "profile";
  if (!amount->currency.empty()) obs.product.currency = amount->currency;
}

}  // namespace

PatrolRun RunPatrol(Fetcher& fetcher, const SiteProfile* profile, const std::string& base_url,
                    const PatrolOptions& options,
                    const std::function<void(const PatrolProgress&)>& progress) {
  PatrolRun run;
  std::deque<std::string> frontier;
  std::set<std::string> seen;
  std::set<std::string> product_links;
  auto enqueue = [&](const std::string& url) {
    if (seen.insert(url).second) frontier.push_back(url);
  };
  if (profile != nullptr && !profile->start_urls.empty()) {
    for (const std::string& u : profile->start_urls) enqueue(u);
  } else {
    enqueue(base_url);
  }
  bool listing_failed = false;
  while (!frontier.empty()) {
    if (run.fetched.size() >= options.max_pages) {
      run.stopped = "page budget of " + std::to_string(options.max_pages) + " reached";
      break;
    }
    std::vector<FetchRequest> batch;
    while (!frontier.empty() && batch.size() < options.batch &&
           run.fetched.size() + batch.size() < options.max_pages) {
      const std::string url = frontier.front();
      frontier.pop_front();
      batch.push_back(
          Get(url, product_links.count(url) ? "product page" : "listing page", profile));
    }
    std::vector<FetchResult> results = fetcher.FetchAll(batch);
    for (FetchResult& r : results) {
      const size_t index = run.fetched.size();
      run.fetched.push_back(std::move(r));
      const FetchResult& page = run.fetched.back();
      const std::string url = page.request.url;
      if (!page.ok() || page.status != 200 || page.body_utf8.empty()) {
        if (product_links.count(url) == 0) listing_failed = true;
        continue;
      }
      const HtmlDocument doc(page.body_utf8);
      ExtractedProduct read = ExtractProduct(doc, profile);
      if (IsProductPage(profile, url, product_links, read)) {
        PatrolObservation obs{url, std::move(read), index};
        // A shop that loads its price with a JSON call shows none in the page, so a price read
        // from the page's text is some other product's (a related item): the JSON call decides.
        if (profile != nullptr && profile->price_json && obs.product.price_source != "profile") {
          FetchJsonPrice(fetcher, *profile, url, obs, run);
        }
        run.observations.push_back(std::move(obs));
        continue;
      }
      const ExtractedLinks links =
          ExtractLinks(doc, page.final_url.empty() ? url : page.final_url, profile);
      for (const std::string& l : links.product_links) {
        product_links.insert(l);
        enqueue(l);
      }
      for (const std::string& l : links.next_pages) enqueue(l);
    }
    if (progress) {
      progress(PatrolProgress{run.fetched.size(), run.observations.size(), frontier.size()});
    }
  }
  run.complete_listing = run.stopped.empty() && !listing_failed;
  return run;
}

}  // namespace crawler
