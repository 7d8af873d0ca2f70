// The fetcher's pure decisions: per-origin scheduling, retry delays, the per-hop decision
// (retry, redirect, finish), allowlists, non-public addresses and the progress line.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>

#include <cstring>
#include <string>
#include <vector>

#include "fetch/address_policy.h"
#include "fetch/fake_fetcher.h"
#include "fetch/hop_policy.h"
#include "fetch/politeness.h"

namespace crawler {

namespace {

bool NonPublic(const char* text) {
  sockaddr_storage ss{};
  if (std::strchr(text, ':') != nullptr) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
    a->sin6_family = AF_INET6;
    REQUIRE(inet_pton(AF_INET6, text, &a->sin6_addr) == 1);
  } else {
    auto* a = reinterpret_cast<sockaddr_in*>(&ss);
    a->sin_family = AF_INET;
    REQUIRE(inet_pton(AF_INET, text, &a->sin_addr) == 1);
  }
  return IsNonPublicAddress(reinterpret_cast<sockaddr*>(&ss));
}

HopInput Response(int status, const HeaderList& headers, int attempts = 1) {
  HopInput in;
  in.end = TransferEnd::kResponse;
  in.status = status;
  in.headers = &headers;
  in.url = "http://shop.example:8080/a/b";
  in.hop_attempts = attempts;
  return in;
}

}  // namespace

TEST_CASE("origin scheduler: per-origin and total limits, delays raised by Crawl-delay") {
  OriginScheduler s(2, 3, 100);
  const std::string a = "http://a:80", b = "http://b:80";
  CHECK(s.CanStart(a, 0));
  s.Started(a, 0);
  CHECK_FALSE(s.CanStart(a, 50));  // the delay
  CHECK(s.CanStart(a, 100));
  s.Started(a, 100);
  CHECK_FALSE(s.CanStart(a, 1000));  // two in flight
  CHECK(s.InFlight(a) == 2);
  CHECK(s.CanStart(b, 100));
  s.Started(b, 100);
  CHECK_FALSE(s.CanStart("http://c:80", 100));  // three in total
  s.Finished(a);
  CHECK(s.CanStart(a, 1000));
  CHECK(s.total_in_flight() == 2);
  s.SetDelay(b, 2000);
  CHECK(s.DelayMs(b) == 2000);
  CHECK(s.NextStartMs(b) == 2100);
  s.SetDelay(a, 10);  // never below the configured minimum
  CHECK(s.DelayMs(a) == 100);
  s.Finished("http://unknown:80");  // harmless
  CHECK(s.total_in_flight() == 2);
}

TEST_CASE("retry delays double, honour Retry-After and stay under the cap") {
  CHECK(RetryDelayMs(1, 500, 30000, "", 0) == 500);
  CHECK(RetryDelayMs(2, 500, 30000, "", 0) == 1000);
  CHECK(RetryDelayMs(3, 500, 30000, "", 0) == 2000);
  CHECK(RetryDelayMs(30, 500, 30000, "", 0) == 30000);
  CHECK(RetryDelayMs(1, 500, 30000, "7", 0) == 7000);
  CHECK(RetryDelayMs(1, 500, 30000, " 0 ", 0) == 500);
  CHECK(RetryDelayMs(1, 500, 30000, "99999999999999999999", 0) == 30000);
  CHECK(RetryDelayMs(1, 500, 30000, "soon", 0) == 500);
  // An HTTP-date 12 s after "now" (Sun, 06 Nov 1994 08:49:37 GMT = 784111777).
  CHECK(RetryDelayMs(1, 500, 30000, "Sun, 06 Nov 1994 08:49:49 GMT", 784111777000) == 12000);
}

TEST_CASE("hop decision: retries, redirects and their cap, credentials across origins") {
  FetcherOptions o;
  o.retries = 2;
  o.backoff_base_ms = 100;
  o.max_redirects = 2;
  const HeaderList none;
  CHECK(DecideHop(Response(200, none), o, 0).action == HopOutcome::Action::kFinish);
  CHECK(DecideHop(Response(404, none), o, 0).error == FetchErrorKind::kNone);
  HopOutcome r = DecideHop(Response(503, none, 1), o, 0);
  CHECK(r.action == HopOutcome::Action::kRetry);
  CHECK(r.retry_delay_ms == 100);
  CHECK(DecideHop(Response(429, {{"Retry-After", "3"}}, 2), o, 0).retry_delay_ms == 3000);
  r = DecideHop(Response(503, none, 3), o, 0);  // retries spent: the 503 is the answer
  CHECK(r.action == HopOutcome::Action::kFinish);
  CHECK(r.error == FetchErrorKind::kNone);

  HopInput conn;
  conn.end = TransferEnd::kConnectionRetryable;
  conn.transport_message = "Couldn't connect to server";
  conn.hop_attempts = 1;
  CHECK(DecideHop(conn, o, 0).action == HopOutcome::Action::kRetry);
  conn.hop_attempts = 3;
  r = DecideHop(conn, o, 0);
  CHECK(r.error == FetchErrorKind::kConnection);
  CHECK_FALSE(r.keep_response);
  conn.end = TransferEnd::kTimeout;
  conn.hop_attempts = 1;
  CHECK(DecideHop(conn, o, 0).error == FetchErrorKind::kTimeout);  // timeouts are not retried

  const HeaderList to_c = {{"location", "../c?x=1"}};
  HopInput post = Response(302, to_c);
  post.method = HttpMethod::kPost;
  r = DecideHop(post, o, 0);
  CHECK(r.action == HopOutcome::Action::kRedirect);
  REQUIRE(r.hop.has_value());
  CHECK(r.hop->location == "http://shop.example:8080/c?x=1");
  CHECK(r.next_method == HttpMethod::kGet);
  CHECK(r.drop_body);
  CHECK_FALSE(r.drop_credentials);
  HopInput keep = Response(307, to_c);
  keep.method = HttpMethod::kPost;
  CHECK(DecideHop(keep, o, 0).next_method == HttpMethod::kPost);
  const HeaderList away = {{"Location", "https://shop.example:8080/x"}};
  CHECK(DecideHop(Response(301, away), o, 0).drop_credentials);  // another scheme: new origin

  std::vector<RedirectHop> chain = {{"http://shop.example:8080/c?x=1", 302, "x"},
                                    {"http://shop.example:8080/d", 302, "y"}};
  HopInput capped = Response(302, to_c);
  capped.chain = &chain;
  r = DecideHop(capped, o, 0);
  CHECK(r.error == FetchErrorKind::kTooManyRedirects);
  CHECK(r.message.rfind("redirect loop", 0) == 0);
  REQUIRE(r.hop.has_value());  // the refused hop is still recorded

  HopInput nofollow = Response(302, to_c);
  nofollow.follow_redirects = false;
  CHECK(DecideHop(nofollow, o, 0).action == HopOutcome::Action::kFinish);
  CHECK(DecideHop(Response(302, none), o, 0).action == HopOutcome::Action::kFinish);
  CHECK(IsCredentialHeader("AUTHORIZATION"));
  CHECK(IsCredentialHeader("cookie"));
  CHECK_FALSE(IsCredentialHeader("X-Csrf-Token"));
}

TEST_CASE("allowlists take origins in any spelling or host:port pairs") {
  const std::vector<std::string> list = {"127.0.0.1:18081", "HTTP://Shop.Example.CN/", "x"};
  CHECK(OriginInList(list, "http://127.0.0.1:18081"));
  CHECK(OriginInList(list, "https://127.0.0.1:18081"));  // host:port names no scheme
  CHECK(OriginInList(list, "http://shop.example.cn:80"));
  CHECK_FALSE(OriginInList(list, "https://shop.example.cn:443"));
  CHECK_FALSE(OriginInList(list, "http://127.0.0.1:18082"));
  CHECK_FALSE(OriginInList({}, "http://127.0.0.1:18081"));
}

TEST_CASE("non-public addresses: loopback, private, link-local, CGNAT, mapped forms") {
  for (const char* a : {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                        "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::",
                        "fe80::1", "fd00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"}) {
    INFO(a);
    CHECK(NonPublic(a));
  }
  for (const char* a : {"8.8.8.8", "172.32.0.1", "100.128.0.1", "203.0.113.7", "2001:db8::1",
                        "2400:3200::1", "::ffff:1.2.3.4"}) {
    INFO(a);
    CHECK_FALSE(NonPublic(a));
  }
  CHECK(IsNonPublicAddress(nullptr));
}

TEST_CASE("the progress line") {
  FetchProgress p;
  p.total = 40;
  p.done = 12;
  p.failed = 1;
  p.in_flight = 2;
  p.bytes = 1536 * 1024;
  CHECK(FormatFetchProgress(p) == "fetch 12/40 done, 1 failed, 2 running, 1.5 MiB");
}

TEST_CASE("the fake fetcher serves canned pages with the real evidence fields") {
  FakeFetcher f;
  f.AddGet("http://shop/item/1", "<html><meta charset=gbk>\xD6\xD0</html>", "text/html");
  f.Add(HttpMethod::kPost, "http://shop/cart", 302, "", "", {{"Location", "/checkout"}});
  f.AddError(HttpMethod::kGet, "http://shop/slow", FetchErrorKind::kTimeout);
  FetchRequest post;
  post.method = HttpMethod::kPost;
  post.url = "http://shop/cart";
  FetchRequest get;
  get.url = "http://shop/item/1";
  FetchRequest slow;
  slow.url = "http://shop/slow";
  FetchRequest missing;
  missing.url = "http://shop/none";
  size_t calls = 0;
  const std::vector<FetchResult> rs =
      f.FetchAll({get, post, slow, missing}, [&](const FetchProgress&) { ++calls; });
  CHECK(rs[0].body_utf8 == "<html><meta charset=gbk>中</html>");
  CHECK(rs[0].charset_source == "meta");
  CHECK(rs[0].sha256.size() == 64);
  CHECK(rs[1].status == 302);
  CHECK(rs[1].Header("location") == "/checkout");
  CHECK(rs[2].error_kind == FetchErrorKind::kTimeout);
  CHECK(rs[3].status == 404);
  CHECK(f.requests().size() == 4);
  CHECK(calls == 5);
}

}  // namespace crawler
