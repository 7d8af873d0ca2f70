// Goods admission: one filing checked against the catalogue, the positive list and its remarks,
// the control and high-risk lists, the origin table, the price limits and other enterprises'
// filings of the same name. Pure.
#include "core/goods.h"

#include <set>

#include "../admission/vocabulary.h"
#include "core/text_fold.h"
#include "internal/text_fields.h"

namespace core {
namespace {

// "2", "20.5", "1.25": the cap in the unit people read.
std::string FormatMilli(int64_t milli) {
  std::string out = std::to_string(milli / 1000);
  int64_t frac = milli % 1000;
  if (frac != 0) {
    std::string digits = std::to_string(frac);
    digits.insert(0, 3 - digits.size(), '0');
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

void NotLoaded(Findings& out, std::string field, std::string_view list_zh,
               std::string_view list_en) {
  out.push_back(MakeFinding("LIST_NOT_LOADED", Severity::kWarning, std::move(field),
                            std::string(list_zh) + "未加载，此项未核对。",
                            "The " + std::string(list_en) + " is not loaded; not checked."));
}

void CheckPositiveList(const GoodsFiling& filing, const std::string& code8,
                       const PositiveListEntry* e, Findings& out) {
  if (e == nullptr) {
    out.push_back(
        MakeFinding("GOODS_NOT_ON_POSITIVE_LIST", Severity::kError, "code10",
                    "税号 " + code8 + " 不在跨境电子商务零售进口商品清单（正面清单）内。",
                    "Tariff line " + code8 + " is not on the CBEC retail-import positive list."));
    return;
  }
  if (e->excluded) {
    const std::string what = e->exclusion.empty() ? e->remark : e->exclusion;
    out.push_back(MakeFinding("POSITIVE_LIST_EXCLUSION", Severity::kWarning, "code10",
                              "正面清单备注排除：" + what + "。请核实本商品不属于被排除的商品。",
                              "The positive list excludes: " + what +
                                  ". Confirm these goods are not of the excluded kind."));
  }
  if (e->bonded_only && internal::TrimAscii(filing.trade_mode) == "9610") {
    out.push_back(
        MakeFinding("POSITIVE_LIST_BONDED_ONLY", Severity::kError, "trade_mode",
                    "税号 " + code8 + " 仅限网购保税进口（1210），不得以直购进口（9610）方式进口。",
                    "Tariff line " + code8 +
                        " may be imported only as bonded goods (1210), not by direct "
                        "purchase (9610)."));
  }
  if (!e->allowed_names.empty()) {
    const std::string name = NormalizeGoodsName(filing.name);
    bool allowed = false;
    std::string list;
    for (const std::string& a : e->allowed_names) {
      const std::string key = NormalizeGoodsName(a);
      if (!key.empty() && name.find(key) != std::string::npos) allowed = true;
      if (!list.empty()) list += "、";
      list += a;
    }
    if (!allowed) {
      out.push_back(MakeFinding(
          "POSITIVE_LIST_NAME_RESTRICTED", Severity::kError, "name",
          "正面清单对税号 " + code8 + " 限定品名（" + e->remark + "），品名须含：" + list + "。",
          "The positive list restricts tariff line " + code8 + " (" + e->remark +
              "); the goods name must contain one of: " + list + "."));
    }
  }
  if (e->annual_qty_cap_milli > 0) {
    const std::string cap = FormatMilli(e->annual_qty_cap_milli) + " " + e->annual_qty_unit;
    out.push_back(MakeFinding("POSITIVE_LIST_QUANTITY_CAP", Severity::kInfo, "code10",
                              "正面清单限量：每人每年不超过 " + cap + "。",
                              "Positive-list cap: at most " + cap + " per person per year."));
  }
}

void CheckControls(const GoodsFiling& filing, const std::string& code10,
                   const ControlList& controls, Findings& out) {
  for (const ControlEntry* c : controls.Match(code10, filing.name)) {
    const bool by_code = !c->code_prefix.empty() && !code10.empty() &&
                         code10.compare(0, c->code_prefix.size(), c->code_prefix) == 0;
    const std::string field = by_code ? "code10" : "name";
    if (c->kind == ControlKind::kProhibited) {
      out.push_back(MakeFinding("GOODS_PROHIBITED", Severity::kError, field,
                                "禁止进境商品：" + c->reason_zh,
                                "Prohibited goods: " + c->reason_en));
    } else {
      out.push_back(MakeFinding("GOODS_RESTRICTED", Severity::kWarning, field,
                                "限制进境商品，须核验许可证件：" + c->reason_zh,
                                "Restricted goods; check the licence: " + c->reason_en));
    }
  }
}

void CheckOrigin(const GoodsFiling& filing, const CountryTable& countries, Findings& out) {
  if (countries.size() == 0) {
    NotLoaded(out, "origin_country", "国别代码表", "country table");
    return;
  }
  const std::string code(internal::TrimAscii(filing.origin_country));
  if (!internal::IsRealCountry(countries, code)) {
    out.push_back(MakeFinding("GOODS_ORIGIN_UNKNOWN", Severity::kError, "origin_country",
                              "原产国（地区）代码“" + code + "”不是有效的海关国别（地区）代码。",
                              "Origin '" + code + "' is not a valid customs country code."));
  }
}

void CheckPrice(const GoodsFiling& filing, const Policy& policy, Findings& out) {
  const Fen price = filing.declared_unit_price_fen;
  if (price <= 0) {
    out.push_back(MakeFinding("GOODS_PRICE_INVALID", Severity::kError, "declared_unit_price_fen",
                              "申报单价须大于零。", "The declared unit price must be above zero."));
    return;
  }
  const Fen limit = policy.limits.transaction_fen;
  if (limit > 0 && price > limit) {
    out.push_back(MakeFinding(
        "GOODS_PRICE_OVER_LIMIT", Severity::kWarning, "declared_unit_price_fen",
        "申报单价 " + FormatCnyDisplay(price) + " 超过单次交易限值 " + FormatCnyDisplay(limit) +
            "：仅单件商品的订单可按跨境电商零售进口通关，且按货物税率全额征税。",
        "The declared unit price " + FormatCnyDisplay(price) + " exceeds the per-transaction " +
            "limit " + FormatCnyDisplay(limit) + ": only a single-item order can clear as CBEC, " +
            "taxed in full at the goods rates."));
  }
}

void CheckSameName(const GoodsFiling& filing, const std::vector<OtherFiling>& others,
                   Findings& out) {
  const std::string name = NormalizeGoodsName(filing.name);
  if (name.empty()) return;
  const std::string_view own = internal::TrimAscii(filing.code10);
  std::set<std::string> codes;
  for (const OtherFiling& o : others) {
    const std::string_view code = internal::TrimAscii(o.code10);
    if (code != own && NormalizeGoodsName(o.name) == name) codes.insert(std::string(code));
  }
  if (codes.empty()) return;
  std::string list;
  for (const std::string& c : codes) list += (list.empty() ? "" : ", ") + c;
  out.push_back(
      MakeFinding("SAME_NAME_DIFFERENT_CODE", Severity::kWarning, "code10",
                  "其他企业以相同品名申报了不同商品编码：" + list + "，请核实归类（同名异归类）。",
                  "Other enterprises filed goods of the same name under different codes: " + list +
                      "; check the classification."));
}

}  // namespace

GoodsVerdict EvaluateGoods(const GoodsFiling& filing, const Date& decision_date,
                           const std::vector<OtherFiling>& others, const ReferenceTables& tables,
                           const Policy& policy) {
  GoodsVerdict v;
  v.decision_date = decision_date;
  v.policy_version = policy.version;
  Findings& out = v.findings;
  if (policy.version.empty()) {
    out.push_back(MakeFinding("POLICY_NOT_LOADED", Severity::kWarning, "",
                              "监管政策未加载，交易限值未核对。",
                              "No policy is loaded; the transaction limit was not checked."));
  }
  if (internal::TrimAscii(filing.name).empty()) {
    out.push_back(MakeFinding("GOODS_NAME_MISSING", Severity::kError, "name", "未填写商品名称。",
                              "The goods name is missing."));
  }

  // Without a catalogue CheckCommodityCode itself warns HS_NOT_CHECKED.
  const Hs8Catalog* catalog = tables.hs8.size() > 0 ? &tables.hs8 : nullptr;
  IdCheck code = CheckCommodityCode(filing.code10, catalog, decision_date.year());
  AppendFindings(out, code.findings, "code10");
  bool format_ok = code.normalized.size() == 10 && internal::IsAsciiDigits(code.normalized);
  for (const Finding& f : code.findings) format_ok = format_ok && f.code != "HS_FORMAT";
  const std::string code10 = format_ok ? code.normalized : std::string();
  if (format_ok) v.code8 = code10.substr(0, 8);

  const std::string_view mode = internal::TrimAscii(filing.trade_mode);
  if (mode != "1210" && mode != "9610") {
    out.push_back(MakeFinding(
        "GOODS_TRADE_MODE", Severity::kError, "trade_mode",
        "监管方式须为 1210（网购保税进口）或 9610（直购进口），而非“" + std::string(mode) + "”。",
        "The trade mode must be 1210 (bonded) or 9610 (direct purchase), not '" +
            std::string(mode) + "'."));
  }

  if (tables.positive_list.size() == 0) {
    NotLoaded(out, "code10", "正面清单", "positive list");
  } else if (format_ok) {
    v.positive_entry = tables.positive_list.Find(v.code8);
    CheckPositiveList(filing, v.code8, v.positive_entry, out);
  }

  if (tables.controls.size() == 0) {
    NotLoaded(out, "code10", "禁止限制进境商品清单", "prohibited and restricted list");
  } else {
    CheckControls(filing, code10, tables.controls, out);
  }

  if (tables.high_risk.size() == 0) {
    NotLoaded(out, "code10", "高风险检疫类别表", "high-risk quarantine list");
  } else if (format_ok) {
    if (const HighRiskCategory* h = tables.high_risk.Match(code10)) {
      out.push_back(MakeFinding(
          "GOODS_HIGH_RISK_QUARANTINE", Severity::kWarning, "code10",
          "高风险检疫类别：" + h->category_zh + "；措施：" + h->measure_zh,
          "High-risk quarantine category: " + h->category_en + "; measure: " + h->measure_en));
    }
  }

  CheckOrigin(filing, tables.countries, out);
  CheckPrice(filing, policy, out);
  CheckSameName(filing, others, out);

  if (HasErrors(out)) {
    v.outcome = "rejected";
  } else if (HasWarnings(out)) {
    v.outcome = "review";
  } else {
    v.outcome = "admitted";
  }
  return v;
}

Json GoodsVerdictToJson(const GoodsVerdict& verdict) {
  Json j = Json::object();
  j["outcome"] = verdict.outcome;
  j["code8"] = verdict.code8;
  j["decision_date"] = verdict.decision_date.ToIso();
  j["policy_version"] = verdict.policy_version;
  if (const PositiveListEntry* e = verdict.positive_entry) {
    Json p = Json::object();
    p["code8"] = e->code8;
    p["name"] = e->name;
    p["remark"] = e->remark;
    p["bonded_only"] = e->bonded_only;
    p["excluded"] = e->excluded;
    p["annual_cap"] = e->annual_qty_cap_milli > 0 ? Json{{"qty_milli", e->annual_qty_cap_milli},
                                                         {"unit", e->annual_qty_unit}}
                                                  : Json(nullptr);
    j["positive_list"] = std::move(p);
  } else {
    j["positive_list"] = nullptr;
  }
  j["findings"] = FindingsToJson(verdict.findings);
  return j;
}

std::string NormalizeGoodsName(std::string_view name) { return FoldForComparison(name); }

}  // namespace core
