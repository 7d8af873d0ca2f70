// Models over declared prices: a unit price well below what the same enterprise usually declares
// for the SKU, and an enterprise declaring a commodity well below what other shops declare for
// it (under-valuation to cut the tax). Pure.
#include <algorithm>
#include <map>
#include <set>

#include "risk_internal.h"

namespace core::internal {
namespace {

constexpr size_t kMinHistory = 3;  // prices before a median says anything

// The lower median (no averaging: amounts stay exact fen).
Fen Median(std::vector<Fen> v) {
  std::sort(v.begin(), v.end());
  return v[(v.size() - 1) / 2];
}

// How far `price` is below `reference`, in whole percent (0 when not below).
int64_t PctBelow(Fen price, Fen reference) {
  if (reference <= 0 || price >= reference) return 0;
  return (reference - price) * 100 / reference;
}

}  // namespace

void PriceBelowOwnHistory(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  std::map<std::pair<std::string, std::string>, std::vector<Fen>> prices;  // (shop, sku)
  for (const RiskDeclaration& r : d.declarations) {
    for (const RiskLine& l : r.lines) {
      if (l.unit_price_fen > 0) prices[{r.ebc_code, l.sku}].push_back(l.unit_price_fen);
    }
  }
  for (const RiskDeclaration& r : d.declarations) {
    for (const RiskLine& l : r.lines) {
      const std::vector<Fen>& history = prices[{r.ebc_code, l.sku}];
      if (history.size() < kMinHistory) continue;
      const Fen median = Median(history);
      const int64_t below = PctBelow(l.unit_price_fen, median);
      if (below <= t.price_below_own_pct) continue;
      RiskHit h;
      h.model = "PRICE_BELOW_OWN_HISTORY";
      h.subject_kind = "declaration";
      h.subject = std::to_string(r.id);
      h.score = ScoreBelow(below, t.price_below_own_pct);
      h.declarations = {r.id};
      h.explanation_zh = l.sku + " 申报单价 " + FormatCny(l.unit_price_fen) + " 元，低于该企业" +
                         "同一商品的中位价 " + FormatCny(median) + " 元 " + std::to_string(below) +
                         "%：疑似低报价格。";
      h.explanation_en = l.sku + " declared at " + FormatCny(l.unit_price_fen) + " CNY, " +
                         std::to_string(below) + "% below the enterprise's median of " +
                         FormatCny(median) + " CNY for it: the price may be under-declared.";
      out.push_back(std::move(h));
      break;  // one hit per list
    }
  }
}

void PriceBelowPeers(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  // code10 -> shop -> unit prices, and the lists behind them.
  std::map<std::string, std::map<std::string, std::vector<Fen>>> prices;
  std::map<std::pair<std::string, std::string>, std::set<int64_t>> lists;
  for (const RiskDeclaration& r : d.declarations) {
    for (const RiskLine& l : r.lines) {
      if (l.unit_price_fen <= 0 || l.code10.empty()) continue;
      prices[l.code10][r.ebc_code].push_back(l.unit_price_fen);
      lists[{l.code10, r.ebc_code}].insert(r.id);
    }
  }
  for (const auto& [code, shops] : prices) {
    if (static_cast<int>(shops.size()) < t.peer_min_enterprises + 1) continue;
    std::map<std::string, Fen> medians;
    for (const auto& [shop, v] : shops) medians[shop] = Median(v);
    for (const auto& [shop, own] : medians) {
      std::vector<Fen> others;
      for (const auto& [other, m] : medians) {
        if (other != shop) others.push_back(m);
      }
      const Fen peers = Median(others);
      const int64_t below = PctBelow(own, peers);
      if (below <= t.price_below_peers_pct) continue;
      RiskHit h;
      h.model = "PRICE_BELOW_PEERS";
      h.subject_kind = "enterprise";
      h.subject = shop;
      h.score = ScoreBelow(below, t.price_below_peers_pct);
      const std::set<int64_t>& ids = lists[{code, shop}];
      h.declarations.assign(ids.begin(), ids.end());
      h.explanation_zh = "商品编码 " + code + " 该企业申报中位价 " + FormatCny(own) +
                         " 元，低于其他 " + std::to_string(others.size()) + " 家企业的中位价 " +
                         FormatCny(peers) + " 元 " + std::to_string(below) + "%：疑似低报价格。";
      h.explanation_en = "For code " + code + " this enterprise declares a median of " +
                         FormatCny(own) + " CNY, " + std::to_string(below) + "% below the " +
                         FormatCny(peers) + " CNY median of " + std::to_string(others.size()) +
                         " other enterprises: prices may be under-declared.";
      out.push_back(std::move(h));
    }
  }
}

}  // namespace core::internal
