// glibc iconv conversions for the GBK demo shop. No I/O.
#include "charset.h"

#include <iconv.h>

#include <cerrno>

namespace shops {

core::StatusOr<std::string> ConvertCharset(std::string_view text, const char* from,
                                           const char* to) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return core::InternalError(std::string("iconv cannot convert ") + from + " to " + to);
  }
  std::string out;
  out.resize(text.size() * 2 + 16);
  char* in_ptr = const_cast<char*>(text.data());
  size_t in_left = text.size();
  size_t done = 0;
  core::Status status;
  while (in_left > 0) {
    char* out_ptr = out.data() + done;
    size_t out_left = out.size() - done;
    const size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    done = out.size() - out_left;
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    status =
        core::InvalidArgumentError(std::string("text cannot be converted from ") + from + " to " +
                                   to + " at byte " + std::to_string(text.size() - in_left));
    break;
  }
  iconv_close(cd);
  if (!status.ok()) return status;
  out.resize(done);
  return out;
}

bool IsUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t n = 0;
    if (c >= 0x80) {
      if ((c >> 5) == 0x6) {
        n = 1;
      } else if ((c >> 4) == 0xE) {
        n = 2;
      } else if ((c >> 3) == 0x1E) {
        n = 3;
      } else {
        return false;
      }
    }
    if (i + n >= text.size()) return false;
    for (size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

}  // namespace shops
