// Per-origin concurrency and delay accounting, retry delays. Pure (curl_getdate only parses).
#include "fetch/politeness.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>

#include "fetch/url.h"

namespace crawler {

OriginScheduler::OriginScheduler(int max_per_origin, int max_total, int64_t min_delay_ms)
    : max_per_origin_(std::max(1, max_per_origin)),
      max_total_(std::max(1, max_total)),
      min_delay_ms_(std::max<int64_t>(0, min_delay_ms)) {}

const OriginScheduler::OriginState* OriginScheduler::Find(const std::string& origin) const {
  auto it = origins_.find(origin);
  return it == origins_.end() ? nullptr : &it->second;
}

int64_t OriginScheduler::DelayMs(const std::string& origin) const {
  const OriginState* s = Find(origin);
  return s == nullptr ? min_delay_ms_ : std::max(min_delay_ms_, s->delay_ms);
}

int64_t OriginScheduler::NextStartMs(const std::string& origin) const {
  const OriginState* s = Find(origin);
  if (s == nullptr || !s->started_once) return INT64_MIN;
  return s->last_start_ms + DelayMs(origin);
}

bool OriginScheduler::CanStart(const std::string& origin, int64_t now_ms) const {
  if (total_in_flight_ >= max_total_) return false;
  if (InFlight(origin) >= max_per_origin_) return false;
  return NextStartMs(origin) <= now_ms;
}

void OriginScheduler::Started(const std::string& origin, int64_t now_ms) {
  OriginState& s = origins_[origin];
  ++s.in_flight;
  s.started_once = true;
  s.last_start_ms = now_ms;
  ++total_in_flight_;
}

void OriginScheduler::Finished(const std::string& origin) {
  auto it = origins_.find(origin);
  if (it == origins_.end() || it->second.in_flight == 0) return;
  --it->second.in_flight;
  --total_in_flight_;
}

void OriginScheduler::SetDelay(const std::string& origin, int64_t delay_ms) {
  origins_[origin].delay_ms = std::max(min_delay_ms_, delay_ms);
}

int OriginScheduler::InFlight(const std::string& origin) const {
  const OriginState* s = Find(origin);
  return s == nullptr ? 0 : s->in_flight;
}

bool OriginInList(const std::vector<std::string>& list, const std::string& origin) {
  const size_t scheme_end = origin.find("://");
  const std::string host_port =
      scheme_end == std::string::npos ? origin : origin.substr(scheme_end + 3);
  for (const std::string& entry : list) {
    if (entry.find("://") != std::string::npos) {
      const core::StatusOr<std::string> o = OriginOf(entry);
      if (o.ok() && *o == origin) return true;
    } else if (entry == host_port) {
      return true;
    }
  }
  return false;
}

int64_t RetryDelayMs(int attempt, int64_t base_ms, int64_t max_ms, std::string_view retry_after,
                     int64_t now_unix_ms) {
  int64_t delay = std::max<int64_t>(0, base_ms);
  for (int i = 1; i < attempt && delay < max_ms && delay <= INT64_MAX / 2; ++i) delay *= 2;
  while (!retry_after.empty() && retry_after.front() == ' ') retry_after.remove_prefix(1);
  while (!retry_after.empty() && retry_after.back() == ' ') retry_after.remove_suffix(1);
  if (!retry_after.empty()) {
    int64_t secs = -1;
    const char* end = retry_after.data() + retry_after.size();
    int64_t n = 0;
    auto [p, ec] = std::from_chars(retry_after.data(), end, n);
    if (ec == std::errc() && p == end) {
      secs = n;
    } else if (ec == std::errc::result_out_of_range) {
      secs = max_ms / 1000 + 1;
    } else {
      const std::string date(retry_after);
      const time_t when = curl_getdate(date.c_str(), nullptr);
      if (when != -1) secs = std::max<int64_t>(0, static_cast<int64_t>(when) - now_unix_ms / 1000);
    }
    if (secs >= 0) delay = std::max(delay, secs > max_ms / 1000 ? max_ms : secs * 1000);
  }
  return std::min(delay, max_ms);
}

}  // namespace crawler
