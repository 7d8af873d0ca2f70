// Models over declared prices and classification: a unit price well below what the same
// enterprise usually declares for the SKU, an enterprise declaring a commodity well below what
// other shops declare for it (under-valuation to cut the tax), and one goods name declared under
// several codes (false classification, DOMAIN §6). Pure.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/text_fold.h"
#include "risk_internal.h"

namespace core::internal {
namespace {

constexpr size_t kMinHistory = 3;  // prices before a median says anything

}  // namespace

void PriceBelowOwnHistory(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  std::map<std::pair<std::string, std::string>, std::vector<Fen>> prices;  // (shop, sku)
  for (const RiskDeclaration& r : d.declarations) {
    for (const RiskLine& l : r.lines) {
      if (l.unit_price_fen > 0) prices[{r.ebc_code, l.sku}].push_back(l.unit_price_fen);
    }
  }
  // Each SKU's median once (not per line: a popular SKU's history is as long as the data).
  std::map<std::pair<std::string, std::string>, Fen> medians;
  for (auto& [key, history] : prices) {
    if (history.size() >= kMinHistory) medians.emplace(key, Median(std::move(history)));
  }
  for (const RiskDeclaration& r : d.declarations) {
    for (const RiskLine& l : r.lines) {
      auto known = medians.find({r.ebc_code, l.sku});
      if (known == medians.end()) continue;
      const Fen median = known->second;
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
  // code10 -> shop -> unit prices and the lists behind them: hashed on views into the
  // declarations (no key copies), then each code's few shops put in order.
  struct Prices {
    std::vector<Fen> prices;
    std::vector<int64_t> lists;
  };
  std::unordered_map<std::string_view, std::unordered_map<std::string_view, Prices>> by_code;
  for (const RiskDeclaration& r : d.declarations) {
    for (const RiskLine& l : r.lines) {
      if (l.unit_price_fen <= 0 || l.code10.empty()) continue;
      Prices& p = by_code[l.code10][r.ebc_code];
      p.prices.push_back(l.unit_price_fen);
      p.lists.push_back(r.id);
    }
  }
  std::vector<std::string_view> codes;
  for (const auto& entry : by_code) codes.push_back(entry.first);
  std::sort(codes.begin(), codes.end());
  for (std::string_view code : codes) {
    auto& shops = by_code[code];
    if (static_cast<int>(shops.size()) < t.peer_min_enterprises + 1) continue;
    std::map<std::string_view, Fen> medians;
    for (const auto& [shop, p] : shops) medians[shop] = Median(p.prices);
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
      h.subject = std::string(shop);
      h.score = ScoreBelow(below, t.price_below_peers_pct);
      h.declarations = shops[shop].lists;
      std::sort(h.declarations.begin(), h.declarations.end());
      h.declarations.erase(std::unique(h.declarations.begin(), h.declarations.end()),
                           h.declarations.end());
      const std::string code_text(code);
      h.explanation_zh = "商品编码 " + code_text + " 该企业申报中位价 " + FormatCny(own) +
                         " 元，低于其他 " + std::to_string(others.size()) + " 家企业的中位价 " +
                         FormatCny(peers) + " 元 " + std::to_string(below) + "%：疑似低报价格。";
      h.explanation_en = "For code " + code_text + " this enterprise declares a median of " +
                         FormatCny(own) + " CNY, " + std::to_string(below) + "% below the " +
                         FormatCny(peers) + " CNY median of " + std::to_string(others.size()) +
                         " other enterprises: prices may be under-declared.";
      out.push_back(std::move(h));
    }
  }
}

void SameNameDifferentCodes(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  std::unordered_map<std::string, std::string> folded;  // raw name -> folded: names repeat
  // (enterprise, folded name) -> code -> lists, and one spelling of the name for people.
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::vector<int64_t>>> names;
  std::map<std::pair<std::string, std::string>, std::string> spelling;
  for (const RiskDeclaration& r : d.declarations) {
    for (const RiskLine& l : r.lines) {
      if (l.name.empty() || l.code10.empty()) continue;
      auto f = folded.find(l.name);
      if (f == folded.end()) f = folded.emplace(l.name, FoldForComparison(l.name)).first;
      if (f->second.empty()) continue;
      const std::pair<std::string, std::string> key{r.ebc_code, f->second};
      std::vector<int64_t>& ids = names[key][l.code10];
      if (ids.empty() || ids.back() != r.id) ids.push_back(r.id);
      spelling.emplace(key, l.name);
    }
  }
  for (const auto& [key, codes] : names) {
    const int64_t n = static_cast<int64_t>(codes.size());
    if (n < t.same_name_codes) continue;
    std::string list;
    std::vector<int64_t> ids;
    // Some lists of every code, so that each classification can be opened.
    const size_t each = std::max<size_t>(kMaxHitDeclarations / codes.size(), 1);
    for (const auto& [code, lists] : codes) {
      list += (list.empty() ? "" : ", ") + code + " (" + std::to_string(lists.size()) + ")";
      ids.insert(ids.end(), lists.begin(), lists.begin() + std::min(each, lists.size()));
    }
    const std::string& name = spelling[key];
    RiskHit h;
    h.model = "SAME_NAME_DIFFERENT_CODES";
    h.subject_kind = "enterprise";
    h.subject = key.first;
    h.score = ScoreOver(n, t.same_name_codes);
    h.declarations = HitDeclarations(std::move(ids));
    h.explanation_zh = "商品名称“" + name + "”以 " + std::to_string(n) + " 个商品编码申报：" +
                       list + "（阈值 " + std::to_string(t.same_name_codes) + "）：疑似归类不实。";
    h.explanation_en = "The goods name \"" + name + "\" was declared under " + std::to_string(n) +
                       " commodity codes: " + list + " (threshold " +
                       std::to_string(t.same_name_codes) + "): the classification may be false.";
    out.push_back(std::move(h));
  }
}

}  // namespace core::internal
