// Server tests: enterprise credit over HTTP: an assessment reads the store (a stocktake short of
// the book, a violation), the core recommends the grade, an officer confirms or overrides it
// with a reason (audited), the grade in force then drives the stocktake cycle, the enterprise
// sees its own profile with the stored facts the page re-assesses, and bad decisions change
// nothing.
#include "core/credit.h"

#include <doctest/doctest.h>

#include "supervision_fixtures.h"

namespace server::testing {
namespace {

struct Setup {
  std::string hnby, officer;
  int64_t enterprise = 0;
  std::string base;
  explicit Setup(TestServer& s) {
    hnby = s.Login("hnby", kEnterprisePassword);
    officer = s.Login("officer", kOfficerPassword);
    enterprise = OwnEnterpriseId(s, hnby);
    base = "/api/v1/enterprises/" + std::to_string(enterprise);
  }
};

core::Json Assess(TestServer& s, const Setup& u) {
  Response r = s.Post(u.base + "/credit/assessments", core::Json::object(), u.officer);
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return r.json["assessment"];
}

}  // namespace

TEST_CASE("an assessment reads the store; the core's result is stored with its facts") {
  TestServer s({.seed_demo = true});
  Setup u(s);
  core::Json a = Assess(s, u);
  CHECK(a["facts"]["current_grade"] == "certified");  // the demo's grade for hnby
  CHECK(a["facts"]["certified"] == true);
  CHECK(a["facts"]["stocktake_differences"] == 0);
  CHECK(a["recommended_grade"] == a["result"]["recommended_grade"]);
  CHECK(a["as_of"] == kToday);

  // A stocktake of the demo ledger short by 5 face creams is read by the next assessment.
  ShortDemoStocktake(s, u.hnby);
  a = Assess(s, u);
  CHECK(a["facts"]["stocktake_differences"] == 1);
  const core::Json& result = a["result"];
  bool found = false;
  for (const core::Json& f : result["factors"]) {
    if (f["id"] != "STOCKTAKE_DIFFERENCES") continue;
    found = true;
    CHECK(f["value"] == 1);
    CHECK(f["points"] == 5);
  }
  CHECK(found);
  // The stored result is the core's over the stored facts, byte for byte: what the page re-runs.
  core::StatusOr<core::CreditFacts> facts = core::CreditFactsFromJson(a["facts"], "facts");
  REQUIRE(facts.ok());
  const std::string again =
      core::AssessCreditJson(core::DumpJson(core::Json{{"as_of", kToday}, {"facts", a["facts"]}}),
                             s.app().reference()->policy);
  CHECK(again == core::DumpJson(result));

  // The enterprise sees its own profile: the newest assessment in full, the trend of both.
  Response p = s.Get(u.base + "/credit/profile", u.hnby);
  REQUIRE_MESSAGE(p.status == 200, p.body);
  CHECK(p.json["assessment"]["id"] == a["id"]);
  CHECK(p.json["assessment"]["result"] == result);
  CHECK(p.json["trend"].size() == 2);
  CHECK(p.json["credit"]["grade"] == "certified");
  CHECK(p.json["measures"]["stocktake_months"] == 6);
  // Another enterprise does not; an enterprise cannot assess itself.
  CHECK(s.Get(u.base + "/credit/profile", s.Login("jpbeauty", kEnterprisePassword)).status == 404);
  CHECK(s.Post(u.base + "/credit/assessments", core::Json::object(), u.hnby).status == 403);
}

TEST_CASE("a smuggling penalty makes the recommendation dishonest; confirming puts it in force") {
  TestServer s({.seed_demo = true});
  Setup u(s);
  const int64_t audits = s.Count("audit_log");
  Response v = s.Post(u.base + "/violations",
                      {{"kind", "smuggling_penalty"},
                       {"decided_on", "2026-10-08"},
                       {"penalty_fen", 5'000'000},
                       {"reference", "郑关缉违字〔2026〕118号"},
                       {"description", "以化整为零方式走私化妆品"}},
                      u.officer);
  REQUIRE_MESSAGE(v.status == 201, v.body);
  const core::Json old = Assess(s, u);
  const core::Json a = Assess(s, u);
  CHECK(a["facts"]["smuggling_penalty"] == true);
  CHECK(a["facts"]["penalties_fen"] == 5'000'000);
  CHECK(a["recommended_grade"] == "dishonest");
  CHECK(core::DumpJson(a["result"]["triggers"]).find("CREDIT_SMUGGLING_PENALTY") !=
        std::string::npos);
  CHECK(a["result"]["change"] == "downgrade");
  CHECK(a["result"]["measures"]["inspection_bp"] == 8000);
  CHECK(s.Count("audit_log") == audits + 3);

  // Only the newest assessment may be decided.
  const int64_t before = s.Count("credit_decisions");
  Response stale = s.Post(u.base + "/credit/decisions",
                          {{"assessment_id", old["id"]}, {"action", "confirm"}}, u.officer);
  CHECK(stale.status == 409);
  CHECK(s.Count("credit_decisions") == before);

  Response d =
      s.Post(u.base + "/credit/decisions",
             {{"assessment_id", a["id"]}, {"action", "confirm"}, {"reason", "penalty"}}, u.officer);
  REQUIRE_MESSAGE(d.status == 201, d.body);
  CHECK(d.json["credit"]["grade"] == "dishonest");
  CHECK(d.json["credit"]["risk_level"] == a["risk_level"]);
  CHECK(s.Count("audit_log") == audits + 4);
  // The grade in force drives the measures: hnby's ledgers are now stocktaken monthly.
  Response sched = s.Get("/api/v1/stocktakes/schedule", u.hnby);
  REQUIRE(sched.status == 200);
  REQUIRE(sched.json["items"].size() >= 1);
  CHECK(sched.json["items"][0]["grade"] == "dishonest");
  CHECK(sched.json["items"][0]["cycle_months"] == 1);
  Response p = s.Get(u.base + "/credit/profile", u.hnby);
  CHECK(p.json["decisions"][0]["action"] == "confirm");
  CHECK(p.json["violations"][0]["kind"] == "smuggling_penalty");
  CHECK(p.json["measures"]["guarantee"] == "cash_deposit");
}

TEST_CASE(
    "an override needs a reason and a grade of the scale in force; bad input changes nothing") {
  TestServer s({.seed_demo = true});
  Setup u(s);
  const core::Json a = Assess(s, u);
  const int64_t decisions = s.Count("credit_decisions");
  const int64_t audits = s.Count("audit_log");
  auto refused = [&](const core::Json& body, int status, const char* says) {
    Response r = s.Post(u.base + "/credit/decisions", body, u.officer);
    CHECK_MESSAGE(r.status == status, r.body);
    CHECK_MESSAGE(r.body.find(says) != std::string::npos, r.body);
  };
  refused({{"assessment_id", a["id"]},
           {"action", "override"},
           {"grade", "regular"},
           {"risk_level", "medium"}},
          400, "reason");
  refused({{"assessment_id", a["id"]},
           {"action", "override"},
           {"grade", "registered"},
           {"risk_level", "medium"},
           {"reason", "x"}},
          400, "decree282");  // a Decree 251 grade after 2026-04-01
  refused({{"assessment_id", a["id"]},
           {"action", "override"},
           {"grade", "regular"},
           {"risk_level", "severe"},
           {"reason", "x"}},
          400, "risk_level");
  refused({{"assessment_id", a["id"]}, {"action", "approve"}}, 400, "action");
  refused({{"action", "confirm"}}, 400, "assessment_id");
  refused({{"assessment_id", 999999}, {"action", "confirm"}}, 404, "not found");
  Response bad_v = s.Post(u.base + "/violations",
                          {{"kind", "tax_overdue"},
                           {"decided_on", "2026-10-08"},
                           {"reference", "r"},
                           {"description", "d"}},
                          u.officer);
  CHECK(bad_v.status == 400);  // overdue_days is required for tax_overdue
  CHECK(s.Post(u.base + "/violations",
               {{"kind", "violation"},
                {"decided_on", "2027-01-01"},
                {"reference", "r"},
                {"description", "d"}},
               u.officer)
            .status == 400);  // a decision in the future
  CHECK(s.Count("credit_decisions") == decisions);
  CHECK(s.Count("enterprise_violations") == 0);
  CHECK(s.Count("audit_log") == audits);
  CHECK(s.Get(u.base + "/credit/profile", u.officer).json["credit"]["grade"] == "certified");

  Response d = s.Post(u.base + "/credit/decisions",
                      {{"assessment_id", a["id"]},
                       {"action", "override"},
                       {"grade", "regular"},
                       {"risk_level", "medium"},
                       {"reason", "两次巡查发现价格不符，暂按一般信用管理"}},
                      u.officer);
  REQUIRE_MESSAGE(d.status == 201, d.body);
  CHECK(d.json["decision"]["action"] == "override");
  CHECK(d.json["credit"]["grade"] == "regular");
  CHECK(d.json["credit"]["risk_level"] == "medium");
  Response log = s.Get("/api/v1/audit?action=credit.decide", s.Login("admin", kAdminPassword));
  CHECK(log.body.find("两次巡查发现价格不符") != std::string::npos);
}

}  // namespace server::testing
