// Calendar dates as values (proleptic Gregorian, no time zone). The core never reads a clock:
// "today" always comes in as a Date. Pure.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace core {

class Date {
 public:
  Date() = default;  // 1970-01-01

  // True when y-m-d is a real calendar date in years 1..9999.
  static bool IsValid(int year, int month, int day);
  // InvalidArgument unless y-m-d is a real date.
  static StatusOr<Date> FromYmd(int year, int month, int day);
  // Accepts "YYYY-MM-DD" or "YYYYMMDD". InvalidArgument on anything else or an impossible date.
  static StatusOr<Date> Parse(std::string_view text);
  static Date FromDaysSinceEpoch(int64_t days);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  // Days since 1970-01-01 (negative before).
  int64_t DaysSinceEpoch() const;
  Date AddDays(int64_t days) const { return FromDaysSinceEpoch(DaysSinceEpoch() + days); }
  // Same day n months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
  Date AddMonths(int months) const;
  // "YYYY-MM-DD".
  std::string ToIso() const;

  auto operator<=>(const Date&) const = default;

 private:
  Date(int y, int m, int d) : year_(y), month_(m), day_(d) {}
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

// Whole years from `birth` to `on` (age on a date).
int YearsBetween(const Date& birth, const Date& on);

}  // namespace core
