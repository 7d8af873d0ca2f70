// crawler/patrol: the pipelined walk over canned pages (FakeFetcher). It must read the same
// products in the same order with any number of parse workers, hand every response to the sink
// in fetch order, keep to the page budget, take prices from the shop's JSON call, and say when
// the listing was not read to its end.
#include "patrol/patrol_run.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fetch/fake_fetcher.h"
#include "profile/site_profile.h"

namespace crawler {
namespace {

constexpr char kOrigin[] = "http://127.0.0.1:18081";

constexpr char kProfile[] = R"json({
  "profile_version": 1,
  "name": "walk test",
  "allowed_hosts": ["127.0.0.1:18081"],
  "start_urls": ["http://127.0.0.1:18081/list/1"],
  "listing": {
    "product_link": [{"css": "a.product-link", "attr": "href"}],
    "next_page": [{"css": "a.next", "attr": "href"}]
  },
  "product_url": "^/item/[0-9]+$",
  "fields": {
    "sku": [{"css": "[data-sku]", "attr": "data-sku"}],
    "price": [{"css": ".now"}]
  }
})json";

// A listing of `pages` pages with `per_page` products each; product n costs n yuan (shown only
// when `priced`). Product pages carry a large inline script, as real ones do, which the walk
// strips before parsing.
FakeFetcher Shop(int pages, int per_page, bool priced = true) {
  FakeFetcher f;
  int n = 0;
  for (int p = 1; p <= pages; ++p) {
    std::string html = "<html><body><ul>";
    for (int i = 0; i < per_page; ++i) {
      ++n;
      html += "<li><a class='product-link' href='/item/" + std::to_string(n) + "'>item</a></li>";
      f.AddGet(std::string(kOrigin) + "/item/" + std::to_string(n),
               "<html><head><script>var noise = '" + std::string(2000, 'x') +
                   "';</script><style>.now{color:red}</style></head><body><div data-sku='SKU" +
                   std::to_string(n) + "'>" +
                   (priced ? "<span class='now'>¥" + std::to_string(n) + ".00</span>" : "") +
                   "</div></body></html>");
    }
    html += "</ul>";
    if (p < pages) html += "<a class='next' href='/list/" + std::to_string(p + 1) + "'>next</a>";
    f.AddGet(std::string(kOrigin) + "/list/" + std::to_string(p), html + "</body></html>");
  }
  return f;
}

SiteProfile Profile(const std::string& extra = "") {
  std::string text = kProfile;
  if (!extra.empty()) text.insert(text.rfind('}'), "," + extra);
  core::StatusOr<SiteProfile> p = ParseSiteProfile(text);
  REQUIRE_MESSAGE(p.ok(), p.status().ToString());
  return *std::move(p);
}

std::vector<std::string> Readings(const PatrolRun& run) {
  std::vector<std::string> out;
  for (const PatrolObservation& o : run.observations) {
    out.push_back(o.url + " " + o.product.sku + " " +
                  (o.product.price ? std::to_string(*o.product.price) : "-") + " #" +
                  std::to_string(o.evidence));
  }
  return out;
}

}  // namespace

TEST_CASE("the walk reads every product of a paginated listing, the same with any workers") {
  const SiteProfile profile = Profile();
  std::vector<std::vector<std::string>> readings;
  for (int workers : {0, 1, 2}) {
    CAPTURE(workers);
    FakeFetcher shop = Shop(3, 10);
    PatrolOptions o;
    o.parse_workers = workers;
    o.batch = 4;
    PatrolRun run = RunPatrol(shop, &profile, kOrigin, o);
    CHECK(run.stopped.empty());
    CHECK(run.complete_listing);
    CHECK(run.responses == 33);
    CHECK(run.fetched.size() == 33);  // no sink: kept
    REQUIRE(run.observations.size() == 30);
    for (const PatrolObservation& o : run.observations) {
      // Each observation names the response of its own page, as served (not stripped).
      const FetchResult& page = run.fetched[o.evidence];
      CHECK(page.request.url == o.url);
      CHECK(page.body.find("var noise") != std::string::npos);
      CHECK(*o.product.price == std::stoi(o.product.sku.substr(3)) * 100);
    }
    readings.push_back(Readings(run));
  }
  CHECK(readings[0] == readings[1]);
  CHECK(readings[0] == readings[2]);
}

TEST_CASE("the sink receives every response once, in fetch order, and its error stops the walk") {
  const SiteProfile profile = Profile();
  FakeFetcher shop = Shop(2, 10);
  std::vector<size_t> indexes;
  std::vector<std::string> urls;
  PatrolHooks hooks;
  hooks.sink = [&](size_t index, FetchResult&& r) {
    indexes.push_back(index);
    urls.push_back(r.request.url);
    return core::OkStatus();
  };
  PatrolRun run = RunPatrol(shop, &profile, kOrigin, PatrolOptions{}, hooks);
  CHECK(run.fetched.empty());
  REQUIRE(indexes.size() == run.responses);
  for (size_t i = 0; i < indexes.size(); ++i) CHECK(indexes[i] == i);
  CHECK(urls.front() == std::string(kOrigin) + "/list/1");
  CHECK(run.observations.size() == 20);

  FakeFetcher again = Shop(2, 10);
  size_t taken = 0;
  hooks.sink = [&](size_t, FetchResult&&) {
    return ++taken < 3 ? core::OkStatus() : core::UnavailableError("server down");
  };
  PatrolRun stopped = RunPatrol(again, &profile, kOrigin, PatrolOptions{}, hooks);
  CHECK(stopped.sink.code() == core::StatusCode::kUnavailable);
  CHECK(stopped.stopped.find("server down") != std::string::npos);
  CHECK_FALSE(stopped.complete_listing);
  CHECK(taken == 3);                    // nothing more was offered
  CHECK(again.requests().size() < 22);  // and the walk did not go on
}

TEST_CASE("the page budget ends the walk early and the listing is then incomplete") {
  const SiteProfile profile = Profile();
  FakeFetcher shop = Shop(3, 10);
  PatrolOptions o;
  o.max_pages = 7;
  PatrolRun run = RunPatrol(shop, &profile, kOrigin, o);
  CHECK(run.responses == 7);
  CHECK(shop.requests().size() == 7);
  CHECK(run.stopped == "page budget of 7 reached");
  CHECK_FALSE(run.complete_listing);
  // The listing's first page, then its next page (queued first) and five of its products.
  CHECK(run.observations.size() == 5);
  CHECK(shop.requests()[1].url == std::string(kOrigin) + "/list/2");
}

TEST_CASE("a listing page that fails leaves the listing incomplete; a product page does not") {
  const SiteProfile profile = Profile();
  FakeFetcher shop = Shop(2, 3);
  shop.Add(HttpMethod::kGet, std::string(kOrigin) + "/item/2", 500, "oops");
  PatrolRun run = RunPatrol(shop, &profile, kOrigin, PatrolOptions{});
  CHECK(run.complete_listing);
  CHECK(run.observations.size() == 5);
  shop.Add(HttpMethod::kGet, std::string(kOrigin) + "/list/2", 503, "busy");
  run = RunPatrol(shop, &profile, kOrigin, PatrolOptions{});
  CHECK_FALSE(run.complete_listing);
  CHECK(run.observations.size() == 2);
}

TEST_CASE("a shop that loads its prices with a JSON call is read from that call") {
  const SiteProfile profile = Profile(
      R"("fetch": {"price_json": {"url": "/api/price?sku={sku}", "json_path": "data.price"}})");
  FakeFetcher shop = Shop(1, 3, /*priced=*/false);
  for (int n = 1; n <= 3; ++n) {
    shop.AddGet(std::string(kOrigin) + "/api/price?sku=SKU" + std::to_string(n),
                R"({"data": {"price": ")" + std::to_string(n * 7) + R"(.50"}})",
                "application/json");
  }
  PatrolRun run = RunPatrol(shop, &profile, kOrigin, PatrolOptions{});
  REQUIRE(run.observations.size() == 3);
  for (const PatrolObservation& o : run.observations) {
    const int n = std::stoi(o.product.sku.substr(3));
    CHECK(*o.product.price == n * 700 + 50);
    CHECK(o.product.price_source == "profile");
    CHECK(run.fetched[o.evidence].request.url ==
          std::string(kOrigin) + "/item/" + std::to_string(n));
  }
  CHECK(run.responses == 7);  // the listing, three pages, three price calls
}

}  // namespace crawler
