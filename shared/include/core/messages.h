// CEB import messages (DOMAIN §2.2–2.6) as typed values: order CEB311, payment CEB411, waybill
// CEB511, list CEB621, return CEB625; their identity, a strict JSON codec, and the text form that
// both readers (JSON here, the server's XML reader) go through, so one set of rules applies. Pure.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/json.h"
#include "core/money.h"
#include "core/status.h"

namespace core {

// ---------------------------------------------------------------------------------------------
// Value types of the message fields.

// Exact fixed point for the N19,5 quantities and weights: the value times 10^5 (so qty 2 is
// e5 = 200000 and 0.06 kg is e5 = 6000). Never negative once parsed.
struct Qty {
  static constexpr int64_t kScale = 100000;
  int64_t e5 = 0;
  auto operator<=>(const Qty&) const = default;
};

// Largest quantity accepted: 13 integer digits (keeps e5 and products with fen in range).
inline constexpr int64_t kMaxQtyE5 = 1'000'000'000'000'000'000;

// "100", "0.06", "12.50000": digits with an optional point and at most 5 decimals, at most 13
// integer digits, no sign, no spaces. InvalidArgument describing the problem otherwise.
StatusOr<Qty> ParseQty(std::string_view text);
// Shortest exact decimal: 200000 -> "2", 6000 -> "0.06", 1250000 -> "12.5".
std::string FormatQty(Qty q);

// A CEB amount (N16,2) in fen: "19050", "0.01", "12.30". Digits with an optional point and at
// most 2 decimals ("12.345" is refused: the scale check), no sign, no separators, at most
// kMaxFen. InvalidArgument describing the problem otherwise. Output uses FormatCny ("19050.00").
StatusOr<Fen> ParseCebAmount(std::string_view text);

// A CEB timestamp at the precision the sender wrote it: 8 digits YYYYMMDD (declTime), 14 digits
// YYYYMMDDhhmmss (appTime, payTime) or 17 digits YYYYMMDDhhmmssSSS. Ordered by instant, then by
// precision. The default value is 19700101.
class CebTime {
 public:
  CebTime() = default;
  // InvalidArgument unless the text is 8, 14 or 17 ASCII digits forming a real date and time
  // (hours 00–23, minutes and seconds 00–59).
  static StatusOr<CebTime> Parse(std::string_view digits);

  const Date& date() const { return date_; }
  int hour() const { return static_cast<int>(ms_of_day_ / 3'600'000); }
  int minute() const { return static_cast<int>(ms_of_day_ / 60'000 % 60); }
  int second() const { return static_cast<int>(ms_of_day_ / 1000 % 60); }
  int millisecond() const { return static_cast<int>(ms_of_day_ % 1000); }
  int precision() const { return digits_; }  // 8, 14 or 17
  // The digits again, at the original precision ("20160308112701").
  std::string ToDigits() const;
  // "2016-03-08", "2016-03-08T11:27:01" or "2016-03-08T11:27:01.123".
  std::string ToIso() const;

  auto operator<=>(const CebTime&) const = default;

 private:
  Date date_;
  int32_t ms_of_day_ = 0;
  int digits_ = 8;
};

// appType: how a message relates to earlier versions of the same business document.
enum class AppType { kNew = 1, kChange = 2, kDelete = 3 };
// "new" / "change" / "delete".
std::string_view AppTypeName(AppType t);

enum class MessageType {
  kOrder,      // CEB311
  kPayment,    // CEB411
  kWaybill,    // CEB511
  kInventory,  // CEB621 declaration list (申报清单)
  kRefund,     // CEB625 return request (退货申请)
};
// "CEB311", "CEB411", "CEB511", "CEB621", "CEB625".
std::string_view MessageTypeCode(MessageType t);
// The inverse of MessageTypeCode; nullopt for any other text (receipts such as "CEB312" too).
std::optional<MessageType> MessageTypeFromCode(std::string_view code);
// CEB element names: the record ("Order", "Payment", "Logistics", "Inventory", "InvtRefund"),
// its head ("OrderHead", ..., "InvtRefundHead") and its lines ("OrderList", "InventoryList",
// "InvtRefundList"; "" for payments and waybills, which have none).
std::string_view RecordElementName(MessageType t);
std::string_view HeadElementName(MessageType t);
std::string_view LineElementName(MessageType t);

// ---------------------------------------------------------------------------------------------
// The records. Members are the CEB fields in snake_case; their JSON and XML names are the CEB
// camelCase names (acturalPaid keeps the official misspelling). Text fields the sender left out
// are "". Required fields follow the 2022-05 XSD (海关跨境进口业务节点报文定义202205.xsd).

// CEB311 OrderHead (DOMAIN §2.3).
struct OrderHead {
  std::string guid;
  AppType app_type = AppType::kNew;
  CebTime app_time;
  std::string app_status;  // 1 draft, 2 declared
  std::string order_type;  // "I" import
  std::string order_no;
  std::string ebp_code;
  std::string ebp_name;
  std::string ebc_code;
  std::string ebc_name;
  Fen goods_value = 0;
  Fen freight = 0;
  Fen discount = 0;
  Fen tax_total = 0;
  Fen actural_paid = 0;  // must be goods_value + freight + tax_total - discount
  std::string currency;  // "142" = CNY
  std::string buyer_reg_no;
  std::string buyer_name;
  std::string buyer_telephone;
  std::string buyer_id_type;  // "1" = resident ID card
  std::string buyer_id_number;
  std::string pay_code;            // optional
  std::string pay_name;            // optional
  std::string pay_transaction_id;  // optional in the XSD (real senders omit it)
  std::string batch_numbers;       // optional
  std::string consignee;
  std::string consignee_telephone;
  std::string consignee_address;
  std::string consignee_district;  // optional, 6-digit division code
  std::string note;                // optional
  // Optional fields of other spec revisions (DOMAIN §2.3).
  std::string cop_no;
  std::string assure_code;
  std::string country;
  std::optional<Qty> net_weight;
  std::string agent_code;
  std::string logistics_code;
  std::string logistics_no;
  std::string is_buy_and_put;  // Y/N
  std::string area_id;
};

// CEB311 OrderList: one order line.
struct OrderLine {
  int gnum = 0;         // from 1
  std::string item_no;  // optional (SKU)
  std::string item_name;
  std::string gmodel;
  std::string item_describe;  // optional
  std::string bar_code;       // optional
  std::string unit;
  Qty qty;
  Fen price = 0;        // gifts 0
  Fen total_price = 0;  // should be price x qty (real senders differ: SOURCE.md)
  std::string currency;
  std::string country;
  std::string note;  // optional: explains a promotional price
  // Optional fields of other spec revisions (DOMAIN §2.3).
  std::string gcode;  // 10 digits
  std::string gname;
  std::optional<Qty> qty1;
  std::string unit1;
  std::optional<Qty> qty2;
  std::string unit2;
};

struct Order {
  OrderHead head;
  std::vector<OrderLine> lines;  // at least one
};

// CEB411 PaymentHead (DOMAIN §2.4).
struct PaymentHead {
  std::string guid;
  AppType app_type = AppType::kNew;
  CebTime app_time;
  std::string app_status;
  std::string pay_code;
  std::string pay_name;
  std::string pay_transaction_id;
  std::string order_no;
  std::string ebp_code;
  std::string ebp_name;
  std::string payer_id_type;
  std::string payer_id_number;
  std::string payer_name;
  std::string telephone;  // optional
  Fen amount_paid = 0;
  std::string currency;
  CebTime pay_time;
  std::string note;  // optional
};

struct Payment {
  PaymentHead head;
};

// CEB511 LogisticsHead (DOMAIN §2.5).
struct LogisticsHead {
  std::string guid;
  AppType app_type = AppType::kNew;
  CebTime app_time;
  std::string app_status;
  std::string logistics_code;
  std::string logistics_name;
  std::string logistics_no;
  std::string bill_no;  // optional
  std::string order_no;
  std::optional<Fen> freight;      // optional: absent means 0 ("无则填0")
  std::optional<Fen> insured_fee;  // optional: absent means 0
  std::string currency;
  Qty weight;  // gross, kg
  int pack_no = 0;
  std::string goods_info;  // optional
  std::string consignee;
  std::string consignee_address;
  std::string consignee_telephone;
  std::string note;  // optional
};

struct Waybill {
  LogisticsHead head;
};

// CEB621 InventoryHead (DOMAIN §2.6).
struct InventoryHead {
  std::string guid;
  AppType app_type = AppType::kNew;
  CebTime app_time;
  std::string app_status;
  std::string order_no;
  std::string ebp_code;
  std::string ebp_name;
  std::string ebc_code;
  std::string ebc_name;
  std::string logistics_no;
  std::string logistics_code;
  std::string logistics_name;
  std::string cop_no;  // optional: the enterprise's own number of the list
  std::string pre_no;  // optional
  std::string assure_code;
  std::string ems_no;   // optional; bonded: the account book
  std::string invt_no;  // optional; assigned by customs
  std::string ie_flag;  // "I"
  CebTime decl_time;
  std::string customs_code;
  std::string port_code;
  std::optional<CebTime> ie_date;
  std::string buyer_id_type;
  std::string buyer_id_number;
  std::string buyer_name;
  std::string buyer_telephone;
  std::string consignee_address;
  std::string agent_code;
  std::string agent_name;
  std::string area_code;   // optional; bonded: the zone warehouse enterprise
  std::string area_name;   // optional
  std::string trade_mode;  // "9610" direct purchase, "1210" bonded
  std::string traf_mode;
  std::string traf_no;     // optional
  std::string voyage_no;   // optional
  std::string bill_no;     // optional
  std::string loct_no;     // optional
  std::string license_no;  // optional
  std::string country;
  Fen freight = 0;
  Fen insured_fee = 0;
  std::string currency;
  std::string wrap_type;  // optional
  int pack_no = 0;
  Qty gross_weight;
  Qty net_weight;
  std::string note;  // optional
};

// CEB621 InventoryList: one line of the declaration list.
struct InventoryLine {
  int gnum = 0;                // matches the order line of the same gnum
  std::string item_record_no;  // optional; bonded: account-book item number
  std::string item_no;         // optional
  std::string item_name;       // optional
  std::string gcode;           // 10 digits
  std::string gname;
  std::string gmodel;
  std::string bar_code;  // optional
  std::string country;
  std::string trade_country;  // optional
  std::string currency;
  Qty qty;
  std::string unit;
  Qty qty1;
  std::string unit1;
  std::optional<Qty> qty2;
  std::string unit2;  // optional
  Fen price = 0;
  Fen total_price = 0;
  std::string note;  // optional
};

struct Inventory {
  InventoryHead head;
  std::vector<InventoryLine> lines;  // at least one
};

// CEB625 InvtRefundHead: a return request against a released list.
struct RefundHead {
  std::string guid;
  AppType app_type = AppType::kNew;
  CebTime app_time;
  std::string app_status;
  std::string customs_code;
  std::string order_no;
  std::string ebp_code;
  std::string ebp_name;
  std::string ebc_code;
  std::string ebc_name;
  std::string logistics_no;
  std::string logistics_code;
  std::string logistics_name;
  std::string cop_no;   // optional
  std::string pre_no;   // optional
  std::string invt_no;  // the original list's number
  std::string buyer_id_type;
  std::string buyer_id_number;
  std::string buyer_name;
  std::string buyer_telephone;
  std::string agent_code;
  std::string agent_name;
  std::string reason;
  std::string note;  // optional
};

// CEB625 InvtRefundList: a returned line (gnum of the original list).
struct RefundLine {
  int gnum = 0;
  std::string gcode;
  std::string gname;
  Qty qty;
  std::string unit;
  std::string note;  // optional
};

struct Refund {
  RefundHead head;
  std::vector<RefundLine> lines;  // at least one
};

// BaseTransfer: who transmitted the message.
struct BaseTransfer {
  std::string cop_code;
  std::string cop_name;
  std::string dxp_mode;
  std::string dxp_id;
  std::string note;  // optional
};

// Maximum records in one message (the XSD's maxOccurs) and lines in one record (a safety cap).
inline constexpr size_t kMaxRecordsPerMessage = 100;
inline constexpr size_t kMaxLinesPerRecord = 1000;

// One CEB message: several business records of one type. Only the vector matching `type` is
// filled.
struct CebMessage {
  MessageType type = MessageType::kOrder;
  std::string guid;     // root attribute; "" when the sender left it out
  std::string version;  // root attribute; "" when left out
  std::optional<BaseTransfer> base_transfer;
  bool has_signature = false;    // an XML-DSig Signature block was present (not verified)
  std::string signature_method;  // its SignatureMethod Algorithm URI, "" when none
  std::vector<Order> orders;
  std::vector<Payment> payments;
  std::vector<Waybill> waybills;
  std::vector<Inventory> inventories;
  std::vector<Refund> refunds;

  size_t record_count() const;
};

// ---------------------------------------------------------------------------------------------
// Identity: the same message re-sent is stored once; a corrected one (appType 2/3) is a new
// version of the same business document.

struct MessageIdentity {
  MessageType type = MessageType::kOrder;
  std::string guid;  // the head's guid (one per message version)
  // The business document this record is a version of, "name=value" pairs joined by '|':
  //   order      "ebpCode=...|orderNo=..."
  //   payment    "payCode=...|payTransactionId=..."
  //   waybill    "logisticsCode=...|logisticsNo=..."
  //   inventory  "agentCode=...|copNo=..." (or "ebpCode=...|orderNo=..." without a copNo: one
  //              list per order)
  //   refund     "agentCode=...|copNo=..." (or "invtNo=..." without a copNo)
  std::string business_key;
  AppType app_type = AppType::kNew;
  CebTime app_time;
};

MessageIdentity IdentityOf(const Order& r);
MessageIdentity IdentityOf(const Payment& r);
MessageIdentity IdentityOf(const Waybill& r);
MessageIdentity IdentityOf(const Inventory& r);
MessageIdentity IdentityOf(const Refund& r);
// The identity of every record of the message, in record order.
std::vector<MessageIdentity> IdentitiesOf(const CebMessage& message);

// ---------------------------------------------------------------------------------------------
// Text form: one head or line as element name -> text, before typing. The XML reader and the
// JSON codec both produce it, then the same rules type it.

struct CebFields {
  // Prefix naming this group in errors, e.g. "CEB311Message/Order[2]/OrderHead/" or
  // "records[1].OrderHead.": an error reads "field '<where><name>' ...".
  std::string where;
  // Element name -> text (the XML reader trims surrounding whitespace). "" means absent.
  // Names no rule knows are ignored.
  std::map<std::string, std::string, std::less<>> values;
};

struct CebRecordText {
  std::string where;  // names the record in errors, e.g. "CEB311Message/Order[2]"
  CebFields head;
  std::vector<CebFields> lines;  // must be empty for payments and waybills
};

// Types one record of message.type and appends it to the matching vector of `message`.
// InvalidArgument "field '<where><name>' ..." for a required field that is absent or empty, a
// text over the XSD's maxLength (in characters), an amount that is not N16,2 (at most two
// decimals), a quantity or weight that is not N19,5, an integer that is not one, a timestamp
// that is not 8/14/17 digits of a real time, an appType other than 1/2/3; InvalidArgument for a
// record without lines where lines are required (orders, lists, returns), lines where none are
// allowed, more than kMaxLinesPerRecord lines, or a message already holding
// kMaxRecordsPerMessage records.
Status AppendRecordFromText(const CebRecordText& text, CebMessage& message);
// BaseTransfer from its text; same errors as above.
StatusOr<BaseTransfer> BaseTransferFromText(const CebFields& fields);

// ---------------------------------------------------------------------------------------------
// JSON codec. A record is an object keyed by the CEB element names, fields in camelCase:
//   order      {"OrderHead": {...}, "OrderList": [{...}, ...]}
//   payment    {"PaymentHead": {...}}
//   waybill    {"LogisticsHead": {...}}
//   inventory  {"InventoryHead": {...}, "InventoryList": [{...}, ...]}
//   refund     {"InvtRefundHead": {...}, "InvtRefundList": [{...}, ...]}
// Field values are JSON strings exactly as CEB writes them (amounts "190.50", quantities
// "0.06", timestamps "20160308112701", appType "1"), except gnum and packNo, which are JSON
// integers. Output writes every field: amounts as "19050.00", quantities in shortest form,
// timestamps at their precision, absent optional numbers as null, absent texts as "".
// Parsing is strict: InvalidArgument naming the field path (prefixed by `path`, e.g.
// "records[0]") for a value of the wrong JSON type, and every error of AppendRecordFromText.
// Unknown keys are ignored.

Json OrderToJson(const Order& r);
Json PaymentToJson(const Payment& r);
Json WaybillToJson(const Waybill& r);
Json InventoryToJson(const Inventory& r);
Json RefundToJson(const Refund& r);
StatusOr<Order> OrderFromJson(const Json& obj, std::string_view path = "");
StatusOr<Payment> PaymentFromJson(const Json& obj, std::string_view path = "");
StatusOr<Waybill> WaybillFromJson(const Json& obj, std::string_view path = "");
StatusOr<Inventory> InventoryFromJson(const Json& obj, std::string_view path = "");
StatusOr<Refund> RefundFromJson(const Json& obj, std::string_view path = "");

// A whole message: {"messageType": "CEB311", "guid": "...", "version": "...",
// "records": [record, ...], "baseTransfer": {...} | null, "hasSignature": bool,
// "signatureMethod": "..."}. On input messageType and records (1..kMaxRecordsPerMessage) are
// required; guid, version, baseTransfer, hasSignature and signatureMethod are optional.
Json CebMessageToJson(const CebMessage& message);
StatusOr<CebMessage> CebMessageFromJson(const Json& obj);

}  // namespace core
