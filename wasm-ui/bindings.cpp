// Emscripten bindings: the only EMSCRIPTEN_BINDINGS of the project. Functions take and return
// JSON text so that core types never cross into JavaScript.
#include <emscripten/bind.h>

#include <string>

#include "core/json.h"

namespace {
std::string CoreVersion() { return "cbec-patrol-core 0.1"; }
}  // namespace

EMSCRIPTEN_BINDINGS(cbec_patrol_core) { emscripten::function("coreVersion", &CoreVersion); }
