// CompareStocktake: the count of every SKU against the book at the stocktake date, the value
// and full tax of what is missing, and what follows (a supplementary tax or a referral). Pure.
#include "core/stocktake.h"

#include <string>
#include <utility>

#include "../api/field_reader.h"

namespace core {
namespace {

using internal::FieldError;

constexpr std::pair<StocktakeMethod, std::string_view> kMethodNames[] = {
    {StocktakeMethod::kElectronic, "electronic"},
    {StocktakeMethod::kSelfCount, "self_count"},
    {StocktakeMethod::kThirdParty, "third_party"},
};

std::string Amount(Qty q, const std::string& unit) {
  return FormatQty(q) + (unit.empty() ? "" : " " + unit);
}

std::string LineField(size_t i) { return "stocktake.counts[" + std::to_string(i) + "]"; }

// The SKU's line with its book figure and the count (if any), before any conclusion.
StocktakeLine Open(const std::string& sku, const SkuBalance* book) {
  StocktakeLine l;
  l.sku = sku;
  if (book != nullptr) {
    l.code10 = book->code10;
    l.unit = book->unit;
    l.book = book->balance;
  }
  return l;
}

void Conclude(StocktakeLine& l, const std::string& field, const StocktakeInput& in, Findings& out) {
  if (!l.counted) {
    l.status = "not_counted";
    if (l.book.e5 != 0) {
      out.push_back(MakeFinding(
          "STOCKTAKE_SKU_NOT_COUNTED", Severity::kError, "stocktake.counts",
          "账册料号 " + l.sku + " 结存 " + Amount(l.book, l.unit) + "，盘库未清点。",
          "SKU " + l.sku + " has " + Amount(l.book, l.unit) + " on the book and was not counted."));
    }
    return;
  }
  l.accepted = l.recounted ? *l.recounted : *l.counted;
  if (l.recounted && *l.recounted != *l.counted) {
    out.push_back(MakeFinding("STOCKTAKE_RECOUNT_DIFFERS", Severity::kError, field + ".recounted",
                              "料号 " + l.sku + " 盘库数 " + Amount(*l.counted, l.unit) +
                                  "，海关复盘 " + Amount(*l.recounted, l.unit) + "：以复盘数为准。",
                              "SKU " + l.sku + ": the stocktake counted " +
                                  Amount(*l.counted, l.unit) + ", customs re-counted " +
                                  Amount(*l.recounted, l.unit) + "; the re-count decides."));
  }
  l.difference.e5 = l.accepted.e5 - l.book.e5;
  if (l.difference.e5 == 0) {
    l.status = "match";
    return;
  }
  const Qty gap{l.difference.e5 < 0 ? -l.difference.e5 : l.difference.e5};
  if (l.difference.e5 > 0) {
    l.status = "surplus";
    out.push_back(MakeFinding("STOCKTAKE_SURPLUS", Severity::kError, field,
                              "料号 " + l.sku + " 账面 " + Amount(l.book, l.unit) + "，实盘 " +
                                  Amount(l.accepted, l.unit) + "：盘盈 " + Amount(gap, l.unit) +
                                  "（未入账的货物）。",
                              "SKU " + l.sku + ": " + Amount(l.book, l.unit) + " on the book, " +
                                  Amount(l.accepted, l.unit) + " counted: " + Amount(gap, l.unit) +
                                  " more than the book ever received."));
    return;
  }
  l.status = "shortage";
  auto value = in.unit_values.find(l.sku);
  if (value != in.unit_values.end()) {
    l.unit_value_fen = value->second;
    l.shortage_value_fen = RoundHalfUp(static_cast<Int128>(value->second) * gap.e5, Qty::kScale);
  }
  out.push_back(MakeFinding("STOCKTAKE_SHORTAGE", Severity::kError, field,
                            "料号 " + l.sku + " 账面 " + Amount(l.book, l.unit) + "，实盘 " +
                                Amount(l.accepted, l.unit) + "：短少 " + Amount(gap, l.unit) +
                                "（未经核放离开区域的货物）。",
                            "SKU " + l.sku + ": " + Amount(l.book, l.unit) + " on the book, " +
                                Amount(l.accepted, l.unit) + " counted: " + Amount(gap, l.unit) +
                                " left the area without clearance."));
  if (!l.unit_value_fen) {
    out.push_back(MakeFinding("STOCKTAKE_VALUE_UNKNOWN", Severity::kWarning, field + ".sku",
                              "料号 " + l.sku + " 无备案单价，短少货物的税款无法计算。",
                              "SKU " + l.sku +
                                  " has no filed unit value: the tax of the shortage cannot be "
                                  "computed."));
  }
}

// The full tax of every valued shortage, one tax line per SKU (DOMAIN §1.3: goods that left the
// area without clearance owe the general-trade tax).
void TaxShortages(StocktakeResult& r, const Date& date, const TaxRateTable& rates) {
  TaxOrderInput order;
  order.date = date;
  order.path = TaxPath::kFullTax;
  std::vector<StocktakeLine*> taxed;
  for (StocktakeLine& l : r.lines) {
    if (l.status != "shortage" || !l.unit_value_fen) continue;
    order.lines.push_back(TaxLineInput{l.code10, l.shortage_value_fen, std::nullopt, std::nullopt});
    taxed.push_back(&l);
  }
  if (order.lines.empty()) return;
  const TaxResult tax = ComputeTax(order, rates);
  for (size_t i = 0; i < taxed.size() && i < tax.lines.size(); ++i) {
    taxed[i]->tax_fen = tax.lines[i].total_fen;
  }
  r.duty_fen = tax.duty_fen;
  r.vat_fen = tax.vat_fen;
  r.ct_fen = tax.ct_fen;
  r.tax_fen = tax.total_fen;
  AppendFindings(r.findings, tax.findings, "stocktake.tax");
}

}  // namespace

std::string_view StocktakeMethodName(StocktakeMethod method) {
  for (const auto& [m, name] : kMethodNames) {
    if (m == method) return name;
  }
  return "self_count";
}

std::optional<StocktakeMethod> StocktakeMethodFromName(std::string_view name) {
  for (const auto& [m, n] : kMethodNames) {
    if (n == name) return m;
  }
  return std::nullopt;
}

StatusOr<StocktakeResult> CompareStocktake(const Ledger& ledger, const StocktakeInput& in,
                                           const TaxRateTable& rates, const Policy& policy) {
  if (!ledger.entries().empty() && in.date < ledger.entries().front().date) {
    return FieldError("stocktake.date", "is before the ledger's first entry (" +
                                            ledger.entries().front().date.ToIso() + ")");
  }
  std::map<std::string, SkuBalance> book;
  for (SkuBalance& b : BalancesAt(ledger, in.date)) book.emplace(b.sku, std::move(b));
  std::map<std::string, StocktakeLine> lines;
  std::map<std::string, size_t> index;  // SKU -> its position in the counts
  for (size_t i = 0; i < in.counts.size(); ++i) {
    const StocktakeCount& c = in.counts[i];
    if (c.sku.empty()) return FieldError(LineField(i) + ".sku", "is required");
    if (!index.emplace(c.sku, i).second) {
      return FieldError(LineField(i) + ".sku", "counts SKU " + c.sku + " a second time");
    }
    if (c.counted.e5 < 0 || (c.recounted && c.recounted->e5 < 0)) {
      return FieldError(LineField(i), "must not be negative");
    }
    auto b = book.find(c.sku);
    StocktakeLine l = Open(c.sku, b == book.end() ? nullptr : &b->second);
    l.counted = c.counted;
    l.recounted = c.recounted;
    lines.emplace(c.sku, std::move(l));
  }
  for (const auto& [sku, v] : in.unit_values) {
    if (v < 0 || v > kMaxFen) return FieldError("stocktake.unit_values." + sku, "is out of range");
  }
  for (const auto& [sku, b] : book) {
    if (lines.count(sku) == 0) lines.emplace(sku, Open(sku, &b));
  }

  StocktakeResult r;
  bool short_any = false, surplus_any = false, incomplete = false, unvalued = false;
  for (auto& [sku, l] : lines) {
    auto at = index.find(sku);
    Conclude(l, at == index.end() ? "stocktake.counts" : LineField(at->second), in, r.findings);
    short_any = short_any || l.status == "shortage";
    surplus_any = surplus_any || l.status == "surplus";
    incomplete = incomplete || (l.status == "not_counted" && l.book.e5 != 0);
    unvalued = unvalued || (l.status == "shortage" && !l.unit_value_fen);
    if (l.status == "shortage") r.shortage_value_fen += l.shortage_value_fen;
    r.lines.push_back(l);
  }
  if (incomplete) {
    r.outcome = "incomplete";
    return r;
  }
  r.outcome = short_any && surplus_any ? "shortage_and_surplus"
              : short_any              ? "shortage"
              : surplus_any            ? "surplus"
                                       : "consistent";
  if (!short_any) return r;
  TaxShortages(r, in.date, rates);
  const bool referred = unvalued || r.tax_fen >= policy.stocktake_referral_tax_fen;
  r.shortage_action = referred ? "referral" : "supplementary_tax";
  if (referred) {
    const std::string why_zh =
        unvalued ? "短少货物价值不明" : "应补税款 " + FormatCny(r.tax_fen) + " 元达到移交标准";
    const std::string why_en = unvalued ? "the value of the missing goods is unknown"
                                        : "the tax due, " + FormatCny(r.tax_fen) +
                                              " CNY, reaches the referral threshold of " +
                                              FormatCny(policy.stocktake_referral_tax_fen);
    r.findings.push_back(MakeFinding("STOCKTAKE_REFERRAL", Severity::kError, "stocktake",
                                     why_zh + "：移交缉私部门处理。",
                                     "Referred to the anti-smuggling department: " + why_en + "."));
  }
  return r;
}

std::optional<Date> StocktakeDueDate(const Date& last, std::string_view grade,
                                     const Policy& policy) {
  auto m = policy.measures.find(std::string(grade));
  if (m == policy.measures.end() || m->second.stocktake_months <= 0) return std::nullopt;
  return last.AddMonths(m->second.stocktake_months);
}

}  // namespace core
