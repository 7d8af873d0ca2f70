// core/learned and core/learned_features: evaluating exported trees the way XGBoost does
// (splits, missing values, the base margin), explaining a score by contributions that add up to
// it, the model's JSON checks, and the columns built from lists and risk hits.
#include "core/learned.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/learned_features.h"
#include "risk_fixtures.h"

namespace core {
namespace {

const float kMissing = std::numeric_limits<float>::quiet_NaN();

// Two columns. Tree 0: x0 < 10 ? (x1 < 1 ? -1 : 0.5) : 2, missing x0 goes right, missing x1
// left. Tree 1: x1 < 3 ? 0.25 : -0.75, missing right. Covers make the means easy to check.
TreeEnsemble TwoTrees() {
  TreeEnsemble m;
  m.features = {"a", "b"};
  m.base_margin = 0.5f;
  Tree t0;
  t0.nodes = {{1, 2, 0, 10.0f, false, 0, 4},
              {3, 4, 1, 1.0f, true, 0, 3},
              {-1, -1, 0, 0, true, 2.0f, 1},
              {-1, -1, 0, 0, true, -1.0f, 1},
              {-1, -1, 0, 0, true, 0.5f, 2}};
  Tree t1;
  t1.nodes = {{1, 2, 1, 3.0f, false, 0, 4},
              {-1, -1, 0, 0, true, 0.25f, 2},
              {-1, -1, 0, 0, true, -0.75f, 2}};
  m.trees = {t0, t1};
  return m;
}

TEST_CASE("learned score: the leaves reached, added to the base margin") {
  const TreeEnsemble m = TwoTrees();
  CHECK(LearnedMargin(m, {5, 0}) == doctest::Approx(0.5 - 1.0 + 0.25));
  CHECK(LearnedMargin(m, {5, 2}) == doctest::Approx(0.5 + 0.5 + 0.25));
  CHECK(LearnedMargin(m, {10, 7}) == doctest::Approx(0.5 + 2.0 - 0.75));  // 10 is not < 10
  // Missing values take each node's default way.
  CHECK(LearnedMargin(m, {kMissing, kMissing}) == doctest::Approx(0.5 + 2.0 - 0.75));
  CHECK(LearnedMargin(m, {1, kMissing}) == doctest::Approx(0.5 - 1.0 - 0.75));
  CHECK(ScorePerMille(0.0f) == 500);
  CHECK(ScorePerMille(1.75f) == 852);  // 1 / (1 + e^-1.75) = 0.8520
  CHECK(ScorePerMille(-30.0f) == 0);
}

TEST_CASE("learned score: contributions and bias add up to the margin, per feature") {
  const TreeEnsemble m = TwoTrees();
  auto s = ScoreRow(m, {5, 2});
  REQUIRE(s.ok());
  // Tree 0 means: root (2*1 + mean(node1)*3)/4 with mean(node1) = (-1*1 + 0.5*2)/3 = 0;
  // so root = 0.5. Tree 1 root = (0.25*2 - 0.75*2)/4 = -0.25.
  CHECK(s->bias == doctest::Approx(0.5 + 0.5 - 0.25));
  float sum = s->bias;
  for (const FeatureContribution& c : s->contributions) sum += c.contribution;
  CHECK(sum == doctest::Approx(s->margin));
  REQUIRE(s->contributions.size() == 2);
  // a: root 0.5 -> node1 0 = -0.5. b: node1 0 -> leaf 0.5 (+0.5), and tree 1: -0.25 -> 0.25.
  CHECK(s->contributions[0].feature == 1);
  CHECK(s->contributions[0].contribution == doctest::Approx(1.0));
  CHECK(s->contributions[1].feature == 0);
  CHECK(s->contributions[1].contribution == doctest::Approx(-0.5));
  CHECK(s->score_pm == ScorePerMille(s->margin));
  CHECK_FALSE(ScoreRow(m, {1}).ok());  // one value for two columns
}

TEST_CASE("learned score: the JSON model round-trips and bad models are refused") {
  const TreeEnsemble m = TwoTrees();
  const Json j = TreeEnsembleToJson(m);
  auto back = TreeEnsembleFromJson(j);
  REQUIRE(back.ok());
  CHECK(DumpJson(TreeEnsembleToJson(*back)) == DumpJson(j));
  CHECK(LearnedMargin(*back, {5, 2}) == LearnedMargin(m, {5, 2}));

  Json cycle = j;
  cycle["trees"][1]["left"][0] = 0;  // a child pointing back at its parent: a walk never ends
  auto bad = TreeEnsembleFromJson(cycle);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("trees[1].left") != std::string::npos);
  Json column = j;
  column["trees"][0]["feature"][1] = 2;  // only columns 0 and 1 exist
  CHECK_FALSE(TreeEnsembleFromJson(column).ok());
  Json ragged = j;
  ragged["trees"][0]["cover"].erase(0);
  CHECK_FALSE(TreeEnsembleFromJson(ragged).ok());
  CHECK_FALSE(TreeEnsembleFromJson(Json::parse(R"({"features": [], "trees": []})")).ok());
}

TEST_CASE("learned score: the browser's entry explains a row, or says what is wrong") {
  const Json model = TreeEnsembleToJson(TwoTrees());
  const std::string ok = ScoreLearnedJson(DumpJson({{"model", model}, {"values", {5, nullptr}}}));
  auto doc = ParseJson(ok);
  REQUIRE(doc.ok());
  CHECK((*doc)["score_pm"] == ScorePerMille(0.5f - 1.0f - 0.75f));
  CHECK((*doc)["contributions"][0]["feature"] == "b");
  CHECK((*doc)["contributions"][0]["value"].is_null());
  const std::string bad = ScoreLearnedJson(DumpJson({{"model", model}, {"values", {"x", 1}}}));
  CHECK(bad.find("values") != std::string::npos);
  CHECK(bad.find("error") != std::string::npos);
}

TEST_CASE("learned features: list facts, and each model's hits through subject or list") {
  using testing::Decl;
  RiskDeclaration a = Decl("110101199001011234", "2026-06-01", 120000);
  a.hour = 3;
  a.phone_key = "13800000000";
  a.payer_id = "110101199001011234";
  a.lines.push_back({"SKU-2", "3304990099", 300000, 5000, 15000, "面膜"});
  RiskDeclaration b = Decl("110101199002021234", "2026-06-02", 9000, "4101960002");
  const RiskData data = testing::Data({a, b});

  RiskHit phone;
  phone.model = "SHARED_PHONE";
  phone.subject_kind = "phone";
  phone.subject = "13800000000";
  phone.score = 70;
  RiskHit named;  // names list b only
  named.model = "BURST";
  named.subject_kind = "enterprise";
  named.subject = "4101960009";
  named.score = 40;
  named.declarations = {b.id};
  RiskHit prior;  // reads outcomes: not a column
  prior.model = "PRIOR_ENTERPRISE";
  prior.subject_kind = "enterprise";
  prior.subject = a.ebc_code;
  prior.score = 90;

  const auto& features = LearnedFeatures();
  auto column = [&](const std::string& id) {
    for (size_t c = 0; c < features.size(); ++c) {
      if (features[c].id == id) return static_cast<int>(c);
    }
    return -1;
  };
  CHECK(column("model.PRIOR_ENTERPRISE") == -1);
  CHECK(column("model.INSPECTION_MISMATCH_HISTORY") == -1);
  REQUIRE(column("model.SHARED_PHONE") >= 0);
  REQUIRE(column("model.BURST") >= 0);
  CHECK(features.size() == LearnedFeatureIds().size());

  auto rows = LearnedFeatureRows(data, {phone, named, prior});
  REQUIRE(rows.size() == 2);
  const auto& ra = rows[0].values;
  const auto& rb = rows[1].values;
  CHECK(rows[0].declaration_id == a.id);
  CHECK(ra[static_cast<size_t>(column("list.value_fen"))] == 120000.0f);
  CHECK(ra[static_cast<size_t>(column("list.lines"))] == 2.0f);
  CHECK(ra[static_cast<size_t>(column("list.units"))] == 4.0f);
  CHECK(ra[static_cast<size_t>(column("list.max_unit_price_fen"))] == 120000.0f);
  CHECK(ra[static_cast<size_t>(column("list.hour"))] == 3.0f);
  CHECK(ra[static_cast<size_t>(column("list.payer_not_buyer"))] == 0.0f);
  CHECK(std::isnan(rb[static_cast<size_t>(column("list.payer_not_buyer"))]));  // no payment
  CHECK(ra[static_cast<size_t>(column("model.SHARED_PHONE"))] == 70.0f);
  CHECK(rb[static_cast<size_t>(column("model.SHARED_PHONE"))] == 0.0f);
  CHECK(ra[static_cast<size_t>(column("model.BURST"))] == 0.0f);
  CHECK(rb[static_cast<size_t>(column("model.BURST"))] == 40.0f);
  // The rules' ranking sums the model columns only (not the list facts).
  CHECK(RuleHitScore(rows[0]) == 70.0f);
  CHECK(RuleHitScore(rows[1]) == 40.0f);

  // A list arriving after the run: the run's index reaches it through its subjects (the phone
  // the run flagged), not through the declarations the hits named; the same row as the batch
  // gives a list of the run with the same facts.
  const LearnedHitIndex index({phone, named, prior});
  RiskDeclaration late = a;
  late.id = 99;
  const LearnedRow arrived = LearnedFeatureRow(late, index);
  CHECK(arrived.declaration_id == 99);
  CHECK(arrived.values[static_cast<size_t>(column("model.SHARED_PHONE"))] == 70.0f);
  CHECK(std::equal(arrived.values.begin(), arrived.values.end(), ra.begin(), ra.end()));
  late.phone_key = "13900000000";
  CHECK(LearnedFeatureRow(late, index).values[static_cast<size_t>(column("model.SHARED_PHONE"))] ==
        0.0f);
  RiskDeclaration late_b = b;
  late_b.id = 100;  // b's named BURST hit does not reach a list the run never saw
  CHECK(LearnedFeatureRow(late_b, index).values[static_cast<size_t>(column("model.BURST"))] ==
        0.0f);
}

}  // namespace
}  // namespace core
