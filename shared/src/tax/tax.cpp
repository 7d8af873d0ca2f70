// CBEC comprehensive tax per line and per order (DOMAIN §1.2–§1.4, §8): allocation of order-level
// amounts, the within-limits and full-tax formulas as exact rationals rounded once, the
// consumption-tax threshold, and the comparison with the declared tax. Pure.
#include "core/tax.h"

#include <string>
#include <utility>

#include "internal/text_fields.h"
#include "tax_common.h"

namespace core {
namespace {

// Within the limits, CT and VAT are 70% of the statutory amount (DOMAIN §1.1).
constexpr int kCbecFactorNum = 7;
constexpr int kCbecFactorDen = 10;
constexpr Int128 kBpDen = 10000;

using internal::CnyEn;
using internal::CnyZh;

std::string LineField(size_t i, std::string_view key) {
  return "lines[" + std::to_string(i) + "]." + std::string(key);
}

// The taxes of one line from its dutiable value and rates. `ct_due` says whether the CT applies.
void ApplyRates(TaxPath path, const TaxRate& rate, bool ct_due, LineTax& line) {
  const Int128 p = line.dutiable_fen;
  const Int128 c = ct_due ? rate.ct_bp : 0;
  const Int128 v = rate.vat_bp;
  if (path == TaxPath::kWithinLimits) {
    // CT = P/(1-c)*c*0.7 and VAT = [P + P/(1-c)*c]*v*0.7 = P/(1-c)*v*0.7, c and v in bp.
    const Int128 den = (kBpDen - c) * kCbecFactorDen;
    line.duty_fen = 0;
    line.ct_fen = RoundHalfUp(p * c * kCbecFactorNum, den);
    line.vat_fen = RoundHalfUp(p * v * kCbecFactorNum, den);
  } else {
    const Int128 d = rate.duty_bp.value_or(0);
    line.duty_fen = RoundHalfUp(p * d, kBpDen);
    const Int128 base = p + line.duty_fen;
    line.ct_fen = RoundHalfUp(base * c, kBpDen - c);
    line.vat_fen = RoundHalfUp((base + line.ct_fen) * v, kBpDen);
  }
  line.total_fen = line.duty_fen + line.ct_fen + line.vat_fen;
}

// The pre-VAT price the CT threshold is judged on: the dutiable value plus the duty (0 within
// the limits) (DOMAIN §1.4 "pre-VAT dutiable price").
Fen PreVatPrice(const TaxRate& rate, TaxPath path, Fen dutiable_fen) {
  if (path == TaxPath::kWithinLimits) return dutiable_fen;
  return dutiable_fen +
         RoundHalfUp(static_cast<Int128>(dutiable_fen) * rate.duty_bp.value_or(0), kBpDen);
}

// Whether the CT of the row is due on a line of that pre-VAT price; nullopt when the threshold
// needs a quantity the line lacks.
std::optional<bool> CtDue(const TaxRate& rate, const TaxLineInput& in, Fen price) {
  if (rate.ct_bp == 0) return false;
  if (rate.ct_threshold == CtThreshold::kNone) return true;
  if (rate.ct_threshold == CtThreshold::kPerMlOrG) {
    if (!in.net_content_milli || *in.net_content_milli <= 0) return std::nullopt;
    // price / (milli / 1000) >= threshold  <=>  price * 1000 >= threshold * milli
    return static_cast<Int128>(price) * 1000 >=
           static_cast<Int128>(rate.ct_threshold_fen) * *in.net_content_milli;
  }
  if (!in.pieces || *in.pieces <= 0) return std::nullopt;
  return static_cast<Int128>(price) >= static_cast<Int128>(rate.ct_threshold_fen) * *in.pieces;
}

// "9.99 元/毫升（克）" style unit price for the below-threshold finding. Rounded down, so a price
// under the threshold never reads as reaching it.
std::string UnitPrice(const TaxRate& rate, const TaxLineInput& in, Fen price, bool zh) {
  Fen per = 0;
  if (rate.ct_threshold == CtThreshold::kPerMlOrG && in.net_content_milli) {
    per = static_cast<Fen>(static_cast<Int128>(price) * 1000 / *in.net_content_milli);
  } else if (in.pieces) {
    per = price / *in.pieces;
  }
  const bool ml_g = rate.ct_threshold == CtThreshold::kPerMlOrG;
  if (zh) return CnyZh(per) + (ml_g ? "/毫升（克）" : "/片（张、只）");
  return CnyEn(per) + (ml_g ? " per ml (g)" : " per piece");
}

void CheckLine(const TaxOrderInput& order, size_t i, const TaxRateTable& rates, LineTax& line,
               Findings& findings, bool& incomplete) {
  const TaxLineInput& in = order.lines[i];
  const std::string code(internal::TrimAscii(in.code));
  if ((code.size() != 8 && code.size() != 10) || !internal::IsAsciiDigits(code)) {
    findings.push_back(MakeFinding("TAX_CODE_FORMAT", Severity::kError, LineField(i, "code"),
                                   "商品编码“" + code + "”应为 10 位（或 8 位）数字。",
                                   "Commodity code '" + code + "' must be 10 (or 8) digits."));
    incomplete = true;
    return;
  }
  const TaxRate* rate = rates.Find(code, order.date);
  if (rate == nullptr) {
    const std::string date = order.date.ToIso();
    findings.push_back(MakeFinding(
        "TAX_RATE_MISSING", Severity::kError, LineField(i, "code"),
        "税率表中没有商品编码 " + code + " 在 " + date + " 适用的税率，本行税款未计算。",
        "The rate table has no rate for commodity code " + code + " on " + date +
            "; this line's tax is not computed."));
    incomplete = true;
    return;
  }
  line.rate = *rate;
  if (order.path == TaxPath::kFullTax && !rate->duty_bp) {
    findings.push_back(MakeFinding(
        "TAX_DUTY_RATE_MISSING", Severity::kError, LineField(i, "code"),
        "税率表第 " + std::to_string(rate->line) + " 行（" + rate->code_prefix +
            "）没有可引用的关税税率，全额征税时关税未计算。",
        "Rate row " + std::to_string(rate->line) + " (" + rate->code_prefix +
            ") has no cited duty rate; on the full-tax path the duty is not computed."));
    incomplete = true;
  }
  const Fen price = PreVatPrice(*rate, order.path, line.dutiable_fen);
  std::optional<bool> due = CtDue(*rate, in, price);
  if (!due) {
    const bool ml_g = rate->ct_threshold == CtThreshold::kPerMlOrG;
    findings.push_back(MakeFinding(
        "TAX_CT_MEASURE_MISSING", Severity::kError,
        LineField(i, ml_g ? "net_content_milli" : "pieces"),
        std::string("该商品的消费税以单价门槛判定，本行缺少") +
            (ml_g ? "净含量（毫升或克）" : "片（张）数") + "，按应征消费税计算。",
        std::string("The consumption tax of these goods depends on a unit-price threshold and "
                    "the line lacks its ") +
            (ml_g ? "net content (ml or g)" : "number of pieces") + "; CT is assumed due."));
    incomplete = true;
    due = true;
  } else if (!*due && rate->ct_bp > 0) {
    const std::string limit_zh = CnyZh(rate->ct_threshold_fen);
    const std::string limit_en = CnyEn(rate->ct_threshold_fen);
    findings.push_back(MakeFinding(
        "TAX_CT_BELOW_THRESHOLD", Severity::kInfo, LineField(i, "code"),
        "完税价格折合 " + UnitPrice(*rate, in, price, true) + "，低于消费税门槛 " + limit_zh +
            "，不征消费税。",
        "The dutiable price comes to " + UnitPrice(*rate, in, price, false) +
            ", below the consumption-tax threshold of " + limit_en + "; no CT is due."));
  }
  line.ct_applies = *due && rate->ct_bp > 0;
  ApplyRates(order.path, *rate, line.ct_applies, line);
}

}  // namespace

std::string_view TaxPathName(TaxPath path) {
  return path == TaxPath::kFullTax ? "full_tax" : "within_limits";
}

Fen RoundHalfUp(Int128 num, Int128 den) {
  // floor((2*num + den) / (2*den)) is num/den rounded half up for num >= 0, den > 0.
  return static_cast<Fen>((2 * num + den) / (2 * den));
}

std::vector<Fen> AllocateByWeight(Fen amount, const std::vector<Fen>& weights) {
  std::vector<Fen> shares(weights.size(), 0);
  if (weights.empty()) return shares;
  Int128 total = 0;
  size_t last = weights.size() - 1;
  bool any_positive = false;
  for (size_t i = 0; i < weights.size(); ++i) {
    total += weights[i];
    if (weights[i] > 0) {
      last = i;
      any_positive = true;
    }
  }
  if (!any_positive) {
    shares.back() = amount;
    return shares;
  }
  Fen given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (i == last) continue;
    // Rounded down, so the remainder line never goes below its own exact share.
    shares[i] = static_cast<Fen>(static_cast<Int128>(amount) * weights[i] / total);
    given += shares[i];
  }
  shares[last] = amount - given;
  return shares;
}

TaxResult ComputeTax(const TaxOrderInput& order, const TaxRateTable& rates) {
  TaxResult r;
  r.path = order.path;
  r.date = order.date;
  r.rates_version = rates.version();
  r.freight_fen = order.freight_fen;
  r.insurance_fen = order.insurance_fen;
  r.discount_fen = order.discount_fen;
  r.declared_tax_fen = order.declared_tax_fen;
  if (rates.size() == 0) {
    r.findings.push_back(MakeFinding("LIST_NOT_LOADED", Severity::kWarning, "tax_rates",
                                     "税率表未加载，无法计税。",
                                     "The tax rate table is not loaded; no tax can be computed."));
  }

  std::vector<Fen> values;
  for (const TaxLineInput& in : order.lines) {
    values.push_back(in.goods_value_fen);
    r.goods_value_fen += in.goods_value_fen;
  }
  const std::vector<Fen> freight = AllocateByWeight(order.freight_fen, values);
  const std::vector<Fen> insurance = AllocateByWeight(order.insurance_fen, values);
  const std::vector<Fen> discount = AllocateByWeight(order.discount_fen, values);

  const Fen gross = r.goods_value_fen + order.freight_fen + order.insurance_fen;
  bool clamped = false;
  bool incomplete = false;
  for (size_t i = 0; i < order.lines.size(); ++i) {
    LineTax line;
    line.code = std::string(internal::TrimAscii(order.lines[i].code));
    line.goods_value_fen = order.lines[i].goods_value_fen;
    line.freight_fen = freight[i];
    line.insurance_fen = insurance[i];
    line.discount_fen = discount[i];
    const Fen p = line.goods_value_fen + line.freight_fen + line.insurance_fen - line.discount_fen;
    if (p < 0) clamped = true;
    line.dutiable_fen = p < 0 ? 0 : p;
    CheckLine(order, i, rates, line, r.findings, incomplete);
    r.dutiable_fen += line.dutiable_fen;
    r.duty_fen += line.duty_fen;
    r.ct_fen += line.ct_fen;
    r.vat_fen += line.vat_fen;
    r.total_fen += line.total_fen;
    r.lines.push_back(std::move(line));
  }
  if (order.discount_fen > gross || clamped) {
    incomplete = true;  // inconsistent amounts: the figures cannot be relied on
    r.findings.push_back(MakeFinding("TAX_DISCOUNT_EXCEEDS_VALUE", Severity::kError, "discount_fen",
                                     "非现金抵扣 " + CnyZh(order.discount_fen) +
                                         " 超过商品价格、运费与保费之和 " + CnyZh(gross) +
                                         "，完税价格按 0 计。",
                                     "The non-cash discount of " + CnyEn(order.discount_fen) +
                                         " exceeds goods value, freight and insurance together (" +
                                         CnyEn(gross) + "); the dutiable value is taken as 0."));
  }

  if (incomplete || rates.size() == 0) {
    r.outcome = "incomplete";
  } else if (order.declared_tax_fen && *order.declared_tax_fen != r.total_fen) {
    const Fen declared = *order.declared_tax_fen;
    const bool under = declared < r.total_fen;
    r.findings.push_back(
        MakeFinding("TAX_DECLARED_MISMATCH", Severity::kError, "declared_tax_fen",
                    std::string("申报代扣税款 ") + CnyZh(declared) + (under ? " 少于" : " 多于") +
                        "核定税款 " + CnyZh(r.total_fen) + "，差额 " +
                        CnyZh(under ? r.total_fen - declared : declared - r.total_fen) + "。",
                    "The declared tax of " + CnyEn(declared) + (under ? " is below" : " is above") +
                        " the computed tax of " + CnyEn(r.total_fen) + " by " +
                        CnyEn(under ? r.total_fen - declared : declared - r.total_fen) + "."));
    r.outcome = "mismatch";
  } else {
    r.outcome = "computed";
  }
  return r;
}

}  // namespace core
