// FillVariables: one left-to-right scan.
#include "profile/variables.h"

namespace crawler {

core::StatusOr<std::string> FillVariables(const std::string& text,
                                          const std::map<std::string, std::string>& vars) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    if (open == std::string::npos) break;
    const size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out.append(text, i, open - i);
    const std::string name = text.substr(open + 1, close - open - 1);
    auto it = vars.find(name);
    if (it == vars.end()) return core::FailedPreconditionError("unknown variable {" + name + "}");
    out += it->second;
    i = close + 1;
  }
  out.append(text, i, std::string::npos);
  return out;
}

}  // namespace crawler
