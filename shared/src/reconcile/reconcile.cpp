// Three-document reconciliation: which documents are present, the order's own arithmetic,
// identities, and each pair of documents compared head to head; the line checks live in
// line_checks.cpp. Pure.
#include "core/reconcile.h"

#include "internal/text_fields.h"
#include "reconcile/line_checks.h"
#include "reconcile/report.h"

namespace core {
namespace {

using internal::DocName;
using internal::HeadPath;
using internal::kListDoc;
using internal::kOrderDoc;
using internal::kPaymentDoc;
using internal::kWaybillDoc;
using internal::LinePath;
using internal::Report;

constexpr std::string_view kCny = "142";

void CheckMissing(const ReconcileSet& set, ReconcileResult& result, Report& report) {
  const struct {
    bool present;
    const DocName* doc;
  } docs[] = {{set.order.has_value(), &kOrderDoc},
              {set.payment.has_value(), &kPaymentDoc},
              {set.waybill.has_value(), &kWaybillDoc},
              {set.inventory.has_value(), &kListDoc}};
  for (const auto& d : docs) {
    if (d.present) continue;
    result.missing.emplace_back(d.doc->key);
    report.Add("MISSING_DOCUMENT", Severity::kError, std::string(d.doc->key),
               "缺少" + std::string(d.doc->zh) + "，无法完成三单对碰",
               "the " + std::string(d.doc->en) +
                   " is missing: the documents cannot all be "
                   "reconciled");
  }
}

void CheckPaidFormula(const OrderHead& h, Report& report) {
  const Fen expected = h.goods_value + h.freight + h.tax_total - h.discount;
  if (expected == h.actural_paid) return;
  const std::string terms = FormatCny(h.goods_value) + " + " + FormatCny(h.freight) + " + " +
                            FormatCny(h.tax_total) + " - " + FormatCny(h.discount) + " = " +
                            FormatCny(expected);
  report.Add("ORDER_PAID_FORMULA", Severity::kError, HeadPath(kOrderDoc, "acturalPaid"),
             "订单实际支付金额 " + FormatCny(h.actural_paid) +
                 " 不等于 商品价格 + 运杂费 + 代扣税款 - 非现金抵扣 = " + terms,
             "order acturalPaid " + FormatCny(h.actural_paid) +
                 " differs from goodsValue + freight + taxTotal - discount = " + terms);
}

// An error finding when the ID fails the resident-ID check (warnings such as an unchecked
// address are not reconciliation problems).
void CheckId(std::string_view code, std::string path, std::string_view who_zh,
             std::string_view who_en, const std::string& id, const ReconcileContext& context,
             Report& report) {
  const IdCheck check = CheckResidentId(id, context.divisions, context.decision_date);
  if (check.valid) return;
  std::string codes;
  const Finding* first = nullptr;
  for (const Finding& f : check.findings) {
    if (f.severity != Severity::kError) continue;
    if (first == nullptr) first = &f;
    codes += codes.empty() ? f.code : ", " + f.code;
  }
  report.Add(code, Severity::kError, std::move(path),
             std::string(who_zh) + " " + id + " 不是有效的居民身份证号码（" + codes + "）" +
                 (first ? "：" + first->message_zh : ""),
             std::string(who_en) + " " + id + " is not a valid resident ID (" + codes + ")" +
                 (first ? ": " + first->message_en : ""));
}

void CheckOrderPayment(const OrderHead& o, const PaymentHead& p, Report& report) {
  report.CompareAmount("PAYMENT_AMOUNT_MISMATCH", Severity::kError,
                       HeadPath(kPaymentDoc, "amountPaid"), kPaymentDoc, "amountPaid",
                       p.amount_paid, kOrderDoc, "acturalPaid", o.actural_paid);
  auto link = [&](std::string_view field, const std::string& pay_value,
                  const std::string& order_value) {
    report.CompareText("ORDER_PAYMENT_LINK", Severity::kError, HeadPath(kPaymentDoc, field),
                       kPaymentDoc, field, pay_value, kOrderDoc, order_value);
  };
  link("orderNo", p.order_no, o.order_no);
  link("ebpCode", p.ebp_code, o.ebp_code);
  if (!o.pay_transaction_id.empty()) {
    link("payTransactionId", p.pay_transaction_id, o.pay_transaction_id);
  }
  if (!o.pay_code.empty()) link("payCode", p.pay_code, o.pay_code);
}

// DOMAIN §2.1: when the orderer's identity cannot be verified the payer must be the orderer.
// A different ID is another person (error); the same ID under another name is worth a look.
void CheckBuyerPayer(const DocName& buyer_doc, const std::string& buyer_name,
                     const std::string& buyer_id, const PaymentHead& p, Report& report) {
  const std::string payer_id = internal::ToUpperAscii(internal::TrimAscii(p.payer_id_number));
  const std::string buyer_norm = internal::ToUpperAscii(internal::TrimAscii(buyer_id));
  if (payer_id != buyer_norm) {
    report.Add("BUYER_PAYER_MISMATCH", Severity::kError, HeadPath(kPaymentDoc, "payerIdNumber"),
               "支付人证件号码 " + p.payer_id_number + " 与" + std::string(buyer_doc.zh) +
                   "订购人证件号码 " + buyer_id + " 不一致",
               "payer ID " + p.payer_id_number + " differs from the " + std::string(buyer_doc.en) +
                   "'s buyer ID " + buyer_id);
  }
  if (p.payer_name != buyer_name) {
    report.Add("BUYER_PAYER_MISMATCH", Severity::kWarning, HeadPath(kPaymentDoc, "payerName"),
               "支付人姓名「" + p.payer_name + "」与" + std::string(buyer_doc.zh) + "订购人姓名「" +
                   buyer_name + "」不一致",
               "payer name '" + p.payer_name + "' differs from the " + std::string(buyer_doc.en) +
                   "'s buyer name '" + buyer_name + "'");
  }
}

void CheckOrderWaybill(const OrderHead& o, const LogisticsHead& w, Report& report) {
  auto same = [&](std::string_view field, const std::string& waybill_value,
                  const std::string& order_value) {
    report.CompareText("CONSIGNEE_MISMATCH", Severity::kError, HeadPath(kWaybillDoc, field),
                       kWaybillDoc, field, waybill_value, kOrderDoc, order_value);
  };
  same("consignee", w.consignee, o.consignee);
  same("consigneeTelephone", w.consignee_telephone, o.consignee_telephone);
  same("consigneeAddress", w.consignee_address, o.consignee_address);
}

void CheckWaybillLinks(const ReconcileSet& set, Report& report) {
  const LogisticsHead& w = set.waybill->head;
  auto link = [&](std::string_view field, const std::string& waybill_value,
                  const DocName& reference, const std::string& reference_value) {
    report.CompareText("WAYBILL_LINK", Severity::kError, HeadPath(kWaybillDoc, field), kWaybillDoc,
                       field, waybill_value, reference, reference_value);
  };
  if (set.order) {
    const OrderHead& o = set.order->head;
    link("orderNo", w.order_no, kOrderDoc, o.order_no);
    if (!o.logistics_no.empty()) link("logisticsNo", w.logistics_no, kOrderDoc, o.logistics_no);
  } else if (set.inventory) {
    link("orderNo", w.order_no, kListDoc, set.inventory->head.order_no);
  }
  if (set.inventory) {
    const InventoryHead& l = set.inventory->head;
    link("logisticsNo", w.logistics_no, kListDoc, l.logistics_no);
    link("logisticsCode", w.logistics_code, kListDoc, l.logistics_code);
  }
}

void CheckListHead(const OrderHead& o, const InventoryHead& l, Report& report) {
  auto same = [&](std::string_view field, const std::string& list_value,
                  const std::string& order_value) {
    report.CompareText("LIST_HEAD_MISMATCH", Severity::kError, HeadPath(kListDoc, field), kListDoc,
                       field, list_value, kOrderDoc, order_value);
  };
  same("orderNo", l.order_no, o.order_no);
  same("ebpCode", l.ebp_code, o.ebp_code);
  same("ebcCode", l.ebc_code, o.ebc_code);
  if (!o.logistics_no.empty()) same("logisticsNo", l.logistics_no, o.logistics_no);
  same("buyerName", l.buyer_name, o.buyer_name);
  same("buyerIdNumber", l.buyer_id_number, o.buyer_id_number);
  same("buyerTelephone", l.buyer_telephone, o.buyer_telephone);
  same("consigneeAddress", l.consignee_address, o.consignee_address);
}

void CheckListWaybillFees(const InventoryHead& l, const LogisticsHead& w, Report& report) {
  // The waybill may leave the fees out: the spec says "0 when none".
  report.CompareAmount("LIST_FREIGHT_MISMATCH", Severity::kError, HeadPath(kListDoc, "freight"),
                       kListDoc, "freight", l.freight, kWaybillDoc, "freight",
                       w.freight.value_or(0));
  report.CompareAmount("LIST_INSURED_FEE_MISMATCH", Severity::kError,
                       HeadPath(kListDoc, "insuredFee"), kListDoc, "insuredFee", l.insured_fee,
                       kWaybillDoc, "insuredFee", w.insured_fee.value_or(0));
}

void CheckCurrency(std::string path, const DocName& doc, const std::string& currency,
                   Report& report) {
  if (currency == kCny) return;
  report.Add("CURRENCY", Severity::kError, std::move(path),
             std::string(doc.zh) + "币制「" + currency + "」不是人民币（142）",
             std::string(doc.en) + " currency '" + currency + "' is not CNY (142)");
}

void CheckCurrencies(const ReconcileSet& set, Report& report) {
  if (set.order) {
    CheckCurrency(HeadPath(kOrderDoc, "currency"), kOrderDoc, set.order->head.currency, report);
    for (size_t i = 0; i < set.order->lines.size(); ++i) {
      CheckCurrency(LinePath(kOrderDoc, i, "currency"), kOrderDoc, set.order->lines[i].currency,
                    report);
    }
  }
  if (set.payment) {
    CheckCurrency(HeadPath(kPaymentDoc, "currency"), kPaymentDoc, set.payment->head.currency,
                  report);
  }
  if (set.waybill) {
    CheckCurrency(HeadPath(kWaybillDoc, "currency"), kWaybillDoc, set.waybill->head.currency,
                  report);
  }
  if (set.inventory) {
    CheckCurrency(HeadPath(kListDoc, "currency"), kListDoc, set.inventory->head.currency, report);
    for (size_t i = 0; i < set.inventory->lines.size(); ++i) {
      CheckCurrency(LinePath(kListDoc, i, "currency"), kListDoc, set.inventory->lines[i].currency,
                    report);
    }
  }
}

std::string SetOrderNo(const ReconcileSet& set) {
  if (set.order) return set.order->head.order_no;
  if (set.inventory) return set.inventory->head.order_no;
  if (set.payment) return set.payment->head.order_no;
  if (set.waybill) return set.waybill->head.order_no;
  return "";
}

}  // namespace

ReconcileResult Reconcile(const ReconcileSet& set, const ReconcileContext& context) {
  ReconcileResult result;
  result.order_no = SetOrderNo(set);
  result.decision_date = context.decision_date;
  Report report(result.findings);

  CheckMissing(set, result, report);
  if (set.order) {
    CheckPaidFormula(set.order->head, report);
    internal::CheckGoodsValue(*set.order, report);
  }
  internal::CheckLineArithmetic(set, report);
  if (set.order) {
    CheckId("BUYER_ID_INVALID", HeadPath(kOrderDoc, "buyerIdNumber"), "订购人证件号码", "buyer ID",
            set.order->head.buyer_id_number, context, report);
  } else if (set.inventory) {
    CheckId("BUYER_ID_INVALID", HeadPath(kListDoc, "buyerIdNumber"), "订购人证件号码", "buyer ID",
            set.inventory->head.buyer_id_number, context, report);
  }
  if (set.payment) {
    CheckId("PAYER_ID_INVALID", HeadPath(kPaymentDoc, "payerIdNumber"), "支付人证件号码",
            "payer ID", set.payment->head.payer_id_number, context, report);
    if (set.order) CheckOrderPayment(set.order->head, set.payment->head, report);
    if (set.order) {
      CheckBuyerPayer(kOrderDoc, set.order->head.buyer_name, set.order->head.buyer_id_number,
                      set.payment->head, report);
    } else if (set.inventory) {
      CheckBuyerPayer(kListDoc, set.inventory->head.buyer_name, set.inventory->head.buyer_id_number,
                      set.payment->head, report);
    }
  }
  if (set.waybill) {
    if (set.order) CheckOrderWaybill(set.order->head, set.waybill->head, report);
    CheckWaybillLinks(set, report);
  }
  if (set.inventory) {
    if (set.order) {
      CheckListHead(set.order->head, set.inventory->head, report);
      internal::CheckListLines(*set.order, *set.inventory, report);
    }
    if (set.waybill) CheckListWaybillFees(set.inventory->head, set.waybill->head, report);
    internal::CheckTradeMode(*set.inventory, context, report);
    internal::CheckFiledGoods(*set.inventory, context, report);
  }
  CheckCurrencies(set, report);

  if (!result.missing.empty()) {
    result.outcome = "incomplete";
  } else if (HasErrors(result.findings)) {
    result.outcome = "inconsistent";
  } else if (HasWarnings(result.findings)) {
    result.outcome = "review";
  } else {
    result.outcome = "consistent";
  }
  return result;
}

Json ReconcileResultToJson(const ReconcileResult& result) {
  Json j = Json::object();
  j["outcome"] = result.outcome;
  j["order_no"] = result.order_no;
  Json missing = Json::array();
  for (const std::string& m : result.missing) missing.push_back(m);
  j["missing"] = std::move(missing);
  j["decision_date"] = result.decision_date.ToIso();
  j["findings"] = FindingsToJson(result.findings);
  return j;
}

}  // namespace core
