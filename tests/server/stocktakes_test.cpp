// Server tests: stocktakes over HTTP: an enterprise records a count, the core finds the shortage
// and its full tax from the filed unit value, customs re-counts a sample, bad stocktakes change
// nothing, another enterprise sees nothing, and the schedule follows the credit grade.
#include <doctest/doctest.h>

#include "core/tax.h"
#include "supervision_fixtures.h"

namespace server::testing {
namespace {

core::Json FirstLine(const char* date, const char* sku, const char* code10, const char* qty,
                     const char* unit, const char* entry_no) {
  return {{"entry",
           {{"kind", "first_line_in"},
            {"date", date},
            {"sku", sku},
            {"code10", code10},
            {"qty", qty},
            {"unit", unit},
            {"entry_no", entry_no}}}};
}

core::Json Stocktake(const char* date, std::vector<std::pair<const char*, const char*>> counts,
                     const char* method = "self_count") {
  core::Json list = core::Json::array();
  for (const auto& [sku, qty] : counts) list.push_back({{"sku", sku}, {"counted", qty}});
  return {{"stocktake", {{"date", date}, {"method", method}, {"counts", list}}}};
}

// hnby's ledger T4606W000951 holding 20 face creams (HNBY-0001, filed at 128.00) and 5 loose
// items it never filed.
struct Setup {
  std::string hnby, officer;
  explicit Setup(TestServer& s) {
    hnby = s.Login("hnby", kEnterprisePassword);
    officer = s.Login("officer", kOfficerPassword);
    REQUIRE(s.Post("/api/v1/ledgers",
                   {{"ledger", {{"ems_no", "T4606W000951"}, {"customs_code", "4606"}}}}, hnby)
                .status == 201);
    for (const core::Json& e :
         {FirstLine("2026-11-01", "HNBY-0001", "3304990099", "20", "瓶", "460620261000000051"),
          FirstLine("2026-11-01", "LOOSE-1", "3926909090", "5", "件", "460620261000000052")}) {
      Response r = s.Post("/api/v1/ledgers/T4606W000951/entries", e, hnby);
      REQUIRE_MESSAGE(r.status == 201, r.body);
    }
  }
};

}  // namespace

TEST_CASE("a stocktake short of the book owes the full tax of what is missing; customs re-counts") {
  TestServer s({.seed_demo = true});
  Setup u(s);
  const int64_t audits = s.Count("audit_log");
  Response r = s.Post("/api/v1/ledgers/T4606W000951/stocktakes",
                      Stocktake("2026-11-20", {{"HNBY-0001", "18"}, {"LOOSE-1", "5"}}), u.hnby);
  REQUIRE_MESSAGE(r.status == 201, r.body);
  const core::Json& st = r.json["stocktake"];
  CHECK(st["outcome"] == "shortage");
  CHECK(st["shortage_action"] == "supplementary_tax");
  const core::Json& result = st["result"];
  CHECK(result["shortage_value_fen"] == 25600);  // 2 x 128.00, the filed unit price
  // The full tax of 256.00 of face cream, as the core computes it from the rates in force.
  core::TaxOrderInput order;
  order.date = *core::Date::Parse("2026-11-20");
  order.path = core::TaxPath::kFullTax;
  order.lines.push_back({"3304990099", 25600, std::nullopt, std::nullopt});
  const core::TaxResult tax = core::ComputeTax(order, s.app().reference()->tables.tax_rates);
  CHECK(tax.total_fen > 0);
  CHECK(st["tax_fen"] == tax.total_fen);
  CHECK(result["duty_fen"] == tax.duty_fen);
  CHECK(result["lines"][0]["sku"] == "HNBY-0001");
  CHECK(result["lines"][0]["difference"] == "-2");
  CHECK(result["lines"][1]["status"] == "match");
  CHECK(core::DumpJson(result["findings"]).find("STOCKTAKE_SHORTAGE") != std::string::npos);
  CHECK(s.Count("audit_log") == audits + 1);
  const std::string id = std::to_string(st["id"].get<int64_t>());

  // Only customs re-counts; its figure decides, and the stocktake's differing count is a finding.
  core::Json recount = {{"recounts", {{{"sku", "HNBY-0001"}, {"recounted", "20"}}}},
                        {"reason", "抽盘复核"}};
  CHECK(s.Post("/api/v1/stocktakes/" + id + "/recount", recount, u.hnby).status == 403);
  Response again = s.Post("/api/v1/stocktakes/" + id + "/recount", recount, u.officer);
  REQUIRE_MESSAGE(again.status == 200, again.body);
  CHECK(again.json["stocktake"]["outcome"] == "consistent");
  CHECK(again.json["stocktake"]["tax_fen"] == 0);
  CHECK(again.json["stocktake"]["recounted_at"].is_string());
  CHECK(core::DumpJson(again.json["stocktake"]["result"]["findings"])
            .find("STOCKTAKE_RECOUNT_DIFFERS") != std::string::npos);
  CHECK(s.Get("/api/v1/audit?action=stocktake.recount", u.officer).json["total"] == 1);
  // A re-count of a SKU the stocktake did not count is refused.
  CHECK(s.Post("/api/v1/stocktakes/" + id + "/recount",
               {{"recounts", {{{"sku", "NOPE"}, {"recounted", "1"}}}}, {"reason", "x"}}, u.officer)
            .status == 400);

  // The enterprise reads its own stocktakes; another enterprise sees none of them.
  CHECK(s.Get("/api/v1/stocktakes/" + id, u.hnby).status == 200);
  CHECK(s.Get("/api/v1/stocktakes?ems_no=T4606W000951", u.hnby).json["total"] == 1);
  std::string other = s.Login("jpbeauty", kEnterprisePassword);
  CHECK(s.Get("/api/v1/stocktakes/" + id, other).status == 404);
  CHECK(s.Get("/api/v1/stocktakes", other).json["total"] == 0);
  CHECK(s.Post("/api/v1/ledgers/T4606W000951/stocktakes",
               Stocktake("2026-11-20", {{"HNBY-0001", "20"}}), other)
            .status == 404);
}

TEST_CASE("a shortage of goods without a filed value is referred; bad stocktakes store nothing") {
  TestServer s({.seed_demo = true});
  Setup u(s);
  Response r = s.Post(
      "/api/v1/ledgers/T4606W000951/stocktakes",
      Stocktake("2026-11-20", {{"HNBY-0001", "20"}, {"LOOSE-1", "3"}}, "third_party"), u.hnby);
  REQUIRE_MESSAGE(r.status == 201, r.body);
  CHECK(r.json["stocktake"]["shortage_action"] == "referral");
  CHECK(r.json["stocktake"]["method"] == "third_party");
  const std::string findings = core::DumpJson(r.json["stocktake"]["result"]["findings"]);
  CHECK(findings.find("STOCKTAKE_VALUE_UNKNOWN") != std::string::npos);
  CHECK(findings.find("STOCKTAKE_REFERRAL") != std::string::npos);

  const int64_t stored = s.Count("stocktakes");
  const int64_t audits = s.Count("audit_log");
  for (const core::Json& bad :
       {Stocktake("2026-12-01", {{"HNBY-0001", "20"}}),                     // after today
        Stocktake("2026-10-01", {{"HNBY-0001", "20"}}),                     // before the book began
        Stocktake("2026-11-20", {{"HNBY-0001", "20"}}, "guessing"),         // no such method
        Stocktake("2026-11-20", {{"HNBY-0001", "-1"}}),                     // not a quantity
        Stocktake("2026-11-20", {{"HNBY-0001", "1"}, {"HNBY-0001", "2"}}),  // counted twice
        core::Json{
            {"stocktake",
             {{"date", "2026-11-20"},
              {"method", "self_count"},
              {"counts", {{{"sku", "HNBY-0001"}, {"counted", "20"}, {"recounted", "20"}}}}}}},
        core::Json{{"stocktake",
                    {{"date", "2026-11-20"},
                     {"method", "self_count"},
                     {"counts", core::Json::array()},
                     {"unit_values", {{"HNBY-0001", 1}}}}}}}) {
    CAPTURE(core::DumpJson(bad));
    Response refused = s.Post("/api/v1/ledgers/T4606W000951/stocktakes", bad, u.hnby);
    CHECK(refused.status == 400);
    CHECK(refused.ErrorCode() == "invalid_argument");
  }
  CHECK(s.Count("stocktakes") == stored);
  CHECK(s.Count("audit_log") == audits);
}

TEST_CASE("the schedule says when each ledger's next stocktake is due, by credit grade") {
  TestServer s({.seed_demo = true});
  Setup u(s);
  // A second ledger of hnby, last stocktaken long ago.
  REQUIRE(s.Post("/api/v1/ledgers",
                 {{"ledger", {{"ems_no", "T4606W000952"}, {"customs_code", "4606"}}}}, u.hnby)
              .status == 201);
  REQUIRE(s.Post("/api/v1/ledgers/T4606W000952/stocktakes", Stocktake("2026-01-10", {}), u.hnby)
              .status == 201);
  REQUIRE(s.Post("/api/v1/ledgers/T4606W000951/stocktakes",
                 Stocktake("2026-11-20", {{"HNBY-0001", "20"}, {"LOOSE-1", "5"}}), u.hnby)
              .status == 201);
  Response sched = s.Get("/api/v1/stocktakes/schedule", u.hnby);
  REQUIRE_MESSAGE(sched.status == 200, sched.body);
  // hnby's two new ledgers and the demo's one, soonest due first.
  const core::Json& items = sched.json["items"];
  REQUIRE(items.size() == 3);
  for (size_t i = 1; i < items.size(); ++i) {
    CHECK(items[i - 1]["due"].get<std::string>() <= items[i]["due"].get<std::string>());
  }
  // hnby is a certified enterprise in the demo data: a stocktake every 6 months.
  const core::Json& first = items[0];
  CHECK(first["ems_no"] == "T4606W000952");
  CHECK(first["grade"] == "certified");
  CHECK(first["cycle_months"] == 6);
  CHECK(first["last_stocktake"] == "2026-01-10");
  CHECK(first["due"] == "2026-07-10");
  CHECK(first["overdue"] == true);
  CHECK(first["days_left"].get<int64_t>() < 0);
  const core::Json& second = items[1];
  CHECK(second["ems_no"] == "T4606W000951");
  CHECK(second["due"] == "2027-05-20");
  // The demo ledger was never stocktaken: its cycle counts from the day it was registered.
  CHECK(items[2]["last_stocktake"].is_null());
  core::StatusOr<core::Date> since = core::Date::Parse(items[2]["since"].get<std::string>());
  REQUIRE(since.ok());
  CHECK(items[2]["due"] == since->AddMonths(6).ToIso());
  CHECK(second["overdue"] == false);
  // Customs sees both too; another enterprise sees neither.
  CHECK(s.Get("/api/v1/stocktakes/schedule", u.officer).json["total"].get<int64_t>() >= 2);
  CHECK(s.Get("/api/v1/stocktakes/schedule", s.Login("jpbeauty", kEnterprisePassword))
            .body.find("T4606W00095") == std::string::npos);
}

}  // namespace server::testing
