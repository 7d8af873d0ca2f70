// Tests for the CEB XML reader on crafted input: the quirks real senders produce (SOURCE.md) are
// read, and bad input (malformed, wrong namespace, bad fields, huge, XXE) is refused by name.
#include "ingest/ceb_xml.h"

#include <doctest/doctest.h>

#include <string>

#include "ceb_samples.h"
#include "core/json.h"

namespace server {
namespace {

using core::CebMessage;
using core::MessageType;
using testing::Contains;
using testing::kOfficial2022;
using testing::ParseSample;
using testing::ReadSample;
using testing::RecordsJson;

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
