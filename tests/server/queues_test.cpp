// Server tests: the officer queues over HTTP: manual review releasing and rejecting, inspection
// matching and not (to rejection or valuation), valuation billing the difference exactly, 409
// outside the queue, bad bodies, the drawn inspectors only, enterprises refused, outcomes kept as
// history that later routing reads.
#include <doctest/doctest.h>

#include "ceb_fixtures.h"
#include "test_server.h"

namespace server::testing {
namespace {

// Rules that send the fixture list to a queue by its unit price.
void InstallQueueRules(TestServer& s, const std::string& admin) {
  struct R {
    const char* id;
    const char* price;
    const char* action;
  };
  for (const R& r : {R{"q-review", "288.00", "manual_review"}, R{"q-inspect", "199.00", "inspect"},
                     R{"q-value", "299.00", "valuation"}}) {
    core::Json rule = {{"id", r.id},
                       {"name", r.id},
                       {"condition", std::string("goods.unit_price_fen = ") + r.price + " cny"},
                       {"action", r.action},
                       {"priority", 100},
                       {"valid_from", "2026-01-01"},
                       {"valid_to", nullptr},
                       {"enabled", true},
                       {"reason_zh", "测试"},
                       {"reason_en", "test"}};
    Response saved = s.Put(std::string("/api/v1/routing/rules/") + r.id, {{"rule", rule}}, admin);
    REQUIRE_MESSAGE(saved.status == 201, saved.body);
  }
}

TEST_CASE("manual review releases with a tax bill or rejects; 409 outside the queue") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  InstallQueueRules(s, admin);
  const int64_t a = ListAt(s, admin, "RV1", 28800);
  const int64_t b = ListAt(s, admin, "RV2", 28800);
  CHECK(Declaration(s, officer, a)["status"] == 300);
  Response queue = s.Get("/api/v1/queues/manual_review", officer);
  REQUIRE(queue.json["total"] == 2);
  CHECK(queue.json["items"][0]["declaration"]["id"] == a);  // oldest first
  CHECK(s.Get("/api/v1/queues/manual_review", hnby).status == 403);

  // Bad bodies change nothing.
  auto before = IngestCounts(s);
  CHECK(s.Post(DeclarationPath(a, "review"), {{"decision", "approve"}, {"reason", "x"}}, officer)
            .status == 400);
  CHECK(s.Post(DeclarationPath(a, "review"), {{"decision", "release"}}, officer).status == 400);
  CHECK(s.Post(DeclarationPath(a, "review"), {{"decision", "release"}, {"reason", ""}}, officer)
            .status == 400);
  CHECK(
      s.Post(DeclarationPath(999999, "review"), {{"decision", "release"}, {"reason", "x"}}, officer)
          .status == 404);
  CHECK(s.Post(DeclarationPath(a, "inspection"), {{"outcome", "match"}, {"reason", "x"}}, officer)
            .status == 409);
  CHECK(s.Post(DeclarationPath(a, "review"), {{"decision", "release"}, {"reason", "x"}}, hnby)
            .status == 403);
  CHECK(IngestCounts(s) == before);

  const int64_t quota_entries = s.Count("buyer_quota_entries");
  Response released = s.Post(DeclarationPath(a, "review"),
                             {{"decision", "release"}, {"reason", "单证齐全，价格合理"}}, officer);
  REQUIRE_MESSAGE(released.status == 200, released.body);
  core::Json d = released.json["declaration"];
  CHECK(d["status"] == 800);
  CHECK(History(d).back() == "800:REVIEW_RELEASED");
  CHECK(d["history"].back()["actor_name"] == "officer");
  CHECK(d["history"].back()["detail"]["reason"] == "单证齐全，价格合理");
  CHECK(d["tax_bill"]["total_fen"] == Vat13WithinLimits(28800 + 1000));
  CHECK(s.Count("buyer_quota_entries") == quota_entries + 1);
  // Reviewed once: not in the queue any more.
  CHECK(
      s.Post(DeclarationPath(a, "review"), {{"decision", "release"}, {"reason", "again"}}, officer)
          .status == 409);

  Response rejected = s.Post(DeclarationPath(b, "review"),
                             {{"decision", "reject"}, {"reason", "订单疑似伪造"}}, officer);
  REQUIRE(rejected.status == 200);
  CHECK(rejected.json["declaration"]["status"] == 100);
  CHECK(History(rejected.json["declaration"]).back() == "100:REVIEW_REJECTED");
  CHECK(rejected.json["declaration"]["tax_bill"].is_null());
  CHECK(s.Get("/api/v1/queues/manual_review", officer).json["total"] == 0);
  // The enterprise reads its declarations' events; the routing detail is customs-only.
  CHECK(History(Declaration(s, hnby, b)).back() == "100:REVIEW_REJECTED");
  CHECK(s.Get(DeclarationPath(b, "routing"), hnby).status == 403);
  // Audited, and kept as outcomes.
  Response audit = s.Get("/api/v1/audit?action=declaration.review", admin);
  CHECK(audit.json["total"] == 2);
  Response routing = s.Get(DeclarationPath(b, "routing"), officer);
  REQUIRE(routing.json["outcomes"].size() == 2);
  CHECK(routing.json["outcomes"][0]["kind"] == "screening");
  CHECK(routing.json["outcomes"][0]["action"] == "manual_review");
  CHECK(routing.json["outcomes"][1]["kind"] == "review");
  CHECK(routing.json["outcomes"][1]["outcome"] == "reject");
  CHECK(routing.json["outcomes"][1]["actor_name"] == "officer");
}

TEST_CASE("inspection: a match releases, a mismatch rejects or goes to valuation") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  std::string officer2 = s.Login("officer2", kOfficerPassword);
  InstallQueueRules(s, admin);
  const int64_t a = ListAt(s, admin, "IN1", 19900);
  const int64_t b = ListAt(s, admin, "IN2", 19900);
  const int64_t c = ListAt(s, admin, "IN3", 19900);
  CHECK(s.Get("/api/v1/queues/inspection", officer).json["total"] == 3);
  // An officer who was not drawn may not record the outcome.
  REQUIRE(s.Post("/api/v1/users",
                 {{"username", "officer3"},
                  {"password", "Officer3#long"},
                  {"role", "officer"},
                  {"display_name", "赵稽查"}},
                 admin)
              .status == 201);
  std::string officer3 = s.Login("officer3", "Officer3#long");
  CHECK(s.Post(DeclarationPath(a, "inspection"), {{"outcome", "match"}, {"reason", "x"}}, officer3)
            .status == 403);
  // A mismatch needs details and what follows.
  CHECK(
      s.Post(DeclarationPath(a, "inspection"), {{"outcome", "mismatch"}, {"reason", "x"}}, officer)
          .status == 400);
  CHECK(s.Post(DeclarationPath(a, "inspection"),
               {{"outcome", "mismatch"}, {"reason", "x"}, {"details", "y"}, {"action", "keep"}},
               officer)
            .status == 400);

  Response match =
      s.Post(DeclarationPath(a, "inspection"),
             {{"outcome", "match"}, {"reason", "货证相符"}, {"details", "开箱查验"}}, officer);
  REQUIRE_MESSAGE(match.status == 200, match.body);
  CHECK(match.json["declaration"]["status"] == 800);
  CHECK(History(match.json["declaration"]).back() == "800:INSPECTION_MATCH");
  CHECK(match.json["declaration"]["tax_bill"]["total_fen"] == Vat13WithinLimits(19900 + 1000));

  Response reject = s.Post(DeclarationPath(b, "inspection"),
                           {{"outcome", "mismatch"},
                            {"reason", "货物与申报不符"},
                            {"details", "实货为两件"},
                            {"action", "reject"}},
                           officer2);
  REQUIRE(reject.status == 200);
  CHECK(reject.json["declaration"]["status"] == 100);
  CHECK(History(reject.json["declaration"]).back() == "100:INSPECTION_MISMATCH");

  Response value = s.Post(DeclarationPath(c, "inspection"),
                          {{"outcome", "mismatch"},
                           {"reason", "品牌型号不符"},
                           {"details", "高端型号"},
                           {"action", "valuation"}},
                          officer);
  REQUIRE(value.status == 200);
  CHECK(value.json["declaration"]["status"] == 300);
  CHECK(History(value.json["declaration"]).back() == "300:INSPECTION_MISMATCH");
  CHECK(s.Get("/api/v1/queues/inspection", officer).json["total"] == 0);
  CHECK(s.Get("/api/v1/queues/valuation", officer).json["total"] == 1);
  CHECK(s.Get("/api/v1/audit?action=declaration.inspection", admin).json["total"] == 3);

  // The outcomes are history the next list of this enterprise is routed with.
  const int64_t next = ListAt(s, admin, "IN4", 39900);
  Response r = s.Get(DeclarationPath(next, "routing"), officer);
  const core::Json& h = r.json["context"]["history"];
  CHECK(h["lists_90d"] == 3);
  CHECK(h["inspections_90d"] == 3);
  CHECK(h["mismatches_90d"] == 2);
  CHECK(h["rejections_90d"] == 1);
  CHECK(h["valuations_90d"] == 1);
  CHECK(h["reviews_90d"] == 0);
}

TEST_CASE("valuation recomputes the tax and bills the difference as a supplementary bill") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  InstallQueueRules(s, admin);
  const int64_t id = ListAt(s, admin, "VAL", 29900);
  core::Json d = Declaration(s, officer, id);
  CHECK(d["status"] == 300);
  Response queue = s.Get("/api/v1/queues/valuation", officer);
  REQUIRE(queue.json["total"] == 1);
  CHECK(queue.json["items"][0]["tax_fen"] == Vat13WithinLimits(29900 + 1000));
  CHECK(s.Post(DeclarationPath(id, "review"), {{"decision", "release"}, {"reason", "x"}}, officer)
            .status == 409);
  for (const core::Json& bad :
       {core::Json{{"reason", "x"}}, core::Json{{"reason", "x"}, {"lines", core::Json::array()}},
        core::Json{{"reason", "x"}, {"lines", {{{"gnum", 7}, {"dutiable_value_fen", 1}}}}},
        core::Json{{"reason", "x"}, {"lines", {{{"gnum", 1}, {"dutiable_value_fen", -1}}}}},
        core::Json{{"lines", {{{"gnum", 1}, {"dutiable_value_fen", 1}}}}}}) {
    CAPTURE(core::DumpJson(bad));
    CHECK(s.Post(DeclarationPath(id, "valuation"), bad, officer).status == 400);
  }
  CHECK(s.Count("tax_bills") == 0);

  // Billed on 309.00 (299.00 + 10.00 freight): 28.12. Valued at 500.00: 13% VAT x 70% = 45.50.
  Response valued = s.Post(
      DeclarationPath(id, "valuation"),
      {{"reason", "参照同型号市场价"}, {"lines", {{{"gnum", 1}, {"dutiable_value_fen", 50000}}}}},
      officer);
  REQUIRE_MESSAGE(valued.status == 200, valued.body);
  d = valued.json["declaration"];
  CHECK(d["status"] == 800);
  CHECK(History(d).back() == "800:VALUATION_ADJUSTED");
  CHECK(d["tax_bill"]["total_fen"] == 2812);
  const core::Json& bill = valued.json["outcome"]["supplementary_tax_bill"];
  CHECK(bill["total_fen"] == 4550 - 2812);
  CHECK(bill["value_added_tax_fen"] == 4550 - 2812);
  CHECK(bill["customs_tax_fen"] == 0);
  CHECK(bill["consumption_tax_fen"] == 0);
  CHECK(bill["tax_no"].get<std::string>().find('S') != std::string::npos);
  CHECK(bill["lines"][0]["billed_dutiable_value_fen"] == 30900);
  CHECK(bill["lines"][0]["dutiable_value_fen"] == 50000);
  CHECK(s.Count("supplementary_tax_bills") == 1);
  Response r = s.Get(DeclarationPath(id, "routing"), officer);
  CHECK(r.json["supplementary_tax_bills"][0]["total_fen"] == 1738);
  CHECK(r.json["outcomes"].back()["kind"] == "valuation");
  CHECK(s.Get("/api/v1/audit?action=declaration.valuation", admin).json["total"] == 1);
  CHECK(s.Post(DeclarationPath(id, "valuation"),
               {{"reason", "again"}, {"lines", {{{"gnum", 1}, {"dutiable_value_fen", 1}}}}},
               officer)
            .status == 409);
}

TEST_CASE("valuation checks the CBEC limits again: full tax past 5,000, rejected past the year") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  InstallQueueRules(s, admin);
  // Valued at 6,000.00 for one shaver: past the single-transaction limit, within the year, so
  // the full tax (duty at the MFN rate, VAT without the 30% reduction) instead of the CBEC tax.
  const int64_t single = ListAt(s, admin, "VAL-1", 29900);
  Response full = s.Post(DeclarationPath(single, "valuation"),
                         {{"reason", "发票显示实际成交价"},
                          {"lines", {{{"gnum", 1}, {"dutiable_value_fen", 600000}}}}},
                         officer);
  REQUIRE_MESSAGE(full.status == 200, full.body);
  CHECK(full.json["declaration"]["status"] == 800);
  CHECK(full.json["outcome"]["tax_path"] == "full_tax");
  const core::Json& bill = full.json["outcome"]["supplementary_tax_bill"];
  const core::Fen vat_full = (600000 + bill["customs_tax_fen"].get<core::Fen>()) * 13 / 100;
  CHECK(bill["value_added_tax_fen"].get<core::Fen>() + 2812 - vat_full <= 1);  // rounding
  CHECK(bill["value_added_tax_fen"].get<core::Fen>() + 2812 - vat_full >= -1);

  // Valued at 30,000.00: beyond the annual 26,000 limit: not CBEC at all, the list is rejected
  // with the core's finding, and nothing is billed.
  const int64_t beyond = ListAt(s, admin, "VAL-2", 29900);
  const int64_t bills = s.Count("tax_bills");
  Response rejected = s.Post(DeclarationPath(beyond, "valuation"),
                             {{"reason", "发票显示实际成交价"},
                              {"lines", {{{"gnum", 1}, {"dutiable_value_fen", 3000000}}}}},
                             officer);
  REQUIRE_MESSAGE(rejected.status == 200, rejected.body);
  const core::Json& d = rejected.json["declaration"];
  CHECK(d["status"] == 100);
  CAPTURE(core::DumpJson(d["history"].back()));
  CHECK(History(d).back().rfind("100:VALUATION_BEYOND_LIMITS", 0) == 0);
  CHECK(core::DumpJson(d["history"].back()).find("QUOTA_") != std::string::npos);
  CHECK(s.Count("tax_bills") == bills);
  CHECK(s.Get("/api/v1/queues/valuation", officer).json["total"] == 0);
}

}  // namespace
}  // namespace server::testing
