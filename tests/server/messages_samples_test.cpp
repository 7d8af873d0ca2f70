// Server tests: the real CEB messages of ../shared/testdata/ceb through the API, as XML and as
// the same records in JSON: both forms give the same receipts. The official samples repeat one
// guid across records; where the content repeats too the copies are duplicates, where it differs
// the message is refused whole. Reads files.
#include <doctest/doctest.h>

#include "../ingest/ceb_samples.h"
#include "ceb_fixtures.h"
#include "test_server.h"

namespace server::testing {
namespace {

// The sample's records as a JSON request.
core::Json JsonForm(const core::CebMessage& m) {
  core::Json messages = core::Json::array();
  const std::string type(core::MessageTypeCode(m.type));
  const core::Json whole = core::CebMessageToJson(m);
  for (const core::Json& record : whole["records"]) {
    messages.push_back(JsonItem(type, record));
  }
  return {{"messages", messages}};
}

struct Outcome {
  int http = 0;
  std::vector<std::string> receipts;  // "type guid business_key status"

  bool operator==(const Outcome&) const = default;
};

Outcome OutcomeOf(const Response& r) {
  Outcome o;
  o.http = r.status;
  for (const core::Json& rc : r.json["receipts"]) {
    o.receipts.push_back(rc["type"].get<std::string>() + " " + rc["guid"].get<std::string>() + " " +
                         rc["business_key"].get<std::string>() + " " +
                         rc["status"].get<std::string>());
  }
  return o;
}

std::vector<std::string> Statuses(const Response& r) {
  std::vector<std::string> out;
  for (const core::Json& rc : r.json["receipts"]) out.push_back(rc["status"].get<std::string>());
  return out;
}

std::vector<std::string> Repeat(const std::string& first, size_t n, const std::string& rest) {
  std::vector<std::string> out(n, rest);
  out[0] = first;
  return out;
}

TEST_CASE("every ingestible sample: the JSON form of its records is the same message") {
  // One server for all samples, in name order: the XML goes first; its records in JSON then
  // answer exactly as the XML did when it was refused (nothing changed in between), or as
  // duplicates of the very same stored messages when it was accepted.
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  int ingestible = 0;
  int accepted = 0;
  for (const std::string& rel : AllSamples()) {
    CAPTURE(rel);
    const std::string bytes = ReadSample(rel);
    core::StatusOr<CebEnvelope> env = ProbeCebXml(bytes);
    REQUIRE(env.ok());
    Response xml = SubmitXml(s, admin, bytes);
    if (!env->ingestible) {
      CHECK(xml.status == 400);
      CHECK(xml.ErrorMessage().find("is not ingested") != std::string::npos);
      continue;
    }
    ++ingestible;
    CHECK(xml.json["receipts"].size() == env->record_count);
    Response json = SubmitJson(s, admin, JsonForm(ParseSample(rel)));
    if (xml.status != 200) {
      CHECK(OutcomeOf(xml) == OutcomeOf(json));
      continue;
    }
    ++accepted;
    REQUIRE(json.status == 200);
    REQUIRE(json.json["receipts"].size() == xml.json["receipts"].size());
    for (size_t i = 0; i < xml.json["receipts"].size(); ++i) {
      CHECK(json.json["receipts"][i]["status"] == "duplicate");
      CHECK(json.json["receipts"][i]["message_id"] == xml.json["receipts"][i]["message_id"]);
    }
    // A stored XML document is kept byte for byte, BOM and signature included.
    if (!xml.json["document_id"].is_null()) {
      const int64_t id = xml.json["receipts"][0]["message_id"].get<int64_t>();
      Response raw = s.Get("/api/v1/messages/" + std::to_string(id) + "/raw", officer);
      CHECK(raw.body == bytes);
    }
  }
  CHECK(ingestible == 14);
  CHECK(accepted >= 6);
}

TEST_CASE("the official 2022 samples: repeated records are duplicates, reused guids refuse") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  const std::string dir = kOfficial2022;
  // Six copies of one order: stored once.
  Response orders = SubmitXml(s, admin, ReadSample(dir + "CEB311Message.xml"));
  REQUIRE(orders.status == 200);
  CHECK(Statuses(orders) == Repeat("stored", 6, "duplicate"));
  // Ten payments, two distinct (guids ...94 and ...95, alternating).
  Response payments = SubmitXml(s, admin, ReadSample(dir + "CEB411Message.xml"));
  REQUIRE(payments.status == 200);
  std::vector<std::string> expected(10, "duplicate");
  expected[0] = expected[1] = "stored";
  CHECK(Statuses(payments) == expected);
  // Waybills for different orders under one guid: the message is refused whole.
  auto before = IngestCounts(s);
  Response waybills = SubmitXml(s, admin, ReadSample(dir + "CEB511Message.xml"));
  CHECK(waybills.status == 409);
  CHECK(waybills.json["receipts"][1]["errors"][0]["code"] == "already_exists");
  CHECK(waybills.json["receipts"][0]["errors"][0]["code"] == "not_stored");
  // A return of a list never released is refused.
  Response refunds = SubmitXml(s, admin, ReadSample(dir + "CEB625Message.xml"));
  CHECK(refunds.status == 409);
  CHECK(refunds.ErrorMessage().find("no released list") != std::string::npos);
  CHECK(IngestCounts(s) == before);
  // The 2018 edition holds the same order: a duplicate of the 2022 one.
  Response again =
      SubmitXml(s, admin, ReadSample(std::string(kOfficial2018) + "CEB311Message.xml"));
  CHECK(again.status == 200);
  CHECK(again.json["summary"]["duplicate"] == 6);
}

TEST_CASE("real enterprise samples: a signed copy is the same message; a resent order refuses") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  Response list = SubmitXml(
      s, admin, ReadSample("chinaport-data-signature/webapp-resources/CEB621Message.xml"));
  REQUIRE_MESSAGE(list.status == 200, list.body);
  const int64_t id = list.json["receipts"][0]["declaration_id"].get<int64_t>();
  core::Json d = Declaration(s, admin, id);
  CHECK(d["status"] == 2);
  CHECK(d["history"][0]["detail"]["missing"] == core::Json::array({"order", "payment", "waybill"}));
  Response signed_copy = SubmitXml(
      s, admin, ReadSample("chinaport-data-signature/webapp-resources/CEB621Message_signed.xml"));
  CHECK(signed_copy.status == 200);
  CHECK(Statuses(signed_copy) == std::vector<std::string>{"duplicate"});

  Response first = SubmitXml(
      s, admin, ReadSample("chinaport-data-signature/extracted/CEB311Message_sm2_signed.xml"));
  CHECK(first.status == 200);
  // The same order number from the same platform under a new guid, again as "new": refused.
  Response resent = SubmitXml(
      s, admin, ReadSample("chinaport-data-signature/extracted/CEB311Message_upload_test.xml"));
  CHECK(resent.status == 409);
  CHECK(resent.ErrorMessage().find("appType 2") != std::string::npos);
}

}  // namespace
}  // namespace server::testing
