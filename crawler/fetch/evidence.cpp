// SHA-256 via OpenSSL EVP and UTC timestamp formatting. No I/O.
#include "fetch/evidence.h"

#include <openssl/evp.h>
#include <time.h>

#include <cstdio>

#include "fetch/charset.h"

namespace crawler {

void FillBodyEvidence(FetchResult& r, std::string_view charset) {
  r.content_type = r.Header("Content-Type");
  r.sha256 = Sha256Hex(r.body);
  r.body_utf8.clear();
  r.charset.clear();
  r.charset_source.clear();
  if (!IsTextualContentType(r.content_type)) return;
  DecodedPage page = DecodePage(r.content_type, r.body, charset);
  r.body_utf8 = std::move(page.utf8);
  r.charset = page.detected.charset;
  r.charset_source = std::string(CharsetSourceName(page.detected.source));
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr) != 1) return "";
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 15];
  }
  return out;
}

std::string FormatUtcMs(int64_t unix_ms) {
  // Floor division so that times before 1970 still format correctly.
  int64_t secs = unix_ms / 1000;
  int64_t ms = unix_ms % 1000;
  if (ms < 0) {
    ms += 1000;
    --secs;
  }
  const time_t t = static_cast<time_t>(secs);
  struct tm tm {};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace crawler
