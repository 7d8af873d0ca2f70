// The mystery-buyer checkout: a site profile's declarative steps run in order in one buyer
// session (one cookie jar), with the covert buyer's identity and the values captured from
// earlier responses substituted into URLs, forms and JSON bodies; then what the shop charged is
// read from the totals step. Every request and response is kept as evidence. I/O only through
// the Fetcher it is given.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "fetch/fetcher.h"
#include "profile/site_profile.h"

namespace crawler {

struct BuyerIdentity {
  std::string name;
  std::string id_number;
  std::string phone;
  std::string address;
};

struct CheckoutTotalsRead {
  std::string order_no;
  int64_t goods = 0;  // fen
  int64_t freight = 0;
  int64_t tax = 0;
  int64_t total = 0;
  size_t evidence = 0;  // index into CheckoutRun::fetched of the response they were read from
};

struct CheckoutRun {
  std::vector<FetchResult> fetched;  // every step's request and response, in order
  std::map<std::string, std::string> variables;
  std::optional<CheckoutTotalsRead> totals;
  // OK when the order was placed and its totals read; otherwise which step failed and why
  // (FailedPrecondition for a failed expectation, a capture or a check; PermissionDenied for a
  // step outside the profile's allowed hosts; the fetch error for a failed request).
  core::Status status;
  std::string failed_step;
};

// Runs the checkout of `profile` (which must have one) for `quantity` of `sku`, whose product
// page is `product_url`, as `buyer`, in the cookie session `session` (cleared first). Before a
// request is sent, an unknown {variable} stops the run; a step whose URL leaves the allowed
// hosts stops it too (no request). Redirects are followed by the fetcher, which keeps to the
// allowed origins it was configured with.
CheckoutRun RunCheckout(Fetcher& fetcher, const SiteProfile& profile,
                        const std::string& product_url, const std::string& sku, int quantity,
                        const BuyerIdentity& buyer, const std::string& session);

}  // namespace crawler
