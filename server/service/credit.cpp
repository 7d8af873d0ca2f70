// Enterprise credit: facts from the store, the core's assessment, decisions and violations.
#include "service/credit.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "service/applications.h"
#include "service/routing.h"
#include "store/credit_repo.h"
#include "store/enterprises_repo.h"
#include "store/queues_repo.h"
#include "store/routing_repo.h"

namespace server {

namespace {

constexpr int64_t kTrendLength = 12;
constexpr int64_t kPeriodDays = 364;  // the assessed year ends on as_of, inclusive

core::StatusOr<EnterpriseRecord> Enterprise(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> e, FindEnterprise(db, id));
  if (!e) return core::NotFoundError("enterprise " + std::to_string(id) + " not found");
  return *std::move(e);
}

core::Json MeasuresJson(const core::Policy& policy, const std::string& grade,
                        const std::string& level) {
  auto m = policy.measures.find(grade);
  auto addon = policy.risk_level_addon_bp.find(level);
  if (m == policy.measures.end()) return nullptr;
  return {{"manual_review_bp", m->second.manual_review_bp},
          {"inspection_bp", m->second.inspection_bp},
          {"risk_addon_bp", addon == policy.risk_level_addon_bp.end() ? 0 : addon->second},
          {"stocktake_months", m->second.stocktake_months},
          {"guarantee", m->second.guarantee}};
}

}  // namespace

core::StatusOr<core::CreditFacts> GatherCreditFacts(Db& db, int64_t enterprise_id,
                                                    const core::Date& as_of) {
  CORE_ASSIGN_OR_RETURN(EnterpriseRecord e, Enterprise(db, enterprise_id));
  const std::string from = as_of.AddDays(-kPeriodDays).ToIso();
  const std::string to = as_of.ToIso();
  core::CreditFacts f;
  CORE_ASSIGN_OR_RETURN(std::optional<CreditRecord> credit, FindCredit(db, enterprise_id));
  if (credit) f.current_grade = credit->grade;
  f.advanced_certified = f.current_grade == "advanced_certified";
  f.certified = f.advanced_certified || f.current_grade == "certified";
  CORE_ASSIGN_OR_RETURN(HistoryCounts h, CountHistory(db, e.customs_code, from, to));
  f.lists = h.lists;
  f.rejections = h.rejections;
  f.inspections = h.inspections;
  f.inspection_mismatches = std::min(h.mismatches, h.inspections);
  CORE_ASSIGN_OR_RETURN(CreditCounts c,
                        CountCreditFacts(db, enterprise_id, e.customs_code, from, to));
  f.risk_hits = c.risk_hits;
  f.patrol_findings = c.patrol_findings;
  f.mystery_discrepancies = c.mystery_discrepancies;
  f.stocktake_differences = c.stocktake_differences;
  f.violations = c.violations;
  f.penalties_fen = c.penalties_fen;
  f.smuggling_penalty = c.smuggling_penalty;
  f.smuggling_crime = c.smuggling_crime;
  f.tax_overdue_days = c.tax_overdue_days;
  const int last_year = as_of.year() - 1;
  CORE_ASSIGN_OR_RETURN(f.documents_previous_year,
                        CountDeclaredLists(db, e.customs_code, std::to_string(last_year) + "-01-01",
                                           std::to_string(last_year) + "-12-31"));
  return f;
}

core::StatusOr<core::Json> AssessEnterpriseCredit(App& app, Db& db, const Actor& actor,
                                                  int64_t enterprise_id) {
  const core::Date today = app.Today();
  CORE_ASSIGN_OR_RETURN(core::CreditFacts facts, GatherCreditFacts(db, enterprise_id, today));
  std::shared_ptr<const ReferenceData> ref = app.reference();
  CORE_ASSIGN_OR_RETURN(core::CreditAssessment result,
                        core::AssessCredit(facts, today, ref->policy));
  AssessmentRecord a;
  a.enterprise_id = enterprise_id;
  a.as_of = today.ToIso();
  a.period_from = today.AddDays(-kPeriodDays).ToIso();
  a.policy_version = ref->policy.version;
  a.facts = core::DumpJson(core::CreditFactsToJson(facts));
  a.result = core::DumpJson(core::CreditAssessmentToJson(result));
  a.score = result.score;
  a.risk_level = result.risk_level;
  a.recommended_grade = result.recommended_grade;
  a.created_by = actor.user_id;
  a.created_by_name = actor.name;
  a.created_at = FormatUtcIso(app.Now());
  CORE_ASSIGN_OR_RETURN(a.id, InsertAssessment(db, a));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "credit.assess", "enterprise",
                                   std::to_string(enterprise_id),
                                   {{"assessment_id", a.id},
                                    {"score", a.score},
                                    {"risk_level", a.risk_level},
                                    {"recommended_grade", a.recommended_grade}},
                                   app.Now()));
  return core::Json{{"assessment", AssessmentJson(a, true)}};
}

core::StatusOr<core::Json> DecideEnterpriseCredit(App& app, Db& db, const Actor& actor,
                                                  int64_t enterprise_id, const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  CORE_ASSIGN_OR_RETURN(EnterpriseRecord e, Enterprise(db, enterprise_id));
  core::StatusOr<int64_t> assessment_id = core::RequiredInt(body, "assessment_id");
  if (!assessment_id.ok()) {
    return core::InvalidArgumentError("field 'assessment_id' is required (an integer)");
  }
  CORE_ASSIGN_OR_RETURN(std::string action, BodyString(body, "action", 16, true));
  if (action != "confirm" && action != "override") {
    return core::InvalidArgumentError("field 'action' must be confirm or override");
  }
  CORE_ASSIGN_OR_RETURN(std::string reason, BodyString(body, "reason", 2000, action == "override"));
  CORE_ASSIGN_OR_RETURN(std::optional<AssessmentRecord> a, FindAssessment(db, *assessment_id));
  if (!a || a->enterprise_id != enterprise_id) {
    return core::NotFoundError("assessment " + std::to_string(*assessment_id) + " of enterprise " +
                               std::to_string(enterprise_id) + " not found");
  }
  CORE_ASSIGN_OR_RETURN(std::vector<AssessmentRecord> newest,
                        ListAssessments(db, enterprise_id, 1));
  if (newest.empty() || newest.front().id != a->id) {
    return core::FailedPreconditionError("assessment " + std::to_string(a->id) +
                                         " is not the enterprise's newest: decide on the newest");
  }
  CreditDecisionRecord d;
  d.enterprise_id = enterprise_id;
  d.assessment_id = a->id;
  d.action = action;
  d.reason = reason;
  d.grade = a->recommended_grade;
  d.risk_level = a->risk_level;
  if (action == "override") {
    CORE_ASSIGN_OR_RETURN(d.grade, BodyString(body, "grade", 64, true));
    CORE_ASSIGN_OR_RETURN(d.risk_level, BodyString(body, "risk_level", 16, true));
    if (d.risk_level != "low" && d.risk_level != "medium" && d.risk_level != "high") {
      return core::InvalidArgumentError("field 'risk_level' must be low, medium or high");
    }
    std::shared_ptr<const ReferenceData> ref = app.reference();
    const core::GradeScale* scale = ref->policy.ScaleOn(app.Today());
    const bool known =
        scale != nullptr && std::any_of(scale->grades.begin(), scale->grades.end(),
                                        [&](const core::Grade& g) { return g.id == d.grade; });
    if (!known) {
      return core::InvalidArgumentError("field 'grade' must be a grade of the scale in force (" +
                                        std::string(scale ? scale->id : "none") + ")");
    }
  }
  d.decided_by = actor.user_id;
  d.decided_by_name = actor.name;
  d.decided_at = FormatUtcIso(app.Now());
  CORE_ASSIGN_OR_RETURN(d.id, InsertCreditDecision(db, d));
  CreditRecord c;
  c.enterprise_id = enterprise_id;
  c.grade = d.grade;
  c.risk_level = d.risk_level;
  c.risk_score = a->score;
  c.updated_by = actor.name;
  c.updated_at = d.decided_at;
  CORE_RETURN_IF_ERROR(PutCredit(db, c));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "credit.decide", "enterprise",
                                   std::to_string(enterprise_id),
                                   {{"decision_id", d.id},
                                    {"assessment_id", a->id},
                                    {"action", action},
                                    {"grade", d.grade},
                                    {"risk_level", d.risk_level},
                                    {"recommended_grade", a->recommended_grade},
                                    {"reason", reason},
                                    {"customs_code", e.customs_code}},
                                   app.Now()));
  return core::Json{{"decision", CreditDecisionJson(d)}, {"credit", CreditJson(c)}};
}

core::StatusOr<core::Json> RecordViolation(App& app, Db& db, const Actor& actor,
                                           int64_t enterprise_id, const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  CORE_RETURN_IF_ERROR(Enterprise(db, enterprise_id).status());  // NotFound for none
  ViolationRecord v;
  v.enterprise_id = enterprise_id;
  CORE_ASSIGN_OR_RETURN(v.kind, BodyString(body, "kind", 32, true));
  if (v.kind != "violation" && v.kind != "smuggling_penalty" && v.kind != "smuggling_crime" &&
      v.kind != "tax_overdue") {
    return core::InvalidArgumentError(
        "field 'kind' must be violation, smuggling_penalty, smuggling_crime or tax_overdue");
  }
  CORE_ASSIGN_OR_RETURN(std::string decided_on, BodyString(body, "decided_on", 10, true));
  core::StatusOr<core::Date> date = core::Date::Parse(decided_on);
  if (!date.ok() || *date > app.Today()) {
    return core::InvalidArgumentError(
        "field 'decided_on' must be a date (YYYY-MM-DD), not later "
        "than today");
  }
  v.decided_on = date->ToIso();
  core::StatusOr<std::optional<int64_t>> penalty = core::OptionalInt(body, "penalty_fen");
  if (!penalty.ok() || (*penalty && (**penalty < 0 || **penalty > core::kMaxFen))) {
    return core::InvalidArgumentError("field 'penalty_fen' must be a non-negative integer (fen)");
  }
  v.penalty_fen = penalty->value_or(0);
  core::StatusOr<std::optional<int64_t>> overdue = core::OptionalInt(body, "overdue_days");
  if (!overdue.ok() || (*overdue && (**overdue < 0 || **overdue > 36600))) {
    return core::InvalidArgumentError("field 'overdue_days' must be a non-negative integer");
  }
  v.overdue_days = overdue->value_or(0);
  if (v.kind == "tax_overdue" && v.overdue_days <= 0) {
    return core::InvalidArgumentError("field 'overdue_days' is required for tax_overdue");
  }
  CORE_ASSIGN_OR_RETURN(v.reference, BodyString(body, "reference", 128, true));
  CORE_ASSIGN_OR_RETURN(v.description, BodyString(body, "description", 2000, true));
  v.created_by = actor.user_id;
  v.created_at = FormatUtcIso(app.Now());
  CORE_ASSIGN_OR_RETURN(v.id, InsertViolation(db, v));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "credit.violation", "enterprise",
                                   std::to_string(enterprise_id), ViolationJson(v), app.Now()));
  return core::Json{{"violation", ViolationJson(v)}};
}

core::StatusOr<core::Json> EnterpriseCreditProfile(App& app, Db& db, const Actor& actor,
                                                   int64_t enterprise_id) {
  CORE_RETURN_IF_ERROR(CheckEnterpriseVisible(actor, enterprise_id));
  CORE_ASSIGN_OR_RETURN(EnterpriseRecord e, Enterprise(db, enterprise_id));
  std::shared_ptr<const ReferenceData> ref = app.reference();
  const core::Date today = app.Today();
  core::Json out = {
      {"enterprise", {{"id", e.id}, {"name", e.name}, {"customs_code", e.customs_code}}}};
  CORE_ASSIGN_OR_RETURN(std::optional<CreditRecord> credit, FindCredit(db, enterprise_id));
  out["credit"] = credit ? CreditJson(*credit) : core::Json(nullptr);
  const std::string grade = credit ? credit->grade : OrdinaryGrade(ref->policy, today);
  out["measures"] = MeasuresJson(ref->policy, grade, credit ? credit->risk_level : "low");
  CORE_ASSIGN_OR_RETURN(std::vector<AssessmentRecord> assessments,
                        ListAssessments(db, enterprise_id, kTrendLength));
  out["assessment"] =
      assessments.empty() ? core::Json(nullptr) : AssessmentJson(assessments.front(), true);
  core::Json trend = core::Json::array();
  for (auto it = assessments.rbegin(); it != assessments.rend(); ++it) {
    trend.push_back(AssessmentJson(*it, false));
  }
  out["trend"] = std::move(trend);  // oldest first
  CORE_ASSIGN_OR_RETURN(std::vector<CreditDecisionRecord> decisions,
                        ListCreditDecisions(db, enterprise_id, kTrendLength));
  out["decisions"] = core::Json::array();
  for (const CreditDecisionRecord& d : decisions) out["decisions"].push_back(CreditDecisionJson(d));
  CORE_ASSIGN_OR_RETURN(std::vector<ViolationRecord> violations, ListViolations(db, enterprise_id));
  out["violations"] = core::Json::array();
  for (const ViolationRecord& v : violations) out["violations"].push_back(ViolationJson(v));
  CORE_ASSIGN_OR_RETURN(
      std::vector<MonthlyOutcome> months,
      MonthlyOutcomes(db, e.customs_code, today.AddDays(-kPeriodDays).ToIso(), today.ToIso()));
  out["monthly"] = core::Json::array();
  for (const MonthlyOutcome& m : months) {
    out["monthly"].push_back({{"month", m.month},
                              {"lists", m.screened},
                              {"inspections", m.inspections},
                              {"mismatches", m.mismatches},
                              {"rejections", m.rejections}});
  }
  return out;
}

}  // namespace server
