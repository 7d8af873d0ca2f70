// Our side of the crawl benchmark: crawler::RunPatrol shop after shop on one fetcher.
#include "crawl_side.h"

#include <chrono>
#include <cstdlib>

#include "client/evidence_upload.h"
#include "fetch/curl_fetcher.h"
#include "patrol/patrol_run.h"

namespace bench {

CrawlSummary PatrolCrawl(const std::vector<crawler::SiteProfile>& profiles, int concurrency,
                         int workers, const std::string& accept_encoding) {
  crawler::FetcherOptions fo;
  fo.max_per_origin = concurrency;
  fo.max_total = concurrency;
  fo.max_crawl_delay_ms = 0;  // the member shop's Crawl-delay 1 is ignored, as Scrapy does
  fo.accept_encoding = accept_encoding;
  crawler::CurlFetcher fetcher(fo);
  crawler::PatrolOptions po;
  po.max_pages = 1'000'000;
  po.batch = static_cast<size_t>(concurrency) * 4;
  po.parse_workers = workers;
  CrawlSummary s;
  if (const char* d = std::getenv("BENCH_CRAWL_DUMP")) s.dump = std::fopen(d, "w");
  crawler::PatrolHooks hooks;
  hooks.sink = [&](size_t index, crawler::FetchResult&& r) {
    ++s.pages;
    s.bytes += static_cast<int64_t>(r.body.size());
    const core::Json item = crawler::EvidenceJson(r, static_cast<int64_t>(index + 1));
    return item.is_object() ? core::OkStatus() : core::InternalError("no evidence item");
  };
  const auto start = std::chrono::steady_clock::now();
  for (const crawler::SiteProfile& p : profiles) {
    crawler::PatrolRun run = crawler::RunPatrol(fetcher, &p, p.start_urls.front(), po, hooks);
    for (const crawler::PatrolObservation& o : run.observations) s.Add(o.product);
  }
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (s.dump != nullptr) {
    std::fclose(s.dump);
    s.dump = nullptr;
  }
  return s;
}

}  // namespace bench
