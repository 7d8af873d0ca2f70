// libcurl easy-handle setup and callbacks for CurlFetcher.
#include "fetch/curl_transfer.h"

#include <sys/socket.h>

#include <algorithm>

#include "fetch/address_policy.h"

namespace crawler {

namespace {

size_t OnBody(char* data, size_t size, size_t nmemb, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * nmemb;
  const size_t room = t->body.size() >= static_cast<size_t>(t->cap)
                          ? 0
                          : static_cast<size_t>(t->cap) - t->body.size();
  if (n <= room) {
    t->body.append(data, n);
    return n;
  }
  t->body.append(data, room);
  t->truncated = true;
  // Returning short aborts the transfer with CURLE_WRITE_ERROR; robots.txt only needs its
  // first bytes, so there the rest is swallowed instead.
  return t->truncate_silently ? n : room;
}

std::string_view TrimWs(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

size_t OnHeader(char* data, size_t size, size_t nitems, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * nitems;
  const std::string_view line(data, n);
  if (line.rfind("HTTP/", 0) == 0) {
    t->headers.clear();  // a new response (after 100 Continue or a redirect libcurl followed)
  } else if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
    if (!t->headers.empty()) t->headers.back().second += " " + std::string(TrimWs(line));
  } else {
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      t->headers.emplace_back(std::string(TrimWs(line.substr(0, colon))),
                              std::string(TrimWs(line.substr(colon + 1))));
    }
  }
  return n;
}

// Checks the address libcurl is about to connect to (after DNS, so a name that resolves to a
// private address is caught as well as a literal one).
curl_socket_t OnOpenSocket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  if (purpose == CURLSOCKTYPE_IPCXN && IsNonPublicAddress(&address->addr)) {
    t->address_refused = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

}  // namespace

Transfer::~Transfer() {
  if (easy != nullptr) curl_easy_cleanup(easy);
  if (header_list != nullptr) curl_slist_free_all(header_list);
}

core::StatusOr<std::unique_ptr<Transfer>> MakeTransfer(const TransferSpec& spec) {
  auto t = std::make_unique<Transfer>();
  t->easy = curl_easy_init();
  if (t->easy == nullptr) return core::InternalError("curl_easy_init failed");
  t->cap = std::max<int64_t>(0, spec.max_body_bytes);
  t->truncate_silently = spec.truncate_silently;
  t->url = spec.url;
  CURL* e = t->easy;
  CURLcode rc = CURLE_OK;
  const auto set = [&rc](CURLcode c) {
    if (rc == CURLE_OK) rc = c;
  };
  set(curl_easy_setopt(e, CURLOPT_URL, spec.url.c_str()));
  set(curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https"));
  set(curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"));
  set(curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L));
  set(curl_easy_setopt(e, CURLOPT_PROXY, spec.proxy.c_str()));
  set(curl_easy_setopt(e, CURLOPT_USERAGENT, spec.user_agent.c_str()));
  set(curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(spec.connect_timeout_ms)));
  set(curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(spec.total_timeout_ms)));
  // Compressed bodies are decoded before the write callback, so the cap bounds what we hold
  // (a gzip bomb stops at the cap too).
  if (!spec.accept_encoding.empty()) {
    set(curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, spec.accept_encoding.c_str()));
  }
  set(curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody));
  set(curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get()));
  set(curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader));
  set(curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get()));
  set(curl_easy_setopt(e, CURLOPT_PRIVATE, t.get()));
  if (spec.method == HttpMethod::kPost) {
    set(curl_easy_setopt(e, CURLOPT_POST, 1L));
    set(curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(spec.body.size())));
    set(curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, spec.body.c_str()));
  }
  for (const auto& [name, value] : spec.headers) {
    t->header_list = curl_slist_append(t->header_list, (name + ": " + value).c_str());
  }
  if (spec.method == HttpMethod::kPost) {
    const std::string type =
        spec.content_type.empty() ? "application/x-www-form-urlencoded" : spec.content_type;
    t->header_list = curl_slist_append(t->header_list, ("Content-Type: " + type).c_str());
    // No "Expect: 100-continue" round trip: shops' checkouts answer small posts directly.
    t->header_list = curl_slist_append(t->header_list, "Expect:");
  }
  if (t->header_list != nullptr) set(curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->header_list));
  if (spec.block_non_public_addresses) {
    set(curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, OnOpenSocket));
    set(curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t.get()));
  }
  if (spec.cookie_share != nullptr) {
    set(curl_easy_setopt(e, CURLOPT_SHARE, spec.cookie_share));
    set(curl_easy_setopt(e, CURLOPT_COOKIEFILE, ""));  // turns the cookie engine on
  }
  if (rc != CURLE_OK) {
    return core::InternalError(std::string("libcurl refused an option: ") + curl_easy_strerror(rc));
  }
  return t;
}

}  // namespace crawler
