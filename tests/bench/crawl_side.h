// Our side of the crawl benchmark (bench_crawl.cpp): the pipelined walk of the demo shops with
// crawler_lib (fetch on this thread, Gumbo parse and extraction on worker threads), RunPatrol as
// a baseline, and what they count. Does network I/O (through CurlFetcher).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
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

// The page without the text of its <style> and non-JSON-LD <script> elements (the elements stay,
// empty). Extraction never reads that text (HtmlDocument keeps only JSON-LD script text, and the
// visible text skips scripts and styles), but Gumbo tokenizes it byte by byte: on heavy pages it
// is 60% of the bytes. Comments are skipped whole; a raw-text element ends at the first
// "</script" / "</style" as in the HTML tokenizer (its escaped-script states aside). Pure.
std::string StripInertRawText(std::string_view html);

// Every shop from its profile's start URLs through listings to product pages (and the price JSON
// where the profile names one), with `concurrency` transfers per origin and in total, `workers`
// parse threads, `strip` applying StripInertRawText before parsing. Bodies are dropped once
// parsed (no evidence kept). Never fails: failed fetches count as pages and yield nothing.
CrawlSummary PipelinedCrawl(const std::vector<crawler::SiteProfile>& profiles, int concurrency,
                            int workers, bool strip, const std::string& accept_encoding);

// crawler::RunPatrol shop after shop (serial fetch then parse, evidence kept), for comparison.
CrawlSummary PatrolCrawl(const std::vector<crawler::SiteProfile>& profiles, int concurrency,
                         const std::string& accept_encoding);

}  // namespace bench
