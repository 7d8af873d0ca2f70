// Wall-clock helpers: Unix seconds, UTC ISO timestamps and the China-time calendar date. Reads
// the system clock (only SystemNowSeconds does).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/date.h"

namespace server {

// Seconds since the Unix epoch, from std::chrono::system_clock.
int64_t SystemNowSeconds();

// A source of "now" in Unix seconds; tests substitute a fake to move time without sleeping.
using NowFn = std::function<int64_t()>;

// "2026-11-26T08:00:00Z".
std::string FormatUtcIso(int64_t unix_seconds);

// The calendar date in China (UTC+8, no daylight saving) at that instant: customs decisions are
// dated in local time.
core::Date ChinaDate(int64_t unix_seconds);

}  // namespace server
