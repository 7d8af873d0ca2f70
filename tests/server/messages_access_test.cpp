// Server tests: who may submit and read CEB messages and declarations. An enterprise submits only
// records naming its customs code and reads only those; customs reads everything; another
// enterprise's ids answer 404; a document holding other enterprises' records is not shown whole.
#include <doctest/doctest.h>

#include <set>

#include "ceb_fixtures.h"
#include "test_server.h"

namespace server::testing {
namespace {

int64_t MessageId(const Response& r, size_t i = 0) {
  REQUIRE_MESSAGE(r.status == 200, r.body);
  return r.json["receipts"][i]["message_id"].get<int64_t>();
}

TEST_CASE("each sender submits its own documents; others are refused and nothing is stored") {
  TestServer s({.seed_demo = true});
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  std::string zzpay = s.Login("zzpay", kEnterprisePassword);
  std::string ztlog = s.Login("ztlog", kEnterprisePassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  CebSet set = MakeSet(Spec("ACC"));
  auto before = IngestCounts(s);

  // The platform may not send the carrier's waybill, alone or inside a batch.
  Response waybill = SubmitJson(s, hnby, JsonItem("CEB511", core::WaybillToJson(set.waybill)));
  CHECK(waybill.status == 403);
  CHECK(waybill.json["receipts"][0]["errors"][0]["code"] == "permission_denied");
  CHECK(waybill.ErrorMessage().find(kHnbyCode) != std::string::npos);
  Response mixed = SubmitJson(s, hnby, BatchJson(set));
  CHECK(mixed.status == 403);
  CHECK(mixed.json["receipts"][0]["status"] == "rejected");
  CHECK(mixed.json["receipts"][0]["errors"][0]["code"] == "not_stored");
  CHECK(mixed.json["receipts"][2]["errors"][0]["code"] == "permission_denied");
  // Officers read; they do not send enterprise messages.
  CHECK(SubmitJson(s, officer, JsonItem("CEB311", core::OrderToJson(set.order))).status == 403);
  // An enterprise not admitted may not send anything.
  std::string oldlog = s.Login("oldlog", kEnterprisePassword);
  Response pending = SubmitJson(s, oldlog, JsonItem("CEB511", core::WaybillToJson(set.waybill)));
  CHECK(pending.status == 409);
  CHECK(pending.ErrorCode() == "failed_precondition");
  CHECK(IngestCounts(s) == before);

  const int64_t order =
      MessageId(SubmitJson(s, hnby, JsonItem("CEB311", core::OrderToJson(set.order))));
  const int64_t payment =
      MessageId(SubmitJson(s, zzpay, JsonItem("CEB411", core::PaymentToJson(set.payment))));
  const int64_t bill =
      MessageId(SubmitJson(s, ztlog, JsonItem("CEB511", core::WaybillToJson(set.waybill))));
  Response list_r = SubmitJson(s, hnby, JsonItem("CEB621", core::InventoryToJson(set.list)));
  const int64_t list = MessageId(list_r);
  const int64_t declaration = list_r.json["receipts"][0]["declaration_id"].get<int64_t>();
  CHECK(Declaration(s, officer, declaration)["status"] == 800);

  auto ids_seen = [&](const std::string& cookie) {
    std::set<int64_t> ids;
    Response r = s.Get("/api/v1/messages", cookie);
    REQUIRE(r.status == 200);
    for (const core::Json& m : r.json["items"]) ids.insert(m["id"].get<int64_t>());
    CHECK(r.json["total"] == static_cast<int64_t>(ids.size()));
    return ids;
  };
  CHECK(ids_seen(officer) == std::set<int64_t>{order, payment, bill, list});
  CHECK(ids_seen(hnby) == std::set<int64_t>{order, payment, list});  // hnby is the platform
  CHECK(ids_seen(zzpay) == std::set<int64_t>{order, payment});       // the order names zzpay
  CHECK(ids_seen(ztlog) == std::set<int64_t>{bill, list});           // the list names ztlog

  std::string jp = s.Login("jpbeauty", kEnterprisePassword);
  CHECK(ids_seen(jp).empty());
  for (int64_t id : {order, payment, bill, list}) {
    CAPTURE(id);
    Response m = s.Get("/api/v1/messages/" + std::to_string(id), jp);
    CHECK(m.status == 404);
    CHECK(m.ErrorCode() == "not_found");
    CHECK(s.Get("/api/v1/messages/" + std::to_string(id) + "/raw", jp).status == 404);
  }
  CHECK(s.Get("/api/v1/messages/" + std::to_string(bill), hnby).status == 404);
  CHECK(s.Get("/api/v1/messages/" + std::to_string(bill), ztlog).status == 200);

  const std::string path = "/api/v1/declarations/" + std::to_string(declaration);
  CHECK(s.Get(path, jp).status == 404);
  CHECK(s.Get(path, zzpay).status == 404);  // the list does not name the payment enterprise
  CHECK(s.Get(path, ztlog).status == 200);
  CHECK(s.Get(path, hnby).status == 200);
  CHECK(s.Get("/api/v1/declarations", jp).json["total"] == 0);
  CHECK(s.Get("/api/v1/declarations", zzpay).json["total"] == 0);
  CHECK(s.Get("/api/v1/declarations", ztlog).json["total"] == 1);
  // Filters cannot widen an enterprise's view.
  CHECK(s.Get(std::string("/api/v1/declarations?ebc=") + kHnbyCode, jp).json["total"] == 0);
  CHECK(s.Get("/api/v1/messages?order_no=ORD-ACC", jp).json["total"] == 0);
}

TEST_CASE("a document with other enterprises' records is not shown whole to an enterprise") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  CebSet mine = MakeSet(Spec("MINE"));
  SetSpec theirs_spec = Spec("THEIRS");
  theirs_spec.ebp = kJpCode;
  theirs_spec.ebc = kJpCode;
  theirs_spec.pay = "";
  CebSet theirs = MakeSet(theirs_spec);
  const std::string xml = CebXml(core::MessageType::kOrder,
                                 {core::OrderToJson(mine.order), core::OrderToJson(theirs.order)});
  Response r = SubmitXml(s, admin, xml);
  const int64_t id = MessageId(r, 0);
  Response got = s.Get("/api/v1/messages/" + std::to_string(id), hnby);
  REQUIRE(got.status == 200);
  CHECK(got.json["raw_withheld"] == true);
  CHECK(got.json["raw"].is_null());
  CHECK(got.body.find(kJpCode) == std::string::npos);
  CHECK(s.Get("/api/v1/messages/" + std::to_string(id) + "/raw", hnby).status == 404);
  Response officer_view = s.Get("/api/v1/messages/" + std::to_string(id) + "/raw",
                                s.Login("officer", kOfficerPassword));
  CHECK(officer_view.status == 200);
  CHECK(officer_view.body == xml);
}

TEST_CASE("messages and declarations: paging and filters") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  for (int i = 0; i < 3; ++i) {
    SetSpec spec = Spec("PG" + std::to_string(i));
    spec.decl_date = "2026112" + std::to_string(i + 1);
    SubmitSet(s, admin, MakeSet(spec));
  }
  Response page = s.Get("/api/v1/messages?limit=5&offset=2", admin);
  REQUIRE(page.status == 200);
  CHECK(page.json["total"] == 12);
  CHECK(page.json["items"].size() == 5);
  CHECK(s.Get("/api/v1/messages?type=CEB411", admin).json["total"] == 3);
  CHECK(s.Get("/api/v1/messages?guid=ORDER-PG1", admin).json["total"] == 1);
  CHECK(s.Get("/api/v1/messages?state=superseded", admin).json["total"] == 0);
  CHECK(s.Get("/api/v1/messages?limit=-1", admin).status == 400);
  CHECK(s.Get("/api/v1/declarations?from=2026-11-22", admin).json["total"] == 2);
  CHECK(s.Get("/api/v1/declarations?from=2026-11-22&to=2026-11-22", admin).json["total"] == 1);
  CHECK(s.Get("/api/v1/declarations?to=2026-11-21", admin).json["total"] == 1);
  CHECK(s.Get("/api/v1/declarations?from=20261122", admin).status == 400);
  CHECK(s.Get(std::string("/api/v1/declarations?ebc=") + kHnbyCode, admin).json["total"] == 3);
  CHECK(s.Get("/api/v1/declarations?ebc=0000000000", admin).json["total"] == 0);
  Response one = s.Get("/api/v1/declarations?order_no=ORD-PG2&status=800", admin);
  REQUIRE(one.json["total"] == 1);
  CHECK(one.json["items"][0]["decl_date"] == "2026-11-23");
  CHECK(one.json["items"][0]["status_name"] == "released");
}

}  // namespace
}  // namespace server::testing
