// Officer queues: entering a queue (with the inspector draw), listing, review and inspection.
#include "service/queues.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "core/rules_api.h"
#include "core/sampling.h"
#include "service/declarations.h"
#include "service/routing.h"
#include "service/routing_release.h"
#include "store/routing_repo.h"
#include "store/users_repo.h"

namespace server {

namespace {

constexpr size_t kMaxReasonBytes = 1000;
constexpr size_t kMaxDetailsBytes = 4000;

core::StatusOr<std::string> OptionalText(const core::Json& body, const char* key, size_t max) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::string();
  if (!it->is_string() || it->get<std::string>().size() > max) {
    return core::InvalidArgumentError(std::string("field '") + key +
                                      "' must be a string of at most " + std::to_string(max) +
                                      " bytes");
  }
  return it->get<std::string>();
}

// Draws the inspectors of an inspection and stores the draw. Returns the assignment id.
core::StatusOr<int64_t> DrawFor(App& app, Db& db, const DeclarationRecord& d) {
  CORE_ASSIGN_OR_RETURN(std::vector<int64_t> officers, OfficerIds(db));
  core::Json pool = core::Json::array();
  for (int64_t id : officers) pool.push_back(std::to_string(id));
  AssignmentRecord a;
  a.declaration_id = d.id;
  a.seed = core::SeedToHex(NextSeed(app));
  const core::Json request = {{"seed", a.seed},
                              {"pool", pool},
                              {"exclude", core::Json::array()},
                              {"count", kInspectorsPerInspection}};
  a.request = core::DumpJson(request);
  a.result = core::DrawInspectorsJson(a.request);
  CORE_ASSIGN_OR_RETURN(core::Json result, CoreResult(a.result));
  a.outcome = result.contains("outcome") && result["outcome"].is_string()
                  ? result["outcome"].get<std::string>()
                  : "insufficient";
  a.at = FormatUtcIso(app.Now());
  return InsertAssignment(db, a);
}

// The drawn inspectors' user ids ("" entries skipped), empty when none were drawn.
std::vector<std::string> Chosen(const AssignmentRecord& a) {
  std::vector<std::string> out;
  const core::Json result = JsonOrNull(a.result);
  if (!result.contains("chosen") || !result["chosen"].is_array()) return out;
  for (const core::Json& c : result["chosen"]) {
    if (c.is_string()) out.push_back(c.get<std::string>());
  }
  return out;
}

core::StatusOr<core::Json> Answer(Db& db, int64_t id, const core::Json& outcome) {
  CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> d, FindDeclaration(db, id));
  if (!d) return core::InternalError("declaration vanished");
  CORE_ASSIGN_OR_RETURN(core::Json detail, DeclarationDetailJson(db, *d));
  return core::Json{{"declaration", std::move(detail)}, {"outcome", outcome}};
}

}  // namespace

core::Status RejectFromQueue(App& app, Db& db, const DeclarationRecord& d, const Actor& actor,
                             std::vector<std::string> reasons, core::Json detail) {
  CORE_RETURN_IF_ERROR(RecordStatus(db, d, kStatusRejected, FormatUtcIso(app.Now()),
                                    std::move(reasons), std::move(detail), std::nullopt, actor,
                                    actor));
  return RemoveQueueEntry(db, d.id);
}

bool IsQueueName(std::string_view name) {
  return name == kQueueManualReview || name == kQueueInspection || name == kQueueValuation;
}

int QueueStatus(std::string_view queue) {
  return queue == kQueueInspection ? kStatusInspection : kStatusManualReview;
}

core::Status EnqueueDeclaration(App& app, Db& db, const DeclarationRecord& d,
                                std::string_view queue, std::vector<std::string> reasons,
                                core::Json detail, std::optional<int64_t> screening_id,
                                std::optional<int64_t> routing_id, const Actor& actor,
                                const Actor& trigger) {
  QueueEntry e;
  e.declaration_id = d.id;
  e.queue = std::string(queue);
  e.entered_at = FormatUtcIso(app.Now());
  e.reasons = reasons;
  e.routing_decision_id = routing_id;
  if (queue == kQueueInspection) {
    CORE_ASSIGN_OR_RETURN(int64_t assignment, DrawFor(app, db, d));
    e.assignment_id = assignment;
    detail["assignment_id"] = assignment;
  }
  detail["queue"] = e.queue;
  e.detail = detail;
  CORE_RETURN_IF_ERROR(RecordStatus(db, d, QueueStatus(queue), e.entered_at, std::move(reasons),
                                    std::move(detail), screening_id, actor, trigger));
  return PutQueueEntry(db, e);
}

core::Status RecordOutcome(App& app, Db& db, const DeclarationRecord& d, const Actor& actor,
                           std::string_view kind, std::string_view outcome, std::string_view action,
                           std::string_view reason, core::Json detail) {
  OutcomeRecord o;
  o.declaration_id = d.id;
  o.ebc_code = d.ebc_code;
  o.kind = std::string(kind);
  o.outcome = std::string(outcome);
  o.action = std::string(action);
  o.decided_on = app.Today().ToIso();
  o.at = FormatUtcIso(app.Now());
  o.actor_id = actor.user_id;
  o.actor_name = actor.name;
  o.reason = std::string(reason);
  o.detail = std::move(detail);
  return InsertOutcome(db, o).status();
}

core::StatusOr<core::Json> QueueListJson(App& app, Db& db, std::string_view queue,
                                         const Page& page) {
  (void)app;
  if (!IsQueueName(queue)) return core::NotFoundError("no queue '" + std::string(queue) + "'");
  CORE_ASSIGN_OR_RETURN(ListResult<QueueEntry> entries,
                        ListQueue(db, queue, QueueStatus(queue), page));
  core::Json items = core::Json::array();
  for (const QueueEntry& e : entries.items) {
    CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> d,
                          FindDeclaration(db, e.declaration_id));
    if (!d) continue;
    core::Json item = {{"declaration", DeclarationSummaryJson(*d)},
                       {"queue", e.queue},
                       {"entered_at", e.entered_at},
                       {"reasons", e.reasons},
                       {"detail", e.detail},
                       {"value_fen", nullptr},
                       {"tax_fen", nullptr},
                       {"inspectors", core::Json::array()},
                       {"assignment", nullptr}};
    CORE_ASSIGN_OR_RETURN(std::optional<RoutingRecord> r, LatestRouting(db, d->id));
    if (r) {
      const core::Json ctx = JsonOrNull(r->context);
      if (ctx.contains("list") && ctx["list"].is_object()) {
        item["value_fen"] = ctx["list"].value("value_fen", core::Json());
        item["tax_fen"] = ctx["list"].value("tax_fen", core::Json());
      }
    }
    if (e.assignment_id) {
      CORE_ASSIGN_OR_RETURN(std::optional<AssignmentRecord> a,
                            FindAssignment(db, *e.assignment_id));
      if (a) {
        item["assignment"] = AssignmentJson(*a);
        for (const std::string& id : Chosen(*a)) {
          CORE_ASSIGN_OR_RETURN(std::optional<UserRecord> u, FindUserById(db, std::stoll(id)));
          if (u) {
            item["inspectors"].push_back(
                {{"id", u->id}, {"username", u->username}, {"display_name", u->display_name}});
          }
        }
      }
    }
    items.push_back(std::move(item));
  }
  return core::Json{{"items", std::move(items)}, {"total", entries.total}};
}

core::StatusOr<DeclarationRecord> DeclarationInQueue(Db& db, int64_t id, std::string_view queue) {
  CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> d, FindDeclaration(db, id));
  if (!d) return core::NotFoundError("no declaration " + std::to_string(id));
  CORE_ASSIGN_OR_RETURN(std::optional<QueueEntry> e, FindQueueEntry(db, id));
  if (!e || e->queue != queue || d->status != QueueStatus(queue)) {
    return core::FailedPreconditionError("declaration " + std::to_string(id) + " is not in the " +
                                         std::string(queue) + " queue");
  }
  return *d;
}

core::StatusOr<std::string> RequiredReason(const core::Json& body) {
  CORE_ASSIGN_OR_RETURN(std::string reason, OptionalText(body, "reason", kMaxReasonBytes));
  if (reason.empty()) return core::InvalidArgumentError("field 'reason' is required");
  return reason;
}

core::StatusOr<core::Json> ReviewDeclaration(App& app, Db& db, const Actor& actor, int64_t id,
                                             const core::Json& body) {
  auto decision_it = body.find("decision");
  const std::string decision =
      decision_it != body.end() && decision_it->is_string() ? decision_it->get<std::string>() : "";
  if (decision != "release" && decision != "reject" && decision != "inspect" &&
      decision != "valuation") {
    return core::InvalidArgumentError(
        "field 'decision' must be release, reject, inspect or valuation");
  }
  CORE_ASSIGN_OR_RETURN(std::string reason, RequiredReason(body));
  CORE_ASSIGN_OR_RETURN(DeclarationRecord d, DeclarationInQueue(db, id, kQueueManualReview));
  const core::Json detail = {{"reason", reason}, {"decision", decision}, {"by", "review"}};
  if (decision == "release") {
    CORE_RETURN_IF_ERROR(
        ReleaseDeclaration(app, db, d, actor, actor, {"REVIEW_RELEASED"}, detail).status());
  } else if (decision == "reject") {
    CORE_RETURN_IF_ERROR(RejectFromQueue(app, db, d, actor, {"REVIEW_REJECTED"}, detail));
  } else if (decision == "inspect") {
    CORE_RETURN_IF_ERROR(EnqueueDeclaration(app, db, d, kQueueInspection, {"REVIEW_INSPECT"},
                                            detail, std::nullopt, std::nullopt, actor, actor));
  } else {
    CORE_RETURN_IF_ERROR(EnqueueDeclaration(app, db, d, kQueueValuation, {"REVIEW_VALUATION"},
                                            detail, std::nullopt, std::nullopt, actor, actor));
  }
  CORE_RETURN_IF_ERROR(
      RecordOutcome(app, db, d, actor, "review", decision, decision, reason, core::Json::object()));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "declaration.review", "declaration",
                                   std::to_string(id), detail, app.Now()));
  return Answer(db, id, detail);
}

core::StatusOr<core::Json> RecordInspection(App& app, Db& db, const Actor& actor, int64_t id,
                                            const core::Json& body) {
  auto outcome_it = body.find("outcome");
  const std::string outcome =
      outcome_it != body.end() && outcome_it->is_string() ? outcome_it->get<std::string>() : "";
  if (outcome != "match" && outcome != "mismatch") {
    return core::InvalidArgumentError("field 'outcome' must be match or mismatch");
  }
  CORE_ASSIGN_OR_RETURN(std::string reason, RequiredReason(body));
  CORE_ASSIGN_OR_RETURN(std::string details, OptionalText(body, "details", kMaxDetailsBytes));
  CORE_ASSIGN_OR_RETURN(std::string action, OptionalText(body, "action", 20));
  if (outcome == "match" && !action.empty() && action != "release") {
    return core::InvalidArgumentError("field 'action': a matching inspection releases the list");
  }
  if (outcome == "mismatch") {
    if (details.empty()) return core::InvalidArgumentError("field 'details' is required");
    if (action != "reject" && action != "valuation") {
      return core::InvalidArgumentError("field 'action' must be reject or valuation");
    }
  }
  if (outcome == "match") action = "release";
  CORE_ASSIGN_OR_RETURN(DeclarationRecord d, DeclarationInQueue(db, id, kQueueInspection));
  CORE_ASSIGN_OR_RETURN(std::optional<QueueEntry> entry, FindQueueEntry(db, id));
  if (entry && entry->assignment_id && actor.role == "officer") {
    CORE_ASSIGN_OR_RETURN(std::optional<AssignmentRecord> a,
                          FindAssignment(db, *entry->assignment_id));
    const std::vector<std::string> chosen = a ? Chosen(*a) : std::vector<std::string>();
    if (!chosen.empty() && actor.user_id &&
        std::find(chosen.begin(), chosen.end(), std::to_string(*actor.user_id)) == chosen.end()) {
      return core::PermissionDeniedError("only the drawn inspectors record this inspection");
    }
  }
  const core::Json detail = {{"reason", reason},
                             {"outcome", outcome},
                             {"details", details},
                             {"action", action},
                             {"by", "inspection"}};
  if (action == "release") {
    CORE_RETURN_IF_ERROR(
        ReleaseDeclaration(app, db, d, actor, actor, {"INSPECTION_MATCH"}, detail).status());
  } else if (action == "reject") {
    CORE_RETURN_IF_ERROR(RejectFromQueue(app, db, d, actor, {"INSPECTION_MISMATCH"}, detail));
  } else {
    CORE_RETURN_IF_ERROR(EnqueueDeclaration(app, db, d, kQueueValuation, {"INSPECTION_MISMATCH"},
                                            detail, std::nullopt, std::nullopt, actor, actor));
  }
  CORE_RETURN_IF_ERROR(RecordOutcome(app, db, d, actor, "inspection", outcome,
                                     action == "release" ? "release" : action, reason,
                                     {{"details", details}}));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "declaration.inspection", "declaration",
                                   std::to_string(id), detail, app.Now()));
  return Answer(db, id, detail);
}

}  // namespace server
