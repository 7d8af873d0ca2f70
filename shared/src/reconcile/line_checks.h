// Private: the reconciliation checks on goods lines (arithmetic, list vs order lines, trade
// mode against the positive list, filed and admitted goods). Pure.
#pragma once

#include "core/reconcile.h"
#include "reconcile/report.h"

namespace core::internal {

// LINE_TOTAL_ARITHMETIC on the order's lines, then the list's (either may be absent).
void CheckLineArithmetic(const ReconcileSet& set, Report& report);
// ORDER_GOODS_VALUE: goodsValue against the sum of the order lines.
void CheckGoodsValue(const Order& order, Report& report);
// LIST_LINE_COUNT and LIST_LINE_MISMATCH.
void CheckListLines(const Order& order, const Inventory& list, Report& report);
// TRADE_MODE_INVALID, TRADE_MODE_NOT_ALLOWED, LIST_NOT_LOADED.
void CheckTradeMode(const Inventory& list, const ReconcileContext& context, Report& report);
// GOODS_NOT_FILED, GOODS_NOT_ADMITTED.
void CheckFiledGoods(const Inventory& list, const ReconcileContext& context, Report& report);

}  // namespace core::internal
