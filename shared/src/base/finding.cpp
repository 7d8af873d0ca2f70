// Helpers over finding lists. Pure.
#include "core/finding.h"

namespace core {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

bool HasErrors(const Findings& findings) {
  for (const Finding& f : findings) {
    if (f.severity == Severity::kError) return true;
  }
  return false;
}

bool HasWarnings(const Findings& findings) {
  for (const Finding& f : findings) {
    if (f.severity == Severity::kWarning) return true;
  }
  return false;
}

void AppendFindings(Findings& into, const Findings& more, std::string_view field_prefix) {
  for (const Finding& f : more) {
    Finding copy = f;
    if (!field_prefix.empty()) {
      copy.field = copy.field.empty() ? std::string(field_prefix)
                                      : std::string(field_prefix) + "." + copy.field;
    }
    into.push_back(std::move(copy));
  }
}

}  // namespace core
