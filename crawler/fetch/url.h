// URLs as the crawler uses them: resolving a link against its page, and the origin
// ("http://127.0.0.1:18081") that politeness limits and allowed hosts are counted by. Built on
// libcurl's URL API (no network). Pure apart from allocation.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace crawler {

struct UrlParts {
  std::string scheme;  // "http" | "https" (lower case)
  std::string host;    // lower case; IPv6 without brackets
  int port = 0;        // explicit or the scheme's default
  std::string path;    // "/a/b" (at least "/")
  std::string query;   // without '?', "" when none

  // "127.0.0.1:18081", "[::1]:443": as profiles write allowed hosts (the port always written).
  std::string HostPort() const;
  // "/item/12?x=1": what profiles' product_url and robots.txt rules match.
  std::string PathAndQuery() const;
};

// Splits an absolute http(s) URL. InvalidArgument for anything else (other schemes, no host,
// malformed).
core::StatusOr<UrlParts> ParseUrl(std::string_view url);

// `ref` (absolute, or relative like "../p?id=2", "//host/x", "?page=2") resolved against the
// absolute `base`; the fragment is dropped. InvalidArgument when the result is not http(s).
core::StatusOr<std::string> ResolveUrl(std::string_view base, std::string_view ref);

// "scheme://host:port" of an absolute URL (the port always written), e.g.
// "http://127.0.0.1:18081"; InvalidArgument as ParseUrl.
core::StatusOr<std::string> OriginOf(std::string_view url);

}  // namespace crawler
