// The models of core/risk.h, one function each, and what they share. Private to the core. Pure.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/risk.h"

namespace core::internal {

using RiskModelFn = void (*)(const RiskData&, const RiskThresholds&, std::vector<RiskHit>&);

// A registered model: what it is, and the function that runs it.
struct RiskModelEntry {
  RiskModelInfo info;
  RiskModelFn run;
};

// The models over what patrols, mystery orders, stocktakes, gates and inspections found
// (risk_catalog_findings.cpp), appended to the registry after the declaration models.
void AppendFindingModels(std::vector<RiskModelEntry>& out);

// 50 at the threshold, 100 at twice it, never below 1: how far past its threshold a hit is.
int ScoreOver(int64_t observed, int64_t threshold);
// For "below by X%" models: 50 at the threshold share, 100 at twice it.
int ScoreBelow(int64_t shortfall_pct, int64_t threshold_pct);
// For "more than declared" models: 50 for any excess, 100 once the excess reaches `base` (the
// amount declared lower is then half or less of what was charged or seen).
int ScoreGap(int64_t excess, int64_t base);

// A hit's declarations: ascending, each once, at most kMaxHitDeclarations (volume models name
// the count in their explanation; the first lists are enough to open the case).
inline constexpr size_t kMaxHitDeclarations = 100;
std::vector<int64_t> HitDeclarations(std::vector<int64_t> ids);
// Records sorted by kind then id, each once.
std::vector<RiskRecordRef> HitRecords(std::vector<RiskRecordRef> records);
// How far `price` is below `reference`, in whole percent (0 when not below).
int64_t PctBelow(Fen price, Fen reference);
// The lower median (no averaging: amounts stay exact fen); `v` not empty.
Fen Median(std::vector<Fen> v);
// `first` and `last` inclusive.
inline bool Within(const Date& d, const Date& first, const Date& last) {
  return !(d < first) && !(last < d);
}

// Declarations grouped by a key that views into them (`key(r)` returns a std::string_view into
// `r`; empty keys are skipped), hashed rather than ordered and without copying keys: at millions
// of lists the grouping is most of a model's time. The groups come in no particular order (it
// differs between standard libraries), so a model must not let it decide the order of its hits
// beyond their subjects (RunRiskModel sorts by subject); within a group, declarations keep the
// order of `d.declarations`.
template <typename KeyFn>
std::unordered_map<std::string_view, std::vector<const RiskDeclaration*>> GroupByKey(
    const RiskData& d, KeyFn key) {
  std::unordered_map<std::string_view, std::vector<const RiskDeclaration*>> out;
  out.reserve(d.declarations.size() / 2 + 1);
  for (const RiskDeclaration& r : d.declarations) {
    const std::string_view k = key(r);
    if (!k.empty()) out[k].push_back(&r);
  }
  return out;
}
// How many distinct values `value(r)` takes over `rs` (empty values not counted).
template <typename ValueFn>
int CountDistinct(const std::vector<const RiskDeclaration*>& rs, ValueFn value) {
  std::vector<std::string_view> seen;
  seen.reserve(rs.size());
  for (const RiskDeclaration* r : rs) {
    const std::string_view v = value(*r);
    if (!v.empty()) seen.push_back(v);
  }
  std::sort(seen.begin(), seen.end());
  return static_cast<int>(std::unique(seen.begin(), seen.end()) - seen.begin());
}

// contact_models.cpp
void SharedPhone(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void SharedAddress(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void IdManyAddresses(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void BulkConsignee(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
// order_models.cpp
void SplitUnderLimit(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void QtyBeyondPersonalUse(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void OddHours(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void Burst(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void NewEnterpriseSurge(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
// price_models.cpp
void PriceBelowOwnHistory(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void PriceBelowPeers(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void SameNameDifferentCodes(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
// payer_models.cpp
void FamilyQuotaPressure(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void PayerManyBuyers(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void PayerNotBuyer(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
// observed_models.cpp
void PriceBelowObserved(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void FreightBelowObserved(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void UnfiledPromotion(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
// listing_models.cpp
void SoldNotDeclared(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void DeclaredNotListed(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
// mystery_models.cpp
void TaxCollectedNotDeclared(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void MysteryNoDeclaration(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void MysteryPaidAboveDeclared(const RiskData& d, const RiskThresholds& t,
                              std::vector<RiskHit>& out);
// ledger_gate_models.cpp
void LedgerShortfall(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void LedgerSurplus(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void GateWeightMismatch(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void UnregisteredVehicle(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
// inspection_models.cpp
void InspectionMismatchHistory(const RiskData& d, const RiskThresholds& t,
                               std::vector<RiskHit>& out);
void PriorEnterprise(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void PriorDeclarant(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void PriorCode(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);

}  // namespace core::internal
