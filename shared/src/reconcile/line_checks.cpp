// Reconciliation of goods lines: qty x price against totalPrice, the list's lines against the
// order's by gnum, the trade mode against bonded-only remarks, and the filed goods. Pure.
#include "reconcile/line_checks.h"

#include <map>
#include <set>

namespace core::internal {
namespace {

// qty (1e-5 units) x price (fen) needs up to ~10^33: beyond int64, within 128 bits.
__extension__ typedef __int128 Int128;

// qty x price in fen, rounded half up, and whether totalPrice is within half a fen of it (a
// line total rounded to the fen either way is not an error).
bool TotalWithinHalfFen(Qty qty, Fen price, Fen total, Fen& product_fen) {
  const Int128 product = static_cast<Int128>(qty.e5) * price;
  product_fen = static_cast<Fen>((product + Qty::kScale / 2) / Qty::kScale);
  Int128 diff = product - static_cast<Int128>(total) * Qty::kScale;
  if (diff < 0) diff = -diff;
  return diff * 2 <= Qty::kScale;
}

template <typename Line>
void CheckArithmetic(const DocName& doc, const std::vector<Line>& lines, Report& report) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    Fen product = 0;
    if (TotalWithinHalfFen(l.qty, l.price, l.total_price, product)) continue;
    report.Add("LINE_TOTAL_ARITHMETIC", Severity::kWarning, LinePath(doc, i, "totalPrice"),
               std::string(doc.zh) + LineRefZh(i, l.gnum) + "数量 " + FormatQty(l.qty) +
                   " × 单价 " + FormatCny(l.price) + " = " + FormatCny(product) + "，与总价 " +
                   FormatCny(l.total_price) + " 不符",
               std::string(doc.en) + " " + LineRefEn(i, l.gnum) + ": qty " + FormatQty(l.qty) +
                   " x price " + FormatCny(l.price) + " = " + FormatCny(product) +
                   ", but totalPrice is " + FormatCny(l.total_price));
  }
}

}  // namespace

void CheckLineArithmetic(const ReconcileSet& set, Report& report) {
  if (set.order) CheckArithmetic(kOrderDoc, set.order->lines, report);
  if (set.inventory) CheckArithmetic(kListDoc, set.inventory->lines, report);
}

void CheckGoodsValue(const Order& order, Report& report) {
  Fen sum = 0;  // at most kMaxLinesPerRecord x kMaxFen: far inside int64
  for (const OrderLine& l : order.lines) sum += l.total_price;
  if (sum == order.head.goods_value) return;
  report.Add("ORDER_GOODS_VALUE", Severity::kWarning, HeadPath(kOrderDoc, "goodsValue"),
             "订单商品价格 " + FormatCny(order.head.goods_value) + " 与订单各行总价之和 " +
                 FormatCny(sum) + " 不一致",
             "order goodsValue " + FormatCny(order.head.goods_value) +
                 " differs from the sum of the order lines' totalPrice " + FormatCny(sum));
}

void CheckListLines(const Order& order, const Inventory& list, Report& report) {
  if (order.lines.size() != list.lines.size()) {
    report.Add("LIST_LINE_COUNT", Severity::kError, std::string(kListDoc.key) + ".InventoryList",
               "清单商品 " + std::to_string(list.lines.size()) + " 行，订单 " +
                   std::to_string(order.lines.size()) + " 行",
               "the list has " + std::to_string(list.lines.size()) + " lines, the order " +
                   std::to_string(order.lines.size()));
  }
  std::map<int, const OrderLine*> by_gnum;
  for (const OrderLine& l : order.lines) by_gnum.emplace(l.gnum, &l);
  std::set<int> listed;
  for (size_t i = 0; i < list.lines.size(); ++i) {
    const InventoryLine& l = list.lines[i];
    listed.insert(l.gnum);
    auto it = by_gnum.find(l.gnum);
    if (it == by_gnum.end()) {
      report.Add("LIST_LINE_MISMATCH", Severity::kError, LinePath(kListDoc, i, "gnum"),
                 "清单" + LineRefZh(i, l.gnum) + "在订单中没有同序号商品",
                 "list " + LineRefEn(i, l.gnum) + " has no order line with that gnum");
      continue;
    }
    const OrderLine& o = *it->second;
    if (!l.item_no.empty() && !o.item_no.empty()) {
      report.CompareLineText("LIST_LINE_MISMATCH", LinePath(kListDoc, i, "itemNo"), i, l.gnum,
                             "itemNo", l.item_no, o.item_no);
    }
    if (!o.gcode.empty()) {
      report.CompareLineText("LIST_LINE_MISMATCH", LinePath(kListDoc, i, "gcode"), i, l.gnum,
                             "gcode", l.gcode, o.gcode);
    }
    report.CompareLineText("LIST_LINE_MISMATCH", LinePath(kListDoc, i, "qty"), i, l.gnum, "qty",
                           FormatQty(l.qty), FormatQty(o.qty));
    report.CompareLineText("LIST_LINE_MISMATCH", LinePath(kListDoc, i, "price"), i, l.gnum, "price",
                           FormatCny(l.price), FormatCny(o.price));
    report.CompareLineText("LIST_LINE_MISMATCH", LinePath(kListDoc, i, "totalPrice"), i, l.gnum,
                           "totalPrice", FormatCny(l.total_price), FormatCny(o.total_price));
  }
  for (size_t j = 0; j < order.lines.size(); ++j) {
    const int gnum = order.lines[j].gnum;
    if (listed.count(gnum) > 0) continue;
    report.Add("LIST_LINE_MISMATCH", Severity::kError, LinePath(kOrderDoc, j, "gnum"),
               "订单" + LineRefZh(j, gnum) + "未在清单中申报",
               "order " + LineRefEn(j, gnum) + " is not declared on the list");
  }
}

void CheckTradeMode(const Inventory& list, const ReconcileContext& context, Report& report) {
  const std::string& mode = list.head.trade_mode;
  if (mode != "9610" && mode != "1210" && mode != "1239") {
    report.Add("TRADE_MODE_INVALID", Severity::kError, HeadPath(kListDoc, "tradeMode"),
               "清单贸易方式「" + mode + "」不是跨境电商零售进口方式（9610、1210、1239）",
               "list tradeMode '" + mode + "' is not a CBEC retail import mode (9610, 1210, 1239)");
    return;
  }
  if (mode != "9610") return;
  if (context.positive_list == nullptr || context.positive_list->size() == 0) {
    report.Add("LIST_NOT_LOADED", Severity::kWarning, HeadPath(kListDoc, "tradeMode"),
               "未加载正面清单，无法核对仅限网购保税的商品",
               "the positive list is not loaded: bonded-only goods were not checked");
    return;
  }
  for (size_t i = 0; i < list.lines.size(); ++i) {
    const InventoryLine& l = list.lines[i];
    const PositiveListEntry* entry = context.positive_list->Find(l.gcode.substr(0, 8));
    if (entry == nullptr || !entry->bonded_only) continue;
    report.Add("TRADE_MODE_NOT_ALLOWED", Severity::kError, LinePath(kListDoc, i, "gcode"),
               "清单" + LineRefZh(i, l.gnum) + "商品编码 " + l.gcode + " 正面清单备注「" +
                   entry->remark + "」，不得以直购进口 9610 申报",
               "list " + LineRefEn(i, l.gnum) + ": code " + l.gcode +
                   " is bonded-only on the positive list ('" + entry->remark +
                   "') and may not be declared under 9610");
  }
}

void CheckFiledGoods(const Inventory& list, const ReconcileContext& context, Report& report) {
  const std::string& ebc = list.head.ebc_code;
  auto enterprise = context.filed_goods.find(ebc);
  for (size_t i = 0; i < list.lines.size(); ++i) {
    const InventoryLine& l = list.lines[i];
    const std::string path = LinePath(kListDoc, i, "gcode");
    const std::string* outcome = nullptr;
    if (enterprise != context.filed_goods.end()) {
      auto it = enterprise->second.find(l.gcode);
      if (it != enterprise->second.end()) outcome = &it->second;
    }
    if (outcome == nullptr) {
      report.Add(
          "GOODS_NOT_FILED", Severity::kError, path,
          "清单" + LineRefZh(i, l.gnum) + "商品编码 " + l.gcode + " 未由电商企业 " + ebc + " 备案",
          "list " + LineRefEn(i, l.gnum) + ": code " + l.gcode +
              " is not filed by e-commerce enterprise " + ebc);
    } else if (*outcome != "admitted") {
      const bool review = *outcome == "review";
      report.Add("GOODS_NOT_ADMITTED", review ? Severity::kWarning : Severity::kError, path,
                 "清单" + LineRefZh(i, l.gnum) + "商品编码 " + l.gcode + " 的备案" +
                     (review ? "尚待审核" : "未获准入（" + *outcome + "）"),
                 "list " + LineRefEn(i, l.gnum) + ": the filing of code " + l.gcode +
                     (review ? " is still under review" : " was not admitted (" + *outcome + ")"));
    }
  }
}

}  // namespace core::internal
