// Judging a rule's hits by their inspection outcomes. Pure.
#include "core/rule_stats.h"

#include <string>

namespace core {

int PerMille(int64_t part, int64_t whole) {
  if (whole <= 0 || part <= 0) return 0;
  return static_cast<int>(part * 1000 / whole);
}

RuleNoise JudgeRuleNoise(const InspectionCounts& rule, const InspectionCounts& overall,
                         const RuleNoisePolicy& policy) {
  RuleNoise n;
  n.mismatch_pm = PerMille(rule.mismatches, rule.inspected);
  n.overall_pm = PerMille(overall.mismatches, overall.inspected);
  n.threshold_pm = static_cast<int>(static_cast<int64_t>(n.overall_pm) * policy.factor_pm / 1000);
  // Too few inspections say nothing about a rule either way.
  if (rule.inspected < policy.min_inspected) return n;
  const std::string inspected = std::to_string(rule.inspected);
  if (rule.mismatches == 0) {
    n.noisy = true;
    n.reason = "RULE_NO_MISMATCH";
    n.reason_zh = "本规则命中的清单查验 " + inspected + " 票，无一不符";
    n.reason_en = inspected + " lists this rule matched were inspected and none mismatched";
    return n;
  }
  if (n.mismatch_pm < n.threshold_pm) {
    n.noisy = true;
    n.reason = "RULE_BELOW_OVERALL_RATE";
    const std::string rate = std::to_string(n.mismatch_pm) + "‰";
    const std::string bar = std::to_string(n.threshold_pm) + "‰";
    const std::string all = std::to_string(n.overall_pm) + "‰";
    n.reason_zh = "本规则命中的清单查验 " + inspected + " 票，不符率 " + rate + "，低于阈值 " +
                  bar + "（全部查验清单不符率 " + all + "）";
    n.reason_en = inspected + " lists this rule matched were inspected with a mismatch rate of " +
                  rate + ", below " + bar + " (all inspected lists: " + all + ")";
  }
  return n;
}

Json RuleNoiseToJson(const RuleNoise& noise) {
  return Json{{"noisy", noise.noisy},
              {"reason", noise.reason.empty() ? Json(nullptr) : Json(noise.reason)},
              {"mismatch_pm", noise.mismatch_pm},
              {"overall_pm", noise.overall_pm},
              {"threshold_pm", noise.threshold_pm},
              {"reason_zh", noise.reason_zh},
              {"reason_en", noise.reason_en}};
}

}  // namespace core
