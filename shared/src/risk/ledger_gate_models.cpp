// Models over the bonded area: stocktake shortages (goods gone without clearance) and surpluses
// (goods the book never received) per enterprise, gate passes whose weighbridge weight is off the
// declared weight, and passes made out for vehicles nobody registered. The gate models ask the
// core's own gate check (core/gate.h CheckGate), so a hit means what the gate would have said.
// Pure.
#include <algorithm>
#include <map>

#include "risk_internal.h"

namespace core::internal {
namespace {

// Per enterprise, its stocktakes within the window with a nonzero `amount`, and their total.
template <typename AmountFn>
std::map<std::string, std::pair<int64_t, std::vector<RiskRecordRef>>> StocktakeTotals(
    const RiskData& d, const RiskThresholds& t, AmountFn amount) {
  std::map<std::string, std::pair<int64_t, std::vector<RiskRecordRef>>> out;
  const Date from = d.as_of.AddDays(-t.stocktake_window_days);
  for (const RiskStocktake& s : d.stocktakes) {
    const int64_t a = amount(s);
    if (a <= 0 || !Within(s.date, from, d.as_of)) continue;
    auto& [total, records] = out[s.enterprise_code];
    total += a;
    records.push_back({"stocktake", s.id});
  }
  return out;
}

GateVerdict Check(const RiskGatePass& p, const std::vector<Vehicle>& vehicles,
                  int64_t tolerance_bp) {
  Policy policy;
  policy.gate_weight_tolerance_bp = static_cast<int>(tolerance_bp);
  return CheckGate(p.pass, p.event.value_or(GateEvent{}), vehicles, {}, policy);
}

std::string Kg(Qty q) { return FormatQty(q) + " kg"; }

}  // namespace

void LedgerShortfall(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  auto totals = StocktakeTotals(d, t, [](const RiskStocktake& s) { return s.shortage_value_fen; });
  for (auto& [code, found] : totals) {
    const Fen value = found.first;
    if (value < t.ledger_shortfall_fen) continue;
    const std::string n = std::to_string(found.second.size());
    RiskHit h;
    h.model = "LEDGER_SHORTFALL";
    h.subject_kind = "enterprise";
    h.subject = code;
    h.score = ScoreOver(value, t.ledger_shortfall_fen);
    h.records = HitRecords(std::move(found.second));
    h.explanation_zh = std::to_string(t.stocktake_window_days) + " 天内 " + n +
                       " 次盘库短少货值合计 " + FormatCny(value) + " 元（阈值 " +
                       FormatCny(t.ledger_shortfall_fen) + " 元）：货物可能未经核放出区。";
    h.explanation_en = n + " stocktakes within " + std::to_string(t.stocktake_window_days) +
                       " days found goods worth " + FormatCny(value) + " CNY missing (threshold " +
                       FormatCny(t.ledger_shortfall_fen) +
                       " CNY): goods may have left the area without clearance.";
    out.push_back(std::move(h));
  }
}

void LedgerSurplus(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  auto totals = StocktakeTotals(d, t, [](const RiskStocktake& s) { return s.surplus_qty_e5; });
  const int64_t threshold_e5 = t.ledger_surplus_units * Qty::kScale;
  for (auto& [code, found] : totals) {
    const int64_t qty_e5 = found.first;
    if (qty_e5 < threshold_e5) continue;
    const std::string n = std::to_string(found.second.size());
    const std::string qty = FormatQty(Qty{qty_e5});
    RiskHit h;
    h.model = "LEDGER_SURPLUS";
    h.subject_kind = "enterprise";
    h.subject = code;
    h.score = ScoreOver(qty_e5, threshold_e5);
    h.records = HitRecords(std::move(found.second));
    h.explanation_zh = std::to_string(t.stocktake_window_days) + " 天内 " + n + " 次盘库溢余合计 " +
                       qty + " 单位（阈值 " + std::to_string(t.ledger_surplus_units) +
                       "）：区内有账册外货物。";
    h.explanation_en = n + " stocktakes within " + std::to_string(t.stocktake_window_days) +
                       " days found " + qty + " units beyond the book (threshold " +
                       std::to_string(t.ledger_surplus_units) +
                       "): goods in the area the book never received.";
    out.push_back(std::move(h));
  }
}

void GateWeightMismatch(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  struct Off {
    std::vector<RiskRecordRef> passes;
    int score = 0;
    GateWeights worst;
    std::string passport_no;
  };
  std::map<std::string, Off> by_logistics;
  for (const RiskGatePass& p : d.gate_passes) {
    if (!p.event) continue;  // not weighed yet
    const GateVerdict v = Check(p, d.vehicles, t.gate_weight_tolerance_bp);
    if (v.weights.within) continue;
    Off& off = by_logistics[p.pass.logistics_code];
    off.passes.push_back({"gate_pass", p.id});
    const int64_t diff = std::max(v.weights.difference.e5, -v.weights.difference.e5);
    const int score = ScoreOver(diff, v.weights.allowed_difference.e5);
    if (score > off.score || off.passport_no.empty()) {
      off.score = score;
      off.worst = v.weights;
      off.passport_no = p.pass.passport_no;
    }
  }
  for (auto& [code, off] : by_logistics) {
    const int64_t n = static_cast<int64_t>(off.passes.size());
    if (n < t.gate_mismatch_passes) continue;
    const GateWeights& w = off.worst;
    RiskHit h;
    h.model = "GATE_WEIGHT_MISMATCH";
    h.subject_kind = "enterprise";
    h.subject = code;
    h.score = off.score;
    h.records = HitRecords(std::move(off.passes));
    h.explanation_zh = std::to_string(n) + " 张核放单过卡称重与申报不符（容差 " +
                       std::to_string(t.gate_weight_tolerance_bp) + " 基点）；差异最大的 " +
                       off.passport_no + " 称得货重 " + Kg(w.measured_goods) + "，申报毛重 " +
                       Kg(w.declared_gross) + "。";
    h.explanation_en = std::to_string(n) + " gate passes weighed off their declared weight " +
                       "(tolerance " + std::to_string(t.gate_weight_tolerance_bp) +
                       " bp); the worst, " + off.passport_no + ", weighed " + Kg(w.measured_goods) +
                       " of goods against " + Kg(w.declared_gross) + " declared.";
    out.push_back(std::move(h));
  }
}

void UnregisteredVehicle(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out) {
  std::map<std::string, std::vector<RiskRecordRef>> by_plate;
  for (const RiskGatePass& p : d.gate_passes) {
    const GateVerdict v = Check(p, d.vehicles, t.gate_weight_tolerance_bp);
    const bool unknown = std::any_of(v.findings.begin(), v.findings.end(), [](const Finding& f) {
      return f.code == "GATE_VEHICLE_UNREGISTERED";
    });
    if (unknown) by_plate[p.pass.vehicle_no].push_back({"gate_pass", p.id});
  }
  for (auto& [plate, passes] : by_plate) {
    const int64_t n = static_cast<int64_t>(passes.size());
    if (n < t.unregistered_vehicle_passes) continue;
    RiskHit h;
    h.model = "UNREGISTERED_VEHICLE";
    h.subject_kind = "vehicle";
    h.subject = plate;
    h.score = ScoreOver(n, t.unregistered_vehicle_passes);
    h.records = HitRecords(std::move(passes));
    h.explanation_zh = "未备案车辆 " + plate + " 出现在 " + std::to_string(n) +
                       " 张核放单上（阈值 " + std::to_string(t.unregistered_vehicle_passes) +
                       "）。";
    h.explanation_en = "The unregistered vehicle " + plate + " is on " + std::to_string(n) +
                       " gate passes (threshold " + std::to_string(t.unregistered_vehicle_passes) +
                       ").";
    out.push_back(std::move(h));
  }
}

}  // namespace core::internal
