// Keys that make a consumer's contact comparable across messages, so that rules can count the
// buyer IDs behind one phone or one delivery address (consumer.ids_per_phone / ids_per_address):
// formatting, spacing, full-width forms and a +86 prefix do not make two contacts different.
// Pure (no I/O).
#pragma once

#include <string>
#include <string_view>

namespace server {

// The digits of a phone number (full-width digits folded), without a leading 86 / 0086 before
// an 11-digit mobile number; "" when fewer than 7 digits remain (no usable number).
std::string PhoneKey(std::string_view phone);

// An address folded as core::FoldForComparison folds goods names (width and case folded,
// spaces and punctuation dropped, "#" of building numbers kept); "" when nothing remains.
std::string AddressKey(std::string_view address);

}  // namespace server
