// PhoneKey and AddressKey over the core's text folding.
#include "common/contact_keys.h"

#include "core/text_fold.h"

namespace server {

std::string PhoneKey(std::string_view phone) {
  std::string digits;
  for (char c : core::FoldForComparison(phone)) {
    if (c >= '0' && c <= '9') digits += c;
  }
  for (std::string_view prefix : {"0086", "86"}) {
    if (digits.size() == prefix.size() + 11 && digits.compare(0, prefix.size(), prefix) == 0 &&
        digits[prefix.size()] == '1') {
      digits.erase(0, prefix.size());
    }
  }
  return digits.size() >= 7 ? digits : std::string();
}

std::string AddressKey(std::string_view address) { return core::FoldForComparison(address); }

}  // namespace server
