// Wording of reconciliation findings: paths, labels and both values in Chinese and English.
// Pure.
#include "reconcile/report.h"

#include <utility>

namespace core::internal {
namespace {

struct Label {
  std::string_view field;
  std::string_view zh;
};

constexpr Label kLabels[] = {
    {"acturalPaid", "实际支付金额"},
    {"amountPaid", "支付金额"},
    {"buyerIdNumber", "订购人证件号码"},
    {"buyerName", "订购人姓名"},
    {"buyerTelephone", "订购人电话"},
    {"consignee", "收货人姓名"},
    {"consigneeAddress", "收货地址"},
    {"consigneeTelephone", "收货人电话"},
    {"currency", "币制"},
    {"ebcCode", "电商企业代码"},
    {"ebpCode", "电商平台代码"},
    {"freight", "运杂费"},
    {"gcode", "商品编码"},
    {"gnum", "商品序号"},
    {"goodsValue", "商品价格"},
    {"insuredFee", "保价费"},
    {"itemNo", "商品货号"},
    {"logisticsCode", "物流企业代码"},
    {"logisticsNo", "物流运单编号"},
    {"orderNo", "订单编号"},
    {"payCode", "支付企业代码"},
    {"payTransactionId", "支付交易编号"},
    {"payerIdNumber", "支付人证件号码"},
    {"payerName", "支付人姓名"},
    {"price", "单价"},
    {"qty", "数量"},
    {"totalPrice", "总价"},
    {"tradeMode", "贸易方式"},
};

std::string Quote(std::string_view v) { return "'" + std::string(v) + "'"; }
std::string QuoteZh(std::string_view v) { return "「" + std::string(v) + "」"; }

}  // namespace

std::string HeadPath(const DocName& doc, std::string_view field) {
  return std::string(doc.key) + "." + std::string(doc.head) + "." + std::string(field);
}

std::string LinePath(const DocName& doc, size_t index, std::string_view field) {
  return std::string(doc.key) + "." + std::string(doc.line) + "[" + std::to_string(index) + "]." +
         std::string(field);
}

std::string_view FieldLabelZh(std::string_view field) {
  for (const Label& l : kLabels) {
    if (l.field == field) return l.zh;
  }
  return field;
}

std::string LineRefZh(size_t index, int gnum) {
  return "第" + std::to_string(index + 1) + "行（商品序号" + std::to_string(gnum) + "）";
}

std::string LineRefEn(size_t index, int gnum) {
  return "line " + std::to_string(index + 1) + " (gnum " + std::to_string(gnum) + ")";
}

void Report::Add(std::string_view code, Severity severity, std::string field, std::string zh,
                 std::string en) {
  out_.push_back(
      MakeFinding(std::string(code), severity, std::move(field), std::move(zh), std::move(en)));
}

void Report::CompareText(std::string_view code, Severity severity, std::string path,
                         const DocName& checked, std::string_view field, std::string_view actual,
                         const DocName& reference, std::string_view expected) {
  if (actual == expected) return;
  Add(code, severity, std::move(path),
      std::string(checked.zh) + std::string(FieldLabelZh(field)) + QuoteZh(actual) + "与" +
          std::string(reference.zh) + QuoteZh(expected) + "不一致",
      std::string(checked.en) + " " + std::string(field) + " " + Quote(actual) +
          " differs from the " + std::string(reference.en) + "'s " + Quote(expected));
}

void Report::CompareAmount(std::string_view code, Severity severity, std::string path,
                           const DocName& checked, std::string_view field, Fen actual,
                           const DocName& reference, std::string_view reference_field,
                           Fen expected) {
  if (actual == expected) return;
  Add(code, severity, std::move(path),
      std::string(checked.zh) + std::string(FieldLabelZh(field)) + " " + FormatCny(actual) + " 与" +
          std::string(reference.zh) + std::string(FieldLabelZh(reference_field)) + " " +
          FormatCny(expected) + " 不一致",
      std::string(checked.en) + " " + std::string(field) + " " + FormatCny(actual) +
          " differs from the " + std::string(reference.en) + "'s " + std::string(reference_field) +
          " " + FormatCny(expected));
}

void Report::CompareLineText(std::string_view code, std::string path, size_t index, int gnum,
                             std::string_view field, std::string_view actual,
                             std::string_view expected) {
  if (actual == expected) return;
  Add(code, Severity::kError, std::move(path),
      "清单" + LineRefZh(index, gnum) + std::string(FieldLabelZh(field)) + QuoteZh(actual) +
          "与订单同序号商品" + QuoteZh(expected) + "不一致",
      "list " + LineRefEn(index, gnum) + " " + std::string(field) + " " + Quote(actual) +
          " differs from the order line's " + Quote(expected));
}

}  // namespace core::internal
