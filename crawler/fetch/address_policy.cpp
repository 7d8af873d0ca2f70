// Classification of socket addresses as public or not. Pure.
#include "fetch/address_policy.h"

#include <netinet/in.h>

#include <cstdint>
#include <cstring>

namespace crawler {

namespace {

bool NonPublicV4(uint32_t a) {  // host byte order
  const uint32_t b0 = a >> 24, b1 = (a >> 16) & 0xFF;
  return b0 == 0 || b0 == 10 || b0 == 127 || (b0 == 100 && (b1 & 0xC0) == 64) ||
         (b0 == 169 && b1 == 254) || (b0 == 172 && (b1 & 0xF0) == 16) || (b0 == 192 && b1 == 168) ||
         b0 >= 224;
}

}  // namespace

bool IsNonPublicAddress(const sockaddr* addr) {
  if (addr == nullptr) return true;
  if (addr->sa_family == AF_INET) {
    sockaddr_in v4;
    std::memcpy(&v4, addr, sizeof(v4));
    return NonPublicV4(ntohl(v4.sin_addr.s_addr));
  }
  if (addr->sa_family != AF_INET6) return true;
  sockaddr_in6 v6;
  std::memcpy(&v6, addr, sizeof(v6));
  const uint8_t* b = v6.sin6_addr.s6_addr;
  bool zero10 = true;  // the first 10 bytes are zero: ::, ::1, ::a.b.c.d, ::ffff:a.b.c.d
  for (int i = 0; i < 10; ++i) zero10 = zero10 && b[i] == 0;
  if (zero10 && ((b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0))) {
    const uint32_t v4 =
        (uint32_t{b[12]} << 24) | (uint32_t{b[13]} << 16) | (uint32_t{b[14]} << 8) | b[15];
    return NonPublicV4(v4);  // also catches :: and ::1 (0.0.0.0 / 0.0.0.1)
  }
  if ((b[0] & 0xFE) == 0xFC) return true;                  // unique local
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return true;  // link-local
  if (b[0] == 0xFF) return true;                           // multicast
  return false;
}

}  // namespace crawler
