// The buyer-quota decision for one order (DOMAIN §1.1, §1.3): value limits in force on the date,
// the single-item exception, general trade beyond the limits, and the positive list's annual
// quantity caps. Pure.
#include "core/quota.h"

#include <map>
#include <string>
#include <utility>

#include "../tax/tax_common.h"
#include "internal/text_fields.h"

namespace core {
namespace {

using internal::FormatMilli;
using internal::TrimAscii;

using internal::CnyEn;
using internal::CnyZh;

// Grams per unit for the mass units declarations use (names, and JGS-20 codes 035 千克 /
// 036 克); 0 for anything else, which is compared only by its exact text.
int64_t GramsPerUnit(std::string_view unit) {
  unit = TrimAscii(unit);
  if (unit == "千克" || unit == "公斤" || unit == "kg" || unit == "KG" || unit == "035") {
    return 1000;
  }
  if (unit == "克" || unit == "g" || unit == "036") return 1;
  return 0;
}

// Quantity in thousandths of the cap's unit, or nullopt when the units cannot be compared.
std::optional<Int128> InCapUnit(int64_t qty_milli, std::string_view unit,
                                std::string_view cap_unit) {
  if (TrimAscii(unit) == TrimAscii(cap_unit)) return qty_milli;
  const int64_t from = GramsPerUnit(unit);
  const int64_t to = GramsPerUnit(cap_unit);
  if (from == 0 || to == 0) return std::nullopt;
  // Grams to kilograms truncates below a thousandth of a kilogram (one gram): the buyer is
  // never charged with a quantity that was not bought.
  return static_cast<Int128>(qty_milli) * from / to;
}

Finding UnitMismatch(const std::string& field, const std::string& code8, const PositiveListEntry& e,
                     const std::string& unit) {
  return MakeFinding(
      "QUOTA_QTY_UNIT_MISMATCH", Severity::kWarning, field,
      "税号 " + code8 + " 的年度限量以“" + e.annual_qty_unit + "”计，单位“" + unit +
          "”无法折算，该数量未计入限量核对；请按法定计量单位申报数量。",
      "The annual cap of tariff line " + code8 + " is in '" + e.annual_qty_unit +
          "' and the unit '" + unit +
          "' cannot be converted; that quantity is left out of the cap check. Declare "
          "the legal quantity.");
}

void CheckQuantityCaps(const QuotaOrderInput& order, const PositiveList& list, QuotaVerdict& v,
                       bool& cap_exceeded) {
  struct Total {
    const PositiveListEntry* entry = nullptr;
    Int128 order_milli = 0;
    Int128 year_milli = 0;
    size_t first_line = 0;
  };
  std::map<std::string, Total> totals;  // by code8, in code order (deterministic)
  for (size_t i = 0; i < order.lines.size(); ++i) {
    const QuotaLine& line = order.lines[i];
    const std::string code8(TrimAscii(line.code).substr(0, 8));
    const PositiveListEntry* e = list.Find(code8);
    if (e == nullptr || e->annual_qty_cap_milli <= 0) continue;
    const std::string field = "lines[" + std::to_string(i) + "].unit";
    std::optional<Int128> qty = InCapUnit(line.qty_milli, line.unit, e->annual_qty_unit);
    if (!qty) {
      v.findings.push_back(UnitMismatch(field, code8, *e, line.unit));
      continue;
    }
    Total& t = totals[code8];
    if (t.entry == nullptr) {
      t.entry = e;
      t.first_line = i;
    }
    t.order_milli += *qty;
  }
  for (size_t i = 0; i < order.year_to_date_qty.size(); ++i) {
    const YearQuantity& y = order.year_to_date_qty[i];
    auto it = totals.find(std::string(TrimAscii(y.code8)));
    if (it == totals.end()) continue;
    std::optional<Int128> qty = InCapUnit(y.qty_milli, y.unit, it->second.entry->annual_qty_unit);
    if (!qty) {
      v.findings.push_back(UnitMismatch("year_to_date_qty[" + std::to_string(i) + "].unit",
                                        it->first, *it->second.entry, y.unit));
      continue;
    }
    it->second.year_milli += *qty;
  }
  for (const auto& [code8, t] : totals) {
    const Int128 after = t.order_milli + t.year_milli;
    if (after <= t.entry->annual_qty_cap_milli) continue;
    cap_exceeded = true;
    const std::string& unit = t.entry->annual_qty_unit;
    const std::string now = FormatMilli(static_cast<int64_t>(t.order_milli)) + " " + unit;
    const std::string before = FormatMilli(static_cast<int64_t>(t.year_milli)) + " " + unit;
    const std::string total = FormatMilli(static_cast<int64_t>(after)) + " " + unit;
    const std::string cap = FormatMilli(t.entry->annual_qty_cap_milli) + " " + unit;
    v.findings.push_back(
        MakeFinding("QUOTA_QTY_CAP_EXCEEDED", Severity::kError,
                    "lines[" + std::to_string(t.first_line) + "].qty_milli",
                    "税号 " + code8 + " 本单 " + now + "，本年已购 " + before + "，合计 " + total +
                        "，超过正面清单每人每年限量 " + cap + "。",
                    "Tariff line " + code8 + ": " + now + " in this order and " + before +
                        " earlier this year make " + total + ", above the positive-list cap of " +
                        cap + " per person per year."));
  }
}

}  // namespace

std::string_view QuotaPathName(QuotaPath path) {
  switch (path) {
    case QuotaPath::kCbec:
      return "cbec";
    case QuotaPath::kCbecFullTax:
      return "cbec_full_tax";
    case QuotaPath::kGeneralTrade:
      return "general_trade";
    case QuotaPath::kUndetermined:
      return "undetermined";
  }
  return "undetermined";
}

Fen TransactionValue(const QuotaOrderInput& order) {
  return order.goods_value_fen + order.freight_fen + order.insurance_fen - order.discount_fen;
}

bool IsSingleItem(const QuotaOrderInput& order) {
  return order.lines.size() == 1 && order.lines[0].qty_milli == 1000;
}

QuotaVerdict CheckQuota(const QuotaOrderInput& order, const PositiveList& list,
                        const Policy& policy) {
  QuotaVerdict v;
  v.date = order.date;
  v.policy_version = policy.version;
  v.limits = policy.LimitsOn(order.date);
  v.value_fen = TransactionValue(order);
  v.single_item = IsSingleItem(order);
  v.year_to_date_fen = order.year_to_date_fen;
  v.annual_total_after_fen = order.year_to_date_fen;

  const Fen t = v.limits.limits.transaction_fen;
  const Fen a = v.limits.limits.annual_fen;
  if (t <= 0 || a <= 0) {
    v.findings.push_back(MakeFinding("POLICY_NOT_LOADED", Severity::kError, "",
                                     "政策未加载：交易限值未知，无法判定通关方式。",
                                     "No policy is loaded: the limits are unknown, so the "
                                     "clearance path cannot be decided."));
    return v;
  }
  if (v.value_fen < 0) {
    v.findings.push_back(MakeFinding(
        "QUOTA_VALUE_NEGATIVE", Severity::kError, "discount_fen",
        "非现金抵扣 " + CnyZh(order.discount_fen) + " 超过商品价格、运费与保费之和，交易额为负。",
        "The non-cash discount of " + CnyEn(order.discount_fen) +
            " exceeds goods value, freight and insurance: the transaction value is negative."));
    v.value_fen = 0;
    v.remaining_annual_fen = a > order.year_to_date_fen ? a - order.year_to_date_fen : 0;
    return v;  // inconsistent amounts: no path can be decided
  }
  if (list.size() == 0) {
    v.findings.push_back(MakeFinding("LIST_NOT_LOADED", Severity::kWarning, "lines",
                                     "正面清单未加载，年度限量未核对。",
                                     "The positive list is not loaded; annual quantity caps are "
                                     "not checked."));
  }

  const Fen value = v.value_fen;
  const Fen after = order.year_to_date_fen + value;
  const bool over_transaction = value > t;  // "exceeds 5,000" means strictly more (T5)
  const bool over_annual = after > a;
  bool general_trade = false;
  if (over_annual) {
    general_trade = true;
    v.findings.push_back(MakeFinding(
        "QUOTA_ANNUAL_EXCEEDED", Severity::kError, "goods_value_fen",
        "本年已计 " + CnyZh(order.year_to_date_fen) + " 加本单 " + CnyZh(value) + " 为 " +
            CnyZh(after) + "，超过个人年度交易限值 " + CnyZh(a) + "，应按一般贸易管理。",
        "This year's " + CnyEn(order.year_to_date_fen) + " plus this order's " + CnyEn(value) +
            " make " + CnyEn(after) + ", above the annual limit of " + CnyEn(a) +
            " per person: the goods fall under general trade."));
  }
  bool full_tax = false;
  if (over_transaction && !v.single_item) {
    general_trade = true;
    v.findings.push_back(
        MakeFinding("QUOTA_TRANSACTION_EXCEEDED", Severity::kError, "goods_value_fen",
                    "本单交易额 " + CnyZh(value) + " 超过单次交易限值 " + CnyZh(t) +
                        "，且订单不止一件商品，不能按跨境电商零售进口通关。",
                    "The transaction value of " + CnyEn(value) +
                        " exceeds the per-transaction limit of " + CnyEn(t) +
                        " and the order holds more than one item: it cannot clear as a CBEC "
                        "retail import."));
  } else if (over_transaction && !over_annual) {
    if (v.limits.single_item_full_tax) {
      full_tax = true;
      v.findings.push_back(
          MakeFinding("QUOTA_SINGLE_ITEM_FULL_TAX", Severity::kInfo, "goods_value_fen",
                      "单件不可分割商品交易额 " + CnyZh(value) + " 超过单次交易限值 " + CnyZh(t) +
                          "，可按跨境电商零售进口通关，但按货物税率全额征收关税、增值税和消费税，并"
                          "计入年度交易总额。",
                      "A single indivisible item of " + CnyEn(value) +
                          " exceeds the per-transaction limit of " + CnyEn(t) +
                          ": it may clear as CBEC, with duty, VAT and consumption tax charged in "
                          "full at the goods rates, and counts toward the annual total."));
    } else {
      general_trade = true;
      v.findings.push_back(
          MakeFinding("QUOTA_SINGLE_ITEM_GENERAL_TRADE", Severity::kError, "goods_value_fen",
                      "单件不可分割商品交易额 " + CnyZh(value) + " 超过当时的单次交易限值 " +
                          CnyZh(t) + "，按一般贸易全额征税。",
                      "A single indivisible item of " + CnyEn(value) +
                          " exceeds the per-transaction limit "
                          "then in force (" +
                          CnyEn(t) + "): general-trade tax in full."));
    }
  }

  bool cap_exceeded = false;
  CheckQuantityCaps(order, list, v, cap_exceeded);
  if (cap_exceeded) general_trade = true;

  if (general_trade) {
    v.path = QuotaPath::kGeneralTrade;
    v.tax_path = TaxPath::kFullTax;
  } else {
    v.path = full_tax ? QuotaPath::kCbecFullTax : QuotaPath::kCbec;
    v.tax_path = full_tax ? TaxPath::kFullTax : TaxPath::kWithinLimits;
    v.counts_toward_annual = true;
    v.annual_total_after_fen = after;
  }
  v.remaining_annual_fen = a > v.annual_total_after_fen ? a - v.annual_total_after_fen : 0;
  return v;
}

}  // namespace core
