// The findings a routing decision carries, in Chinese and English (private to the core). Pure.
#pragma once

#include <string>

#include "core/routing.h"

namespace core::internal {

// "3.00%" for 300 bp.
std::string FormatBasisPoints(int bp);

Finding PolicyNotLoadedFinding();
Finding GradeUnknownFinding(const std::string& grade);
Finding GradeNotInScaleFinding(const std::string& grade, const GradeScale& scale, const Date& date);
Finding RiskLevelUnknownFinding(const std::string& risk_level);
Finding RuleMatchedFinding(const MatchedRule& rule);
Finding RuleUndecidedFinding(const UndecidedRule& rule);
// An adaptive rule that matched but whose draw did not select the list (info).
Finding RuleNotDrawnFinding(const MatchedRule& rule);
// Why an adaptive rule applied to this list or not: its record, the share and the draw.
std::string AdaptiveReasonZh(const AdaptiveDraw& a);
std::string AdaptiveReasonEn(const AdaptiveDraw& a);
Finding RandomFinding(const RandomDraw& draw, const AppliedMeasures& measures);

}  // namespace core::internal
