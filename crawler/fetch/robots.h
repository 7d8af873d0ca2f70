// robots.txt (RFC 9309) for one crawler: parsing the file into the rules of the group that
// applies to our product token, and matching paths against them. Pure: bytes in, rules out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crawler {

// RFC 9309 §2.5: crawlers must parse at least 500 KiB; we parse exactly that much and ignore the
// rest, so a hostile file cannot make us allocate without bound.
inline constexpr size_t kRobotsMaxBytes = 500 * 1024;

struct RobotsRule {
  bool allow = false;
  std::string pattern;  // normalised: %xx upper-case, non-ASCII octets percent-encoded
};

class RobotsRules {
 public:
  RobotsRules() = default;  // allows everything (no rules)
  static RobotsRules AllowAll();
  static RobotsRules DisallowAll();

  // Parses robots.txt text and keeps the rules that apply to `product_token` (e.g. "CBECPatrol"):
  // every group whose user-agent equals the token case-insensitively (groups merged), else every
  // "*" group. Tolerates a UTF-8 BOM, CRLF/CR line ends, comments, unknown or garbage lines and
  // common misspellings ("useragent", "dissallow"); Sitemap lines are ignored. Only the first
  // kRobotsMaxBytes are read. Never fails.
  static RobotsRules Parse(std::string_view text, std::string_view product_token);

  // The rules implied by fetching /robots.txt (RFC 9309 §2.3.1): `http_status` 2xx → Parse(body);
  // 3xx (redirects not followed further) and 4xx except 429 → allow all; 429, 5xx, or 0
  // (unreachable: connection error, timeout) → disallow all, as are 1xx and other statuses.
  static RobotsRules FromResponse(int http_status, std::string_view body,
                                  std::string_view product_token);

  // Whether `path_and_query` ("/a/b?x=1"; "" counts as "/") may be fetched: the matching rule
  // with the longest pattern wins, Allow wins a tie, no matching rule allows. "/robots.txt" is
  // always allowed.
  bool IsAllowed(std::string_view path_and_query) const;

  // Crawl-delay of the selected group in milliseconds, if it gave a valid one (non-standard but
  // widely used; "10", "0.5").
  std::optional<int64_t> crawl_delay_ms() const { return crawl_delay_ms_; }
  const std::vector<RobotsRule>& rules() const { return rules_; }

 private:
  std::vector<RobotsRule> rules_;
  std::optional<int64_t> crawl_delay_ms_;
};

// The product token of a User-Agent string: the text before the first '/', space or '(' —
// "CBECPatrol" for "CBECPatrol/0.1 (+customs patrol)".
std::string RobotsProductToken(std::string_view user_agent);

// True when `pattern` (a robots.txt path pattern with '*' and a trailing '$') matches
// `path_and_query`, both already normalised (see RobotsRule). Exposed for tests.
bool RobotsPatternMatches(std::string_view pattern, std::string_view path_and_query);

// Percent-encoding normalisation used for patterns and paths: hex digits of %xx upper-cased,
// octets >= 0x80 and spaces percent-encoded, %xx of unreserved characters decoded.
std::string NormalizeRobotsPath(std::string_view path);

}  // namespace crawler
