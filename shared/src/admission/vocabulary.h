// The fixed vocabulary of admission: role ids and qualification type ids with their Chinese and
// English names (core/admission.h lists them), and which country codes name a real place.
// Private to the core. Pure.
#pragma once

#include <string_view>

#include "core/catalog.h"

namespace core::internal {

struct Term {
  std::string_view id;
  std::string_view name_zh;
  std::string_view name_en;
};

// nullptr when the id is not a role / qualification type.
const Term* FindRole(std::string_view id);
const Term* FindQualificationType(std::string_view id);

// True when `code3` is in the customs country table and names a real country or region: the
// table also lists 701 (country unknown) and 999 (neutral packaging, abolished in 2008), which
// are no place an enterprise is registered in or goods originate from.
bool IsRealCountry(const CountryTable& countries, std::string_view code3);

}  // namespace core::internal
