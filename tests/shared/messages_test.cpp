// Tests for the CEB message values: exact amounts and quantities, timestamps, the strict JSON
// codec of every record type, the text form's errors, and message identity.
#include "core/messages.h"

#include <doctest/doctest.h>

#include <string>

#include "verdict_fixtures.h"

namespace core {
namespace {

using testing::Require;

// An order as a platform would send it (values of the official 2022 CEB311 sample).
constexpr std::string_view kOrderJson = R"({
  "OrderHead": {
    "guid": "4CDE1CFD-EDED-46B1-946C-B8022E42FC94", "appType": "1",
    "appTime": "20160308112701", "appStatus": "2", "orderType": "I",
    "orderNo": "order20160321116421002", "ebpCode": "1105910159",
    "ebpName": "东方物通科技(北京)有限公司", "ebcCode": "1105910159",
    "ebcName": "东方物通科技(北京)有限公司", "goodsValue": "14000", "freight": "5000",
    "discount": "0", "taxTotal": "50", "acturalPaid": "19050", "currency": "142",
    "buyerRegNo": "ID20160001", "buyerName": "aa", "buyerTelephone": "18813025940",
    "buyerIdType": "1", "buyerIdNumber": "130681136250023332", "payCode": "1105910159",
    "payTransactionId": "20160001634226001", "consignee": "焦洪宇",
    "consigneeTelephone": "13522652231", "consigneeAddress": "北京市海淀区",
    "consigneeDistrict": "072750", "note": "test"},
  "OrderList": [
    {"gnum": 1, "itemNo": "AF001-001", "itemName": "b", "gmodel": "33mm", "unit": "007",
     "qty": "100", "price": "20", "totalPrice": "2000", "currency": "142", "country": "116"},
    {"gnum": 2, "itemNo": "AF001-002", "itemName": "v", "gmodel": "33mm", "unit": "007",
     "qty": "200", "price": "10", "totalPrice": "12000", "currency": "142", "country": "116",
     "qty1": "0.06", "unit1": "035"}
  ]
})";

constexpr std::string_view kPaymentJson = R"({"PaymentHead": {
  "guid": "4CDE1CFD-EDED-46B1-946C-B8022E42FC94", "appType": "1", "appTime": "20160308112745",
  "appStatus": "2", "payCode": "1101110323", "payName": "测试企业",
  "payTransactionId": "P0242250007", "orderNo": "order2016030811340007",
  "ebpCode": "1101110325", "ebpName": "测试企业", "payerIdType": "1",
  "payerIdNumber": "130625021345225322", "payerName": "支付人", "telephone": "13256254445",
  "amountPaid": "19050", "currency": "142", "payTime": "20160315153555"}})";

constexpr std::string_view kWaybillJson = R"({"LogisticsHead": {
  "guid": "4CDE1CFD-EDED-46B1-946C-B8022E42FC94", "appType": "1", "appTime": "20160315153555",
  "appStatus": "2", "logisticsCode": "1101180326", "logisticsName": "测试物流企业",
  "logisticsNo": "L201603081138007", "orderNo": "order20160321116421002",
  "freight": "5000", "currency": "142", "weight": "4000", "packNo": 1,
  "consignee": "李小可", "consigneeAddress": "北京市海淀区",
  "consigneeTelephone": "13936921298"}})";

constexpr std::string_view kInventoryJson = R"({
  "InventoryHead": {
    "guid": "CEB621_HNZB_FXJK_20220208175055_0035", "appType": "1",
    "appTime": "20220208175055", "appStatus": "2", "orderNo": "48037605991776256",
    "ebpCode": "46121601BC", "ebpName": "海南星创互联网医药有限公司", "ebcCode": "46121601BC",
    "ebcName": "海南星创互联网医药有限公司", "logisticsNo": "2222222",
    "logisticsCode": "4101986180", "logisticsName": "圆通", "copNo": "4101W68006",
    "assureCode": "4101960AGP", "ieFlag": "I", "declTime": "20220208", "customsCode": "4601",
    "portCode": "4601", "ieDate": "20220208", "buyerIdType": "1",
    "buyerIdNumber": "612326199005306719", "buyerName": "用户_15150368",
    "buyerTelephone": "18209182500", "consigneeAddress": "哈布斯堡", "agentCode": "46121601BC",
    "agentName": "海南星创互联网医药有限公司", "tradeMode": "9610", "trafMode": "W",
    "country": "142", "freight": "0.00", "insuredFee": "0", "currency": "142", "packNo": 1,
    "grossWeight": "0.07", "netWeight": "0.06"},
  "InventoryList": [
    {"gnum": 1, "itemRecordNo": "0797776159482", "itemNo": "HNGGKJ00000057",
     "itemName": "通用铁剂胶囊", "gcode": "2106909090", "gname": "ACTIVE IRON",
     "gmodel": "30粒/盒", "country": "306", "currency": "142", "qty": "1", "unit": "140",
     "qty1": "0.06", "unit1": "035", "price": "0.01", "totalPrice": "0.01"}
  ]
})";

constexpr std::string_view kRefundJson = R"({
  "InvtRefundHead": {
    "guid": "5923DGGB-9940-415B-B666-C09BOO7F40B2", "appType": "1", "appTime": "20160310112703",
    "appStatus": "1", "customsCode": "8030", "orderNo": "order20160317119400055",
    "ebpCode": "1105910159", "ebpName": "测试企业", "ebcCode": "1105910158",
    "ebcName": "测试企业", "logisticsNo": "L2016031000001", "logisticsCode": "1101081122",
    "logisticsName": "测试物流企业", "copNo": "cop201604210001",
    "invtNo": "15003213300400111", "buyerIdType": "1", "buyerIdNumber": "130681196203023331",
    "buyerName": "王方", "buyerTelephone": "13936921298", "agentCode": "1105910158",
    "agentName": "测试企业", "reason": "1105910158"},
  "InvtRefundList": [{"gnum": 1, "gcode": "2412342134", "gname": "可乐", "qty": "12",
                      "unit": "007"}]
})";

Json Parse(std::string_view text) { return Require(ParseJson(text)); }

// The error message of a failed parse (fails the test when it succeeded).
template <typename T>
std::string ErrorOf(const StatusOr<T>& r) {
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kInvalidArgument);
  return r.status().message();
}

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("CEB amounts are exact fen with at most two decimals") {
  CHECK(Require(ParseCebAmount("19050")) == 1905000);
  CHECK(Require(ParseCebAmount("0.01")) == 1);
  CHECK(Require(ParseCebAmount("12.3")) == 1230);
  CHECK(Require(ParseCebAmount("12.30")) == 1230);
  CHECK(Require(ParseCebAmount("007")) == 700);
  CHECK(Require(ParseCebAmount("0")) == 0);
  CHECK(Contains(ErrorOf(ParseCebAmount("12.345")), "more than 2 decimals"));
  CHECK(Contains(ErrorOf(ParseCebAmount("12.345")), "'12.345'"));
  for (std::string_view bad :
       {"", "-1", "+1", "1,000", ".5", "5.", " 1", "1 ", "1e3", "12.3a", "¥12", "0x10"}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseCebAmount(bad).ok());
  }
  // N16,2: 14 integer digits fit the type but not the core's ceiling of kMaxFen.
  CHECK(Require(ParseCebAmount("10000000000000")) == kMaxFen);
  CHECK_FALSE(ParseCebAmount("10000000000000.01").ok());
  CHECK_FALSE(ParseCebAmount("100000000000000").ok());
}

TEST_CASE("quantities and weights are exact to 1e-5") {
  CHECK(Require(ParseQty("100")).e5 == 10000000);
  CHECK(Require(ParseQty("0.06")).e5 == 6000);
  CHECK(Require(ParseQty("12.50000")).e5 == 1250000);
  CHECK(Require(ParseQty("0.00001")).e5 == 1);
  CHECK(Require(ParseQty("0001.5")).e5 == 150000);
  CHECK(Contains(ErrorOf(ParseQty("1.123456")), "5 decimals"));
  for (std::string_view bad : {"", "-1", "1.", ".1", "1,5", "abc", "1 "}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseQty(bad).ok());
  }
  CHECK(Require(ParseQty("9999999999999.99999")).e5 == kMaxQtyE5 - 1);
  CHECK_FALSE(ParseQty("10000000000000").ok());
  CHECK(FormatQty(Qty{10000000}) == "100");
  CHECK(FormatQty(Qty{6000}) == "0.06");
  CHECK(FormatQty(Qty{1250000}) == "12.5");
  CHECK(FormatQty(Qty{1}) == "0.00001");
  CHECK(FormatQty(Qty{0}) == "0");
  CHECK(Qty{6000} < Qty{7000});
}

TEST_CASE("CEB timestamps keep 8, 14 and 17 digits") {
  const CebTime day = Require(CebTime::Parse("20160308"));
  CHECK(day.precision() == 8);
  CHECK(day.date() == Require(Date::FromYmd(2016, 3, 8)));
  CHECK(day.ToDigits() == "20160308");
  CHECK(day.ToIso() == "2016-03-08");

  const CebTime t = Require(CebTime::Parse("20160308112701"));
  CHECK(t.hour() == 11);
  CHECK(t.minute() == 27);
  CHECK(t.second() == 1);
  CHECK(t.ToDigits() == "20160308112701");
  CHECK(t.ToIso() == "2016-03-08T11:27:01");

  const CebTime ms = Require(CebTime::Parse("20160308112701123"));
  CHECK(ms.millisecond() == 123);
  CHECK(ms.ToDigits() == "20160308112701123");
  CHECK(ms.ToIso() == "2016-03-08T11:27:01.123");

  CHECK(day < t);
  CHECK(t < ms);
  CHECK(Require(CebTime::Parse("20160308112701")) == t);
  // Same instant, coarser precision first.
  CHECK(Require(CebTime::Parse("20160308000000")) > day);

  // A real Hangzhou sender wrote 20190387041959 (SOURCE.md): day 87 is no date.
  CHECK(Contains(ErrorOf(CebTime::Parse("20190387041959")), "real date"));
  CHECK(Contains(ErrorOf(CebTime::Parse("20160308240000")), "time of day"));
  CHECK(Contains(ErrorOf(CebTime::Parse("20160308126000")), "time of day"));
  for (std::string_view bad :
       {"", "2016030", "201603081127", "2016-03-08", "2016030811270a", "201603081127011"}) {
    CAPTURE(bad);
    CHECK_FALSE(CebTime::Parse(bad).ok());
  }
}

TEST_CASE("message type names") {
  CHECK(MessageTypeCode(MessageType::kInventory) == "CEB621");
  CHECK(MessageTypeFromCode("CEB511") == MessageType::kWaybill);
  CHECK_FALSE(MessageTypeFromCode("CEB312").has_value());
  CHECK(RecordElementName(MessageType::kWaybill) == "Logistics");
  CHECK(HeadElementName(MessageType::kRefund) == "InvtRefundHead");
  CHECK(LineElementName(MessageType::kPayment).empty());
  CHECK(AppTypeName(AppType::kChange) == "change");
}

TEST_CASE("an order parses from JSON with typed values") {
  const Order o = Require(OrderFromJson(Parse(kOrderJson)));
  CHECK(o.head.order_no == "order20160321116421002");
  CHECK(o.head.app_type == AppType::kNew);
  CHECK(o.head.app_time.ToDigits() == "20160308112701");
  CHECK(o.head.goods_value == 1400000);
  CHECK(o.head.freight == 500000);
  CHECK(o.head.tax_total == 5000);
  CHECK(o.head.actural_paid == 1905000);
  CHECK(o.head.pay_name.empty());  // optional and absent
  CHECK_FALSE(o.head.net_weight.has_value());
  REQUIRE(o.lines.size() == 2);
  CHECK(o.lines[1].gnum == 2);
  CHECK(o.lines[1].qty.e5 == 20000000);
  CHECK(o.lines[1].price == 1000);
  CHECK(o.lines[1].total_price == 1200000);
  REQUIRE(o.lines[1].qty1.has_value());
  CHECK(o.lines[1].qty1->e5 == 6000);
  CHECK_FALSE(o.lines[0].qty1.has_value());
}

TEST_CASE("every record type survives a JSON round trip") {
  auto round_trip = [](std::string_view text, auto from, auto to) {
    const Json first = to(Require(from(Parse(text), "")));
    const Json second = to(Require(from(first, "")));
    CHECK(DumpJson(first) == DumpJson(second));
    return first;
  };
  const Json order = round_trip(kOrderJson, OrderFromJson, OrderToJson);
  CHECK(order["OrderHead"]["acturalPaid"] == "19050.00");
  CHECK(order["OrderHead"]["netWeight"].is_null());
  CHECK(order["OrderHead"]["payName"] == "");
  CHECK(order["OrderList"][1]["qty1"] == "0.06");
  CHECK(order["OrderList"][1]["gnum"] == 2);
  const Json payment = round_trip(kPaymentJson, PaymentFromJson, PaymentToJson);
  CHECK(payment["PaymentHead"]["payTime"] == "20160315153555");
  const Json waybill = round_trip(kWaybillJson, WaybillFromJson, WaybillToJson);
  CHECK(waybill["LogisticsHead"]["insuredFee"].is_null());
  CHECK(waybill["LogisticsHead"]["freight"] == "5000.00");
  const Json list = round_trip(kInventoryJson, InventoryFromJson, InventoryToJson);
  CHECK(list["InventoryHead"]["declTime"] == "20220208");
  CHECK(list["InventoryHead"]["grossWeight"] == "0.07");
  CHECK(list["InventoryList"][0]["price"] == "0.01");
  const Json refund = round_trip(kRefundJson, RefundFromJson, RefundToJson);
  CHECK(refund["InvtRefundHead"]["invtNo"] == "15003213300400111");
  CHECK(refund["InvtRefundList"][0]["qty"] == "12");
}

TEST_CASE("JSON parsing is strict and names the field") {
  Json j = Parse(kOrderJson);
  SUBCASE("an amount with three decimals") {
    j["OrderHead"]["goodsValue"] = "12.345";
    const std::string e = ErrorOf(OrderFromJson(j, "order"));
    CHECK(Contains(e, "field 'order.OrderHead.goodsValue'"));
    CHECK(Contains(e, "more than 2 decimals"));
  }
  SUBCASE("an amount as a JSON number") {
    j["OrderHead"]["acturalPaid"] = 19050;
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "field 'OrderHead.acturalPaid' must be a string"));
  }
  SUBCASE("a float is refused as well") {
    j["OrderList"][0]["price"] = 20.5;
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "field 'OrderList[0].price' must be a string"));
  }
  SUBCASE("gnum as a string") {
    j["OrderList"][1]["gnum"] = "2";
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "field 'OrderList[1].gnum' must be an integer"));
  }
  SUBCASE("gnum zero") {
    j["OrderList"][1]["gnum"] = 0;
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "'OrderList[1].gnum' must be a positive integer"));
  }
  SUBCASE("a missing required field") {
    j["OrderHead"].erase("orderNo");
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "field 'OrderHead.orderNo' is required"));
  }
  SUBCASE("an empty required field counts as missing") {
    j["OrderHead"]["buyerIdNumber"] = "";
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "field 'OrderHead.buyerIdNumber' is required"));
  }
  SUBCASE("a text over the XSD length") {
    j["OrderHead"]["orderNo"] = std::string(61, 'A');
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "longer than 60 characters"));
  }
  SUBCASE("Chinese text is measured in characters, not bytes") {
    std::string name;
    for (int i = 0; i < 60; ++i) name += "张";
    j["OrderHead"]["buyerName"] = name;
    CHECK(OrderFromJson(j).ok());
    j["OrderHead"]["buyerName"] = name + "张";
    CHECK_FALSE(OrderFromJson(j).ok());
  }
  SUBCASE("a bad appType") {
    j["OrderHead"]["appType"] = "4";
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "field 'OrderHead.appType' must be 1"));
  }
  SUBCASE("a bad timestamp") {
    j["OrderHead"]["appTime"] = "2016-03-08";
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "field 'OrderHead.appTime' must be a time"));
  }
  SUBCASE("a quantity with six decimals") {
    j["OrderList"][0]["qty"] = "1.000001";
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "'OrderList[0].qty' has more than 5 decimals"));
  }
  SUBCASE("no lines") {
    j.erase("OrderList");
    CHECK(Contains(ErrorOf(OrderFromJson(j, "order")), "needs at least one OrderList line"));
  }
  SUBCASE("lines not an array") {
    j["OrderList"] = Json::object();
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "field 'OrderList' must be an array"));
  }
  SUBCASE("no head") {
    j.erase("OrderHead");
    CHECK(Contains(ErrorOf(OrderFromJson(j)), "field 'OrderHead' is required"));
  }
  SUBCASE("not an object") { CHECK_FALSE(OrderFromJson(Json::array()).ok()); }
  SUBCASE("unknown keys are ignored, null is absent") {
    j["OrderHead"]["sortlineId"] = "X1";
    j["OrderHead"]["note"] = nullptr;
    j["extra"] = 1;
    CHECK(Require(OrderFromJson(j)).head.note.empty());
  }
}

TEST_CASE("a payment with lines or a waybill missing its weight is refused") {
  Json w = Parse(kWaybillJson);
  w["LogisticsHead"].erase("weight");
  CHECK(Contains(ErrorOf(WaybillFromJson(w)), "field 'LogisticsHead.weight' is required"));
  Json w2 = Parse(kWaybillJson);
  w2["LogisticsHead"]["packNo"] = "1";
  CHECK(Contains(ErrorOf(WaybillFromJson(w2)), "'LogisticsHead.packNo' must be an integer"));

  CebRecordText text;
  text.where = "x";
  text.head.values = {{"guid", "G"}};
  text.lines.push_back({});
  CebMessage m;
  m.type = MessageType::kPayment;
  CHECK(Contains(AppendRecordFromText(text, m).message(), "record 'x' may not have lines"));
}

TEST_CASE("the text form names fields with the reader's prefix") {
  CebMessage m;
  m.type = MessageType::kRefund;
  const Refund r = Require(RefundFromJson(Parse(kRefundJson)));
  CebRecordText text;
  text.where = "CEB625Message/InvtRefund[4]";
  text.head.where = "CEB625Message/InvtRefund[4]/InvtRefundHead/";
  const Json head = RefundToJson(r)["InvtRefundHead"];
  for (auto it = head.begin(); it != head.end(); ++it) {
    if (it->is_string()) text.head.values[it.key()] = it->get<std::string>();
  }
  CebFields line;
  line.where = "CEB625Message/InvtRefund[4]/InvtRefundList[1]/";
  line.values = {{"gnum", "01"},  {"gcode", "2412342134"}, {"gname", "可乐"},
                 {"qty", "12.5"}, {"unit", "007"},         {"unknownThing", "ignored"}};
  text.lines.push_back(line);
  REQUIRE(AppendRecordFromText(text, m).ok());
  REQUIRE(m.refunds.size() == 1);
  CHECK(m.refunds[0].lines[0].gnum == 1);  // leading zero tolerated
  CHECK(m.refunds[0].lines[0].qty.e5 == 1250000);

  text.lines[0].values["qty"] = "12.5.1";
  const Status s = AppendRecordFromText(text, m);
  CHECK(Contains(s.message(), "field 'CEB625Message/InvtRefund[4]/InvtRefundList[1]/qty'"));
  text.lines.clear();
  CHECK(Contains(AppendRecordFromText(text, m).message(),
                 "record 'CEB625Message/InvtRefund[4]' needs at least one InvtRefundList line"));
}

TEST_CASE("a message holds at most 100 records") {
  const Json order = Parse(kOrderJson);
  Json msg = {{"messageType", "CEB311"}, {"records", Json::array()}};
  for (int i = 0; i < 100; ++i) msg["records"].push_back(order);
  CHECK(Require(CebMessageFromJson(msg)).orders.size() == 100);
  msg["records"].push_back(order);
  CHECK(Contains(ErrorOf(CebMessageFromJson(msg)), "more than 100 records"));
}

TEST_CASE("a whole message through JSON") {
  Json msg = {{"messageType", "CEB411"},
              {"guid", "G-1"},
              {"records", Json::array({Parse(kPaymentJson), Parse(kPaymentJson)})},
              {"baseTransfer",
               {{"copCode", "1101180326"},
                {"copName", "物流企业"},
                {"dxpMode", "DXP"},
                {"dxpId", "EXP2016522002580001"}}}};
  const CebMessage m = Require(CebMessageFromJson(msg));
  CHECK(m.type == MessageType::kPayment);
  CHECK(m.guid == "G-1");
  CHECK(m.payments.size() == 2);
  CHECK(m.record_count() == 2);
  REQUIRE(m.base_transfer.has_value());
  CHECK(m.base_transfer->dxp_id == "EXP2016522002580001");
  const Json out = CebMessageToJson(m);
  CHECK(out["messageType"] == "CEB411");
  CHECK(out["records"].size() == 2);
  CHECK(out["hasSignature"] == false);
  CHECK(DumpJson(CebMessageToJson(Require(CebMessageFromJson(out)))) == DumpJson(out));

  SUBCASE("errors name the record") {
    msg["records"][1]["PaymentHead"]["amountPaid"] = "1.001";
    CHECK(Contains(ErrorOf(CebMessageFromJson(msg)),
                   "field 'records[1].PaymentHead.amountPaid' has more than 2 decimals"));
  }
  SUBCASE("a record of another type does not fit") {
    msg["records"][1] = Parse(kOrderJson);
    CHECK(Contains(ErrorOf(CebMessageFromJson(msg)), "field 'records[1].PaymentHead' is required"));
  }
  SUBCASE("receipts and unknown types are refused") {
    msg["messageType"] = "CEB412";
    CHECK(Contains(ErrorOf(CebMessageFromJson(msg)), "field 'messageType' must be CEB311"));
  }
  SUBCASE("no records") {
    msg["records"] = Json::array();
    CHECK(Contains(ErrorOf(CebMessageFromJson(msg)), "at least one record"));
  }
  SUBCASE("a BaseTransfer without dxpId") {
    msg["baseTransfer"].erase("dxpId");
    CHECK(Contains(ErrorOf(CebMessageFromJson(msg)), "field 'baseTransfer.dxpId' is required"));
  }
}

TEST_CASE("identity: guid per version, business key per document") {
  const Order o = Require(OrderFromJson(Parse(kOrderJson)));
  const MessageIdentity id = IdentityOf(o);
  CHECK(id.type == MessageType::kOrder);
  CHECK(id.guid == "4CDE1CFD-EDED-46B1-946C-B8022E42FC94");
  CHECK(id.business_key == "ebpCode=1105910159|orderNo=order20160321116421002");
  CHECK(id.app_type == AppType::kNew);
  CHECK(id.app_time.ToDigits() == "20160308112701");

  Json changed = Parse(kOrderJson);
  changed["OrderHead"]["appType"] = "2";
  changed["OrderHead"]["guid"] = "4CDE1CFD-EDED-46B1-946C-B8022E42FC95";
  changed["OrderHead"]["goodsValue"] = "13000";
  const MessageIdentity id2 = IdentityOf(Require(OrderFromJson(changed)));
  CHECK(id2.business_key == id.business_key);  // a new version of the same order
  CHECK(id2.guid != id.guid);
  CHECK(id2.app_type == AppType::kChange);

  CHECK(IdentityOf(Require(PaymentFromJson(Parse(kPaymentJson)))).business_key ==
        "payCode=1101110323|payTransactionId=P0242250007");
  CHECK(IdentityOf(Require(WaybillFromJson(Parse(kWaybillJson)))).business_key ==
        "logisticsCode=1101180326|logisticsNo=L201603081138007");
  Inventory list = Require(InventoryFromJson(Parse(kInventoryJson)));
  CHECK(IdentityOf(list).business_key == "agentCode=46121601BC|copNo=4101W68006");
  list.head.cop_no.clear();
  CHECK(IdentityOf(list).business_key == "ebpCode=46121601BC|orderNo=48037605991776256");
  Refund refund = Require(RefundFromJson(Parse(kRefundJson)));
  CHECK(IdentityOf(refund).business_key == "agentCode=1105910158|copNo=cop201604210001");
  refund.head.cop_no.clear();
  CHECK(IdentityOf(refund).business_key == "invtNo=15003213300400111");

  CebMessage m;
  m.type = MessageType::kOrder;
  m.orders = {o, o};
  CHECK(IdentitiesOf(m).size() == 2);
}

}  // namespace
}  // namespace core
