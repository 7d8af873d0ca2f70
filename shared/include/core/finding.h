// Findings: the reasons every verdict carries. A stable code (ID_CHECKSUM, USCC_FORMAT, ...),
// a severity, the input field it concerns, and text in Chinese and English. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class Severity {
  kInfo,     // worth knowing, changes nothing
  kWarning,  // a person should look; does not by itself refuse
  kError,    // refuses (admission blocked, goods rejected, identifier invalid)
};

// "info" / "warning" / "error".
std::string_view SeverityName(Severity s);

struct Finding {
  std::string code;  // stable machine code, UPPER_SNAKE
  Severity severity = Severity::kError;
  std::string field;  // input field path it concerns, e.g. "uscc", "qualifications[1].valid_to"
  std::string message_zh;  // for officers and enterprises
  std::string message_en;

  bool operator==(const Finding&) const = default;
};

using Findings = std::vector<Finding>;

inline Finding MakeFinding(std::string code, Severity severity, std::string field,
                           std::string message_zh, std::string message_en) {
  return Finding{std::move(code), severity, std::move(field), std::move(message_zh),
                 std::move(message_en)};
}

bool HasErrors(const Findings& findings);
bool HasWarnings(const Findings& findings);
// Appends `more` to `into`, prefixing each field with `field_prefix` when it is not empty
// ("qualifications[0]" + "number" -> "qualifications[0].number").
void AppendFindings(Findings& into, const Findings& more, std::string_view field_prefix = "");

}  // namespace core
