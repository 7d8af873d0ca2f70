// The side records of generated sets: the ledger entries of a bonded (1210) list's account book
// (restocking by first-line entries, a write-off before a labelled shortfall) and gate passes of
// 20 honest lists per vehicle with the weighbridge weight (some labelled over-weight). No I/O.
#include <algorithm>

#include "gen/rng.h"
#include "gen/sets.h"

namespace gen {

namespace {
constexpr uint64_t kStreamGate = 13;
}  // namespace

void SetGenerator::SideRecords(GeneratedSet& s, bool shortfall) {
  if (!opt_.side_records) return;
  const std::string& ems = s.list.head.ems_no;
  const std::string date = s.list.head.decl_time.date().ToIso();
  auto entry = [&](const std::string& kind, const core::InventoryLine& line, int64_t qty_e5) {
    const int64_t seq = ledger_seq_[ems]++;
    core::Json e = {{"id", ems + "-" + std::to_string(seq)},
                    {"kind", kind},
                    {"date", date},
                    {"seq", seq},
                    {"sku", line.item_record_no},
                    {"item_no", line.item_no},
                    {"code10", line.gcode},
                    {"qty", core::FormatQty(core::Qty{qty_e5})},
                    {"unit", line.unit}};
    if (kind == "first_line_in") {
      e["entry_no"] = "4606" + date.substr(0, 4) + "1" + Pad(static_cast<uint64_t>(seq), 9);
    } else if (kind == "adjustment") {
      e["direction"] = "decrease";
      e["reason"] = "盘亏核销";
    } else {
      e["invt_no"] = s.list.head.cop_no;  // the list's own number until customs assigns one
      e["gnum"] = line.gnum;
    }
    s.ledger_entries.push_back({{"ems_no", ems}, {"entry", e}});
  };
  s.ledger_entries.clear();
  const bool bonded = s.list.head.trade_mode == "1210";
  for (const core::InventoryLine& line : s.list.lines) {
    if (!bonded) break;
    int64_t& balance = ledger_e5_[ems + "|" + line.item_record_no];
    if (balance < line.qty.e5 && !shortfall) {
      entry("first_line_in", line, 200 * core::Qty::kScale);
      balance += 200 * core::Qty::kScale;
    }
    if (shortfall && balance > 0) {
      // The stock was written off (or never came in) and is sold all the same.
      entry("adjustment", line, balance);
      balance = 0;
    }
    entry("release_out", line, line.qty.e5);
    balance -= line.qty.e5;
  }
  if (shortfall || !s.labels.empty()) return;  // only honest released lists go on gate passes
  const std::string carrier = s.list.head.logistics_code;
  std::vector<std::pair<std::string, int64_t>>& buffered = gate_lists_[carrier];
  buffered.emplace_back(s.list.head.cop_no, s.list.head.gross_weight.e5);
  if (buffered.size() < 20) return;
  std::vector<std::pair<std::string, int64_t>> lists;
  lists.swap(buffered);
  const uint64_t n = passes_++;
  Rng r = Rng::For(opt_.seed, kStreamGate, n);
  std::vector<const GenVehicle*> fleet;
  for (const GenVehicle& v : d_.vehicles) {
    if (v.enterprise_code == carrier) fleet.push_back(&v);
  }
  const GenVehicle& v = *r.Pick(fleet);
  int64_t declared = 0;
  core::Json invt_nos = core::Json::array();
  core::Json states = core::Json::array();
  for (const auto& [invt_no, gross_e5] : lists) {
    declared += gross_e5;
    invt_nos.push_back(invt_no);
    states.push_back({{"invt_no", invt_no}, {"status", "released"}});
  }
  const bool over = r.Chance(opt_.fraud_per_mille * 2);
  // An honest load weighs within 1% of the declaration; an over-weight one 25-60% more.
  const int64_t goods =
      over ? declared * r.Between(125, 160) / 100 : declared + declared * r.Between(-8, 8) / 1000;
  const std::string passport = "SAS" + std::to_string(opt_.seed) + Pad(n, 8);
  core::Json request = {
      {"vehicles",
       {{{"plate", v.plate},
         {"ic_card_no", v.ic_card_no},
         {"frame_wt", std::to_string(v.frame_kg)},
         {"enterprise_code", v.enterprise_code}}}},
      {"pass",
       {{"passportNo", passport},
        {"ioTypecd", "E"},
        {"passportTypecd", "1"},
        {"bindTypecd", "1"},
        {"logisticsCode", carrier},
        {"vehicleNo", v.plate},
        {"vehicleIcNo", v.ic_card_no},
        {"vehicleFrameWt", std::to_string(v.frame_kg)},
        {"containerWt", "0"},
        {"totalGrossWt", core::FormatQty(core::Qty{declared})},
        {"invtNos", invt_nos}}},
      {"event",
       {{"passCollectWt", core::FormatQty(core::Qty{goods + v.frame_kg * core::Qty::kScale})},
        {"gate", 1},
        {"passTime", s.list.head.decl_time.ToDigits() + "180000"},
        {"vehicleIcNo", v.ic_card_no}}},
      {"lists", states}};
  s.gate_passes.push_back({{"passport_no", passport}, {"request", request}});
  if (over) {
    s.labels.push_back(Label{passport,
                             "overweight_gate_pass",
                             "gate_check",
                             {{"declared_e5", declared}, {"measured_goods_e5", goods}}});
  }
}

}  // namespace gen
