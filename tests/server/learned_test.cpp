// Server tests: the learned risk score. XGBoost's trees, exported, give in the core the margins
// and approximate contributions XGBoost itself gives; over HTTP, a model is trained on the
// inspection outcomes in the store (refused, storing nothing, while there are too few), learns
// the pattern the outcomes follow, judges itself on the newest lists it did not see, scores
// every list of the next risk run, and explains a list's score from the values it read.
#include "core/learned.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "ceb_fixtures.h"
#include "core/learned_features.h"
#include "learn/ranking.h"
#include "learn/xgb_booster.h"
#include "supervision_fixtures.h"
#include "test_server.h"

namespace server::testing {
namespace {

// 600 rows of 4 columns from a fixed LCG; about a tenth of the values missing; the label leans
// on columns 0 and 2, with noise, so the trees split on several columns and on missing values.
struct Synthetic {
  FeatureMatrix x;
  std::vector<float> labels;
};

Synthetic MakeSynthetic() {
  Synthetic s;
  s.x.columns = 4;
  uint64_t state = 12345;
  auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  for (int i = 0; i < 600; ++i) {
    float row[4];
    for (float& v : row) {
      v = next() % 10 == 0 ? std::numeric_limits<float>::quiet_NaN()
                           : static_cast<float>(next() % 1000) / 10.0f;
    }
    const bool lean = (!std::isnan(row[0]) && row[0] > 60.0f) ||
                      (!std::isnan(row[2]) && row[2] < 15.0f) || std::isnan(row[1]);
    s.labels.push_back((lean ? next() % 10 < 8 : next() % 10 < 1) ? 1.0f : 0.0f);
    s.x.values.insert(s.x.values.end(), row, row + 4);
  }
  return s;
}

TEST_CASE("learned score: the core evaluates XGBoost's exported trees as XGBoost does") {
  const Synthetic d = MakeSynthetic();
  BoosterParams params;
  params.rounds = 30;
  auto booster = XgbBooster::Train(d.x, d.labels, params);
  REQUIRE_MESSAGE(booster.ok(), booster.status().message());
  auto trees = booster->Export({"a", "b", "c", "d"});
  REQUIRE_MESSAGE(trees.ok(), trees.status().message());
  CHECK(trees->trees.size() == 30);
  auto margins = booster->PredictMargins(d.x);
  auto contribs = booster->PredictApproxContributions(d.x);
  REQUIRE(margins.ok());
  REQUIRE(contribs.ok());
  REQUIRE(margins->size() == d.x.rows());
  REQUIRE(contribs->size() == d.x.rows() * 5);
  int differing = 0;
  for (size_t r = 0; r < d.x.rows(); ++r) {
    const std::vector<float> row(d.x.values.begin() + static_cast<std::ptrdiff_t>(r * 4),
                                 d.x.values.begin() + static_cast<std::ptrdiff_t>(r * 4 + 4));
    auto s = core::ScoreRow(*trees, row);
    REQUIRE(s.ok());
    if (s->margin != (*margins)[r]) ++differing;
    std::vector<float> mine(5, 0.0f);
    for (const core::FeatureContribution& c : s->contributions) {
      mine[static_cast<size_t>(c.feature)] = c.contribution;
    }
    mine[4] = s->bias;
    for (size_t c = 0; c < 5; ++c) CHECK(mine[c] == doctest::Approx((*contribs)[r * 5 + c]));
  }
  CHECK(differing == 0);  // bit for bit: the same float additions in the same order

  // The trees learned something: they rank the training rows far better than chance.
  std::vector<bool> fraud;
  for (float l : d.labels) fraud.push_back(l > 0.5f);
  CHECK(*RankByScore(*margins, fraud, 50).auc_pm > 800);
}

TEST_CASE("ranking quality: AUC with ties, and precision and recall within the budget") {
  const RankingQuality q = RankByScore({0.9f, 0.5f, 0.5f, 0.1f}, {true, true, false, false}, 500);
  // Pairs (fraud over clean): 0.9 beats both; 0.5 beats 0.1 and ties 0.5: (2 + 1.5) / 4.
  CHECK(q.auc_pm == 875);
  CHECK(q.budget == 2);
  CHECK(q.caught == 2);  // the tie goes to the lower index, the fraud
  CHECK(q.precision_pm == 1000);
  CHECK(q.recall_pm == 1000);
  CHECK_FALSE(RankByScore({1.0f, 2.0f}, {false, false}, 50).auc_pm.has_value());
}

TEST_CASE("learned score over HTTP: trained on outcomes, scoring each run, explained") {
  TestServer s({.seed_demo = true});
  const std::string admin = s.Login("admin", kAdminPassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  const std::string hnby = s.Login("hnby", kEnterprisePassword);
  const core::Json train = {{"as_of", "2026-11-26"}, {"rounds", 20}};

  // Too few outcomes: refused, nothing stored; enterprises may not train or read.
  Response early = s.Post("/api/v1/risk/learned-models", train, officer);
  CHECK(early.status == 409);
  CHECK(early.json["error"]["message"].get<std::string>().find("20 inspected") !=
        std::string::npos);
  CHECK(s.Get("/api/v1/risk/learned-models", officer).json["items"].empty());
  CHECK(s.Post("/api/v1/risk/learned-models", train, hnby).status == 403);
  CHECK(s.Post("/api/v1/risk/learned-models", {{"rounds", 0}}, officer).status == 400);

  const InspectedLists lists = InspectThirtyAt199(s, admin, officer);
  Response trained = s.Post("/api/v1/risk/learned-models", train, officer);
  REQUIRE_MESSAGE(trained.status == 201, trained.body);
  const core::Json model = trained.json["model"];
  CHECK(model["metrics"]["rows"] == 30);
  CHECK(model["metrics"]["frauds"] == 12);
  CHECK(model["metrics"]["trees"] == 20);
  // The newest fifth of the lists (6), judged by a model trained on the older 24.
  const core::Json holdout = model["metrics"]["holdout"];
  CHECK(holdout["train_rows"] == 24);
  CHECK(holdout["learned"]["rows"] == 6);
  CHECK(holdout["learned"]["auc_pm"] == 1000);  // freight alone separates them
  CHECK(s.Get("/api/v1/risk/learned-models", hnby).status == 403);
  CHECK(s.Get("/api/v1/audit?action=risk.learned_model", admin).body.find("learned_model") !=
        std::string::npos);

  // The next run scores every list with it; each list without freight above each with it.
  Response run = s.Post("/api/v1/risk/runs", {{"as_of", "2026-11-26"}}, officer);
  REQUIRE_MESSAGE(run.status == 201, run.body);
  CHECK(run.json["learned"]["model_id"] == model["id"]);
  CHECK(run.json["learned"]["scored"] == run.json["run"]["declarations"]);
  auto score_of = [&](int64_t id) {
    Response r = s.Get("/api/v1/declarations/" + std::to_string(id) + "/learned-score", officer);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.json["score_pm"].get<int>();
  };
  int lowest_bad = 1000, highest_good = 0;
  for (int64_t id : lists.mismatched) lowest_bad = std::min(lowest_bad, score_of(id));
  for (int64_t id : lists.matched) highest_good = std::max(highest_good, score_of(id));
  CHECK(lowest_bad > highest_good);
  const std::string run_id = std::to_string(run.json["run"]["id"].get<int64_t>());
  Response top = s.Get("/api/v1/risk/runs/" + run_id + "/learned-scores", officer);
  REQUIRE(top.status == 200);
  REQUIRE(top.json["items"].size() >= 2);
  CHECK(top.json["items"][0]["score_pm"] >= top.json["items"][1]["score_pm"]);

  // One list's score explained: the freight column moved it most; the browser's core, given the
  // stored trees and values, says the same.
  const int64_t one = lists.mismatched.front();
  Response explained =
      s.Get("/api/v1/declarations/" + std::to_string(one) + "/learned-score", officer);
  REQUIRE_MESSAGE(explained.status == 200, explained.body);
  const core::Json e = explained.json["explanation"];
  CHECK(e["score_pm"] == explained.json["score_pm"]);
  CHECK(e["score_pm"].get<int>() > 500);
  CHECK(e["contributions"][0]["feature"] == "list.freight_fen");
  CHECK(e["contributions"][0]["value"] == 0);
  const std::string model_id = std::to_string(model["id"].get<int64_t>());
  Response detail = s.Get("/api/v1/risk/learned-models/" + model_id, officer);
  REQUIRE(detail.status == 200);
  CHECK(detail.json["features"].size() == core::LearnedFeatures().size());
  const std::string again = core::ScoreLearnedJson(
      core::DumpJson({{"model", detail.json["model"]}, {"values", explained.json["values"]}}));
  CHECK(again == core::DumpJson(e));
  CHECK(s.Get("/api/v1/declarations/999999/learned-score", officer).status == 404);
  CHECK(s.Get("/api/v1/risk/learned-models/999", officer).status == 404);
}

TEST_CASE("learned score at arrival: each routed list scored by the newest model, rules read it") {
  TestServer s({.seed_demo = true});
  const std::string admin = s.Login("admin", kAdminPassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  const std::string hnby = s.Login("hnby", kEnterprisePassword);
  auto submit = [&](const std::string& key, core::Fen freight) {
    SetSpec spec = Spec(key);
    spec.price = 19900;
    spec.freight = freight;
    spec.decl_date = "20261125";
    return SubmitSet(s, admin, MakeSet(spec));
  };
  auto arrival = [&](int64_t id) {
    return s.Get("/api/v1/declarations/" + std::to_string(id) + "/arrival-score", officer);
  };
  auto routing = [&](int64_t id) {
    Response r = s.Get("/api/v1/declarations/" + std::to_string(id) + "/routing", officer);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.json;
  };

  // No model yet: no score, and the context does not carry one.
  const InspectedLists lists = InspectThirtyAt199(s, admin, officer);
  CHECK(arrival(lists.matched.front()).status == 404);
  CHECK_FALSE(routing(lists.matched.front())["context"]["risk"].contains("learned_score_pm"));
  CHECK(s.Count("learned_arrival_scores") == 0);

  // A model, no run yet: lists arriving now are scored from their own facts; a rule on the score
  // sends the one without freight (the pattern the outcomes taught) to inspection.
  Response trained =
      s.Post("/api/v1/risk/learned-models", {{"as_of", "2026-11-26"}, {"rounds", 20}}, officer);
  REQUIRE_MESSAGE(trained.status == 201, trained.body);
  const int64_t model_id = trained.json["model"]["id"].get<int64_t>();
  Response saved = s.Put(
      "/api/v1/routing/rules/learned-high",
      {{"rule", TestRule("learned-high", "risk.learned_score_pm >= 500", "inspect", 50)}}, admin);
  REQUIRE_MESSAGE(saved.status == 201, saved.body);
  const int64_t bad = submit("LA1", 0);
  const int64_t good = submit("LA2", 1000);
  Response b = arrival(bad);
  Response g = arrival(good);
  REQUIRE_MESSAGE(b.status == 200, b.body);
  REQUIRE_MESSAGE(g.status == 200, g.body);
  CHECK(b.json["model_id"] == model_id);
  CHECK(b.json["hits_run_id"].is_null());
  CHECK(b.json["score_pm"].get<int>() >= 500);
  CHECK(g.json["score_pm"].get<int>() < 500);
  CHECK(b.json["explanation"]["score_pm"] == b.json["score_pm"]);
  auto rule_ids = [](const core::Json& r) {
    std::set<std::string> ids;
    for (const core::Json& m : r["decision"]["matched_rules"]) ids.insert(m["id"]);
    return ids;
  };
  const core::Json rb = routing(bad);
  const core::Json rg = routing(good);
  CHECK(rb["context"]["risk"]["learned_score_pm"] == b.json["score_pm"]);
  CHECK(rg["context"]["risk"]["learned_score_pm"] == g.json["score_pm"]);
  CHECK(rule_ids(rb).count("learned-high") == 1);
  CHECK(rule_ids(rg).count("learned-high") == 0);
  CHECK(rb["replay"]["matches"] == true);
  CHECK(b.json["routing_id"] == rb["routing"]["id"]);

  // The browser's core, given the model and the stored values, explains it the same way.
  Response detail = s.Get("/api/v1/risk/learned-models/" + std::to_string(model_id), officer);
  REQUIRE(detail.status == 200);
  CHECK(core::ScoreLearnedJson(
            core::DumpJson({{"model", detail.json["model"]}, {"values", b.json["values"]}})) ==
        core::DumpJson(b.json["explanation"]));

  // After a run, a new list reads that run's hits: the same values the run gave a list of the
  // run with the same facts, buyer, phone, enterprise and codes (the previous one).
  Response run = s.Post("/api/v1/risk/runs", {{"as_of", "2026-11-26"}}, officer);
  REQUIRE_MESSAGE(run.status == 201, run.body);
  const int64_t late = submit("LA3", 0);
  Response l = arrival(late);
  REQUIRE_MESSAGE(l.status == 200, l.body);
  CHECK(l.json["hits_run_id"] == run.json["run"]["id"]);
  Response batch = s.Get("/api/v1/declarations/" + std::to_string(bad) + "/learned-score", officer);
  REQUIRE_MESSAGE(batch.status == 200, batch.body);
  CHECK(l.json["values"] == batch.json["values"]);
  CHECK(l.json["score_pm"] == batch.json["score_pm"]);

  // Customs only; unknown lists and lists never scored are 404.
  CHECK(s.Get("/api/v1/declarations/" + std::to_string(late) + "/arrival-score", hnby).status ==
        403);
  CHECK(arrival(999999).status == 404);
}

}  // namespace
}  // namespace server::testing
