// The Fetcher on libcurl's multi interface: concurrent transfers within per-origin and total
// limits, robots.txt, retries with backoff, redirects followed one hop at a time (so every hop is
// checked against the allowlist and robots and recorded), body caps and a cookie jar per session.
// Does network I/O.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fetch/fetcher.h"

namespace crawler {

class CurlFetcher : public Fetcher {
 public:
  // Requires curl_global_init to have run (CurlFetcher's constructor calls it once per process,
  // which is safe only before other threads use libcurl).
  explicit CurlFetcher(FetcherOptions options = {});
  ~CurlFetcher() override;
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;

  std::vector<FetchResult> FetchAll(const std::vector<FetchRequest>& requests,
                                    const ProgressCallback& progress = {}) override;
  FetchResult Fetch(const FetchRequest& request) override;
  std::vector<std::string> SessionCookies(const std::string& session) override;
  void ClearSession(const std::string& session) override;

  // Every /robots.txt fetch made so far, as evidence (request.purpose = "robots.txt").
  const std::vector<FetchResult>& robots_fetches() const;
  // The cached rules' Crawl-delay-adjusted delay for an origin, for progress displays and tests.
  int64_t OriginDelayMs(const std::string& origin) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace crawler
