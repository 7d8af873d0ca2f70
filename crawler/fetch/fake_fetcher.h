// A Fetcher that serves canned responses from memory, for tests of the parts built on fetching
// (patrol runs, buyer flows, profile preview). Records every request it was asked. No I/O.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "fetch/fetcher.h"

namespace crawler {

class FakeFetcher : public Fetcher {
 public:
  // Serves `body` with `status` for `method` + `url` (exact string match). `headers` are the
  // response headers; a Content-Type header is added from `content_type` when not empty.
  void Add(HttpMethod method, const std::string& url, int status, std::string body,
           const std::string& content_type = "text/html; charset=utf-8", HeaderList headers = {});
  void AddGet(const std::string& url, std::string body,
              const std::string& content_type = "text/html; charset=utf-8") {
    Add(HttpMethod::kGet, url, 200, std::move(body), content_type);
  }
  // Makes `method` + `url` fail with `kind` (no response).
  void AddError(HttpMethod method, const std::string& url, FetchErrorKind kind);

  // Unknown URLs answer 404 with an empty body. Evidence fields (sha256, body_utf8, charset)
  // are filled as the real fetcher fills them; times are the Unix epoch. Redirects are not
  // followed. Cookies are not emulated: SessionCookies is always empty.
  std::vector<FetchResult> FetchAll(const std::vector<FetchRequest>& requests,
                                    const ProgressCallback& progress = {}) override;
  FetchResult Fetch(const FetchRequest& request) override;
  std::vector<std::string> SessionCookies(const std::string& session) override { return {}; }
  void ClearSession(const std::string& session) override {}

  const std::vector<FetchRequest>& requests() const { return requests_; }

 private:
  struct Canned {
    int status = 0;
    std::string body;
    HeaderList headers;
    FetchErrorKind error = FetchErrorKind::kNone;
  };
  std::map<std::pair<HttpMethod, std::string>, Canned> canned_;
  std::vector<FetchRequest> requests_;
};

}  // namespace crawler
