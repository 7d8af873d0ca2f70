// Benchmark "risk": the core's risk models over generated, labelled lists (server/gen), and
// their quality on those labels: precision and recall per model, and overall precision and
// recall when the lists are ranked by their hits' scores and the top 5% inspected. The data set
// is built by the generator straight into memory in the shape the server's store reader gives
// the core (core::RiskData); `seconds` counts the model run only. Prints one result line, and a
// second for the learned score: XGBoost trained on a tenth of the older four fifths of the lists
// (as if those had been inspected), evaluated in the core on the newest fifth, beside the rules'
// own ranking (summed hit scores) of the same lists.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bench_clock.h"
#include "common/contact_keys.h"
#include "core/learned.h"
#include "core/learned_features.h"
#include "core/risk.h"
#include "core/risk_eval.h"
#include "gen/gen_output.h"
#include "gen/sets.h"
#include "learn/ranking.h"
#include "learn/xgb_booster.h"

namespace {

using bench::Clock;
using bench::PeakRssMb;
using bench::Since;

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "bench_risk: %s\n", what.c_str());
  std::exit(1);
}

// The list as the server's store reader (server/store/risk_repo.cpp) gives it to the core.
core::RiskDeclaration DeclarationOf(const gen::GeneratedSet& s, int64_t id) {
  core::RiskDeclaration r;
  r.id = id;
  r.ebc_code = s.list.head.ebc_code;
  r.buyer_id = s.list.head.buyer_id_number;
  r.phone_key = server::PhoneKey(s.order.head.buyer_telephone);
  r.address_key = server::AddressKey(s.order.head.consignee_address);
  r.date = s.list.head.decl_time.date();
  r.hour = s.order.head.app_time.hour();
  r.tax_fen = s.order.head.tax_total;
  r.freight_fen = s.list.head.freight;
  r.payer_id = s.payment.head.payer_id_number;
  for (const core::InventoryLine& l : s.list.lines) {
    r.lines.push_back({l.item_no, l.gcode, l.qty.e5, l.price, l.total_price, l.gname});
    r.value_fen += l.total_price;
  }
  return r;
}

// Trains on every tenth list of the older four fifths (capped at 200,000 rows), scores the newest
// fifth with the core and prints the "learned:" line.
void LearnedScoreFigures(const core::RiskData& data, const std::vector<core::RiskHit>& hits,
                         const std::vector<bool>& fraud) {
  const Clock::time_point features_start = Clock::now();
  const std::vector<core::LearnedRow> rows = core::LearnedFeatureRows(data, hits);
  const double features_seconds = Since(features_start);
  const size_t cut = rows.size() - rows.size() / 5;  // ids follow declaration dates
  server::FeatureMatrix x;
  x.columns = core::LearnedFeatures().size();
  std::vector<float> labels;
  for (size_t i = 0; i < cut && labels.size() < 200'000; i += 10) {
    x.values.insert(x.values.end(), rows[i].values.begin(), rows[i].values.end());
    labels.push_back(fraud[i] ? 1.0f : 0.0f);
  }
  const Clock::time_point train_start = Clock::now();
  core::StatusOr<server::XgbBooster> booster =
      server::XgbBooster::Train(x, labels, server::BoosterParams{});
  if (!booster.ok()) Die(booster.status().message());
  core::StatusOr<core::TreeEnsemble> trees = booster->Export(core::LearnedFeatureIds());
  if (!trees.ok()) Die(trees.status().message());
  const double train_seconds = Since(train_start);

  const Clock::time_point score_start = Clock::now();
  std::vector<float> learned, rules;
  std::vector<bool> outcome;
  for (size_t i = cut; i < rows.size(); ++i) {
    learned.push_back(core::LearnedMargin(*trees, rows[i].values));
    outcome.push_back(fraud[i]);
  }
  const double score_seconds = Since(score_start);
  for (size_t i = cut; i < rows.size(); ++i) rules.push_back(core::RuleHitScore(rows[i]));
  const server::RankingQuality l = server::RankByScore(learned, outcome, 50);
  const server::RankingQuality r = server::RankByScore(rules, outcome, 50);
  std::printf(
      "learned: lists=%zu train_rows=%zu features_seconds=%.2f train_seconds=%.2f "
      "score_seconds=%.2f precision_at_5pct=%.3f recall_at_5pct=%.3f auc=%.3f "
      "rules_precision_at_5pct=%.3f rules_recall_at_5pct=%.3f rules_auc=%.3f\n",
      learned.size(), labels.size(), features_seconds, train_seconds, score_seconds,
      l.precision_pm / 1000.0, l.recall_pm / 1000.0, l.auc_pm.value_or(0) / 1000.0,
      r.precision_pm / 1000.0, r.recall_pm / 1000.0, r.auc_pm.value_or(0) / 1000.0);
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t lists = 10'000'000;
  std::string data_dir = PATROL_SOURCE_DIR "/data";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--lists" && i + 1 < argc) {
      lists = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--dir" && i + 1 < argc) {
      ++i;  // run.sh passes a work folder; this benchmark keeps everything in memory
    } else {
      Die("usage: bench_risk [--lists N]");
    }
  }
  if (lists == 0) Die("--lists must be positive");
  core::StatusOr<core::TaxRateTable> rates = gen::LoadRates(data_dir);
  if (!rates.ok()) Die(rates.status().message());

  const Clock::time_point gen_start = Clock::now();
  const gen::District district = gen::MakeDistrict(42, gen::ConsumersFor(lists));
  gen::SetOptions so;
  so.seed = 42;
  so.lists = lists;
  so.from = *core::Date::Parse("2026-01-01");
  so.to = *core::Date::Parse("2026-11-25");
  so.side_records = false;
  gen::SetGenerator generator(district, *rates, so);
  core::RiskData data;
  data.as_of = *core::Date::Parse("2026-11-26");
  data.declarations.reserve(lists);
  std::vector<bool> fraud;  // by declaration id - 1: the set carries a label about the list
  fraud.reserve(lists);
  std::map<std::string, int64_t> labelled_by_kind;
  gen::GeneratedSet s;
  while (generator.Next(s)) {
    const int64_t id = static_cast<int64_t>(data.declarations.size()) + 1;
    data.declarations.push_back(DeclarationOf(s, id));
    bool is_fraud = false;
    for (const gen::Label& l : s.labels) {
      if (l.kind == "overweight_gate_pass") continue;  // about a gate pass, not the list
      is_fraud = true;
      ++labelled_by_kind[l.kind];
    }
    fraud.push_back(is_fraud);
  }
  const double generate = Since(gen_start);

  // The models one at a time (what RunRiskModels does), so stderr can say where the time goes.
  const Clock::time_point run_start = Clock::now();
  std::vector<core::RiskHit> hits;
  std::vector<double> model_seconds;
  for (size_t i = 0; i < core::RiskModels().size(); ++i) {
    const Clock::time_point model_start = Clock::now();
    for (core::RiskHit& h : core::RunRiskModel(data, core::RiskThresholds{}, i)) {
      hits.push_back(std::move(h));
    }
    model_seconds.push_back(Since(model_start));
  }
  const double seconds = Since(run_start);

  // Every generated list's outcome is known: the labelled ones are the frauds.
  std::set<int64_t> known, frauds;
  for (size_t i = 0; i < fraud.size(); ++i) {
    known.insert(static_cast<int64_t>(i) + 1);
    if (fraud[i]) frauds.insert(static_cast<int64_t>(i) + 1);
  }
  const core::RiskEvaluation e = core::EvaluateRiskHits(
      hits, static_cast<int64_t>(data.declarations.size()), known, frauds, /*budget_pm=*/50);
  std::fprintf(stderr, "risk: %llu lists generated in %.1f s; %lld labelled frauds (",
               static_cast<unsigned long long>(lists), generate, static_cast<long long>(e.frauds));
  for (const auto& [kind, n] : labelled_by_kind) {
    std::fprintf(stderr, " %s=%lld", kind.c_str(), static_cast<long long>(n));
  }
  std::fprintf(stderr, " ); %zu hits in %.2f s\n", hits.size(), seconds);
  for (size_t i = 0; i < e.models.size(); ++i) {
    const core::RiskModelQuality& q = e.models[i];
    std::fprintf(stderr, "  %-28s lists=%-8lld precision=%.3f recall=%.3f seconds=%.2f\n",
                 q.model.c_str(), static_cast<long long>(q.flagged), q.precision_pm / 1000.0,
                 q.recall_pm / 1000.0, i < model_seconds.size() ? model_seconds[i] : 0.0);
  }
  std::fprintf(stderr, "  5%% budget: %lld lists, %lld with a hit inspected, %lld frauds caught\n",
               static_cast<long long>(e.budget), static_cast<long long>(e.inspected),
               static_cast<long long>(e.caught));
  const double precision = e.precision_pm / 1000.0;
  const double recall = e.recall_pm / 1000.0;
  std::printf(
      "risk: lists=%llu seconds=%.2f precision_at_5pct=%.3f recall_at_5pct=%.3f hits=%zu "
      "peak_rss_mb=%.0f\n",
      static_cast<unsigned long long>(lists), seconds, precision, recall, hits.size(), PeakRssMb());
  std::fflush(stdout);
  LearnedScoreFigures(data, hits, fraud);
  return 0;
}
