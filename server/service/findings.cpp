// Findings and answers: visibility, validation, audit.
#include "service/findings.h"

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/json_text.h"

namespace server {

namespace {

constexpr size_t kMaxText = 2000;

core::StatusOr<core::Json> WithAnswers(Db& db, const FindingRow& f) {
  core::Json j = FindingRowJson(f);
  CORE_ASSIGN_OR_RETURN(std::vector<FindingResponse> answers,
                        ListFindingResponses(db, f.object_type, f.object_id));
  j["answers"] = core::Json::array();
  for (const FindingResponse& r : answers) j["answers"].push_back(FindingResponseJson(r));
  return j;
}

core::StatusOr<FindingRow> Visible(Db& db, const Actor& actor, std::string_view type, int64_t id) {
  const auto not_found = [&] {
    return core::NotFoundError("no finding on " + std::string(type) + " " + std::to_string(id));
  };
  if (!IsFindingObjectType(type)) return not_found();
  CORE_ASSIGN_OR_RETURN(std::optional<FindingRow> f, FindFinding(db, type, id));
  if (!f || (actor.is_enterprise() && actor.enterprise_id != f->enterprise_id)) {
    return not_found();
  }
  return *std::move(f);
}

}  // namespace

core::StatusOr<core::Json> ListFindingsFor(Db& db, const Actor& actor, FindingFilter filter,
                                           const Page& page) {
  if (actor.is_enterprise()) {
    if (!actor.enterprise_id) return core::NotFoundError("this account has no enterprise");
    filter.enterprise_id = actor.enterprise_id;
  }
  if (!filter.state.empty() && filter.state != "open" && filter.state != "answered" &&
      filter.state != "closed") {
    return core::InvalidArgumentError("state must be open, answered or closed");
  }
  CORE_ASSIGN_OR_RETURN(ListResult<FindingRow> list, ListFindings(db, filter, page));
  core::Json items = core::Json::array();
  for (const FindingRow& f : list.items) {
    CORE_ASSIGN_OR_RETURN(core::Json j, WithAnswers(db, f));
    items.push_back(std::move(j));
  }
  return core::Json{{"items", std::move(items)}, {"total", list.total}};
}

core::StatusOr<core::Json> RespondToFinding(App& app, Db& db, const Actor& actor,
                                            const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  if (!actor.is_enterprise()) {
    return core::PermissionDeniedError("only the enterprise answers its findings");
  }
  CORE_ASSIGN_OR_RETURN(std::string type, BodyString(body, "object_type", kMaxText, true));
  core::StatusOr<int64_t> id = core::RequiredInt(body, "object_id");
  if (!id.ok()) return core::InvalidArgumentError("field 'object_id' is required (an integer)");
  CORE_ASSIGN_OR_RETURN(std::string kind, BodyString(body, "kind", kMaxText, true));
  if (kind != "explanation" && kind != "correction") {
    return core::InvalidArgumentError("field 'kind' must be explanation or correction");
  }
  CORE_ASSIGN_OR_RETURN(std::string text, BodyString(body, "text", kMaxText, true));
  CORE_ASSIGN_OR_RETURN(FindingRow f, Visible(db, actor, type, *id));
  if (f.state != "open") {
    return core::FailedPreconditionError(
        f.state == "answered" ? "the last answer to this finding waits for an officer's review"
                              : "this finding is closed");
  }
  FindingResponse r;
  r.object_type = f.object_type;
  r.object_id = f.object_id;
  r.enterprise_id = f.enterprise_id;
  r.kind = kind;
  r.text = text;
  r.created_by = actor.user_id;
  r.created_by_name = actor.name;
  r.created_at = FormatUtcIso(app.Now());
  CORE_ASSIGN_OR_RETURN(r.id, InsertFindingResponse(db, r));
  CORE_RETURN_IF_ERROR(
      AppendAudit(db, actor, "finding.answer", f.object_type, std::to_string(f.object_id),
                  {{"response_id", r.id}, {"kind", kind}, {"code", f.code}}, app.Now()));
  CORE_ASSIGN_OR_RETURN(FindingRow now, Visible(db, actor, type, *id));
  CORE_ASSIGN_OR_RETURN(core::Json finding, WithAnswers(db, now));
  return core::Json{{"response", FindingResponseJson(r)}, {"finding", std::move(finding)}};
}

core::StatusOr<core::Json> ReviewFindingAnswer(App& app, Db& db, const Actor& actor,
                                               int64_t response_id, const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  CORE_ASSIGN_OR_RETURN(std::string decision, BodyString(body, "decision", kMaxText, true));
  if (decision != "accepted" && decision != "rejected") {
    return core::InvalidArgumentError("field 'decision' must be accepted or rejected");
  }
  CORE_ASSIGN_OR_RETURN(std::string note,
                        BodyString(body, "note", kMaxText, decision == "rejected"));
  CORE_ASSIGN_OR_RETURN(std::optional<FindingResponse> r, FindFindingResponse(db, response_id));
  if (!r) return core::NotFoundError("no answer " + std::to_string(response_id));
  const std::string at = FormatUtcIso(app.Now());
  CORE_ASSIGN_OR_RETURN(bool reviewed,
                        ReviewFindingResponse(db, response_id, decision, note, actor.name, at));
  if (!reviewed) return core::FailedPreconditionError("this answer was already reviewed");
  CORE_RETURN_IF_ERROR(AppendAudit(
      db, actor, "finding.review", r->object_type, std::to_string(r->object_id),
      {{"response_id", response_id}, {"decision", decision}, {"note", note}}, app.Now()));
  CORE_ASSIGN_OR_RETURN(std::optional<FindingResponse> after, FindFindingResponse(db, response_id));
  CORE_ASSIGN_OR_RETURN(FindingRow f, Visible(db, actor, r->object_type, r->object_id));
  CORE_ASSIGN_OR_RETURN(core::Json finding, WithAnswers(db, f));
  return core::Json{{"response", FindingResponseJson(*after)}, {"finding", std::move(finding)}};
}

}  // namespace server
