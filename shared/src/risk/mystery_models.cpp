// Models over test purchases (mystery orders, issue 4): an order whose declaration never came,
// and a matched declaration that declares less tax or a lower goods value than the covert buyer
// was actually charged. Pure.
#include <algorithm>
#include <map>

#include "risk_internal.h"

namespace core::internal {
namespace {

// The declarations matched with a mystery order, by id (only those: the lists are many).
std::map<int64_t, const RiskDeclaration*> MatchedDeclarations(const RiskData& d) {
  std::map<int64_t, const RiskDeclaration*> out;
  for (const RiskMysteryOrder& m : d.mystery_orders) {
    if (m.declaration_id) out[*m.declaration_id] = nullptr;
  }
  if (out.empty()) return out;
  for (const RiskDeclaration& r : d.declarations) {
    if (auto it = out.find(r.id); it != out.end()) it->second = &r;
  }
  return out;
}

// What a covert buyer paid against what the matched list declares: a hit when `charged` passes
// `declared` by more than `tolerance`.
struct Charge {
  const char* model;
  Fen charged, declared, tolerance;
  const char* what_zh;
  const char* what_en;
};

void CompareCharge(const RiskMysteryOrder& m, const RiskDeclaration& r, const Charge& c,
                   std::vector<RiskHit>& out) {
  if (c.charged <= c.declared + c.tolerance) return;
  RiskHit h;
  h.model = c.model;
  h.subject_kind = "declaration";
  h.subject = std::to_string(r.id);
  h.score = ScoreGap(c.charged - c.declared, c.charged);
  h.declarations = {r.id};
  h.records = {{"mystery_order", m.id}};
  h.explanation_zh = std::string("试买订单（") + m.sku + "）实付" + c.what_zh + " " +
                     FormatCny(c.charged) + " 元，其清单申报 " + FormatCny(c.declared) +
                     " 元，少报 " + FormatCny(c.charged - c.declared) + " 元。";
  h.explanation_en = "A mystery order (" + m.sku + ") was charged " + FormatCny(c.charged) +
                     " CNY " + c.what_en + "; its list declares " + FormatCny(c.declared) +
                     " CNY, " + FormatCny(c.charged - c.declared) + " CNY less.";
  out.push_back(std::move(h));
}

}  // namespace

void TaxCollectedNotDeclared(const RiskData& d, const RiskThresholds& t,
                             std::vector<RiskHit>& out) {
  const auto matched = MatchedDeclarations(d);
  for (const RiskMysteryOrder& m : d.mystery_orders) {
    if (!m.declaration_id || !m.tax_fen) continue;
    const RiskDeclaration* r = matched.find(*m.declaration_id)->second;
    if (r == nullptr) continue;
    CompareCharge(m, *r,
                  {"TAX_COLLECTED_NOT_DECLARED", *m.tax_fen, r->tax_fen, t.tax_tolerance_fen,
                   "税款", "in tax"},
                  out);
  }
}

void MysteryPaidAboveDeclared(const RiskData& d, const RiskThresholds& t,
                              std::vector<RiskHit>& out) {
  const auto matched = MatchedDeclarations(d);
  for (const RiskMysteryOrder& m : d.mystery_orders) {
    if (!m.declaration_id || !m.goods_fen) continue;
    const RiskDeclaration* r = matched.find(*m.declaration_id)->second;
    if (r == nullptr) continue;
    CompareCharge(m, *r,
                  {"MYSTERY_PAID_ABOVE_DECLARED", *m.goods_fen, r->value_fen,
                   t.mystery_paid_tolerance_fen, "货款", "for the goods"},
                  out);
  }
}

void MysteryNoDeclaration(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  struct Waiting {
    std::vector<RiskRecordRef> orders;
    int64_t longest = 0;  // days
    Date since;
  };
  std::map<std::string, Waiting> shops;
  for (const RiskMysteryOrder& m : d.mystery_orders) {
    // Requested orders were never placed and failed ones never went through: no goods to declare.
    if (m.declaration_id || !m.placed_on || m.status == "failed" || m.status == "requested") {
      continue;
    }
    const int64_t waited = d.as_of.DaysSinceEpoch() - m.placed_on->DaysSinceEpoch();
    if (waited <= t.mystery_window_days) continue;
    Waiting& w = shops[m.enterprise_code];
    w.orders.push_back({"mystery_order", m.id});
    if (waited > w.longest) {
      w.longest = waited;
      w.since = *m.placed_on;
    }
  }
  for (auto& [shop, w] : shops) {
    const std::string n = std::to_string(w.orders.size());
    RiskHit h;
    h.model = "MYSTERY_NO_DECLARATION";
    h.subject_kind = "enterprise";
    h.subject = shop;
    h.score = ScoreOver(w.longest, t.mystery_window_days);
    h.records = HitRecords(std::move(w.orders));
    h.explanation_zh = n + " 笔试买订单超过 " + std::to_string(t.mystery_window_days) +
                       " 天仍无清单（最早于 " + w.since.ToIso() + " 下单，已 " +
                       std::to_string(w.longest) + " 天）：商品可能经非跨境渠道发出。";
    h.explanation_en = n + " mystery orders have no declaration list after " +
                       std::to_string(t.mystery_window_days) + " days (the oldest placed on " +
                       w.since.ToIso() + ", " + std::to_string(w.longest) +
                       " days ago): the goods went out by another channel.";
    out.push_back(std::move(h));
  }
}

}  // namespace core::internal
