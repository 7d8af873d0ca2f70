// Application submission, evaluation and decisions.
#include "service/applications.h"

#include "audit/audit_log.h"
#include "common/crypto.h"
#include "common/json_text.h"
#include "core/verdict_api.h"
#include "service/users.h"

namespace server {

namespace {
constexpr size_t kMaxReasonBytes = 1000;

EnterpriseRecord EnterpriseFromApplication(const core::EnterpriseApplication& a) {
  EnterpriseRecord e;
  e.name = a.name;
  e.uscc = a.uscc;
  e.customs_code = a.customs_code;
  e.overseas = a.overseas;
  e.country = a.country;
  e.roles = a.roles;
  e.shop_urls = a.shop_urls;
  return e;
}

std::vector<QualificationRecord> QualificationsFromApplication(
    const core::EnterpriseApplication& a) {
  std::vector<QualificationRecord> out;
  for (const core::Qualification& q : a.qualifications) {
    QualificationRecord r;
    r.type = q.type;
    r.number = q.number;
    r.issuer = q.issuer;
    if (q.valid_from) r.valid_from = q.valid_from->ToIso();
    if (q.valid_to) r.valid_to = q.valid_to->ToIso();
    r.agent_uscc = q.agent_uscc;
    out.push_back(std::move(r));
  }
  return out;
}

// The error codes of a verdict, for the refusal message.
std::string ErrorCodes(const std::string& verdict_text) {
  core::StatusOr<core::Json> v = core::ParseJson(verdict_text);
  std::string codes;
  if (!v.ok() || !v->is_object()) return codes;
  auto it = v->find("findings");
  if (it == v->end() || !it->is_array()) return codes;
  for (const core::Json& f : *it) {
    if (!f.is_object()) continue;
    auto sev = f.find("severity");
    auto code = f.find("code");
    if (sev != f.end() && sev->is_string() && sev->get<std::string>() == "error" &&
        code != f.end() && code->is_string()) {
      if (!codes.empty()) codes += ", ";
      codes += code->get<std::string>();
    }
  }
  return codes;
}
}  // namespace

core::Status CheckEnterpriseVisible(const Actor& actor, int64_t enterprise_id) {
  if (actor.is_enterprise() && actor.enterprise_id != enterprise_id) {
    // 404, not 403: ids of other enterprises' objects must not leak their existence.
    return core::NotFoundError("not found");
  }
  return core::OkStatus();
}

core::StatusOr<StoredVerdict> EvaluateApplication(const ReferenceData& ref,
                                                  const core::Json& application,
                                                  const core::Date& date) {
  core::Json request = {{"application", application}, {"decision_date", date.ToIso()}};
  StoredVerdict v;
  v.text = core::EvaluateAdmissionJson(core::DumpJson(request), ref.tables, ref.policy);
  CORE_ASSIGN_OR_RETURN(core::Json parsed, CoreResult(v.text));
  CORE_ASSIGN_OR_RETURN(v.outcome, core::RequiredString(parsed, "outcome"));
  CORE_ASSIGN_OR_RETURN(v.policy_version, core::OptionalString(parsed, "policy_version"));
  return v;
}

core::StatusOr<PreparedSubmission> PrepareSubmission(const App& app, const Actor& actor,
                                                     const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  auto app_it = body.find("application");
  if (app_it == body.end() || !app_it->is_object()) {
    return core::InvalidArgumentError("field 'application' is required and must be an object");
  }
  // The core reports empty values as findings; absent keys are a malformed request.
  for (const char* key : {"name", "customs_code", "roles", "qualifications"}) {
    if (!app_it->contains(key)) {
      return core::InvalidArgumentError("field 'application." + std::string(key) + "' is required");
    }
  }
  PreparedSubmission p;
  p.application = *app_it;
  core::StatusOr<core::EnterpriseApplication> parsed = core::ApplicationFromJson(p.application);
  if (!parsed.ok()) return core::InvalidArgumentError(parsed.status().message());
  p.parsed = *std::move(parsed);

  auto acc_it = body.find("account");
  if (acc_it != body.end() && !acc_it->is_null()) {
    if (actor.is_enterprise()) {
      return core::InvalidArgumentError(
          "field 'account' is not allowed: an enterprise user submits for its own enterprise");
    }
    if (!acc_it->is_object())
      return core::InvalidArgumentError("field 'account' must be an object");
    core::Json user = *acc_it;
    user["role"] = "enterprise";
    user["enterprise_id"] = 0;  // placeholder; the real id is known at commit
    core::StatusOr<UserRecord> account = PrepareUser(user, app.config().password);
    if (!account.ok()) {
      return core::InvalidArgumentError("account: " + account.status().message());
    }
    p.account = *std::move(account);
  }
  std::shared_ptr<const ReferenceData> ref = app.reference();
  CORE_ASSIGN_OR_RETURN(p.verdict, EvaluateApplication(*ref, p.application, app.Today()));
  return p;
}

core::StatusOr<ApplicationRecord> CommitSubmission(App& app, Db& db, const Actor& actor,
                                                   PreparedSubmission p) {
  int64_t now = app.Now();
  std::string at = FormatUtcIso(now);
  int64_t enterprise_id = 0;
  if (actor.is_enterprise()) {
    if (!actor.enterprise_id) return core::PermissionDeniedError("no enterprise bound to user");
    enterprise_id = *actor.enterprise_id;
    CORE_ASSIGN_OR_RETURN(bool pending, HasSubmittedApplication(db, enterprise_id));
    if (pending) {
      return core::FailedPreconditionError(
          "the enterprise already has an application awaiting a decision");
    }
  } else {
    EnterpriseRecord e = EnterpriseFromApplication(p.parsed);
    e.status = "pending";
    e.created_at = at;
    e.updated_at = at;
    CORE_ASSIGN_OR_RETURN(enterprise_id, InsertEnterprise(db, e));
    CORE_RETURN_IF_ERROR(
        ReplaceQualifications(db, enterprise_id, QualificationsFromApplication(p.parsed)));
    core::Json detail = {{"name", e.name}, {"uscc", e.uscc}, {"status", e.status}};
    CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "enterprise.create", "enterprise",
                                     std::to_string(enterprise_id), detail, now));
    if (p.account) {
      p.account->enterprise_id = enterprise_id;
      CORE_RETURN_IF_ERROR(CreateUser(db, actor, *std::move(p.account), now).status());
    }
  }
  ApplicationRecord a;
  a.enterprise_id = enterprise_id;
  a.name = p.parsed.name;
  a.uscc = p.parsed.uscc;
  a.status = "submitted";
  a.outcome = p.verdict.outcome;
  a.application = core::DumpJson(core::ApplicationToJson(p.parsed));
  a.verdict = p.verdict.text;
  a.policy_version = p.verdict.policy_version;
  a.submitted_by = actor.user_id;
  a.submitted_at = at;
  CORE_ASSIGN_OR_RETURN(a.id, InsertApplication(db, a));
  core::Json detail = {{"enterprise_id", enterprise_id},
                       {"outcome", a.outcome},
                       {"policy_version", a.policy_version},
                       {"decision_date", app.Today().ToIso()},
                       {"verdict_sha256", Sha256Hex(a.verdict)}};
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "application.submit", "application",
                                   std::to_string(a.id), detail, now));
  return a;
}

core::StatusOr<ApplicationRecord> GetApplicationFor(Db& db, const Actor& actor, int64_t id) {
  CORE_ASSIGN_OR_RETURN(std::optional<ApplicationRecord> a, FindApplication(db, id));
  if (!a) return core::NotFoundError("application " + std::to_string(id) + " not found");
  CORE_RETURN_IF_ERROR(CheckEnterpriseVisible(actor, a->enterprise_id));
  return *std::move(a);
}

core::StatusOr<ApplicationRecord> DecideApplication(App& app, Db& db, const Actor& actor,
                                                    int64_t id, const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  CORE_ASSIGN_OR_RETURN(std::string decision, core::RequiredString(body, "decision", 16));
  if (decision != "approve" && decision != "reject") {
    return core::InvalidArgumentError("field 'decision' must be \"approve\" or \"reject\"");
  }
  CORE_ASSIGN_OR_RETURN(std::string reason, core::RequiredString(body, "reason", kMaxReasonBytes));
  CORE_ASSIGN_OR_RETURN(ApplicationRecord a, GetApplicationFor(db, actor, id));
  if (a.status != "submitted") {
    return core::FailedPreconditionError("application " + std::to_string(id) + " was already " +
                                         a.status);
  }
  CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> enterprise,
                        FindEnterprise(db, a.enterprise_id));
  if (!enterprise) return core::InternalError("application without its enterprise");

  int64_t now = app.Now();
  std::string at = FormatUtcIso(now);
  core::Date today = app.Today();
  core::Json detail = {
      {"enterprise_id", a.enterprise_id}, {"reason", reason}, {"decision_date", today.ToIso()}};
  if (decision == "approve") {
    core::StatusOr<core::Json> stored = core::ParseJson(a.application);
    if (!stored.ok()) return core::InternalError("stored application is not JSON");
    std::shared_ptr<const ReferenceData> ref = app.reference();
    CORE_ASSIGN_OR_RETURN(StoredVerdict v, EvaluateApplication(*ref, *stored, today));
    if (v.outcome != "eligible") {
      return core::FailedPreconditionError("application " + std::to_string(id) +
                                           " is ineligible on " + today.ToIso() + ": " +
                                           ErrorCodes(v.text));
    }
    core::StatusOr<core::EnterpriseApplication> parsed = core::ApplicationFromJson(*stored);
    if (!parsed.ok()) return core::InternalError("stored application no longer parses");
    EnterpriseRecord e = EnterpriseFromApplication(*parsed);
    e.id = a.enterprise_id;
    e.updated_at = at;
    CORE_RETURN_IF_ERROR(UpdateEnterpriseData(db, e));
    CORE_RETURN_IF_ERROR(ReplaceQualifications(db, e.id, QualificationsFromApplication(*parsed)));
    CORE_RETURN_IF_ERROR(SetEnterpriseStatus(db, e.id, "admitted", at));
    a.status = "approved";
    a.outcome = v.outcome;
    a.verdict = v.text;
    a.policy_version = v.policy_version;
    detail["outcome"] = v.outcome;
    detail["policy_version"] = v.policy_version;
    detail["enterprise_status"] = "admitted";
  } else {
    a.status = "rejected";
    // Rejecting an amendment does not withdraw an admission already granted.
    std::string status = enterprise->status == "admitted" ? "admitted" : "rejected";
    CORE_RETURN_IF_ERROR(SetEnterpriseStatus(db, a.enterprise_id, status, at));
    detail["outcome"] = a.outcome;
    detail["enterprise_status"] = status;
  }
  a.decided_by = actor.user_id;
  a.decided_at = at;
  a.decision_reason = reason;
  CORE_RETURN_IF_ERROR(UpdateApplicationDecision(db, a));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "application." + decision, "application",
                                   std::to_string(a.id), detail, now));
  return a;
}

}  // namespace server
