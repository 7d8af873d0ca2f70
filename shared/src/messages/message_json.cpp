// JSON codec of the CEB records and messages: JSON is checked for types against the field
// tables, turned into the text form and typed by the same rules as XML. Pure.
#include "api/field_reader.h"
#include "messages/field_table.h"

namespace core {
namespace {

using internal::FieldPath;
using internal::FieldsToJson;
using internal::FieldTable;
using internal::IndexPath;
using internal::JsonToFields;

// "path.element." (or "element." at the top level): the prefix errors name fields with.
std::string Where(std::string_view path) { return std::string(path) + "."; }

template <typename Head>
StatusOr<CebFields> HeadText(const Json& obj, std::string_view path, std::string_view element,
                             FieldTable<Head> table) {
  const std::string head_path = FieldPath(path, element);
  const Json* head = internal::Member(obj, element);
  if (head == nullptr) return internal::FieldError(head_path, "is required");
  CORE_RETURN_IF_ERROR(internal::ExpectObject(*head, head_path));
  return JsonToFields(*head, table, Where(head_path));
}

template <typename Line>
StatusOr<std::vector<CebFields>> LinesText(const Json& obj, std::string_view path,
                                           std::string_view element, FieldTable<Line> table) {
  std::vector<CebFields> out;
  const std::string lines_path = FieldPath(path, element);
  const Json* lines = internal::Member(obj, element);
  if (lines == nullptr) return out;  // typing reports the missing lines
  if (!lines->is_array()) return internal::FieldError(lines_path, "must be an array");
  if (lines->size() > kMaxLinesPerRecord) {
    return internal::FieldError(lines_path,
                                "has more than " + std::to_string(kMaxLinesPerRecord) + " lines");
  }
  for (size_t i = 0; i < lines->size(); ++i) {
    const std::string line_path = IndexPath(lines_path, i);
    CORE_RETURN_IF_ERROR(internal::ExpectObject((*lines)[i], line_path));
    CORE_ASSIGN_OR_RETURN(CebFields f, JsonToFields((*lines)[i], table, Where(line_path)));
    out.push_back(std::move(f));
  }
  return out;
}

// The text form of one record of `type` from its JSON object.
StatusOr<CebRecordText> RecordText(const Json& obj, std::string_view path, MessageType type) {
  CORE_RETURN_IF_ERROR(internal::ExpectObject(obj, path));
  CebRecordText text;
  text.where = path.empty() ? std::string(RecordElementName(type)) : std::string(path);
  const std::string_view head = HeadElementName(type);
  const std::string_view line = LineElementName(type);
  switch (type) {
    case MessageType::kOrder: {
      CORE_ASSIGN_OR_RETURN(text.head, HeadText(obj, path, head, internal::OrderHeadFields()));
      CORE_ASSIGN_OR_RETURN(text.lines, LinesText(obj, path, line, internal::OrderLineFields()));
      break;
    }
    case MessageType::kPayment: {
      CORE_ASSIGN_OR_RETURN(text.head, HeadText(obj, path, head, internal::PaymentHeadFields()));
      break;
    }
    case MessageType::kWaybill: {
      CORE_ASSIGN_OR_RETURN(text.head, HeadText(obj, path, head, internal::LogisticsHeadFields()));
      break;
    }
    case MessageType::kInventory: {
      CORE_ASSIGN_OR_RETURN(text.head, HeadText(obj, path, head, internal::InventoryHeadFields()));
      CORE_ASSIGN_OR_RETURN(text.lines,
                            LinesText(obj, path, line, internal::InventoryLineFields()));
      break;
    }
    case MessageType::kRefund: {
      CORE_ASSIGN_OR_RETURN(text.head, HeadText(obj, path, head, internal::RefundHeadFields()));
      CORE_ASSIGN_OR_RETURN(text.lines, LinesText(obj, path, line, internal::RefundLineFields()));
      break;
    }
  }
  return text;
}

// Parses one record into a fresh message of that type (the typing lives in one place).
StatusOr<CebMessage> OneRecord(const Json& obj, std::string_view path, MessageType type) {
  CORE_ASSIGN_OR_RETURN(CebRecordText text, RecordText(obj, path, type));
  CebMessage m;
  m.type = type;
  CORE_RETURN_IF_ERROR(AppendRecordFromText(text, m));
  return m;
}

template <typename Line>
Json LinesToJson(const std::vector<Line>& lines, FieldTable<Line> table) {
  Json arr = Json::array();
  for (const Line& l : lines) arr.push_back(FieldsToJson(l, table));
  return arr;
}

}  // namespace

Json OrderToJson(const Order& r) {
  Json j = Json::object();
  j["OrderHead"] = FieldsToJson(r.head, internal::OrderHeadFields());
  j["OrderList"] = LinesToJson(r.lines, internal::OrderLineFields());
  return j;
}

Json PaymentToJson(const Payment& r) {
  Json j = Json::object();
  j["PaymentHead"] = FieldsToJson(r.head, internal::PaymentHeadFields());
  return j;
}

Json WaybillToJson(const Waybill& r) {
  Json j = Json::object();
  j["LogisticsHead"] = FieldsToJson(r.head, internal::LogisticsHeadFields());
  return j;
}

Json InventoryToJson(const Inventory& r) {
  Json j = Json::object();
  j["InventoryHead"] = FieldsToJson(r.head, internal::InventoryHeadFields());
  j["InventoryList"] = LinesToJson(r.lines, internal::InventoryLineFields());
  return j;
}

Json RefundToJson(const Refund& r) {
  Json j = Json::object();
  j["InvtRefundHead"] = FieldsToJson(r.head, internal::RefundHeadFields());
  j["InvtRefundList"] = LinesToJson(r.lines, internal::RefundLineFields());
  return j;
}

StatusOr<Order> OrderFromJson(const Json& obj, std::string_view path) {
  CORE_ASSIGN_OR_RETURN(CebMessage m, OneRecord(obj, path, MessageType::kOrder));
  return std::move(m.orders.front());
}

StatusOr<Payment> PaymentFromJson(const Json& obj, std::string_view path) {
  CORE_ASSIGN_OR_RETURN(CebMessage m, OneRecord(obj, path, MessageType::kPayment));
  return std::move(m.payments.front());
}

StatusOr<Waybill> WaybillFromJson(const Json& obj, std::string_view path) {
  CORE_ASSIGN_OR_RETURN(CebMessage m, OneRecord(obj, path, MessageType::kWaybill));
  return std::move(m.waybills.front());
}

StatusOr<Inventory> InventoryFromJson(const Json& obj, std::string_view path) {
  CORE_ASSIGN_OR_RETURN(CebMessage m, OneRecord(obj, path, MessageType::kInventory));
  return std::move(m.inventories.front());
}

StatusOr<Refund> RefundFromJson(const Json& obj, std::string_view path) {
  CORE_ASSIGN_OR_RETURN(CebMessage m, OneRecord(obj, path, MessageType::kRefund));
  return std::move(m.refunds.front());
}

Json CebMessageToJson(const CebMessage& message) {
  Json j = Json::object();
  j["messageType"] = std::string(MessageTypeCode(message.type));
  j["guid"] = message.guid;
  j["version"] = message.version;
  j["hasSignature"] = message.has_signature;
  j["signatureMethod"] = message.signature_method;
  j["baseTransfer"] = message.base_transfer
                          ? FieldsToJson(*message.base_transfer, internal::BaseTransferFields())
                          : Json(nullptr);
  Json records = Json::array();
  for (const Order& r : message.orders) records.push_back(OrderToJson(r));
  for (const Payment& r : message.payments) records.push_back(PaymentToJson(r));
  for (const Waybill& r : message.waybills) records.push_back(WaybillToJson(r));
  for (const Inventory& r : message.inventories) records.push_back(InventoryToJson(r));
  for (const Refund& r : message.refunds) records.push_back(RefundToJson(r));
  j["records"] = std::move(records);
  return j;
}

StatusOr<CebMessage> CebMessageFromJson(const Json& obj) {
  CORE_RETURN_IF_ERROR(internal::ExpectObject(obj, ""));
  CORE_ASSIGN_OR_RETURN(std::string code, internal::ReadString(obj, "messageType", "", 10, true));
  std::optional<MessageType> type = MessageTypeFromCode(code);
  if (!type) {
    return internal::FieldError("messageType", "must be CEB311, CEB411, CEB511, CEB621 or CEB625");
  }
  CebMessage m;
  m.type = *type;
  CORE_ASSIGN_OR_RETURN(m.guid, internal::ReadString(obj, "guid", "", 64, false));
  CORE_ASSIGN_OR_RETURN(m.version, internal::ReadString(obj, "version", "", 20, false));
  CORE_ASSIGN_OR_RETURN(m.has_signature, internal::ReadBool(obj, "hasSignature", "", false));
  CORE_ASSIGN_OR_RETURN(m.signature_method,
                        internal::ReadString(obj, "signatureMethod", "", 200, false));
  if (const Json* bt = internal::Member(obj, "baseTransfer")) {
    CORE_RETURN_IF_ERROR(internal::ExpectObject(*bt, "baseTransfer"));
    CORE_ASSIGN_OR_RETURN(CebFields f,
                          JsonToFields(*bt, internal::BaseTransferFields(), "baseTransfer."));
    CORE_ASSIGN_OR_RETURN(m.base_transfer, BaseTransferFromText(f));
  }
  const Json* records = internal::Member(obj, "records");
  if (records == nullptr) return internal::FieldError("records", "is required");
  if (!records->is_array()) return internal::FieldError("records", "must be an array");
  if (records->empty()) return internal::FieldError("records", "must hold at least one record");
  if (records->size() > kMaxRecordsPerMessage) {
    return internal::FieldError(
        "records", "has more than " + std::to_string(kMaxRecordsPerMessage) + " records");
  }
  for (size_t i = 0; i < records->size(); ++i) {
    CORE_ASSIGN_OR_RETURN(CebRecordText text,
                          RecordText((*records)[i], IndexPath("records", i), m.type));
    CORE_RETURN_IF_ERROR(AppendRecordFromText(text, m));
  }
  return m;
}

}  // namespace core
