// Tests for the CBEC tax computation: allocation and rounding, every vector of DOMAIN §1.5
// (T1–T7), multi-line orders with freight, insurance, discounts and gifts, the consumption-tax
// thresholds, missing rates and the declared-tax comparison.
#include "core/tax.h"

#include <doctest/doctest.h>

#include <numeric>
#include <string>
#include <vector>

#include "tax_fixtures.h"

namespace core {
namespace {

using testing::Compute;
using testing::D;
using testing::FindCode;
using testing::HasCode;
using testing::Line;
using testing::LineMl;
using testing::LinePieces;
using testing::Rates;

TEST_CASE("RoundHalfUp rounds exact halves up and everything else to the nearest fen") {
  CHECK(RoundHalfUp(5, 10) == 1);   // 0.5
  CHECK(RoundHalfUp(15, 10) == 2);  // 1.5
  CHECK(RoundHalfUp(25, 10) == 3);  // 2.5 (banker's rounding would give 2)
  CHECK(RoundHalfUp(24999, 10000) == 2);
  CHECK(RoundHalfUp(0, 7) == 0);
  CHECK(RoundHalfUp(6, 3) == 2);
}

TEST_CASE("AllocateByWeight: proportional, rounded down, remainder to the last valued line") {
  std::vector<Fen> s = AllocateByWeight(100, {3333, 3333, 3334});
  CHECK(s == std::vector<Fen>{33, 33, 34});
  s = AllocateByWeight(1000, {30000, 20000, 0});
  CHECK(s == std::vector<Fen>{600, 400, 0});  // the trailing gift line gets nothing
  s = AllocateByWeight(7, {1, 0, 1, 1});
  CHECK(s == std::vector<Fen>{2, 0, 2, 3});
  CHECK(std::accumulate(s.begin(), s.end(), Fen{0}) == 7);
  s = AllocateByWeight(5, {0, 0});
  CHECK(s == std::vector<Fen>{0, 5});  // nothing to weigh by: the last line takes it all
  CHECK(AllocateByWeight(0, {5, 5}) == std::vector<Fen>{0, 0});
  CHECK(AllocateByWeight(9, {}).empty());
  // Large amounts stay exact (128-bit products).
  s = AllocateByWeight(kMaxFen, {kMaxFen, 1, kMaxFen});
  CHECK(s[0] + s[1] + s[2] == kMaxFen);
  CHECK(s[1] == 0);
}

TEST_CASE("T1: P=500, v=13%, c=0 -> 45.50 (9.1%)") {
  TaxResult r = Compute({Line("1901101090", 50000)});
  CHECK(r.outcome == "computed");
  CHECK(r.vat_fen == 4550);
  CHECK(r.ct_fen == 0);
  CHECK(r.duty_fen == 0);
  CHECK(r.total_fen == 4550);
}

TEST_CASE("T2: P=1000, v=9%, c=0 -> 63.00 (6.3%)") {
  TaxResult r = Compute({Line("1006302000", 100000)});
  CHECK(r.total_fen == 6300);
}

TEST_CASE("T3: skincare 425 CNY / 20 g, v=13%, c=15% -> CT 52.50, VAT 45.50, total 98.00") {
  TaxResult r = Compute({LineMl("3304990029", 42500, 20000)});
  REQUIRE(r.lines.size() == 1);
  CHECK(r.lines[0].ct_applies);
  CHECK(r.ct_fen == 5250);
  CHECK(r.vat_fen == 4550);
  CHECK(r.total_fen == 9800);
  CHECK(r.findings.empty());
}

TEST_CASE("T4: P=1000, v=13%, c=15% -> CT 123.53, VAT 107.06, total 230.59") {
  TaxResult r = Compute({LineMl("3304990029", 100000, 50000)});
  CHECK(r.ct_fen == 12353);
  CHECK(r.vat_fen == 10706);
  CHECK(r.total_fen == 23059);
}

TEST_CASE("T5: P=5000 exactly, v=13%, c=0 -> 455.00 within the limit") {
  TaxResult r = Compute({Line("1901101090", 500000)});
  CHECK(r.total_fen == 45500);
  CHECK(r.path == TaxPath::kWithinLimits);
}

TEST_CASE("T6: one item P=6000, duty 10%, v=13% on the full-tax path -> 600 + 858 = 1458") {
  TaxResult r = Compute({Line("8510100000", 600000)}, "2024-06-01", TaxPath::kFullTax);
  CHECK(r.outcome == "computed");
  CHECK(r.duty_fen == 60000);
  CHECK(r.ct_fen == 0);
  CHECK(r.vat_fen == 85800);
  CHECK(r.total_fen == 145800);
}

TEST_CASE("T7: pre-2019 rates: cosmetics CT 30% + VAT 17% -> 47%, other goods -> 11.9%") {
  TaxResult cosmetic = Compute({Line("3304100091", 10000)}, "2016-05-01");
  CHECK(cosmetic.ct_fen == 3000);
  CHECK(cosmetic.vat_fen == 1700);
  CHECK(cosmetic.total_fen == 4700);
  TaxResult milk = Compute({Line("0402100000", 10000)}, "2016-05-01");
  CHECK(milk.total_fen == 1190);
}

TEST_CASE("a multi-line order spreads freight, insurance and discount and sums exactly") {
  // Formula 300.00, skincare 200.00 in 50 ml (4 CNY/ml: below the CT threshold), a gift.
  TaxOrderInput order;
  order.date = D("2024-06-01");
  order.lines = {Line("1901101090", 30000), LineMl("3304990039", 20000, 50000),
                 Line("1901101090", 0)};
  order.freight_fen = 1000;
  order.insurance_fen = 100;
  order.discount_fen = 2500;
  order.declared_tax_fen = 4423;
  TaxResult r = ComputeTax(order, Rates());
  REQUIRE(r.lines.size() == 3);
  CHECK(r.lines[0].freight_fen == 600);
  CHECK(r.lines[1].freight_fen == 400);
  CHECK(r.lines[2].freight_fen == 0);
  CHECK(r.lines[0].insurance_fen == 60);
  CHECK(r.lines[1].insurance_fen == 40);
  CHECK(r.lines[0].discount_fen == 1500);
  CHECK(r.lines[1].discount_fen == 1000);
  CHECK(r.lines[2].discount_fen == 0);
  CHECK(r.lines[0].dutiable_fen == 29160);
  CHECK(r.lines[1].dutiable_fen == 19440);
  CHECK(r.lines[2].dutiable_fen == 0);
  CHECK(r.dutiable_fen == 30000 + 20000 + 1000 + 100 - 2500);
  CHECK(r.lines[0].vat_fen == 2654);  // 2653.56
  CHECK_FALSE(r.lines[1].ct_applies);
  CHECK(r.lines[1].vat_fen == 1769);  // 1769.04
  CHECK(r.lines[2].total_fen == 0);
  CHECK(r.total_fen == 4423);
  CHECK(r.outcome == "computed");
  CHECK(HasCode(r.findings, "TAX_CT_BELOW_THRESHOLD"));
  CHECK(FindCode(r.findings, "TAX_CT_BELOW_THRESHOLD")->field == "lines[1].code");
  CHECK(FindCode(r.findings, "TAX_CT_BELOW_THRESHOLD")->severity == Severity::kInfo);
}

TEST_CASE("line totals always add up to the order totals") {
  TaxOrderInput order;
  order.date = D("2024-06-01");
  order.lines = {Line("1901101090", 3333), LineMl("3304990029", 3333, 1000),
                 Line("1006302000", 3334), LinePieces("9102110000", 1, 1)};
  order.freight_fen = 1001;
  order.insurance_fen = 7;
  order.discount_fen = 999;
  TaxResult r = ComputeTax(order, Rates());
  Fen freight = 0, insurance = 0, discount = 0, dutiable = 0, tax = 0;
  for (const LineTax& l : r.lines) {
    freight += l.freight_fen;
    insurance += l.insurance_fen;
    discount += l.discount_fen;
    dutiable += l.dutiable_fen;
    tax += l.total_fen;
    CHECK(l.total_fen == l.duty_fen + l.ct_fen + l.vat_fen);
  }
  CHECK(freight == 1001);
  CHECK(insurance == 7);
  CHECK(discount == 999);
  CHECK(dutiable == r.dutiable_fen);
  CHECK(dutiable == 3333 + 3333 + 3334 + 1 + 1001 + 7 - 999);
  CHECK(tax == r.total_fen);
  CHECK(r.total_fen == r.duty_fen + r.ct_fen + r.vat_fen);
}

TEST_CASE("each tax is rounded once per line, half up") {
  // 15.00 x 9.1% = 1.365 -> 1.37 (an exact 136.5 fen: half up, not to even).
  TaxResult r = Compute({Line("1901101090", 1500)});
  CHECK(r.vat_fen == 137);
  // Per line, not per order: two lines of 0.50 x 9.1% = 4.55 fen each -> 5 + 5.
  r = Compute({Line("1901101090", 50), Line("1901101090", 50)});
  CHECK(r.lines[0].vat_fen == 5);
  CHECK(r.total_fen == 10);
}

TEST_CASE("the cosmetics threshold per ml or g: below, exactly at, above") {
  // 199.99 for 20 g = 9.9995 CNY/g: no CT.
  TaxResult below = Compute({LineMl("3304990029", 19999, 20000)});
  CHECK_FALSE(below.lines[0].ct_applies);
  CHECK(below.ct_fen == 0);
  CHECK(below.vat_fen == 1820);  // 199.99 x 9.1% = 18.199
  const Finding* f = FindCode(below.findings, "TAX_CT_BELOW_THRESHOLD");
  REQUIRE(f != nullptr);
  // 9.9995 is shown rounded down: a price below the threshold never reads as reaching it.
  CHECK(f->message_en.find("CNY 9.99 per ml (g)") != std::string::npos);
  CHECK(f->message_en.find("threshold of CNY 10.00") != std::string::npos);
  // Exactly 10 CNY/g: "10 CNY or more" is due.
  TaxResult at = Compute({LineMl("3304990029", 20000, 20000)});
  CHECK(at.lines[0].ct_applies);
  CHECK(at.ct_fen == 2471);  // 200 x 15/85 x 0.7 = 24.705...
  // Net content in thousandths: 7.5 ml at 75.00 is exactly 10 CNY/ml.
  CHECK(Compute({LineMl("3304990039", 7500, 7500)}).lines[0].ct_applies);
  CHECK_FALSE(Compute({LineMl("3304990039", 7499, 7500)}).lines[0].ct_applies);
}

TEST_CASE("the per-piece threshold: sheet masks at 15 CNY and watches at 10,000 CNY") {
  CHECK_FALSE(Compute({LinePieces("3304990049", 14000, 10)}).lines[0].ct_applies);
  TaxResult masks = Compute({LinePieces("3304990049", 15000, 10)});
  CHECK(masks.lines[0].ct_applies);
  CHECK(masks.lines[0].rate->code_prefix == "3304990049");
  TaxResult watch = Compute({LinePieces("9102110000", 1000000, 1)});
  CHECK(watch.lines[0].ct_applies);
  // CT 20%: 10000 x 0.2/0.8 x 0.7 = 1750.00; VAT 10000/0.8 x 0.13 x 0.7 = 1137.50.
  CHECK(watch.ct_fen == 175000);
  CHECK(watch.vat_fen == 113750);
  CHECK_FALSE(Compute({LinePieces("9102110000", 999999, 1)}).lines[0].ct_applies);
  CHECK_FALSE(Compute({LinePieces("9102110000", 1500000, 2)}).lines[0].ct_applies);
}

TEST_CASE("on the full-tax path the threshold is judged on the price with duty") {
  // 9,950.00 for 1,000 g: 9.95 CNY/g within the limits, 10.0495 with the 1% duty.
  TaxResult within = Compute({LineMl("3304990029", 995000, 1000000)});
  CHECK_FALSE(within.lines[0].ct_applies);
  TaxResult full =
      Compute({LineMl("3304990029", 995000, 1000000)}, "2024-06-01", TaxPath::kFullTax);
  CHECK(full.lines[0].ct_applies);
  CHECK(full.duty_fen == 9950);
  // CT = (995000 + 9950) x 1500/8500 = 177344.1 -> 177344; VAT = (1004950 + 177344) x 13%.
  CHECK(full.ct_fen == 177344);
  CHECK(full.vat_fen == 153698);  // 153698.22
  CHECK(full.total_fen == 9950 + 177344 + 153698);
}

TEST_CASE("a missing threshold quantity is reported and CT assumed due") {
  TaxResult r = Compute({Line("3304990029", 42500)});
  CHECK(r.outcome == "incomplete");
  const Finding* f = FindCode(r.findings, "TAX_CT_MEASURE_MISSING");
  REQUIRE(f != nullptr);
  CHECK(f->field == "lines[0].net_content_milli");
  CHECK(r.lines[0].ct_applies);
  CHECK(r.ct_fen == 5250);
  r = Compute({Line("3304990049", 15000)});
  CHECK(FindCode(r.findings, "TAX_CT_MEASURE_MISSING")->field == "lines[0].pieces");
}

TEST_CASE("a code without a rate is a finding, never a guess") {
  TaxResult r = Compute({Line("1901101090", 10000), Line("2203000000", 10000)});
  CHECK(r.outcome == "incomplete");
  const Finding* f = FindCode(r.findings, "TAX_RATE_MISSING");
  REQUIRE(f != nullptr);
  CHECK(f->field == "lines[1].code");
  CHECK(f->severity == Severity::kError);
  CHECK_FALSE(r.lines[1].rate.has_value());
  CHECK(r.lines[1].total_fen == 0);
  CHECK(r.total_fen == 910);  // the rated line only
  // A date before the row's period is missing too.
  CHECK(HasCode(Compute({Line("1901101090", 100)}, "2019-03-31").findings, "TAX_RATE_MISSING"));
  // A declared total is not judged against incomplete figures.
  TaxOrderInput order;
  order.date = D("2024-06-01");
  order.lines = {Line("2203000000", 10000)};
  order.declared_tax_fen = 1;
  CHECK_FALSE(HasCode(ComputeTax(order, Rates()).findings, "TAX_DECLARED_MISMATCH"));
}

TEST_CASE("the full-tax path needs a cited duty rate") {
  TaxResult r = Compute({Line("1006302000", 600000)}, "2024-06-01", TaxPath::kFullTax);
  CHECK(r.outcome == "incomplete");
  CHECK(HasCode(r.findings, "TAX_DUTY_RATE_MISSING"));
  // Within the limits the same row is complete: duty is 0 by law.
  CHECK(Compute({Line("1006302000", 600000)}).outcome == "computed");
}

TEST_CASE("a malformed code is a finding") {
  TaxResult r = Compute({Line("33049", 100), Line("33049900AB", 100)});
  CHECK(r.outcome == "incomplete");
  CHECK(r.findings.size() == 2);
  CHECK(r.findings[0].code == "TAX_CODE_FORMAT");
  CHECK(r.findings[1].field == "lines[1].code");
}

TEST_CASE("the declared tax is compared with the computed one, both amounts named") {
  TaxOrderInput order;
  order.date = D("2024-06-01");
  order.lines = {Line("1901101090", 50000)};
  order.declared_tax_fen = 4550;
  CHECK(ComputeTax(order, Rates()).outcome == "computed");
  order.declared_tax_fen = 4000;
  TaxResult r = ComputeTax(order, Rates());
  CHECK(r.outcome == "mismatch");
  const Finding* f = FindCode(r.findings, "TAX_DECLARED_MISMATCH");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kError);
  CHECK(f->message_en.find("CNY 40.00") != std::string::npos);
  CHECK(f->message_en.find("CNY 45.50") != std::string::npos);
  CHECK(f->message_en.find("below") != std::string::npos);
  CHECK(f->message_en.find("by CNY 5.50") != std::string::npos);
  CHECK(f->message_zh.find("少于") != std::string::npos);
  order.declared_tax_fen = 4551;
  r = ComputeTax(order, Rates());
  CHECK(FindCode(r.findings, "TAX_DECLARED_MISMATCH")->message_en.find("above") !=
        std::string::npos);
}

TEST_CASE("a discount above the order value is refused and the dutiable value floored at 0") {
  TaxOrderInput order;
  order.date = D("2024-06-01");
  order.lines = {Line("1901101090", 1000)};
  order.freight_fen = 100;
  order.discount_fen = 1200;
  TaxResult r = ComputeTax(order, Rates());
  CHECK(HasCode(r.findings, "TAX_DISCOUNT_EXCEEDS_VALUE"));
  CHECK(r.outcome == "incomplete");
  CHECK(r.lines[0].dutiable_fen == 0);
  CHECK(r.total_fen == 0);
}

TEST_CASE("an empty table is reported as not loaded") {
  TaxOrderInput order;
  order.date = D("2024-06-01");
  order.lines = {Line("1901101090", 1000)};
  TaxResult r = ComputeTax(order, TaxRateTable());
  CHECK(r.outcome == "incomplete");
  CHECK(HasCode(r.findings, "LIST_NOT_LOADED"));
}

TEST_CASE("amounts at the largest accepted value stay exact") {
  TaxResult r = Compute({LineMl("3304990029", kMaxFen, 1)}, "2024-06-01", TaxPath::kFullTax);
  CHECK(r.duty_fen == 10'000'000'000'000);
  CHECK(r.ct_fen == 178'235'294'117'647);
  CHECK(r.vat_fen == 154'470'588'235'294);
  r = Compute({LineMl("3304990029", kMaxFen, 1)});
  CHECK(r.ct_fen == 123'529'411'764'706);
  CHECK(r.vat_fen == 107'058'823'529'412);
}

}  // namespace
}  // namespace core
