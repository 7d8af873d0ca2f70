// Models comparing what a shop lists with what its enterprise declares: goods on sale that were
// never declared (sold through other channels), and goods declared in volume that patrols never
// found on sale (orders made up, "刷单"). Pure.
#include <map>
#include <set>

#include "risk_internal.h"

namespace core::internal {
namespace {

// The first observation of each SKU, by enterprise.
std::map<std::string, std::map<std::string, const RiskObservation*>> FirstSeen(const RiskData& d) {
  std::map<std::string, std::map<std::string, const RiskObservation*>> out;
  for (const RiskObservation& o : d.observations) {
    const RiskObservation*& first = out[o.enterprise_code][o.sku];
    if (first == nullptr || o.date < first->date || (o.date == first->date && o.id < first->id)) {
      first = &o;
    }
  }
  return out;
}

// Up to five items of a set, comma-separated, "..." after.
std::string Few(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < 5; ++i) out += (i ? ", " : "") + items[i];
  return items.size() > 5 ? out + ", ..." : out;
}

}  // namespace

void SoldNotDeclared(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  if (d.observations.empty()) return;
  const auto seen = FirstSeen(d);
  std::map<std::string, std::set<std::string>> declared;  // patrolled enterprise -> SKUs
  for (const RiskDeclaration& r : d.declarations) {
    if (seen.count(r.ebc_code) == 0) continue;
    for (const RiskLine& l : r.lines) declared[r.ebc_code].insert(l.sku);
  }
  // A SKU just put on sale may not have sold yet: only those first seen before the grace.
  const Date seen_by = d.as_of.AddDays(-t.listing_grace_days);
  for (const auto& [shop, skus] : seen) {
    const std::set<std::string>& own = declared[shop];
    std::vector<std::string> missing;
    std::vector<RiskRecordRef> records;
    for (const auto& [sku, first] : skus) {
      if (seen_by < first->date || own.count(sku) != 0) continue;
      missing.push_back(sku);
      records.push_back({"observation", first->id});
    }
    const int64_t n = static_cast<int64_t>(missing.size());
    if (n < t.undeclared_skus) continue;
    RiskHit h;
    h.model = "SOLD_NOT_DECLARED";
    h.subject_kind = "enterprise";
    h.subject = shop;
    h.score = ScoreOver(n, t.undeclared_skus);
    h.records = HitRecords(std::move(records));
    h.explanation_zh = "店铺在售的 " + std::to_string(n) + " 种商品（" + Few(missing) +
                       "）上架至少 " + std::to_string(t.listing_grace_days) + " 天从未申报（阈值 " +
                       std::to_string(t.undeclared_skus) + "）：可能经其他渠道发货。";
    h.explanation_en = std::to_string(n) + " SKUs on sale in the shop (" + Few(missing) +
                       ") for at least " + std::to_string(t.listing_grace_days) +
                       " days were never declared (threshold " + std::to_string(t.undeclared_skus) +
                       "): the goods may leave by other channels.";
    out.push_back(std::move(h));
  }
}

void DeclaredNotListed(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  if (d.observations.empty()) return;
  const auto seen = FirstSeen(d);
  // Only patrolled shops say anything: lists per SKU of the enterprises a patrol has read.
  std::map<std::pair<std::string, std::string>, std::vector<int64_t>> lists;
  for (const RiskDeclaration& r : d.declarations) {
    auto shop = seen.find(r.ebc_code);
    if (shop == seen.end()) continue;
    for (const RiskLine& l : r.lines) {
      if (shop->second.count(l.sku) == 0) lists[{r.ebc_code, l.sku}].push_back(r.id);
    }
  }
  for (auto& [key, ids] : lists) {
    const int64_t n = static_cast<int64_t>(ids.size());
    if (n < t.declared_not_listed_lists) continue;
    const std::string patrolled = std::to_string(seen.find(key.first)->second.size());
    RiskHit h;
    h.model = "DECLARED_NOT_LISTED";
    h.subject_kind = "enterprise";
    h.subject = key.first;
    h.score = ScoreOver(n, t.declared_not_listed_lists);
    h.declarations = HitDeclarations(std::move(ids));
    h.explanation_zh = key.second + " 已申报 " + std::to_string(n) + " 单（阈值 " +
                       std::to_string(t.declared_not_listed_lists) + "），巡查在该店铺看到的 " +
                       patrolled + " 种商品中从未出现：订单可能是虚构的。";
    h.explanation_en = key.second + " was declared in " + std::to_string(n) + " lists (threshold " +
                       std::to_string(t.declared_not_listed_lists) + ") but was never among the " +
                       patrolled + " SKUs patrols found in the shop: the orders may be fabricated.";
    out.push_back(std::move(h));
  }
}

}  // namespace core::internal
