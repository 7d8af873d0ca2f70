// Goods filings to and from JSON; parsing is strict (types, lengths, integer fen). Pure.
#include "../api/field_reader.h"
#include "core/goods.h"

namespace core {

StatusOr<GoodsFiling> GoodsFilingFromJson(const Json& obj) {
  using internal::ReadInt;
  using internal::ReadString;
  constexpr size_t kMaxText = 200;
  CORE_RETURN_IF_ERROR(internal::ExpectObject(obj, "filing"));
  GoodsFiling f;
  CORE_ASSIGN_OR_RETURN(f.sku, ReadString(obj, "sku", "", kMaxText, false));
  CORE_ASSIGN_OR_RETURN(f.name, ReadString(obj, "name", "", kMaxText, false));
  CORE_ASSIGN_OR_RETURN(f.brand, ReadString(obj, "brand", "", kMaxText, false));
  CORE_ASSIGN_OR_RETURN(f.spec, ReadString(obj, "spec", "", kMaxText, false));
  CORE_ASSIGN_OR_RETURN(f.code10, ReadString(obj, "code10", "", kMaxText, false));
  CORE_ASSIGN_OR_RETURN(f.origin_country, ReadString(obj, "origin_country", "", kMaxText, false));
  CORE_ASSIGN_OR_RETURN(f.unit, ReadString(obj, "unit", "", kMaxText, false));
  // Zero and negative prices parse (the evaluation reports them); only the type and the
  // magnitude are refused here.
  CORE_ASSIGN_OR_RETURN(auto price,
                        ReadInt(obj, "declared_unit_price_fen", "", -kMaxFen, kMaxFen, true));
  f.declared_unit_price_fen = *price;
  CORE_ASSIGN_OR_RETURN(f.trade_mode, ReadString(obj, "trade_mode", "", kMaxText, false));
  return f;
}

Json GoodsFilingToJson(const GoodsFiling& filing) {
  Json j = Json::object();
  j["sku"] = filing.sku;
  j["name"] = filing.name;
  j["brand"] = filing.brand;
  j["spec"] = filing.spec;
  j["code10"] = filing.code10;
  j["origin_country"] = filing.origin_country;
  j["unit"] = filing.unit;
  j["declared_unit_price_fen"] = filing.declared_unit_price_fen;
  j["trade_mode"] = filing.trade_mode;
  return j;
}

}  // namespace core
