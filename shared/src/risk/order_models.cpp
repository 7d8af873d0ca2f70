// Models over the shape of the orders: a purchase split into lists each under the transaction
// limit, quantities no person uses, an enterprise declaring at night. Pure.
#include <algorithm>
#include <map>

#include "core/messages.h"
#include "risk_internal.h"

namespace core::internal {

void SplitUnderLimit(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  // Per buyer and shop, lists under the limit by date; a window of split_window_days whose lists
  // together pass the limit is one hit (the widest such window from each first list).
  // Grouped by buyer, then ordered by shop, date and id: each shop's lists are one run.
  auto groups = GroupByKey(d, [&](const RiskDeclaration& r) {
    return r.value_fen < t.split_limit_fen ? std::string_view(r.buyer_id) : std::string_view();
  });
  for (auto& [buyer, rs] : groups) {
    if (static_cast<int64_t>(rs.size()) < t.split_min_lists) continue;
    std::sort(rs.begin(), rs.end(), [](const RiskDeclaration* a, const RiskDeclaration* b) {
      if (a->ebc_code != b->ebc_code) return a->ebc_code < b->ebc_code;
      return a->date < b->date || (a->date == b->date && a->id < b->id);
    });
    size_t start = 0;
    while (start < rs.size()) {
      const Date end = rs[start]->date.AddDays(t.split_window_days - 1);
      const std::string& shop = rs[start]->ebc_code;
      size_t stop = start;
      Fen total = 0;
      while (stop < rs.size() && rs[stop]->ebc_code == shop && !(end < rs[stop]->date)) {
        total += rs[stop++]->value_fen;
      }
      const int n = static_cast<int>(stop - start);
      if (n < t.split_min_lists || total <= t.split_limit_fen) {
        ++start;
        continue;
      }
      RiskHit h;
      h.model = "SPLIT_UNDER_LIMIT";
      h.subject_kind = "buyer";
      h.subject = std::string(buyer);
      h.score = ScoreOver(total, t.split_limit_fen);
      for (size_t i = start; i < stop; ++i) h.declarations.push_back(rs[i]->id);
      std::sort(h.declarations.begin(), h.declarations.end());
      h.explanation_zh = "同一买家在同一电商 " + std::to_string(t.split_window_days) + " 天内 " +
                         std::to_string(n) + " 单，每单低于单次限值，合计 " + FormatCny(total) +
                         " 元超过 " + FormatCny(t.split_limit_fen) + " 元：疑似拆单规避限值。";
      h.explanation_en = "One buyer placed " + std::to_string(n) + " lists at one shop within " +
                         std::to_string(t.split_window_days) +
                         " days, each under the transaction limit, together " + FormatCny(total) +
                         " CNY above " + FormatCny(t.split_limit_fen) +
                         ": a purchase split to stay under the limit.";
      out.push_back(std::move(h));
      start = stop;  // the next window starts after this one
    }
  }
}

void QtyBeyondPersonalUse(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  const int64_t limit_e5 = t.personal_use_units * 100000;
  for (const RiskDeclaration& r : d.declarations) {
    for (const RiskLine& l : r.lines) {
      if (l.qty_e5 <= limit_e5) continue;
      RiskHit h;
      h.model = "QTY_BEYOND_PERSONAL_USE";
      h.subject_kind = "declaration";
      h.subject = std::to_string(r.id);
      h.score = ScoreOver(l.qty_e5, limit_e5);
      h.declarations = {r.id};
      const std::string qty = FormatQty(Qty{l.qty_e5});
      h.explanation_zh = "清单申报 " + l.sku + " 数量 " + qty + "，超过个人合理自用量 " +
                         std::to_string(t.personal_use_units) + "：疑似以个人名义进口货物再销售。";
      h.explanation_en = "The list declares " + qty + " of " + l.sku + ", beyond the " +
                         std::to_string(t.personal_use_units) +
                         " units a person uses: goods for resale under a personal import.";
      out.push_back(std::move(h));
      break;  // one hit per list
    }
  }
}

void OddHours(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  std::map<std::string, std::pair<std::vector<int64_t>, int>> by_shop;  // night ids, all lists
  for (const RiskDeclaration& r : d.declarations) {
    auto& [night, all] = by_shop[r.ebc_code];
    ++all;
    if (r.hour >= 0 && r.hour < 6) night.push_back(r.id);
  }
  for (auto& [code, counts] : by_shop) {
    auto& [night, all] = counts;
    if (all < t.odd_hours_min_lists) continue;
    const int pct = static_cast<int>(night.size() * 100 / static_cast<size_t>(all));
    if (pct < t.odd_hours_share_pct) continue;
    RiskHit h;
    h.model = "ODD_HOURS";
    h.subject_kind = "enterprise";
    h.subject = code;
    h.score = ScoreOver(pct, t.odd_hours_share_pct);
    std::sort(night.begin(), night.end());
    h.declarations = night;
    h.explanation_zh = "该电商 " + std::to_string(pct) + "% 的清单在0–6时申报（阈值 " +
                       std::to_string(t.odd_hours_share_pct) + "%）：疑似批量虚构订单。";
    h.explanation_en = std::to_string(pct) +
                       "% of this shop's lists were declared between 0 and "
                       "6 h (threshold " +
                       std::to_string(t.odd_hours_share_pct) +
                       "%): orders may be generated in bulk.";
    out.push_back(std::move(h));
  }
}

void Burst(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  // Per shop, its lists per day; a day at burst_factor times the shop's median day is a burst.
  std::map<std::string, std::map<Date, std::vector<int64_t>>> days;
  for (const RiskDeclaration& r : d.declarations) days[r.ebc_code][r.date].push_back(r.id);
  for (auto& [code, by_day] : days) {
    std::vector<int64_t> counts;
    for (const auto& [day, ids] : by_day) counts.push_back(static_cast<int64_t>(ids.size()));
    std::sort(counts.begin(), counts.end());
    const int64_t median = counts[(counts.size() - 1) / 2];
    for (auto& [day, ids] : by_day) {
      const int64_t n = static_cast<int64_t>(ids.size());
      if (n < t.burst_min_lists || n < median * t.burst_factor) continue;
      RiskHit h;
      h.model = "BURST";
      h.subject_kind = "enterprise";
      h.subject = code;
      h.score = ScoreOver(n, std::max<int64_t>(median * t.burst_factor, 1));
      std::sort(ids.begin(), ids.end());
      h.declarations = ids;
      h.explanation_zh = day.ToIso() + " 申报 " + std::to_string(n) + " 单，是该企业中位日 " +
                         std::to_string(median) + " 单的 " + std::to_string(n / median) +
                         " 倍：申报量突增。";
      h.explanation_en = std::to_string(n) + " lists on " + day.ToIso() + ", " +
                         std::to_string(n / median) + " times the enterprise's median day of " +
                         std::to_string(median) + ": a sudden burst.";
      out.push_back(std::move(h));
    }
  }
}

void NewEnterpriseSurge(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  std::map<std::string, std::pair<Date, std::vector<int64_t>>> shops;  // first day, lists
  for (const RiskDeclaration& r : d.declarations) {
    auto [it, added] = shops.try_emplace(r.ebc_code, r.date, std::vector<int64_t>{});
    if (r.date < it->second.first) it->second.first = r.date;
    it->second.second.push_back(r.id);
  }
  const Date since = d.as_of.AddDays(-t.new_enterprise_days);
  for (auto& [code, first_and_ids] : shops) {
    auto& [first, ids] = first_and_ids;
    const int64_t n = static_cast<int64_t>(ids.size());
    if (first < since || n < t.new_enterprise_lists) continue;
    RiskHit h;
    h.model = "NEW_ENTERPRISE_SURGE";
    h.subject_kind = "enterprise";
    h.subject = code;
    h.score = ScoreOver(n, t.new_enterprise_lists);
    std::sort(ids.begin(), ids.end());
    h.declarations = ids;
    h.explanation_zh = "该企业首单于 " + first.ToIso() + "，至今已申报 " + std::to_string(n) +
                       " 单（阈值 " + std::to_string(t.new_enterprise_lists) +
                       "）：新企业快速放量。";
    h.explanation_en = "First list on " + first.ToIso() + ", " + std::to_string(n) +
                       " lists since (threshold " + std::to_string(t.new_enterprise_lists) +
                       "): a new enterprise moving in volume.";
    out.push_back(std::move(h));
  }
}

}  // namespace core::internal
