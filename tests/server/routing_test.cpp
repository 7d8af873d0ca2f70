// Server tests: routing rules over HTTP: saving versions (validated, 422 for invalid, audited),
// validation, the schema, previews over past lists, and routing in screening: a rule sending a
// list to inspection with two drawn inspectors, the recorded seeds and a replay that matches,
// the random top-up with a seed that selects, and a grade set by the administrator.
#include <doctest/doctest.h>

#include "ceb_fixtures.h"
#include "core/rules_api.h"
#include "core/sampling.h"
#include "test_server.h"

namespace server::testing {
namespace {

Response PutRule(TestServer& s, const std::string& admin, const core::Json& rule,
                 const std::string& note = "test") {
  return s.Put("/api/v1/routing/rules/" + rule["id"].get<std::string>(),
               {{"rule", rule}, {"note", note}}, admin);
}

int64_t AuditCount(TestServer& s, const std::string& cookie, const std::string& query) {
  Response r = s.Get("/api/v1/audit?" + query, cookie);
  REQUIRE(r.status == 200);
  return r.json["total"].get<int64_t>();
}

TEST_CASE("routing rules are saved as audited versions; an invalid rule is 422 and not stored") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  std::string hnby = s.Login("hnby", kEnterprisePassword);

  // The demo rule set is installed through the same service.
  Response listed = s.Get("/api/v1/routing/rules", officer);
  REQUIRE(listed.status == 200);
  CHECK(listed.json["rules"].size() == 4);
  CHECK(listed.json["rules_version"] == 4);
  const int64_t rules_before = s.Count("routing_rule_versions");
  const int64_t audit_before = s.Count("audit_log");

  // A typo in a field: 422 with the core's located error; nothing stored, nothing audited.
  core::Json bad = TestRule("big-value", "list.valeu_fen >= 1000.00 cny", "manual_review");
  Response refused = PutRule(s, admin, bad);
  CHECK(refused.status == 422);
  CHECK(refused.ErrorCode() == "unprocessable_entity");
  CHECK(refused.json["outcome"] == "invalid");
  REQUIRE(refused.json["errors"].size() >= 1);
  CHECK(refused.json["errors"][0]["code"] == "RULE_UNKNOWN_FIELD");
  CHECK(refused.json["errors"][0]["offset"] == 0);
  CHECK(refused.json["errors"][0]["message_en"].get<std::string>().find("list.value_fen") !=
        std::string::npos);
  CHECK(s.Count("routing_rule_versions") == rules_before);
  CHECK(s.Count("audit_log") == audit_before);
  // The same through /validate: an answer, nothing stored.
  Response validated = s.Post("/api/v1/routing/validate", {{"rule", bad}}, officer);
  CHECK(validated.status == 200);
  CHECK(validated.json["ok"] == false);
  CHECK(validated.json["errors"][0]["code"] == "RULE_UNKNOWN_FIELD");
  CHECK(s.Post("/api/v1/routing/validate", {{"nope", 1}}, officer).status == 400);

  // Saved: version 1 (201), then version 2 (200); the history keeps both, newest first.
  core::Json good = TestRule("big-value", "list.value_fen >= 1000.00 cny", "manual_review");
  Response v1 = PutRule(s, admin, good, "first");
  REQUIRE_MESSAGE(v1.status == 201, v1.body);
  CHECK(v1.json["version"] == 1);
  CHECK(v1.json["rules_version"] == 5);
  good["priority"] = 300;
  Response v2 = PutRule(s, admin, good, "raised priority");
  REQUIRE(v2.status == 200);
  CHECK(v2.json["version"] == 2);
  Response one = s.Get("/api/v1/routing/rules/big-value", officer);
  REQUIRE(one.status == 200);
  CHECK(one.json["version"] == 2);
  CHECK(one.json["rule"]["priority"] == 300);
  CHECK(one.json["updated_by"] == "admin");
  REQUIRE(one.json["history"].size() == 2);
  CHECK(one.json["history"][0]["note"] == "raised priority");
  CHECK(one.json["history"][1]["rule"]["priority"] == 100);
  CHECK(s.Get("/api/v1/routing/rules", officer).json["rules"].size() == 5);
  CHECK(s.Get("/api/v1/routing/rules/no-such-rule", officer).status == 404);
  // Audited: one entry per save, with the previous version beside the new one.
  CHECK(AuditCount(s, admin, "action=routing_rule.save&object_id=big-value") == 2);
  Response audit = s.Get("/api/v1/audit?action=routing_rule.save&object_id=big-value", admin);
  REQUIRE(audit.json["items"][0]["detail"].is_object());
  const core::Json& detail = audit.json["items"][0]["detail"];
  CHECK(detail["previous"]["priority"] == 100);
  CHECK(detail["rule"]["priority"] == 300);
  CHECK(s.Get("/api/v1/audit/verify", admin).json["ok"] == true);

  // The path names the rule; a body naming another is refused. Officers and enterprises may
  // not write, enterprises may not read.
  CHECK(PutRule(s, admin, TestRule("other", "list.lines > 3", "inspect")).status == 201);
  Response mismatch = s.Put("/api/v1/routing/rules/big-value",
                            {{"rule", TestRule("other", "list.lines > 3", "inspect")}}, admin);
  CHECK(mismatch.status == 400);
  CHECK(PutRule(s, officer, good).status == 403);
  CHECK(PutRule(s, hnby, good).status == 403);
  CHECK(s.Get("/api/v1/routing/rules", hnby).status == 403);
  CHECK(s.Get("/api/v1/routing/schema", hnby).status == 403);
  Response schema = s.Get("/api/v1/routing/schema", officer);
  REQUIRE(schema.status == 200);
  CHECK(schema.json["fields"].size() > 30);
  // The OpenAPI document names the rule id parameter and the 201 and 422 answers.
  const core::Json put =
      s.Get("/api/v1/openapi.json").json["paths"]["/api/v1/routing/rules/{rule_id}"]["put"];
  CHECK(put["parameters"][0]["name"] == "rule_id");
  CHECK(put["responses"].contains("201"));
  CHECK(put["responses"].contains("422"));
}

TEST_CASE("rules see how many buyer IDs order with one phone or to one address") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  REQUIRE(PutRule(s, admin,
                  TestRule("shared-phone", "consumer.ids_per_phone >= 3", "manual_review", 400))
              .status == 201);
  // Three family members order with one phone, written three ways; a fourth buyer has her own.
  const char* ids[] = {kBuyerA, kBuyerB, "410105197001010020"};
  const char* phones[] = {"13912345678", "+86 139-1234-5678", "１３９１２３４５６７８"};
  std::vector<core::Json> decided;
  for (int i = 0; i < 3; ++i) {
    SetSpec spec = Spec("FAM" + std::to_string(i));
    spec.buyer_id = ids[i];
    spec.phone = phones[i];
    decided.push_back(Declaration(s, admin, SubmitSet(s, admin, MakeSet(spec))));
  }
  SetSpec own = Spec("OWN");
  own.buyer_id = "410105199208150038";
  own.phone = "13700000000";
  const core::Json alone = Declaration(s, admin, SubmitSet(s, admin, MakeSet(own)));
  CHECK(decided[0]["status"] == 800);
  CHECK(decided[1]["status"] == 800);
  CHECK(decided[2]["status"] == 300);  // the third ID behind the phone
  CHECK(History(decided[2]).back() == "300:ROUTE_RULE_MATCHED");
  CHECK(alone["status"] == 800);
  Response r =
      s.Get("/api/v1/declarations/" + std::to_string(decided[2]["id"].get<int64_t>()) + "/routing",
            admin);
  REQUIRE(r.status == 200);
  CHECK(r.json["context"]["consumer"]["ids_per_phone"] == 3);
  // All four ship to the fixtures' one address.
  CHECK(r.json["context"]["consumer"]["ids_per_address"] == 3);
  r = s.Get("/api/v1/declarations/" + std::to_string(alone["id"].get<int64_t>()) + "/routing",
            admin);
  CHECK(r.json["context"]["consumer"]["ids_per_phone"] == 1);
  CHECK(r.json["context"]["consumer"]["ids_per_address"] == 4);
}

TEST_CASE("a rule sends a list to inspection: two drawn inspectors, seeds recorded, replay") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  REQUIRE(PutRule(s, admin,
                  TestRule("cheap-shaver", "goods.unit_price_fen = 199.00 cny", "inspect", 400))
              .status == 201);
  SetSpec spec = Spec("INSP");
  spec.price = 19900;
  const int64_t id = SubmitSet(s, admin, MakeSet(spec));
  core::Json d = Declaration(s, officer, id);
  CHECK(d["status"] == 500);
  CHECK(History(d).back() == "500:ROUTE_RULE_MATCHED");
  CHECK(d["history"].back()["detail"]["route"]["decided_by"] == "cheap-shaver");
  CHECK(d["tax_bill"].is_null());

  Response r = s.Get("/api/v1/declarations/" + std::to_string(id) + "/routing", officer);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  CHECK(r.json["routing"]["action"] == "inspect");
  CHECK(r.json["routing"]["rules_version"] == 5);
  CHECK(r.json["routing"]["seed"].get<std::string>().size() == 16);
  CHECK(r.json["decision"]["draw"]["seed"] == r.json["routing"]["seed"]);
  CHECK(r.json["decision"]["matched_rules"][0]["id"] == "cheap-shaver");
  CHECK(r.json["decision"]["matched_rules"][0]["lines"] == core::Json::array({0}));
  // The context the rules read: the demo grade of hnby, the line, the buyer's figures.
  CHECK(r.json["context"]["enterprise"]["grade"] == "certified");
  CHECK(r.json["context"]["goods"][0]["unit_price_fen"] == 19900);
  CHECK(r.json["context"]["list"]["trade_mode"] == "9610");
  CHECK(r.json["context"]["list"]["value_fen"] == 19900);
  CHECK(r.json["context"]["consumer"]["ytd_fen"] == 0);
  CHECK(r.json["rules"].size() == 5);
  CHECK(r.json["replay"]["matches"] == true);
  CHECK(r.json["replay"]["decision"] == r.json["decision"]);

  // Double random: two distinct officers drawn with a recorded seed; the draw replays.
  const core::Json& a = r.json["assignment"];
  REQUIRE(a.is_object());
  CHECK(a["outcome"] == "drawn");
  CHECK(a["seed"].get<std::string>().size() == 16);
  CHECK(a["result"]["chosen"].size() == 2);
  CHECK(a["result"]["chosen"][0] != a["result"]["chosen"][1]);
  CHECK(core::ParseJson(core::DrawInspectorsJson(core::DumpJson(a["request"]))).value() ==
        a["result"]);
  Response queue = s.Get("/api/v1/queues/inspection", officer);
  REQUIRE(queue.status == 200);
  REQUIRE(queue.json["total"] == 1);
  const core::Json& item = queue.json["items"][0];
  CHECK(item["declaration"]["id"] == id);
  CHECK(item["reasons"] == core::Json::array({"ROUTE_RULE_MATCHED"}));
  CHECK(item["value_fen"] == 19900);
  CHECK(item["tax_fen"] == Vat13WithinLimits(19900 + 1000));
  REQUIRE(item["inspectors"].size() == 2);
  std::set<std::string> names;
  for (const core::Json& i : item["inspectors"]) names.insert(i["username"].get<std::string>());
  CHECK(names == std::set<std::string>{"officer", "officer2"});
  CHECK(s.Get("/api/v1/queues/manual_review", officer).json["total"] == 0);
  CHECK(s.Get("/api/v1/queues/nothing", officer).status == 404);

  // Disabling the rule (a new version) stops it for the next list; the earlier routing still
  // replays against the rule set of its own version.
  core::Json off = TestRule("cheap-shaver", "goods.unit_price_fen = 199.00 cny", "inspect", 400);
  off["enabled"] = false;
  REQUIRE(PutRule(s, admin, off).status == 200);
  SetSpec again = Spec("INSP2");
  again.price = 19900;
  CHECK(Declaration(s, officer, SubmitSet(s, admin, MakeSet(again)))["status"] == 800);
  r = s.Get("/api/v1/declarations/" + std::to_string(id) + "/routing", officer);
  CHECK(r.json["replay"]["matches"] == true);
  CHECK(r.json["rules"][0]["enabled"] == true);
}

TEST_CASE("previewing a rule over past lists names the declarations it would hit") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  std::vector<int64_t> ids;
  for (core::Fen price : {39900, 19900, 19900}) {
    SetSpec spec = Spec("PV" + std::to_string(ids.size()));
    spec.price = price;
    ids.push_back(SubmitSet(s, admin, MakeSet(spec)));
  }
  const int64_t rules = s.Count("routing_rule_versions");
  core::Json rule = TestRule("preview-me", "goods.unit_price_fen = 199.00 cny", "inspect");
  Response p = s.Post("/api/v1/routing/preview", {{"rule", rule}}, officer);
  REQUIRE_MESSAGE(p.status == 200, p.body);
  CHECK(p.json["outcome"] == "hits");
  CHECK(p.json["scanned"] == 3);
  CHECK(p.json["matched"] == 2);
  REQUIRE(p.json["hits_detail"].size() == 2);
  std::set<int64_t> hit;
  for (const core::Json& h : p.json["hits_detail"]) {
    hit.insert(h["declaration_id"].get<int64_t>());
    CHECK(h["invt_no"] == Declaration(s, officer, h["declaration_id"])["invt_no"]);
    CHECK(h["lines"] == core::Json::array({0}));
  }
  CHECK(hit == std::set<int64_t>{ids[1], ids[2]});
  // Limits and dates narrow what is scanned; a preview stores nothing.
  CHECK(
      s.Post("/api/v1/routing/preview", {{"rule", rule}, {"limit", 1}}, officer).json["scanned"] ==
      1);
  CHECK(s.Post("/api/v1/routing/preview", {{"rule", rule}, {"from", "2026-11-21"}}, officer)
            .json["scanned"] == 0);
  CHECK(s.Post("/api/v1/routing/preview", {{"rule", rule}, {"from", "bad"}}, officer).status ==
        400);
  rule["condition"] = "goods.unit_price_fen = 199";  // money compared with a plain integer
  Response invalid = s.Post("/api/v1/routing/preview", {{"rule", rule}}, officer);
  CHECK(invalid.status == 422);
  CHECK(invalid.json["errors"][0]["code"] == "RULE_TYPE_MISMATCH");
  CHECK(s.Count("routing_rule_versions") == rules);
}

TEST_CASE("the random top-up inspects with a selecting seed; a dishonest grade by rule") {
  // Every seed's routing draw is below 0.5%: inside every grade's inspection rate.
  TestServer s({.seed_demo = true}, [] {
    static uint64_t next = 1;
    while (core::DrawBasisPoints(next, core::kStreamRouting) >= 50) ++next;
    return next++;
  });
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  const int64_t id = SubmitSet(s, admin, MakeSet(Spec("RAND")));
  core::Json d = Declaration(s, officer, id);
  CHECK(d["status"] == 500);
  CHECK(History(d).back() == "500:ROUTE_RANDOM_INSPECTION");
  Response r = s.Get("/api/v1/declarations/" + std::to_string(id) + "/routing", officer);
  CHECK(r.json["decision"]["source"] == "random");
  CHECK(r.json["decision"]["draw"]["applied"] == true);
  CHECK(r.json["decision"]["measures"]["grade"] == "certified");
  CHECK(r.json["decision"]["draw"]["value"].get<int>() < 50);
  CHECK(r.json["replay"]["matches"] == true);
}

TEST_CASE("a grade set by the administrator is what the rules read") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  Response e = s.Get("/api/v1/enterprises?q=4101460012", officer);
  REQUIRE(e.json["total"] == 1);
  const std::string path =
      "/api/v1/enterprises/" + std::to_string(e.json["items"][0]["id"].get<int64_t>()) + "/credit";
  CHECK(s.Put(path, {{"grade", "excellent"}, {"risk_level", "low"}}, admin).status == 400);
  CHECK(s.Put(path, {{"grade", "dishonest"}, {"risk_level", "high"}}, officer).status == 403);
  Response set = s.Put(path, {{"grade", "dishonest"}, {"risk_level", "high"}}, admin);
  REQUIRE_MESSAGE(set.status == 200, set.body);
  CHECK(AuditCount(s, admin, "action=enterprise.credit") >= 5);  // the demo's four and this
  const int64_t id = SubmitSet(s, admin, MakeSet(Spec("DISH")));
  core::Json d = Declaration(s, officer, id);
  CHECK(d["status"] == 500);
  CHECK(d["history"].back()["detail"]["route"]["decided_by"] == "dishonest-grade");
  Response r = s.Get("/api/v1/declarations/" + std::to_string(id) + "/routing", officer);
  CHECK(r.json["context"]["enterprise"]["risk_level"] == "high");
  CHECK(r.json["decision"]["measures"]["risk_addon_bp"] == 1000);
}

}  // namespace
}  // namespace server::testing
