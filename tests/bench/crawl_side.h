// Our side of the crawl benchmark (bench_crawl.cpp): the crawler's patrol walk of the demo shops
// and what it counts. Does network I/O (through CurlFetcher).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/json.h"
#include "parse/extract.h"
#include "profile/site_profile.h"

namespace bench {

struct CrawlSummary {
  size_t pages = 0, products = 0, with_name = 0, with_sku = 0, with_price = 0, with_old = 0,
         with_freight = 0;
  int64_t price_sum = 0;  // hundredths: a checksum that both sides read the same prices
  int64_t bytes = 0;
  double seconds = 0;

  std::FILE* dump = nullptr;  // "sku price" per product, to compare the sides (BENCH_CRAWL_DUMP)

  void Add(const crawler::ExtractedProduct& p) {
    ++products;
    if (dump) std::fprintf(dump, "%s %lld\n", p.sku.c_str(), p.price ? (long long)*p.price : -1);
    with_name += !p.name.empty();
    with_sku += !p.sku.empty();
    if (p.price) {
      ++with_price;
      price_sum += *p.price;
    }
    with_old += p.old_price.has_value();
    with_freight += p.freight.has_value();
  }
  core::Json ToJson() const {
    return {{"pages", pages},
            {"products", products},
            {"with_name", with_name},
            {"with_sku", with_sku},
            {"with_price", with_price},
            {"with_old_price", with_old},
            {"with_freight", with_freight},
            {"price_sum", price_sum},
            {"bytes", bytes},
            {"seconds", seconds}};
  }
};

// The crawler's own patrol walk (crawler::RunPatrol, as the crawler runs a patrol task) of each
// shop in turn, from its profile's start URLs, with `concurrency` transfers per origin and in
// total, batches of 4 x concurrency and `workers` parse threads. Each response is turned into the
// evidence item the crawler uploads (EvidenceJson: base64 body and all), which is then dropped:
// the upload itself is not measured. Never fails: failed fetches count as pages.
CrawlSummary PatrolCrawl(const std::vector<crawler::SiteProfile>& profiles, int concurrency,
                         int workers, const std::string& accept_encoding);

}  // namespace bench
