// Models learned from past inspection outcomes: an enterprise whose inspections keep finding
// goods that do not match the declaration, and history priors per enterprise, declarant and
// commodity code: the mismatch rate smoothed towards the overall rate, (m + a x p0) / (n + a),
// so that a subject with few inspections stays near the overall rate until its own record says
// otherwise. Integer per-mille arithmetic. Pure.
#include <algorithm>
#include <map>

#include "risk_internal.h"

namespace core::internal {
namespace {

struct Record {
  int64_t inspections = 0;
  int64_t mismatches = 0;
  std::vector<int64_t> declarations;   // of the mismatches
  std::vector<RiskRecordRef> records;  // the mismatched inspections
};

void Count(Record& r, const RiskInspection& i) {
  ++r.inspections;
  if (!i.mismatch) return;
  ++r.mismatches;
  r.declarations.push_back(i.declaration_id);
  r.records.push_back({"inspection", i.id});
}

struct PriorKind {
  const char* model;
  const char* kind;  // subject kind
  const char* what_zh;
  const char* what_en;
};

// Hits of one prior: subjects by `keys` of each inspection (an inspection may count for several
// subjects, e.g. each commodity code of its list).
template <typename KeysFn>
void Prior(const RiskData& d, const RiskThresholds& t, const PriorKind& p, KeysFn keys,
           std::vector<RiskHit>& out) {
  int64_t all = 0, all_mismatches = 0;
  std::map<std::string, Record> subjects;
  for (const RiskInspection& i : d.inspections) {
    ++all;
    all_mismatches += i.mismatch ? 1 : 0;
    for (const std::string& key : keys(i)) {
      if (!key.empty()) Count(subjects[key], i);
    }
  }
  if (all == 0 || all_mismatches == 0) return;     // nothing learned: no rate to exceed
  const int64_t p0 = all_mismatches * 1000 / all;  // per mille
  const int64_t a = t.prior_strength;
  const int64_t threshold = std::max<int64_t>(p0 * t.prior_factor_pct / 100, 1);
  for (auto& [key, r] : subjects) {
    if (r.inspections < t.prior_min_inspections) continue;
    const int64_t prior = (r.mismatches * 1000 + a * p0) / (r.inspections + a);
    if (prior < threshold) continue;
    RiskHit h;
    h.model = p.model;
    h.subject_kind = p.kind;
    h.subject = key;
    h.score = ScoreOver(prior, threshold);
    h.declarations = HitDeclarations(std::move(r.declarations));
    h.records = HitRecords(std::move(r.records));
    h.explanation_zh = std::string(p.what_zh) + " " + std::to_string(r.inspections) + " 次查验中 " +
                       std::to_string(r.mismatches) + " 次单货不符；平滑后不符率 " +
                       std::to_string(prior) + "‰，为总体 " + std::to_string(p0) + "‰ 的 " +
                       std::to_string(prior * 100 / std::max<int64_t>(p0, 1)) + "%（阈值 " +
                       std::to_string(t.prior_factor_pct) + "%）。";
    h.explanation_en = std::to_string(r.mismatches) + " of " + std::to_string(r.inspections) +
                       " inspections of this " + p.what_en +
                       " found a mismatch; the smoothed rate " + std::to_string(prior) + "‰ is " +
                       std::to_string(prior * 100 / std::max<int64_t>(p0, 1)) +
                       "% of the overall " + std::to_string(p0) + "‰ (threshold " +
                       std::to_string(t.prior_factor_pct) + "%).";
    out.push_back(std::move(h));
  }
}

}  // namespace

void InspectionMismatchHistory(const RiskData& d, const RiskThresholds& t,
                               std::vector<RiskHit>& out) {
  const Date from = d.as_of.AddDays(-t.inspection_window_days);
  std::map<std::string, Record> shops;
  for (const RiskInspection& i : d.inspections) {
    if (Within(i.date, from, d.as_of) && !i.ebc_code.empty()) Count(shops[i.ebc_code], i);
  }
  for (auto& [code, r] : shops) {
    if (r.mismatches < t.inspection_mismatches) continue;
    RiskHit h;
    h.model = "INSPECTION_MISMATCH_HISTORY";
    h.subject_kind = "enterprise";
    h.subject = code;
    h.score = ScoreOver(r.mismatches, t.inspection_mismatches);
    h.declarations = HitDeclarations(std::move(r.declarations));
    h.records = HitRecords(std::move(r.records));
    h.explanation_zh = std::to_string(t.inspection_window_days) + " 天内 " +
                       std::to_string(r.inspections) + " 次查验中 " + std::to_string(r.mismatches) +
                       " 次单货不符（阈值 " + std::to_string(t.inspection_mismatches) + "）。";
    h.explanation_en = std::to_string(r.mismatches) + " of " + std::to_string(r.inspections) +
                       " inspections within " + std::to_string(t.inspection_window_days) +
                       " days found goods not matching the declaration (threshold " +
                       std::to_string(t.inspection_mismatches) + ").";
    out.push_back(std::move(h));
  }
}

void PriorEnterprise(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  Prior(
      d, t, {"PRIOR_ENTERPRISE", "enterprise", "该企业", "enterprise"},
      [](const RiskInspection& i) { return std::vector<std::string>{i.ebc_code}; }, out);
}

void PriorDeclarant(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  Prior(
      d, t, {"PRIOR_DECLARANT", "declarant", "该申报企业", "declarant"},
      [](const RiskInspection& i) { return std::vector<std::string>{i.agent_code}; }, out);
}

void PriorCode(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  Prior(
      d, t, {"PRIOR_CODE", "code", "该商品编码", "commodity code"},
      [](const RiskInspection& i) { return i.codes; }, out);
}

}  // namespace core::internal
