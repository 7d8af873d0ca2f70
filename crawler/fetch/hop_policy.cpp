// The per-hop decision of the fetcher: finish, retry or redirect. Pure.
#include "fetch/hop_policy.h"

#include "fetch/politeness.h"
#include "fetch/url.h"

namespace crawler {

namespace {

HopOutcome Finish(FetchErrorKind kind, std::string message, bool keep_response = true) {
  HopOutcome o;
  o.action = HopOutcome::Action::kFinish;
  o.error = kind;
  o.message = std::move(message);
  o.keep_response = keep_response;
  return o;
}

}  // namespace

bool IsRedirectStatus(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool IsCredentialHeader(std::string_view name) {
  std::string n(name);
  for (char& c : n) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return n == "authorization" || n == "cookie" || n == "proxy-authorization";
}

HopOutcome DecideHop(const HopInput& in, const FetcherOptions& options, int64_t now_unix_ms) {
  const bool can_retry = in.hop_attempts <= options.retries;
  const auto retry = [&](std::string_view retry_after) {
    HopOutcome o;
    o.action = HopOutcome::Action::kRetry;
    o.retry_delay_ms = RetryDelayMs(in.hop_attempts, options.backoff_base_ms,
                                    options.backoff_max_ms, retry_after, now_unix_ms);
    return o;
  };
  switch (in.end) {
    case TransferEnd::kTooLarge:
      return Finish(FetchErrorKind::kTooLarge,
                    "body larger than " + std::to_string(options.max_body_bytes) + " bytes");
    case TransferEnd::kAddressRefused:
      return Finish(FetchErrorKind::kNotAllowed, in.url + " resolves to a non-public address",
                    false);
    case TransferEnd::kTimeout:
      return Finish(FetchErrorKind::kTimeout, in.transport_message);
    case TransferEnd::kConnectionRetryable:
      if (can_retry) return retry("");
      return Finish(FetchErrorKind::kConnection, in.transport_message, false);
    case TransferEnd::kConnectionFatal:
      return Finish(FetchErrorKind::kConnection, in.transport_message, false);
    case TransferEnd::kResponse:
      break;
  }
  static const HeaderList kNoHeaders;
  const HeaderList& headers = in.headers != nullptr ? *in.headers : kNoHeaders;
  if ((in.status == 429 || in.status >= 500) && can_retry) {
    return retry(FindHeader(headers, "Retry-After"));
  }
  const std::string location = FindHeader(headers, "Location");
  if (!in.follow_redirects || !IsRedirectStatus(in.status) || location.empty()) {
    return Finish(FetchErrorKind::kNone, "");
  }
  const core::StatusOr<std::string> target = ResolveUrl(in.url, location);
  if (!target.ok()) return Finish(FetchErrorKind::kInvalidUrl, target.status().message());
  HopOutcome o;
  o.hop = RedirectHop{in.url, in.status, *target};
  const size_t followed = in.chain != nullptr ? in.chain->size() : 0;
  if (static_cast<int64_t>(followed) + 1 > options.max_redirects) {
    bool loop = *target == in.url;
    if (in.chain != nullptr) {
      for (const RedirectHop& h : *in.chain) loop = loop || h.url == *target;
    }
    HopOutcome f = Finish(FetchErrorKind::kTooManyRedirects,
                          std::string(loop ? "redirect loop" : "too many redirects") + " after " +
                              std::to_string(options.max_redirects) + " hops");
    f.hop = o.hop;
    return f;
  }
  o.action = HopOutcome::Action::kRedirect;
  // Browsers turn a redirected POST into a GET except for 307/308.
  o.next_method = in.method;
  if (in.status == 303 ||
      ((in.status == 301 || in.status == 302) && in.method == HttpMethod::kPost)) {
    o.next_method = HttpMethod::kGet;
    o.drop_body = true;
  }
  const core::StatusOr<std::string> from = OriginOf(in.url);
  const core::StatusOr<std::string> to = OriginOf(*target);
  o.drop_credentials = !from.ok() || !to.ok() || *from != *to;
  return o;
}

}  // namespace crawler
