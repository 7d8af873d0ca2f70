// crawler/fetch/robots: RFC 9309 parsing and matching, table-driven (incl. the RFC's examples).
#include "fetch/robots.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace crawler {

namespace {

struct Case {
  const char* agent;
  const char* path;
  bool allowed;
};

void CheckCases(const std::string& robots, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const RobotsRules rules = RobotsRules::Parse(robots, c.agent);
    INFO("agent=" << c.agent << " path=" << c.path);
    CHECK(rules.IsAllowed(c.path) == c.allowed);
  }
}

}  // namespace

TEST_CASE("RFC 9309 §5.1: groups by user-agent, merged groups, empty group, '*' fallback") {
  const std::string robots =
      "User-Agent: *\n"
      "Disallow: *.gif$\n"
      "Disallow: /example/\n"
      "Allow: /publications/\n"
      "\n"
      "User-Agent: foobot\n"
      "Disallow:/\n"
      "Allow:/example/page.html\n"
      "Allow:/example/allowed.gif\n"
      "\n"
      "User-Agent: barbot\n"
      "User-Agent: bazbot\n"
      "Disallow: /example/page.html\n"
      "\n"
      "User-Agent: quxbot\n"
      "\n"
      "EOF\n";
  CheckCases(robots, {
                         {"foobot", "/example/page.html", true},
                         {"foobot", "/example/allowed.gif", true},
                         {"foobot", "/other", false},
                         {"FooBot", "/other", false},  // product tokens match case-insensitively
                         {"barbot", "/example/page.html", false},
                         {"bazbot", "/example/page.html", false},
                         {"barbot", "/example/other.gif", true},  // "*" does not apply to barbot
                         {"quxbot", "/example/page.html", true},
                         {"quxbot", "/x.gif", true},
                         {"otherbot", "/x.gif", false},
                         {"otherbot", "/x.gif?y", true},  // '$' anchors the end
                         {"otherbot", "/example/a", false},
                         {"otherbot", "/publications/a", true},
                         {"otherbot", "/", true},
                     });
}

TEST_CASE("RFC 9309 §5.2: the longest match wins, Allow wins ties") {
  const std::string robots =
      "User-Agent: foobot\n"
      "Allow: /example/page/\n"
      "Disallow: /example/page/disallowed.gif\n";
  CheckCases(robots, {
                         {"foobot", "/example/page/", true},
                         {"foobot", "/example/page/a.html", true},
                         {"foobot", "/example/page/disallowed.gif", false},
                     });
  const std::string tie =
      "User-agent: *\n"
      "Disallow: /page\n"
      "Allow: /page\n"
      "Disallow: /a*\n"
      "Allow: /ab\n";
  CheckCases(tie, {
                      {"x", "/page", true},
                      {"x", "/abc", true},  // "/ab" and "/a*" are both 3 octets: Allow wins
                      {"x", "/axc", false},
                  });
}

TEST_CASE("RFC 9309 §2.2.2-3: wildcards, end anchors and percent-encoding") {
  const std::string robots =
      "User-agent: *\n"
      "Disallow: /path/file-with-a-*.html\n"
      "Disallow: /path/foo-$\n"
      "Disallow: /foo/bar/ツ\n"
      "Disallow: /enc/%62%61%7A\n"
      "Disallow: /*/secret\n"
      "Disallow: /search?q=\n";
  CheckCases(robots, {
                         {"x", "/path/file-with-a-foo.html", false},
                         {"x", "/path/file-with-a-.html", false},
                         {"x", "/path/file-with-a-foo.htm", true},
                         {"x", "/path/foo-", false},
                         {"x", "/path/foo-bar", true},
                         {"x", "/foo/bar/%E3%83%84", false},
                         {"x", "/foo/bar/%e3%83%84", false},
                         {"x", "/enc/baz", false},
                         {"x", "/a/b/secret/c", false},
                         {"x", "/secret", true},
                         {"x", "/search?q=phone", false},
                         {"x", "/search", true},
                         {"x", "/robots.txt", true},
                     });
  CHECK(RobotsPatternMatches("/a*b*c$", "/aXXbYYc"));
  CHECK_FALSE(RobotsPatternMatches("/a*b*c$", "/aXXbYYcd"));
  CHECK(RobotsPatternMatches("*", "/anything"));
  CHECK(NormalizeRobotsPath("/%7euser/%2f") == "/~user/%2F");
}

TEST_CASE("robots.txt: our product token, Crawl-delay, BOM, CRLF, comments and garbage") {
  const std::string robots =
      "\xEF\xBB\xBF"
      "# shop robots\r\n"
      "Disallow: /before-any-group\r\n"
      "Sitemap: http://shop.example/sitemap.xml\r\n"
      "User-agent: *\r\n"
      "Disallow: /\r\n"
      "\r\n"
      "this line is garbage\r\n"
      "\x01\x02\x03 binary: junk\r\n"
      "USER-AGENT: cbecpatrol/2.0 # versions name the same product\r\n"
      "user-agent: OtherBot\r\n"
      "Crawl-delay: 2.5\r\n"
      "Sitemap: http://shop.example/s2.xml\r\n"
      "dissallow: /cart\r\n"
      "Disallow /checkout\r\n"
      "Allow: /cart/public # tolerated comment\r\n"
      "Disallow:\r\n";
  const std::string token =
      RobotsProductToken("CBECPatrol/0.1 (+customs patrol; contact via server)");
  CHECK(token == "CBECPatrol");
  const RobotsRules r = RobotsRules::Parse(robots, token);
  CHECK(r.IsAllowed("/item/1"));
  CHECK(r.IsAllowed("/before-any-group"));
  CHECK_FALSE(r.IsAllowed("/cart"));
  CHECK_FALSE(r.IsAllowed("/checkout/step1"));
  CHECK(r.IsAllowed("/cart/public/x"));
  REQUIRE(r.crawl_delay_ms().has_value());
  CHECK(*r.crawl_delay_ms() == 2500);
  // Someone else falls back to "*".
  CHECK_FALSE(RobotsRules::Parse(robots, "SomeBot").IsAllowed("/item/1"));
  CHECK_FALSE(RobotsRules::Parse(robots, "SomeBot").crawl_delay_ms().has_value());
  // CR-only line ends.
  const RobotsRules cr = RobotsRules::Parse("User-agent: *\rDisallow: /x\rCrawl-delay: 3\r", "a");
  CHECK_FALSE(cr.IsAllowed("/x"));
  CHECK(cr.crawl_delay_ms() == 3000);
  CHECK_FALSE(RobotsRules::Parse("User-agent: *\nCrawl-delay: soon\n", "a").crawl_delay_ms());
}

TEST_CASE("robots.txt status handling (RFC 9309 §2.3.1) and the size cap") {
  const std::string body = "User-agent: *\nDisallow: /private\n";
  CHECK_FALSE(RobotsRules::FromResponse(200, body, "a").IsAllowed("/private"));
  CHECK(RobotsRules::FromResponse(200, body, "a").IsAllowed("/public"));
  CHECK(RobotsRules::FromResponse(404, body, "a").IsAllowed("/private"));
  CHECK(RobotsRules::FromResponse(403, "", "a").IsAllowed("/anything"));
  CHECK(RobotsRules::FromResponse(301, "", "a").IsAllowed("/anything"));
  CHECK_FALSE(RobotsRules::FromResponse(500, "", "a").IsAllowed("/anything"));
  CHECK_FALSE(RobotsRules::FromResponse(503, "", "a").IsAllowed("/"));
  CHECK_FALSE(RobotsRules::FromResponse(429, "", "a").IsAllowed("/"));
  CHECK_FALSE(RobotsRules::FromResponse(0, "", "a").IsAllowed("/"));
  CHECK(RobotsRules::FromResponse(0, "", "a").IsAllowed("/robots.txt"));
  CHECK(RobotsRules().IsAllowed("/any"));
  CHECK_FALSE(RobotsRules::DisallowAll().IsAllowed("/any"));

  // A rule past 500 KiB is not read.
  std::string big = "User-agent: *\nDisallow: /early\n";
  big += "# " + std::string(kRobotsMaxBytes, 'x') + "\n";
  big += "Disallow: /late\n";
  const RobotsRules capped = RobotsRules::Parse(big, "a");
  CHECK_FALSE(capped.IsAllowed("/early"));
  CHECK(capped.IsAllowed("/late"));
}

}  // namespace crawler
