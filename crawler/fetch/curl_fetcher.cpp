// CurlFetcher: the scheduling loop over a libcurl multi handle (politeness, robots.txt, retries,
// redirects one hop at a time) and the evidence of each result. Does network I/O.
#include "fetch/curl_fetcher.h"

#include <curl/curl.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "fetch/cookie_jars.h"
#include "fetch/curl_transfer.h"
#include "fetch/evidence.h"
#include "fetch/hop_policy.h"
#include "fetch/politeness.h"
#include "fetch/robots.h"
#include "fetch/url.h"

namespace crawler {

namespace {

constexpr int64_t kMaxPollMs = 200;

// One request of a FetchAll, followed hop by hop.
struct Job {
  FetchRequest request;
  std::string url;  // the current hop
  HttpMethod method = HttpMethod::kGet;
  std::string body;
  HeaderList headers;
  std::string origin;
  bool running = false;
  bool done = false;
  bool checked = false;    // the current hop passed the URL and allowlist checks
  bool robots_ok = false;  // ... and robots.txt (cached: a waiting job is looked at often)
  int hop_attempts = 0;
  int64_t not_before_ms = 0;
  bool started = false;
  int64_t start_mono_ms = 0;
  int64_t start_unix_ms = 0;
  FetchResult result;
};

enum class RobotsState { kUnknown, kFetching, kReady };
struct OriginRobots {
  RobotsState state = RobotsState::kUnknown;
  RobotsRules rules;
  bool address_refused = false;  // robots.txt could not be asked: the origin is non-public
};

// libcurl's result folded into what the hop decision needs.
TransferEnd Classify(CURLcode code, const Transfer& t) {
  if (t.address_refused) return TransferEnd::kAddressRefused;
  if (code == CURLE_WRITE_ERROR && t.truncated) return TransferEnd::kTooLarge;
  switch (code) {
    case CURLE_OK:
      return TransferEnd::kResponse;
    case CURLE_OPERATION_TIMEDOUT:
      return TransferEnd::kTimeout;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
      return TransferEnd::kConnectionRetryable;
    default:
      return TransferEnd::kConnectionFatal;
  }
}

}  // namespace

struct CurlFetcher::Impl {
  explicit Impl(FetcherOptions o)
      : options(std::move(o)),
        clock(options.clock != nullptr ? *options.clock : SystemFetchClock()),
        scheduler(options.max_per_origin, options.max_total, options.min_delay_ms),
        product_token(RobotsProductToken(options.user_agent)) {
    multi = curl_multi_init();
  }
  ~Impl() {
    if (multi != nullptr) curl_multi_cleanup(multi);
  }

  FetcherOptions options;
  FetchClock& clock;
  OriginScheduler scheduler;
  std::string product_token;
  CURLM* multi = nullptr;
  CookieJars jars;  // session → cookie jar
  std::map<std::string, OriginRobots> robots;
  std::vector<FetchResult> robots_fetches;
  std::map<CURL*, std::unique_ptr<Transfer>> running;
  int64_t run_bytes = 0;  // body bytes received in the current FetchAll

  void Finish(Job& job, FetchErrorKind kind, const std::string& message) {
    job.done = true;
    job.running = false;
    FetchResult& r = job.result;
    r.request = job.request;
    r.final_url = job.url;
    r.error_kind = kind;
    r.error = FetchErrorStatus(kind, message);
    const int64_t now_unix = clock.UnixMs();
    if (!job.started) {
      job.start_unix_ms = now_unix;
      job.start_mono_ms = clock.MonotonicMs();
    }
    r.started_at = FormatUtcMs(job.start_unix_ms);
    r.finished_at = FormatUtcMs(now_unix);
    r.elapsed_ms = std::max<int64_t>(0, clock.MonotonicMs() - job.start_mono_ms);
    r.attempts = job.hop_attempts;
    if (job.hop_attempts > 0) FillBodyEvidence(r, job.request.charset);
  }

  bool OriginAllowed(const std::string& origin) const {
    return options.allowed_origins.empty() || OriginInList(options.allowed_origins, origin);
  }
  bool BlockNonPublic(const std::string& origin) const {
    return options.block_non_public_addresses && !OriginInList(options.non_public_allowed, origin);
  }

  // URL and allowlist checks for the job's current hop; false when the job finished.
  bool CheckHop(Job& job) {
    if (job.checked) return true;
    const core::StatusOr<std::string> origin = OriginOf(job.url);
    if (!origin.ok()) {
      Finish(job, FetchErrorKind::kInvalidUrl, origin.status().message());
      return false;
    }
    job.origin = *origin;
    if (!OriginAllowed(job.origin)) {
      // Nothing was fetched from this URL: keep no response of an earlier hop under it.
      job.result.status = 0;
      job.result.headers.clear();
      job.result.body.clear();
      Finish(job, FetchErrorKind::kNotAllowed, job.origin + " is not an allowed origin");
      return false;
    }
    job.checked = true;
    return true;
  }

  bool Start(std::unique_ptr<Transfer> t, const std::string& origin, int64_t now) {
    CURL* easy = t->easy;
    if (curl_multi_add_handle(multi, easy) != CURLM_OK) return false;
    t->origin = origin;
    scheduler.Started(origin, now);
    running[easy] = std::move(t);
    return true;
  }

  static std::string OriginOrEmpty(const std::string& url) {
    core::StatusOr<std::string> o = OriginOf(url);
    return o.ok() ? *o : std::string();
  }

  TransferSpec BaseSpec(const std::string& url) const {
    TransferSpec s;
    s.url = url;
    s.user_agent = options.user_agent;
    s.connect_timeout_ms = options.connect_timeout_ms;
    s.total_timeout_ms = options.total_timeout_ms;
    s.max_body_bytes = options.max_body_bytes;
    s.proxy = options.proxy;
    s.accept_encoding = options.accept_encoding;
    s.block_non_public_addresses = BlockNonPublic(OriginOrEmpty(url));
    return s;
  }

  // Asks `url` for the robots.txt of `origin` (the URL differs after a redirect); `hops` is the
  // number of redirects followed to get there.
  void StartRobots(const std::string& origin, const std::string& url, int hops, int64_t now) {
    TransferSpec s = BaseSpec(url);
    s.max_body_bytes = static_cast<int64_t>(kRobotsMaxBytes);
    s.truncate_silently = true;
    core::StatusOr<std::unique_ptr<Transfer>> t = MakeTransfer(s);
    OriginRobots& r = robots[origin];
    if (t.ok()) {
      (*t)->robots = true;
      (*t)->redirects_followed = hops;
    }
    r.state =
        t.ok() && Start(std::move(*t), origin, now) ? RobotsState::kFetching : RobotsState::kReady;
    if (r.state == RobotsState::kReady) r.rules = RobotsRules::DisallowAll();
  }

  void StartJob(Job& job, size_t index, int64_t now) {
    TransferSpec s = BaseSpec(job.url);
    s.method = job.method;
    s.body = job.body;
    s.content_type = job.request.content_type;
    s.headers = job.headers;
    s.cookie_share = jars.Get(job.request.session);
    core::StatusOr<std::unique_ptr<Transfer>> t = MakeTransfer(s);
    if (!t.ok()) {
      Finish(job, FetchErrorKind::kInternal, t.status().message());
      return;
    }
    (*t)->job = index;
    if (!job.started) {
      job.started = true;
      job.start_mono_ms = now;
      job.start_unix_ms = clock.UnixMs();
    }
    ++job.hop_attempts;
    if (!Start(std::move(*t), job.origin, now)) {
      Finish(job, FetchErrorKind::kInternal, "curl_multi_add_handle failed");
      return;
    }
    job.running = true;
  }

  // Tries to start the job; returns the time it should be looked at again when it cannot.
  int64_t TryStart(Job& job, size_t index, int64_t now) {
    if (job.not_before_ms > now) return job.not_before_ms;
    if (!CheckHop(job)) return now;
    if (options.max_run_bytes > 0 && run_bytes >= options.max_run_bytes) {
      Finish(job, FetchErrorKind::kTooLarge,
             "run byte budget of " + std::to_string(options.max_run_bytes) + " spent");
      return now;
    }
    if (options.obey_robots && !job.robots_ok) {
      OriginRobots& r = robots[job.origin];
      if (r.state == RobotsState::kUnknown) {
        if (!scheduler.CanStart(job.origin, now)) return Later(job.origin, now);
        StartRobots(job.origin, job.origin + "/robots.txt", 0, now);
        return now + kMaxPollMs;
      }
      if (r.state == RobotsState::kFetching) return now + kMaxPollMs;
      if (r.address_refused) {
        Finish(job, FetchErrorKind::kNotAllowed, job.origin + " resolves to a non-public address");
        return now;
      }
      const core::StatusOr<UrlParts> parts = ParseUrl(job.url);
      if (parts.ok() && !r.rules.IsAllowed(parts->PathAndQuery())) {
        Finish(job, FetchErrorKind::kRobotsDisallowed,
               "robots.txt of " + job.origin + " disallows " + parts->PathAndQuery());
        return now;
      }
      job.robots_ok = true;
    }
    if (!scheduler.CanStart(job.origin, now)) return Later(job.origin, now);
    StartJob(job, index, now);
    return now + kMaxPollMs;
  }

  int64_t Later(const std::string& origin, int64_t now) const {
    const int64_t next = scheduler.NextStartMs(origin);
    return next > now ? next : now + kMaxPollMs;  // else a slot frees on a completion
  }

  void OnRobotsDone(Transfer& t, CURLcode code, int64_t now) {
    long status = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    if (code != CURLE_OK) status = 0;
    RecordRobotsEvidence(t, code, static_cast<int>(status));
    // Redirects are followed here rather than by libcurl so that every hop passes the
    // allowlist and address checks; RFC 9309 §2.3.1.2 asks for at least five.
    const std::string location = FindHeader(t.headers, "Location");
    if (IsRedirectStatus(static_cast<int>(status)) && !location.empty() &&
        t.redirects_followed < 5) {
      const core::StatusOr<std::string> target = ResolveUrl(t.url, location);
      if (target.ok() && OriginAllowed(OriginOrEmpty(*target))) {
        StartRobots(t.origin, *target, t.redirects_followed + 1, now);
        return;
      }
    }
    OriginRobots& r = robots[t.origin];
    r.state = RobotsState::kReady;
    r.rules = RobotsRules::FromResponse(static_cast<int>(status), t.body, product_token);
    r.address_refused = t.address_refused;
    if (r.rules.crawl_delay_ms()) {
      scheduler.SetDelay(t.origin, std::min(*r.rules.crawl_delay_ms(), options.max_crawl_delay_ms));
    }
  }

  void RecordRobotsEvidence(const Transfer& t, CURLcode code, int status) {
    FetchResult e;
    e.request.url = t.url;
    e.request.purpose = "robots.txt";
    e.final_url = t.url;
    e.status = status;
    e.headers = t.headers;
    e.body = t.body;
    FillBodyEvidence(e, "utf-8");  // RFC 9309 §2.3: robots.txt is UTF-8
    e.started_at = e.finished_at = FormatUtcMs(clock.UnixMs());
    e.attempts = 1;
    if (code != CURLE_OK) {
      e.error_kind = FetchErrorKind::kConnection;
      e.error = FetchErrorStatus(e.error_kind, curl_easy_strerror(code));
    }
    robots_fetches.push_back(std::move(e));
  }

  void OnJobDone(Job& job, Transfer& t, CURLcode code, int64_t now) {
    job.running = false;
    long status = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    FetchResult& r = job.result;
    r.status = static_cast<int>(status);
    r.headers = std::move(t.headers);
    r.body = std::move(t.body);
    HopInput in;
    in.end = Classify(code, t);
    in.transport_message = curl_easy_strerror(code);
    in.status = r.status;
    in.headers = &r.headers;
    in.url = job.url;
    in.method = job.method;
    in.hop_attempts = job.hop_attempts;
    in.follow_redirects = job.request.follow_redirects;
    in.chain = &r.redirects;
    const HopOutcome o = DecideHop(in, options, clock.UnixMs());
    if (o.hop) r.redirects.push_back(*o.hop);
    switch (o.action) {
      case HopOutcome::Action::kRetry:
        job.not_before_ms = now + o.retry_delay_ms;
        return;
      case HopOutcome::Action::kRedirect:
        if (o.drop_body) job.body.clear();
        if (o.drop_credentials) {
          std::erase_if(job.headers, [](const auto& h) { return IsCredentialHeader(h.first); });
        }
        job.method = o.next_method;
        job.url = o.hop->location;
        job.checked = false;
        job.robots_ok = false;
        job.hop_attempts = 0;
        job.not_before_ms = 0;
        return;
      case HopOutcome::Action::kFinish:
        if (!o.keep_response) {
          r.status = 0;
          r.headers.clear();
          r.body.clear();
        }
        Finish(job, o.error, o.message);
        return;
    }
  }

  std::vector<FetchResult> Run(const std::vector<FetchRequest>& requests,
                               const ProgressCallback& progress) {
    std::vector<Job> jobs(requests.size());
    for (size_t i = 0; i < requests.size(); ++i) {
      jobs[i].request = requests[i];
      jobs[i].url = requests[i].url;
      jobs[i].method = requests[i].method;
      jobs[i].body = requests[i].body;
      jobs[i].headers = requests[i].headers;
    }
    run_bytes = 0;
    FetchProgress p;
    p.total = jobs.size();
    if (progress) progress(p);
    if (multi == nullptr) {
      for (Job& j : jobs) Finish(j, FetchErrorKind::kInternal, "curl_multi_init failed");
    }
    size_t reported = 0;
    while (true) {
      int64_t now = clock.MonotonicMs();
      int64_t wake = now + kMaxPollMs;
      for (size_t i = 0; i < jobs.size(); ++i) {
        Job& j = jobs[i];
        if (!j.done && !j.running) wake = std::min(wake, TryStart(j, i, now));
      }
      int still = 0;
      curl_multi_perform(multi, &still);
      int queued = 0;
      bool finished_any = false;
      while (CURLMsg* m = curl_multi_info_read(multi, &queued)) {
        if (m->msg != CURLMSG_DONE) continue;
        const CURLcode code = m->data.result;
        auto it = running.find(m->easy_handle);
        if (it == running.end()) continue;
        std::unique_ptr<Transfer> t = std::move(it->second);
        running.erase(it);
        curl_multi_remove_handle(multi, t->easy);
        scheduler.Finished(t->origin);
        now = clock.MonotonicMs();
        if (t->robots) {
          OnRobotsDone(*t, code, now);
        } else {
          Job& j = jobs[t->job];
          p.bytes += static_cast<int64_t>(t->body.size());
          run_bytes = p.bytes;
          OnJobDone(j, *t, code, now);
          if (j.done) p.last_url = j.request.url;
        }
        finished_any = true;
      }
      // Jobs finished without a transfer (refused, disallowed) are reported here too.
      size_t all_done = 0;
      for (const Job& j : jobs) all_done += j.done ? 1 : 0;
      if (all_done != reported) {
        p.done = all_done;
        p.failed = 0;
        for (const Job& j : jobs) p.failed += (j.done && !j.result.ok()) ? 1 : 0;
        p.in_flight = static_cast<size_t>(scheduler.total_in_flight());
        reported = all_done;
        if (progress) progress(p);
      }
      if (all_done == jobs.size() && running.empty()) break;
      if (finished_any) continue;  // slots freed: try to start more before waiting
      const int64_t wait = std::clamp<int64_t>(wake - clock.MonotonicMs(), 0, kMaxPollMs);
      curl_multi_poll(multi, nullptr, 0, static_cast<int>(wait), nullptr);
    }
    std::vector<FetchResult> out;
    out.reserve(jobs.size());
    for (Job& j : jobs) out.push_back(std::move(j.result));
    return out;
  }
};

CurlFetcher::CurlFetcher(FetcherOptions options) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  impl_ = std::make_unique<Impl>(std::move(options));
}

CurlFetcher::~CurlFetcher() = default;

std::vector<FetchResult> CurlFetcher::FetchAll(const std::vector<FetchRequest>& requests,
                                               const ProgressCallback& progress) {
  return impl_->Run(requests, progress);
}

FetchResult CurlFetcher::Fetch(const FetchRequest& request) {
  std::vector<FetchResult> r = impl_->Run({request}, {});
  return std::move(r.front());
}

std::vector<std::string> CurlFetcher::SessionCookies(const std::string& session) {
  return impl_->jars.Cookies(session);
}

void CurlFetcher::ClearSession(const std::string& session) { impl_->jars.Clear(session); }

const std::vector<FetchResult>& CurlFetcher::robots_fetches() const {
  return impl_->robots_fetches;
}

int64_t CurlFetcher::OriginDelayMs(const std::string& origin) const {
  return impl_->scheduler.DelayMs(origin);
}

}  // namespace crawler
