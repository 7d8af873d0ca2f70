// Charset detection and conversion to UTF-8 on glibc iconv. No I/O.
#include "fetch/charset.h"

#include <errno.h>
#include <iconv.h>

#include <cstdint>
#include <cstring>

namespace crawler {

namespace {

constexpr size_t kSniffBytes = 4096;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

struct IconvHandle {
  iconv_t cd = reinterpret_cast<iconv_t>(-1);
  IconvHandle(const std::string& to, const std::string& from)
      : cd(iconv_open(to.c_str(), from.c_str())) {}
  ~IconvHandle() {
    if (ok()) iconv_close(cd);
  }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  bool ok() const { return cd != reinterpret_cast<iconv_t>(-1); }
};

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is not well formed.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

// Index of the first byte at or after `i` that is not ASCII (or s.size()). Eight bytes at a
// time: pages are mostly ASCII markup, and this scan is most of the decoding cost.
size_t SkipAscii(std::string_view s, size_t i) {
  while (i + 8 <= s.size()) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if ((w & 0x8080808080808080ULL) != 0) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// `s` with every ill-formed byte replaced by U+FFFD; valid runs are copied in bulk.
std::string RepairUtf8(std::string_view s, size_t* replaced) {
  std::string out;
  out.reserve(s.size());
  size_t run_start = 0;
  size_t i = SkipAscii(s, 0);
  while (i < s.size()) {
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      out.append(s.data() + run_start, i - run_start);
      out += kReplacement;
      ++*replaced;
      run_start = ++i;
    } else {
      i += n;
    }
    i = SkipAscii(s, i);
  }
  out.append(s.data() + run_start, s.size() - run_start);
  return out;
}

// Runs iconv over `in`; `on_error` appends a substitute and returns how many input bytes to skip.
template <typename OnError>
std::string RunIconv(IconvHandle& h, std::string_view in, OnError on_error) {
  std::string out;
  out.reserve(in.size() + in.size() / 2 + 16);
  char buf[8192];
  char* inp = const_cast<char*>(in.data());
  size_t inleft = in.size();
  while (true) {
    char* outp = buf;
    size_t outleft = sizeof(buf);
    const size_t r = inleft > 0 ? iconv(h.cd, &inp, &inleft, &outp, &outleft)
                                : iconv(h.cd, nullptr, nullptr, &outp, &outleft);
    const int err = errno;
    out.append(buf, static_cast<size_t>(outp - buf));
    if (r != static_cast<size_t>(-1)) {
      if (inleft == 0) {
        // Flush any shift state once more, then stop.
        outp = buf;
        outleft = sizeof(buf);
        iconv(h.cd, nullptr, nullptr, &outp, &outleft);
        out.append(buf, static_cast<size_t>(outp - buf));
        break;
      }
      continue;
    }
    if (err == E2BIG) continue;
    if (err == EILSEQ || err == EINVAL) {
      size_t skip = on_error(out, std::string_view(inp, inleft), err == EINVAL);
      if (skip > inleft) skip = inleft;
      inp += skip;
      inleft -= skip;
      iconv(h.cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
      if (inleft == 0) break;
      continue;
    }
    break;  // EBADF and the like: nothing sensible left to do
  }
  return out;
}

}  // namespace

std::string_view CharsetSourceName(CharsetSource s) {
  switch (s) {
    case CharsetSource::kHeader:
      return "header";
    case CharsetSource::kBom:
      return "bom";
    case CharsetSource::kMeta:
      return "meta";
    case CharsetSource::kUtf8Valid:
      return "utf8-valid";
    case CharsetSource::kFallback:
      return "fallback";
    case CharsetSource::kFixed:
      return "fixed";
  }
  return "fallback";
}

namespace {

// "text/html; charset=gbk" inside a content attribute → "gbk".
std::string CharsetFromContent(std::string_view content) {
  const size_t at = content.find("charset");
  if (at == std::string_view::npos) return "";
  std::string_view rest = Trim(content.substr(at + 7));
  if (rest.empty() || rest.front() != '=') return "";
  rest = Trim(rest.substr(1));
  if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
    const char q = rest.front();
    const size_t end = rest.find(q, 1);
    return end == std::string_view::npos ? "" : std::string(rest.substr(1, end - 1));
  }
  const size_t end = rest.find_first_of("; \t\r\n\"'");
  return std::string(rest.substr(0, end));
}

// Parses the attributes of a tag starting at `pos` (just after the tag name) up to '>'.
// Returns charset label found in a meta tag, or "".
std::string MetaCharset(std::string_view s, size_t pos) {
  std::string charset, http_equiv, content;
  while (pos < s.size()) {
    while (pos < s.size() && (IsSpace(s[pos]) || s[pos] == '/')) ++pos;
    if (pos >= s.size() || s[pos] == '>') break;
    const size_t name_start = pos;
    while (pos < s.size() && !IsSpace(s[pos]) && s[pos] != '=' && s[pos] != '>') ++pos;
    const std::string_view name = s.substr(name_start, pos - name_start);
    while (pos < s.size() && IsSpace(s[pos])) ++pos;
    std::string_view value;
    if (pos < s.size() && s[pos] == '=') {
      ++pos;
      while (pos < s.size() && IsSpace(s[pos])) ++pos;
      if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) {
        const char q = s[pos++];
        const size_t end = s.find(q, pos);
        if (end == std::string_view::npos) return "";
        value = s.substr(pos, end - pos);
        pos = end + 1;
      } else {
        const size_t start = pos;
        while (pos < s.size() && !IsSpace(s[pos]) && s[pos] != '>') ++pos;
        value = s.substr(start, pos - start);
      }
    }
    if (name == "charset") charset = std::string(Trim(value));
    if (name == "http-equiv") http_equiv = std::string(Trim(value));
    if (name == "content") content = std::string(value);
  }
  if (!charset.empty()) return charset;
  if (http_equiv == "content-type") return CharsetFromContent(content);
  return "";
}

}  // namespace

std::string SniffMetaCharset(std::string_view body) {
  const std::string s = Lower(body.substr(0, kSniffBytes));
  size_t pos = 0;
  while ((pos = s.find('<', pos)) != std::string::npos) {
    const std::string_view rest = std::string_view(s).substr(pos);
    if (rest.rfind("<!--", 0) == 0) {
      const size_t end = s.find("-->", pos + 4);
      if (end == std::string::npos) return "";
      pos = end + 3;
      continue;
    }
    if (rest.rfind("<meta", 0) == 0 && rest.size() > 5 && (IsSpace(rest[5]) || rest[5] == '/')) {
      std::string label = MetaCharset(s, pos + 5);
      if (!label.empty()) return label;
    } else if (rest.rfind("<?xml", 0) == 0) {
      const size_t end = s.find("?>", pos);
      const std::string_view decl = std::string_view(s).substr(
          pos, end == std::string::npos ? std::string_view::npos : end - pos);
      const size_t enc = decl.find("encoding");
      if (enc != std::string_view::npos) {
        std::string_view v = Trim(decl.substr(enc + 8));
        if (!v.empty() && v.front() == '=') {
          v = Trim(v.substr(1));
          if (!v.empty() && (v.front() == '"' || v.front() == '\'')) {
            const size_t q = v.find(v.front(), 1);
            if (q != std::string_view::npos) return std::string(v.substr(1, q - 1));
          }
        }
      }
    }
    ++pos;
  }
  return "";
}

bool IsValidUtf8(std::string_view bytes) {
  size_t i = SkipAscii(bytes, 0);
  while (i < bytes.size()) {
    const size_t n = Utf8SequenceLength(bytes, i);
    if (n == 0) return false;
    i = SkipAscii(bytes, i + n);
  }
  return true;
}

DetectedCharset DetectCharset(std::string_view content_type, std::string_view body) {
  std::string c = CanonicalCharset(CharsetParam(content_type));
  if (!c.empty()) return {c, CharsetSource::kHeader};
  if (body.substr(0, 3) == "\xEF\xBB\xBF") return {"utf-8", CharsetSource::kBom};
  if (body.substr(0, 2) == "\xFF\xFE") return {"utf-16le", CharsetSource::kBom};
  if (body.substr(0, 2) == "\xFE\xFF") return {"utf-16be", CharsetSource::kBom};
  c = CanonicalCharset(SniffMetaCharset(body));
  // A page that could read its own <meta> as ASCII cannot be UTF-16 (HTML Standard §13.2.3.2).
  if (c == "utf-16le" || c == "utf-16be") c = "utf-8";
  if (!c.empty()) return {c, CharsetSource::kMeta};
  if (IsValidUtf8(body)) return {"utf-8", CharsetSource::kUtf8Valid};
  return {"gb18030", CharsetSource::kFallback};
}

std::string ConvertToUtf8(std::string_view bytes, std::string_view charset, size_t* replaced) {
  size_t local = 0;
  size_t* count = replaced != nullptr ? replaced : &local;
  *count = 0;
  std::string canonical = CanonicalCharset(charset);
  if (canonical.empty()) canonical = "windows-1252";
  if (canonical == "utf-8") {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return RepairUtf8(bytes, count);
  }
  if (canonical == "utf-16le" && bytes.substr(0, 2) == "\xFF\xFE") bytes.remove_prefix(2);
  if (canonical == "utf-16be" && bytes.substr(0, 2) == "\xFE\xFF") bytes.remove_prefix(2);
  IconvHandle h("UTF-8", IconvCharsetName(canonical));
  if (!h.ok()) return RepairUtf8(bytes, count);  // glibc without that module: best effort
  std::string out = RunIconv(h, bytes, [&](std::string& o, std::string_view, bool) -> size_t {
    o += kReplacement;
    ++*count;
    return 1;
  });
  // iconv output is UTF-8 by construction; the repair pass only guards against odd modules.
  if (!IsValidUtf8(out)) out = RepairUtf8(out, count);
  return out;
}

std::string ConvertFromUtf8(std::string_view utf8, std::string_view charset) {
  const std::string canonical = CanonicalCharset(charset);
  if (canonical.empty()) return "";
  if (canonical == "utf-8") return std::string(utf8);
  IconvHandle h(IconvCharsetName(canonical), "UTF-8");
  if (!h.ok()) return "";
  return RunIconv(h, utf8, [](std::string& o, std::string_view rest, bool) -> size_t {
    o += '?';
    const size_t n = Utf8SequenceLength(rest, 0);
    return n == 0 ? 1 : n;
  });
}

DecodedPage DecodePage(std::string_view content_type, std::string_view body,
                       std::string_view forced) {
  DecodedPage page;
  const std::string fixed = Lower(Trim(forced)) == "auto" ? "" : CanonicalCharset(forced);
  page.detected = fixed.empty() ? DetectCharset(content_type, body)
                                : DetectedCharset{fixed, CharsetSource::kFixed};
  page.utf8 = ConvertToUtf8(body, page.detected.charset, &page.replaced);
  return page;
}

bool IsTextualContentType(std::string_view content_type) {
  const std::string t = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  if (t.empty()) return true;
  return t.rfind("text/", 0) == 0 || t.find("json") != std::string::npos ||
         t.find("xml") != std::string::npos || t.find("javascript") != std::string::npos ||
         t == "application/x-www-form-urlencoded";
}

}  // namespace crawler
