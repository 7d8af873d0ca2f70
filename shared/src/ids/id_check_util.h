// Private helpers shared by the identifier checks: finishing an IdCheck and naming a division
// code, including the prefixes that are valid without being GB/T 2260 codes. Pure.
#pragma once

#include <string>
#include <string_view>

#include "core/ids.h"

namespace core::internal {

// A table counts as loaded when it holds rows: ReferenceTables leaves unloaded tables empty.
inline bool DivisionsLoaded(const DivisionTable* divisions) {
  return divisions != nullptr && divisions->size() > 0;
}

// `valid` is false exactly when an error was found.
inline IdCheck Finish(IdCheck check) {
  check.valid = !HasErrors(check.findings);
  return check;
}

inline void AddFinding(IdCheck& check, std::string code, Severity severity, std::string field,
                       std::string zh, std::string en) {
  check.findings.push_back(
      MakeFinding(std::move(code), severity, std::move(field), std::move(zh), std::move(en)));
}

}  // namespace core::internal
