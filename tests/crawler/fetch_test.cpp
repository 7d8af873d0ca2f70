// crawler/fetch/curl_fetcher against real HTTP servers on 127.0.0.1 (cpp-httplib, ephemeral
// ports): evidence, timeouts, body caps, redirects and retries.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <regex>
#include <string>

#include "fetch/curl_fetcher.h"
#include "fetch/evidence.h"
#include "local_server.h"

namespace crawler {

using fetch_test::FastOptions;
using fetch_test::Get;
using fetch_test::NoRobots;
using fetch_test::TestServer;

namespace {

// Monotonic time from the system; wall time fixed, so evidence timestamps are exact.
class FixedWallClock : public FetchClock {
 public:
  int64_t MonotonicMs() override { return SystemFetchClock().MonotonicMs(); }
  int64_t UnixMs() override { return 1795750911123; }
};

}  // namespace

TEST_CASE("a 200 response with its evidence: headers in order, SHA-256, times, User-Agent") {
  std::string seen_agent;
  TestServer srv([&](httplib::Server& s, TestServer&) {
    NoRobots(s);
    s.Get("/page", [&](const httplib::Request& req, httplib::Response& res) {
      seen_agent = req.get_header_value("User-Agent");
      // cpp-httplib sends headers sorted by name, but repeated ones in insertion order.
      res.set_header("X-Multi", "zeta");
      res.set_header("X-Multi", "alpha");
      res.set_content("hello", "text/html; charset=utf-8");
    });
  });
  FixedWallClock clock;
  FetcherOptions o = FastOptions();
  o.clock = &clock;
  CurlFetcher f(o);
  FetchRequest req = Get(srv.Url("/page"));
  req.purpose = "product page";
  const FetchResult r = f.Fetch(req);
  REQUIRE(r.ok());
  CHECK(r.status == 200);
  CHECK(r.body == "hello");
  CHECK(r.body_utf8 == "hello");
  CHECK(r.charset == "utf-8");
  CHECK(r.charset_source == "header");
  CHECK(r.content_type == "text/html; charset=utf-8");
  CHECK(r.sha256 == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  CHECK(r.final_url == srv.Url("/page"));
  CHECK(r.request.purpose == "product page");
  CHECK(r.attempts == 1);
  CHECK(r.redirects.empty());
  CHECK(r.started_at == "2026-11-27T03:41:51.123Z");
  CHECK(r.finished_at == "2026-11-27T03:41:51.123Z");
  CHECK(r.elapsed_ms >= 0);
  CHECK(seen_agent == "CBECPatrol/0.1 (+customs patrol; contact via server)");
  // Headers as received: both X-Multi lines, zeta before alpha (not sorted, not merged).
  std::vector<std::string> multi;
  for (const auto& [name, value] : r.headers) {
    if (name == "X-Multi") multi.push_back(value);
  }
  CHECK(multi == std::vector<std::string>{"zeta", "alpha"});
  CHECK(r.Header("x-multi") == "zeta");
  // robots.txt was asked once and kept as evidence.
  CHECK(srv.Hits("/robots.txt") == 1);
  REQUIRE(f.robots_fetches().size() == 1);
  CHECK(f.robots_fetches()[0].status == 404);
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(std::regex_match(FormatUtcMs(0), std::regex(R"(1970-01-01T00:00:00\.000Z)")));
}

TEST_CASE("a server that does not answer in time gives a timeout") {
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  {
    TestServer srv([&](httplib::Server& s, TestServer&) {
      NoRobots(s);
      s.Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return release; });
        res.set_content("late", "text/plain");
      });
    });
    FetcherOptions o = FastOptions();
    o.total_timeout_ms = 300;
    o.retries = 0;
    o.obey_robots = false;  // robots.txt under the same short timeout could fail first
    {
      CurlFetcher f(o);
      const FetchResult r = f.Fetch(Get(srv.Url("/slow")));
      CHECK_FALSE(r.ok());
      CHECK(r.error_kind == FetchErrorKind::kTimeout);
      CHECK(r.error.code() == core::StatusCode::kDeadlineExceeded);
      CHECK(r.attempts == 1);
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      release = true;
    }
    cv.notify_all();
  }
}

TEST_CASE("an oversize body is cut at the cap and the fetch fails with ResourceExhausted") {
  const std::string big(200000, 'x');
  TestServer srv([&](httplib::Server& s, TestServer&) {
    NoRobots(s);
    s.Get("/big", [&](const httplib::Request&, httplib::Response& res) {
      res.set_content(big, "text/plain");
    });
    s.Get("/small", [&](const httplib::Request&, httplib::Response& res) {
      res.set_content(big.substr(0, 1000), "text/plain");
    });
  });
  FetcherOptions o = FastOptions();
  o.max_body_bytes = 1000;
  CurlFetcher f(o);
  const FetchResult r = f.Fetch(Get(srv.Url("/big")));
  CHECK(r.error_kind == FetchErrorKind::kTooLarge);
  CHECK(r.error.code() == core::StatusCode::kResourceExhausted);
  CHECK(r.body == big.substr(0, 1000));
  CHECK(r.sha256 == Sha256Hex(big.substr(0, 1000)));
  CHECK(r.status == 200);
  // Exactly at the cap is fine.
  const FetchResult ok = f.Fetch(Get(srv.Url("/small")));
  CHECK(ok.ok());
  CHECK(ok.body.size() == 1000);
}

TEST_CASE("redirects are followed hop by hop; a loop stops at the cap") {
  TestServer srv([&](httplib::Server& s, TestServer&) {
    NoRobots(s);
    s.Get("/a",
          [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/b", 301); });
    s.Get("/b",
          [](const httplib::Request&, httplib::Response& res) { res.set_redirect("c?x=1", 302); });
    s.Get("/c", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content("end " + req.get_param_value("x"), "text/plain");
    });
    s.Get("/loop1",
          [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop2", 302); });
    s.Get("/loop2",
          [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop1", 302); });
    s.Post("/form",
           [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/done", 303); });
    s.Get("/done", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("thanks", "text/plain");
    });
  });
  CurlFetcher f(FastOptions());
  const FetchResult r = f.Fetch(Get(srv.Url("/a")));
  REQUIRE(r.ok());
  CHECK(r.body == "end 1");
  CHECK(r.final_url == srv.Url("/c?x=1"));
  REQUIRE(r.redirects.size() == 2);
  CHECK(r.redirects[0].url == srv.Url("/a"));
  CHECK(r.redirects[0].status == 301);
  CHECK(r.redirects[0].location == srv.Url("/b"));
  CHECK(r.redirects[1].status == 302);
  CHECK(r.redirects[1].location == srv.Url("/c?x=1"));

  const FetchResult loop = f.Fetch(Get(srv.Url("/loop1")));
  CHECK(loop.error_kind == FetchErrorKind::kTooManyRedirects);
  CHECK(loop.error.code() == core::StatusCode::kFailedPrecondition);
  CHECK(loop.error.message().find("loop") != std::string::npos);
  CHECK(loop.redirects.size() == 6);
  CHECK(srv.Hits("/loop1") + srv.Hits("/loop2") == 6);

  FetchRequest nofollow = Get(srv.Url("/a"));
  nofollow.follow_redirects = false;
  const FetchResult nf = f.Fetch(nofollow);
  CHECK(nf.ok());
  CHECK(nf.status == 301);
  CHECK(nf.Header("Location") == "/b");

  FetchRequest post = Get(srv.Url("/form"));
  post.method = HttpMethod::kPost;
  post.body = "a=1";
  const FetchResult pr = f.Fetch(post);
  CHECK(pr.ok());
  CHECK(pr.body == "thanks");  // 303 turns the POST into a GET
}

TEST_CASE("503 is retried with backoff, 404 is not; a closed port fails after retries") {
  std::atomic<int> calls{0};
  TestServer srv([&](httplib::Server& s, TestServer&) {
    NoRobots(s);
    s.Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
      if (calls++ == 0) {
        res.status = 503;
        res.set_header("Retry-After", "0");
        res.set_content("busy", "text/plain");
      } else {
        res.set_content("fine", "text/plain");
      }
    });
  });
  CurlFetcher f(FastOptions());
  const FetchResult r = f.Fetch(Get(srv.Url("/flaky")));
  CHECK(r.ok());
  CHECK(r.status == 200);
  CHECK(r.body == "fine");
  CHECK(r.attempts == 2);
  CHECK(srv.Hits("/flaky") == 2);

  const FetchResult missing = f.Fetch(Get(srv.Url("/missing")));
  CHECK(missing.ok());  // an HTTP error status is an answer, not a fetch error
  CHECK(missing.status == 404);
  CHECK(missing.attempts == 1);
  CHECK(srv.Hits("/missing") == 1);

  // A port nobody listens on: bound (never listened) and released again.
  int closed_port = 0;
  {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
    socklen_t len = sizeof(addr);
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    closed_port = ntohs(addr.sin_port);
    close(fd);
  }
  FetcherOptions o = FastOptions();
  o.retries = 1;
  o.obey_robots = false;
  CurlFetcher g(o);
  const FetchResult down = g.Fetch(Get("http://127.0.0.1:" + std::to_string(closed_port) + "/"));
  CHECK(down.error_kind == FetchErrorKind::kConnection);
  CHECK(down.error.code() == core::StatusCode::kUnavailable);
  CHECK(down.attempts == 2);
  CHECK(down.status == 0);
}

}  // namespace crawler
