// libFuzzer target: site profiles as officers write them (JSON with CSS selectors, JSON paths,
// regexes and checkout steps); a profile that reads is written back and read again.
#include "fuzz_input.h"
#include "profile/site_profile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  core::StatusOr<crawler::SiteProfile> p = crawler::ParseSiteProfile(fuzz::Text(data, size));
  if (!p.ok()) return 0;
  (void)p->IsProductPath("/p/1?x=2");
  (void)p->IsAllowedHost("shop.example:8080");
  core::StatusOr<crawler::SiteProfile> again =
      crawler::SiteProfileFromJson(crawler::SiteProfileJson(*p));
  if (!again.ok()) __builtin_trap();  // what was written must read back
  return 0;
}
