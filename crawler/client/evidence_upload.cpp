// Evidence items and their batched upload.
#include "client/evidence_upload.h"

#include <openssl/evp.h>

namespace crawler {
namespace {

std::string Base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace

core::Json EvidenceJson(const FetchResult& r, int64_t seq) {
  core::Json headers = core::Json::array();
  for (const auto& [k, v] : r.headers) headers.push_back(core::Json::array({k, v}));
  return {{"seq", seq},
          {"purpose", r.request.purpose.empty() ? "page" : r.request.purpose},
          {"method", r.request.method == HttpMethod::kPost ? "POST" : "GET"},
          {"url", r.final_url.empty() ? r.request.url : r.final_url},
          {"request_body", r.request.body.size() <= 64 * 1024 ? r.request.body : ""},
          {"status", r.status},
          {"headers", headers},
          {"body_base64", Base64(r.body)},
          {"sha256", r.sha256},
          {"content_type", r.content_type},
          {"fetched_at", r.started_at},
          {"error", r.ok() ? "" : r.error.message()}};
}

core::Status EvidenceUploader::Add(int64_t seq, const FetchResult& r) {
  if (!status_.ok()) return status_;
  core::Json item = EvidenceJson(r, seq);
  const size_t size = item["body_base64"].get_ref<const std::string&>().size();
  if (!items_.empty() && bytes_ + size > batch_bytes_) CORE_RETURN_IF_ERROR(Flush());
  bytes_ += size;
  items_.push_back(std::move(item));
  if (items_.size() >= batch_items_) return Flush();
  return core::OkStatus();
}

core::Status EvidenceUploader::Flush() {
  if (!status_.ok() || items_.empty()) return status_;
  status_ =
      server_.TaskCall(task_, "evidence", {{"lease_token", lease_}, {"items", items_}}).status();
  items_ = core::Json::array();
  bytes_ = 0;
  return status_;
}

}  // namespace crawler
