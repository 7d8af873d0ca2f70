// The demo shops' catalogue and orders as JSON, for the demo's declarations and for scripts.
// Amounts are integer fen. No I/O.
#pragma once

#include "core/json.h"
#include "demo_shop.h"

namespace shops {

// {"key", "name", "enterprise_key", "enterprise_name", "enterprise_customs_code", "style",
// "scenario", "freight_charged_fen", "freight_declared_fen", "discount_fen", "tax_charged":
// {"flat", "flat_bp"}, "items": [{"sku", "name", "brand", "spec", "code10", "filed",
// "declared", "filed_price_fen", "listed_price_fen", "old_price_fen", "member_price_fen",
// "charged_price_fen", "declared_price_fen", "stock"}]}
core::Json ShopToJson(const DemoShop& shop);
// {"shop", "enterprise_key", "order_no", "date", "buyer": {...}, "lines": [{"sku", "name",
// "code10", "qty", "unit_charged_fen", "unit_declared_fen", "declared"}], "charged": {"goods_fen",
// "freight_fen", "tax_fen", "discount_fen", "total_fen"}, "declared": null | {"goods_fen",
// "freight_fen", "tax_fen", "discount_fen"}}
core::Json OrderToJson(const DemoOrder& order);

}  // namespace shops
