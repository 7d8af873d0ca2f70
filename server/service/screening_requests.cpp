// Core requests of a screening, from records.
#include "service/screening_requests.h"

#include <algorithm>
#include <string>
#include <utility>

namespace server {

namespace {

// Thousandths from an N19,5 quantity, rounded up (a cap is never undercounted).
int64_t MilliUp(const core::Qty& q) { return (q.e5 + 99) / 100; }

// Grams or millilitres, in thousandths, per 10^-5 of the unit; 0 when the unit is no mass or
// volume. JGS-20 codes: 035 千克, 036 克, 095 升, 096 毫升.
int64_t MilliContentPerE5(std::string_view unit) {
  if (unit == "035" || unit == "千克" || unit == "公斤" || unit == "kg" || unit == "KG") return 10;
  if (unit == "095" || unit == "升" || unit == "L" || unit == "l") return 10;
  return 0;
}
bool IsSmallMassOrVolume(std::string_view unit) {
  return unit == "036" || unit == "克" || unit == "g" || unit == "096" || unit == "毫升" ||
         unit == "ml" || unit == "mL";
}
// Count units a per-piece threshold can use: 007 个, 010 张, 011 件, 020 片.
bool IsPieceUnit(std::string_view unit) {
  return unit == "007" || unit == "010" || unit == "011" || unit == "020" || unit == "个" ||
         unit == "张" || unit == "件" || unit == "片";
}

// The line's net content in thousandths of a gram or millilitre, from the legal or the declared
// quantity, when either is in a mass or volume unit.
std::optional<int64_t> NetContentMilli(const core::InventoryLine& line) {
  for (const auto& [qty, unit] :
       {std::pair{line.qty1, line.unit1}, std::pair{line.qty, line.unit}}) {
    if (int64_t per = MilliContentPerE5(unit); per > 0) return qty.e5 * per;
    if (IsSmallMassOrVolume(unit)) return (qty.e5 + 50) / 100;
  }
  return std::nullopt;
}

std::optional<int64_t> Pieces(const core::InventoryLine& line) {
  for (const auto& [qty, unit] :
       {std::pair{line.qty, line.unit}, std::pair{line.qty1, line.unit1}}) {
    if (IsPieceUnit(unit) && qty.e5 % core::Qty::kScale == 0) return qty.e5 / core::Qty::kScale;
  }
  return std::nullopt;
}

}  // namespace

core::Json ReconcileRequest(const core::Json& order, const core::Json& payment,
                            const core::Json& waybill, const core::Json& inventory,
                            const core::Date& decision_date, std::string_view ebc_code,
                            const std::vector<FiledCode>& filed) {
  core::Json goods = core::Json::array();
  for (const FiledCode& f : filed) {
    goods.push_back(
        {{"ebcCode", std::string(ebc_code)}, {"code10", f.code10}, {"outcome", f.outcome}});
  }
  return {{"order", order},
          {"payment", payment},
          {"waybill", waybill},
          {"inventory", inventory},
          {"decision_date", decision_date.ToIso()},
          {"filed_goods", goods}};
}

QuotaQuantity QuotaQuantityOf(const core::InventoryLine& line, const core::PositiveList& list) {
  const std::string code8 = line.gcode.substr(0, 8);
  const core::PositiveListEntry* entry = list.Find(code8);
  const bool capped = entry != nullptr && entry->annual_qty_cap_milli > 0;
  const core::Qty& qty = capped ? line.qty1 : line.qty;
  return QuotaQuantity{code8, capped ? line.unit1 : line.unit, MilliUp(qty)};
}

core::Json QuotaRequest(const core::Order& order, const core::Inventory& list,
                        const core::PositiveList& positive_list, core::Fen year_to_date_fen,
                        const std::vector<QuotaQuantity>& year_to_date_qty) {
  core::Json lines = core::Json::array();
  for (const core::InventoryLine& l : list.lines) {
    QuotaQuantity q = QuotaQuantityOf(l, positive_list);
    lines.push_back({{"code", l.gcode}, {"qty_milli", q.qty_milli}, {"unit", q.unit}});
  }
  core::Json ytd_qty = core::Json::array();
  for (const QuotaQuantity& q : year_to_date_qty) {
    if (q.qty_milli <= 0) continue;
    ytd_qty.push_back({{"code8", q.code8}, {"qty_milli", q.qty_milli}, {"unit", q.unit}});
  }
  return {{"order",
           {{"date", list.head.decl_time.date().ToIso()},
            {"goods_value_fen", order.head.goods_value},
            {"freight_fen", list.head.freight},
            {"insurance_fen", list.head.insured_fee},
            {"discount_fen", order.head.discount},
            {"lines", lines},
            {"year_to_date_fen", std::max<core::Fen>(year_to_date_fen, 0)},
            {"year_to_date_qty", ytd_qty}}}};
}

core::Json TaxRequest(const core::Order& order, const core::Inventory& list,
                      std::string_view tax_path) {
  core::Json lines = core::Json::array();
  for (const core::InventoryLine& l : list.lines) {
    core::Json line = {{"code", l.gcode}, {"goods_value_fen", l.total_price}};
    if (std::optional<int64_t> content = NetContentMilli(l)) line["net_content_milli"] = *content;
    if (std::optional<int64_t> pieces = Pieces(l)) line["pieces"] = *pieces;
    lines.push_back(std::move(line));
  }
  return {{"order",
           {{"date", list.head.decl_time.date().ToIso()},
            {"path", std::string(tax_path)},
            {"freight_fen", list.head.freight},
            {"insurance_fen", list.head.insured_fee},
            {"discount_fen", order.head.discount},
            {"declared_tax_fen", order.head.tax_total},
            {"lines", lines}}}};
}

}  // namespace server
