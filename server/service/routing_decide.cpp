// The status of a screened list from its checks' findings and its route (see routing.h).
#include <algorithm>

#include "core/rules.h"
#include "service/queues.h"
#include "service/routing.h"
#include "service/screening.h"

namespace server {

namespace {

void ForEachFinding(const std::vector<const core::Json*>& checks, auto&& fn) {
  for (const core::Json* r : checks) {
    if (r == nullptr || !r->is_object() || !r->contains("findings") ||
        !(*r)["findings"].is_array()) {
      continue;
    }
    for (const core::Json& f : (*r)["findings"]) {
      if (f.is_object() && f.contains("severity") && f.contains("code") && f["code"].is_string()) {
        fn(f);
      }
    }
  }
}

void AddReason(std::vector<std::string>& reasons, const std::string& code) {
  if (std::find(reasons.begin(), reasons.end(), code) == reasons.end()) reasons.push_back(code);
}

int StatusOf(core::RuleAction action) {
  switch (action) {
    case core::RuleAction::kRelease:
      return kStatusReleased;
    case core::RuleAction::kInspect:
      return QueueStatus(kQueueInspection);
    case core::RuleAction::kReject:
      return kStatusRejected;
    default:
      return kStatusManualReview;
  }
}

core::Json RouteSummary(const core::Json& route) {
  if (!route.is_object()) return core::Json();
  core::Json s = core::Json::object();
  for (const char* k : {"action", "lane", "source", "decided_by", "matched_rules", "draw"}) {
    if (route.contains(k)) s[k] = route[k];
  }
  return s;
}

}  // namespace

bool HasErrorFindings(const std::vector<const core::Json*>& checks) {
  bool errors = false;
  ForEachFinding(checks, [&](const core::Json& f) { errors = errors || f["severity"] == "error"; });
  return errors;
}

std::vector<std::string> FindingCodes(const std::vector<const core::Json*>& checks) {
  std::vector<std::string> codes;
  ForEachFinding(checks,
                 [&](const core::Json& f) { AddReason(codes, f["code"].get<std::string>()); });
  return codes;
}

ListDecision DecideList(const std::vector<const core::Json*>& checks, const RoutingOutcome& routing,
                        bool taxed) {
  ListDecision d;
  core::Json errors = core::Json::array();
  core::Json warnings = core::Json::array();
  ForEachFinding(checks, [&](const core::Json& f) {
    if (f["severity"] == "error") errors.push_back(f);
    if (f["severity"] == "warning") warnings.push_back(f);
  });
  if (!errors.empty()) {
    d.action = "reject";
    d.status = kStatusRejected;
    for (const core::Json& f : errors) AddReason(d.reasons, f["code"].get<std::string>());
    d.findings = std::move(errors);
    return d;
  }
  core::RuleAction action =
      core::RuleActionFromName(routing.action).value_or(core::RuleAction::kManualReview);
  core::RuleAction floor = core::RuleAction::kRelease;
  if (!warnings.empty()) floor = core::RuleAction::kManualReview;
  if (!taxed) {
    // A list is never released (or valued) without its tax computed.
    floor = core::RuleAction::kManualReview;
    if (action == core::RuleAction::kRelease || action == core::RuleAction::kValuation) {
      action = core::RuleAction::kManualReview;
    }
    AddReason(d.reasons, "TAX_NOT_COMPUTED");
  }
  action = std::max(action, floor);
  for (const core::Json& f : warnings) AddReason(d.reasons, f["code"].get<std::string>());
  ForEachFinding({&routing.route_json}, [&](const core::Json& f) {
    if (f["severity"] != "info") AddReason(d.reasons, f["code"].get<std::string>());
  });
  d.action = std::string(core::RuleActionName(action));
  d.status = StatusOf(action);
  d.findings = std::move(warnings);
  d.route = RouteSummary(routing.route_json);
  if (action == core::RuleAction::kRelease) {
    const bool by_default = routing.route_json.is_object() &&
                            routing.route_json.contains("source") &&
                            routing.route_json["source"] == "default";
    d.reasons = {by_default ? kReasonDefaultRelease : "ROUTE_RELEASE"};
  }
  return d;
}

}  // namespace server
