// The fetcher interface the rest of the crawler uses (patrols, buyer flows, the profile preview),
// its request/result/evidence types and options. Declarations only; CurlFetcher
// (fetch/curl_fetcher.h) does the I/O, tests of later parts may substitute a fake.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace crawler {

using HeaderList = std::vector<std::pair<std::string, std::string>>;  // ordered, as sent/received

enum class HttpMethod { kGet, kPost };

struct FetchRequest {
  HttpMethod method = HttpMethod::kGet;
  std::string url;           // absolute http(s)
  HeaderList headers;        // extra request headers (User-Agent is the fetcher's)
  std::string body;          // POST body
  std::string content_type;  // of the body, e.g. "application/x-www-form-urlencoded"
  std::string session;       // cookie jar name; "" = no cookies sent or kept
  std::string purpose;       // free text kept with the evidence ("product page", "checkout 3")
  bool follow_redirects = true;
  std::string charset = "auto";  // a site profile's "charset": "auto" or a fixed label
};

// Why a fetch failed, stable for callers that branch on it (the Status code alone is coarser).
enum class FetchErrorKind {
  kNone,
  kInvalidUrl,        // InvalidArgument
  kNotAllowed,        // off allowed_origins, or a blocked non-public address: PermissionDenied
  kRobotsDisallowed,  // FailedPrecondition, no request to the path made
  kTooManyRedirects,  // FailedPrecondition (the cap, or a redirect loop)
  kTimeout,           // see FetchErrorStatus
  kTooLarge,          // ResourceExhausted; the body is kept truncated at the cap
  kConnection,        // see FetchErrorStatus; after the retries
  kInternal,          // libcurl refused the transfer setup
};
std::string_view FetchErrorKindName(FetchErrorKind kind);  // "timeout", "too_large", ...

// The Status for a fetch error: kTimeout is DeadlineExceeded, kConnection Unavailable.
core::Status FetchErrorStatus(FetchErrorKind kind, std::string message);

struct RedirectHop {
  std::string url;       // the URL that answered with a redirect
  int status = 0;        // 301, 302, 303, 307, 308
  std::string location;  // resolved absolute target
};

// One fetch and its evidence: what was asked, what came back, and when.
struct FetchResult {
  FetchRequest request;
  std::string final_url;  // after redirects
  int status = 0;         // HTTP status of the final response; 0 when none arrived
  HeaderList headers;     // of the final response, in the order received
  // Bytes as served, once any Content-Encoding (gzip, br) is undone; truncated at max_body_bytes
  // when too large.
  std::string body;
  std::string body_utf8;       // decoded text; "" for non-textual content types
  std::string charset;         // canonical charset used for body_utf8 ("" when not decoded)
  std::string charset_source;  // "header", "bom", "meta", "utf8-valid", "fallback", "fixed"
  std::string content_type;    // the Content-Type header value, "" when absent
  std::string sha256;          // lower-case hex SHA-256 of `body`
  std::string started_at;      // UTC ISO-8601 with ms, "2026-11-27T02:41:51.123Z"
  std::string finished_at;
  int64_t elapsed_ms = 0;
  int attempts = 0;  // transfers made for the final URL (1 + retries used); 0 if none made
  std::vector<RedirectHop> redirects;
  core::Status error;  // OK when a response arrived (whatever its HTTP status)
  FetchErrorKind error_kind = FetchErrorKind::kNone;

  bool ok() const { return error.ok(); }
  // First header value with this name (case-insensitive), "" when absent.
  std::string Header(std::string_view name) const;
};

// First value of header `name` (case-insensitive) in `headers`, "" when absent.
std::string FindHeader(const HeaderList& headers, std::string_view name);

// Progress of a FetchAll, reported after each request finishes (and once at the start).
struct FetchProgress {
  size_t total = 0;
  size_t done = 0;
  size_t failed = 0;     // done with !ok()
  size_t in_flight = 0;  // transfers running now
  int64_t bytes = 0;     // body bytes received so far
  std::string last_url;  // the request that just finished
};
using ProgressCallback = std::function<void(const FetchProgress&)>;

// One progress line for a terminal or log: "fetch 12/40 done, 1 failed, 2 running, 1.5 MiB".
std::string FormatFetchProgress(const FetchProgress& p);

// Clock seam: the fetcher's only use of time. Tests may replace the wall clock (evidence
// timestamps) or the monotonic one (delays and backoff).
class FetchClock {
 public:
  virtual ~FetchClock() = default;
  virtual int64_t MonotonicMs() = 0;  // for delays, backoff, elapsed_ms
  virtual int64_t UnixMs() = 0;       // wall time for evidence
};
FetchClock& SystemFetchClock();  // steady_clock and system_clock

struct FetcherOptions {
  std::string user_agent = "CBECPatrol/0.1 (+customs patrol; contact via server)";
  int max_per_origin = 2;               // concurrent transfers per origin
  int max_total = 8;                    // concurrent transfers overall
  int64_t min_delay_ms = 0;             // between the starts of two requests to one origin
  int64_t max_crawl_delay_ms = 60'000;  // a robots Crawl-delay raises min_delay_ms up to this
  int64_t connect_timeout_ms = 10'000;
  int64_t total_timeout_ms = 30'000;  // per transfer
  int retries = 2;                    // on connection errors, 429 and 5xx
  int64_t backoff_base_ms = 500;      // doubled per retry
  int64_t backoff_max_ms = 30'000;    // also caps Retry-After
  int max_redirects = 5;
  int64_t max_body_bytes = 8 << 20;  // the transfer is aborted past it
  bool obey_robots = true;           // /robots.txt fetched once per origin and cached
  // Origins ("http://127.0.0.1:18081") or host:port pairs ("127.0.0.1:18081") that may be
  // requested; empty = any. Checked on every redirect hop too.
  std::vector<std::string> allowed_origins;
  // Refuse to connect to loopback, private, link-local and other non-public addresses (checked
  // on the resolved address, so DNS cannot smuggle them in), except for the origins listed in
  // non_public_allowed (same forms as allowed_origins; e.g. the demo shops on 127.0.0.1).
  bool block_non_public_addresses = false;
  std::vector<std::string> non_public_allowed;
  // Body bytes one FetchAll may accumulate; 0 = unlimited. Checked before each transfer starts
  // (requests after the budget is spent fail with kTooLarge), so a run can overshoot by at most
  // max_total × max_body_bytes.
  int64_t max_run_bytes = 0;
  // Accept-Encoding sent (libcurl decodes the answer). Not brotli by default: cpp-httplib
  // servers (the demo shops) compress br at its slowest level, ~50 ms per 200 KB page, which
  // made loopback crawls ~20x slower than with gzip. "" = no compression.
  std::string accept_encoding = "gzip, deflate";
  // HTTP proxy URL ("http://proxy:3128"); "" = connect directly. The *_proxy environment
  // variables are ignored, so what is fetched (and the address check) never depends on them.
  std::string proxy;
  FetchClock* clock = nullptr;  // nullptr = SystemFetchClock()
};

// Fetches pages politely. Implementations are not thread-safe: one thread drives a fetcher.
class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Runs all requests concurrently within the limits; results in request order, one per
  // request. Errors are in each result, never a missing result.
  virtual std::vector<FetchResult> FetchAll(const std::vector<FetchRequest>& requests,
                                            const ProgressCallback& progress = {}) = 0;
  // One request under the same limits and cookie jars (sequential checkout steps).
  virtual FetchResult Fetch(const FetchRequest& request) = 0;
  // The cookies of a session in Netscape cookie-file lines (for evidence and tests).
  virtual std::vector<std::string> SessionCookies(const std::string& session) = 0;
  // Forgets a session's cookies (a buyer logs out / a new covert identity starts).
  virtual void ClearSession(const std::string& session) = 0;
};

}  // namespace crawler
