// Each routing rule's hits and their outcomes (issue 5, dynamic rules): the hits a routing
// decision records, the statistics per rule with the core's judgement of noise, and the
// records adaptive rules are routed with. Does database I/O.
#pragma once

#include <string_view>
#include <vector>

#include "app.h"
#include "core/json.h"
#include "core/routing.h"
#include "store/rule_stats_repo.h"

namespace server {

// The rules that matched a core decision (RouteDecisionToJson), and which one decided it.
std::vector<RuleHitRecord> RuleHitsOf(const core::Json& route);

// GET /routing/rules/stats?from=&to=: {"from", "to", "noise_policy": {"min_inspected",
// "factor_pm"}, "overall": {"lists", "inspected", "mismatches", "mismatch_pm"}, "rules": [{
// "rule_id", "name", "action", "enabled", "in_force" (a current rule), "season", "adaptive",
// "lists", "decided", "final_actions": {release, manual_review, inspect, valuation, reject},
// "inspected", "matches", "mismatches", "mismatch_pm", "valuations", "noisy", "noise"
// (core RuleNoiseToJson)}]} over lists declared in [from, to] (defaults: the 90 days to
// today); every current rule appears, with zeros when it matched nothing. InvalidArgument for
// a date that is not YYYY-MM-DD or from after to.
core::StatusOr<core::Json> RuleStatsJson(App& app, Db& db, std::string_view from,
                                         std::string_view to);

// The records of the adaptive rules among `rules` on `today`, each over its own window (the
// window_days days to today) of lists it matched.
core::StatusOr<core::RuleTrackRecords> TrackRecordsOn(Db& db, const std::vector<core::Rule>& rules,
                                                      const core::Date& today);

// {"<rule id>": {"inspected", "mismatches"}} (core RouteJson "rule_history").
core::Json TrackRecordsJson(const core::RuleTrackRecords& records);

}  // namespace server
