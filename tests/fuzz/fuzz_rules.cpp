// libFuzzer target: the routing rule language: a condition as an administrator types it, checked
// against the schema of the bundled policy, and a whole rule as JSON.
#include "core/rules.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const core::RuleSchema schema = core::RuleSchema::Default(fuzz::BundledPolicy());
  const std::string_view text = fuzz::Text(data, size);
  (void)core::ParseCondition(text, schema);
  core::StatusOr<core::Json> doc = core::ParseJson(text);
  if (doc.ok()) (void)core::RuleFromJson(*doc, schema);
  return 0;
}
