// Calendar arithmetic on Date values (days-from-civil algorithm). Pure.
#include "core/date.h"

#include <charconv>

namespace core {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && IsLeap(y)) ? 29 : kDays[m - 1];
}

bool ParseDigits(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

bool Date::IsValid(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= DaysInMonth(year, month);
}

StatusOr<Date> Date::FromYmd(int year, int month, int day) {
  if (!IsValid(year, month, day)) return InvalidArgumentError("not a calendar date");
  return Date(year, month, day);
}

StatusOr<Date> Date::Parse(std::string_view text) {
  std::string_view y, m, d;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    y = text.substr(0, 4);
    m = text.substr(5, 2);
    d = text.substr(8, 2);
  } else if (text.size() == 8) {
    y = text.substr(0, 4);
    m = text.substr(4, 2);
    d = text.substr(6, 2);
  } else {
    return InvalidArgumentError("date must be YYYY-MM-DD or YYYYMMDD");
  }
  int yi = 0, mi = 0, di = 0;
  if (!ParseDigits(y, yi) || !ParseDigits(m, mi) || !ParseDigits(d, di)) {
    return InvalidArgumentError("date must be YYYY-MM-DD or YYYYMMDD");
  }
  return FromYmd(yi, mi, di);
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t Date::DaysSinceEpoch() const {
  int64_t y = year_ - (month_ <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month_ + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day_ - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::FromDaysSinceEpoch(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date(y, m, d);
}

Date Date::AddMonths(int months) const {
  int total = year_ * 12 + (month_ - 1) + months;
  int y = total / 12;
  int m = total % 12 + 1;
  int d = day_ <= DaysInMonth(y, m) ? day_ : DaysInMonth(y, m);
  return Date(y, m, d);
}

std::string Date::ToIso() const {
  char buf[11];
  buf[0] = static_cast<char>('0' + year_ / 1000 % 10);
  buf[1] = static_cast<char>('0' + year_ / 100 % 10);
  buf[2] = static_cast<char>('0' + year_ / 10 % 10);
  buf[3] = static_cast<char>('0' + year_ % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + month_ / 10);
  buf[6] = static_cast<char>('0' + month_ % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + day_ / 10);
  buf[9] = static_cast<char>('0' + day_ % 10);
  buf[10] = '\0';
  return std::string(buf, 10);
}

int YearsBetween(const Date& birth, const Date& on) {
  int years = on.year() - birth.year();
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) {
    --years;
  }
  return years;
}

}  // namespace core
