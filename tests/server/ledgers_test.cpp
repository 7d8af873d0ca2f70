// Server tests: bonded ledgers over HTTP: first-line entries, transfers and adjustments checked
// by the core, refusals storing nothing, balances and traces agreeing with the core, released
// 1210 lists debiting the ledger, and who may see and write what.
#include <doctest/doctest.h>

#include "core/ledger_api.h"
#include "supervision_fixtures.h"

namespace server::testing {
namespace {

core::Json FirstLineIn(const std::string& date, const std::string& sku, const std::string& qty,
                       const std::string& entry_no) {
  return {{"entry",
           {{"kind", "first_line_in"},
            {"date", date},
            {"sku", sku},
            {"item_no", "SKU-8510100000"},
            {"code10", "8510100000"},
            {"qty", qty},
            {"unit", "001"},
            {"entry_no", entry_no}}}};
}

core::Json Adjustment(const std::string& date, const std::string& qty, const std::string& dir) {
  return {{"entry",
           {{"kind", "adjustment"},
            {"date", date},
            {"sku", "ITEM-0001"},
            {"code10", "8510100000"},
            {"qty", qty},
            {"unit", "001"},
            {"direction", dir},
            {"reason", "盘点差异 stocktake"}}}};
}

core::Json Transfer(const std::string& from, const std::string& to, const std::string& qty) {
  return {{"transfer",
           {{"from_ems_no", from},
            {"to_ems_no", to},
            {"date", "2026-11-10"},
            {"sku", "ITEM-0001"},
            {"code10", "8510100000"},
            {"qty", qty},
            {"unit", "001"}}}};
}

// The balance of a SKU in a balances array ("" when absent).
std::string BalanceOf(const core::Json& result, const std::string& sku) {
  for (const core::Json& b : result["balances"]) {
    if (b["sku"] == sku) return b["balance"].get<std::string>();
  }
  return "";
}

struct Books {
  std::string hnby;
  std::string officer;
  int64_t hnby_id = 0;
};

// hnby registers ledger A itself; an officer registers B for it. A holds 10 units of ITEM-0001.
Books TwoLedgers(TestServer& s) {
  Books b;
  b.hnby = s.Login("hnby", kEnterprisePassword);
  b.officer = s.Login("officer", kOfficerPassword);
  b.hnby_id = OwnEnterpriseId(s, b.hnby);
  Response a = s.Post("/api/v1/ledgers",
                      {{"ledger", {{"ems_no", "T4606W000901"}, {"customs_code", "4606"}}}}, b.hnby);
  REQUIRE_MESSAGE(a.status == 201, a.body);
  CHECK(a.json["ledger"]["enterprise_code"] == kHnbyCode);
  Response other = s.Post(
      "/api/v1/ledgers",
      {{"ledger",
        {{"ems_no", "T4606W000902"}, {"customs_code", "4606"}, {"enterprise_id", b.hnby_id}}}},
      b.officer);
  REQUIRE_MESSAGE(other.status == 201, other.body);
  Response in = s.Post("/api/v1/ledgers/T4606W000901/entries",
                       FirstLineIn("2026-11-01", "ITEM-0001", "10", "460620261000000001"), b.hnby);
  REQUIRE_MESSAGE(in.status == 201, in.body);
  CHECK(in.json["check"]["outcome"] == "accepted");
  CHECK(in.json["entry"]["kind"] == "first_line_in");
  return b;
}

TEST_CASE("ledger entries in, transfers and adjustments; balances and traces agree with the core") {
  TestServer s({.seed_demo = true});
  Books b = TwoLedgers(s);
  auto before = SupervisionCounts(s);

  Response t =
      s.Post("/api/v1/ledger-transfers", Transfer("T4606W000901", "T4606W000902", "3"), b.hnby);
  REQUIRE_MESSAGE(t.status == 201, t.body);
  CHECK(t.json["transfer"]["out"]["kind"] == "transfer_out");
  CHECK(t.json["transfer"]["in"]["kind"] == "transfer_in");
  CHECK(t.json["transfer"]["in"]["counterpart_ems_no"] == "T4606W000901");
  CHECK(t.json["checks"]["in"]["outcome"] == "accepted");
  CHECK(s.Count("ledger_entries") == before["ledger_entries"] + 2);
  CHECK(s.Count("ledger_transfers") == before["ledger_transfers"] + 1);
  CHECK(s.Count("audit_log") == before["audit_log"] + 1);

  Response adj = s.Post("/api/v1/ledgers/T4606W000901/entries",
                        Adjustment("2026-11-20", "1", "decrease"), b.officer);
  REQUIRE_MESSAGE(adj.status == 201, adj.body);
  CHECK(adj.json["entry"]["reason"] == "盘点差异 stocktake");

  // Balances now, and at a date before the transfer.
  Response now = s.Get("/api/v1/ledgers/T4606W000901/balances", b.hnby);
  REQUIRE(now.status == 200);
  CHECK(now.json["outcome"] == "consistent");
  CHECK(BalanceOf(now.json, "ITEM-0001") == "6");
  Response early = s.Get("/api/v1/ledgers/T4606W000901/balances?date=2026-11-05", b.hnby);
  CHECK(BalanceOf(early.json, "ITEM-0001") == "10");
  Response other = s.Get("/api/v1/ledgers/T4606W000902/balances", b.officer);
  CHECK(BalanceOf(other.json, "ITEM-0001") == "3");
  CHECK(other.json["findings"].empty());  // the transfer pairs with its out

  // The page runs the core over the document the API returns: the same balances to the unit.
  Response doc = s.Get("/api/v1/ledgers/T4606W000901", b.hnby);
  REQUIRE(doc.status == 200);
  CHECK(doc.json["entries"].size() == 3);
  for (const char* date : {"2026-11-05", "2026-11-15", "2026-11-26"}) {
    core::Json request = {{"ledger", doc.json}, {"date", date}};
    core::Json page = core::ParseJson(core::LedgerBalancesJson(core::DumpJson(request))).value();
    Response server =
        s.Get("/api/v1/ledgers/T4606W000901/balances?date=" + std::string(date), b.hnby);
    CAPTURE(date);
    CHECK(page["balances"] == server.json["balances"]);
  }

  // Every unit is traceable: the 2nd unit out came in with the first-line entry.
  Response trace = s.Get("/api/v1/ledgers/T4606W000901/trace?sku=ITEM-0001&unit=2", b.hnby);
  REQUIRE_MESSAGE(trace.status == 200, trace.body);
  CHECK(trace.json["outcome"] == "traced");
  CHECK(trace.json["links"][0]["in"]["entry_no"] == "460620261000000001");
  CHECK(s.Get("/api/v1/ledgers/T4606W000901/trace", b.hnby).status == 400);

  // The enterprise may not adjust its own ledger; nothing is stored.
  auto mid = SupervisionCounts(s);
  Response refused = s.Post("/api/v1/ledgers/T4606W000901/entries",
                            Adjustment("2026-11-20", "1", "increase"), b.hnby);
  CHECK(refused.status == 403);
  CHECK(refused.ErrorCode() == "permission_denied");
  CHECK(SupervisionCounts(s) == mid);
}

TEST_CASE("a debit that would make stock negative is refused with the core's finding") {
  TestServer s({.seed_demo = true});
  Books b = TwoLedgers(s);
  auto before = SupervisionCounts(s);

  Response t =
      s.Post("/api/v1/ledger-transfers", Transfer("T4606W000901", "T4606W000902", "11"), b.hnby);
  CHECK(t.status == 409);
  CHECK(t.ErrorCode() == "failed_precondition");
  CHECK(t.json["checks"]["out"]["outcome"] == "refused");
  CHECK(CodesOf(t.json["findings"]).find("LEDGER_NEGATIVE_BALANCE") != std::string::npos);

  // A backdated decrease that would leave an earlier debit uncovered is refused as well.
  Response adj = s.Post("/api/v1/ledgers/T4606W000901/entries",
                        Adjustment("2026-11-02", "10.00001", "decrease"), b.officer);
  CHECK(adj.status == 409);
  CHECK(adj.json["check"]["available"] == "10");
  CHECK(SupervisionCounts(s) == before);

  // The what-if says the same and stores nothing; the core answers the same for the page.
  core::Json pending = Adjustment("2026-11-26", "12", "decrease")["entry"];
  Response what = s.Post("/api/v1/ledgers/T4606W000901/what-if", {{"pending", pending}}, b.hnby);
  REQUIRE_MESSAGE(what.status == 200, what.body);
  CHECK(what.json["outcome"] == "refused");
  CHECK(what.json["available"] == "10");
  Response doc = s.Get("/api/v1/ledgers/T4606W000901", b.hnby);
  pending["id"] = "pending";
  core::Json request = {{"ledger", doc.json}, {"pending", pending}};
  CHECK(core::ParseJson(core::LedgerWhatIfJson(core::DumpJson(request))).value() == what.json);

  // Bad input is 400 and stores nothing.
  core::Json no_code = FirstLineIn("2026-11-03", "ITEM-0002", "1", "E1");
  no_code["entry"].erase("code10");
  core::Json future = FirstLineIn("2026-12-01", "ITEM-0002", "1", "E1");
  core::Json with_id = FirstLineIn("2026-11-03", "ITEM-0002", "1", "E1");
  with_id["entry"]["id"] = "99";
  core::Json release = FirstLineIn("2026-11-03", "ITEM-0002", "1", "E1");
  release["entry"]["kind"] = "release_out";
  for (const core::Json& body : {no_code, future, with_id, release, core::Json::object()}) {
    CAPTURE(core::DumpJson(body));
    Response r = s.Post("/api/v1/ledgers/T4606W000901/entries", body, b.hnby);
    CHECK(r.status == 400);
  }
  CHECK(s.Post("/api/v1/ledger-transfers", Transfer("T4606W000901", "T4606W000901", "1"), b.hnby)
            .status == 400);
  CHECK(s.Post("/api/v1/ledgers", {{"ledger", {{"ems_no", "bad no"}, {"customs_code", "4606"}}}},
               b.hnby)
            .status == 400);
  CHECK(s.Post("/api/v1/ledgers",
               {{"ledger", {{"ems_no", "T4606W000901"}, {"customs_code", "4606"}}}}, b.hnby)
            .status == 409);
  CHECK(SupervisionCounts(s) == before);
}

TEST_CASE("another enterprise's ledger answers 404 on every ledger route") {
  TestServer s({.seed_demo = true});
  Books b = TwoLedgers(s);
  std::string jp = s.Login("jpbeauty", kEnterprisePassword);
  auto before = SupervisionCounts(s);
  for (const char* path : {"/api/v1/ledgers/T4606W000901", "/api/v1/ledgers/T4606W000901/balances",
                           "/api/v1/ledgers/T4606W000901/trace?sku=ITEM-0001&unit=1"}) {
    CAPTURE(path);
    Response r = s.Get(path, jp);
    CHECK(r.status == 404);
    CHECK(r.ErrorCode() == "not_found");
  }
  CHECK(s.Post("/api/v1/ledgers/T4606W000901/entries",
               FirstLineIn("2026-11-03", "ITEM-0001", "1", "E1"), jp)
            .status == 404);
  CHECK(s.Post("/api/v1/ledgers/T4606W000901/what-if",
               {{"pending", FirstLineIn("2026-11-03", "ITEM-0001", "1", "E1")["entry"]}}, jp)
            .status == 404);
  CHECK(s.Post("/api/v1/ledger-transfers", Transfer("T4606W000901", "T4606W000902", "1"), jp)
            .status == 404);
  // jpbeauty may not register a ledger for hnby either.
  CHECK(
      s.Post(
           "/api/v1/ledgers",
           {{"ledger",
             {{"ems_no", "T4606W000999"}, {"customs_code", "4606"}, {"enterprise_id", b.hnby_id}}}},
           jp)
          .status == 404);
  Response list = s.Get("/api/v1/ledgers", jp);
  REQUIRE(list.status == 200);
  CHECK(list.body.find("T4606W000901") == std::string::npos);
  CHECK(SupervisionCounts(s) == before);
  Response officer_list = s.Get("/api/v1/ledgers?q=T4606W00090", b.officer);
  CHECK(officer_list.json["total"] == 2);
}

TEST_CASE("a released bonded list debits its ledger; a list beyond the stock is refused") {
  TestServer s({.seed_demo = true});
  Books b = TwoLedgers(s);
  std::string admin = s.Login("admin", kAdminPassword);

  int64_t id = SubmitSet(s, admin, BondedSet("B001", "T4606W000901", "ITEM-0001", 2, "20261125"));
  core::Json d = Declaration(s, b.officer, id);
  REQUIRE_MESSAGE(d["status_name"] == "released", core::DumpJson(d["history"]));
  Response doc = s.Get("/api/v1/ledgers/T4606W000901", b.hnby);
  const core::Json& last = doc.json["entries"].back();
  CHECK(last["kind"] == "release_out");
  CHECK(last["invt_no"] == d["invt_no"]);
  CHECK(last["gnum"] == 1);
  CHECK(last["qty"] == "2");
  CHECK(last["declaration_id"] == id);
  CHECK(BalanceOf(s.Get("/api/v1/ledgers/T4606W000901/balances", b.hnby).json, "ITEM-0001") == "8");

  // 9 more than the 8 in stock: the ledger's finding refuses the list and nothing is debited.
  int64_t over = SubmitSet(s, admin, BondedSet("B002", "T4606W000901", "ITEM-0001", 9, "20261125"));
  core::Json refused = Declaration(s, b.officer, over);
  CHECK(refused["status_name"] != "released");
  CHECK(core::DumpJson(refused).find("LEDGER_NEGATIVE_BALANCE") != std::string::npos);
  CHECK(BalanceOf(s.Get("/api/v1/ledgers/T4606W000901/balances", b.hnby).json, "ITEM-0001") == "8");

  // A bonded list naming no registered ledger is refused with the server's finding.
  int64_t unknown =
      SubmitSet(s, admin, BondedSet("B003", "T4606W000777", "ITEM-0001", 1, "20261125"));
  core::Json u = Declaration(s, b.officer, unknown);
  CHECK(u["status_name"] != "released");
  CHECK(core::DumpJson(u).find("LEDGER_NOT_FOUND") != std::string::npos);
}

TEST_CASE("goods returned from a released bonded list come back on its ledger, once") {
  TestServer s({.seed_demo = true});
  Books b = TwoLedgers(s);
  std::string admin = s.Login("admin", kAdminPassword);
  int64_t id = SubmitSet(s, admin, BondedSet("B011", "T4606W000901", "ITEM-0001", 2, "20261125"));
  core::Json d = Declaration(s, b.officer, id);
  REQUIRE(d["status_name"] == "released");
  CHECK(BalanceOf(s.Get("/api/v1/ledgers/T4606W000901/balances", b.hnby).json, "ITEM-0001") == "8");

  Response r =
      SubmitJson(s, admin, JsonItem("CEB625", core::RefundToJson(RefundOf(d, "RET-1", "1"))));
  REQUIRE_MESSAGE(r.status == 200, r.body);
  CHECK(r.json["receipts"][0]["status"] == "stored");
  CHECK(Declaration(s, b.officer, id)["returns"][0]["outcome"] == "restored");
  Response doc = s.Get("/api/v1/ledgers/T4606W000901", b.hnby);
  const core::Json& back = doc.json["entries"].back();
  CHECK(back["kind"] == "return_in");
  CHECK(back["invt_no"] == d["invt_no"]);
  CHECK(back["gnum"] == 1);
  CHECK(back["qty"] == "1");
  CHECK(back["declaration_id"] == id);
  CHECK(BalanceOf(s.Get("/api/v1/ledgers/T4606W000901/balances", b.hnby).json, "ITEM-0001") == "9");
  // The book stays sound in the core's audit.
  Response balances = s.Get("/api/v1/ledgers/T4606W000901/balances", b.officer);
  REQUIRE(balances.json["findings"].is_array());
  CHECK(balances.json["findings"].empty());

  // A second return of two more than the one left: the ledger refuses it, nothing changes.
  auto before = IngestCounts(s);
  Response over =
      SubmitJson(s, admin, JsonItem("CEB625", core::RefundToJson(RefundOf(d, "RET-2", "2"))));
  CHECK(over.status == 409);
  CHECK(over.body.find("LEDGER_RETURN_EXCEEDS_RELEASE") != std::string::npos);
  CHECK(IngestCounts(s) == before);
  CHECK(BalanceOf(s.Get("/api/v1/ledgers/T4606W000901/balances", b.hnby).json, "ITEM-0001") == "9");
}

}  // namespace
}  // namespace server::testing
