// The registry of risk models (what each looks for, its thresholds), the run over all of them,
// scores, and the JSON forms. Pure.
#include <algorithm>
#include <utility>

#include "../api/field_reader.h"
#include "risk_internal.h"

namespace core {
namespace internal {

int ScoreOver(int64_t observed, int64_t threshold) {
  if (threshold <= 0) return 100;
  const int64_t s = observed * 50 / threshold;
  return static_cast<int>(std::clamp<int64_t>(s, 1, 100));
}

int ScoreBelow(int64_t shortfall_pct, int64_t threshold_pct) {
  return ScoreOver(shortfall_pct, threshold_pct);
}

int ScoreGap(int64_t excess, int64_t base) {
  if (base <= 0) return 100;
  return static_cast<int>(std::clamp<int64_t>(50 + excess * 50 / base, 50, 100));
}

std::vector<int64_t> HitDeclarations(std::vector<int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.size() > kMaxHitDeclarations) ids.resize(kMaxHitDeclarations);
  return ids;
}

std::vector<RiskRecordRef> HitRecords(std::vector<RiskRecordRef> records) {
  std::sort(records.begin(), records.end());
  records.erase(std::unique(records.begin(), records.end()), records.end());
  return records;
}

int64_t PctBelow(Fen price, Fen reference) {
  if (reference <= 0 || price >= reference) return 0;
  return (reference - price) * 100 / reference;
}

Fen Median(std::vector<Fen> v) {
  // The lower middle element: what a full sort would put there, in linear time.
  const auto middle = v.begin() + static_cast<std::ptrdiff_t>((v.size() - 1) / 2);
  std::nth_element(v.begin(), middle, v.end());
  return *middle;
}

}  // namespace internal

namespace {

using Entry = internal::RiskModelEntry;

const std::vector<Entry>& Registry() {
  static const std::vector<Entry>* const kModels = [] {
    auto* models = new std::vector<Entry>{
        {{"SPLIT_UNDER_LIMIT",
          "拆单规避限值",
          "Orders split under the limit",
          "同一买家在同一电商短期内多笔清单，每笔低于单次交易限值而合计超过。",
          "One buyer's lists at one shop within a few days, each under the transaction limit, "
          "together above it.",
          "buyer",
          {"split_window_days", "split_limit_fen", "split_min_lists"}},
         internal::SplitUnderLimit},
        {{"SHARED_PHONE",
          "一号多证",
          "Many IDs behind one phone",
          "同一手机号下单的身份证数达到阈值：借用家人或他人的年度额度。",
          "Buyer IDs ordering with one phone number: family or borrowed IDs stretch the annual "
          "quota.",
          "phone",
          {"ids_per_phone"}},
         internal::SharedPhone},
        {{"SHARED_ADDRESS",
          "一址多证",
          "Many IDs behind one address",
          "同一收货地址关联的身份证数达到阈值。",
          "Buyer IDs shipping to one delivery address.",
          "address",
          {"ids_per_address"}},
         internal::SharedAddress},
        {{"ID_MANY_ADDRESSES",
          "一证多址",
          "One ID, many addresses",
          "同一身份证一年内向多个不同地址收货：身份信息出借或被冒用。",
          "One buyer ID shipping to many addresses within a year: the ID is lent or misused.",
          "buyer",
          {"addresses_per_id"}},
         internal::IdManyAddresses},
        {{"BULK_CONSIGNEE",
          "集中收货",
          "Bulk consignee",
          "同一地址30天内大量收货：疑似集中收货后在境内再销售。",
          "One address receiving many lists in 30 days: goods gathered for resale at home.",
          "address",
          {"bulk_consignee_lists"}},
         internal::BulkConsignee},
        {{"QTY_BEYOND_PERSONAL_USE",
          "超合理自用数量",
          "Quantity beyond personal use",
          "一张清单中同一商品数量超过个人合理自用量。",
          "A list with more units of one item than a person uses.",
          "declaration",
          {"personal_use_units"}},
         internal::QtyBeyondPersonalUse},
        {{"ODD_HOURS",
          "异常时段申报",
          "Declared at odd hours",
          "企业大比例清单在凌晨申报：疑似批量虚构订单。",
          "A large share of an enterprise's lists declared in the small hours: orders generated "
          "in bulk.",
          "enterprise",
          {"odd_hours_share_pct", "odd_hours_min_lists"}},
         internal::OddHours},
        {{"BURST",
          "申报量突增",
          "Sudden burst",
          "企业某日申报量远超其日常（中位日）申报量：疑似刷单或集中虚假申报。",
          "A day on which an enterprise declares many times its usual (median) day: orders "
          "faked or pushed through at once.",
          "enterprise",
          {"burst_factor", "burst_min_lists"}},
         internal::Burst},
        {{"NEW_ENTERPRISE_SURGE",
          "新企业大量申报",
          "New enterprise, sudden volume",
          "首单距今不久的企业已大量申报：新设企业快速放量、可能“打一枪换一个地方”。",
          "An enterprise whose first list is recent already declares in volume: a new front "
          "moving goods fast before it disappears.",
          "enterprise",
          {"new_enterprise_days", "new_enterprise_lists"}},
         internal::NewEnterpriseSurge},
        {{"PRICE_BELOW_OWN_HISTORY",
          "低于自身历史价格",
          "Below its own price history",
          "申报单价明显低于该企业同一商品的中位价。",
          "A unit price well below the enterprise's own median for the item.",
          "declaration",
          {"price_below_own_pct"}},
         internal::PriceBelowOwnHistory},
        {{"PRICE_BELOW_PEERS",
          "低于同类企业价格",
          "Below other enterprises' prices",
          "企业对同一商品编码的申报价格明显低于其他企业。",
          "An enterprise declaring a commodity well below what other enterprises declare for it.",
          "enterprise",
          {"price_below_peers_pct", "peer_min_enterprises"}},
         internal::PriceBelowPeers},
    };
    internal::AppendFindingModels(*models);
    return models;
  }();
  return *kModels;
}

using internal::FieldError;
using internal::ReadInt;

// The thresholds by JSON key, with their ranges: one table for reading and writing.
struct ThresholdField {
  std::string_view key;
  int64_t RiskThresholds::*member;
  int64_t min, max;
};

constexpr ThresholdField kThresholdFields[] = {
    {"split_window_days", &RiskThresholds::split_window_days, 1, 31},
    {"split_limit_fen", &RiskThresholds::split_limit_fen, 1, kMaxFen},
    {"split_min_lists", &RiskThresholds::split_min_lists, 2, 100},
    {"ids_per_phone", &RiskThresholds::ids_per_phone, 2, 1000},
    {"ids_per_address", &RiskThresholds::ids_per_address, 2, 1000},
    {"addresses_per_id", &RiskThresholds::addresses_per_id, 2, 1000},
    {"bulk_consignee_lists", &RiskThresholds::bulk_consignee_lists, 2, 100000},
    {"personal_use_units", &RiskThresholds::personal_use_units, 1, 1000000},
    {"odd_hours_share_pct", &RiskThresholds::odd_hours_share_pct, 1, 100},
    {"odd_hours_min_lists", &RiskThresholds::odd_hours_min_lists, 1, 1000000},
    {"price_below_own_pct", &RiskThresholds::price_below_own_pct, 1, 99},
    {"price_below_peers_pct", &RiskThresholds::price_below_peers_pct, 1, 99},
    {"peer_min_enterprises", &RiskThresholds::peer_min_enterprises, 1, 1000},
    {"burst_factor", &RiskThresholds::burst_factor, 2, 1000},
    {"burst_min_lists", &RiskThresholds::burst_min_lists, 1, 1000000},
    {"new_enterprise_days", &RiskThresholds::new_enterprise_days, 1, 366},
    {"new_enterprise_lists", &RiskThresholds::new_enterprise_lists, 1, 10000000},
    {"observed_price_pct", &RiskThresholds::observed_price_pct, 0, 99},
    {"observed_window_days", &RiskThresholds::observed_window_days, 0, 366},
    {"freight_tolerance_fen", &RiskThresholds::freight_tolerance_fen, 0, kMaxFen},
    {"tax_tolerance_fen", &RiskThresholds::tax_tolerance_fen, 0, kMaxFen},
    {"promo_cut_pct", &RiskThresholds::promo_cut_pct, 1, 99},
    {"annual_limit_fen", &RiskThresholds::annual_limit_fen, 1, kMaxFen},
    {"family_min_ids", &RiskThresholds::family_min_ids, 2, 1000},
    {"family_quota_share_pct", &RiskThresholds::family_quota_share_pct, 1, 100},
    {"payer_buyers", &RiskThresholds::payer_buyers, 2, 100000},
    {"payer_not_buyer_pct", &RiskThresholds::payer_not_buyer_pct, 1, 100},
    {"payer_not_buyer_min_lists", &RiskThresholds::payer_not_buyer_min_lists, 1, 10000000},
    {"mystery_window_days", &RiskThresholds::mystery_window_days, 1, 366},
    {"mystery_paid_tolerance_fen", &RiskThresholds::mystery_paid_tolerance_fen, 0, kMaxFen},
    {"undeclared_skus", &RiskThresholds::undeclared_skus, 1, 100000},
    {"listing_grace_days", &RiskThresholds::listing_grace_days, 0, 366},
    {"declared_not_listed_lists", &RiskThresholds::declared_not_listed_lists, 1, 10000000},
    {"ledger_shortfall_fen", &RiskThresholds::ledger_shortfall_fen, 1, kMaxFen},
    {"ledger_surplus_units", &RiskThresholds::ledger_surplus_units, 1, 1000000000},
    {"stocktake_window_days", &RiskThresholds::stocktake_window_days, 1, 3660},
    {"gate_weight_tolerance_bp", &RiskThresholds::gate_weight_tolerance_bp, 0, 10000},
    {"gate_mismatch_passes", &RiskThresholds::gate_mismatch_passes, 1, 100000},
    {"unregistered_vehicle_passes", &RiskThresholds::unregistered_vehicle_passes, 1, 100000},
    {"same_name_codes", &RiskThresholds::same_name_codes, 2, 100},
    {"inspection_mismatches", &RiskThresholds::inspection_mismatches, 1, 100000},
    {"inspection_window_days", &RiskThresholds::inspection_window_days, 1, 3660},
    {"prior_strength", &RiskThresholds::prior_strength, 1, 100000},
    {"prior_factor_pct", &RiskThresholds::prior_factor_pct, 101, 10000},
    {"prior_min_inspections", &RiskThresholds::prior_min_inspections, 1, 10000000},
};

}  // namespace

const std::vector<RiskModelInfo>& RiskModels() {
  static const std::vector<RiskModelInfo>* const kInfos = [] {
    auto* out = new std::vector<RiskModelInfo>();
    for (const Entry& e : Registry()) out->push_back(e.info);
    return out;
  }();
  return *kInfos;
}

std::vector<RiskHit> RunRiskModel(const RiskData& data, const RiskThresholds& t, size_t index) {
  std::vector<RiskHit> hits;
  if (index >= Registry().size()) return hits;
  Registry()[index].run(data, t, hits);
  std::stable_sort(hits.begin(), hits.end(),
                   [](const RiskHit& a, const RiskHit& b) { return a.subject < b.subject; });
  return hits;
}

std::vector<RiskHit> RunRiskModels(const RiskData& data, const RiskThresholds& t) {
  std::vector<RiskHit> out;
  for (size_t i = 0; i < Registry().size(); ++i) {
    for (RiskHit& h : RunRiskModel(data, t, i)) out.push_back(std::move(h));
  }
  return out;
}

StatusOr<RiskThresholds> RiskThresholdsFromJson(const Json& obj) {
  if (!obj.is_object()) return FieldError("risk_thresholds", "must be an object");
  for (const auto& item : obj.items()) {
    const std::string& key = item.key();  // clang 14 cannot capture a structured binding
    const bool known = std::any_of(std::begin(kThresholdFields), std::end(kThresholdFields),
                                   [&](const ThresholdField& f) { return f.key == key; });
    if (!known) return FieldError("risk_thresholds." + key, "is not a risk threshold");
  }
  RiskThresholds t;
  for (const ThresholdField& f : kThresholdFields) {
    CORE_ASSIGN_OR_RETURN(auto v, ReadInt(obj, f.key, "risk_thresholds", f.min, f.max, false));
    if (v) t.*f.member = *v;
  }
  return t;
}

Json RiskThresholdsToJson(const RiskThresholds& t) {
  Json j = Json::object();
  for (const ThresholdField& f : kThresholdFields) j[std::string(f.key)] = t.*f.member;
  return j;
}

Json RiskHitToJson(const RiskHit& h) {
  Json records = Json::array();
  for (const RiskRecordRef& r : h.records) records.push_back({{"kind", r.kind}, {"id", r.id}});
  return {{"model", h.model},
          {"subject_kind", h.subject_kind},
          {"subject", h.subject},
          {"score", h.score},
          {"declarations", h.declarations},
          {"explanation_zh", h.explanation_zh},
          {"explanation_en", h.explanation_en},
          {"records", records}};
}

std::vector<RiskRecordRef> RiskRecordsFromJson(const Json& records) {
  std::vector<RiskRecordRef> out;
  if (!records.is_array()) return out;
  for (const Json& r : records) {
    if (!r.is_object()) continue;
    auto kind = r.find("kind");
    auto id = r.find("id");
    if (kind == r.end() || !kind->is_string() || id == r.end() || !id->is_number_integer()) {
      continue;
    }
    out.push_back({kind->get<std::string>(), id->get<int64_t>()});
  }
  return out;
}

Json RiskModelInfoToJson(const RiskModelInfo& m) {
  return {{"id", m.id},
          {"name_zh", m.name_zh},
          {"name_en", m.name_en},
          {"looks_for_zh", m.looks_for_zh},
          {"looks_for_en", m.looks_for_en},
          {"subject", m.subject},
          {"thresholds", m.thresholds}};
}

}  // namespace core
