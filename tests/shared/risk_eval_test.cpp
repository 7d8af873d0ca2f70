// core/risk_eval: the models' quality on labelled lists, per model and at an inspection budget,
// with partial labels (only known outcomes count toward precision).
#include "core/risk_eval.h"

#include <doctest/doctest.h>

namespace core {
namespace {

RiskHit Hit(const char* model, int score, std::vector<int64_t> lists) {
  RiskHit h;
  h.model = model;
  h.score = score;
  h.declarations = std::move(lists);
  return h;
}

const RiskModelQuality& Of(const RiskEvaluation& e, const char* model) {
  for (const RiskModelQuality& q : e.models) {
    if (q.model == model) return q;
  }
  FAIL("no model " << model);
  return e.models.front();
}

}  // namespace

TEST_CASE("risk evaluation: per-model precision over known outcomes, recall over all frauds") {
  // 40 lists; outcomes known for 1..10; frauds 1, 2, 3.
  std::set<int64_t> known;
  for (int64_t i = 1; i <= 10; ++i) known.insert(i);
  const std::set<int64_t> frauds = {1, 2, 3};
  const std::vector<RiskHit> hits = {Hit("SHARED_PHONE", 80, {1, 2, 4}),
                                     Hit("SPLIT_UNDER_LIMIT", 30, {3, 20}),
                                     Hit("SPLIT_UNDER_LIMIT", 10, {5})};
  const RiskEvaluation e = EvaluateRiskHits(hits, 40, known, frauds, 50);
  CHECK(e.models.size() == RiskModels().size());
  const RiskModelQuality& phone = Of(e, "SHARED_PHONE");
  CHECK(phone.flagged == 3);
  CHECK(phone.flagged_known == 3);
  CHECK(phone.true_positive == 2);
  CHECK(phone.precision_pm == 666);
  CHECK(phone.recall_pm == 666);
  const RiskModelQuality& split = Of(e, "SPLIT_UNDER_LIMIT");
  CHECK(split.flagged == 3);        // 3, 20 and 5
  CHECK(split.flagged_known == 2);  // 20 has no known outcome
  CHECK(split.true_positive == 1);
  CHECK(split.precision_pm == 500);
  CHECK(Of(e, "ODD_HOURS").flagged == 0);
  // A 5% budget of 40 lists inspects 2: the two lists scored 80 (1 and 2, both frauds).
  CHECK(e.budget == 2);
  CHECK(e.inspected == 2);
  CHECK(e.caught == 2);
  CHECK(e.precision_pm == 1000);
  CHECK(e.recall_pm == 666);
  // A budget of half the lists inspects every listed hit (6 lists), 5 of them known.
  const RiskEvaluation wide = EvaluateRiskHits(hits, 40, known, frauds, 500);
  CHECK(wide.inspected == 6);
  CHECK(wide.inspected_known == 5);
  CHECK(wide.caught == 3);
  CHECK(wide.precision_pm == 600);
  CHECK(RiskEvaluationToJson(wide)["models"].size() == RiskModels().size());
}

}  // namespace core
