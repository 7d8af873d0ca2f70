// Texts of the routing findings and the decision's JSON form. Pure.
#include "routing/route_text.h"

#include <string>
#include <utility>

namespace core {
namespace internal {
namespace {

std::string_view ActionZh(RuleAction action) {
  switch (action) {
    case RuleAction::kRelease:
      return "放行";
    case RuleAction::kManualReview:
      return "人工审核";
    case RuleAction::kInspect:
      return "布控查验";
    case RuleAction::kValuation:
      return "验估";
    case RuleAction::kReject:
      return "退单";
  }
  return "?";
}

std::string_view ActionEn(RuleAction action) {
  switch (action) {
    case RuleAction::kRelease:
      return "release";
    case RuleAction::kManualReview:
      return "manual review";
    case RuleAction::kInspect:
      return "inspection";
    case RuleAction::kValuation:
      return "valuation";
    case RuleAction::kReject:
      return "rejection";
  }
  return "?";
}

Severity SeverityOf(RuleAction action) {
  if (action == RuleAction::kRelease) return Severity::kInfo;
  if (action == RuleAction::kReject) return Severity::kError;
  return Severity::kWarning;
}

std::string GradeZh(const AppliedMeasures& m) {
  return m.grade_name_zh.empty() ? m.grade : m.grade_name_zh;
}

std::string GradeEn(const AppliedMeasures& m) {
  return m.grade_name_en.empty() ? m.grade : m.grade_name_en;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string Pm(int pm) { return std::to_string(pm) + "‰"; }

}  // namespace

std::string AdaptiveReasonZh(const AdaptiveDraw& a) {
  const AdaptiveShare& s = a.adaptive;
  std::string why = "近 " + std::to_string(s.window_days) + " 天本规则命中的清单";
  if (a.enough_history) {
    why += "查验 " + std::to_string(a.record.inspected) + " 票、不符 " +
           std::to_string(a.record.mismatches) + " 票（不符率 " + Pm(a.mismatch_pm) +
           "），适用比例取 2 × " + Pm(a.mismatch_pm) + "，限于 " + Pm(s.min_pm) + " 至 " +
           Pm(s.max_pm) + "，为 " + Pm(a.share_pm);
  } else {
    why += "仅查验 " + std::to_string(a.record.inspected) + " 票（少于 " +
           std::to_string(s.min_inspections) + " 票），历史不足，按最高比例 " + Pm(a.share_pm) +
           " 适用";
  }
  return why + "；抽取值 " + std::to_string(a.value) + (a.drawn ? " 小于 " : " 不小于 ") +
         std::to_string(a.share_pm) + "，本票" + (a.drawn ? "适用本规则" : "未抽中，本规则不适用");
}

std::string AdaptiveReasonEn(const AdaptiveDraw& a) {
  const AdaptiveShare& s = a.adaptive;
  std::string why = "in the last " + std::to_string(s.window_days) + " days, ";
  if (a.enough_history) {
    why += std::to_string(a.record.inspected) + " lists this rule matched were inspected and " +
           std::to_string(a.record.mismatches) + " did not match (" + Pm(a.mismatch_pm) +
           "), so it applies to 2 x " + Pm(a.mismatch_pm) + " within " + Pm(s.min_pm) + ".." +
           Pm(s.max_pm) + ": " + Pm(a.share_pm);
  } else {
    why += "only " + std::to_string(a.record.inspected) +
           " lists this rule matched were inspected (fewer than " +
           std::to_string(s.min_inspections) +
           "): not enough history, so it applies to the most, " + Pm(a.share_pm);
  }
  return why + "; draw " + std::to_string(a.value) + (a.drawn ? " is below " : " is not below ") +
         std::to_string(a.share_pm) +
         (a.drawn ? ": it applies to this list"
                  : ": this list was not drawn and it does not apply");
}

std::string FormatBasisPoints(int bp) {
  const std::string cents = std::to_string(bp % 100);
  return std::to_string(bp / 100) + "." + (cents.size() == 1 ? "0" : "") + cents + "%";
}

Finding PolicyNotLoadedFinding() {
  return MakeFinding("POLICY_NOT_LOADED", Severity::kError, "policy",
                     "未加载监管政策，无法按信用等级确定布控比例，转人工审核",
                     "no policy is loaded, so the grade's rates are unknown: manual review");
}

Finding GradeUnknownFinding(const std::string& grade) {
  if (grade.empty()) {
    return MakeFinding("ROUTE_GRADE_UNKNOWN", Severity::kError, "context.enterprise.grade",
                       "企业信用等级未知，转人工审核",
                       "the enterprise's credit grade is unknown: manual review");
  }
  return MakeFinding("ROUTE_GRADE_UNKNOWN", Severity::kError, "context.enterprise.grade",
                     "政策中没有信用等级 " + grade + " 的管理措施，转人工审核",
                     "the policy has no measures for credit grade " + grade + ": manual review");
}

Finding GradeNotInScaleFinding(const std::string& grade, const GradeScale& scale,
                               const Date& date) {
  return MakeFinding("ROUTE_GRADE_NOT_IN_SCALE", Severity::kWarning, "context.enterprise.grade",
                     "信用等级 " + grade + " 不属于 " + date.ToIso() + " 施行的" + scale.name_zh,
                     "credit grade " + grade + " is not a grade of " + scale.name_en +
                         ", in force on " + date.ToIso());
}

Finding RiskLevelUnknownFinding(const std::string& risk_level) {
  if (risk_level.empty()) {
    return MakeFinding("ROUTE_RISK_LEVEL_UNKNOWN", Severity::kWarning,
                       "context.enterprise.risk_level", "企业风险等级未知，风险附加比例按 0 计",
                       "the enterprise's risk level is unknown; its add-on counts as 0");
  }
  return MakeFinding("ROUTE_RISK_LEVEL_UNKNOWN", Severity::kWarning,
                     "context.enterprise.risk_level",
                     "政策中没有风险等级 " + risk_level + " 的附加比例，按 0 计",
                     "the policy has no add-on for risk level " + risk_level + "; counted as 0");
}

Finding RuleMatchedFinding(const MatchedRule& rule) {
  // An adaptive rule says why it applied to this list as well.
  const std::string zh = rule.adaptive ? "（" + AdaptiveReasonZh(*rule.adaptive) + "）" : "";
  const std::string en = rule.adaptive ? " (" + AdaptiveReasonEn(*rule.adaptive) + ")" : "";
  return MakeFinding("ROUTE_RULE_MATCHED", SeverityOf(rule.action), "rules." + rule.id,
                     "规则 " + rule.id + "「" + rule.name + "」命中，处置：" +
                         std::string(ActionZh(rule.action)) + "。" + rule.reason_zh + zh,
                     "rule " + rule.id + " \"" + rule.name + "\" matched, action: " +
                         std::string(ActionEn(rule.action)) + ". " + rule.reason_en + en);
}

Finding RuleNotDrawnFinding(const MatchedRule& rule) {
  return MakeFinding("ROUTE_RULE_NOT_DRAWN", Severity::kInfo, "rules." + rule.id,
                     "规则 " + rule.id + "「" + rule.name + "」命中但未抽中：" +
                         (rule.adaptive ? AdaptiveReasonZh(*rule.adaptive) : std::string()),
                     "rule " + rule.id + " \"" + rule.name + "\" matched but was not drawn: " +
                         (rule.adaptive ? AdaptiveReasonEn(*rule.adaptive) : std::string()));
}

Finding RuleUndecidedFinding(const UndecidedRule& rule) {
  return MakeFinding(
      "ROUTE_RULE_UNDECIDED", Severity::kInfo, "rules." + rule.id,
      "规则 " + rule.id + " 因缺少数据（" + Joined(rule.missing) + "）未能判定，未适用",
      "rule " + rule.id + " could not be decided for lack of " + Joined(rule.missing) +
          " and did not apply");
}

Finding RandomFinding(const RandomDraw& draw, const AppliedMeasures& m) {
  const std::string value = std::to_string(draw.value);
  if (draw.result == RuleAction::kInspect) {
    return MakeFinding(
        "ROUTE_RANDOM_INSPECTION", Severity::kWarning, "draw",
        "随机布控查验：抽取值 " + value + " 小于 " + std::to_string(draw.inspect_below) + "（" +
            GradeZh(m) + "查验率 " + FormatBasisPoints(m.inspection_bp) + " + 风险附加 " +
            FormatBasisPoints(m.risk_addon_bp) + "）",
        "random inspection: draw " + value + " is below " + std::to_string(draw.inspect_below) +
            " (" + GradeEn(m) + " inspection rate " + FormatBasisPoints(m.inspection_bp) +
            " + risk add-on " + FormatBasisPoints(m.risk_addon_bp) + ")");
  }
  const std::string range = "[" + std::to_string(draw.inspect_below) + ", " +
                            std::to_string(draw.manual_review_below) + ")";
  return MakeFinding("ROUTE_RANDOM_REVIEW", Severity::kWarning, "draw",
                     "随机人工审核：抽取值 " + value + " 位于 " + range + "（" + GradeZh(m) +
                         "人工审核率 " + FormatBasisPoints(m.manual_review_bp) + "）",
                     "random manual review: draw " + value + " is in " + range + " (" + GradeEn(m) +
                         " manual review rate " + FormatBasisPoints(m.manual_review_bp) + ")");
}

}  // namespace internal

Json RouteDecisionToJson(const RouteDecision& d) {
  Json j = Json::object();
  j["outcome"] = std::string(RuleActionName(d.action));
  j["action"] = std::string(RuleActionName(d.action));
  j["lane"] = std::string(LaneName(d.lane));
  j["source"] = d.source;
  j["decided_by"] = d.decided_by.empty() ? Json(nullptr) : Json(d.decided_by);
  j["date"] = d.date.ToIso();
  Json matched = Json::array();
  for (const MatchedRule& m : d.matched) {
    Json r = Json::object();
    r["id"] = m.id;
    r["name"] = m.name;
    r["action"] = std::string(RuleActionName(m.action));
    r["priority"] = m.priority;
    r["reason_zh"] = m.reason_zh;
    r["reason_en"] = m.reason_en;
    r["lines"] = m.lines;
    if (m.adaptive) {
      const AdaptiveDraw& a = *m.adaptive;
      r["adaptive"] = {{"min_pm", a.adaptive.min_pm},
                       {"max_pm", a.adaptive.max_pm},
                       {"window_days", a.adaptive.window_days},
                       {"min_inspections", a.adaptive.min_inspections},
                       {"inspected", a.record.inspected},
                       {"mismatches", a.record.mismatches},
                       {"mismatch_pm", a.mismatch_pm},
                       {"enough_history", a.enough_history},
                       {"share_pm", a.share_pm},
                       {"stream", a.stream},
                       {"index", a.index},
                       {"value", a.value},
                       {"drawn", a.drawn},
                       {"reason_zh", internal::AdaptiveReasonZh(a)},
                       {"reason_en", internal::AdaptiveReasonEn(a)}};
    }
    matched.push_back(std::move(r));
  }
  j["matched_rules"] = std::move(matched);
  Json undecided = Json::array();
  for (const UndecidedRule& u : d.undecided) {
    Json r = Json::object();
    r["id"] = u.id;
    r["missing"] = u.missing;
    undecided.push_back(std::move(r));
  }
  j["undecided_rules"] = std::move(undecided);
  j["rules_considered"] = d.rules_considered;
  Json m = Json::object();
  m["policy_version"] = d.measures.policy_version;
  m["grade_scale"] = d.measures.grade_scale;
  m["grade"] = d.measures.grade;
  m["grade_name_zh"] = d.measures.grade_name_zh;
  m["grade_name_en"] = d.measures.grade_name_en;
  m["risk_level"] = d.measures.risk_level;
  m["manual_review_bp"] = d.measures.manual_review_bp;
  m["inspection_bp"] = d.measures.inspection_bp;
  m["risk_addon_bp"] = d.measures.risk_addon_bp;
  j["measures"] = std::move(m);
  Json draw = Json::object();
  draw["seed"] = SeedToHex(d.draw.seed);
  draw["stream"] = d.draw.stream;
  draw["value"] = d.draw.value;
  draw["inspect_below"] = d.draw.inspect_below;
  draw["manual_review_below"] = d.draw.manual_review_below;
  draw["result"] = d.draw.result == RuleAction::kRelease
                       ? std::string("none")
                       : std::string(RuleActionName(d.draw.result));
  draw["applied"] = d.draw.applied;
  j["draw"] = std::move(draw);
  j["findings"] = FindingsToJson(d.findings);
  return j;
}

}  // namespace core
