// The learned score's columns: list facts, then one per risk model. Pure.
#include "core/learned_features.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace core {
namespace {

// Models whose hits are built from inspection outcomes: a training row would see its own label.
bool ReadsOutcomes(std::string_view model) {
  return model == "INSPECTION_MISMATCH_HISTORY" || model == "PRIOR_ENTERPRISE" ||
         model == "PRIOR_DECLARANT" || model == "PRIOR_CODE";
}

struct ListFact {
  const char* id;
  const char* name_zh;
  const char* name_en;
};

constexpr ListFact kListFacts[] = {
    {"list.value_fen", "清单货值(分)", "Goods value of the list (fen)"},
    {"list.lines", "商品行数", "Goods lines"},
    {"list.units", "商品件数", "Units of goods"},
    {"list.max_unit_price_fen", "最高单价(分)", "Highest unit price (fen)"},
    {"list.hour", "申报时刻", "Hour declared"},
    {"list.freight_fen", "运费(分)", "Freight declared (fen)"},
    {"list.tax_fen", "订单代收税款(分)", "Tax the order declares collected (fen)"},
    {"list.payer_not_buyer", "支付人非订购人", "Paid by someone other than the buyer"},
};
constexpr size_t kListFactCount = sizeof(kListFacts) / sizeof(kListFacts[0]);

std::vector<LearnedFeatureInfo> BuildFeatures() {
  std::vector<LearnedFeatureInfo> out;
  for (const ListFact& f : kListFacts) out.push_back({f.id, f.name_zh, f.name_en});
  for (const RiskModelInfo& m : RiskModels()) {
    if (ReadsOutcomes(m.id)) continue;
    out.push_back({"model." + m.id, "模型命中: " + m.name_zh, "Model hit: " + m.name_en});
  }
  return out;
}

void Raise(std::vector<float>& row, size_t column, int score) {
  if (row[column] < static_cast<float>(score)) row[column] = static_cast<float>(score);
}

}  // namespace

const std::vector<LearnedFeatureInfo>& LearnedFeatures() {
  static const std::vector<LearnedFeatureInfo>* const kFeatures =
      new std::vector<LearnedFeatureInfo>(BuildFeatures());
  return *kFeatures;
}

std::vector<std::string> LearnedFeatureIds() {
  std::vector<std::string> ids;
  for (const LearnedFeatureInfo& f : LearnedFeatures()) ids.push_back(f.id);
  return ids;
}

float RuleHitScore(const LearnedRow& row) {
  float sum = 0;
  for (size_t c = kListFactCount; c < row.values.size(); ++c) sum += row.values[c];
  return sum;
}

LearnedHitIndex::LearnedHitIndex(const std::vector<RiskHit>& hits) {
  std::unordered_map<std::string_view, size_t> column_of_model;
  const auto& features = LearnedFeatures();
  for (size_t c = kListFactCount; c < features.size(); ++c) {
    column_of_model.emplace(std::string_view(features[c].id).substr(6), c);  // after "model."
  }
  for (const RiskHit& h : hits) {
    auto col = column_of_model.find(h.model);
    if (col == column_of_model.end()) continue;
    ScoresByKey* index = h.subject_kind == "buyer"        ? &buyers_
                         : h.subject_kind == "phone"      ? &phones_
                         : h.subject_kind == "address"    ? &addresses_
                         : h.subject_kind == "payer"      ? &payers_
                         : h.subject_kind == "enterprise" ? &enterprises_
                         : h.subject_kind == "code"       ? &codes_
                                                          : nullptr;
    if (index != nullptr) (*index)[h.subject].emplace_back(col->second, h.score);
    for (int64_t id : h.declarations) by_declaration_[id].emplace_back(col->second, h.score);
  }
}

void LearnedHitIndex::RaiseFrom(const ScoresByKey& index, const std::string& key,
                                std::vector<float>& values) {
  if (key.empty()) return;
  auto it = index.find(key);
  if (it == index.end()) return;
  for (const auto& [column, score] : it->second) Raise(values, column, score);
}

void LearnedHitIndex::RaiseColumns(const RiskDeclaration& d, std::vector<float>& values) const {
  RaiseFrom(buyers_, d.buyer_id, values);
  RaiseFrom(phones_, d.phone_key, values);
  RaiseFrom(addresses_, d.address_key, values);
  RaiseFrom(payers_, d.payer_id, values);
  RaiseFrom(enterprises_, d.ebc_code, values);
  for (const RiskLine& l : d.lines) RaiseFrom(codes_, l.code10, values);
  auto named = by_declaration_.find(d.id);
  if (named == by_declaration_.end()) return;
  for (const auto& [column, score] : named->second) Raise(values, column, score);
}

LearnedRow LearnedFeatureRow(const RiskDeclaration& d, const LearnedHitIndex& hits) {
  LearnedRow r;
  r.declaration_id = d.id;
  r.values.assign(LearnedFeatures().size(), 0.0f);
  int64_t units_e5 = 0;
  Fen max_price = 0;
  for (const RiskLine& l : d.lines) {
    units_e5 += l.qty_e5;
    max_price = std::max(max_price, l.unit_price_fen);
  }
  r.values[0] = static_cast<float>(d.value_fen);
  r.values[1] = static_cast<float>(d.lines.size());
  r.values[2] = static_cast<float>(units_e5 / 100'000);
  r.values[3] = static_cast<float>(max_price);
  r.values[4] = static_cast<float>(d.hour);
  r.values[5] = static_cast<float>(d.freight_fen);
  r.values[6] = static_cast<float>(d.tax_fen);
  r.values[7] = d.payer_id.empty() ? std::numeric_limits<float>::quiet_NaN()
                                   : (d.payer_id != d.buyer_id ? 1.0f : 0.0f);
  hits.RaiseColumns(d, r.values);
  return r;
}

std::vector<LearnedRow> LearnedFeatureRows(const RiskData& data, const std::vector<RiskHit>& hits) {
  const LearnedHitIndex index(hits);
  std::vector<LearnedRow> rows;
  rows.reserve(data.declarations.size());
  for (const RiskDeclaration& d : data.declarations) rows.push_back(LearnedFeatureRow(d, index));
  return rows;
}

}  // namespace core
