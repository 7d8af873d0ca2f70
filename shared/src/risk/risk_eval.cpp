// Quality of the risk models on labelled lists: per model and at an inspection budget. Pure.
#include "core/risk_eval.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace core {
namespace {

int64_t PerMille(int64_t part, int64_t whole) { return whole > 0 ? part * 1000 / whole : 0; }

}  // namespace

RiskEvaluation EvaluateRiskHits(const std::vector<RiskHit>& hits, int64_t lists,
                                const std::set<int64_t>& known, const std::set<int64_t>& frauds,
                                int budget_pm) {
  RiskEvaluation e;
  e.lists = lists;
  e.known = static_cast<int64_t>(known.size());
  e.frauds = static_cast<int64_t>(frauds.size());
  e.budget_pm = std::clamp(budget_pm, 1, 1000);
  std::map<std::string, std::set<int64_t>> named;  // model -> lists
  std::unordered_map<int64_t, int64_t> score;
  for (const RiskHit& h : hits) {
    for (int64_t d : h.declarations) {
      named[h.model].insert(d);
      score[d] += h.score;
    }
  }
  for (const RiskModelInfo& m : RiskModels()) {
    RiskModelQuality q;
    q.model = m.id;
    for (int64_t d : named[m.id]) {
      ++q.flagged;
      if (known.count(d) == 0) continue;
      ++q.flagged_known;
      if (frauds.count(d) != 0) ++q.true_positive;
    }
    q.precision_pm = PerMille(q.true_positive, q.flagged_known);
    q.recall_pm = PerMille(q.true_positive, e.frauds);
    e.models.push_back(std::move(q));
  }
  std::vector<std::pair<int64_t, int64_t>> ranked(score.begin(), score.end());  // (id, score)
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  e.budget = std::max<int64_t>(1, lists * e.budget_pm / 1000);
  e.inspected = std::min<int64_t>(e.budget, static_cast<int64_t>(ranked.size()));
  for (int64_t i = 0; i < e.inspected; ++i) {
    const int64_t d = ranked[static_cast<size_t>(i)].first;
    if (known.count(d) == 0) continue;
    ++e.inspected_known;
    if (frauds.count(d) != 0) ++e.caught;
  }
  e.precision_pm = PerMille(e.caught, e.inspected_known);
  e.recall_pm = PerMille(e.caught, e.frauds);
  return e;
}

Json RiskEvaluationToJson(const RiskEvaluation& e) {
  Json models = Json::array();
  for (const RiskModelQuality& q : e.models) {
    models.push_back({{"model", q.model},
                      {"flagged", q.flagged},
                      {"flagged_known", q.flagged_known},
                      {"true_positive", q.true_positive},
                      {"precision_pm", q.precision_pm},
                      {"recall_pm", q.recall_pm}});
  }
  return {{"lists", e.lists},
          {"known", e.known},
          {"frauds", e.frauds},
          {"budget_pm", e.budget_pm},
          {"budget", e.budget},
          {"inspected", e.inspected},
          {"inspected_known", e.inspected_known},
          {"caught", e.caught},
          {"precision_pm", e.precision_pm},
          {"recall_pm", e.recall_pm},
          {"models", std::move(models)}};
}

}  // namespace core
