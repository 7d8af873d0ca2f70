// Shared by the libFuzzer targets: the input as text, and the bundled policy loaded once (the
// rule language's schema depends on it). Reads data/policy/default.json at start; no other I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/policy.h"

namespace fuzz {

inline std::string_view Text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The bundled policy (PATROL_DATA_DIR is set by tests/fuzz/CMakeLists.txt); aborts when it does
// not read, which is a broken checkout rather than a finding.
inline const core::Policy& BundledPolicy() {
  static const core::Policy* const kPolicy = [] {
    std::ifstream in(std::string(PATROL_DATA_DIR) + "/policy/default.json");
    std::stringstream text;
    text << in.rdbuf();
    core::StatusOr<core::Json> doc = core::ParseJson(text.str());
    if (!doc.ok()) std::abort();
    core::StatusOr<core::Policy> policy = core::PolicyFromJson(*doc);
    if (!policy.ok()) std::abort();
    return new core::Policy(std::move(*policy));
  }();
  return *kPolicy;
}

}  // namespace fuzz
