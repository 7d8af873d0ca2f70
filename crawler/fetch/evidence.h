// Helpers for fetch evidence: SHA-256 digests (OpenSSL EVP), decoded text and UTC timestamps.
// No I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "fetch/fetcher.h"

namespace crawler {

// Fills the body-derived evidence of a result whose headers and raw body are set: content_type,
// sha256, and (for textual content types) body_utf8, charset and charset_source, decoded with
// `charset` ("auto" to detect, else a fixed label).
void FillBodyEvidence(FetchResult& r, std::string_view charset);

// Lower-case hex SHA-256 of `bytes` (64 characters).
std::string Sha256Hex(std::string_view bytes);

// Unix milliseconds as UTC ISO-8601 with milliseconds: "2026-11-27T02:41:51.123Z".
std::string FormatUtcMs(int64_t unix_ms);

}  // namespace crawler
