// Credit facts and assessments as JSON, and the text entry point the server and the page share.
// Pure.
#include <string>

#include "../api/field_reader.h"
#include "../internal/api_common.h"
#include "core/credit.h"

namespace core {

using internal::ExpectObject;
using internal::ReadBool;
using internal::ReadDate;
using internal::ReadInt;
using internal::ReadString;
using internal::RejectUnknownKeys;

namespace {

constexpr int64_t kMaxCount = 1'000'000'000'000;

struct CountField {
  std::string_view key;
  int64_t CreditFacts::*member;
};

constexpr CountField kCounts[] = {
    {"lists", &CreditFacts::lists},
    {"rejections", &CreditFacts::rejections},
    {"inspections", &CreditFacts::inspections},
    {"inspection_mismatches", &CreditFacts::inspection_mismatches},
    {"risk_hits", &CreditFacts::risk_hits},
    {"patrol_findings", &CreditFacts::patrol_findings},
    {"mystery_discrepancies", &CreditFacts::mystery_discrepancies},
    {"stocktake_differences", &CreditFacts::stocktake_differences},
    {"violations", &CreditFacts::violations},
    {"penalties_fen", &CreditFacts::penalties_fen},
    {"documents_previous_year", &CreditFacts::documents_previous_year},
    {"tax_overdue_days", &CreditFacts::tax_overdue_days},
};

struct FlagField {
  std::string_view key;
  bool CreditFacts::*member;
};

constexpr FlagField kFlags[] = {
    {"certified", &CreditFacts::certified},
    {"advanced_certified", &CreditFacts::advanced_certified},
    {"declarant", &CreditFacts::declarant},
    {"smuggling_penalty", &CreditFacts::smuggling_penalty},
    {"smuggling_crime", &CreditFacts::smuggling_crime},
};

}  // namespace

StatusOr<CreditFacts> CreditFactsFromJson(const Json& obj, std::string_view path) {
  CORE_RETURN_IF_ERROR(ExpectObject(obj, path));
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool known = it.key() == "current_grade";
    for (const CountField& c : kCounts) known = known || it.key() == c.key;
    for (const FlagField& f : kFlags) known = known || it.key() == f.key;
    if (!known) {
      return internal::FieldError(internal::FieldPath(path, it.key()), "is not a credit fact");
    }
  }
  CreditFacts f;
  CORE_ASSIGN_OR_RETURN(f.current_grade, ReadString(obj, "current_grade", path, 64, false));
  for (const CountField& c : kCounts) {
    CORE_ASSIGN_OR_RETURN(std::optional<int64_t> v, ReadInt(obj, c.key, path, 0, kMaxCount, false));
    if (v) f.*c.member = *v;
  }
  for (const FlagField& flag : kFlags) {
    CORE_ASSIGN_OR_RETURN(f.*flag.member, ReadBool(obj, flag.key, path, false));
  }
  return f;
}

Json CreditFactsToJson(const CreditFacts& facts) {
  Json j = {{"current_grade", facts.current_grade}};
  for (const CountField& c : kCounts) j[std::string(c.key)] = facts.*c.member;
  for (const FlagField& f : kFlags) j[std::string(f.key)] = facts.*f.member;
  return j;
}

Json CreditAssessmentToJson(const CreditAssessment& a) {
  Json factors = Json::array();
  for (const CreditFactor& f : a.factors) {
    factors.push_back({{"id", f.id},
                       {"value", f.value},
                       {"full_at", f.full_at},
                       {"weight", f.weight},
                       {"points", f.points},
                       {"explanation_zh", f.explanation_zh},
                       {"explanation_en", f.explanation_en}});
  }
  Json to_lower = Json::array();
  for (const CreditChange& c : a.to_lower) {
    to_lower.push_back({{"factor", c.factor},
                        {"value", c.value},
                        {"to", c.to},
                        {"target_level", c.target_level},
                        {"explanation_zh", c.explanation_zh},
                        {"explanation_en", c.explanation_en}});
  }
  return {{"as_of", a.as_of.ToIso()},
          {"scale", a.scale},
          {"score", a.score},
          {"risk_level", a.risk_level},
          {"recommended_grade", a.recommended_grade},
          {"current_grade", a.current_grade},
          {"change", a.change},
          {"factors", factors},
          {"triggers", FindingsToJson(a.triggers)},
          {"to_lower", to_lower},
          {"measures",
           {{"manual_review_bp", a.measures.manual_review_bp},
            {"inspection_bp", a.measures.inspection_bp},
            {"risk_addon_bp", a.risk_addon_bp},
            {"stocktake_months", a.measures.stocktake_months},
            {"guarantee", a.measures.guarantee}}}};
}

std::string AssessCreditJson(std::string_view request, const Policy& policy) {
  auto run = [&]() -> StatusOr<std::string> {
    CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
    CORE_RETURN_IF_ERROR(RejectUnknownKeys(doc, {"as_of", "facts"}, ""));
    CORE_ASSIGN_OR_RETURN(std::optional<Date> as_of, ReadDate(doc, "as_of", "", true));
    if (!doc.contains("facts")) return internal::FieldError("facts", "is required");
    CORE_ASSIGN_OR_RETURN(CreditFacts facts, CreditFactsFromJson(doc["facts"], "facts"));
    CORE_ASSIGN_OR_RETURN(CreditAssessment a, AssessCredit(facts, *as_of, policy));
    return DumpJson(CreditAssessmentToJson(a));
  };
  return internal::Respond(run());
}

}  // namespace core
