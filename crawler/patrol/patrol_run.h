// One patrol of one shop: from the profile's start URLs (or the shop's base URL) through its
// listing pages to its product pages, reading each product with the profile's rules and the
// generic extractors, and fetching a price from the shop's JSON endpoint where the profile says
// so. Every response is kept as evidence. I/O only through the Fetcher it is given.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fetch/fetcher.h"
#include "parse/extract.h"
#include "profile/site_profile.h"

namespace crawler {

struct PatrolOptions {
  size_t max_pages = 300;  // pages fetched per patrol (listing, product and JSON together)
  size_t batch = 8;        // requests handed to the fetcher at once
};

struct PatrolObservation {
  std::string url;
  ExtractedProduct product;
  size_t evidence = 0;  // index into PatrolRun::fetched of the product page
};

struct PatrolRun {
  std::vector<FetchResult> fetched;  // every response, in the order fetched
  std::vector<PatrolObservation> observations;
  // True when every listing page was read and followed to its end within max_pages: only then
  // may the server say that declared goods are not listed.
  bool complete_listing = false;
  std::string stopped;  // why the run ended early ("" when it did not)
};

struct PatrolProgress {
  size_t pages = 0;     // fetched so far
  size_t products = 0;  // observations so far
  size_t queued = 0;    // URLs waiting
};

// Runs the patrol. `profile` may be null (generic extraction from `base_url`). Never fails:
// fetch errors are kept as evidence and make the listing incomplete.
PatrolRun RunPatrol(Fetcher& fetcher, const SiteProfile* profile, const std::string& base_url,
                    const PatrolOptions& options,
                    const std::function<void(const PatrolProgress&)>& progress = {});

}  // namespace crawler
