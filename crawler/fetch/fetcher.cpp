// The non-virtual parts of the fetcher interface: error names and statuses, header lookup and
// the system clock (the one place the fetcher reads time).
#include "fetch/fetcher.h"

#include <chrono>

namespace crawler {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

class SystemClock : public FetchClock {
 public:
  int64_t MonotonicMs() override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
  }
  int64_t UnixMs() override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }
};

}  // namespace

std::string_view FetchErrorKindName(FetchErrorKind kind) {
  switch (kind) {
    case FetchErrorKind::kNone:
      return "none";
    case FetchErrorKind::kInvalidUrl:
      return "invalid_url";
    case FetchErrorKind::kNotAllowed:
      return "not_allowed";
    case FetchErrorKind::kRobotsDisallowed:
      return "robots_disallowed";
    case FetchErrorKind::kTooManyRedirects:
      return "too_many_redirects";
    case FetchErrorKind::kTimeout:
      return "timeout";
    case FetchErrorKind::kTooLarge:
      return "too_large";
    case FetchErrorKind::kConnection:
      return "connection";
    case FetchErrorKind::kInternal:
      return "internal";
  }
  return "internal";
}

core::Status FetchErrorStatus(FetchErrorKind kind, std::string message) {
  switch (kind) {
    case FetchErrorKind::kNone:
      return core::OkStatus();
    case FetchErrorKind::kInvalidUrl:
      return core::InvalidArgumentError(std::move(message));
    case FetchErrorKind::kNotAllowed:
      return core::PermissionDeniedError(std::move(message));
    case FetchErrorKind::kRobotsDisallowed:
    case FetchErrorKind::kTooManyRedirects:
      return core::FailedPreconditionError(std::move(message));
    case FetchErrorKind::kTimeout:
      return core::DeadlineExceededError(std::move(message));
    case FetchErrorKind::kTooLarge:
      return core::ResourceExhaustedError(std::move(message));
    case FetchErrorKind::kConnection:
      return core::UnavailableError(std::move(message));
    case FetchErrorKind::kInternal:
      return core::InternalError(std::move(message));
  }
  return core::InternalError(std::move(message));
}

std::string FindHeader(const HeaderList& headers, std::string_view name) {
  for (const auto& [k, v] : headers) {
    if (EqualsIgnoreCase(k, name)) return v;
  }
  return "";
}

std::string FetchResult::Header(std::string_view name) const { return FindHeader(headers, name); }

std::string FormatFetchProgress(const FetchProgress& p) {
  const int64_t tenths_mib = p.bytes * 10 / (1024 * 1024);
  return "fetch " + std::to_string(p.done) + "/" + std::to_string(p.total) + " done, " +
         std::to_string(p.failed) + " failed, " + std::to_string(p.in_flight) + " running, " +
         std::to_string(tenths_mib / 10) + "." + std::to_string(tenths_mib % 10) + " MiB";
}

FetchClock& SystemFetchClock() {
  static SystemClock clock;
  return clock;
}

}  // namespace crawler
