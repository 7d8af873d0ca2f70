// A small tax rate table in the shape of data/tax/rates.csv and helpers for the tax tests (no
// file I/O, so the same tests run natively and under node).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "basic_fixtures.h"
#include "core/tax.h"
#include "verdict_fixtures.h"

namespace core::testing {

// Rows in the shape of data/tax/rates.csv. 3304990049 is a 10-digit row (sheets, per piece)
// under the 8-digit per-ml/g line; 85101000 carries a 10% duty for T6.
inline constexpr std::string_view kRatesCsv =
    "# version: test-rates\n"
    "code_prefix,valid_from,valid_to,vat_bp,ct_bp,duty_bp,ct_threshold_kind,ct_threshold_fen,"
    "source,name\n"
    "33049900,2016-10-01,2019-04-01,1600,1500,,per_ml_g,1000,Caishui [2016] No. 103,护肤品\n"
    "33049900,2019-04-01,,1300,1500,100,per_ml_g,1000,Ann. 2019 No. 39,护肤品\n"
    "3304990049,2019-04-01,,1300,1500,100,per_piece,1500,Caishui [2016] No. 103,面膜\n"
    "33041000,2016-04-08,2016-10-01,1700,3000,,none,,CT regulations,唇用化妆品\n"
    "04021000,2016-04-08,2018-05-01,1700,0,,none,,VAT regulations,乳粉\n"
    "19011010,2019-04-01,,1300,0,1500,none,,Ann. 2019 No. 39,婴幼儿配方奶粉\n"
    "10063020,2019-04-01,,900,0,,none,,Ann. 2019 No. 39,长粒米精米\n"
    "91021100,2019-04-01,,1300,2000,1000,per_piece,1000000,Caishui [2006] No. 33,手表\n"
    "85101000,2019-04-01,,1300,0,1000,none,,test duty 10%,电动剃须刀\n";

inline const TaxRateTable& Rates() {
  static const TaxRateTable table = Require(TaxRateTable::FromCsv(kRatesCsv));
  return table;
}

inline TaxLineInput Line(std::string code, Fen value) {
  TaxLineInput l;
  l.code = std::move(code);
  l.goods_value_fen = value;
  return l;
}

inline TaxLineInput LineMl(std::string code, Fen value, int64_t net_content_milli) {
  TaxLineInput l = Line(std::move(code), value);
  l.net_content_milli = net_content_milli;
  return l;
}

inline TaxLineInput LinePieces(std::string code, Fen value, int64_t pieces) {
  TaxLineInput l = Line(std::move(code), value);
  l.pieces = pieces;
  return l;
}

inline TaxResult Compute(std::vector<TaxLineInput> lines, const char* date = "2024-06-01",
                         TaxPath path = TaxPath::kWithinLimits) {
  TaxOrderInput order;
  order.date = D(date);
  order.path = path;
  order.lines = std::move(lines);
  return ComputeTax(order, Rates());
}

inline bool HasCode(const Findings& findings, std::string_view code) {
  for (const Finding& f : findings) {
    if (f.code == code) return true;
  }
  return false;
}

}  // namespace core::testing
