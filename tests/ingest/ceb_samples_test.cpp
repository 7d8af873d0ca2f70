// Tests for the CEB XML reader against every real sample under shared/testdata/ceb: each one is
// read, and the official 2018/2022 and real enterprise messages give their values. Reads files.
#include "ceb_samples.h"

#include <doctest/doctest.h>

#include <string>

#include "core/json.h"
#include "ingest/ceb_xml.h"

namespace server {
namespace {

using core::CebMessage;
using core::MessageType;
using testing::Contains;
using testing::kOfficial2018;
using testing::kOfficial2022;
using testing::ParseSample;
using testing::ReadSample;
using testing::RecordsJson;

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
}  // namespace
}  // namespace server
