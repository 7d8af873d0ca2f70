// Ranking quality by sorting once: AUC from the rank sums of the frauds (Mann-Whitney U).
#include "learn/ranking.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace server {

RankingQuality RankByScore(const std::vector<float>& scores, const std::vector<bool>& fraud,
                           int budget_pm) {
  RankingQuality q;
  q.rows = static_cast<int64_t>(scores.size());
  if (q.rows == 0) return q;
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  for (bool f : fraud) q.frauds += f ? 1 : 0;
  const int64_t clean = q.rows - q.frauds;
  if (q.frauds > 0 && clean > 0) {
    // Walking from the lowest score up: each fraud outranks the clean lists seen below it,
    // and half of those tied with it.
    double wins = 0;
    int64_t clean_below = 0;
    for (size_t i = order.size(); i > 0;) {
      size_t j = i;  // [j, i) is one group of equal scores
      while (j > 0 && scores[order[j - 1]] == scores[order[i - 1]]) --j;
      int64_t group_frauds = 0, group_clean = 0;
      for (size_t k = j; k < i; ++k) (fraud[order[k]] ? group_frauds : group_clean) += 1;
      wins += static_cast<double>(group_frauds) *
              (static_cast<double>(clean_below) + 0.5 * static_cast<double>(group_clean));
      clean_below += group_clean;
      i = j;
    }
    q.auc_pm = std::llround(1000.0 * wins / (static_cast<double>(q.frauds) * clean));
  }
  q.budget = std::max<int64_t>(1, (q.rows * budget_pm + 999) / 1000);
  q.budget = std::min(q.budget, q.rows);
  for (int64_t k = 0; k < q.budget; ++k) q.caught += fraud[order[static_cast<size_t>(k)]] ? 1 : 0;
  q.precision_pm = q.caught * 1000 / q.budget;
  q.recall_pm = q.frauds == 0 ? 0 : q.caught * 1000 / q.frauds;
  return q;
}

core::Json RankingQualityJson(const RankingQuality& q) {
  return {{"rows", q.rows},
          {"frauds", q.frauds},
          {"auc_pm", q.auc_pm ? core::Json(*q.auc_pm) : core::Json(nullptr)},
          {"budget", q.budget},
          {"caught", q.caught},
          {"precision_pm", q.precision_pm},
          {"recall_pm", q.recall_pm}};
}

}  // namespace server
