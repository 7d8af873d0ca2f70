// Promotion checks: a declared unit price against the enterprise's filed normal price and the
// promotions covering its date, and a new filing against the enterprise's others. Pure.
#include "core/promotion.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "../ledger/fields.h"
#include "../tax/tax_common.h"
#include "core/tax.h"  // Int128

namespace core {
namespace {

using internal::BpPercent;
using internal::CnyEn;
using internal::CnyZh;

bool Names(const PromotionFiling& f, std::string_view sku) {
  return std::find(f.skus.begin(), f.skus.end(), sku) != f.skus.end();
}

std::map<std::string, Fen, std::less<>> NormalPriceMap(const std::vector<NormalPrice>& prices) {
  std::map<std::string, Fen, std::less<>> out;
  for (const NormalPrice& p : prices) out.try_emplace(p.sku, p.price_fen);
  return out;
}

// The filed normal price of a SKU and where it comes from.
std::optional<Fen> NormalPriceOf(std::string_view enterprise, std::string_view sku,
                                 const std::map<std::string, Fen, std::less<>>& normal_prices,
                                 const std::vector<PromotionFiling>& filings, std::string& source) {
  auto it = normal_prices.find(sku);
  if (it != normal_prices.end()) {
    source = "normal_prices";
    return it->second;
  }
  const PromotionFiling* latest = nullptr;
  for (const PromotionFiling& f : filings) {
    if (f.enterprise_code != enterprise || !Names(f, sku)) continue;
    if (latest == nullptr || std::tie(f.filed_at, f.id) > std::tie(latest->filed_at, latest->id)) {
      latest = &f;
    }
  }
  if (latest == nullptr) return std::nullopt;
  source = "filing:" + latest->id;
  return latest->normal_price_fen;
}

// Of the promotions covering the line, the lowest promotional price (then the earliest filed,
// then the smallest id): the reading most favourable to the enterprise.
const PromotionFiling* CoveringPromotion(std::string_view enterprise, const PriceLine& line,
                                         const std::vector<PromotionFiling>& filings) {
  const PromotionFiling* best = nullptr;
  for (const PromotionFiling& f : filings) {
    if (!Covers(f, enterprise, line.sku, line.date)) continue;
    if (best == nullptr || std::tie(f.promo_price_fen, f.filed_at, f.id) <
                               std::tie(best->promo_price_fen, best->filed_at, best->id)) {
      best = &f;
    }
  }
  return best;
}

// A late filing that would have covered the line had it been filed in time.
const PromotionFiling* LateFilingFor(std::string_view enterprise, const PriceLine& line,
                                     const std::vector<PromotionFiling>& filings) {
  for (const PromotionFiling& f : filings) {
    if (f.enterprise_code == enterprise && Names(f, line.sku) && line.date >= f.from &&
        line.date <= f.to && line.date < f.filed_at) {
      return &f;
    }
  }
  return nullptr;
}

Finding FiledLate(const PromotionFiling& f, std::string field, const std::optional<Date>& date) {
  const std::string zh_tail =
      date ? "；" + date->ToIso() + " 的交易不受该报备覆盖。" : "；报备前的日期不受覆盖。";
  const std::string en_tail = date ? "; " + date->ToIso() + " is not covered by it."
                                   : "; the days before the filing are not covered.";
  return MakeFinding("PROMOTION_FILED_LATE", Severity::kWarning, std::move(field),
                     "促销 " + f.id + " 于 " + f.filed_at.ToIso() + " 报备，晚于其开始日 " +
                         f.from.ToIso() + zh_tail,
                     "Promotion " + f.id + " was filed on " + f.filed_at.ToIso() +
                         ", after its start on " + f.from.ToIso() + en_tail);
}

void CheckLine(std::string_view enterprise, const std::vector<PromotionFiling>& filings,
               const std::map<std::string, Fen, std::less<>>& normal_prices, int tol_bp,
               size_t index, PriceLineCheck& c, Findings& findings) {
  const PriceLine& line = c.line;
  const std::string field = "lines[" + std::to_string(index) + "]";
  c.normal_price_fen =
      NormalPriceOf(enterprise, line.sku, normal_prices, filings, c.normal_price_source);
  const PromotionFiling* promo = CoveringPromotion(enterprise, line, filings);
  if (promo != nullptr) {
    c.promotion_id = promo->id;
    c.promo_price_fen = promo->promo_price_fen;
  }
  if (!c.normal_price_fen) {
    c.status = "no_normal_price";
    findings.push_back(
        MakeFinding("PRICE_NORMAL_UNKNOWN", Severity::kInfo, field + ".sku",
                    "料号 " + line.sku + " 无备案正常价，未核对申报单价。",
                    "SKU " + line.sku + " has no filed normal price; the price was not checked."));
    return;
  }
  const Fen normal = *c.normal_price_fen;
  // ceil(normal x (10000 - tol) / 10000): a price below it is more than tol below normal.
  const Int128 num = static_cast<Int128>(normal) * (10000 - tol_bp);
  c.threshold_fen = static_cast<Fen>((num + 9999) / 10000);
  const std::string price_zh =
      "料号 " + line.sku + " 于 " + line.date.ToIso() + " 申报单价 " + CnyZh(line.price_fen);
  const std::string price_en = "SKU " + line.sku + " on " + line.date.ToIso() +
                               ": the declared unit price " + CnyEn(line.price_fen);
  if (line.price_fen >= c.threshold_fen) {
    c.status = "normal";
  } else if (promo == nullptr) {
    c.status = "below_filed_no_promotion";
    findings.push_back(MakeFinding(
        "PRICE_BELOW_FILED_NO_PROMOTION", Severity::kWarning, field + ".price_fen",
        price_zh + "，低于备案正常价 " + CnyZh(normal) + " 超过 " + BpPercent(tol_bp) +
            "（不低于 " + CnyZh(c.threshold_fen) + " 为正常），且无备案促销覆盖。",
        price_en + " is more than " + BpPercent(tol_bp) + " below the filed normal price " +
            CnyEn(normal) + " (" + CnyEn(c.threshold_fen) +
            " or more is normal) and no filed promotion covers it."));
    if (const PromotionFiling* late = LateFilingFor(enterprise, line, filings)) {
      findings.push_back(FiledLate(*late, field + ".date", line.date));
    }
  } else if (line.price_fen < promo->promo_price_fen) {
    c.status = "below_promotion";
    findings.push_back(
        MakeFinding("PRICE_BELOW_PROMOTION", Severity::kWarning, field + ".price_fen",
                    price_zh + "，低于促销 " + promo->id + " 报备的促销价 " +
                        CnyZh(promo->promo_price_fen) + "。",
                    price_en + " is below the promotional price " + CnyEn(promo->promo_price_fen) +
                        " filed in promotion " + promo->id + "."));
  } else {
    c.status = "promotion";
  }
}

std::string Outcome(const Findings& findings) {
  return HasErrors(findings) || HasWarnings(findings) ? "flagged" : "ok";
}

}  // namespace

bool IsLate(const PromotionFiling& filing) { return filing.from < filing.filed_at; }

bool Covers(const PromotionFiling& f, std::string_view enterprise, std::string_view sku,
            const Date& date) {
  return f.enterprise_code == enterprise && Names(f, sku) && date >= f.from && date <= f.to &&
         date >= f.filed_at;
}

PromotionCheck CheckPriceLines(std::string_view enterprise,
                               const std::vector<PromotionFiling>& filings,
                               const std::vector<NormalPrice>& normal_prices,
                               const std::vector<PriceLine>& lines, const Policy& policy) {
  PromotionCheck out;
  const auto normal = NormalPriceMap(normal_prices);
  for (size_t i = 0; i < lines.size(); ++i) {
    PriceLineCheck c;
    c.line = lines[i];
    CheckLine(enterprise, filings, normal, policy.price_tolerance_bp, i, c, out.findings);
    out.lines.push_back(std::move(c));
  }
  out.outcome = Outcome(out.findings);
  return out;
}

PromotionCheck CheckFiling(const PromotionFiling& filing,
                           const std::vector<PromotionFiling>& others,
                           const std::vector<NormalPrice>& normal_prices) {
  PromotionCheck out;
  if (IsLate(filing)) out.findings.push_back(FiledLate(filing, "filing.filed_at", std::nullopt));
  if (filing.promo_price_fen >= filing.normal_price_fen) {
    out.findings.push_back(MakeFinding(
        "PROMOTION_PRICE_NOT_BELOW_NORMAL", Severity::kWarning, "filing.promo_price_fen",
        "促销 " + filing.id + " 的促销价 " + CnyZh(filing.promo_price_fen) + " 不低于正常价 " +
            CnyZh(filing.normal_price_fen) + "。",
        "Promotion " + filing.id + ": the promotional price " + CnyEn(filing.promo_price_fen) +
            " is not below the normal price " + CnyEn(filing.normal_price_fen) + "."));
  }
  for (const PromotionFiling& other : others) {
    if (other.id == filing.id || other.enterprise_code != filing.enterprise_code) continue;
    if (other.from > filing.to || filing.from > other.to) continue;
    for (const std::string& sku : filing.skus) {
      if (!Names(other, sku)) continue;
      out.findings.push_back(MakeFinding(
          "PROMOTION_OVERLAP", Severity::kWarning, "filing.skus",
          "促销 " + filing.id + " 与促销 " + other.id + "（" + other.from.ToIso() + " 至 " +
              other.to.ToIso() + "）在料号 " + sku + " 上时间重叠。",
          "Promotion " + filing.id + " overlaps promotion " + other.id + " (" + other.from.ToIso() +
              " to " + other.to.ToIso() + ") on SKU " + sku + "."));
      break;
    }
  }
  const auto normal = NormalPriceMap(normal_prices);
  for (const std::string& sku : filing.skus) {
    auto it = normal.find(sku);
    if (it == normal.end() || it->second == filing.normal_price_fen) continue;
    out.findings.push_back(MakeFinding(
        "PROMOTION_NORMAL_PRICE_DIFFERS", Severity::kWarning, "filing.normal_price_fen",
        "促销 " + filing.id + " 报备的正常价 " + CnyZh(filing.normal_price_fen) + " 与料号 " + sku +
            " 的备案正常价 " + CnyZh(it->second) + " 不一致。",
        "Promotion " + filing.id + " files a normal price of " + CnyEn(filing.normal_price_fen) +
            "; SKU " + sku + " is filed at " + CnyEn(it->second) + "."));
  }
  out.outcome = Outcome(out.findings);
  return out;
}

}  // namespace core
