// Rules as JSON: strict reading that reports every problem of a rule at once (so the editor can
// show them all), and normalised output. Pure.
#include <algorithm>
#include <string>
#include <utility>

#include "api/field_reader.h"
#include "core/rules.h"
#include "internal/text_fields.h"
#include "rules/rule_dynamic.h"
#include "rules/rule_errors.h"

namespace core {
namespace {

using internal::RuleFieldError;

constexpr int kMaxPriority = 1'000'000;
constexpr size_t kMaxNameChars = 200;
constexpr size_t kMaxReasonChars = 500;
constexpr std::string_view kKeys[] = {"action",    "adaptive", "condition",  "enabled",
                                      "id",        "name",     "priority",   "reason_en",
                                      "reason_zh", "season",   "valid_from", "valid_to"};

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

class RuleReader {
 public:
  RuleReader(const Json& obj, const RuleSchema& schema) : obj_(obj), schema_(schema) {}

  ParsedRule Run() {
    ParsedRule out;
    if (!obj_.is_object()) {
      out.errors.push_back(RuleFieldError("rule", "RULE_FIELD_INVALID", "规则必须是 JSON 对象",
                                          "the rule must be a JSON object"));
      return out;
    }
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
      if (std::find(std::begin(kKeys), std::end(kKeys), it.key()) == std::end(kKeys)) {
        Add(RuleFieldError(it.key(), "RULE_UNKNOWN_KEY", "未知的规则字段 '" + it.key() + "'",
                           "unknown rule field '" + it.key() + "'"));
      }
    }
    Rule rule;
    if (std::optional<std::string> id = Text("id", 64, "规则编号", "the rule id")) {
      if (*id == "stats") {  // GET /routing/rules/stats reads the rules' hit statistics
        Add(Invalid("id", "规则编号 stats 为系统保留，请换一个",
                    "the rule id 'stats' is reserved (the API's rule statistics); choose another"));
      } else if (ValidId(*id)) {
        rule.id = *id;
      } else {
        Add(Invalid("id",
                    "规则编号只能由小写字母、数字及 . _ - 组成，以字母或数字开头，最长 64 个字符",
                    "the rule id must be lower-case letters, digits, '.', '_' or '-', start "
                    "with a letter or digit, and be at most 64 characters"));
      }
    }
    if (std::optional<std::string> name = Text("name", kMaxNameChars, "规则名称", "the name")) {
      rule.name = *name;
    }
    if (std::optional<std::string> text =
            Text("condition", kMaxConditionBytes, "条件", "the condition")) {
      ParsedCondition parsed = ParseCondition(*text, schema_);
      for (RuleError& e : parsed.errors) Add(std::move(e));
      rule.condition = std::move(parsed.condition);
    }
    std::optional<RuleAction> action_read;
    if (std::optional<std::string> action = Text("action", 20, "处置", "the action")) {
      if (std::optional<RuleAction> a = RuleActionFromName(*action)) {
        rule.action = *a;
        action_read = *a;
      } else {
        Add(RuleFieldError("action", "RULE_ACTION_UNKNOWN",
                           "未知的处置 '" + internal::Excerpt(*action, 20) +
                               "'（可选：release、manual_review、inspect、valuation、reject）",
                           "unknown action '" + internal::Excerpt(*action, 20) +
                               "' (release, manual_review, inspect, valuation, reject)"));
      }
    }
    ReadPriority(rule);
    ReadValidity(rule);
    const Json* enabled = Member("enabled");
    if (enabled == nullptr || !enabled->is_boolean()) {
      Add(Invalid("enabled", "enabled 必须为 true 或 false", "enabled must be true or false"));
    } else {
      rule.enabled = enabled->get<bool>();
    }
    if (auto zh = Text("reason_zh", kMaxReasonChars, "中文理由", "the Chinese reason")) {
      rule.reason_zh = *zh;
    }
    if (auto en = Text("reason_en", kMaxReasonChars, "英文理由", "the English reason")) {
      rule.reason_en = *en;
    }
    rule.season = internal::ReadSeason(Member("season"), errors_);
    rule.adaptive = internal::ReadAdaptive(Member("adaptive"), action_read, errors_);
    if (errors_.empty()) out.rule = std::move(rule);
    out.errors = std::move(errors_);
    return out;
  }

 private:
  void Add(RuleError e) { errors_.push_back(std::move(e)); }
  static RuleError Invalid(std::string field, std::string zh, std::string en) {
    return RuleFieldError(std::move(field), "RULE_FIELD_INVALID", std::move(zh), std::move(en));
  }
  const Json* Member(std::string_view key) const { return internal::Member(obj_, key); }

  // A required, non-empty string of at most max_chars characters.
  std::optional<std::string> Text(std::string_view key, size_t max_chars, const std::string& zh,
                                  const std::string& en) {
    const Json* j = Member(key);
    const std::string k(key);
    if (j == nullptr || !j->is_string() || j->get_ref<const std::string&>().empty()) {
      Add(Invalid(k, zh + "（" + k + "）必须是非空字符串",
                  en + " (" + k + ") must be a non-empty string"));
      return std::nullopt;
    }
    const std::string& s = j->get_ref<const std::string&>();
    if (internal::Utf8Length(s) > max_chars) {
      Add(Invalid(k, zh + "过长（最多 " + std::to_string(max_chars) + " 个字符）",
                  en + " is too long (at most " + std::to_string(max_chars) + " characters)"));
      return std::nullopt;
    }
    return s;
  }

  void ReadPriority(Rule& rule) {
    const Json* j = Member("priority");
    if (j != nullptr && j->is_number_integer() && !j->is_number_unsigned() &&
        j->get<int64_t>() >= 0 && j->get<int64_t>() <= kMaxPriority) {
      rule.priority = static_cast<int>(j->get<int64_t>());
      return;
    }
    if (j != nullptr && j->is_number_unsigned() && j->get<uint64_t>() <= kMaxPriority) {
      rule.priority = static_cast<int>(j->get<uint64_t>());
      return;
    }
    Add(Invalid("priority", "优先级必须是 0 至 1000000 的整数",
                "priority must be an integer from 0 to 1000000"));
  }

  std::optional<Date> ReadDate(std::string_view key, bool required) {
    const Json* j = Member(key);
    const std::string k(key);
    if (j == nullptr && !required) return std::nullopt;
    if (j != nullptr && j->is_string()) {
      StatusOr<Date> d = Date::Parse(j->get_ref<const std::string&>());
      if (d.ok()) return *d;
    }
    Add(Invalid(k, k + " 必须是日期 YYYY-MM-DD" + (required ? "" : " 或 null"),
                k + " must be a date YYYY-MM-DD" + (required ? "" : " or null")));
    return std::nullopt;
  }

  void ReadValidity(Rule& rule) {
    const size_t before = errors_.size();
    std::optional<Date> from = ReadDate("valid_from", true);
    std::optional<Date> to = ReadDate("valid_to", false);
    if (from) rule.valid_from = *from;
    rule.valid_to = to;
    if (errors_.size() == before && from && to && *to < *from) {
      Add(RuleFieldError("valid_to", "RULE_VALIDITY_ORDER",
                         "有效期截止日 " + to->ToIso() + " 早于起始日 " + from->ToIso(),
                         "valid_to " + to->ToIso() + " is before valid_from " + from->ToIso()));
    }
  }

  const Json& obj_;
  const RuleSchema& schema_;
  std::vector<RuleError> errors_;
};

}  // namespace

std::string_view RuleActionName(RuleAction action) {
  switch (action) {
    case RuleAction::kRelease:
      return "release";
    case RuleAction::kManualReview:
      return "manual_review";
    case RuleAction::kInspect:
      return "inspect";
    case RuleAction::kValuation:
      return "valuation";
    case RuleAction::kReject:
      return "reject";
  }
  return "release";
}

std::optional<RuleAction> RuleActionFromName(std::string_view name) {
  for (RuleAction a : {RuleAction::kRelease, RuleAction::kManualReview, RuleAction::kInspect,
                       RuleAction::kValuation, RuleAction::kReject}) {
    if (RuleActionName(a) == name) return a;
  }
  return std::nullopt;
}

bool Rule::ValidOn(const Date& date) const {
  return valid_from <= date && (!valid_to || date <= *valid_to) &&
         (!season || season->Contains(date));
}

ParsedRule RuleFromJson(const Json& obj, const RuleSchema& schema) {
  return RuleReader(obj, schema).Run();
}

Json RuleToJson(const Rule& rule) {
  Json j = Json::object();
  j["id"] = rule.id;
  j["name"] = rule.name;
  j["condition"] = rule.condition.text();
  j["action"] = std::string(RuleActionName(rule.action));
  j["priority"] = rule.priority;
  j["valid_from"] = rule.valid_from.ToIso();
  j["valid_to"] = rule.valid_to ? Json(rule.valid_to->ToIso()) : Json(nullptr);
  j["enabled"] = rule.enabled;
  j["reason_zh"] = rule.reason_zh;
  j["reason_en"] = rule.reason_en;
  if (rule.season) j["season"] = internal::SeasonToJson(*rule.season);
  if (rule.adaptive) j["adaptive"] = internal::AdaptiveToJson(*rule.adaptive);
  return j;
}

}  // namespace core
