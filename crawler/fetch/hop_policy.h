// What the fetcher does when one transfer of a request ends: finish with a result or an error,
// retry later, or follow a redirect. Pure: the libcurl outcome comes in already classified.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fetch/fetcher.h"

namespace crawler {

// How a transfer ended, as far as the decision cares.
enum class TransferEnd {
  kResponse,        // a complete response arrived (any HTTP status)
  kTooLarge,        // the body passed max_body_bytes
  kAddressRefused,  // the peer address was non-public and blocked
  kTimeout,
  kConnectionRetryable,  // refused, reset, DNS failure, empty reply: worth another try
  kConnectionFatal,      // TLS verification and other errors a retry will not fix
};

struct HopInput {
  TransferEnd end = TransferEnd::kResponse;
  std::string transport_message;  // libcurl's text for the non-response ends
  int status = 0;
  const HeaderList* headers = nullptr;  // of the response, when one arrived
  std::string url;                      // the hop that just ended
  HttpMethod method = HttpMethod::kGet;
  int hop_attempts = 1;  // transfers made for this hop, the one that ended included
  bool follow_redirects = true;
  const std::vector<RedirectHop>* chain = nullptr;  // hops followed so far
};

struct HopOutcome {
  enum class Action { kFinish, kRetry, kRedirect };
  Action action = Action::kFinish;
  FetchErrorKind error = FetchErrorKind::kNone;  // kFinish
  std::string message;
  bool keep_response = true;       // false: status/headers/body are not evidence of this URL
  int64_t retry_delay_ms = 0;      // kRetry
  std::optional<RedirectHop> hop;  // kRedirect, or the hop refused by the redirect cap
  HttpMethod next_method = HttpMethod::kGet;  // kRedirect
  bool drop_body = false;                     // kRedirect: 303, or 301/302 after a POST
  bool drop_credentials = false;              // kRedirect: the target is another origin
};

// The decision for `in` under `options`. Retries: connection errors, 429 and 5xx while
// hop_attempts <= options.retries, delayed by RetryDelayMs (honouring Retry-After read against
// `now_unix_ms`). Redirects: 301/302/303/307/308 with a Location, when following; the cap
// (options.max_redirects) ends with kTooManyRedirects, named a loop when the target was
// already visited.
HopOutcome DecideHop(const HopInput& in, const FetcherOptions& options, int64_t now_unix_ms);

// 301, 302, 303, 307 or 308.
bool IsRedirectStatus(int status);

// Request headers that carry credentials for one origin only (Authorization, Cookie,
// Proxy-Authorization), dropped when a redirect leaves that origin.
bool IsCredentialHeader(std::string_view name);

}  // namespace crawler
