// Wall-clock helpers (reads the system clock in SystemNowSeconds only).
#include "common/clock.h"

#include <chrono>
#include <cstdio>

namespace server {

int64_t SystemNowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {
constexpr int64_t kSecondsPerDay = 86400;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

std::string FormatUtcIso(int64_t unix_seconds) {
  int64_t days = FloorDiv(unix_seconds, kSecondsPerDay);
  int64_t rem = unix_seconds - days * kSecondsPerDay;
  core::Date d = core::Date::FromDaysSinceEpoch(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.ToIso().c_str(),
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return buf;
}

core::Date ChinaDate(int64_t unix_seconds) {
  return core::Date::FromDaysSinceEpoch(FloorDiv(unix_seconds + 8 * 3600, kSecondsPerDay));
}

}  // namespace server
