// JSON forms of the demo shops' catalogue and orders. No I/O.
#include "catalog_json.h"

namespace shops {

core::Json ShopToJson(const DemoShop& shop) {
  core::Json items = core::Json::array();
  for (const DemoShopItem& it : shop.items) {
    items.push_back({{"sku", it.sku},
                     {"name", it.name},
                     {"brand", it.brand},
                     {"spec", it.spec},
                     {"code10", it.code10},
                     {"filed", it.filed},
                     {"declared", it.declared},
                     {"filed_price_fen", it.filed_price},
                     {"listed_price_fen", it.listed_price},
                     {"old_price_fen", it.old_price},
                     {"member_price_fen", it.member_price},
                     {"charged_price_fen", it.charged_price},
                     {"declared_price_fen", it.declared_price},
                     {"stock", it.stock}});
  }
  return {{"key", shop.key},
          {"name", shop.name},
          {"enterprise_key", shop.enterprise_key},
          {"enterprise_name", shop.enterprise_name},
          {"enterprise_customs_code", shop.enterprise_customs_code},
          {"style", ShopStyleName(shop.style)},
          {"scenario", ShopScenarioName(shop.scenario)},
          {"freight_charged_fen", shop.freight_charged},
          {"freight_declared_fen", shop.freight_declared},
          {"discount_fen", shop.discount},
          {"tax_charged", {{"flat", shop.tax_charged.flat}, {"flat_bp", shop.tax_charged.flat_bp}}},
          {"items", items}};
}

core::Json OrderToJson(const DemoOrder& o) {
  core::Json lines = core::Json::array();
  for (const DemoOrderLine& l : o.lines) {
    lines.push_back({{"sku", l.sku},
                     {"name", l.name},
                     {"code10", l.code10},
                     {"qty", l.qty},
                     {"unit_charged_fen", l.unit_charged},
                     {"unit_declared_fen", l.unit_declared},
                     {"declared", l.declared}});
  }
  core::Json declared = nullptr;
  if (o.declared) {
    declared = {{"goods_fen", o.goods_declared},
                {"freight_fen", o.freight_declared},
                {"tax_fen", o.tax_declared},
                {"discount_fen", o.discount_declared}};
  }
  return {{"shop", o.shop_key},
          {"enterprise_key", o.enterprise_key},
          {"order_no", o.order_no},
          {"date", o.date.ToIso()},
          {"buyer",
           {{"name", o.buyer.name},
            {"id_number", o.buyer.id_number},
            {"phone", o.buyer.phone},
            {"address", o.buyer.address}}},
          {"lines", lines},
          {"charged",
           {{"goods_fen", o.goods_charged},
            {"freight_fen", o.freight_charged},
            {"tax_fen", o.tax_charged},
            {"discount_fen", o.discount_charged},
            {"total_fen", o.total_charged}}},
          {"declared", declared}};
}

}  // namespace shops
