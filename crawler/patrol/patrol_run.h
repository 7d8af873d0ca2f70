// One patrol of one shop: from the profile's start URLs (or the shop's base URL) through its
// listing pages to its product pages, reading each product with the profile's rules and the
// generic extractors, and fetching a price from the shop's JSON endpoint where the profile says
// so. Pipelined: worker threads parse one batch of pages while the next batch is fetched; results
// are applied in fetch order, so the walk is the same with any number of workers. Every response
// goes to the caller's sink as soon as its batch arrives (evidence leaves the crawler at once and
// memory stays bounded by a batch). I/O only through the Fetcher it is given.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "fetch/fetcher.h"
#include "parse/extract.h"
#include "profile/site_profile.h"

namespace crawler {

struct PatrolOptions {
  size_t max_pages = 300;  // pages fetched per patrol (listing, product and JSON together)
  size_t batch = 8;        // requests handed to the fetcher at once
  int parse_workers = 2;   // threads parsing while the next batch is fetched; 0 = the caller's
};

struct PatrolObservation {
  std::string url;
  ExtractedProduct product;
  size_t evidence = 0;  // index (in fetch order, from 0) of the product page's response
};

struct PatrolRun {
  std::vector<FetchResult> fetched;  // every response, in fetch order, when no sink was given
  size_t responses = 0;              // responses fetched in all
  std::vector<PatrolObservation> observations;
  // True when every listing page was read and followed to its end within max_pages: only then
  // may the server say that declared goods are not listed.
  bool complete_listing = false;
  std::string stopped;  // why the run ended early ("" when it did not)
  core::Status sink;    // the sink's error that stopped the run, OK otherwise
};

struct PatrolProgress {
  size_t pages = 0;     // fetched so far
  size_t products = 0;  // observations so far
  size_t queued = 0;    // URLs waiting
};

// Takes each response, in fetch order, with its index from 0; an error stops the walk.
using ResponseSink = std::function<core::Status(size_t index, FetchResult&& response)>;

struct PatrolHooks {
  std::function<void(const PatrolProgress&)> progress;  // after each batch
  ResponseSink sink;  // absent: responses are kept in PatrolRun::fetched
};

// Runs the patrol. `profile` may be null (generic extraction from `base_url`). Never fails:
// fetch errors are kept as evidence and make the listing incomplete; a sink error ends the run.
PatrolRun RunPatrol(Fetcher& fetcher, const SiteProfile* profile, const std::string& base_url,
                    const PatrolOptions& options, const PatrolHooks& hooks = {});

}  // namespace crawler
