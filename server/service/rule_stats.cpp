// Per-rule hits and outcomes, judged by the core; adaptive rules' records.
#include "service/rule_stats.h"

#include <map>
#include <string>

#include "common/json_text.h"
#include "core/rule_stats.h"
#include "store/routing_repo.h"

namespace server {

namespace {

core::StatusOr<core::Date> DateParam(std::string_view text, const core::Date& fallback,
                                     const char* name) {
  if (text.empty()) return fallback;
  core::StatusOr<core::Date> d = core::Date::Parse(text);
  if (!d.ok()) {
    return core::InvalidArgumentError(std::string("'") + name + "' must be a date YYYY-MM-DD");
  }
  return *d;
}

core::Json RuleStatsRow(const RuleHitCounts& c, const core::InspectionCounts& overall,
                        const core::RuleNoisePolicy& policy) {
  const core::RuleNoise noise = core::JudgeRuleNoise({c.inspected, c.mismatches}, overall, policy);
  return {{"rule_id", c.rule_id},
          {"lists", c.lists},
          {"decided", c.decided},
          {"final_actions",
           {{"release", c.release},
            {"manual_review", c.manual_review},
            {"inspect", c.inspect},
            {"valuation", c.valuation},
            {"reject", c.reject}}},
          {"inspected", c.inspected},
          {"matches", c.inspected - c.mismatches},
          {"mismatches", c.mismatches},
          {"mismatch_pm", core::PerMille(c.mismatches, c.inspected)},
          {"valuations", c.valued},
          {"noisy", noise.noisy},
          {"noise", core::RuleNoiseToJson(noise)}};
}

}  // namespace

std::vector<RuleHitRecord> RuleHitsOf(const core::Json& route) {
  std::vector<RuleHitRecord> hits;
  if (!route.is_object() || !route.contains("matched_rules") ||
      !route["matched_rules"].is_array()) {
    return hits;
  }
  const core::Json& by = route.contains("decided_by") ? route["decided_by"] : core::Json();
  for (const core::Json& m : route["matched_rules"]) {
    if (!m.is_object() || !m.contains("id") || !m["id"].is_string()) continue;
    hits.push_back(RuleHitRecord{m["id"].get<std::string>(), by.is_string() && by == m["id"]});
  }
  return hits;
}

core::StatusOr<core::Json> RuleStatsJson(App& app, Db& db, std::string_view from_text,
                                         std::string_view to_text) {
  const core::Date today = app.Today();
  CORE_ASSIGN_OR_RETURN(core::Date to, DateParam(to_text, today, "to"));
  CORE_ASSIGN_OR_RETURN(core::Date from, DateParam(from_text, to.AddDays(-89), "from"));
  if (to < from) return core::InvalidArgumentError("'from' must not be after 'to'");
  const std::string f = from.ToIso();
  const std::string t = to.ToIso();
  const core::RuleNoisePolicy policy = app.reference()->policy.rule_noise;

  CORE_ASSIGN_OR_RETURN(RoutedCounts all, RoutedCountsBetween(db, f, t));
  const core::InspectionCounts overall{all.inspected, all.mismatches};
  CORE_ASSIGN_OR_RETURN(std::vector<RuleHitCounts> counts, RuleHitCountsBetween(db, f, t));
  std::map<std::string, RuleHitCounts> by_id;
  for (RuleHitCounts& c : counts) by_id[c.rule_id] = std::move(c);

  // The current rules describe their rows; rules since deleted keep theirs with what is known.
  CORE_ASSIGN_OR_RETURN(int64_t version, CurrentRulesVersion(db));
  CORE_ASSIGN_OR_RETURN(std::vector<RuleVersionRecord> current, RulesAt(db, version));
  std::map<std::string, core::Json> rules;
  for (const RuleVersionRecord& r : current) {
    rules[r.rule_id] = JsonOrNull(r.rule);
    by_id.try_emplace(r.rule_id, RuleHitCounts{.rule_id = r.rule_id});
  }
  core::Json rows = core::Json::array();
  for (const auto& [id, c] : by_id) {
    core::Json row = RuleStatsRow(c, overall, policy);
    auto rule = rules.find(id);
    const bool known = rule != rules.end() && rule->second.is_object();
    const core::Json none;
    const core::Json& r = known ? rule->second : none;
    row["in_force"] = rule != rules.end();
    for (const char* key : {"name", "action", "enabled", "season", "adaptive"}) {
      row[key] = known && r.contains(key) ? r[key] : core::Json();
    }
    rows.push_back(std::move(row));
  }
  return core::Json{
      {"from", f},
      {"to", t},
      {"noise_policy", {{"min_inspected", policy.min_inspected}, {"factor_pm", policy.factor_pm}}},
      {"overall",
       {{"lists", all.lists},
        {"inspected", all.inspected},
        {"mismatches", all.mismatches},
        {"mismatch_pm", core::PerMille(all.mismatches, all.inspected)}}},
      {"rules", std::move(rows)}};
}

core::StatusOr<core::RuleTrackRecords> TrackRecordsOn(Db& db, const std::vector<core::Rule>& rules,
                                                      const core::Date& today) {
  core::RuleTrackRecords records;
  for (const core::Rule& rule : rules) {
    if (!rule.adaptive || !rule.enabled) continue;
    const std::string from = today.AddDays(1 - rule.adaptive->window_days).ToIso();
    CORE_ASSIGN_OR_RETURN(RoutedCounts c, RuleRecordBetween(db, rule.id, from, today.ToIso()));
    records[rule.id] = core::RuleTrackRecord{c.inspected, c.mismatches};
  }
  return records;
}

core::Json TrackRecordsJson(const core::RuleTrackRecords& records) {
  core::Json out = core::Json::object();
  for (const auto& [id, r] : records) {
    out[id] = {{"inspected", r.inspected}, {"mismatches", r.mismatches}};
  }
  return out;
}

}  // namespace server
