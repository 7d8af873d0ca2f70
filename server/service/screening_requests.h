// The requests a screening sends to the core's JSON entry points (ReconcileJson, CheckQuotaJson,
// ComputeTaxJson), built from the set's records and the store's year-to-date figures, so that the
// stored request and result can be replayed in the page byte for byte. No I/O.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/date.h"
#include "core/json.h"
#include "core/messages.h"
#include "store/screening_repo.h"

namespace server {

// {"order", "payment", "waybill", "inventory" (the records' JSON), "decision_date",
//  "filed_goods": [{"ebcCode", "code10", "outcome"}]}.
core::Json ReconcileRequest(const core::Json& order, const core::Json& payment,
                            const core::Json& waybill, const core::Json& inventory,
                            const core::Date& decision_date, std::string_view ebc_code,
                            const std::vector<FiledCode>& filed);

// The quantity a list line counts toward the buyer's annual caps and the single-item rule: for a
// code whose positive-list entry has an annual cap, the legal quantity (qty1/unit1, the unit the
// caps use), otherwise the declared one (qty/unit); thousandths rounded up.
QuotaQuantity QuotaQuantityOf(const core::InventoryLine& line, const core::PositiveList& list);

// {"order": {"date" (the list's declaration date), "goods_value_fen" and "discount_fen" (the
// order's), "freight_fen" and "insurance_fen" (the list's), "lines", "year_to_date_fen",
// "year_to_date_qty"}}.
core::Json QuotaRequest(const core::Order& order, const core::Inventory& list,
                        const core::PositiveList& positive_list, core::Fen year_to_date_fen,
                        const std::vector<QuotaQuantity>& year_to_date_qty);

// {"order": {"date", "path", "freight_fen", "insurance_fen", "discount_fen", "declared_tax_fen"
// (the order's taxTotal), "lines": [{"code", "goods_value_fen" (the list line's totalPrice),
// "net_content_milli"? (from a mass or volume unit), "pieces"? (from a count unit)}]}}.
core::Json TaxRequest(const core::Order& order, const core::Inventory& list,
                      std::string_view tax_path);

}  // namespace server
