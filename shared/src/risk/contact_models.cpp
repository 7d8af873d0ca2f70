// Models over who buys and where it goes: one phone or address behind many buyer IDs (family and
// borrowed IDs used to stretch the annual quota), one ID shipping to many addresses (an ID lent
// out), one address receiving in bulk (resale). Pure.
#include <algorithm>

#include "risk_internal.h"

namespace core::internal {
namespace {

std::vector<int64_t> Ids(const std::vector<const RiskDeclaration*>& rs) {
  std::vector<int64_t> ids;
  ids.reserve(rs.size());
  for (const RiskDeclaration* r : rs) ids.push_back(r->id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Buyer IDs behind each `key` (phone or address): a hit where they reach `threshold`.
void IdsBehind(const RiskData& d, bool phone, int64_t threshold, std::vector<RiskHit>& out) {
  auto groups = GroupByKey(d, [&](const RiskDeclaration& r) {
    return std::string_view(phone ? r.phone_key : r.address_key);
  });
  for (const auto& [key, rs] : groups) {
    if (static_cast<int64_t>(rs.size()) < threshold) continue;  // fewer lists than IDs needed
    const int n =
        CountDistinct(rs, [](const RiskDeclaration& r) { return std::string_view(r.buyer_id); });
    if (n < threshold) continue;
    RiskHit h;
    h.model = phone ? "SHARED_PHONE" : "SHARED_ADDRESS";
    h.subject_kind = phone ? "phone" : "address";
    h.subject = std::string(key);
    h.score = ScoreOver(n, threshold);
    h.declarations = Ids(rs);
    const std::string what_zh = phone ? "同一手机号" : "同一收货地址";
    const std::string what_en = phone ? "One phone number" : "One delivery address";
    h.explanation_zh = what_zh + "关联 " + std::to_string(n) + " 个身份证（阈值 " +
                       std::to_string(threshold) + "）：可能借用他人额度。";
    h.explanation_en = what_en + " is behind " + std::to_string(n) + " buyer IDs (threshold " +
                       std::to_string(threshold) + "): other people's quotas may be borrowed.";
    out.push_back(std::move(h));
  }
}

}  // namespace

void SharedPhone(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  IdsBehind(d, true, t.ids_per_phone, out);
}

void SharedAddress(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  IdsBehind(d, false, t.ids_per_address, out);
}

void IdManyAddresses(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  const Date from = d.as_of.AddDays(-365);
  auto groups = GroupByKey(d, [&](const RiskDeclaration& r) {
    return r.date > from && !(d.as_of < r.date) ? std::string_view(r.buyer_id) : std::string_view();
  });
  for (const auto& [id, rs] : groups) {
    if (static_cast<int64_t>(rs.size()) < t.addresses_per_id) continue;
    const int n =
        CountDistinct(rs, [](const RiskDeclaration& r) { return std::string_view(r.address_key); });
    if (n < t.addresses_per_id) continue;
    RiskHit h;
    h.model = "ID_MANY_ADDRESSES";
    h.subject_kind = "buyer";
    h.subject = std::string(id);
    h.score = ScoreOver(n, t.addresses_per_id);
    h.declarations = Ids(rs);
    h.explanation_zh = "同一身份证一年内向 " + std::to_string(n) + " 个不同地址收货（阈值 " +
                       std::to_string(t.addresses_per_id) + "）：身份信息可能被冒用或出借。";
    h.explanation_en = "One buyer ID shipped to " + std::to_string(n) +
                       " different addresses within a year (threshold " +
                       std::to_string(t.addresses_per_id) + "): the ID may be lent or misused.";
    out.push_back(std::move(h));
  }
}

void BulkConsignee(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  const Date from = d.as_of.AddDays(-30);
  auto groups = GroupByKey(d, [&](const RiskDeclaration& r) {
    return r.date > from && !(d.as_of < r.date) ? std::string_view(r.address_key)
                                                : std::string_view();
  });
  for (const auto& [address, rs] : groups) {
    const int n = static_cast<int>(rs.size());
    if (n < t.bulk_consignee_lists) continue;
    RiskHit h;
    h.model = "BULK_CONSIGNEE";
    h.subject_kind = "address";
    h.subject = std::string(address);
    h.score = ScoreOver(n, t.bulk_consignee_lists);
    h.declarations = Ids(rs);
    h.explanation_zh = "同一收货地址30天内收货 " + std::to_string(n) + " 单（阈值 " +
                       std::to_string(t.bulk_consignee_lists) + "）：疑似集中收货再销售。";
    h.explanation_en = "One delivery address received " + std::to_string(n) +
                       " lists in 30 days (threshold " + std::to_string(t.bulk_consignee_lists) +
                       "): goods may be gathered for resale.";
    out.push_back(std::move(h));
  }
}

}  // namespace core::internal
