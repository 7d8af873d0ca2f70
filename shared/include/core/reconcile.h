// Three-document reconciliation (三单对碰, DOMAIN §2): order, payment, waybill and declaration
// list checked against each other, the filed goods and the positive list, one finding per
// mismatch; an incomplete set is reconciled as far as it goes and says what is missing. Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/date.h"
#include "core/finding.h"
#include "core/ids.h"
#include "core/json.h"
#include "core/messages.h"

namespace core {

// The documents of one transaction; any may be absent.
struct ReconcileSet {
  std::optional<Order> order;
  std::optional<Payment> payment;
  std::optional<Waybill> waybill;
  std::optional<Inventory> inventory;
};

struct ReconcileContext {
  // Goods the e-commerce enterprises filed: ebcCode -> 10-digit code -> admission outcome
  // ("admitted" | "review" | "rejected", as GoodsVerdict::outcome).
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> filed_goods;
  // The positive list (bonded-only remarks); nullptr or empty: LIST_NOT_LOADED warning.
  const PositiveList* positive_list = nullptr;
  // GB/T 2260 divisions for the ID address check; nullptr: not checked (no finding for that).
  const DivisionTable* divisions = nullptr;
  Date decision_date;  // "today" for the birth-date check
};

struct ReconcileResult {
  // "incomplete" when a document is missing; otherwise "inconsistent" (any error), "review"
  // (warnings only) or "consistent".
  std::string outcome;
  std::string order_no;              // from the first present of order, list, payment, waybill
  std::vector<std::string> missing;  // of "order", "payment", "waybill", "inventory"
  Date decision_date;
  Findings findings;
};

// Reconciles the set. Never fails. Field paths are "<document>.<CEB element>.<field>", e.g.
// "order.OrderHead.acturalPaid", "inventory.InventoryList[1].qty" (index in the record's
// lines). Messages carry both values. Codes, in the order they are reported:
//   MISSING_DOCUMENT (error, field = the document)
//   ORDER_PAID_FORMULA (error): acturalPaid != goodsValue + freight + taxTotal - discount
//   ORDER_GOODS_VALUE (warning): goodsValue != the sum of the order lines' totalPrice
//   LINE_TOTAL_ARITHMETIC (warning): qty x price differs from totalPrice by more than half a
//     fen, order lines then list lines
//   BUYER_ID_INVALID (error): CheckResidentId of the order's buyer (the list's without order)
//   PAYER_ID_INVALID (error): CheckResidentId of the payer
//   PAYMENT_AMOUNT_MISMATCH (error): order acturalPaid != payment amountPaid
//   ORDER_PAYMENT_LINK (error): orderNo, ebpCode, or payTransactionId/payCode (where the order
//     names them) differ between order and payment
//   BUYER_PAYER_MISMATCH: payer ID differs from the buyer's (error) or the name does (warning);
//     the buyer is the order's, else the list's (DOMAIN §2.1: orderer = payer when identity
//     cannot be verified)
//   CONSIGNEE_MISMATCH (error): order vs waybill consignee, consigneeTelephone,
//     consigneeAddress
//   WAYBILL_LINK (error): waybill orderNo vs order/list, logisticsNo vs order (when it names one)
//     and list, logisticsCode vs list
//   LIST_HEAD_MISMATCH (error): list orderNo, ebpCode, ebcCode, logisticsNo (when the order
//     names one), buyerName, buyerIdNumber, buyerTelephone, consigneeAddress vs the order
//   LIST_LINE_COUNT (error): different numbers of lines
//   LIST_LINE_MISMATCH (error): per list line, itemNo (both present), gcode (order line has
//     one), qty, price, totalPrice vs the order line of the same gnum; a gnum on one side only
//   LIST_FREIGHT_MISMATCH, LIST_INSURED_FEE_MISMATCH (error): list vs waybill (absent = 0)
//   TRADE_MODE_INVALID (error): list tradeMode not 9610, 1210 or 1239
//   TRADE_MODE_NOT_ALLOWED (error): 9610 for a code whose positive-list remark is bonded-only
//   LIST_NOT_LOADED (warning): no positive list to check trade modes against
//   GOODS_NOT_FILED (error): a list line's code not filed for the list's ebcCode
//   GOODS_NOT_ADMITTED: filed but "rejected" (error) or still "review" (warning)
//   CURRENCY (error): any currency field other than "142", per document in order
ReconcileResult Reconcile(const ReconcileSet& set, const ReconcileContext& context);

// {"outcome", "order_no", "missing": [...], "decision_date": "YYYY-MM-DD", "findings": [...]}.
Json ReconcileResultToJson(const ReconcileResult& result);

}  // namespace core
