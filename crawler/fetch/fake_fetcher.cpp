// Canned-response Fetcher for tests. No I/O.
#include "fetch/fake_fetcher.h"

#include "fetch/evidence.h"

namespace crawler {

void FakeFetcher::Add(HttpMethod method, const std::string& url, int status, std::string body,
                      const std::string& content_type, HeaderList headers) {
  Canned c;
  c.status = status;
  c.body = std::move(body);
  c.headers = std::move(headers);
  if (!content_type.empty()) c.headers.emplace_back("Content-Type", content_type);
  canned_[{method, url}] = std::move(c);
}

void FakeFetcher::AddError(HttpMethod method, const std::string& url, FetchErrorKind kind) {
  Canned c;
  c.error = kind;
  canned_[{method, url}] = std::move(c);
}

FetchResult FakeFetcher::Fetch(const FetchRequest& request) {
  requests_.push_back(request);
  FetchResult r;
  r.request = request;
  r.final_url = request.url;
  r.started_at = r.finished_at = FormatUtcMs(0);
  auto it = canned_.find({request.method, request.url});
  if (it != canned_.end() && it->second.error != FetchErrorKind::kNone) {
    r.error_kind = it->second.error;
    r.error = FetchErrorStatus(r.error_kind, "canned error for " + request.url);
    return r;
  }
  r.attempts = 1;
  if (it == canned_.end()) {
    r.status = 404;
  } else {
    r.status = it->second.status;
    r.headers = it->second.headers;
    r.body = it->second.body;
  }
  FillBodyEvidence(r, request.charset);
  return r;
}

std::vector<FetchResult> FakeFetcher::FetchAll(const std::vector<FetchRequest>& requests,
                                               const ProgressCallback& progress) {
  std::vector<FetchResult> out;
  FetchProgress p;
  p.total = requests.size();
  if (progress) progress(p);
  for (const FetchRequest& req : requests) {
    out.push_back(Fetch(req));
    ++p.done;
    if (!out.back().ok()) ++p.failed;
    p.bytes += static_cast<int64_t>(out.back().body.size());
    p.last_url = req.url;
    if (progress) progress(p);
  }
  return out;
}

}  // namespace crawler
