// Tests for the risk models over stocktakes, gate passes, classification and inspection
// history (the priors learned from past outcomes): each hits with the records behind it and
// misses just under its threshold.
#include <doctest/doctest.h>

#include "core/risk.h"
#include "risk_fixtures.h"

namespace core {
namespace {

using testing::D;
using testing::Data;
using testing::Decl;
using testing::Hits;
using testing::Mentions;

constexpr const char* kLogistics = "4101460056";

RiskStocktake Stocktake(const char* date, Fen shortage, int64_t surplus_e5) {
  RiskStocktake s;
  s.id = testing::NextRiskId();
  s.enterprise_code = "4101960001";
  s.date = D(date);
  s.shortage_value_fen = shortage;
  s.surplus_qty_e5 = surplus_e5;
  return s;
}

// A pass of 1,000 kg of goods on a vehicle whose frame weighs 5,000 kg, weighed at `collected`.
RiskGatePass Pass(const std::string& plate, std::optional<int64_t> collected_kg) {
  RiskGatePass p;
  p.id = testing::NextRiskId();
  p.date = D("2026-06-10");
  p.pass.passport_no = "HF" + std::to_string(p.id);
  p.pass.io_typecd = "E";
  p.pass.passport_typecd = "1";
  p.pass.bind_typecd = "1";
  p.pass.logistics_code = kLogistics;
  p.pass.vehicle_no = plate;
  p.pass.vehicle_ic_no = "IC1";
  p.pass.vehicle_frame_wt = Qty{5000 * Qty::kScale};
  p.pass.total_gross_wt = Qty{1000 * Qty::kScale};
  if (collected_kg) {
    GateEvent e;
    e.pass_collect_wt = Qty{*collected_kg * Qty::kScale};
    e.vehicle_ic_no = "IC1";
    p.event = e;
  }
  return p;
}

std::vector<Vehicle> Registered() {
  return {Vehicle{"豫A12345", "IC1", Qty{5000 * Qty::kScale}, kLogistics}};
}

RiskInspection Inspection(const std::string& shop, bool mismatch, const char* date = "2026-06-01") {
  RiskInspection i;
  i.id = testing::NextRiskId();
  i.declaration_id = testing::NextRiskId();
  i.ebc_code = shop;
  i.agent_code = "AG-" + shop;
  i.codes = {shop == "X" ? "3304990099" : "8510100000"};
  i.date = D(date);
  i.mismatch = mismatch;
  return i;
}

// `x_mismatches` of 20 inspections of enterprise X; 5 of 80 elsewhere.
std::vector<RiskInspection> History(int x_mismatches) {
  std::vector<RiskInspection> out;
  for (int i = 0; i < 20; ++i) out.push_back(Inspection("X", i < x_mismatches));
  for (int i = 0; i < 80; ++i) out.push_back(Inspection("Y" + std::to_string(i % 8), i < 5));
  return out;
}

}  // namespace

TEST_CASE("stocktakes: shortfall value and surplus units within the window") {
  RiskData d = Data({});
  d.stocktakes = {Stocktake("2026-03-01", 35000, 0), Stocktake("2026-05-01", 25000, 0),
                  Stocktake("2025-01-01", 900000, 0)};  // long ago: outside the window
  std::vector<RiskHit> s = Hits(d, "LEDGER_SHORTFALL");
  REQUIRE(s.size() == 1);  // 600.00 against 500.00
  CHECK(s[0].subject == "4101960001");
  CHECK(s[0].score == 60);
  CHECK(s[0].records == std::vector<RiskRecordRef>{{"stocktake", d.stocktakes[0].id},
                                                   {"stocktake", d.stocktakes[1].id}});
  CHECK(Mentions(s[0].explanation_en, "2 stocktakes within 365 days found goods worth 600.00"));
  d.stocktakes[1].shortage_value_fen = 14999;  // 499.99
  CHECK(Hits(d, "LEDGER_SHORTFALL").empty());
  CHECK(Hits(d, "LEDGER_SURPLUS").empty());

  d.stocktakes = {Stocktake("2026-06-01", 0, 10 * Qty::kScale)};
  std::vector<RiskHit> u = Hits(d, "LEDGER_SURPLUS");
  REQUIRE(u.size() == 1);
  CHECK(u[0].score == 50);
  CHECK(Mentions(u[0].explanation_en, "found 10 units beyond the book"));
  d.stocktakes[0].surplus_qty_e5 = 10 * Qty::kScale - 1;
  CHECK(Hits(d, "LEDGER_SURPLUS").empty());
}

TEST_CASE("gates: weight beyond the tolerance, vehicles nobody registered") {
  RiskData d = Data({});
  d.vehicles = Registered();
  // 6,100 - 5,000 = 1,100 kg of goods against 1,000 declared: 10%, the tolerance 5%.
  d.gate_passes = {Pass("豫A12345", 6100), Pass("豫A12345", std::nullopt)};
  std::vector<RiskHit> w = Hits(d, "GATE_WEIGHT_MISMATCH");
  REQUIRE(w.size() == 1);
  CHECK(w[0].subject == kLogistics);
  CHECK(w[0].score == 100);  // 100 kg off where 50 are allowed
  CHECK(w[0].records == std::vector<RiskRecordRef>{{"gate_pass", d.gate_passes[0].id}});
  CHECK(Mentions(w[0].explanation_en, "weighed 1100 kg of goods against 1000 kg declared"));
  d.gate_passes[0].event->pass_collect_wt = Qty{6050 * Qty::kScale};  // 5%: within
  CHECK(Hits(d, "GATE_WEIGHT_MISMATCH").empty());
  CHECK(Hits(d, "UNREGISTERED_VEHICLE").empty());

  d.gate_passes = {Pass("豫B99999", 6000), Pass("豫a 12345", 6000)};  // case and spaces ignored
  std::vector<RiskHit> v = Hits(d, "UNREGISTERED_VEHICLE");
  REQUIRE(v.size() == 1);
  CHECK(v[0].subject == "豫B99999");
  CHECK(v[0].records == std::vector<RiskRecordRef>{{"gate_pass", d.gate_passes[0].id}});
  CHECK(Mentions(v[0].explanation_en, "on 1 gate passes"));
  RiskThresholds twice;
  twice.unregistered_vehicle_passes = 2;
  CHECK(Hits(d, "UNREGISTERED_VEHICLE", twice).empty());
}

TEST_CASE("same goods name under different codes") {
  RiskDeclaration a = Decl("A", "2026-06-01", 10000);
  RiskDeclaration b = Decl("B", "2026-06-02", 10000);
  b.lines[0].name = "保湿面霜50ML";  // the same name, written differently
  RiskData d = Data({a, b});
  CHECK(Hits(d, "SAME_NAME_DIFFERENT_CODES").empty());  // one code
  d.declarations[1].lines[0].code10 = "3304100000";
  std::vector<RiskHit> h = Hits(d, "SAME_NAME_DIFFERENT_CODES");
  REQUIRE(h.size() == 1);
  CHECK(h[0].subject == "4101960001");
  CHECK(h[0].declarations == std::vector<int64_t>{a.id, b.id});
  CHECK(Mentions(h[0].explanation_en, "under 2 commodity codes: 3304100000 (1), 3304990099 (1)"));
  d.declarations[1].ebc_code = "OTHER";  // another enterprise's classification
  CHECK(Hits(d, "SAME_NAME_DIFFERENT_CODES").empty());
}

TEST_CASE("inspection mismatch history within the window") {
  RiskData d = Data({});
  d.inspections = {Inspection("X", true), Inspection("X", true), Inspection("X", false),
                   Inspection("X", true), Inspection("X", true, "2025-01-01")};
  std::vector<RiskHit> h = Hits(d, "INSPECTION_MISMATCH_HISTORY");
  REQUIRE(h.size() == 1);
  CHECK(h[0].subject == "X");
  CHECK(h[0].score == 50);
  CHECK(h[0].records.size() == 3);
  CHECK(h[0].declarations.size() == 3);
  CHECK(Mentions(h[0].explanation_en, "3 of 4 inspections within 365 days"));
  d.inspections[0].mismatch = false;
  CHECK(Hits(d, "INSPECTION_MISMATCH_HISTORY").empty());
}

TEST_CASE("history priors per enterprise, declarant and code, learned from inspections") {
  // Overall 15 of 100: 150 per mille. X: (10 x 1000 + 20 x 150) / (20 + 20) = 325 per mille,
  // at least twice the overall rate (300).
  RiskData d = Data({});
  d.inspections = History(10);
  for (const char* model : {"PRIOR_ENTERPRISE", "PRIOR_DECLARANT", "PRIOR_CODE"}) {
    CAPTURE(model);
    std::vector<RiskHit> h = Hits(d, model);
    REQUIRE(h.size() == 1);
    CHECK(h[0].score == 54);
    CHECK(h[0].records.size() == 10);
    CHECK(Mentions(h[0].explanation_en, "10 of 20 inspections"));
    CHECK(Mentions(h[0].explanation_en, "smoothed rate 325‰ is 216% of the overall 150‰"));
  }
  CHECK(Hits(d, "PRIOR_ENTERPRISE")[0].subject == "X");
  CHECK(Hits(d, "PRIOR_DECLARANT")[0].subject == "AG-X");
  CHECK(Hits(d, "PRIOR_CODE")[0].subject == "3304990099");
  // 7 of 20: overall 120, X (7000 + 2400) / 40 = 235 under twice 120.
  d.inspections = History(7);
  CHECK(Hits(d, "PRIOR_ENTERPRISE").empty());
  CHECK(Hits(d, "PRIOR_CODE").empty());
  // Too few inspections to judge.
  d.inspections = History(10);
  RiskThresholds more;
  more.prior_min_inspections = 21;
  CHECK(Hits(d, "PRIOR_ENTERPRISE", more).empty());
}

}  // namespace core
