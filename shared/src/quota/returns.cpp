// Returns of released CBEC goods (CEB625; GACC Ann. 2018 No. 194, DOMAIN §1.6): inside the
// windows the tax is not levied and the value leaves the buyer's annual total. Pure.
#include <string>

#include "../tax/tax_common.h"
#include "core/quota.h"

namespace core {
namespace {

// GACC Ann. 2018 No. 194: apply within 30 days of release, goods back within 45 days. Day 0 is
// the release day, so the last day to apply is release + 30.
constexpr int kApplyDays = 30;
constexpr int kArriveDays = 45;

using internal::CnyEn;
using internal::CnyZh;

}  // namespace

ReturnVerdict EvaluateReturn(const ReturnInput& in) {
  ReturnVerdict v;
  v.apply_by = in.release_date.AddDays(kApplyDays);
  v.arrive_by = in.release_date.AddDays(kArriveDays);
  v.year_to_date_after_fen = in.year_to_date_fen;
  const std::string release = in.release_date.ToIso();

  bool order_ok = true;
  auto before_release = [&](const Date& d, const char* field, const char* zh, const char* en) {
    if (d >= in.release_date) return;
    order_ok = false;
    v.findings.push_back(MakeFinding(
        "RETURN_DATE_ORDER", Severity::kError, field,
        std::string(zh) + " " + d.ToIso() + " 早于放行日期 " + release + "。",
        std::string(en) + " " + d.ToIso() + " is before the release date " + release + "."));
  };
  before_release(in.applied_date, "applied_date", "退货申请日期", "The return application date");
  if (in.arrived_date) {
    before_release(*in.arrived_date, "arrived_date", "退货入区日期", "The goods' return date");
  }
  if (!order_ok) {
    v.outcome = "not_restored";
    return v;
  }

  bool expired = false;
  if (in.applied_date > v.apply_by) {
    expired = true;
    v.findings.push_back(MakeFinding(
        "RETURN_WINDOW_EXPIRED", Severity::kError, "applied_date",
        "退货申请日期 " + in.applied_date.ToIso() + " 晚于放行后 30 日（" + v.apply_by.ToIso() +
            "），税款照征，年度交易额不予调减 " + CnyZh(in.value_fen) + "。",
        "The return was applied for on " + in.applied_date.ToIso() +
            ", after the 30 days from release (" + v.apply_by.ToIso() +
            "): the tax stands and the " + CnyEn(in.value_fen) + " stay in the annual total."));
  }
  const bool arrived_late = in.arrived_date && *in.arrived_date > v.arrive_by;
  const bool still_away = !in.arrived_date && in.decision_date > v.arrive_by;
  if (arrived_late || still_away) {
    expired = true;
    const std::string when_zh = arrived_late ? "于 " + in.arrived_date->ToIso() + " 才运抵"
                                             : "至 " + in.decision_date.ToIso() + " 仍未运抵";
    const std::string when_en = arrived_late ? "arrived only on " + in.arrived_date->ToIso()
                                             : "had not arrived by " + in.decision_date.ToIso();
    v.findings.push_back(MakeFinding(
        "RETURN_WINDOW_EXPIRED", Severity::kError, "arrived_date",
        "退货商品" + when_zh + "原监管场所，超过放行后 45 日（" + v.arrive_by.ToIso() +
            "），年度交易额不予调减 " + CnyZh(in.value_fen) + "。",
        "The returned goods " + when_en + ", after the 45 days from release (" +
            v.arrive_by.ToIso() + "): the " + CnyEn(in.value_fen) + " stay in the annual total."));
  }
  if (expired) {
    v.outcome = "not_restored";
    return v;
  }
  if (!in.arrived_date) {
    v.outcome = "pending";
    v.findings.push_back(MakeFinding(
        "RETURN_PENDING", Severity::kInfo, "arrived_date",
        "退货已按时申请，商品须于 " + v.arrive_by.ToIso() + " 前运抵原监管场所，届时调减 " +
            CnyZh(in.value_fen) + "。",
        "The return was applied for in time; the goods must be back by " + v.arrive_by.ToIso() +
            " for the " + CnyEn(in.value_fen) + " to leave the annual total."));
    return v;
  }
  v.outcome = "restored";
  v.restored_fen = in.value_fen;
  v.year_to_date_after_fen =
      in.year_to_date_fen > in.value_fen ? in.year_to_date_fen - in.value_fen : 0;
  return v;
}

}  // namespace core
