// Private helpers of the reconciliation: the documents' names and field paths, bilingual field
// labels, and a collector that words mismatch findings with both values. Pure.
#pragma once

#include <string>
#include <string_view>

#include "core/finding.h"
#include "core/messages.h"
#include "core/money.h"

namespace core::internal {

// One of the four documents as findings name it.
struct DocName {
  std::string_view key;   // "order": the first part of field paths
  std::string_view head;  // "OrderHead"
  std::string_view line;  // "OrderList" ("" when it has none)
  std::string_view zh;    // 订单
  std::string_view en;    // order
};

inline constexpr DocName kOrderDoc{"order", "OrderHead", "OrderList", "订单", "order"};
inline constexpr DocName kPaymentDoc{"payment", "PaymentHead", "", "支付单", "payment"};
inline constexpr DocName kWaybillDoc{"waybill", "LogisticsHead", "", "运单", "waybill"};
inline constexpr DocName kListDoc{"inventory", "InventoryHead", "InventoryList", "清单", "list"};

// "order.OrderHead.acturalPaid".
std::string HeadPath(const DocName& doc, std::string_view field);
// "inventory.InventoryList[2].qty".
std::string LinePath(const DocName& doc, size_t index, std::string_view field);
// The Chinese label of a CEB field ("buyerName" -> 订购人姓名); the name itself when unknown.
std::string_view FieldLabelZh(std::string_view field);

// Collects findings in the order they are added.
class Report {
 public:
  explicit Report(Findings& out) : out_(out) {}

  void Add(std::string_view code, Severity severity, std::string field, std::string zh,
           std::string en);

  // `checked`'s value of `field` against the reference document's value of the same field; a
  // finding on `path` (in `checked`) when they differ, quoting both.
  void CompareText(std::string_view code, Severity severity, std::string path,
                   const DocName& checked, std::string_view field, std::string_view actual,
                   const DocName& reference, std::string_view expected);
  void CompareAmount(std::string_view code, Severity severity, std::string path,
                     const DocName& checked, std::string_view field, Fen actual,
                     const DocName& reference, std::string_view reference_field, Fen expected);
  // Line-level variants: the messages name the line.
  void CompareLineText(std::string_view code, std::string path, size_t index, int gnum,
                       std::string_view field, std::string_view actual, std::string_view expected);

 private:
  Findings& out_;
};

// "line 2 (gnum 3)": how messages point at a line.
std::string LineRefZh(size_t index, int gnum);
std::string LineRefEn(size_t index, int gnum);

}  // namespace core::internal
