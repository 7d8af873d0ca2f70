// Typing CEB records from their text form: the one place the field rules (required, lengths,
// N16,2 amounts, N19,5 quantities, timestamps) are applied, whatever the source. Pure.
#include "internal/text_fields.h"
#include "messages/field_table.h"

namespace core {
namespace internal {

Status FieldValueError(const CebFields& in, std::string_view name, std::string_view what) {
  return InvalidArgumentError("field '" + in.where + std::string(name) + "' " + std::string(what));
}

Status ReadText(const CebFields& in, std::string_view name, std::string_view text, size_t max_chars,
                std::string& out) {
  if (Utf8Length(text) > max_chars) {
    return FieldValueError(in, name, "is longer than " + std::to_string(max_chars) + " characters");
  }
  out.assign(text);
  return OkStatus();
}

Status ReadAmount(const CebFields& in, std::string_view name, std::string_view text, Fen& out) {
  StatusOr<Fen> v = ParseCebAmount(text);
  if (!v.ok()) return FieldValueError(in, name, v.status().message());
  out = *v;
  return OkStatus();
}

Status ReadQty(const CebFields& in, std::string_view name, std::string_view text, Qty& out) {
  StatusOr<Qty> v = ParseQty(text);
  if (!v.ok()) return FieldValueError(in, name, v.status().message());
  out = *v;
  return OkStatus();
}

Status ReadInt(const CebFields& in, std::string_view name, std::string_view text, int& out) {
  // Leading zeros are tolerated ("01": a real Hangzhou sender writes gnum that way).
  std::optional<int> v = ParseSmallInt(text);
  if (!v || *v < 1) return FieldValueError(in, name, "must be a positive integer");
  out = *v;
  return OkStatus();
}

Status ReadTime(const CebFields& in, std::string_view name, std::string_view text, CebTime& out) {
  StatusOr<CebTime> v = CebTime::Parse(text);
  if (!v.ok()) return FieldValueError(in, name, v.status().message());
  out = *v;
  return OkStatus();
}

Status ReadAppType(const CebFields& in, std::string_view name, std::string_view text,
                   AppType& out) {
  if (text == "1") {
    out = AppType::kNew;
  } else if (text == "2") {
    out = AppType::kChange;
  } else if (text == "3") {
    out = AppType::kDelete;
  } else {
    return FieldValueError(in, name, "must be 1 (new), 2 (change) or 3 (delete)");
  }
  return OkStatus();
}

}  // namespace internal

namespace {

using internal::FieldTable;
using internal::ReadFields;

// Types a record with a head and lines (orders, lists, returns).
template <typename Record, typename Head, typename Line>
StatusOr<Record> WithLines(const CebRecordText& text, FieldTable<Head> head_table,
                           FieldTable<Line> line_table, std::string_view line_element) {
  Record r;
  CORE_RETURN_IF_ERROR(ReadFields(text.head, head_table, r.head));
  if (text.lines.empty()) {
    return InvalidArgumentError("record '" + text.where + "' needs at least one " +
                                std::string(line_element) + " line");
  }
  if (text.lines.size() > kMaxLinesPerRecord) {
    return InvalidArgumentError("record '" + text.where + "' has more than " +
                                std::to_string(kMaxLinesPerRecord) + " " +
                                std::string(line_element) + " lines");
  }
  r.lines.resize(text.lines.size());
  for (size_t i = 0; i < text.lines.size(); ++i) {
    CORE_RETURN_IF_ERROR(ReadFields(text.lines[i], line_table, r.lines[i]));
  }
  return r;
}

// Types a record that is only a head (payments, waybills).
template <typename Record, typename Head>
StatusOr<Record> HeadOnly(const CebRecordText& text, FieldTable<Head> head_table) {
  if (!text.lines.empty()) {
    return InvalidArgumentError("record '" + text.where + "' may not have lines");
  }
  Record r;
  CORE_RETURN_IF_ERROR(ReadFields(text.head, head_table, r.head));
  return r;
}

}  // namespace

Status AppendRecordFromText(const CebRecordText& text, CebMessage& message) {
  if (message.record_count() >= kMaxRecordsPerMessage) {
    return InvalidArgumentError("a message holds at most " + std::to_string(kMaxRecordsPerMessage) +
                                " records");
  }
  switch (message.type) {
    case MessageType::kOrder: {
      CORE_ASSIGN_OR_RETURN(Order r, (WithLines<Order, OrderHead, OrderLine>(
                                         text, internal::OrderHeadFields(),
                                         internal::OrderLineFields(), "OrderList")));
      message.orders.push_back(std::move(r));
      return OkStatus();
    }
    case MessageType::kPayment: {
      CORE_ASSIGN_OR_RETURN(Payment r,
                            (HeadOnly<Payment, PaymentHead>(text, internal::PaymentHeadFields())));
      message.payments.push_back(std::move(r));
      return OkStatus();
    }
    case MessageType::kWaybill: {
      CORE_ASSIGN_OR_RETURN(
          Waybill r, (HeadOnly<Waybill, LogisticsHead>(text, internal::LogisticsHeadFields())));
      message.waybills.push_back(std::move(r));
      return OkStatus();
    }
    case MessageType::kInventory: {
      CORE_ASSIGN_OR_RETURN(Inventory r, (WithLines<Inventory, InventoryHead, InventoryLine>(
                                             text, internal::InventoryHeadFields(),
                                             internal::InventoryLineFields(), "InventoryList")));
      message.inventories.push_back(std::move(r));
      return OkStatus();
    }
    case MessageType::kRefund: {
      CORE_ASSIGN_OR_RETURN(Refund r, (WithLines<Refund, RefundHead, RefundLine>(
                                          text, internal::RefundHeadFields(),
                                          internal::RefundLineFields(), "InvtRefundList")));
      message.refunds.push_back(std::move(r));
      return OkStatus();
    }
  }
  return InternalError("unknown message type");
}

StatusOr<BaseTransfer> BaseTransferFromText(const CebFields& fields) {
  BaseTransfer b;
  CORE_RETURN_IF_ERROR(ReadFields(fields, internal::BaseTransferFields(), b));
  return b;
}

}  // namespace core
