// The after-the-period summary of each promotion: the filed promotional price against the
// prices and volumes transacted in its period. Integer arithmetic, averages rounded half up to
// the fen. Pure.
#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

#include "../tax/tax_common.h"
#include "core/promotion.h"
#include "core/tax.h"

namespace core {
namespace {

using internal::CnyEn;
using internal::CnyZh;

std::string Status(const PromotionFiling& f, const Date& decision_date) {
  if (decision_date < f.from) return "not_started";
  if (decision_date <= f.to) return "open";
  return "closed";
}

PromotionSummary Summarise(const PromotionFiling& f, const std::vector<PriceLine>& lines,
                           const Date& decision_date) {
  PromotionSummary s;
  s.filing = f;
  s.late = IsLate(f);
  s.status = Status(f, decision_date);
  Int128 qty = 0;
  Int128 value_fen_e5 = 0;  // sum of price x qty, in fen x 10^-5
  for (const PriceLine& line : lines) {
    if (line.date < f.from || line.date > f.to) continue;
    if (std::find(f.skus.begin(), f.skus.end(), line.sku) == f.skus.end()) continue;
    ++s.line_count;
    qty += line.qty.e5;
    value_fen_e5 += static_cast<Int128>(line.price_fen) * line.qty.e5;
    s.min_price_fen = std::min(s.min_price_fen.value_or(line.price_fen), line.price_fen);
    s.max_price_fen = std::max(s.max_price_fen.value_or(line.price_fen), line.price_fen);
    if (line.price_fen < f.promo_price_fen) {
      ++s.lines_below_promo;
      s.qty_below_promo.e5 += line.qty.e5;
    }
  }
  s.qty.e5 = static_cast<int64_t>(qty);
  s.value_fen = RoundHalfUp(value_fen_e5, Qty::kScale);
  if (qty > 0) s.avg_price_fen = RoundHalfUp(value_fen_e5, qty);
  return s;
}

void AppendFindings(const PromotionSummary& s, const std::string& field, Findings& out) {
  const PromotionFiling& f = s.filing;
  if (s.status != "closed") {
    out.push_back(MakeFinding(
        "PROMOTION_PERIOD_OPEN", Severity::kInfo, field + ".status",
        "促销 " + f.id + " 的期间至 " + f.to.ToIso() + " 结束，汇总为阶段性结果。",
        "Promotion " + f.id + " runs until " + f.to.ToIso() + "; the summary is provisional."));
  }
  if (s.line_count == 0) {
    out.push_back(MakeFinding("PROMOTION_NO_SALES", Severity::kInfo, field + ".line_count",
                              "促销 " + f.id + " 期间没有申报清单。",
                              "No list lines were declared under promotion " + f.id + "."));
  }
  if (s.late) {
    out.push_back(MakeFinding("PROMOTION_FILED_LATE", Severity::kWarning,
                              field + ".filing.filed_at",
                              "促销 " + f.id + " 于 " + f.filed_at.ToIso() +
                                  " 报备，晚于其开始日 " + f.from.ToIso() + "。",
                              "Promotion " + f.id + " was filed on " + f.filed_at.ToIso() +
                                  ", after its start on " + f.from.ToIso() + "."));
  }
  if (s.lines_below_promo > 0) {
    const std::string n = std::to_string(s.lines_below_promo);
    out.push_back(MakeFinding(
        "PROMOTION_SOLD_BELOW_PRICE", Severity::kWarning, field + ".lines_below_promo",
        "促销 " + f.id + " 期间有 " + n + " 行（数量 " + FormatQty(s.qty_below_promo) +
            "）申报单价低于报备促销价 " + CnyZh(f.promo_price_fen) + "，最低 " +
            CnyZh(s.min_price_fen.value_or(0)) + "。",
        n + " line(s) (quantity " + FormatQty(s.qty_below_promo) + ") under promotion " + f.id +
            " were declared below the filed promotional price " + CnyEn(f.promo_price_fen) +
            "; the lowest was " + CnyEn(s.min_price_fen.value_or(0)) + "."));
  }
}

}  // namespace

PromotionSummaryResult SummarisePromotions(std::string_view enterprise,
                                           const std::vector<PromotionFiling>& filings,
                                           const std::vector<PriceLine>& lines,
                                           const Date& decision_date) {
  PromotionSummaryResult out;
  out.decision_date = decision_date;
  std::vector<const PromotionFiling*> mine;
  for (const PromotionFiling& f : filings) {
    if (f.enterprise_code == enterprise) mine.push_back(&f);
  }
  std::sort(mine.begin(), mine.end(), [](const PromotionFiling* a, const PromotionFiling* b) {
    return std::tie(a->from, a->id) < std::tie(b->from, b->id);
  });
  for (const PromotionFiling* f : mine) {
    out.summaries.push_back(Summarise(*f, lines, decision_date));
    AppendFindings(out.summaries.back(),
                   "summaries[" + std::to_string(out.summaries.size() - 1) + "]", out.findings);
  }
  return out;
}

}  // namespace core
