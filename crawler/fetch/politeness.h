// Per-origin politeness bookkeeping for the fetcher: how many transfers run per origin and in
// total, and when an origin may next be asked (min delay, raised by robots Crawl-delay). Pure:
// the caller passes the time in.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace crawler {

class OriginScheduler {
 public:
  // Limits below 1 are read as 1; a negative delay as 0.
  OriginScheduler(int max_per_origin, int max_total, int64_t min_delay_ms);

  // True when a transfer to `origin` may start at `now_ms`: below both concurrency limits and
  // at least the origin's delay after the previous start there.
  bool CanStart(const std::string& origin, int64_t now_ms) const;
  // Earliest time the origin's delay allows a start (ignores concurrency); <= now when free.
  int64_t NextStartMs(const std::string& origin) const;
  void Started(const std::string& origin, int64_t now_ms);
  void Finished(const std::string& origin);
  // Sets the origin's delay to max(min_delay_ms, delay_ms) (robots Crawl-delay).
  void SetDelay(const std::string& origin, int64_t delay_ms);

  int InFlight(const std::string& origin) const;
  int total_in_flight() const { return total_in_flight_; }
  int64_t DelayMs(const std::string& origin) const;

 private:
  struct OriginState {
    int in_flight = 0;
    bool started_once = false;
    int64_t last_start_ms = 0;
    int64_t delay_ms = 0;
  };
  const OriginState* Find(const std::string& origin) const;

  int max_per_origin_;
  int max_total_;
  int64_t min_delay_ms_;
  int total_in_flight_ = 0;
  std::map<std::string, OriginState> origins_;
};

// Whether `origin` ("http://127.0.0.1:18081") is in `list`, whose entries are origins in any
// spelling OriginOf accepts ("http://127.0.0.1:18081/", "HTTP://Shop.cn") or host:port pairs
// as site profiles write them ("127.0.0.1:18081").
bool OriginInList(const std::vector<std::string>& list, const std::string& origin);

// Delay before retry number `attempt` (1 = the first retry): base_ms doubled per earlier retry,
// raised to a Retry-After header value (delta-seconds or an HTTP-date, read against
// `now_unix_ms`), and capped at max_ms. An unreadable Retry-After is ignored.
int64_t RetryDelayMs(int attempt, int64_t base_ms, int64_t max_ms, std::string_view retry_after,
                     int64_t now_unix_ms);

}  // namespace crawler
