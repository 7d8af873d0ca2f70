// robots.txt parsing and matching (RFC 9309). Pure.
#include "fetch/robots.h"

#include <charconv>

namespace crawler {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerStr(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kOther };

// Line keys are case-insensitive; the misspellings are those real files contain and that
// Google's parser accepts.
Key KeyOf(std::string_view raw) {
  const std::string k = LowerStr(Trim(raw));
  if (k == "user-agent" || k == "useragent" || k == "user agent") return Key::kUserAgent;
  if (k == "allow") return Key::kAllow;
  if (k == "disallow" || k == "dissallow" || k == "dissalow" || k == "disalow" || k == "diasllow" ||
      k == "disallaw") {
    return Key::kDisallow;
  }
  if (k == "crawl-delay" || k == "crawldelay" || k == "crawl delay") return Key::kCrawlDelay;
  return Key::kOther;
}

// "10", "0.5", "2.25" seconds → milliseconds; nullopt for anything else or absurd values.
std::optional<int64_t> ParseDelayMs(std::string_view v) {
  const size_t dot = v.find('.');
  const std::string_view whole = v.substr(0, dot);
  int64_t secs = 0;
  if (!whole.empty()) {
    auto [p, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), secs);
    if (ec != std::errc() || p != whole.data() + whole.size() || secs < 0 || secs > 86400) {
      return std::nullopt;
    }
  }
  int64_t ms = secs * 1000;
  if (dot != std::string_view::npos) {
    const std::string_view frac = v.substr(dot + 1);
    if (frac.empty() && whole.empty()) return std::nullopt;
    int64_t scale = 100;
    for (char c : frac) {
      if (c < '0' || c > '9') return std::nullopt;
      ms += (c - '0') * scale;
      scale /= 10;
    }
  } else if (whole.empty()) {
    return std::nullopt;
  }
  return ms;
}

struct Group {
  std::vector<std::string> agents;  // lower case
  std::vector<RobotsRule> rules;
  std::optional<int64_t> crawl_delay_ms;
};

}  // namespace

std::string NormalizeRobotsPath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(path[i]);
    if (c == '%' && i + 2 < path.size() && HexValue(path[i + 1]) >= 0 &&
        HexValue(path[i + 2]) >= 0) {
      const unsigned char decoded =
          static_cast<unsigned char>(HexValue(path[i + 1]) * 16 + HexValue(path[i + 2]));
      if (IsUnreserved(decoded)) {
        out += static_cast<char>(decoded);
      } else {
        out += '%';
        out += kHex[decoded >> 4];
        out += kHex[decoded & 15];
      }
      i += 2;
    } else if (c >= 0x80 || c == ' ') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  bool anchored = false;
  if (!pattern.empty() && pattern.back() == '$') {
    anchored = true;
    pattern.remove_suffix(1);
  }
  // Glob matching with '*' by backtracking to the last star (linear in practice); without '$'
  // the pattern only has to match a prefix, as if it ended in '*'.
  size_t p = 0, s = 0;
  size_t star = std::string_view::npos, star_s = 0;
  while (s < path.size()) {
    if (p == pattern.size() && !anchored) return true;
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_s = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::string RobotsProductToken(std::string_view user_agent) {
  user_agent = Trim(user_agent);
  const size_t end = user_agent.find_first_of("/ (\t");
  return std::string(user_agent.substr(0, end));
}

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules r;
  r.rules_.push_back({false, "/"});
  return r;
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view product_token) {
  if (text.size() > kRobotsMaxBytes) text = text.substr(0, kRobotsMaxBytes);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  std::vector<Group> groups;
  bool in_agent_lines = false;  // the previous record was a user-agent line
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.find('\0') != std::string_view::npos) continue;  // binary garbage
    const size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      // "Disallow /x": tolerated when the key is followed by whitespace.
      colon = line.find_first_of(" \t");
      if (colon == std::string_view::npos) continue;
    }
    const Key key = KeyOf(line.substr(0, colon));
    const std::string_view value = Trim(line.substr(colon + 1));
    switch (key) {
      case Key::kUserAgent: {
        if (!in_agent_lines) groups.emplace_back();
        in_agent_lines = true;
        // "CBECPatrol/0.1" names the same product as "CBECPatrol".
        groups.back().agents.push_back(LowerStr(RobotsProductToken(value)));
        break;
      }
      case Key::kAllow:
      case Key::kDisallow:
        in_agent_lines = false;
        // Rules before the first user-agent line belong to no group (RFC 9309 §2.1).
        if (groups.empty() || value.empty()) break;
        groups.back().rules.push_back({key == Key::kAllow, NormalizeRobotsPath(value)});
        break;
      case Key::kCrawlDelay:
        in_agent_lines = false;
        if (groups.empty()) break;
        if (auto ms = ParseDelayMs(value)) groups.back().crawl_delay_ms = *ms;
        break;
      case Key::kOther:
        break;  // Sitemap and unknown lines neither end nor start a group
    }
  }

  const std::string token = LowerStr(product_token);
  RobotsRules out;
  for (int pass = 0; pass < 2; ++pass) {
    // First pass: groups naming us; only when there are none, the "*" groups.
    const std::string want = pass == 0 ? token : "*";
    bool found = false;
    for (const Group& g : groups) {
      bool match = false;
      for (const std::string& a : g.agents) match = match || (a == want && !a.empty());
      if (!match) continue;
      found = true;
      out.rules_.insert(out.rules_.end(), g.rules.begin(), g.rules.end());
      if (g.crawl_delay_ms && (!out.crawl_delay_ms_ || *g.crawl_delay_ms > *out.crawl_delay_ms_)) {
        out.crawl_delay_ms_ = g.crawl_delay_ms;
      }
    }
    if (found) break;
  }
  return out;
}

RobotsRules RobotsRules::FromResponse(int http_status, std::string_view body,
                                      std::string_view product_token) {
  if (http_status >= 200 && http_status < 300) return Parse(body, product_token);
  // 429 means "slow down", not "no robots.txt": treat it like a server error (Google does too).
  if (http_status >= 400 && http_status < 500 && http_status != 429) return AllowAll();
  // A redirect left unfollowed (more than five, or off the allowed origins) means the file is
  // "unavailable" (RFC 9309 §2.3.1.2), which allows everything like a 4xx.
  if (http_status >= 300 && http_status < 400) return AllowAll();
  return DisallowAll();
}

bool RobotsRules::IsAllowed(std::string_view path_and_query) const {
  std::string path = NormalizeRobotsPath(path_and_query.empty() ? "/" : path_and_query);
  if (path == "/robots.txt") return true;
  size_t best_len = 0;
  bool best_allow = true;
  bool matched = false;
  for (const RobotsRule& r : rules_) {
    if (!RobotsPatternMatches(r.pattern, path)) continue;
    const size_t len = r.pattern.size();
    if (!matched || len > best_len || (len == best_len && r.allow && !best_allow)) {
      best_len = len;
      best_allow = r.allow;
      matched = true;
    }
  }
  return !matched || best_allow;
}

}  // namespace crawler
