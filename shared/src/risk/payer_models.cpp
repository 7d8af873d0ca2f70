// Models over who pays and whose quota is used: a household whose IDs together approach their
// annual limits, one payer paying for many buyers, an enterprise whose lists are often paid by
// someone other than the buyer (orderer = payer = consignee is the rule, DOMAIN §6). Pure.
#include <map>
#include <set>
#include <unordered_map>

#include "risk_internal.h"

namespace core::internal {

void FamilyQuotaPressure(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  // Year-to-date per buyer counts every list of the year, wherever it went; the household is
  // the IDs that shipped to one address this year.
  const Date year_start = Date::FromYmd(d.as_of.year(), 1, 1).value();
  std::unordered_map<std::string_view, Fen> ytd;  // every buyer of the year, by ID
  ytd.reserve(d.declarations.size() / 2 + 1);
  for (const RiskDeclaration& r : d.declarations) {
    if (!r.buyer_id.empty() && Within(r.date, year_start, d.as_of)) ytd[r.buyer_id] += r.value_fen;
  }
  auto homes = GroupByKey(d, [&](const RiskDeclaration& r) {
    return !r.buyer_id.empty() && Within(r.date, year_start, d.as_of)
               ? std::string_view(r.address_key)
               : std::string_view();
  });
  for (const auto& [address, rs] : homes) {
    if (static_cast<int64_t>(rs.size()) < t.family_min_ids) continue;
    std::vector<std::string_view> ids;
    for (const RiskDeclaration* r : rs) ids.push_back(r->buyer_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const int64_t n = static_cast<int64_t>(ids.size());
    if (n < t.family_min_ids) continue;
    Fen total = 0;
    for (std::string_view id : ids) total += ytd[id];
    const Fen threshold = n * t.annual_limit_fen / 100 * t.family_quota_share_pct;
    if (total < threshold) continue;
    RiskHit h;
    h.model = "FAMILY_QUOTA_PRESSURE";
    h.subject_kind = "address";
    h.subject = std::string(address);
    h.score = ScoreOver(total, threshold);
    std::vector<int64_t> lists;
    for (const RiskDeclaration* r : rs) lists.push_back(r->id);
    h.declarations = HitDeclarations(std::move(lists));
    const std::string cap = FormatCny(n * t.annual_limit_fen);
    h.explanation_zh = "同一收货地址的 " + std::to_string(n) + " 个身份证今年累计 " +
                       FormatCny(total) + " 元，达到其年度限值合计 " + cap + " 元的 " +
                       std::to_string(total * 100 / (n * t.annual_limit_fen)) + "%（阈值 " +
                       std::to_string(t.family_quota_share_pct) + "%）：疑似借用家庭成员额度。";
    h.explanation_en = std::to_string(n) + " IDs at one address bought " + FormatCny(total) +
                       " CNY this year, " + std::to_string(total * 100 / (n * t.annual_limit_fen)) +
                       "% of their annual limits together (" + cap + " CNY; threshold " +
                       std::to_string(t.family_quota_share_pct) +
                       "%): a household's quotas may be used for one buyer.";
    out.push_back(std::move(h));
  }
}

void PayerManyBuyers(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  // Only lists paid for someone else: most buyers pay for themselves, and skipping those keeps
  // the map to the few payers that matter.
  std::map<std::string, std::pair<std::set<std::string>, std::vector<int64_t>>> payers;
  for (const RiskDeclaration& r : d.declarations) {
    if (r.payer_id.empty() || r.payer_id == r.buyer_id) continue;
    auto& [buyers, lists] = payers[r.payer_id];
    buyers.insert(r.buyer_id);
    lists.push_back(r.id);
  }
  for (auto& [payer, paid] : payers) {
    const int64_t n = static_cast<int64_t>(paid.first.size());
    if (n < t.payer_buyers) continue;
    RiskHit h;
    h.model = "PAYER_MANY_BUYERS";
    h.subject_kind = "payer";
    h.subject = payer;
    h.score = ScoreOver(n, t.payer_buyers);
    h.declarations = HitDeclarations(paid.second);
    h.explanation_zh = "同一支付人为 " + std::to_string(n) + " 个他人订购人付款（阈值 " +
                       std::to_string(t.payer_buyers) + "）：订购人身份可能是买来或虚构的。";
    h.explanation_en = "One payer paid for " + std::to_string(n) + " other buyers (threshold " +
                       std::to_string(t.payer_buyers) +
                       "): the buyers' identities may be bought or invented.";
    out.push_back(std::move(h));
  }
}

void PayerNotBuyer(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  std::map<std::string, std::pair<int64_t, std::vector<int64_t>>> shops;  // paid lists, others
  for (const RiskDeclaration& r : d.declarations) {
    if (r.payer_id.empty()) continue;  // no payment stored: nothing to compare
    auto& [paid, others] = shops[r.ebc_code];
    ++paid;
    if (r.payer_id != r.buyer_id) others.push_back(r.id);
  }
  for (auto& [code, counts] : shops) {
    const int64_t all = counts.first;
    const int64_t n = static_cast<int64_t>(counts.second.size());
    if (all < t.payer_not_buyer_min_lists) continue;
    const int64_t pct = n * 100 / all;
    if (pct < t.payer_not_buyer_pct) continue;
    RiskHit h;
    h.model = "PAYER_NOT_BUYER";
    h.subject_kind = "enterprise";
    h.subject = code;
    h.score = ScoreOver(pct, t.payer_not_buyer_pct);
    h.declarations = HitDeclarations(counts.second);
    h.explanation_zh = "该企业 " + std::to_string(all) + " 单中 " + std::to_string(n) + " 单（" +
                       std::to_string(pct) + "%，阈值 " + std::to_string(t.payer_not_buyer_pct) +
                       "%）支付人与订购人不一致：订购人身份可能被冒用。";
    h.explanation_en = std::to_string(n) + " of the enterprise's " + std::to_string(all) +
                       " lists (" + std::to_string(pct) + "%, threshold " +
                       std::to_string(t.payer_not_buyer_pct) +
                       "%) were paid by someone other than the buyer: buyers' identities may be "
                       "used by others.";
    out.push_back(std::move(h));
  }
}

}  // namespace core::internal
