// Server tests: bad CEB messages (malformed XML, another namespace, a DOCTYPE, missing fields,
// amounts with three decimals, unknown types, oversized bodies and batches, wrong content
// types) answer 4xx JSON, with a receipt per record where records could be read, and write
// nothing: a document is stored whole or not at all.
#include <doctest/doctest.h>

#include "ceb_fixtures.h"
#include "test_server.h"

namespace server::testing {
namespace {

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

TEST_CASE("bad XML documents are refused with 400 naming the problem; nothing is written") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  CebSet set = MakeSet(Spec("BAD"));
  const std::string good = CebXml(core::MessageType::kOrder, {core::OrderToJson(set.order)});
  auto before = IngestCounts(s);
  struct Case {
    std::string name;
    std::string xml;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {"malformed", good.substr(0, good.size() / 2), "malformed XML at line"},
      {"empty", "", "empty"},
      {"wrong namespace",
       Replace(good, "http://www.chinaport.gov.cn/ceb", "http://example.com/ceb"), "namespace"},
      {"receipt type",
       Replace(Replace(good, "CEB311Message", "CEB312Message"), "CEB311Message", "CEB312Message"),
       "CEB312 is not ingested"},
      {"doctype",
       Replace(good, "<ceb:CEB311Message",
               "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<ceb:CEB311Message"),
       "DOCTYPE"},
      {"missing field", Replace(good, "<ceb:orderNo>ORD-BAD</ceb:orderNo>", ""),
       "CEB311Message/Order[1]/OrderHead/orderNo"},
      {"amount scale",
       Replace(good, "<ceb:goodsValue>399.00</ceb:goodsValue>",
               "<ceb:goodsValue>399.001</ceb:goodsValue>"),
       "goodsValue"},
      {"negative amount",
       Replace(good, "<ceb:freight>10.00</ceb:freight>", "<ceb:freight>-10.00</ceb:freight>"),
       "freight"},
      {"bad timestamp",
       Replace(good, "<ceb:appTime>20261120100000</ceb:appTime>",
               "<ceb:appTime>20261320100000</ceb:appTime>"),
       "appTime"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Response r = SubmitXml(s, admin, c.xml);
    CHECK(r.status == 400);
    CHECK(r.ErrorCode() == "invalid_argument");
    CHECK_MESSAGE(r.ErrorMessage().find(c.message_part) != std::string::npos, r.ErrorMessage());
  }
  // More records than a CEB message may hold.
  std::vector<core::Json> many;
  for (int i = 0; i < 101; ++i) {
    core::Order o = set.order;
    o.head.guid = "MANY-" + std::to_string(i);
    o.head.order_no = "MANY-" + std::to_string(i);
    many.push_back(core::OrderToJson(o));
  }
  Response too_many = SubmitXml(s, admin, CebXml(core::MessageType::kOrder, many));
  CHECK(too_many.status == 400);
  CHECK(too_many.ErrorMessage().find("at most 100 records") != std::string::npos);
  CHECK(IngestCounts(s) == before);
}

TEST_CASE("bad JSON records are rejected in their receipts and the whole request writes nothing") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  CebSet set = MakeSet(Spec("BADJ"));
  auto before = IngestCounts(s);

  core::Json order = core::OrderToJson(set.order);
  core::Json missing = order;
  missing["OrderHead"].erase("orderNo");
  Response r = SubmitJson(s, admin, JsonItem("CEB311", missing));
  CHECK(r.status == 400);
  REQUIRE(r.json["receipts"].size() == 1);
  CHECK(r.json["receipts"][0]["status"] == "rejected");
  CHECK(r.json["receipts"][0]["errors"][0]["code"] == "invalid_argument");
  CHECK(r.json["receipts"][0]["errors"][0]["message"].get<std::string>().find(
            "message.OrderHead.orderNo") != std::string::npos);

  core::Json scale = order;
  scale["OrderHead"]["taxTotal"] = "37.225";
  core::Json unknown = JsonItem("CEB999", order);
  core::Json as_number = order;
  as_number["OrderHead"]["goodsValue"] = 399;
  // One good record and three bad ones: every receipt says rejected, and nothing is stored.
  Response batch = SubmitJson(s, admin,
                              {{"messages",
                                {JsonItem("CEB311", order), JsonItem("CEB311", scale), unknown,
                                 JsonItem("CEB311", as_number)}}});
  CHECK(batch.status == 400);
  CHECK(batch.ErrorMessage().find("nothing was stored") != std::string::npos);
  REQUIRE(batch.json["receipts"].size() == 4);
  CHECK(batch.json["summary"]["rejected"] == 4);
  CHECK(batch.json["receipts"][0]["errors"][0]["code"] == "not_stored");
  CHECK(batch.json["receipts"][0]["message_id"].is_null());
  CHECK(batch.json["receipts"][1]["errors"][0]["message"].get<std::string>().find("taxTotal") !=
        std::string::npos);
  CHECK(batch.json["receipts"][2]["errors"][0]["message"].get<std::string>().find("CEB999") !=
        std::string::npos);
  CHECK(batch.json["receipts"][3]["where"] == "messages[3]");

  // Bodies of the wrong shape.
  for (const std::string& body :
       {std::string("not json"), std::string("[]"), std::string("{\"foo\": 1}"),
        std::string("{\"messages\": []}"), std::string("{\"messages\": {}}"),
        std::string("{\"type\": \"CEB311\", \"message\": {}, \"messages\": []}")}) {
    CAPTURE(body);
    Response bad = s.Send("POST", "/api/v1/messages", body, admin);
    CHECK(bad.status == 400);
    CHECK(bad.ErrorCode() == "invalid_argument");
  }
  // More records than a JSON request may hold.
  core::Json big = {{"messages", core::Json::array()}};
  for (int i = 0; i < 1001; ++i)
    big["messages"].push_back(JsonItem("CEB311", core::Json::object()));
  Response too_many = SubmitJson(s, admin, big);
  CHECK(too_many.status == 400);
  CHECK(too_many.ErrorMessage().find("more than 1000") != std::string::npos);
  CHECK(IngestCounts(s) == before);
}

TEST_CASE("oversized bodies, other content types and foreign origins are refused") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  CebSet set = MakeSet(Spec("BIG"));
  auto before = IngestCounts(s);
  // Above the server's body limit (2 MiB in tests): 413 before any parsing.
  std::string huge = CebXml(core::MessageType::kOrder, {core::OrderToJson(set.order)});
  huge.insert(huge.find("<ceb:Order>"), std::string(3u << 20, ' '));
  Response r = SubmitXml(s, admin, huge);
  CHECK(r.status == 413);
  CHECK(r.ErrorCode() == "payload_too_large");

  const std::string xml = CebXml(core::MessageType::kOrder, {core::OrderToJson(set.order)});
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded", ""}) {
    CAPTURE(type);
    Response t = SubmitXml(s, admin, xml, type);
    CHECK(t.status == 415);
    CHECK(t.ErrorMessage().find("application/xml") != std::string::npos);
  }
  // XML is only for this route.
  CHECK(s.Send("POST", "/api/v1/users", xml, admin, "application/xml").status == 415);
  Response cross = s.Send("POST", "/api/v1/messages", xml, admin, "application/xml",
                          {{"Origin", "https://evil.example"}});
  CHECK(cross.status == 403);
  CHECK(IngestCounts(s) == before);
}

}  // namespace
}  // namespace server::testing
