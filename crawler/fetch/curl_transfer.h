// One libcurl easy transfer as CurlFetcher runs it: option setup, the body cap in the write
// callback and headers collected as received. Internal to crawler/fetch. Does network I/O once
// added to a multi handle.
#pragma once

#include <curl/curl.h>

#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "fetch/fetcher.h"

namespace crawler {

struct TransferSpec {
  std::string url;
  HttpMethod method = HttpMethod::kGet;
  std::string body;
  std::string content_type;
  HeaderList headers;
  std::string user_agent;
  int64_t connect_timeout_ms = 0;
  int64_t total_timeout_ms = 0;
  int64_t max_body_bytes = 0;
  bool truncate_silently = false;           // robots.txt: keep the first bytes, no error
  CURLSH* cookie_share = nullptr;           // the session's jar; nullptr = cookies off
  bool block_non_public_addresses = false;  // refuse loopback/private/link-local peers
  std::string accept_encoding;              // "" = identity only
  std::string proxy;                        // "" = direct, whatever the environment says
};

struct Transfer {
  ~Transfer();
  CURL* easy = nullptr;
  curl_slist* header_list = nullptr;
  std::string body;
  HeaderList headers;  // of the last response received on this handle
  int64_t cap = 0;
  bool truncate_silently = false;
  bool truncated = false;        // the body reached the cap and the rest was refused or dropped
  bool address_refused = false;  // the peer address was non-public and blocked
  // The fetcher's bookkeeping.
  size_t job = 0;
  bool robots = false;
  int redirects_followed = 0;  // robots.txt hops so far
  std::string origin;
  std::string url;
};

// An easy handle configured from `spec`, with CURLOPT_PRIVATE pointing at the Transfer.
// Internal when libcurl refuses an option.
core::StatusOr<std::unique_ptr<Transfer>> MakeTransfer(const TransferSpec& spec);

}  // namespace crawler
