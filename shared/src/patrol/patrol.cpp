// Patrol verdicts: shop observations against filings and declarations, mystery purchases
// against the declaration that followed. Pure.
#include "core/patrol.h"

#include <map>

#include "../ledger/fields.h"
#include "../tax/tax_common.h"
#include "core/tax.h"  // Int128

namespace core {
namespace {

using internal::BpPercent;
using internal::CnyEn;
using internal::CnyZh;

// The lowest unit price within the tolerance below `reference`, rounded up to the fen as the
// promotion check does.
Fen Threshold(Fen reference, int tolerance_bp) {
  const Int128 scaled = static_cast<Int128>(reference) * (10000 - tolerance_bp);
  return static_cast<Fen>((scaled + 9999) / 10000);
}

bool PromotionCovers(const PatrolInput& in, const std::string& sku, Fen price) {
  for (const PromotionFiling& f : in.promotions) {
    if (Covers(f, in.enterprise_code, sku, in.date) && f.promo_price_fen <= price) return true;
  }
  return false;
}

std::string Field(size_t i, const char* leaf) {
  return "observed[" + std::to_string(i) + "]." + leaf;
}

void CheckPrice(const PatrolInput& in, const Policy& policy, size_t i, const ListingObservation& o,
                const DeclaredItem& d, Findings& out) {
  if (!o.price || !d.lowest_unit_price) return;
  const Fen threshold = Threshold(*o.price, policy.price_tolerance_bp);
  const Fen declared = *d.lowest_unit_price;
  if (declared >= threshold || PromotionCovers(in, d.sku, declared)) return;
  out.push_back(MakeFinding(
      "PRICE_BELOW_LISTED", Severity::kError, Field(i, "price"),
      "商品 " + d.sku + " 申报单价最低 " + CnyZh(declared) + "，低于网店标价 " + CnyZh(*o.price) +
          " 超过 " + BpPercent(policy.price_tolerance_bp) + "，且无覆盖当日的促销备案",
      "SKU " + d.sku + " was declared at " + CnyEn(declared) + ", more than " +
          BpPercent(policy.price_tolerance_bp) + " below the shop's price " + CnyEn(*o.price) +
          ", with no filed promotion covering the day"));
}

void CheckFreight(size_t i, const ListingObservation& o, const DeclaredItem& d, Findings& out) {
  if (!o.freight || *o.freight <= 0 || !d.lowest_freight) return;
  if (*d.lowest_freight >= *o.freight) return;
  out.push_back(MakeFinding("FREIGHT_BELOW_OBSERVED", Severity::kError, Field(i, "freight"),
                            "网店收取运费 " + CnyZh(*o.freight) + "，含商品 " + d.sku +
                                " 的清单申报运费最低 " + CnyZh(*d.lowest_freight),
                            "The shop charges freight of " + CnyEn(*o.freight) +
                                " but a list with SKU " + d.sku + " declared " +
                                CnyEn(*d.lowest_freight)));
}

void CheckPromotion(const PatrolInput& in, const Policy& policy, size_t i,
                    const ListingObservation& o, const DeclaredItem& d, Findings& out) {
  if (!o.price) return;
  // A cut shows either as a price below the filed normal price or as a struck-through price.
  const Fen reference = d.filed_price > 0 ? d.filed_price : o.old_price.value_or(0);
  if (reference <= 0) return;
  const bool below_normal = *o.price < Threshold(reference, policy.price_tolerance_bp);
  if (!below_normal || PromotionCovers(in, d.sku, *o.price)) return;
  out.push_back(MakeFinding("PROMOTION_NOT_FILED", Severity::kWarning, Field(i, "price"),
                            "网店以 " + CnyZh(*o.price) + " 销售商品 " + d.sku + "，低于正常价 " +
                                CnyZh(reference) + "，未备案覆盖当日的促销",
                            "The shop sells SKU " + d.sku + " at " + CnyEn(*o.price) +
                                ", below its normal price " + CnyEn(reference) +
                                ", with no promotion filed for the day"));
}

// The declared item an observation refers to: same SKU, else exactly the same name.
const DeclaredItem* Match(const ListingObservation& o, const std::vector<DeclaredItem>& declared,
                          std::string& by) {
  if (!o.sku.empty()) {
    for (const DeclaredItem& d : declared) {
      if (d.sku == o.sku) {
        by = "sku";
        return &d;
      }
    }
  }
  if (!o.name.empty()) {
    for (const DeclaredItem& d : declared) {
      if (d.name == o.name) {
        by = "name";
        return &d;
      }
    }
  }
  return nullptr;
}

}  // namespace

PatrolVerdict ComparePatrol(const PatrolInput& in, const Policy& policy) {
  PatrolVerdict v;
  std::map<std::string, bool> seen;  // declared SKU -> listed
  for (size_t i = 0; i < in.observed.size(); ++i) {
    const ListingObservation& o = in.observed[i];
    PatrolItemResult r;
    r.observation = i;
    const DeclaredItem* d = Match(o, in.declared, r.matched_by);
    if (d != nullptr) {
      r.matched_sku = d->sku;
      seen[d->sku] = true;
    }
    if (d == nullptr || d->lists == 0) {
      const bool filed = d != nullptr && d->filed;
      const std::string label = o.sku.empty() ? o.name : o.sku;
      r.findings.push_back(MakeFinding(
          "GOODS_LISTED_NOT_DECLARED", Severity::kWarning, Field(i, "sku"),
          "网店在售商品 " + label + " 在巡查期内无申报清单" + (filed ? "（已备案）" : "（未备案）"),
          "The shop sells " + label + " but no list declared it in the period" +
              (filed ? " (filed)" : " (not filed)")));
    }
    if (d != nullptr) {
      CheckPrice(in, policy, i, o, *d, r.findings);
      CheckFreight(i, o, *d, r.findings);
      CheckPromotion(in, policy, i, o, *d, r.findings);
    }
    AppendFindings(v.findings, r.findings);
    v.items.push_back(std::move(r));
  }
  if (in.complete_listing) {
    int64_t declared_skus = 0;
    int64_t listed_skus = 0;
    Findings missing;
    for (const DeclaredItem& d : in.declared) {
      if (d.lists == 0) continue;
      ++declared_skus;
      if (seen.count(d.sku) != 0) {
        ++listed_skus;
        continue;
      }
      missing.push_back(MakeFinding(
          "GOODS_DECLARED_NOT_LISTED", Severity::kWarning, "declared." + d.sku,
          "商品 " + d.sku + " 在巡查期内申报 " + std::to_string(d.lists) + " 票清单，网店未见在售",
          "SKU " + d.sku + " was declared on " + std::to_string(d.lists) +
              " lists in the period but the shop does not list it"));
    }
    if (declared_skus > 0 && listed_skus == 0) {
      v.findings.push_back(MakeFinding(
          "SHOP_LISTS_NO_DECLARED_GOODS", Severity::kError, "declared",
          "企业申报的 " + std::to_string(declared_skus) + " 种商品无一在网店在售，网店可能不真实",
          "None of the " + std::to_string(declared_skus) +
              " goods the enterprise declared is sold in its shop: the shop may be a front"));
    }
    AppendFindings(v.findings, missing);
  }
  v.outcome = HasErrors(v.findings) || HasWarnings(v.findings) ? "flagged" : "consistent";
  return v;
}

namespace {

struct AmountCheck {
  const char* what;  // "GOODS" ...
  const char* zh;
  const char* en;
  const char* field;
  Fen charged;
  Fen declared;
};

void CompareAmount(const AmountCheck& c, Findings& out) {
  if (c.declared == c.charged) return;
  const bool under = c.declared < c.charged;
  out.push_back(MakeFinding(
      std::string("MYSTERY_") + c.what + (under ? "_UNDERDECLARED" : "_OVERDECLARED"),
      under ? Severity::kError : Severity::kWarning, c.field,
      std::string("测试订单") + c.zh + "实收 " + CnyZh(c.charged) + "，申报 " + CnyZh(c.declared),
      std::string("Test order ") + c.en + ": charged " + CnyEn(c.charged) + ", declared " +
          CnyEn(c.declared)));
}

}  // namespace

MysteryMatch MatchMysteryPurchase(const MysteryPurchase& p, const DeclaredPurchase& d) {
  MysteryMatch m;
  CompareAmount({"GOODS", "货款", "goods", "goods_value", p.goods, d.goods_value}, m.findings);
  CompareAmount({"FREIGHT", "运费", "freight", "freight", p.freight, d.freight}, m.findings);
  CompareAmount({"TAX", "税款", "tax", "tax_total", p.tax, d.tax_total}, m.findings);
  CompareAmount({"PAID", "实付", "paid", "actural_paid", p.total, d.actural_paid}, m.findings);
  if (d.unit_price && p.unit_price > 0 && *d.unit_price < p.unit_price) {
    m.findings.push_back(
        MakeFinding("MYSTERY_UNIT_PRICE_UNDERDECLARED", Severity::kError, "unit_price",
                    "测试订单商品 " + p.sku + " 页面单价 " + CnyZh(p.unit_price) + "，清单申报 " +
                        CnyZh(*d.unit_price),
                    "Test order SKU " + p.sku + ": page price " + CnyEn(p.unit_price) +
                        ", list price " + CnyEn(*d.unit_price)));
  }
  m.outcome = m.findings.empty() ? "matched" : "mismatch";
  return m;
}

std::optional<Finding> MysteryOverdue(const MysteryPurchase& p, const Date& today,
                                      int window_days) {
  if (today <= p.placed_on.AddDays(window_days)) return std::nullopt;
  const std::string days = std::to_string(window_days);
  return MakeFinding("MYSTERY_NO_DECLARATION", Severity::kError, "order_no",
                     "测试订单 " + p.order_no + "（" + p.placed_on.ToIso() + " 下单）" + days +
                         " 天内无申报清单，货物可能未经跨境电商渠道申报",
                     "Test order " + p.order_no + " placed on " + p.placed_on.ToIso() +
                         " has no declaration after " + days + " days: the goods went another way");
}

}  // namespace core
