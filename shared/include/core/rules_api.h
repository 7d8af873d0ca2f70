// Text-in, text-out entry points of the routing rules, routing and double-random draws: what the
// server and the WebAssembly page both call, so the rule editor's checks and previews in the
// browser agree byte for byte with the server. A malformed request gives
// {"error": {"code": "invalid_argument", "message": "field '...' ..."}}. Pure.
#pragma once

#include <string>
#include <string_view>

#include "core/policy.h"

namespace core {

// {"rule": {...}} (RuleFromJson, core/rules.h) -> {"ok", "outcome": "valid"|"invalid",
// "errors": [{"code", "severity", "field", "message_zh", "message_en", "offset", "length"}],
// "rule": normalised rule | null, "fields": [paths the condition reads], "uses_goods"}.
// A rule's problems are a result, not an error: only a malformed request (not JSON, no "rule",
// another key) is refused.
std::string ValidateRuleJson(std::string_view request, const Policy& policy);

// {"date": "YYYY-MM-DD", "seed": "<1-16 hex digits>", "rules": [rule, ...] (at most 1000,
// unique ids), "context": {...} (RuleContextFromJson), "rule_history"?: {"<rule id>":
// {"inspected", "mismatches"}} (adaptive rules' records; mismatches <= inspected)} ->
// RouteDecisionToJson (core/routing.h).
// A rule that does not validate refuses the request (naming rules[i] and the first problem).
std::string RouteJson(std::string_view request, const Policy& policy);

// {"rule": {...}, "lists": [{"id": "...", "date"?: "YYYY-MM-DD", "context": {...}}] (at most
// 10000)} -> {"ok": true, "outcome": "hits"|"no_hits", "rule_id", "action", "total", "matched",
// "unknown", "hits": [ids], "results": [{"id", "result": "true"|"false"|"unknown", "lines",
// "missing", "in_validity": bool|null}], "errors": []}: which past lists the condition would
// hit, whether or not the rule is enabled or valid yet. An invalid rule gives the
// ValidateRuleJson result (ok false, outcome "invalid").
std::string PreviewRuleJson(std::string_view request, const Policy& policy);

// {"seed", "pool": [officer ids] (at most 10000), "exclude"?: [ids], "count": n (2..100)} ->
// {"outcome": "drawn"|"insufficient", "seed", "stream", "count", "eligible", "excluded",
// "chosen", "findings"} (DrawInspectors, core/sampling.h).
std::string DrawInspectorsJson(std::string_view request);

// {"seed", "candidates": [ids] (at most 200000), and exactly one of "share_bp" (0..10000) or
// "count"} -> {"outcome": "drawn", "seed", "stream", "population", "share_bp": n|null,
// "count", "chosen", "findings": []} (SelectTargets, core/sampling.h).
std::string DrawTargetsJson(std::string_view request);

// RuleSchemaToJson of the default schema for `policy`: the fields the rule editor offers.
std::string RuleSchemaJson(const Policy& policy);

}  // namespace core
