// Current-version tables: delete-then-insert per business key, prepared statements only.
#include "store/current_docs_repo.h"

#include "common/contact_keys.h"

namespace server {

namespace {

// The table holding the current rows of a message type (lines cascade with their head).
std::string_view TableFor(core::MessageType type) {
  switch (type) {
    case core::MessageType::kOrder:
      return "ceb_orders";
    case core::MessageType::kPayment:
      return "ceb_payments";
    case core::MessageType::kWaybill:
      return "ceb_waybills";
    case core::MessageType::kInventory:
      return "ceb_lists";
    case core::MessageType::kRefund:
      return "ceb_refunds";
  }
  return "ceb_orders";
}

// The newest message id in `table` whose two key columns hold the values. Table and column
// names are the fixed ones of this file, never input.
core::StatusOr<std::optional<int64_t>> NewestWhere(Db& db, std::string_view table,
                                                   std::string_view column1,
                                                   std::string_view value1,
                                                   std::string_view column2,
                                                   std::string_view value2) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT message_id FROM " + std::string(table) + " WHERE " + std::string(column1) +
                   " = ? AND " + std::string(column2) + " = ? ORDER BY message_id DESC LIMIT 1",
               value1, value2));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(s.Int(0));
}

}  // namespace

core::Status RemoveCurrent(Db& db, core::MessageType type, std::string_view business_key) {
  // The table name comes from the fixed switch above, never from input.
  return db.Exec("DELETE FROM " + std::string(TableFor(type)) + " WHERE business_key = ?",
                 business_key);
}

core::Status PutCurrentOrder(Db& db, int64_t message_id, std::string_view business_key,
                             const core::Order& r) {
  CORE_RETURN_IF_ERROR(RemoveCurrent(db, core::MessageType::kOrder, business_key));
  const core::OrderHead& h = r.head;
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO ceb_orders (message_id, business_key, order_no, ebp_code, ebc_code, pay_code, "
      "pay_transaction_id, logistics_code, logistics_no, buyer_id_number, buyer_name, "
      "goods_value_fen, freight_fen, discount_fen, tax_total_fen, actural_paid_fen, app_time, "
      "buyer_phone_key, consignee_address_key) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      message_id, business_key, h.order_no, h.ebp_code, h.ebc_code, h.pay_code,
      h.pay_transaction_id, h.logistics_code, h.logistics_no, h.buyer_id_number, h.buyer_name,
      h.goods_value, h.freight, h.discount, h.tax_total, h.actural_paid, h.app_time.ToDigits(),
      PhoneKey(h.buyer_telephone), AddressKey(h.consignee_address)));
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const core::OrderLine& l = r.lines[i];
    CORE_RETURN_IF_ERROR(db.Exec(
        "INSERT INTO ceb_order_lines (message_id, line_index, gnum, item_no, item_name, gcode, "
        "qty_e5, unit, price_fen, total_price_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        message_id, static_cast<int64_t>(i), l.gnum, l.item_no, l.item_name, l.gcode, l.qty.e5,
        l.unit, l.price, l.total_price));
  }
  return core::OkStatus();
}

core::Status PutCurrentPayment(Db& db, int64_t message_id, std::string_view business_key,
                               const core::Payment& r) {
  CORE_RETURN_IF_ERROR(RemoveCurrent(db, core::MessageType::kPayment, business_key));
  const core::PaymentHead& h = r.head;
  return db.Exec(
      "INSERT INTO ceb_payments (message_id, business_key, order_no, ebp_code, pay_code, "
      "pay_transaction_id, payer_id_number, payer_name, amount_paid_fen, pay_time) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      message_id, business_key, h.order_no, h.ebp_code, h.pay_code, h.pay_transaction_id,
      h.payer_id_number, h.payer_name, h.amount_paid, h.pay_time.ToDigits());
}

core::Status PutCurrentWaybill(Db& db, int64_t message_id, std::string_view business_key,
                               const core::Waybill& r) {
  CORE_RETURN_IF_ERROR(RemoveCurrent(db, core::MessageType::kWaybill, business_key));
  const core::LogisticsHead& h = r.head;
  return db.Exec(
      "INSERT INTO ceb_waybills (message_id, business_key, logistics_code, logistics_no, "
      "order_no, freight_fen, insured_fee_fen, weight_e5) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      message_id, business_key, h.logistics_code, h.logistics_no, h.order_no, h.freight.value_or(0),
      h.insured_fee.value_or(0), h.weight.e5);
}

core::Status PutCurrentList(Db& db, int64_t message_id, std::string_view business_key,
                            const core::Inventory& r) {
  CORE_RETURN_IF_ERROR(RemoveCurrent(db, core::MessageType::kInventory, business_key));
  const core::InventoryHead& h = r.head;
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO ceb_lists (message_id, business_key, order_no, ebp_code, ebc_code, agent_code, "
      "cop_no, invt_no, logistics_code, logistics_no, buyer_id_number, trade_mode, decl_date, "
      "freight_fen, insured_fee_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      message_id, business_key, h.order_no, h.ebp_code, h.ebc_code, h.agent_code, h.cop_no,
      h.invt_no, h.logistics_code, h.logistics_no, h.buyer_id_number, h.trade_mode,
      h.decl_time.date().ToIso(), h.freight, h.insured_fee));
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const core::InventoryLine& l = r.lines[i];
    CORE_RETURN_IF_ERROR(db.Exec(
        "INSERT INTO ceb_list_lines (message_id, line_index, gnum, item_no, gcode, gname, qty_e5, "
        "unit, qty1_e5, unit1, price_fen, total_price_fen) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        message_id, static_cast<int64_t>(i), l.gnum, l.item_no, l.gcode, l.gname, l.qty.e5, l.unit,
        l.qty1.e5, l.unit1, l.price, l.total_price));
  }
  return core::OkStatus();
}

core::Status PutCurrentRefund(Db& db, int64_t message_id, std::string_view business_key,
                              const core::Refund& r) {
  CORE_RETURN_IF_ERROR(RemoveCurrent(db, core::MessageType::kRefund, business_key));
  const core::RefundHead& h = r.head;
  return db.Exec(
      "INSERT INTO ceb_refunds (message_id, business_key, order_no, ebp_code, invt_no, "
      "buyer_id_number) VALUES (?, ?, ?, ?, ?, ?)",
      message_id, business_key, h.order_no, h.ebp_code, h.invt_no, h.buyer_id_number);
}

core::StatusOr<std::optional<int64_t>> CurrentOrderFor(Db& db, std::string_view ebp_code,
                                                       std::string_view order_no) {
  return NewestWhere(db, "ceb_orders", "order_no", order_no, "ebp_code", ebp_code);
}

core::StatusOr<std::optional<int64_t>> CurrentPaymentFor(Db& db, std::string_view ebp_code,
                                                         std::string_view order_no) {
  return NewestWhere(db, "ceb_payments", "order_no", order_no, "ebp_code", ebp_code);
}

core::StatusOr<std::optional<int64_t>> CurrentWaybillFor(Db& db, std::string_view logistics_code,
                                                         std::string_view logistics_no) {
  return NewestWhere(db, "ceb_waybills", "logistics_no", logistics_no, "logistics_code",
                     logistics_code);
}

}  // namespace server
