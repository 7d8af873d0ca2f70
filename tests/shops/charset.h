// Text encoding conversions for the GBK demo shop, with glibc iconv. No I/O.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace shops {

// Converts `text` from charset `from` to charset `to` (iconv names: "UTF-8", "GBK").
// InvalidArgument when the input holds a sequence invalid in `from` or a character `to` cannot
// represent; Internal when iconv does not know a charset.
core::StatusOr<std::string> ConvertCharset(std::string_view text, const char* from, const char* to);

// True when `text` is well-formed UTF-8.
bool IsUtf8(std::string_view text);

}  // namespace shops
