// Shop URL syntax check and duplicate key. Pure.
#include "shop_url.h"

namespace core::internal {
namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// Length of "http://" or "https://" (any case) at the start, 0 when neither.
size_t SchemeLength(std::string_view url) {
  const std::string head = Lower(url.substr(0, 8));
  if (head.rfind("https://", 0) == 0) return 8;
  if (head.rfind("http://", 0) == 0) return 7;
  return 0;
}

bool IsHostByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c >= 0x80;
}

bool IsHost(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  size_t labels = 0;
  size_t start = 0;
  while (start <= host.size()) {
    size_t dot = host.find('.', start);
    if (dot == std::string_view::npos) dot = host.size();
    const std::string_view label = host.substr(start, dot - start);
    if (label.empty() || label.size() > 63) return false;
    if (label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      if (!IsHostByte(static_cast<unsigned char>(c))) return false;
    }
    ++labels;
    start = dot + 1;
  }
  // A shop is on the public internet: "localhost" or a bare intranet name is not a shop address.
  return labels >= 2;
}

bool IsPort(std::string_view port) {
  if (port.empty() || port.size() > 5) return false;
  int value = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return value >= 1 && value <= 65535;
}

}  // namespace

bool IsShopUrl(std::string_view url) {
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return false;
  }
  const size_t scheme = SchemeLength(url);
  if (scheme == 0) return false;
  const std::string_view rest = url.substr(scheme);
  const size_t end = rest.find_first_of("/?#");
  const std::string_view authority = rest.substr(0, end);
  if (authority.find('@') != std::string_view::npos) return false;
  const size_t colon = authority.find(':');
  if (colon == std::string_view::npos) return IsHost(authority);
  return IsHost(authority.substr(0, colon)) && IsPort(authority.substr(colon + 1));
}

std::string ShopUrlKey(std::string_view url) {
  const size_t scheme = SchemeLength(url);
  const std::string_view rest = url.substr(scheme);
  const size_t end = rest.find_first_of("/?#");
  std::string key =
      Lower(url.substr(0, scheme + (end == std::string_view::npos ? rest.size() : end)));
  if (end != std::string_view::npos) {
    std::string_view tail = rest.substr(end);
    if (tail != "/") key += tail;
  }
  return key;
}

}  // namespace core::internal
