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

// Per risk model column, the highest score of its hits reaching a list through one key.
using ScoresByKey = std::unordered_map<std::string, std::vector<std::pair<size_t, int>>>;

void Raise(std::vector<float>& row, size_t column, int score) {
  if (row[column] < static_cast<float>(score)) row[column] = static_cast<float>(score);
}

void RaiseFrom(const ScoresByKey& index, const std::string& key, std::vector<float>& row) {
  if (key.empty()) return;
  auto it = index.find(key);
  if (it == index.end()) return;
  for (const auto& [column, score] : it->second) Raise(row, column, score);
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

std::vector<LearnedRow> LearnedFeatureRows(const RiskData& data, const std::vector<RiskHit>& hits) {
  std::unordered_map<std::string, size_t> column_of_model;
  const auto& features = LearnedFeatures();
  for (size_t c = kListFactCount; c < features.size(); ++c) {
    column_of_model.emplace(features[c].id.substr(6), c);  // after "model."
  }
  // A hit reaches a list through its subject when the list carries that subject (the buyer,
  // phone, address, payer, enterprise or a commodity code), and through the declarations it
  // names (those are capped, the subject is not).
  std::unordered_map<std::string, ScoresByKey> by_kind;
  std::unordered_map<int64_t, std::vector<std::pair<size_t, int>>> by_declaration;
  for (const RiskHit& h : hits) {
    auto col = column_of_model.find(h.model);
    if (col == column_of_model.end()) continue;
    by_kind[h.subject_kind][h.subject].emplace_back(col->second, h.score);
    for (int64_t id : h.declarations) by_declaration[id].emplace_back(col->second, h.score);
  }
  const ScoresByKey empty;
  auto index = [&](const char* kind) -> const ScoresByKey& {
    auto it = by_kind.find(kind);
    return it == by_kind.end() ? empty : it->second;
  };
  const ScoresByKey& buyers = index("buyer");
  const ScoresByKey& phones = index("phone");
  const ScoresByKey& addresses = index("address");
  const ScoresByKey& payers = index("payer");
  const ScoresByKey& enterprises = index("enterprise");
  const ScoresByKey& codes = index("code");

  std::vector<LearnedRow> rows;
  rows.reserve(data.declarations.size());
  for (const RiskDeclaration& d : data.declarations) {
    LearnedRow r;
    r.declaration_id = d.id;
    r.values.assign(features.size(), 0.0f);
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
    RaiseFrom(buyers, d.buyer_id, r.values);
    RaiseFrom(phones, d.phone_key, r.values);
    RaiseFrom(addresses, d.address_key, r.values);
    RaiseFrom(payers, d.payer_id, r.values);
    RaiseFrom(enterprises, d.ebc_code, r.values);
    for (const RiskLine& l : d.lines) RaiseFrom(codes, l.code10, r.values);
    auto named = by_declaration.find(d.id);
    if (named != by_declaration.end()) {
      for (const auto& [column, score] : named->second) Raise(r.values, column, score);
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace core
