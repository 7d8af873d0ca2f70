// core/credit: factor points, risk levels, the legal triggers of the dishonest grades, the grade
// recommended on the scale in force (Decree 282 or 251), what would lower the level, measures,
// the model as policy data and the text entry point.
#include "core/credit.h"

#include <doctest/doctest.h>

#include "verdict_fixtures.h"

namespace core {
namespace {

using testing::Require;
using testing::TestPolicy;

Date D(const char* iso) { return *Date::Parse(iso); }
const Date kAfter282 = D("2026-11-26");
const Date kUnder251 = D("2026-03-01");

CreditAssessment Assess(const CreditFacts& f, const Date& as_of = kAfter282) {
  return Require(AssessCredit(f, as_of, TestPolicy()));
}

const CreditFactor& FactorOf(const CreditAssessment& a, std::string_view id) {
  for (const CreditFactor& f : a.factors) {
    if (f.id == id) return f;
  }
  FAIL("no factor " << id);
  return a.factors.front();
}

bool HasTrigger(const CreditAssessment& a, std::string_view code) {
  for (const Finding& f : a.triggers) {
    if (f.code == code) return true;
  }
  return false;
}

CreditFacts Clean(std::string grade = "regular") {
  CreditFacts f;
  f.current_grade = std::move(grade);
  f.lists = 1000;
  f.inspections = 20;
  f.documents_previous_year = 2000;
  return f;
}

}  // namespace

TEST_CASE("credit: a clean record is low risk and keeps the best grade it may hold") {
  CreditAssessment a = Assess(Clean());
  CHECK(a.scale == "decree282");
  CHECK(a.score == 0);
  CHECK(a.risk_level == "low");
  CHECK(a.recommended_grade == "regular");  // no certification: no certified grade
  CHECK(a.change == "keep");
  CHECK(a.factors.size() == 7);
  CHECK(a.triggers.empty());
  CHECK(a.to_lower.empty());
  CHECK(a.measures.inspection_bp == 300);
  CHECK(a.risk_addon_bp == 0);

  CreditFacts aeo = Clean("advanced_certified");
  aeo.advanced_certified = true;
  a = Assess(aeo);
  CHECK(a.recommended_grade == "advanced_certified");
  CHECK(a.measures.guarantee == "exempt");
  CHECK(a.measures.stocktake_months == 12);

  CreditFacts unset = Clean("");
  unset.certified = true;
  a = Assess(unset);
  CHECK(a.recommended_grade == "certified");
  CHECK(a.change == "set");
}

TEST_CASE("credit: each factor gives its weight in proportion, half up, capped at full weight") {
  CreditFacts f = Clean();
  f.inspections = 20;
  f.inspection_mismatches = 3;  // 150 per mille of 300: 12.5 of 25 points -> 13
  f.rejections = 100;           // 100 per mille, past the full 50: all 10 points
  CreditAssessment a = Assess(f);
  const CreditFactor& mismatch = FactorOf(a, "INSPECTION_MISMATCH_RATE");
  CHECK(mismatch.value == 150);
  CHECK(mismatch.points == 13);
  CHECK(mismatch.weight == 25);
  CHECK(mismatch.explanation_en.find("3 of 20 inspections found a mismatch") != std::string::npos);
  CHECK(mismatch.explanation_en.find("13 of 25 points") != std::string::npos);
  CHECK(mismatch.explanation_zh.find("3/20 次查验不符") != std::string::npos);
  CHECK(FactorOf(a, "REJECTION_RATE").points == 10);
  CHECK(a.score == 23);
  CHECK(a.risk_level == "low");
}

TEST_CASE("credit: medium risk drops one grade among those held, high to the ordinary grade") {
  CreditFacts f = Clean("advanced_certified");
  f.advanced_certified = true;
  f.inspection_mismatches = 6;  // 300 per mille: 25 points
  f.patrol_findings = 1;        // 3 points
  f.stocktake_differences = 1;  // 5 points
  CreditAssessment a = Assess(f);
  CHECK(a.score == 33);
  CHECK(a.risk_level == "medium");
  CHECK(a.recommended_grade == "certified");
  CHECK(a.change == "downgrade");
  CHECK(a.risk_addon_bp == 200);
  CHECK_FALSE(HasTrigger(a, "CREDIT_CERTIFICATION_REVIEW"));

  f.mystery_discrepancies = 2;  // +15
  f.risk_hits = 20;             // 20 per mille of lists: +20
  a = Assess(f);
  CHECK(a.score == 68);
  CHECK(a.risk_level == "high");
  CHECK(a.recommended_grade == "regular");
  CHECK(HasTrigger(a, "CREDIT_CERTIFICATION_REVIEW"));
  CHECK(a.measures.inspection_bp == 300);
  CHECK(a.risk_addon_bp == 1000);
}

TEST_CASE("credit: the legal triggers decide a dishonest grade whatever the score") {
  CreditFacts f = Clean("certified");
  f.certified = true;
  f.smuggling_crime = true;
  CreditAssessment a = Assess(f);
  CHECK(a.recommended_grade == "seriously_dishonest");
  CHECK(HasTrigger(a, "CREDIT_SMUGGLING_CRIME"));
  CHECK(a.measures.inspection_bp == 10000);

  f = Clean();
  f.smuggling_penalty = true;
  CHECK(Assess(f).recommended_grade == "dishonest");

  // Violations above 1 per thousand of last year's 2,000 documents, penalties above 1,000,000.
  f = Clean();
  f.violations = 3;
  f.penalties_fen = 100'000'001;
  a = Assess(f);
  CHECK(a.recommended_grade == "dishonest");
  CHECK(HasTrigger(a, "CREDIT_VIOLATION_RATE"));
  CHECK(a.measures.guarantee == "cash_deposit");
  f.penalties_fen = 100'000'000;  // not above the threshold
  CHECK(Assess(f).recommended_grade == "regular");
  f.declarant = true;  // a declarant's threshold is 300,000 CNY
  CHECK(Assess(f).recommended_grade == "dishonest");
  f.violations = 2;  // exactly 1 per thousand: not above
  CHECK(Assess(f).recommended_grade == "regular");

  f = Clean();
  f.tax_overdue_days = 90;
  CHECK(Assess(f).recommended_grade == "regular");
  f.tax_overdue_days = 91;
  a = Assess(f);
  CHECK(a.recommended_grade == "dishonest");
  CHECK(HasTrigger(a, "CREDIT_TAX_OVERDUE"));
}

TEST_CASE("credit: before 2026-04-01 the Decree 251 three-grade scale applies") {
  CreditFacts f = Clean("advanced_certified");
  f.advanced_certified = true;
  CreditAssessment a = Assess(f, kUnder251);
  CHECK(a.scale == "decree251");
  CHECK(a.recommended_grade == "advanced_certified");
  f.inspection_mismatches = 6;
  f.stocktake_differences = 1;
  a = Assess(f, kUnder251);
  CHECK(a.risk_level == "medium");
  CHECK(a.recommended_grade == "registered");  // 251 has no certified grade between
  f.smuggling_crime = true;
  CHECK(Assess(f, kUnder251).recommended_grade == "dishonest");  // 251's worst grade
}

TEST_CASE("credit: what would lower the level names each sufficient factor's target value") {
  CreditFacts f = Clean();
  f.inspection_mismatches = 6;  // 300 per mille: 25 points
  f.patrol_findings = 5;        // 15 points
  CreditAssessment a = Assess(f);
  REQUIRE(a.score == 40);
  REQUIRE(a.risk_level == "medium");
  // 11 points must go: inspection mismatches to 173 per mille (14 points) or patrol findings to
  // 1 (3 points); the other factors have no points to give.
  REQUIRE(a.to_lower.size() == 2);
  CHECK(a.to_lower[0].factor == "INSPECTION_MISMATCH_RATE");
  CHECK(a.to_lower[0].to == 173);
  CHECK(a.to_lower[0].target_level == "low");
  CHECK(a.to_lower[1].factor == "PATROL_FINDINGS");
  CHECK(a.to_lower[1].to == 1);
  CHECK(a.to_lower[1].explanation_en.find("from 5 down to 1") != std::string::npos);
  // Checking the claim: at those values the level is low.
  f.patrol_findings = 1;
  CHECK(Assess(f).risk_level == "low");
  f.patrol_findings = 2;
  CHECK(Assess(f).risk_level == "medium");
}

TEST_CASE("credit: a dishonest enterprise with a clean record needs credit repair") {
  CreditAssessment a = Assess(Clean("dishonest"));
  CHECK(a.recommended_grade == "regular");
  CHECK(a.change == "upgrade");
  CHECK(HasTrigger(a, "CREDIT_REPAIR_REQUIRED"));
}

TEST_CASE("credit: the model is policy data, read strictly") {
  Json doc = testing::TestPolicyJson();
  doc["credit_model"] = {{"factors",
                          {{{"id", "INSPECTION_MISMATCH_RATE"}, {"weight", 60}, {"full_at", 100}},
                           {{"id", "VIOLATIONS"}, {"weight", 40}, {"full_at", 1}}}},
                         {"medium_from", 20},
                         {"high_from", 50}};
  Policy p = Require(PolicyFromJson(doc));
  CreditFacts f = Clean();
  f.violations = 1;
  CreditAssessment a = Require(AssessCredit(f, kAfter282, p));
  CHECK(a.factors.size() == 2);
  CHECK(a.score == 40);
  CHECK(a.risk_level == "medium");
  CHECK(Require(CreditModelFromJson(CreditModelToJson(p.credit), "")).factors.size() == 2);

  auto refused = [&](Json model, std::string_view field) {
    Json d = testing::TestPolicyJson();
    d["credit_model"] = std::move(model);
    StatusOr<Policy> r = PolicyFromJson(d);
    REQUIRE_FALSE(r.ok());
    CHECK_MESSAGE(r.status().message().find(field) != std::string::npos, r.status().message());
  };
  refused({{"factors", {{{"id", "VIOLATIONS"}, {"weight", 50}, {"full_at", 1}}}}},
          "credit_model.factors");  // weights sum to 50
  refused({{"factors", {{{"id", "SHOE_SIZE"}, {"weight", 100}, {"full_at", 1}}}}},
          "credit_model.factors[0].id");
  refused({{"medium_from", 70}}, "credit_model.medium_from");  // above high_from
  refused({{"high_form", 70}}, "credit_model.high_form");
}

TEST_CASE("credit: the text entry point gives the typed result, errors name the field") {
  CreditFacts f = Clean("certified");
  f.certified = true;
  f.patrol_findings = 2;
  const Json request = {{"as_of", "2026-11-26"}, {"facts", CreditFactsToJson(f)}};
  const std::string text = AssessCreditJson(DumpJson(request), TestPolicy());
  CHECK(text == DumpJson(CreditAssessmentToJson(Assess(f))));
  CHECK(Require(CreditFactsFromJson(CreditFactsToJson(f), "")).patrol_findings == 2);

  const std::string unknown = AssessCreditJson(
      R"({"as_of": "2026-11-26", "facts": {"lists": 3, "lits": 4}})", TestPolicy());
  CHECK(unknown.find("facts.lits") != std::string::npos);
  const std::string negative =
      AssessCreditJson(R"({"as_of": "2026-11-26", "facts": {"lists": -1}})", TestPolicy());
  CHECK(negative.find("facts.lists") != std::string::npos);
  CHECK(AssessCreditJson(R"({"facts": {}})", TestPolicy()).find("as_of") != std::string::npos);
  CHECK(AssessCreditJson(R"({"as_of": "2019-01-01", "facts": {}})", TestPolicy())
            .find("no credit grade scale") != std::string::npos);
}

}  // namespace core
