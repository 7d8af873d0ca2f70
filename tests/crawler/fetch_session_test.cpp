// crawler/fetch/curl_fetcher against real HTTP servers on 127.0.0.1: robots.txt, charsets,
// cookie jars per session, POST bodies, per-origin concurrency, allowlists, non-public addresses
// and the run's byte budget.
#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "fetch/curl_fetcher.h"
#include "fetch/evidence.h"
#include "local_server.h"

namespace crawler {

using fetch_test::FastOptions;
using fetch_test::Get;
using fetch_test::NoRobots;
using fetch_test::TestServer;

namespace {

std::string Gbk(const std::string& utf8) { return fetch_test::Encode(utf8, "GBK"); }

}  // namespace

TEST_CASE("robots.txt: disallowed paths are never requested; Crawl-delay raises the delay") {
  TestServer srv([&](httplib::Server& s, TestServer&) {
    s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "User-agent: *\nDisallow: /\n\nUser-agent: CBECPatrol\nDisallow: /private\n"
          "Allow: /private/ok\nCrawl-delay: 0.02\n",
          "text/plain");
    });
    s.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content("page " + req.path, "text/plain");
    });
  });
  CurlFetcher f(FastOptions());
  const std::vector<FetchResult> rs = f.FetchAll(
      {Get(srv.Url("/private/x")), Get(srv.Url("/public")), Get(srv.Url("/private/ok/1"))});
  REQUIRE(rs.size() == 3);
  CHECK(rs[0].error_kind == FetchErrorKind::kRobotsDisallowed);
  CHECK(rs[0].error.code() == core::StatusCode::kFailedPrecondition);
  CHECK(rs[0].attempts == 0);
  CHECK(rs[1].ok());
  CHECK(rs[1].body == "page /public");
  CHECK(rs[2].ok());
  CHECK(srv.Hits("/private/x") == 0);
  CHECK(srv.Hits("/robots.txt") == 1);
  CHECK(f.OriginDelayMs(srv.Origin()) == 20);
  // Cached: a second run asks robots.txt no more.
  CHECK_FALSE(f.Fetch(Get(srv.Url("/private/y"))).ok());
  CHECK(srv.Hits("/robots.txt") == 1);

  // robots.txt behind a redirect is followed (and each hop kept as evidence).
  TestServer moved([&](httplib::Server& s, TestServer&) {
    s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/static/robots.txt", 301);
    });
    s.Get("/static/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("User-agent: *\nDisallow: /secret\n", "text/plain");
    });
    s.Get("/open", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("open", "text/plain");
    });
  });
  CurlFetcher m(FastOptions());  // declared after `moved`: closes its connections first
  const std::vector<FetchResult> ms =
      m.FetchAll({Get(moved.Url("/secret")), Get(moved.Url("/open"))});
  CHECK(ms[0].error_kind == FetchErrorKind::kRobotsDisallowed);
  CHECK(ms[1].ok());
  CHECK(moved.Hits("/secret") == 0);
  REQUIRE(m.robots_fetches().size() == 2);
  CHECK(m.robots_fetches()[0].status == 301);
  CHECK(m.robots_fetches()[1].final_url == moved.Url("/static/robots.txt"));

  // A robots.txt that fails with 5xx disallows the whole origin.
  TestServer down([&](httplib::Server& s, TestServer&) {
    s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
    s.Get("/item", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("x", "text/plain");
    });
  });
  CurlFetcher g(FastOptions());  // declared after `down`: closes its connections first
  const FetchResult r = g.Fetch(Get(down.Url("/item")));
  CHECK(r.error_kind == FetchErrorKind::kRobotsDisallowed);
  CHECK(down.Hits("/item") == 0);
}

TEST_CASE("GBK pages are converted to the exact UTF-8 (header and <meta>)") {
  const std::string text =
      "<html><body><h1>进口奶粉</h1><span>￥1,299.00 包邮</span></body></html>";
  const std::string meta_text =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
      "</head><body>价格：￥99</body></html>";
  TestServer srv([&](httplib::Server& s, TestServer&) {
    NoRobots(s);
    s.Get("/gbk", [&](const httplib::Request&, httplib::Response& res) {
      res.set_content(Gbk(text), "text/html; charset=GBK");
    });
    s.Get("/meta", [&](const httplib::Request&, httplib::Response& res) {
      res.set_content(Gbk(meta_text), "text/html");
    });
    s.Get("/img", [&](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string("\x89PNG\r\n\x1a\n", 8), "image/png");
    });
  });
  CurlFetcher f(FastOptions());
  const std::vector<FetchResult> rs =
      f.FetchAll({Get(srv.Url("/gbk")), Get(srv.Url("/meta")), Get(srv.Url("/img"))});
  CHECK(rs[0].body == Gbk(text));
  CHECK(rs[0].body_utf8 == text);
  CHECK(rs[0].charset == "gb18030");
  CHECK(rs[0].charset_source == "header");
  CHECK(rs[0].sha256 == Sha256Hex(Gbk(text)));  // evidence hashes the raw bytes
  CHECK(rs[1].body_utf8 == meta_text);
  CHECK(rs[1].charset_source == "meta");
  CHECK(rs[2].body.size() == 8);
  CHECK(rs[2].body_utf8.empty());
  CHECK(rs[2].charset.empty());
}

TEST_CASE("cookies are kept per session and never shared between sessions") {
  TestServer srv([&](httplib::Server& s, TestServer&) {
    NoRobots(s);
    s.Get("/login", [](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Set-Cookie", "sid=" + req.get_param_value("who") + "; Path=/");
      res.set_content("ok", "text/plain");
    });
    s.Get("/whoami", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content("cookie=" + req.get_header_value("Cookie"), "text/plain");
    });
    // A cookie set on a redirect response must be kept as well.
    s.Get("/sso", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Set-Cookie", "token=t1; Path=/");
      res.set_redirect("/whoami", 302);
    });
  });
  CurlFetcher f(FastOptions());
  FetchRequest login = Get(srv.Url("/login?who=buyer1"));
  login.session = "buyer-1";
  REQUIRE(f.Fetch(login).ok());
  FetchRequest who = Get(srv.Url("/whoami"));
  who.session = "buyer-1";
  CHECK(f.Fetch(who).body == "cookie=sid=buyer1");

  FetchRequest other = who;
  other.session = "buyer-2";
  FetchRequest patrol = who;
  patrol.session = "";
  const std::vector<FetchResult> rs = f.FetchAll({other, patrol, who});
  CHECK(rs[0].body == "cookie=");
  CHECK(rs[1].body == "cookie=");
  CHECK(rs[2].body == "cookie=sid=buyer1");

  FetchRequest sso = Get(srv.Url("/sso"));
  sso.session = "buyer-2";
  const FetchResult r = f.Fetch(sso);
  CHECK(r.body == "cookie=token=t1");
  const std::vector<std::string> jar = f.SessionCookies("buyer-1");
  REQUIRE(jar.size() == 1);
  CHECK(jar[0].find("sid\tbuyer1") != std::string::npos);
  f.ClearSession("buyer-1");
  CHECK(f.SessionCookies("buyer-1").empty());
  CHECK(f.Fetch(who).body == "cookie=");
}

TEST_CASE("POST with form and JSON bodies and extra headers") {
  TestServer srv([&](httplib::Server& s, TestServer&) {
    NoRobots(s);
    s.Post("/echo", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(req.method + "|" + req.get_header_value("Content-Type") + "|" +
                          req.get_header_value("X-Csrf-Token") + "|" + req.body,
                      "text/plain");
    });
  });
  CurlFetcher f(FastOptions());
  FetchRequest form = Get(srv.Url("/echo"));
  form.method = HttpMethod::kPost;
  form.body = "name=%E5%BC%A0%E4%B8%89&qty=2";
  form.headers = {{"X-Csrf-Token", "abc123"}};
  FetchRequest json = Get(srv.Url("/echo"));
  json.method = HttpMethod::kPost;
  json.content_type = "application/json";
  json.body = std::string(3000, ' ') + R"({"sku":"A1","qty":1})";  // large: no Expect round trip
  const std::vector<FetchResult> rs = f.FetchAll({form, json});
  CHECK(rs[0].body ==
        "POST|application/x-www-form-urlencoded|abc123|name=%E5%BC%A0%E4%B8%89&qty=2");
  CHECK(rs[1].body == "POST|application/json||" + json.body);
}

TEST_CASE("per-origin concurrency never exceeds max_per_origin; progress is reported") {
  struct Counter {
    std::mutex mu;
    std::condition_variable cv;
    int current = 0;
    int max_seen = 0;
    int arrived = 0;
  };
  constexpr int kPerServer = 6;
  // Each handler holds its request until a second one is in flight (or all have arrived), so
  // a fetcher that allowed more than two at once would be seen doing so.
  const auto routes = [&](Counter& c) {
    return [&c](httplib::Server& s, TestServer&) {
      s.Get(R"(/p/\d+)", [&c](const httplib::Request& req, httplib::Response& res) {
        std::unique_lock<std::mutex> lock(c.mu);
        ++c.current;
        ++c.arrived;
        c.max_seen = std::max(c.max_seen, c.current);
        c.cv.notify_all();
        c.cv.wait_for(lock, std::chrono::seconds(10),
                      [&c] { return c.current >= 2 || c.arrived >= kPerServer; });
        --c.current;
        res.set_content("page " + req.path, "text/plain");
      });
    };
  };
  Counter ca, cb;
  TestServer a(routes(ca));
  TestServer b(routes(cb));
  FetcherOptions o = FastOptions();
  o.obey_robots = false;
  o.max_per_origin = 2;
  o.max_total = 8;
  CurlFetcher f(o);
  std::vector<FetchRequest> reqs;
  for (int i = 0; i < kPerServer; ++i) {
    reqs.push_back(Get(a.Url("/p/" + std::to_string(i))));
    reqs.push_back(Get(b.Url("/p/" + std::to_string(i))));
  }
  std::vector<FetchProgress> seen;
  const std::vector<FetchResult> rs =
      f.FetchAll(reqs, [&](const FetchProgress& p) { seen.push_back(p); });
  REQUIRE(rs.size() == reqs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    CHECK(rs[i].ok());
    CHECK(rs[i].final_url == reqs[i].url);  // results in request order
  }
  CHECK(ca.max_seen == 2);
  CHECK(cb.max_seen == 2);
  CHECK(a.Hits("/robots.txt") == 0);
  REQUIRE(seen.size() >= 2);
  CHECK(seen.front().done == 0);
  CHECK(seen.back().done == reqs.size());
  CHECK(seen.back().total == reqs.size());
  CHECK(seen.back().failed == 0);
  CHECK(seen.back().bytes > 0);
}

TEST_CASE("the allowlist refuses other origins without a connection, also on redirects") {
  TestServer other([&](httplib::Server& s, TestServer&) {
    NoRobots(s);
    s.Get("/x", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("x", "text/plain");
    });
  });
  TestServer shop([&](httplib::Server& s, TestServer&) {
    NoRobots(s);
    s.Get("/away", [&](const httplib::Request&, httplib::Response& res) {
      res.set_redirect(other.Url("/x"), 302);
    });
    s.Get("/home", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("home", "text/plain");
    });
  });
  FetcherOptions o = FastOptions();
  o.allowed_origins = {"127.0.0.1:" + std::to_string(shop.port())};
  CurlFetcher f(o);
  const std::vector<FetchResult> rs = f.FetchAll(
      {Get(shop.Url("/home")), Get(other.Url("/x")), Get(shop.Url("/away")), Get("ftp://x/")});
  CHECK(rs[0].ok());
  CHECK(rs[1].error_kind == FetchErrorKind::kNotAllowed);
  CHECK(rs[1].error.code() == core::StatusCode::kPermissionDenied);
  CHECK(rs[2].error_kind == FetchErrorKind::kNotAllowed);
  CHECK(rs[2].redirects.size() == 1);
  CHECK(rs[2].final_url == other.Url("/x"));
  CHECK(rs[3].error_kind == FetchErrorKind::kInvalidUrl);
  CHECK(other.Hits("/x") == 0);
  CHECK(other.Hits("/robots.txt") == 0);

  FetcherOptions full = FastOptions();
  full.allowed_origins = {shop.Origin()};
  CurlFetcher g(full);
  CHECK(g.Fetch(Get(shop.Url("/home"))).ok());
  CHECK_FALSE(g.Fetch(Get(other.Url("/x"))).ok());
}

TEST_CASE("non-public addresses are refused unless listed; credentials stay on their origin") {
  TestServer other([&](httplib::Server& s, TestServer&) {
    NoRobots(s);
    s.Get("/auth", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content("auth=" + req.get_header_value("Authorization") +
                          " token=" + req.get_header_value("X-Token"),
                      "text/plain");
    });
  });
  TestServer shop([&](httplib::Server& s, TestServer&) {
    NoRobots(s);
    s.Get("/away", [&](const httplib::Request&, httplib::Response& res) {
      res.set_redirect(other.Url("/auth"), 302);
    });
    s.Get("/here",
          [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/auth", 302); });
    s.Get("/auth", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content("auth=" + req.get_header_value("Authorization"), "text/plain");
    });
  });
  FetcherOptions o = FastOptions();
  o.block_non_public_addresses = true;
  o.non_public_allowed = {"127.0.0.1:" + std::to_string(shop.port())};
  CurlFetcher f(o);
  const FetchResult blocked = f.Fetch(Get(other.Url("/auth")));
  CHECK(blocked.error_kind == FetchErrorKind::kNotAllowed);
  CHECK(blocked.error.message().find("non-public") != std::string::npos);
  CHECK(other.Hits("/auth") == 0);
  CHECK(other.Hits("/robots.txt") == 0);
  FetchRequest here = Get(shop.Url("/here"));
  here.headers = {{"Authorization", "Bearer s3cret"}};
  CHECK(f.Fetch(here).body == "auth=Bearer s3cret");  // same origin: kept

  FetcherOptions open = FastOptions();
  CurlFetcher g(open);
  FetchRequest away = Get(shop.Url("/away"));
  away.headers = {{"Authorization", "Bearer s3cret"}, {"X-Token", "t"}};
  const FetchResult r = g.Fetch(away);
  CHECK(r.ok());
  CHECK(r.body == "auth= token=t");  // Authorization dropped on leaving the origin
}

TEST_CASE("a run's byte budget stops further fetches once spent") {
  TestServer srv([&](httplib::Server& s, TestServer&) {
    s.Get(R"(/b/\d+)", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(800, 'b'), "text/plain");
    });
  });
  FetcherOptions o = FastOptions();
  o.obey_robots = false;
  o.max_per_origin = 1;  // one at a time, so the order of spending is fixed
  o.max_run_bytes = 1000;
  CurlFetcher f(o);
  const std::vector<FetchResult> rs =
      f.FetchAll({Get(srv.Url("/b/1")), Get(srv.Url("/b/2")), Get(srv.Url("/b/3"))});
  CHECK(rs[0].ok());
  CHECK(rs[1].ok());
  CHECK(rs[2].error_kind == FetchErrorKind::kTooLarge);
  CHECK(srv.Hits("/b/3") == 0);
  // The budget is per run.
  CHECK(f.Fetch(Get(srv.Url("/b/3"))).ok());
}

}  // namespace crawler
