// Reading and writing a rule's dynamic parts (private to the core): the seasonal focus and the
// adaptive share. Problems are appended as located rule errors so the editor shows them all.
// Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/rules.h"

namespace core::internal {

// "season": absent or null gives none; otherwise {"from": "MM-DD", "to": "MM-DD"}, each a day
// of some year (02-29 allowed). RULE_FIELD_INVALID on field "season" otherwise.
std::optional<Season> ReadSeason(const Json* season, std::vector<RuleError>& errors);

// "adaptive": absent or null gives none; otherwise {"min_pm", "max_pm", "window_days",
// "min_inspections"}, all required integers (see core/rules.h for the bounds). `action` is the
// rule's action when it read, so an adaptive release, valuation or reject is refused.
std::optional<AdaptiveShare> ReadAdaptive(const Json* adaptive, std::optional<RuleAction> action,
                                          std::vector<RuleError>& errors);

// "MM-DD".
std::string MonthDayText(int month, int day);
Json SeasonToJson(const Season& season);
Json AdaptiveToJson(const AdaptiveShare& adaptive);

}  // namespace core::internal
