// A rule's seasonal focus and adaptive share: the month-day window, the share an adaptive rule
// applies to from its own record, and their JSON form. Pure.
#include "rules/rule_dynamic.h"

#include <algorithm>
#include <string>
#include <utility>

#include "api/field_reader.h"
#include "rules/rule_errors.h"

namespace core {
namespace {

constexpr int kMaxWindowDays = 366;
constexpr int kMaxMinInspections = 100000;

int MonthDay(int month, int day) { return month * 100 + day; }

// "MM-DD" naming a day of some year (02-29 is one: leap years have it).
std::optional<std::pair<int, int>> ParseMonthDay(const Json* j) {
  if (j == nullptr || !j->is_string()) return std::nullopt;
  const std::string& s = j->get_ref<const std::string&>();
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (s.size() != 5 || s[2] != '-' || !digit(s[0]) || !digit(s[1]) || !digit(s[3]) ||
      !digit(s[4])) {
    return std::nullopt;
  }
  const int month = (s[0] - '0') * 10 + (s[1] - '0');
  const int day = (s[3] - '0') * 10 + (s[4] - '0');
  if (!Date::IsValid(2000, month, day)) return std::nullopt;  // 2000: a leap year
  return std::make_pair(month, day);
}

RuleError Invalid(std::string field, std::string zh, std::string en) {
  return internal::RuleFieldError(std::move(field), "RULE_FIELD_INVALID", std::move(zh),
                                  std::move(en));
}

// Unknown keys of a nested object, reported like the rule's own (RULE_UNKNOWN_KEY).
void RejectOtherKeys(const Json& obj, std::initializer_list<std::string_view> known,
                     const std::string& parent, std::vector<RuleError>& errors) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
      const std::string path = parent + "." + it.key();
      errors.push_back(internal::RuleFieldError(path, "RULE_UNKNOWN_KEY",
                                                "未知的规则字段 '" + path + "'",
                                                "unknown rule field '" + path + "'"));
    }
  }
}

}  // namespace

bool Season::Contains(const Date& date) const {
  const int from = MonthDay(from_month, from_day);
  const int to = MonthDay(to_month, to_day);
  const int md = MonthDay(date.month(), date.day());
  // A season ending before it starts runs over the year end.
  return from <= to ? (from <= md && md <= to) : (md >= from || md <= to);
}

int AdaptiveSharePm(const AdaptiveShare& adaptive, int64_t inspected, int64_t mismatches) {
  inspected = std::max<int64_t>(inspected, 0);
  mismatches = std::clamp<int64_t>(mismatches, 0, inspected);
  if (inspected < adaptive.min_inspections || inspected == 0) return adaptive.max_pm;
  const int64_t mismatch_pm = mismatches * 1000 / inspected;
  return static_cast<int>(std::clamp<int64_t>(2 * mismatch_pm, adaptive.min_pm, adaptive.max_pm));
}

namespace internal {

std::string MonthDayText(int month, int day) {
  std::string s = "00-00";
  s[0] = static_cast<char>('0' + month / 10);
  s[1] = static_cast<char>('0' + month % 10);
  s[3] = static_cast<char>('0' + day / 10);
  s[4] = static_cast<char>('0' + day % 10);
  return s;
}

std::optional<Season> ReadSeason(const Json* season, std::vector<RuleError>& errors) {
  if (season == nullptr || season->is_null()) return std::nullopt;
  if (!season->is_object()) {
    errors.push_back(Invalid("season",
                             "season 必须是 {\"from\": \"MM-DD\", \"to\": \"MM-DD\"} 或 null",
                             "season must be {\"from\": \"MM-DD\", \"to\": \"MM-DD\"} or null"));
    return std::nullopt;
  }
  const size_t before = errors.size();
  RejectOtherKeys(*season, {"from", "to"}, "season", errors);
  Season out;
  for (const char* key : {"from", "to"}) {
    std::optional<std::pair<int, int>> md = ParseMonthDay(Member(*season, key));
    const std::string field = std::string("season.") + key;
    if (!md) {
      errors.push_back(Invalid(field, field + " 必须是某年中的一天，格式 MM-DD（如 12-15、02-29）",
                               field + " must be a day of the year as MM-DD (e.g. 12-15, 02-29)"));
      continue;
    }
    (key[0] == 'f' ? out.from_month : out.to_month) = md->first;
    (key[0] == 'f' ? out.from_day : out.to_day) = md->second;
  }
  if (errors.size() != before) return std::nullopt;
  return out;
}

std::optional<AdaptiveShare> ReadAdaptive(const Json* adaptive, std::optional<RuleAction> action,
                                          std::vector<RuleError>& errors) {
  if (adaptive == nullptr || adaptive->is_null()) return std::nullopt;
  if (!adaptive->is_object()) {
    errors.push_back(Invalid(
        "adaptive", "adaptive 必须是 {min_pm, max_pm, window_days, min_inspections} 或 null",
        "adaptive must be {min_pm, max_pm, window_days, min_inspections} or "
        "null"));
    return std::nullopt;
  }
  const size_t before = errors.size();
  RejectOtherKeys(*adaptive, {"min_pm", "max_pm", "window_days", "min_inspections"}, "adaptive",
                  errors);
  auto read = [&](const char* key, int lo, int hi, int& into) {
    const Json* j = Member(*adaptive, key);
    if (j != nullptr && j->is_number_integer() && j->get<int64_t>() >= lo &&
        j->get<int64_t>() <= hi) {
      into = static_cast<int>(j->get<int64_t>());
      return;
    }
    const std::string field = std::string("adaptive.") + key;
    const std::string range = std::to_string(lo) + " 至 " + std::to_string(hi);
    errors.push_back(Invalid(
        field, field + " 必须是 " + range + " 的整数",
        field + " must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi)));
  };
  AdaptiveShare out;
  read("min_pm", 0, 1000, out.min_pm);
  read("max_pm", 0, 1000, out.max_pm);
  read("window_days", 1, kMaxWindowDays, out.window_days);
  read("min_inspections", 1, kMaxMinInspections, out.min_inspections);
  if (errors.size() == before && out.min_pm > out.max_pm) {
    errors.push_back(Invalid("adaptive.min_pm", "adaptive.min_pm 不能大于 max_pm",
                             "adaptive.min_pm must not exceed max_pm"));
  }
  if (action && *action != RuleAction::kInspect && *action != RuleAction::kManualReview) {
    errors.push_back(Invalid("adaptive", "只有布控查验或人工审核规则可以按历史调整比例",
                             "only an inspect or manual_review rule can adjust from history"));
  }
  if (errors.size() != before) return std::nullopt;
  return out;
}

Json SeasonToJson(const Season& season) {
  return Json{{"from", MonthDayText(season.from_month, season.from_day)},
              {"to", MonthDayText(season.to_month, season.to_day)}};
}

Json AdaptiveToJson(const AdaptiveShare& adaptive) {
  return Json{{"min_pm", adaptive.min_pm},
              {"max_pm", adaptive.max_pm},
              {"window_days", adaptive.window_days},
              {"min_inspections", adaptive.min_inspections}};
}

}  // namespace internal
}  // namespace core
