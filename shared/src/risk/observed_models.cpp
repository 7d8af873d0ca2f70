// Models comparing what was declared with what patrols saw on the shop's pages and what mystery
// orders were charged: a unit price below the price shown, freight below the shipping shown or
// charged, and price cuts no filed promotion covers (DOMAIN §6 price deviation, §8 tolerances).
// Pure.
#include <algorithm>
#include <map>
#include <optional>

#include "risk_internal.h"

namespace core::internal {
namespace {

// An amount a patrol saw on a day.
struct Seen {
  Date date;
  Fen fen = 0;
  int64_t id = 0;
};

using ShopSku = std::pair<std::string, std::string>;  // (enterprise, sku)

// Observations of one amount (price or freight) by shop and SKU, by date.
template <typename FieldFn>
std::map<ShopSku, std::vector<Seen>> IndexSeen(const RiskData& d, FieldFn field) {
  std::map<ShopSku, std::vector<Seen>> out;
  for (const RiskObservation& o : d.observations) {
    const std::optional<Fen> fen = field(o);
    if (fen && *fen >= 0) out[{o.enterprise_code, o.sku}].push_back({o.date, *fen, o.id});
  }
  for (auto& entry : out) {
    std::sort(entry.second.begin(), entry.second.end(),
              [](const Seen& a, const Seen& b) { return a.date < b.date; });
  }
  return out;
}

// The lowest amount seen within `days` of `date` either side; nullptr when none.
const Seen* LowestAround(const std::vector<Seen>& seen, const Date& date, int64_t days) {
  const Date first = date.AddDays(-days);
  const Date last = date.AddDays(days);
  auto it = std::lower_bound(seen.begin(), seen.end(), first,
                             [](const Seen& s, const Date& d) { return s.date < d; });
  const Seen* best = nullptr;
  for (; it != seen.end() && !(last < it->date); ++it) {
    if (best == nullptr || it->fen < best->fen) best = &*it;
  }
  return best;
}

const Seen* Lookup(const std::map<ShopSku, std::vector<Seen>>& index, const std::string& shop,
                   const std::string& sku, const Date& date, int64_t days) {
  auto it = index.find({shop, sku});
  return it == index.end() ? nullptr : LowestAround(it->second, date, days);
}

// Filed promotions by enterprise.
std::map<std::string, std::vector<const PromotionFiling*>> PromotionsByShop(const RiskData& d) {
  std::map<std::string, std::vector<const PromotionFiling*>> out;
  for (const PromotionFiling& f : d.promotions) out[f.enterprise_code].push_back(&f);
  return out;
}

// A filing of the shop covering the SKU on `date` (core/promotion.h Covers) whose promotional
// price is at most `price` (any price when `price` is nullopt).
const PromotionFiling* Covering(
    const std::map<std::string, std::vector<const PromotionFiling*>>& promos,
    const std::string& shop, const std::string& sku, const Date& date, std::optional<Fen> price) {
  auto it = promos.find(shop);
  if (it == promos.end()) return nullptr;
  for (const PromotionFiling* f : it->second) {
    if (Covers(*f, shop, sku, date) && (!price || f->promo_price_fen <= *price)) return f;
  }
  return nullptr;
}

}  // namespace

void PriceBelowObserved(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  if (d.observations.empty()) return;
  const auto seen = IndexSeen(d, [](const RiskObservation& o) { return o.price_fen; });
  const auto promos = PromotionsByShop(d);
  for (const RiskDeclaration& r : d.declarations) {
    for (const RiskLine& l : r.lines) {
      if (l.unit_price_fen <= 0) continue;
      const Seen* low = Lookup(seen, r.ebc_code, l.sku, r.date, t.observed_window_days);
      if (low == nullptr) continue;
      const int64_t below = PctBelow(l.unit_price_fen, low->fen);
      if (below <= t.observed_price_pct) continue;
      if (Covering(promos, r.ebc_code, l.sku, r.date, l.unit_price_fen) != nullptr) continue;
      RiskHit h;
      h.model = "PRICE_BELOW_OBSERVED";
      h.subject_kind = "declaration";
      h.subject = std::to_string(r.id);
      h.score = ScoreBelow(below, std::max<int64_t>(t.observed_price_pct, 1));
      h.declarations = {r.id};
      h.records = {{"observation", low->id}};
      h.explanation_zh = l.sku + " 申报单价 " + FormatCny(l.unit_price_fen) + " 元，比巡查于 " +
                         low->date.ToIso() + " 在该店铺看到的价格 " + FormatCny(low->fen) +
                         " 元低 " + std::to_string(below) + "%（容差 " +
                         std::to_string(t.observed_price_pct) + "%），且无备案促销：疑似低报价格。";
      h.explanation_en = l.sku + " declared at " + FormatCny(l.unit_price_fen) + " CNY, " +
                         std::to_string(below) + "% below the " + FormatCny(low->fen) +
                         " CNY a patrol saw at the shop on " + low->date.ToIso() + " (tolerance " +
                         std::to_string(t.observed_price_pct) +
                         "%), with no filed promotion: the price may be under-declared.";
      out.push_back(std::move(h));
      break;  // one hit per list
    }
  }
}

void FreightBelowObserved(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  if (d.observations.empty() && d.mystery_orders.empty()) return;
  const auto seen = IndexSeen(d, [](const RiskObservation& o) { return o.freight_fen; });
  std::map<int64_t, const RiskMysteryOrder*> charged;  // by matched declaration
  for (const RiskMysteryOrder& m : d.mystery_orders) {
    if (m.declaration_id && m.freight_fen) charged[*m.declaration_id] = &m;
  }
  for (const RiskDeclaration& r : d.declarations) {
    // The reference is the most the buyer was shown or charged for shipping: each SKU's lowest
    // shown freight (one item alone costs at least that), and a mystery order's actual charge.
    Fen reference = 0;
    std::optional<RiskRecordRef> source;
    std::string source_zh, source_en;
    for (const RiskLine& l : r.lines) {
      const Seen* low = Lookup(seen, r.ebc_code, l.sku, r.date, t.observed_window_days);
      if (low != nullptr && low->fen > reference) {
        reference = low->fen;
        source = RiskRecordRef{"observation", low->id};
        source_zh = "巡查于 " + low->date.ToIso() + " 看到 " + l.sku + " 的运费";
        source_en = "the shipping a patrol saw for " + l.sku + " on " + low->date.ToIso();
      }
    }
    if (auto m = charged.find(r.id); m != charged.end() && *m->second->freight_fen > reference) {
      reference = *m->second->freight_fen;
      source = RiskRecordRef{"mystery_order", m->second->id};
      source_zh = "试买订单实付运费";
      source_en = "the freight a mystery order was charged";
    }
    if (!source || r.freight_fen + t.freight_tolerance_fen >= reference) continue;
    RiskHit h;
    h.model = "FREIGHT_BELOW_OBSERVED";
    h.subject_kind = "declaration";
    h.subject = std::to_string(r.id);
    h.score = ScoreGap(reference - r.freight_fen, reference);
    h.declarations = {r.id};
    h.records = {*source};
    h.explanation_zh = "清单申报运费 " + FormatCny(r.freight_fen) + " 元，低于" + source_zh + " " +
                       FormatCny(reference) + " 元：运费计入完税价格，疑似漏报或低报。";
    h.explanation_en = "The list declares " + FormatCny(r.freight_fen) + " CNY freight, below " +
                       source_en + " (" + FormatCny(reference) +
                       " CNY): freight is part of the dutiable value.";
    out.push_back(std::move(h));
  }
}

void UnfiledPromotion(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  constexpr size_t kMinHistory = 3;  // prices before a median is the usual price
  // Every declared and shown price of a SKU at a shop, read once; the median of them all is its
  // usual price.
  struct Price {
    Fen fen = 0;
    Date date;
    const RiskDeclaration* declaration = nullptr;  // or
    const RiskObservation* observation = nullptr;
  };
  std::map<ShopSku, std::vector<Price>> prices;
  for (const RiskDeclaration& r : d.declarations) {
    for (const RiskLine& l : r.lines) {
      if (l.unit_price_fen > 0)
        prices[{r.ebc_code, l.sku}].push_back({l.unit_price_fen, r.date, &r});
    }
  }
  for (const RiskObservation& o : d.observations) {
    if (o.price_fen && *o.price_fen > 0) {
      prices[{o.enterprise_code, o.sku}].push_back({*o.price_fen, o.date, nullptr, &o});
    }
  }
  const auto promos = PromotionsByShop(d);
  for (const auto& [key, points] : prices) {
    std::optional<Fen> usual;
    if (points.size() >= kMinHistory) {
      std::vector<Fen> fens;
      for (const Price& p : points) fens.push_back(p.fen);
      usual = Median(std::move(fens));
    }
    std::vector<int64_t> declarations;
    std::vector<RiskRecordRef> records;
    Fen reference = 0, lowest = 0;
    int64_t deepest = 0;
    for (const Price& p : points) {
      // A struck-through "was" price is the shop's own statement of the usual price.
      const RiskObservation* o = p.observation;
      const bool was = o != nullptr && o->old_price_fen && *o->old_price_fen > p.fen;
      const Fen ref = was ? *o->old_price_fen : usual.value_or(0);
      const int64_t cut = PctBelow(p.fen, ref);
      if (cut <= t.promo_cut_pct) continue;
      if (Covering(promos, key.first, key.second, p.date, std::nullopt) != nullptr) continue;
      if (p.declaration != nullptr) declarations.push_back(p.declaration->id);
      if (o != nullptr) records.push_back({"observation", o->id});
      if (cut > deepest) {
        deepest = cut;
        reference = ref;
        lowest = p.fen;
      }
    }
    const size_t n = declarations.size() + records.size();
    if (n == 0) continue;
    RiskHit h;
    h.model = "UNFILED_PROMOTION";
    h.subject_kind = "enterprise";
    h.subject = key.first;
    h.score = ScoreBelow(deepest, t.promo_cut_pct);
    h.declarations = HitDeclarations(std::move(declarations));
    h.records = HitRecords(std::move(records));
    h.explanation_zh = key.second + " 有 " + std::to_string(n) + " 次申报或页面价格低于常规价 " +
                       FormatCny(reference) + " 元超过 " + std::to_string(t.promo_cut_pct) +
                       "%（最低 " + FormatCny(lowest) + " 元，低 " + std::to_string(deepest) +
                       "%），当日无备案促销：促销未报备。";
    h.explanation_en = key.second + ": " + std::to_string(n) +
                       " declared or shown prices more than " + std::to_string(t.promo_cut_pct) +
                       "% below its usual " + FormatCny(reference) + " CNY (lowest " +
                       FormatCny(lowest) + " CNY, " + std::to_string(deepest) +
                       "% below) with no filed promotion covering the day.";
    out.push_back(std::move(h));
  }
}

}  // namespace core::internal
