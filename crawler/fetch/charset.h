// Character sets of fetched pages: detection (HTTP header, BOM, <meta>, UTF-8 validity, GB18030
// fallback) and conversion to UTF-8 with glibc iconv. No I/O; iconv only allocates.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crawler {

// Where a detected charset came from (kept with the evidence so an officer sees why a page was
// read the way it was).
enum class CharsetSource { kHeader, kBom, kMeta, kUtf8Valid, kFallback, kFixed };
std::string_view CharsetSourceName(CharsetSource s);  // "header", "bom", "meta", ...

// Canonical name for a charset label (WHATWG aliases, case-insensitive): "utf-8", "gb18030"
// (also for gbk, gb2312, x-gbk, cp936 — GB18030 is their superset), "big5", "shift_jis",
// "euc-jp", "euc-kr", "windows-1252" (also for iso-8859-1, latin1, us-ascii), "utf-16le",
// "utf-16be", other "windows-125x", "iso-8859-N", "koi8-r". "" when unsupported or empty.
std::string CanonicalCharset(std::string_view label);

// glibc iconv's name for a canonical charset ("gb18030" → "GB18030", "shift_jis" → "CP932");
// "" for "utf-8" (converted without iconv) and for unknown names.
std::string IconvCharsetName(std::string_view canonical);

// The charset parameter of a Content-Type value ("text/html; charset=\"GBK\"" → "GBK"), raw; ""
// when absent.
std::string CharsetParam(std::string_view content_type);

// Looks for <meta charset=...>, <meta http-equiv="Content-Type" content="...charset=...">, or an
// XML declaration's encoding in the first 4 KiB of `body`, skipping comments. Raw label or "".
std::string SniffMetaCharset(std::string_view body);

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

struct DetectedCharset {
  std::string charset;  // canonical (see CanonicalCharset)
  CharsetSource source = CharsetSource::kFallback;
};

// Detects the charset of a page: a supported charset in `content_type`, then a BOM, then the
// <meta>/XML declaration, then "utf-8" if the bytes are valid UTF-8, else "gb18030" (the
// fallback for the Chinese web). Never fails.
DetectedCharset DetectCharset(std::string_view content_type, std::string_view body);

// `bytes` in `charset` (canonical or any label CanonicalCharset knows) converted to UTF-8; a BOM
// of that charset is dropped. Invalid or truncated sequences become U+FFFD, counted in
// `*replaced` when given. An unsupported charset is read as windows-1252 (every byte maps), so
// the result is always valid UTF-8. Never fails.
std::string ConvertToUtf8(std::string_view bytes, std::string_view charset,
                          size_t* replaced = nullptr);

// UTF-8 → `charset` (canonical or label), for building test pages and form posts to shops that
// expect GBK. Unconvertible characters become '?'. Returns "" for an unsupported charset.
std::string ConvertFromUtf8(std::string_view utf8, std::string_view charset);

struct DecodedPage {
  std::string utf8;
  DetectedCharset detected;
  size_t replaced = 0;  // invalid sequences replaced by U+FFFD
};

// Detect-and-convert as the fetcher does it: `forced` is a site profile's "charset" ("auto" or
// "" to detect, else a fixed label; an unsupported fixed label falls back to detection).
DecodedPage DecodePage(std::string_view content_type, std::string_view body,
                       std::string_view forced = "auto");

// Whether a Content-Type names text the crawler should decode (text/*, *+xml, *json*,
// javascript, or no type at all); images and other binaries are kept raw only.
bool IsTextualContentType(std::string_view content_type);

}  // namespace crawler
