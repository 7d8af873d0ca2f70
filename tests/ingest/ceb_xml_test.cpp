// Tests for the CEB XML reader: every real sample under shared/testdata/ceb parses with its
// values, the quirks of real senders are read, and bad input is refused with the element named.
#include "ingest/ceb_xml.h"

#include <doctest/doctest.h>

#include <string>

#include "ceb_samples.h"
#include "core/json.h"

namespace server {
namespace {

using core::CebMessage;
using core::MessageType;
using testing::kOfficial2018;
using testing::kOfficial2022;
using testing::ParseSample;
using testing::ReadSample;

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  size_t at = 0;
  while ((at = text.find(from, at)) != std::string::npos) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

// Replaces the n-th (1-based) occurrence only.
std::string ReplaceNth(std::string text, std::string_view from, std::string_view to, int n) {
  size_t at = 0;
  for (int i = 0; i < n; ++i) {
    at = text.find(from, i == 0 ? 0 : at + 1);
    REQUIRE_MESSAGE(at != std::string::npos, "occurrence " << n << " of " << from);
  }
  return text.replace(at, from.size(), to);
}

std::string ErrorOf(std::string_view xml) {
  core::StatusOr<CebMessage> m = ParseCebXml(xml);
  REQUIRE_FALSE(m.ok());
  return m.status().message();
}

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::string RecordsJson(const CebMessage& m) {
  return core::DumpJson(core::CebMessageToJson(m)["records"]);
}

// A small order in the shape of the real Hainan upload test, with its text fields as
// placeholders so the same message can be written in UTF-8 or GBK.
constexpr std::string_view kOrderTemplate = R"(<?xml version="1.0" encoding="@ENC@"?>
<ceb:CEB311Message guid="G-1" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb">
  <ceb:Order>
    <ceb:OrderHead>
      <ceb:guid>CEB311_HNZB_HNFX_20230707223752_006</ceb:guid>
      <ceb:appType>1</ceb:appType>
      <ceb:appTime>20230704181028</ceb:appTime>
      <ceb:appStatus>2</ceb:appStatus>
      <ceb:orderType>I</ceb:orderType>
      <ceb:orderNo>T_C5051511332138160010</ceb:orderNo>
      <ceb:ebpCode>4601630004</ceb:ebpCode>
      <ceb:ebpName>@NAME@</ceb:ebpName>
      <ceb:ebcCode>4601630004</ceb:ebcCode>
      <ceb:ebcName>@NAME@</ceb:ebcName>
      <ceb:goodsValue>10.5</ceb:goodsValue>
      <ceb:freight>0</ceb:freight>
      <ceb:discount>0</ceb:discount>
      <ceb:taxTotal>0</ceb:taxTotal>
      <ceb:acturalPaid>10.50</ceb:acturalPaid>
      <ceb:currency>142</ceb:currency>
      <ceb:buyerRegNo>4</ceb:buyerRegNo>
      <ceb:buyerName>@CONSIGNEE@</ceb:buyerName>
      <ceb:buyerTelephone>13701727375</ceb:buyerTelephone>
      <ceb:buyerIdType>1</ceb:buyerIdType>
      <ceb:buyerIdNumber>130435200009241538</ceb:buyerIdNumber>
      <ceb:consignee>@CONSIGNEE@</ceb:consignee>
      <ceb:consigneeTelephone>13701727375</ceb:consigneeTelephone>
      <ceb:consigneeAddress>@ADDRESS@</ceb:consigneeAddress>
      <ceb:note/>
    </ceb:OrderHead>
    <ceb:OrderList>
      <ceb:gnum>1</ceb:gnum>
      <ceb:itemName>LANNA</ceb:itemName>
      <ceb:gmodel>10/pack</ceb:gmodel>
      <ceb:unit>011</ceb:unit>
      <ceb:qty>1</ceb:qty>
      <ceb:price>10.50</ceb:price>
      <ceb:totalPrice>10.50</ceb:totalPrice>
      <ceb:currency>142</ceb:currency>
      <ceb:country>136</ceb:country>
    </ceb:OrderList>
  </ceb:Order>
  <ceb:BaseTransfer>
    <ceb:copCode>4601630004</ceb:copCode>
    <ceb:copName>@NAME@</ceb:copName>
    <ceb:dxpMode>DXP</ceb:dxpMode>
    <ceb:dxpId>DXPENT0000530815</ceb:dxpId>
  </ceb:BaseTransfer>
</ceb:CEB311Message>
)";

std::string Utf8Order() {
  std::string x = Replace(std::string(kOrderTemplate), "@ENC@", "UTF-8");
  x = Replace(x, "@NAME@", "测试企业");
  x = Replace(x, "@CONSIGNEE@", "焦洪宇");
  return Replace(x, "@ADDRESS@", "北京市海淀区");
}

// ---------------------------------------------------------------------------------------------
// The real samples.

TEST_CASE("every CEB sample under shared/testdata/ceb is read") {
  const std::vector<std::string> files = testing::AllSamples();
  // 16 official 2022 + 5 official 2018 + 2 webapp + 2 extracted (SOURCE.md).
  CHECK(files.size() == 25);
  int ingested = 0;
  for (const std::string& f : files) {
    CAPTURE(f);
    const std::string bytes = ReadSample(f);
    core::StatusOr<CebEnvelope> env = ProbeCebXml(bytes);
    REQUIRE_MESSAGE(env.ok(), env.status().ToString());
    CHECK(env->record_count >= 1);
    core::StatusOr<CebMessage> m = ParseCebXml(bytes);
    if (env->ingestible) {
      REQUIRE_MESSAGE(m.ok(), m.status().ToString());
      CHECK(core::MessageTypeCode(m->type) == env->message_type);
      CHECK(m->record_count() == env->record_count);
      CHECK(m->has_signature == env->has_signature);
      ++ingested;
    } else {
      // Receipts, cancellations and warehouse messages: known, but not ingested.
      REQUIRE_FALSE(m.ok());
      CHECK(Contains(m.status().message(), "message type " + env->message_type +
                                               " is not "
                                               "ingested"));
    }
  }
  // 311 x 4 (2018, 2022, 2 extracted), 411 x 2, 511 x 2, 621 x 4 (2018, 2022, 2 webapp),
  // 625 x 2.
  CHECK(ingested == 14);
}

TEST_CASE("official 2022 CEB311: 6 orders x 2 lines, BOM, SM2 signature") {
  const std::string bytes = ReadSample(std::string(kOfficial2022) + "CEB311Message.xml");
  REQUIRE(bytes.rfind("\xEF\xBB\xBF", 0) == 0);  // the sample really starts with a BOM
  const CebMessage m = ParseSample(std::string(kOfficial2022) + "CEB311Message.xml");
  CHECK(m.type == MessageType::kOrder);
  CHECK(m.guid == "4CDE1CFD-EDED-46B1-946C-B8022E42FC94");
  CHECK(m.version == "1.0");
  CHECK(m.has_signature);
  CHECK(m.signature_method == "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3");
  REQUIRE(m.base_transfer.has_value());
  CHECK(m.base_transfer->cop_code == "1101180326");
  CHECK(m.base_transfer->dxp_id == "EXP2016522002580001");
  REQUIRE(m.orders.size() == 6);
  for (const core::Order& o : m.orders) {
    CHECK(o.head.order_no == "order20160321116421002");
    CHECK(o.lines.size() == 2);
  }
  const core::OrderHead& h = m.orders[0].head;
  CHECK(h.app_time.ToDigits() == "20160308112701");
  CHECK(h.ebp_name == "东方物通科技(北京)有限公司");
  CHECK(h.goods_value == 1400000);
  CHECK(h.freight == 500000);
  CHECK(h.tax_total == 5000);
  CHECK(h.discount == 0);
  CHECK(h.actural_paid == 1905000);
  CHECK(h.buyer_name == "aa");
  CHECK(h.buyer_id_number == "130681136250023332");
  CHECK(h.pay_transaction_id == "20160001634226001");
  CHECK(h.consignee == "焦洪宇");
  CHECK(h.consignee_district == "072750");
  const core::OrderLine& l2 = m.orders[0].lines[1];
  CHECK(l2.gnum == 2);
  CHECK(l2.item_no == "AF001-002");
  CHECK(l2.qty.e5 == 200 * core::Qty::kScale);
  CHECK(l2.price == 1000);
  CHECK(l2.total_price == 1200000);  // 200 x 10 declared as 12000: kept as sent
  CHECK(l2.note.empty());            // <ceb:note></ceb:note>
}

TEST_CASE("official 2018 samples carry the same records with an RSA-SHA1 signature") {
  for (const char* type : {"CEB311", "CEB411", "CEB511", "CEB621", "CEB625"}) {
    CAPTURE(type);
    const std::string file = std::string(type) + "Message.xml";
    const CebMessage old_one = ParseSample(std::string(kOfficial2018) + file);
    const CebMessage new_one = ParseSample(std::string(kOfficial2022) + file);
    CHECK(old_one.signature_method == "http://www.w3.org/2000/09/xmldsig#rsa-sha1");
    CHECK(RecordsJson(old_one) == RecordsJson(new_one));
  }
}

TEST_CASE("official 2022 CEB411: 10 payments") {
  const CebMessage m = ParseSample(std::string(kOfficial2022) + "CEB411Message.xml");
  REQUIRE(m.payments.size() == 10);
  const core::PaymentHead& p = m.payments[1].head;
  CHECK(p.guid == "4CDE1CFD-EDED-46B1-946C-B8022E42FC95");
  CHECK(p.pay_code == "1101110323");
  CHECK(p.pay_transaction_id == "P0242250008");
  CHECK(p.order_no == "order2016030811340008");
  CHECK(p.payer_name == "支付人");
  CHECK(p.amount_paid == 1905000);
  CHECK(p.pay_time.ToIso() == "2016-03-15T15:35:55");
}

TEST_CASE("official 2022 CEB511: 6 waybills") {
  const CebMessage m = ParseSample(std::string(kOfficial2022) + "CEB511Message.xml");
  REQUIRE(m.waybills.size() == 6);
  const core::LogisticsHead& w = m.waybills[0].head;
  CHECK(w.logistics_no == "L201603081138007");
  CHECK(w.bill_no == "TY201603081344007");
  CHECK(w.order_no == "order20160321116421002");
  CHECK(w.freight == core::Fen{500000});
  CHECK(w.insured_fee == core::Fen{20000});
  CHECK(w.weight.e5 == 4000 * core::Qty::kScale);
  CHECK(w.pack_no == 6000);
  CHECK(w.consignee == "李小可");
  CHECK(m.waybills[3].head.order_no == "order20160321116421004");  // the odd indentation
  CHECK(m.waybills[5].head.order_no == "order20160321116421008");
}

TEST_CASE("official 2022 CEB621: 10 lists x 2 lines, 8-digit declTime") {
  const CebMessage m = ParseSample(std::string(kOfficial2022) + "CEB621Message.xml");
  REQUIRE(m.inventories.size() == 10);
  const core::Inventory& inv = m.inventories[0];
  CHECK(inv.head.order_no == "order2016030811340001");
  CHECK(inv.head.cop_no == "NBBH20160308005");
  CHECK(inv.head.invt_no.empty());  // <ceb:invtNo></ceb:invtNo>
  CHECK(inv.head.ems_no == "S1501I000164");
  CHECK(inv.head.decl_time.precision() == 8);
  CHECK(inv.head.decl_time.ToDigits() == "20160308");
  REQUIRE(inv.head.ie_date.has_value());
  CHECK(inv.head.trade_mode == "9610");
  CHECK(inv.head.freight == 50000);
  CHECK(inv.head.insured_fee == 20000);
  CHECK(inv.head.gross_weight.e5 == 4000 * core::Qty::kScale);
  REQUIRE(inv.lines.size() == 2);
  CHECK(inv.lines[0].gcode == "8541401000");
  CHECK(inv.lines[0].trade_country == "116");
  CHECK(inv.lines[1].trade_country.empty());
  CHECK(inv.lines[1].price == 6000);
  CHECK(inv.lines[1].total_price == 1200);
  REQUIRE(inv.lines[1].qty2.has_value());
  CHECK(inv.lines[1].qty2->e5 == 300 * core::Qty::kScale);
  CHECK(m.inventories[1].head.order_no == "order2016030811340008");
}

TEST_CASE("official 2022 CEB625: 10 returns") {
  const CebMessage m = ParseSample(std::string(kOfficial2022) + "CEB625Message.xml");
  REQUIRE(m.refunds.size() == 10);
  const core::Refund& r = m.refunds[0];
  CHECK(r.head.guid == "5923DGGB-9940-415B-B666-C09BOO7F40B2");  // not hex: kept as sent
  CHECK(r.head.order_no == "order20160317119400055");
  CHECK(r.head.invt_no == "15003213300400111");
  CHECK(r.head.reason == "1105910158");
  REQUIRE(r.lines.size() == 1);
  CHECK(r.lines[0].gcode == "2412342134");
  CHECK(r.lines[0].qty.e5 == 12 * core::Qty::kScale);
}

TEST_CASE("a real Hainan CEB621: no declaration, v1.0, unsigned, decimals") {
  const CebMessage m = ParseSample("chinaport-data-signature/webapp-resources/CEB621Message.xml");
  CHECK(m.version == "v1.0");
  CHECK(m.guid == "CEB621_HNZB_FXJK_20220208175054_0034");
  CHECK_FALSE(m.has_signature);
  CHECK(m.signature_method.empty());
  REQUIRE(m.inventories.size() == 1);
  const core::Inventory& inv = m.inventories[0];
  CHECK(inv.head.guid == "CEB621_HNZB_FXJK_20220208175055_0035");
  CHECK(inv.head.ebp_code == "46121601BC");
  CHECK(inv.head.freight == 0);
  CHECK(inv.head.gross_weight.e5 == 7000);
  CHECK(inv.head.net_weight.e5 == 6000);
  CHECK(inv.head.traf_mode == "W");
  CHECK(inv.lines[0].price == 1);
  CHECK(inv.lines[0].qty1.e5 == 6000);
  CHECK(inv.lines[0].gmodel.find("乳清蛋白(牛奶)65%") != std::string::npos);

  const CebMessage s =
      ParseSample("chinaport-data-signature/webapp-resources/CEB621Message_signed.xml");
  CHECK(s.has_signature);
  CHECK(s.signature_method == "http://www.w3.org/2000/09/xmldsig#rsa-sha1");
  CHECK(RecordsJson(s) == RecordsJson(m));
}

TEST_CASE("real Hainan CEB311s: ukey-signed SM2 and the upload test") {
  const CebMessage signed_order =
      ParseSample("chinaport-data-signature/extracted/CEB311Message_sm2_signed.xml");
  CHECK(signed_order.has_signature);
  CHECK(signed_order.signature_method == "http://www.w3.org/2000/09/xmldsig#sm2-sm3");
  REQUIRE(signed_order.orders.size() == 1);
  const core::OrderHead& h = signed_order.orders[0].head;
  CHECK(h.order_no == "T_C5051511332138160010");
  CHECK(h.goods_value == 1);  // 0.01
  CHECK(h.actural_paid == 1);
  CHECK(h.pay_transaction_id.empty());  // left out by the sender
  CHECK(signed_order.orders[0].lines[0].total_price == 100);

  const CebMessage upload =
      ParseSample("chinaport-data-signature/extracted/CEB311Message_upload_test.xml");
  CHECK_FALSE(upload.has_signature);
  CHECK(upload.orders[0].head.guid == "CEB311_HNZB_HNFX_20230707223752_006");
  CHECK(upload.orders[0].head.order_no == h.order_no);
}

// ---------------------------------------------------------------------------------------------
// Quirks of real senders (SOURCE.md), crafted.

TEST_CASE("the ceb: prefix and a default namespace read the same") {
  const std::string prefixed = ReadSample(std::string(kOfficial2022) + "CEB311Message.xml");
  std::string plain = Replace(prefixed, "xmlns:ceb=", "xmlns=");
  plain = Replace(plain, "<ceb:", "<");
  plain = Replace(plain, "</ceb:", "</");
  REQUIRE(plain.find("ceb:") == std::string::npos);
  const CebMessage a = ParseSample(std::string(kOfficial2022) + "CEB311Message.xml");
  core::StatusOr<CebMessage> b = ParseCebXml(plain);
  REQUIRE_MESSAGE(b.ok(), b.status().ToString());
  CHECK(RecordsJson(*b) == RecordsJson(a));
  CHECK(b->has_signature);  // ds: stays prefixed
}

TEST_CASE("a crafted order: values, empty elements, BaseTransfer") {
  core::StatusOr<CebMessage> m = ParseCebXml(Utf8Order());
  REQUIRE_MESSAGE(m.ok(), m.status().ToString());
  const core::OrderHead& h = m->orders[0].head;
  CHECK(h.goods_value == 1050);
  CHECK(h.consignee == "焦洪宇");
  CHECK(h.note.empty());  // <ceb:note/>
  CHECK(m->base_transfer->cop_name == "测试企业");
}

TEST_CASE("declared GBK and GB2312 are converted") {
  std::string gbk =
      Replace(std::string(kOrderTemplate), "@NAME@", "\xB2\xE2\xCA\xD4\xC6\xF3\xD2\xB5");
  gbk = Replace(gbk, "@CONSIGNEE@", "\xBD\xB9\xBA\xE9\xD3\xEE");
  gbk = Replace(gbk, "@ADDRESS@", "\xB1\xB1\xBE\xA9\xCA\xD0\xBA\xA3\xB5\xED\xC7\xF8");
  const std::string utf8 = RecordsJson(*ParseCebXml(Utf8Order()));
  for (std::string_view enc : {"GBK", "gb2312", "GB18030"}) {
    CAPTURE(enc);
    core::StatusOr<CebMessage> m = ParseCebXml(Replace(gbk, "@ENC@", enc));
    REQUIRE_MESSAGE(m.ok(), m.status().ToString());
    CHECK(m->orders[0].head.consignee == "焦洪宇");
    CHECK(m->orders[0].head.consignee_address == "北京市海淀区");
    CHECK(RecordsJson(*m) == utf8);
  }
  // The same GBK bytes declared as UTF-8 are not text.
  CHECK(Contains(ErrorOf(Replace(gbk, "@ENC@", "UTF-8")), "malformed XML at line"));
}

TEST_CASE("BOM without declaration, no root attributes, timestamps of 8/14/17 digits") {
  std::string x = Utf8Order();
  x = x.substr(x.find('\n') + 1);                      // no XML declaration
  x = "\xEF\xBB\xBF" + x;                              // but a BOM
  x = Replace(x, R"( guid="G-1" version="1.0")", "");  // root without guid/version
  x = Replace(x, "<ceb:appTime>20230704181028<", "<ceb:appTime>20230704181028123<");
  core::StatusOr<CebMessage> m = ParseCebXml(x);
  REQUIRE_MESSAGE(m.ok(), m.status().ToString());
  CHECK(m->guid.empty());
  CHECK(m->version.empty());
  CHECK(m->orders[0].head.app_time.precision() == 17);
  CHECK(m->orders[0].head.app_time.millisecond() == 123);
  m = ParseCebXml(Replace(x, "<ceb:appTime>20230704181028123<", "<ceb:appTime>20230704<"));
  REQUIRE(m.ok());
  CHECK(m->orders[0].head.app_time.precision() == 8);
}

TEST_CASE("padding, CDATA, unknown and foreign elements, several records") {
  std::string x = Utf8Order();
  x = Replace(x, "<ceb:orderNo>T_C5051511332138160010</ceb:orderNo>",
              "<ceb:orderNo>\n   T_C5051511332138160010   </ceb:orderNo>");
  x = Replace(x, "<ceb:consigneeAddress>北京市海淀区</ceb:consigneeAddress>",
              "<ceb:consigneeAddress><![CDATA[北京市<海淀区>]]></ceb:consigneeAddress>");
  x = Replace(x, "<ceb:note/>",
              "<ceb:note/><ceb:sortlineId>X1</ceb:sortlineId><ceb:orgCode />"
              "<foo:bar xmlns:foo=\"urn:x\">1</foo:bar><!-- comment -->");
  x = Replace(x, "</ceb:Order>\n",
              "</ceb:Order>\n<ceb:ExtendMessage><ceb:name>x</ceb:name></ceb:ExtendMessage>\n");
  // A second order: the whole record again.
  const size_t start = x.find("  <ceb:Order>");
  const size_t end = x.find("</ceb:Order>") + std::string_view("</ceb:Order>\n").size();
  x.insert(end, ReplaceNth(x.substr(start, end - start), "T_C5051511332138160010", "T_SECOND", 1));
  core::StatusOr<CebMessage> m = ParseCebXml(x);
  REQUIRE_MESSAGE(m.ok(), m.status().ToString());
  REQUIRE(m->orders.size() == 2);
  CHECK(m->orders[0].head.order_no == "T_C5051511332138160010");
  CHECK(m->orders[0].head.consignee_address == "北京市<海淀区>");
  CHECK(m->orders[1].head.order_no == "T_SECOND");
  core::StatusOr<CebEnvelope> env = ProbeCebXml(x);
  REQUIRE(env.ok());
  CHECK(env->record_count == 2);  // ExtendMessage is not a record
}

// ---------------------------------------------------------------------------------------------
// Bad input.

TEST_CASE("malformed XML") {
  const std::string x = Replace(Utf8Order(), "</ceb:orderType>", "</ceb:orderTyp>");
  const std::string e = ErrorOf(x);
  CHECK(Contains(e, "malformed XML at line 9"));
  CHECK(Contains(ErrorOf(""), "empty"));
  CHECK(Contains(ErrorOf("not xml at all"), "malformed XML"));
  CHECK(Contains(ErrorOf(Utf8Order().substr(0, 400)), "malformed XML"));
}

TEST_CASE("wrong or missing namespace, unknown message types") {
  const std::string good = Utf8Order();
  CHECK(
      Contains(ErrorOf(Replace(good, "http://www.chinaport.gov.cn/ceb", "http://example.com/ceb")),
               "is in namespace 'http://example.com/ceb', expected "
               "http://www.chinaport.gov.cn/ceb"));
  std::string none = Replace(good, " xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"", "");
  none = Replace(Replace(none, "<ceb:", "<"), "</ceb:", "</");
  CHECK(Contains(ErrorOf(none), "root element 'CEB311Message' has no namespace"));

  const std::string other = Replace(good, "CEB311Message", "CEB999Message");
  CHECK(Contains(ErrorOf(other), "message type CEB999 is not ingested"));
  core::StatusOr<CebEnvelope> env = ProbeCebXml(other);
  REQUIRE(env.ok());
  CHECK(env->message_type == "CEB999");
  CHECK_FALSE(env->ingestible);

  CHECK(Contains(ErrorOf(Replace(good, "CEB311Message", "OrderMessage")),
                 "unknown message type: root element 'OrderMessage'"));
  CHECK_FALSE(ProbeCebXml(Replace(good, "CEB311Message", "CEB31AMessage")).ok());
}

TEST_CASE("field errors name the element with 1-based record and line indexes") {
  const std::string base = ReadSample(std::string(kOfficial2022) + "CEB311Message.xml");
  SUBCASE("an amount with three decimals in record 3, line 2") {
    // Only line 2 of each order has price 10: the 3rd occurrence is order 3, line 2.
    const std::string x =
        ReplaceNth(base, "<ceb:price>10</ceb:price>", "<ceb:price>10.005</ceb:price>", 3);
    const std::string e = ErrorOf(x);
    CHECK(Contains(e, "field 'CEB311Message/Order[3]/OrderList[2]/price'"));
    CHECK(Contains(e, "more than 2 decimals"));
  }
  SUBCASE("a missing required field in record 2") {
    const std::string x =
        ReplaceNth(base, "<ceb:orderNo>order20160321116421002</ceb:orderNo>", "", 2);
    CHECK(Contains(ErrorOf(x), "field 'CEB311Message/Order[2]/OrderHead/orderNo' is required"));
  }
  SUBCASE("an empty required field counts as missing") {
    const std::string x =
        ReplaceNth(base, "<ceb:buyerName>aa</ceb:buyerName>", "<ceb:buyerName/>", 5);
    CHECK(Contains(ErrorOf(x), "field 'CEB311Message/Order[5]/OrderHead/buyerName' is required"));
  }
  SUBCASE("a repeated field") {
    const std::string x =
        ReplaceNth(base, "<ceb:qty>100</ceb:qty>", "<ceb:qty>100</ceb:qty><ceb:qty>1</ceb:qty>", 1);
    CHECK(Contains(ErrorOf(x),
                   "field 'CEB311Message/Order[1]/OrderList[1]/qty' appears more "
                   "than once"));
  }
  SUBCASE("a bad timestamp") {
    const std::string x = ReplaceNth(base, "<ceb:appTime>20160308112701</ceb:appTime>",
                                     "<ceb:appTime>20190387041959</ceb:appTime>", 6);
    CHECK(Contains(ErrorOf(x),
                   "field 'CEB311Message/Order[6]/OrderHead/appTime' is not a real "
                   "date"));
  }
  SUBCASE("a record without head or lines") {
    std::string x = Utf8Order();
    x = Replace(x, "<ceb:OrderHead>", "<ceb:OrderHeader>");
    x = Replace(x, "</ceb:OrderHead>", "</ceb:OrderHeader>");
    CHECK(Contains(ErrorOf(x), "record 'CEB311Message/Order[1]' has no OrderHead"));
    const size_t a = Utf8Order().find("    <ceb:OrderList>");
    const size_t b = Utf8Order().find("</ceb:OrderList>") + 17;
    std::string no_lines = Utf8Order();
    no_lines.erase(a, b - a);
    CHECK(Contains(ErrorOf(no_lines),
                   "record 'CEB311Message/Order[1]' needs at least one OrderList line"));
  }
  SUBCASE("a message without records") {
    std::string x = Utf8Order();
    const size_t a = x.find("  <ceb:Order>");
    const size_t b = x.find("</ceb:Order>") + 12;
    x.erase(a, b - a);
    CHECK(Contains(ErrorOf(x), "CEB311Message holds no Order record"));
  }
  SUBCASE("a payment message holding an order") {
    const std::string x = Replace(Utf8Order(), "CEB311Message", "CEB411Message");
    CHECK(Contains(ErrorOf(x), "CEB411Message holds no Payment record"));
  }
}

TEST_CASE("more than 100 records are refused") {
  std::string x = Utf8Order();
  const size_t start = x.find("  <ceb:Order>");
  const size_t end = x.find("</ceb:Order>") + std::string_view("</ceb:Order>\n").size();
  const std::string record = x.substr(start, end - start);
  std::string many;
  for (int i = 0; i < 100; ++i) many += record;
  std::string hundred = x;
  hundred.replace(start, end - start, many);
  core::StatusOr<CebMessage> m = ParseCebXml(hundred);
  REQUIRE_MESSAGE(m.ok(), m.status().ToString());
  CHECK(m->orders.size() == 100);
  std::string more = x;
  more.replace(start, end - start, many + record);
  CHECK(Contains(ErrorOf(more), "record 'CEB311Message/Order[101]': a message holds at most 100"));
}

TEST_CASE("size cap: huge payloads are refused before parsing") {
  const std::string x = Utf8Order();
  core::StatusOr<CebMessage> m = ParseCebXml(x, x.size() - 1);
  REQUIRE_FALSE(m.ok());
  CHECK(m.status().code() == core::StatusCode::kResourceExhausted);
  CHECK(ParseCebXml(x, x.size()).ok());
  const std::string huge(kDefaultMaxCebBytes + 1, ' ');
  CHECK(ParseCebXml(huge).status().code() == core::StatusCode::kResourceExhausted);
  CHECK(ProbeCebXml(huge).status().code() == core::StatusCode::kResourceExhausted);
}

TEST_CASE("XXE-safe: no DOCTYPE, no entities, no network") {
  const std::string body = Utf8Order().substr(Utf8Order().find('\n') + 1);
  SUBCASE("an external entity") {
    const std::string x =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" +
        Replace(body, "<ceb:note/>", "<ceb:note>&xxe;</ceb:note>");
    const std::string e = ErrorOf(x);
    CHECK(Contains(e, "DOCTYPE is not allowed"));
    CHECK_FALSE(Contains(e, "root:"));
  }
  SUBCASE("a network DTD") {
    const std::string x =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n" +
        body;
    CHECK(Contains(ErrorOf(x), "DOCTYPE is not allowed"));
  }
  SUBCASE("billion laughs") {
    std::string dtd = "<!DOCTYPE r [<!ENTITY a0 \"lol\">";
    for (int i = 1; i < 10; ++i) {
      dtd += "<!ENTITY a" + std::to_string(i) + " \"";
      for (int j = 0; j < 10; ++j) dtd += "&a" + std::to_string(i - 1) + ";";
      dtd += "\">";
    }
    dtd += "]>\n";
    const std::string x = dtd + Replace(body, "<ceb:note/>", "<ceb:note>&a9;</ceb:note>");
    CHECK(Contains(ErrorOf(x), "DOCTYPE is not allowed"));
    CHECK_FALSE(ProbeCebXml(x).ok());
  }
  SUBCASE("an undeclared entity is malformed, predefined ones are text") {
    CHECK(Contains(ErrorOf(Replace(body, "<ceb:note/>", "<ceb:note>&xxe;</ceb:note>")),
                   "malformed XML"));
    core::StatusOr<CebMessage> m =
        ParseCebXml(Replace(body, "<ceb:note/>", "<ceb:note>A &amp; B &#x4E2D;</ceb:note>"));
    REQUIRE(m.ok());
    CHECK(m->orders[0].head.note == "A & B 中");
  }
  // The parser (one per thread, reused) is clean again after a refusal.
  CHECK(ParseCebXml(Utf8Order()).ok());
}

}  // namespace
}  // namespace server
