// Server tests: each routing rule's hits and outcomes over HTTP (lists routed by real rules,
// inspected and valued by officers), the noise flag, the migration's backfill agreeing with
// the hits written live, and adaptive rules routed with records counted from real outcomes,
// stored and replayed.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ceb_fixtures.h"
#include "store/migrations.h"
#include "test_server.h"

namespace server::testing {
namespace {

void Put(TestServer& s, const std::string& admin, const core::Json& rule) {
  Response r =
      s.Put("/api/v1/routing/rules/" + rule["id"].get<std::string>(), {{"rule", rule}}, admin);
  REQUIRE_MESSAGE((r.status == 201 || r.status == 200), r.body);
}

void Inspect(TestServer& s, const std::string& officer, int64_t id, const char* outcome,
             const char* action = nullptr) {
  core::Json body = {{"outcome", outcome}, {"reason", "查验"}, {"details", "开箱"}};
  if (action != nullptr) body["action"] = action;
  Response r = s.Post(DeclarationPath(id, "inspection"), body, officer);
  REQUIRE_MESSAGE(r.status == 200, r.body);
}

const core::Json& RowOf(const core::Json& stats, const std::string& id) {
  for (const core::Json& row : stats["rules"]) {
    if (row["rule_id"] == id) return row;
  }
  FAIL("no stats row for " << id);
  static const core::Json none;
  return none;
}

// Every (decision, rule, decided) row of routing_rule_hits, read through a separate connection.
std::vector<std::string> HitRows(TestServer& s) {
  std::unique_ptr<Db> db = s.OpenDb();
  auto q = db->Query(
      "SELECT decision_id, declaration_id, rule_id, decl_date, decided FROM routing_rule_hits "
      "ORDER BY decision_id, rule_id");
  REQUIRE(q.ok());
  std::vector<std::string> rows;
  while (*q->Step()) {
    rows.push_back(std::to_string(q->Int(0)) + "/" + std::to_string(q->Int(1)) + "/" + q->Text(2) +
                   "/" + q->Text(3) + "/" + std::to_string(q->Int(4)));
  }
  return rows;
}

TEST_CASE("each rule shows its hits and their outcomes; a rule that only finds matches is noise") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  Put(s, admin, TestRule("price-199", "goods.unit_price_fen = 199.00 cny", "inspect", 100));
  Put(s, admin, TestRule("price-299", "goods.unit_price_fen = 299.00 cny", "inspect", 100));
  Put(s, admin, TestRule("every-list", "list.lines >= 1", "manual_review", 10));
  Put(s, admin, TestRule("never", "list.lines > 50", "reject", 10));

  std::vector<int64_t> cheap;
  for (int i = 0; i < 5; ++i) cheap.push_back(ListAt(s, admin, "C" + std::to_string(i), 19900));
  const int64_t dear_a = ListAt(s, admin, "D1", 29900);
  const int64_t dear_b = ListAt(s, admin, "D2", 29900);
  const int64_t reviewed = ListAt(s, admin, "R1", 28800);
  CHECK(Declaration(s, officer, reviewed)["status"] == 300);
  // Written with each decision: every matched rule, and which one decided.
  CHECK(s.Count("routing_rule_hits") >= 5 * 2 + 2 * 2 + 1);

  for (int64_t id : cheap) Inspect(s, officer, id, "match");
  Inspect(s, officer, dear_a, "mismatch", "reject");
  Inspect(s, officer, dear_b, "mismatch", "valuation");
  Response valued =
      s.Post(DeclarationPath(dear_b, "valuation"),
             {{"reason", "参照市场价"}, {"lines", {{{"gnum", 1}, {"dutiable_value_fen", 50000}}}}},
             officer);
  REQUIRE_MESSAGE(valued.status == 200, valued.body);

  Response r = s.Get("/api/v1/routing/rules/stats", officer);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  CHECK(r.json["from"] == "2026-08-29");  // the 90 days to today, 2026-11-26
  CHECK(r.json["to"] == "2026-11-26");
  CHECK(r.json["noise_policy"]["min_inspected"] == 5);
  CHECK(r.json["overall"]["lists"] == 8);
  CHECK(r.json["overall"]["inspected"] == 7);
  CHECK(r.json["overall"]["mismatches"] == 2);
  CHECK(r.json["overall"]["mismatch_pm"] == 285);

  const core::Json& c = RowOf(r.json, "price-199");
  CHECK(c["name"] == "test price-199");
  CHECK(c["action"] == "inspect");
  CHECK(c["in_force"] == true);
  CHECK(c["lists"] == 5);
  CHECK(c["decided"] == 5);
  CHECK(c["final_actions"]["inspect"] == 5);
  CHECK(c["final_actions"]["release"] == 0);
  CHECK(c["inspected"] == 5);
  CHECK(c["matches"] == 5);
  CHECK(c["mismatches"] == 0);
  CHECK(c["mismatch_pm"] == 0);
  CHECK(c["valuations"] == 0);
  CHECK(c["noisy"] == true);
  CHECK(c["noise"]["reason"] == "RULE_NO_MISMATCH");
  CHECK_FALSE(c["noise"]["reason_zh"].get<std::string>().empty());

  const core::Json& d = RowOf(r.json, "price-299");
  CHECK(d["lists"] == 2);
  CHECK(d["decided"] == 2);
  CHECK(d["inspected"] == 2);
  CHECK(d["mismatches"] == 2);
  CHECK(d["mismatch_pm"] == 1000);
  CHECK(d["valuations"] == 1);
  CHECK(d["noisy"] == false);  // too few inspections to judge, and all of them found something

  const core::Json& e = RowOf(r.json, "every-list");
  CHECK(e["lists"] == 8);
  CHECK(e["decided"] == 1);  // the stronger inspect rules decided the others
  CHECK(e["final_actions"]["inspect"] == 7);
  CHECK(e["final_actions"]["manual_review"] == 1);
  CHECK(e["inspected"] == 7);
  CHECK(e["mismatches"] == 2);
  CHECK(e["noisy"] == false);  // exactly the overall rate: not below it

  const core::Json& n = RowOf(r.json, "never");  // a current rule that matched nothing
  CHECK(n["lists"] == 0);
  CHECK(n["inspected"] == 0);
  CHECK(n["noisy"] == false);

  // A period after the lists' declaration date has no hits; bad periods are refused.
  Response later = s.Get("/api/v1/routing/rules/stats?from=2026-11-21&to=2026-11-26", officer);
  REQUIRE(later.status == 200);
  CHECK(later.json["overall"]["lists"] == 0);
  CHECK(RowOf(later.json, "price-199")["lists"] == 0);
  Response day = s.Get("/api/v1/routing/rules/stats?from=2026-11-20&to=2026-11-20", officer);
  CHECK(RowOf(day.json, "price-199")["lists"] == 5);
  CHECK(s.Get("/api/v1/routing/rules/stats?from=2026-11-31", officer).status == 400);
  CHECK(s.Get("/api/v1/routing/rules/stats?from=2026-11-26&to=2026-11-01", officer).status == 400);
  CHECK(s.Get("/api/v1/routing/rules/stats", hnby).status == 403);
  // The rule path still serves rules.
  CHECK(s.Get("/api/v1/routing/rules/price-199", officer).json["rule"]["id"] == "price-199");
}

TEST_CASE("migration 14 backfills the same hits from the stored decisions as routing writes") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  Put(s, admin, TestRule("price-199", "goods.unit_price_fen = 199.00 cny", "inspect", 100));
  Put(s, admin, TestRule("every-list", "list.lines >= 1", "manual_review", 10));
  ListAt(s, admin, "B1", 19900);
  ListAt(s, admin, "B2", 28800);
  ListAt(s, admin, "B3", 39900);
  const std::vector<std::string> live = HitRows(s);
  REQUIRE(live.size() >= 4);
  CHECK(std::count_if(live.begin(), live.end(), [](const std::string& row) {
          return row.find("/price-199/2026-11-20/1") != std::string::npos;
        }) == 1);

  // Back to a version-13 database holding the same decisions, then migrated again.
  std::unique_ptr<Db> db = s.OpenDb();
  REQUIRE(db->ExecScript("DROP TABLE routing_rule_hits; "
                         "ALTER TABLE routing_decisions DROP COLUMN rule_history; "
                         "DELETE FROM schema_migrations WHERE version = 14")
              .ok());
  core::StatusOr<int> applied = Migrate(*db, 14);
  REQUIRE_MESSAGE(applied.ok(), applied.status().ToString());
  CHECK(*applied == 1);
  CHECK(HitRows(s) == live);
}

TEST_CASE("an adaptive rule is routed with its record counted from real inspection outcomes") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  core::Json rule = TestRule("adaptive-199", "goods.unit_price_fen = 199.00 cny", "inspect", 100);
  rule["adaptive"] = {
      {"min_pm", 100}, {"max_pm", 1000}, {"window_days", 30}, {"min_inspections", 3}};
  Put(s, admin, rule);

  // No history yet: the rule applies to every list it matches.
  std::vector<int64_t> first;
  for (int i = 0; i < 3; ++i) first.push_back(ListAt(s, admin, "A" + std::to_string(i), 19900));
  Response r0 = s.Get(DeclarationPath(first[0], "routing"), officer);
  REQUIRE(r0.status == 200);
  const core::Json& a0 = r0.json["decision"]["matched_rules"][0]["adaptive"];
  CHECK(a0["inspected"] == 0);
  CHECK(a0["enough_history"] == false);
  CHECK(a0["share_pm"] == 1000);
  CHECK(a0["drawn"] == true);
  CHECK(r0.json["routing"]["action"] == "inspect");
  CHECK(r0.json["rule_history"]["adaptive-199"]["inspected"] == 0);
  CHECK(r0.json["replay"]["matches"] == true);

  Inspect(s, officer, first[0], "match");
  Inspect(s, officer, first[1], "match");
  Inspect(s, officer, first[2], "mismatch", "reject");

  // The next list's record: 3 inspected, 1 mismatched (333 per mille), so 2 x 333 = 666.
  const int64_t next = ListAt(s, admin, "A9", 19900);
  Response r = s.Get(DeclarationPath(next, "routing"), officer);
  REQUIRE(r.status == 200);
  const core::Json& a = r.json["decision"]["matched_rules"][0]["adaptive"];
  CHECK(a["inspected"] == 3);
  CHECK(a["mismatches"] == 1);
  CHECK(a["mismatch_pm"] == 333);
  CHECK(a["enough_history"] == true);
  CHECK(a["share_pm"] == 666);
  CHECK(a["drawn"] == (a["value"].get<int>() < 666));
  CHECK(r.json["routing"]["action"] == (a["drawn"] == true ? "inspect" : "release"));
  CHECK(a["reason_en"].get<std::string>().find("3 lists this rule matched were inspected") !=
        std::string::npos);
  CHECK(r.json["rule_history"] ==
        core::Json{{"adaptive-199", {{"inspected", 3}, {"mismatches", 1}}}});
  // Stored with the decision, the record replays it byte for byte.
  CHECK(r.json["replay"]["matches"] == true);
  // The statistics read the same record.
  const core::Json stats = s.Get("/api/v1/routing/rules/stats", officer).json;
  CHECK(RowOf(stats, "adaptive-199")["lists"] == 4);
  CHECK(RowOf(stats, "adaptive-199")["inspected"] == 3);
  CHECK(RowOf(stats, "adaptive-199")["mismatches"] == 1);
  CHECK(RowOf(stats, "adaptive-199")["adaptive"]["min_inspections"] == 3);
}

TEST_CASE("a rule cannot take the id 'stats', which the statistics route answers") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  const int64_t audit = s.Count("audit_log");
  Response r = s.Put("/api/v1/routing/rules/stats",
                     {{"rule", TestRule("stats", "list.lines >= 1", "manual_review", 10)}}, admin);
  CHECK(r.status == 422);
  CHECK(r.body.find("reserved") != std::string::npos);
  CHECK(s.Count("audit_log") == audit);
  CHECK(s.Get("/api/v1/routing/rules/stats", admin).json["rules"].is_array());
}

}  // namespace
}  // namespace server::testing
