// Shop URL checks for admission: an http(s) URL with a plausible public host. Private to the
// core. Pure.
#pragma once

#include <string>
#include <string_view>

namespace core::internal {

// True for "http://host[:port][/path|?query|#fragment]" or https, where host is a dotted name
// (ASCII letters, digits, hyphens, or non-ASCII UTF-8 for internationalised names) with no empty
// label, no user-info and no whitespace or control characters anywhere.
bool IsShopUrl(std::string_view url);

// The form duplicates are compared in: scheme and host lower-cased, a lone trailing '/' dropped.
std::string ShopUrlKey(std::string_view url);

}  // namespace core::internal
