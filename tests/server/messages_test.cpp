// Server tests: CEB message ingestion over HTTP: JSON and XML submissions, receipts, the raw
// bytes kept, idempotency, versions, and the screening of a complete set into a released list
// with its tax bill (or a rejected one with the reconciliation's finding codes).
#include <doctest/doctest.h>

#include "ceb_fixtures.h"
#include "test_server.h"

namespace server::testing {
namespace {

TEST_CASE("a consistent set sent as XML by its three senders is released with a tax bill") {
  TestServer s({.seed_demo = true});
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  std::string zzpay = s.Login("zzpay", kEnterprisePassword);
  std::string ztlog = s.Login("ztlog", kEnterprisePassword);
  CebSet set = MakeSet({});

  // The list first: stored, waiting for the rest of its set.
  Response list =
      SubmitXml(s, hnby, CebXml(core::MessageType::kInventory, {core::InventoryToJson(set.list)}));
  REQUIRE_MESSAGE(list.status == 200, list.body);
  REQUIRE(list.json["receipts"].size() == 1);
  const core::Json& receipt = list.json["receipts"][0];
  CHECK(receipt["status"] == "stored");
  CHECK(receipt["type"] == "CEB621");
  CHECK(receipt["guid"] == "LIST-0001");
  CHECK(receipt["business_key"] == "agentCode=4101460012|copNo=COP-0001");
  CHECK(receipt["version"] == 1);
  CHECK(receipt["where"] == "CEB621Message/Inventory[1]");
  const int64_t id = receipt["declaration_id"].get<int64_t>();
  core::Json d = Declaration(s, hnby, id);
  CHECK(d["status"] == 2);
  CHECK(d["status_name"] == "declaring");
  CHECK(d["history"][0]["detail"]["missing"] == core::Json::array({"order", "payment", "waybill"}));

  REQUIRE(SubmitXml(s, hnby, CebXml(core::MessageType::kOrder, {core::OrderToJson(set.order)}),
                    "text/xml; charset=utf-8")
              .status == 200);
  REQUIRE(
      SubmitXml(s, zzpay, CebXml(core::MessageType::kPayment, {core::PaymentToJson(set.payment)}))
          .status == 200);
  CHECK(Declaration(s, hnby, id)["history"].back()["detail"]["missing"] ==
        core::Json::array({"waybill"}));
  Response waybill =
      SubmitXml(s, ztlog, CebXml(core::MessageType::kWaybill, {core::WaybillToJson(set.waybill)}));
  REQUIRE_MESSAGE(waybill.status == 200, waybill.body);

  d = Declaration(s, hnby, id);
  CAPTURE(core::DumpJson(d));
  CHECK(d["status"] == 800);
  CHECK(d["status_name"] == "released");
  CHECK(d["released_on"] == kToday);
  CHECK(History(d) == std::vector<std::string>{"2:AWAITING_DOCUMENTS", "2:AWAITING_DOCUMENTS",
                                               "2:AWAITING_DOCUMENTS", "120:SET_COMPLETE",
                                               "800:ROUTE_DEFAULT_RELEASE"});
  CHECK(d["history"].back()["actor_name"] == "system");
  CHECK(d["history"].back()["detail"]["triggered_by"] == "ztlog");
  // invtNo assigned on acceptance: customs 4606, the year, 'I', nine digits.
  const std::string invt_no = d["invt_no"].get<std::string>();
  CHECK(invt_no.size() == 18);
  CHECK(invt_no.substr(0, 9) == "46062026I");
  const core::Json& screening = d["screening"];
  CHECK(screening["reconciliation"]["outcome"] == "consistent");
  CHECK(screening["quota"]["path"] == "cbec");
  CHECK(screening["quota"]["value_fen"] == 40900);
  CHECK(screening["tax"]["outcome"] == "computed");
  // The set: four current documents.
  for (const char* doc : {"order", "payment", "waybill", "inventory"}) {
    CAPTURE(doc);
    CHECK(d["set"][doc]["message_id"].is_number_integer());
  }
  // Tax bill: P = 399.00 + 10.00 freight; VAT 9.1% = 37.22; no duty or CT within the limits.
  const core::Json& bill = d["tax_bill"];
  REQUIRE(bill.is_object());
  CHECK(bill["invt_no"] == invt_no);
  CHECK(bill["customs_tax_fen"] == 0);
  CHECK(bill["consumption_tax_fen"] == 0);
  CHECK(bill["value_added_tax_fen"] == 3722);
  CHECK(bill["total_fen"] == 3722);
  CHECK(bill["status"] == "1");
  REQUIRE(bill["lines"].size() == 1);
  CHECK(bill["lines"][0]["gcode"] == "8510100000");
  CHECK(bill["lines"][0]["tax_price_fen"] == 40900);
  CHECK(bill["lines"][0]["value_added_tax_fen"] == 3722);
  CHECK(s.Count("tax_bills") == 1);
  CHECK(s.Count("buyer_quota_entries") == 1);

  CHECK(screening["reconciliation"]["findings"].empty());
}

TEST_CASE("a JSON batch stores the set in one request; the same batch again changes nothing") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  CebSet set = MakeSet(Spec("B1"));
  auto before = IngestCounts(s);
  Response r = SubmitJson(s, admin, BatchJson(set));
  REQUIRE_MESSAGE(r.status == 200, r.body);
  CHECK(r.json["summary"]["records"] == 4);
  CHECK(r.json["summary"]["stored"] == 4);
  CHECK(r.json["summary"]["rejected"] == 0);
  const std::vector<std::string> types = {"CEB311", "CEB411", "CEB511", "CEB621"};
  for (size_t i = 0; i < 4; ++i) {
    CHECK(r.json["receipts"][i]["type"] == types[i]);
    CHECK(r.json["receipts"][i]["where"] == "messages[" + std::to_string(i) + "]");
  }
  const int64_t id = r.json["receipts"][3]["declaration_id"].get<int64_t>();
  CHECK(Declaration(s, admin, id)["status"] == 800);
  auto after = IngestCounts(s);
  CHECK(after["ceb_documents"] == before["ceb_documents"] + 1);
  CHECK(after["ceb_messages"] == before["ceb_messages"] + 4);
  CHECK(after["audit_log"] == before["audit_log"] + 1);

  // The same bytes again: every record a duplicate with its stored id, and no row anywhere.
  Response again = SubmitJson(s, admin, BatchJson(set));
  REQUIRE(again.status == 200);
  CHECK(again.json["summary"]["duplicate"] == 4);
  CHECK(again.json["document_id"].is_null());
  for (size_t i = 0; i < 4; ++i) {
    CHECK(again.json["receipts"][i]["status"] == "duplicate");
    CHECK(again.json["receipts"][i]["message_id"] == r.json["receipts"][i]["message_id"]);
  }
  CHECK(again.json["receipts"][3]["declaration_id"] == id);
  CHECK(IngestCounts(s) == after);

  // The same content as XML is the same message too.
  Response xml =
      SubmitXml(s, admin, CebXml(core::MessageType::kOrder, {core::OrderToJson(set.order)}));
  REQUIRE(xml.status == 200);
  CHECK(xml.json["receipts"][0]["status"] == "duplicate");
  CHECK(IngestCounts(s) == after);

  // The audit entry names the document and what it held.
  Response audit = s.Get("/api/v1/audit?action=messages.ingest", admin);
  REQUIRE(audit.json["total"] == 1);
  const core::Json& detail = audit.json["items"][0]["detail"];
  CHECK(detail["stored"] == 4);
  CHECK(detail["format"] == "json");
  CHECK(detail["declarations_screened"] == core::Json::array({id}));
  CHECK(s.Get("/api/v1/audit/verify", admin).json["ok"] == true);
}

TEST_CASE("the raw bytes are kept exactly and the parsed record is served beside them") {
  TestServer s({.seed_demo = true});
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  CebSet set = MakeSet(Spec("RAW"));
  std::string xml = CebXml(core::MessageType::kOrder, {core::OrderToJson(set.order)});
  Response r = SubmitXml(s, hnby, xml);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  const int64_t id = r.json["receipts"][0]["message_id"].get<int64_t>();
  Response raw = s.Get("/api/v1/messages/" + std::to_string(id) + "/raw", hnby);
  REQUIRE(raw.status == 200);
  CHECK(raw.body == xml);
  CHECK(raw.Header("Content-Type").find("application/xml") == 0);
  Response got = s.Get("/api/v1/messages/" + std::to_string(id), hnby);
  REQUIRE(got.status == 200);
  CHECK(got.json["raw"] == xml);
  CHECK(got.json["raw_withheld"] == false);
  CHECK(got.json["record"] == core::OrderToJson(set.order));
  CHECK(got.json["document"]["format"] == "xml");
  CHECK(got.json["document"]["compression"] == "zlib");
  CHECK(got.json["document"]["size_bytes"] == static_cast<int64_t>(xml.size()));
  CHECK(raw.Header("X-Content-SHA256") == got.json["document"]["sha256"]);
  CHECK(got.json["parties"] ==
        core::Json::array({kHnbyCode, kZzpayCode}));  // ebp = ebc, and the payCode it names
  CHECK(got.json["state"] == "current");

  // The bytes in the table are compressed: tampering with them is detected on read.
  auto db = s.OpenDb();
  REQUIRE(db->Exec("UPDATE ceb_documents SET body = zeroblob(10)").ok());
  CHECK(s.Get("/api/v1/messages/" + std::to_string(id) + "/raw", hnby).status == 500);
}

TEST_CASE("appType 2 keeps the old version beside the new; appType 3 withdraws") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  CebSet set = MakeSet(Spec("V1"));
  Response first =
      SubmitJson(s, admin, {{"type", "CEB311"}, {"message", core::OrderToJson(set.order)}});
  REQUIRE(first.status == 200);
  CHECK(first.json["receipts"][0]["where"] == "message");
  const int64_t v1 = first.json["receipts"][0]["message_id"].get<int64_t>();

  // A second "new" order under the same business key is refused: it needs appType 2.
  core::Order again = set.order;
  again.head.guid = "ORDER-V1-AGAIN";
  Response dup = SubmitJson(s, admin, {{"type", "CEB311"}, {"message", core::OrderToJson(again)}});
  CHECK(dup.status == 409);
  CHECK(dup.json["receipts"][0]["status"] == "rejected");
  CHECK(dup.json["receipts"][0]["errors"][0]["code"] == "already_exists");

  // The same guid with other content is refused too.
  core::Order changed_same_guid = set.order;
  changed_same_guid.head.buyer_reg_no = "someone-else";
  Response clash =
      SubmitJson(s, admin, {{"type", "CEB311"}, {"message", core::OrderToJson(changed_same_guid)}});
  CHECK(clash.status == 409);
  CHECK(clash.ErrorMessage().find("different content") != std::string::npos);

  core::Order v2 = set.order;
  v2.head.guid = "ORDER-V1-2";
  v2.head.app_type = core::AppType::kChange;
  v2.head.buyer_reg_no = "corrected";
  Response second = SubmitJson(s, admin, {{"type", "CEB311"}, {"message", core::OrderToJson(v2)}});
  REQUIRE_MESSAGE(second.status == 200, second.body);
  CHECK(second.json["receipts"][0]["status"] == "new_version");
  CHECK(second.json["receipts"][0]["version"] == 2);
  CHECK(second.json["receipts"][0]["business_key"] == first.json["receipts"][0]["business_key"]);
  Response versions = s.Get("/api/v1/messages?type=CEB311&order_no=ORD-V1", admin);
  REQUIRE(versions.json["total"] == 2);
  CHECK(versions.json["items"][0]["version"] == 2);
  CHECK(versions.json["items"][0]["state"] == "current");
  CHECK(versions.json["items"][1]["version"] == 1);
  CHECK(versions.json["items"][1]["state"] == "superseded");
  // The old version is still there, unchanged.
  Response old = s.Get("/api/v1/messages/" + std::to_string(v1), admin);
  CHECK(old.json["record"]["OrderHead"]["buyerRegNo"] == "buyer-V1");
  CHECK(old.json["versions"].size() == 2);
  // The normalised table holds the current version only.
  auto db = s.OpenDb();
  auto q = db->Query("SELECT COUNT(*), MAX(message_id) FROM ceb_orders WHERE order_no = 'ORD-V1'");
  REQUIRE(*q->Step());
  CHECK(q->Int(0) == 1);
  CHECK(q->Int(1) == second.json["receipts"][0]["message_id"].get<int64_t>());

  core::Order v3 = v2;
  v3.head.guid = "ORDER-V1-3";
  v3.head.app_type = core::AppType::kDelete;
  Response withdrawn =
      SubmitJson(s, admin, {{"type", "CEB311"}, {"message", core::OrderToJson(v3)}});
  REQUIRE(withdrawn.status == 200);
  CHECK(withdrawn.json["receipts"][0]["status"] == "withdrawn");
  CHECK(withdrawn.json["receipts"][0]["version"] == 3);
  CHECK(s.Count("ceb_orders") == 0);
  CHECK(s.Count("ceb_messages") == 3);
  // Nothing left to change.
  core::Order v4 = v2;
  v4.head.guid = "ORDER-V1-4";
  Response gone = SubmitJson(s, admin, {{"type", "CEB311"}, {"message", core::OrderToJson(v4)}});
  CHECK(gone.status == 404);
  // A new order may follow the withdrawal (version 4).
  core::Order v5 = set.order;
  v5.head.guid = "ORDER-V1-5";
  Response anew = SubmitJson(s, admin, {{"type", "CEB311"}, {"message", core::OrderToJson(v5)}});
  REQUIRE(anew.status == 200);
  CHECK(anew.json["receipts"][0]["status"] == "stored");
  CHECK(anew.json["receipts"][0]["version"] == 4);
}

}  // namespace
}  // namespace server::testing
