// Helpers every core test fixture shares: a date from ISO text, a finding by its code. No I/O.
#pragma once

#include <string_view>

#include "core/date.h"
#include "core/finding.h"

namespace core::testing {

inline Date D(const char* iso) { return Date::Parse(iso).value(); }

// The first finding with that code; nullptr when there is none.
inline const Finding* FindCode(const Findings& findings, std::string_view code) {
  for (const Finding& f : findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

}  // namespace core::testing
