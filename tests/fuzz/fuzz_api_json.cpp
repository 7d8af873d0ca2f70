// libFuzzer target: the API's JSON bodies the core reads beyond messages and rules: risk
// thresholds, learned trees and rows (the browser's scoreLearned entry), policies.
#include "core/learned.h"
#include "core/policy.h"
#include "core/risk.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::Text(data, size);
  (void)core::ScoreLearnedJson(text);
  core::StatusOr<core::Json> doc = core::ParseJson(text);
  if (!doc.ok()) return 0;
  (void)core::RiskThresholdsFromJson(*doc);
  (void)core::TreeEnsembleFromJson(*doc);
  (void)core::PolicyFromJson(*doc);
  return 0;
}
