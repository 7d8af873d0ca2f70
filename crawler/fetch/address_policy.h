// Which network addresses a patrol may connect to: a guard against a shop page (or a redirect,
// or DNS) steering the crawler at the customs network itself. Pure.
#pragma once

#include <sys/socket.h>

namespace crawler {

// True for addresses that are not on the public Internet: unspecified, "this network" (0/8),
// loopback (127/8, ::1), private (10/8, 172.16/12, 192.168/16, fc00::/7), shared CGNAT
// (100.64/10), link-local (169.254/16, fe80::/10), multicast and reserved (224/3, ff00::/8),
// and IPv4-mapped/compatible IPv6 forms of those. Unknown families count as non-public.
bool IsNonPublicAddress(const sockaddr* addr);

}  // namespace crawler
