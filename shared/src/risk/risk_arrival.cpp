// The consumer models at arrival: the neighbourhood of a list and the hits on its subjects. Pure.
#include "core/risk_arrival.h"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace core {

const std::vector<std::string_view>& ArrivalModels() {
  static const std::vector<std::string_view>* const kModels = [] {
    constexpr std::string_view kConsumer[] = {"SPLIT_UNDER_LIMIT",     "SHARED_PHONE",
                                              "SHARED_ADDRESS",        "ID_MANY_ADDRESSES",
                                              "BULK_CONSIGNEE",        "QTY_BEYOND_PERSONAL_USE",
                                              "FAMILY_QUOTA_PRESSURE", "PAYER_MANY_BUYERS"};
    auto* ids = new std::vector<std::string_view>();
    for (const RiskModelInfo& m : RiskModels()) {
      if (std::find(std::begin(kConsumer), std::end(kConsumer), m.id) != std::end(kConsumer)) {
        ids->push_back(m.id);
      }
    }
    return ids;
  }();
  return *kModels;
}

bool IsArrivalModel(std::string_view model) {
  const auto& ids = ArrivalModels();
  return std::find(ids.begin(), ids.end(), model) != ids.end();
}

bool HitConcerns(const RiskHit& h, const RiskDeclaration& d) {
  auto is = [&](const char* kind, const std::string& key) {
    return !key.empty() && h.subject_kind == kind && h.subject == key;
  };
  return is("buyer", d.buyer_id) || is("phone", d.phone_key) || is("address", d.address_key) ||
         is("payer", d.payer_id) || is("declaration", std::to_string(d.id));
}

std::vector<RiskDeclaration> ArrivalNeighbourhood(const std::vector<RiskDeclaration>& all,
                                                  const RiskDeclaration& d) {
  auto same = [](const std::string& a, const std::string& b) { return !a.empty() && a == b; };
  auto shares = [&](const RiskDeclaration& r) {
    return same(r.buyer_id, d.buyer_id) || same(r.phone_key, d.phone_key) ||
           same(r.address_key, d.address_key) || same(r.payer_id, d.payer_id);
  };
  std::unordered_set<std::string_view> buyers;
  if (!d.buyer_id.empty()) buyers.insert(d.buyer_id);
  for (const RiskDeclaration& r : all) {
    if (shares(r) && !r.buyer_id.empty()) buyers.insert(r.buyer_id);
  }
  std::vector<RiskDeclaration> out;
  for (const RiskDeclaration& r : all) {
    if (buyers.count(r.buyer_id) != 0 || shares(r)) out.push_back(r);
  }
  return out;
}

std::vector<RiskHit> RunArrivalModels(const RiskData& data, const RiskDeclaration& d,
                                      const RiskThresholds& t) {
  std::vector<RiskHit> out;
  const auto& models = RiskModels();
  for (size_t i = 0; i < models.size(); ++i) {
    if (!IsArrivalModel(models[i].id)) continue;
    for (RiskHit& h : RunRiskModel(data, t, i)) {
      if (HitConcerns(h, d)) out.push_back(std::move(h));
    }
  }
  return out;
}

}  // namespace core
