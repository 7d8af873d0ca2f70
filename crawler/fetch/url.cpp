// URL handling on libcurl's CURLU API (RFC 3986 resolution as curl itself follows redirects).
#include "fetch/url.h"

#include <curl/curl.h>

#include <memory>

namespace crawler {

namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

struct CurlString {
  char* p = nullptr;
  ~CurlString() { curl_free(p); }
};

// A part of the URL, or "" when the URL has none.
std::string Part(CURLU* u, CURLUPart part, unsigned flags = 0) {
  CurlString s;
  if (curl_url_get(u, part, &s.p, flags) != CURLUE_OK || s.p == nullptr) return "";
  return s.p;
}

core::StatusOr<UrlHandle> Handle(std::string_view url) {
  UrlHandle u(curl_url());
  if (!u) return core::InternalError("out of memory");
  const std::string text(url);
  if (text.empty() || curl_url_set(u.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
    return core::InvalidArgumentError("not an absolute URL: '" + text + "'");
  }
  const std::string scheme = Part(u.get(), CURLUPART_SCHEME);
  if (scheme != "http" && scheme != "https") {
    return core::InvalidArgumentError("not an http(s) URL: '" + text + "'");
  }
  if (Part(u.get(), CURLUPART_HOST).empty()) {
    return core::InvalidArgumentError("URL without a host: '" + text + "'");
  }
  return u;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

core::StatusOr<UrlParts> ParseUrl(std::string_view url) {
  CORE_ASSIGN_OR_RETURN(UrlHandle u, Handle(url));
  UrlParts p;
  p.scheme = Part(u.get(), CURLUPART_SCHEME);
  p.host = Lower(Part(u.get(), CURLUPART_HOST));
  if (p.host.size() > 2 && p.host.front() == '[' && p.host.back() == ']') {
    p.host = p.host.substr(1, p.host.size() - 2);
  }
  const std::string port = Part(u.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  p.port = 0;
  for (char c : port) {
    if (c < '0' || c > '9' || p.port > 65535) {
      return core::InvalidArgumentError("bad port in '" + std::string(url) + "'");
    }
    p.port = p.port * 10 + (c - '0');
  }
  p.path = Part(u.get(), CURLUPART_PATH);
  if (p.path.empty()) p.path = "/";
  p.query = Part(u.get(), CURLUPART_QUERY);
  return p;
}

core::StatusOr<std::string> ResolveUrl(std::string_view base, std::string_view ref) {
  CORE_ASSIGN_OR_RETURN(UrlHandle u, Handle(base));
  const std::string r(ref);
  // Setting a relative URL on a handle holding an absolute one resolves it (RFC 3986 §5).
  if (curl_url_set(u.get(), CURLUPART_URL, r.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return core::InvalidArgumentError("cannot resolve '" + r + "' against '" + std::string(base) +
                                      "'");
  }
  curl_url_set(u.get(), CURLUPART_FRAGMENT, nullptr, 0);
  // Host names are case-insensitive; one spelling keeps visited-URL sets and origins exact.
  const std::string host = Lower(Part(u.get(), CURLUPART_HOST));
  if (!host.empty()) curl_url_set(u.get(), CURLUPART_HOST, host.c_str(), 0);
  const std::string scheme = Part(u.get(), CURLUPART_SCHEME);
  if (scheme != "http" && scheme != "https") {
    return core::InvalidArgumentError("'" + r + "' is not an http(s) link");
  }
  return Part(u.get(), CURLUPART_URL);
}

std::string UrlParts::HostPort() const {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::string UrlParts::PathAndQuery() const { return query.empty() ? path : path + "?" + query; }

core::StatusOr<std::string> OriginOf(std::string_view url) {
  CORE_ASSIGN_OR_RETURN(UrlParts p, ParseUrl(url));
  return p.scheme + "://" + p.HostPort();
}

}  // namespace crawler
