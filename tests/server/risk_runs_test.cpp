// Server tests: the core's risk models run over the store over HTTP: a family behind one phone
// and a split purchase are found with the lists behind them; thresholds are data of the run; bad
// thresholds store nothing; enterprises may not run or read them. The models over what patrols,
// mystery orders, stocktakes, gates and inspections found hit on those records as the routes
// stored them, with the records behind each hit.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "ceb_fixtures.h"
#include "patrol_fixtures.h"
#include "supervision_fixtures.h"
#include "test_server.h"

namespace server::testing {
namespace {

// The hits of `model` in run `run`, read back over HTTP.
core::Json HitsOf(TestServer& s, const std::string& cookie, const std::string& run,
                  const std::string& model) {
  Response r = s.Get("/api/v1/risk/runs/" + run + "/hits?model=" + model, cookie);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  return r.json["items"];
}

// The hit about `subject` (null when none).
core::Json HitOn(const core::Json& hits, const std::string& subject) {
  for (const core::Json& h : hits) {
    if (h["subject"] == subject) return h;
  }
  FAIL_CHECK("no hit on " << subject);
  return core::Json();
}

// The ids of the records of `kind` behind a hit.
std::set<int64_t> RecordsOf(const core::Json& hit, const std::string& kind) {
  std::set<int64_t> out;
  if (!hit.is_object()) return out;
  for (const core::Json& r : hit["records"]) {
    if (r["kind"] == kind) out.insert(r["id"].get<int64_t>());
  }
  return out;
}

}  // namespace

TEST_CASE("risk runs find shared phones and split orders in the stored declarations") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  // Three family members order with one phone; kBuyerA also splits a 6,000 purchase in two.
  const char* ids[] = {kBuyerA, kBuyerB, "410105197001010020"};
  std::set<int64_t> family;
  for (int i = 0; i < 3; ++i) {
    SetSpec spec = Spec("RF" + std::to_string(i));
    spec.buyer_id = ids[i];
    spec.phone = "13912345678";
    family.insert(SubmitSet(s, admin, MakeSet(spec)));
  }
  std::set<int64_t> split;
  for (const char* key : {"RS1", "RS2"}) {
    SetSpec spec = Spec(key);
    spec.buyer_id = "410105199208150038";
    spec.phone = "13700000000";
    spec.price = 300000;
    split.insert(SubmitSet(s, admin, MakeSet(spec)));
  }
  CHECK(s.Get("/api/v1/risk/models", officer).json["models"].size() >= 9);

  Response run = s.Post("/api/v1/risk/runs", core::Json::object(), officer);
  REQUIRE_MESSAGE(run.status == 201, run.body);
  CHECK(run.json["run"]["declarations"].get<int64_t>() >= 5);
  CHECK(run.json["by_model"]["SHARED_PHONE"] == 1);
  CHECK(run.json["by_model"]["SPLIT_UNDER_LIMIT"] == 1);
  const std::string id = std::to_string(run.json["run"]["id"].get<int64_t>());
  Response phone = s.Get("/api/v1/risk/runs/" + id + "/hits?model=SHARED_PHONE", officer);
  REQUIRE(phone.json["items"].size() == 1);
  const core::Json& hit = phone.json["items"][0];
  CHECK(hit["subject"] == "13912345678");
  std::set<int64_t> behind;
  for (const core::Json& d : hit["declarations"]) behind.insert(d.get<int64_t>());
  CHECK(behind == family);
  CHECK(hit["explanation_en"].get<std::string>().find("3 buyer IDs") != std::string::npos);
  Response splits = s.Get("/api/v1/risk/runs/" + id + "/hits?model=SPLIT_UNDER_LIMIT", officer);
  REQUIRE(splits.json["items"].size() == 1);
  std::set<int64_t> parts;
  for (const core::Json& d : splits.json["items"][0]["declarations"])
    parts.insert(d.get<int64_t>());
  CHECK(parts == split);

  // Thresholds are the run's data: with four IDs needed, the family is no hit.
  Response strict = s.Post("/api/v1/risk/runs", {{"thresholds", {{"ids_per_phone", 4}}}}, officer);
  REQUIRE(strict.status == 201);
  CHECK(strict.json["by_model"]["SHARED_PHONE"] == 0);
  CHECK(strict.json["run"]["thresholds"]["ids_per_phone"] == 4);
  CHECK(s.Get("/api/v1/audit?action=risk.run", admin).json["total"] == 2);
  // The runs, newest first, with their counts per model as each run returned them.
  Response runs_list = s.Get("/api/v1/risk/runs", officer);
  REQUIRE(runs_list.status == 200);
  REQUIRE(runs_list.json["items"].size() == 2);
  CHECK(runs_list.json["items"][0]["run"]["id"] == strict.json["run"]["id"]);
  CHECK(runs_list.json["items"][0]["by_model"] == strict.json["by_model"]);
  CHECK(runs_list.json["items"][1]["by_model"] == run.json["by_model"]);

  // A typo in a threshold is refused and nothing is stored; enterprises may not run or read.
  const int64_t runs = s.Count("risk_runs");
  Response bad = s.Post("/api/v1/risk/runs", {{"thresholds", {{"ids_per_fone", 4}}}}, officer);
  CHECK(bad.status == 400);
  CHECK(bad.body.find("ids_per_fone") != std::string::npos);
  CHECK(s.Count("risk_runs") == runs);
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  CHECK(s.Post("/api/v1/risk/runs", core::Json::object(), hnby).status == 403);
  CHECK(s.Get("/api/v1/risk/runs/" + id + "/hits", hnby).status == 403);
  CHECK(s.Get("/api/v1/risk/runs", hnby).status == 403);
  CHECK(s.Get("/api/v1/risk/runs/999/hits", officer).status == 404);
}

TEST_CASE("risk runs read patrols, mystery orders, stocktakes, gates and inspections") {
  TestServer s({.seed_demo = true});
  const std::string admin = s.Login("admin", kAdminPassword);
  const std::string officer = s.Login("officer", kOfficerPassword);
  const std::string hnby = s.Login("hnby", kEnterprisePassword);
  const std::string ztlog = s.Login("ztlog", kEnterprisePassword);
  InspectAt199(s, admin);

  // hnby declares the shaver at 399.00 with 10.00 freight; three lists at 199.00 are inspected
  // and found not to match.
  const int64_t shaver = SubmitSet(s, admin, MakeSet(Spec("RK1")));
  std::set<int64_t> inspected;
  for (const char* key : {"RKI1", "RKI2", "RKI3"}) {
    SetSpec spec = Spec(key);
    spec.price = 19900;
    const int64_t id = SubmitSet(s, admin, MakeSet(spec));
    Response r = s.Post("/api/v1/declarations/" + std::to_string(id) + "/inspection",
                        {{"outcome", "mismatch"},
                         {"reason", "货物与申报不符"},
                         {"details", "实货为两件"},
                         {"action", "reject"}},
                        officer);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    inspected.insert(id);
  }

  // A patrol sees the shaver at 499.00 with 15.00 shipping, and three goods never declared; a
  // mystery order is placed that no list ever follows.
  PatrolSetup p = SetUpPatrol(s, admin, officer, OwnEnterpriseId(s, hnby));
  core::Json observations = core::Json::array();
  observations.push_back({{"url", "http://127.0.0.1:18081/item/10"},
                          {"sku", "SKU-8510100000"},
                          {"name", "电动剃须刀"},
                          {"price_fen", 49900},
                          {"freight_fen", 1500},
                          {"currency", "CNY"},
                          {"evidence_seq", 1}});
  for (const char* sku : {"ZZ-1", "ZZ-2", "ZZ-3"}) {
    observations.push_back({{"url", std::string("http://127.0.0.1:18081/item/") + sku},
                            {"sku", sku},
                            {"name", "未申报商品"},
                            {"price_fen", 9900},
                            {"currency", "CNY"}});
  }
  Response patrolled = CrawlerPost(
      s, p.token, "/api/v1/crawler/tasks/" + std::to_string(p.patrol_task) + "/complete",
      {{"lease_token", p.patrol_lease},
       {"complete_listing", false},
       {"observations", observations}});
  REQUIRE_MESSAGE(patrolled.status == 200, patrolled.body);
  Response placed = CrawlerPost(
      s, p.token, "/api/v1/crawler/tasks/" + std::to_string(p.mystery_task) + "/complete",
      {{"lease_token", p.mystery_lease},
       {"order",
        {{"order_no", "RK-NEVER-DECLARED"},
         {"unit_price_fen", 49900},
         {"goods_fen", 49900},
         {"freight_fen", 1500},
         {"tax_fen", 0},
         {"total_fen", 51400}}}});
  REQUIRE_MESSAGE(placed.status == 200, placed.body);

  // hnby's stocktake finds 5 of 20 face creams (128.00 each) missing: 640.00.
  REQUIRE(s.Post("/api/v1/ledgers",
                 {{"ledger", {{"ems_no", "T4606W000961"}, {"customs_code", "4606"}}}}, hnby)
              .status == 201);
  REQUIRE(s.Post("/api/v1/ledgers/T4606W000961/entries",
                 {{"entry",
                   {{"kind", "first_line_in"},
                    {"date", "2026-11-01"},
                    {"sku", "HNBY-0001"},
                    {"code10", "3304990099"},
                    {"qty", "20"},
                    {"unit", "瓶"},
                    {"entry_no", "460620261000000061"}}}},
                 hnby)
              .status == 201);
  Response counted = s.Post("/api/v1/ledgers/T4606W000961/stocktakes",
                            {{"stocktake",
                              {{"date", "2026-11-20"},
                               {"method", "self_count"},
                               {"counts", {{{"sku", "HNBY-0001"}, {"counted", "15"}}}}}}},
                            hnby);
  REQUIRE_MESSAGE(counted.status == 201, counted.body);
  const int64_t stocktake = counted.json["stocktake"]["id"].get<int64_t>();

  // ztlog registers one vehicle; a pass on it weighs 1,200 kg of goods against 1,000 declared,
  // and a pass names a vehicle nobody registered.
  REQUIRE(s.Post("/api/v1/vehicles",
                 {{"vehicle",
                   {{"plate", "豫A 12345"}, {"ic_card_no", "IC-ZT-0001"}, {"frame_wt", "8000"}}}},
                 ztlog)
              .status == 201);
  const std::string invt_no = Declaration(s, officer, shaver)["invt_no"].get<std::string>();
  std::vector<int64_t> passes;
  for (const char* plate : {"豫A12345", "豫B99999"}) {
    core::Json pass = {{"pass",
                        {{"ioTypecd", "E"},
                         {"passportTypecd", "3"},
                         {"bindTypecd", "1"},
                         {"vehicleNo", plate},
                         {"vehicleIcNo", "IC-ZT-0001"},
                         {"vehicleFrameWt", "8000"},
                         {"totalGrossWt", "1000"},
                         {"invtNos", {invt_no}}}}};
    Response made = s.Post("/api/v1/gate-passes", pass, ztlog);
    REQUIRE_MESSAGE(made.status == 201, made.body);
    passes.push_back(made.json["gate_pass"]["id"].get<int64_t>());
  }
  Response weighed =
      s.Post("/api/v1/gate-passes/" + std::to_string(passes[0]) + "/events",
             {{"event", {{"passCollectWt", "9200"}, {"gate", 1}, {"passTime", "20261126103000"}}}},
             officer);
  REQUIRE_MESSAGE(weighed.status == 201, weighed.body);

  // As of a month later: the listings have been on sale past the grace, the mystery order is long
  // due. The run's day is its data: a bad one is refused.
  CHECK(s.Post("/api/v1/risk/runs", {{"as_of", "2026-13-01"}}, officer).status == 400);
  Response run = s.Post("/api/v1/risk/runs", {{"as_of", "2026-12-27"}}, officer);
  REQUIRE_MESSAGE(run.status == 201, run.body);
  for (const auto& [input, table] :
       std::map<std::string, std::string>{{"observations", "listing_observations"},
                                          {"mystery_orders", "mystery_orders"},
                                          {"promotions", "promotions"},
                                          {"stocktakes", "stocktakes"},
                                          {"gate_passes", "gate_passes"},
                                          {"vehicles", "vehicles"}}) {
    CAPTURE(input);
    CHECK(run.json["inputs"][input] == s.Count(table));
  }
  CHECK(run.json["inputs"]["observations"] == 4);
  CHECK(run.json["inputs"]["inspections"] == 3);
  const std::string id = std::to_string(run.json["run"]["id"].get<int64_t>());

  // The shaver at 399.00 is 20% below the 499.00 seen (the lists at 199.00 further still), and
  // its 10.00 freight below the 15.00 shown.
  core::Json hits = HitsOf(s, officer, id, "PRICE_BELOW_OBSERVED");
  CHECK(hits.size() == 4);
  const core::Json price = HitOn(hits, std::to_string(shaver));
  CHECK(RecordsOf(price, "observation").size() == 1);
  CHECK(price["explanation_en"].get<std::string>().find("20% below the 499.00 CNY") !=
        std::string::npos);
  hits = HitsOf(s, officer, id, "FREIGHT_BELOW_OBSERVED");
  CHECK(hits.size() == 4);
  const core::Json freight = HitOn(hits, std::to_string(shaver));
  CHECK(freight["declarations"] == core::Json::array({shaver}));
  CHECK(RecordsOf(freight, "observation") == RecordsOf(price, "observation"));
  hits = HitsOf(s, officer, id, "SOLD_NOT_DECLARED");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["subject"] == kHnbyCode);
  CHECK(RecordsOf(hits[0], "observation").size() == 3);
  hits = HitsOf(s, officer, id, "MYSTERY_NO_DECLARATION");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["subject"] == kHnbyCode);
  CHECK(RecordsOf(hits[0], "mystery_order").size() == 1);
  hits = HitsOf(s, officer, id, "LEDGER_SHORTFALL");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["subject"] == kHnbyCode);
  CHECK(RecordsOf(hits[0], "stocktake") == std::set<int64_t>{stocktake});
  CHECK(hits[0]["explanation_en"].get<std::string>().find("640.00 CNY missing") !=
        std::string::npos);
  hits = HitsOf(s, officer, id, "GATE_WEIGHT_MISMATCH");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["subject"] == kZtlogCode);
  CHECK(RecordsOf(hits[0], "gate_pass") == std::set<int64_t>{passes[0]});
  hits = HitsOf(s, officer, id, "UNREGISTERED_VEHICLE");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["subject"] == "豫B99999");
  CHECK(RecordsOf(hits[0], "gate_pass") == std::set<int64_t>{passes[1]});
  hits = HitsOf(s, officer, id, "INSPECTION_MISMATCH_HISTORY");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["subject"] == kHnbyCode);
  std::set<int64_t> behind;
  for (const core::Json& d : hits[0]["declarations"]) behind.insert(d.get<int64_t>());
  CHECK(behind == inspected);
  CHECK(RecordsOf(hits[0], "inspection").size() == 3);

  // Just under each threshold (the run's data), none of them hits.
  CHECK(run.json["run"]["as_of"] == "2026-12-27");
  Response strict = s.Post("/api/v1/risk/runs",
                           {{"as_of", "2026-12-27"},
                            {"thresholds",
                             {{"observed_price_pct", 20},
                              {"undeclared_skus", 4},
                              {"mystery_window_days", 31},
                              {"ledger_shortfall_fen", 64001},
                              {"gate_weight_tolerance_bp", 2000},
                              {"inspection_mismatches", 4}}}},
                           officer);
  REQUIRE_MESSAGE(strict.status == 201, strict.body);
  for (const char* model : {"SOLD_NOT_DECLARED", "MYSTERY_NO_DECLARATION", "LEDGER_SHORTFALL",
                            "GATE_WEIGHT_MISMATCH", "INSPECTION_MISMATCH_HISTORY"}) {
    CAPTURE(model);
    CHECK(strict.json["by_model"][model] == 0);
  }
  // The shaver, exactly 20% below, is no longer a hit; the lists at 199.00 still are.
  const std::string strict_id = std::to_string(strict.json["run"]["id"].get<int64_t>());
  hits = HitsOf(s, officer, strict_id, "PRICE_BELOW_OBSERVED");
  CHECK(hits.size() == 3);
  for (const core::Json& h : hits) CHECK(h["subject"] != std::to_string(shaver));
}

}  // namespace server::testing

namespace server::testing {

TEST_CASE("routing rules read the newest risk run's hits on the buyer and the enterprise") {
  TestServer s({.seed_demo = true});
  std::string admin = s.Login("admin", kAdminPassword);
  std::string officer = s.Login("officer", kOfficerPassword);
  const char* ids[] = {kBuyerA, kBuyerB, "410105197001010020"};
  for (int i = 0; i < 3; ++i) {
    SetSpec spec = Spec("RH" + std::to_string(i));
    spec.buyer_id = ids[i];
    spec.phone = "13912345678";
    SubmitSet(s, admin, MakeSet(spec));
  }
  const core::Json rule = {{"id", "risk-hit-buyers"},
                           {"name", "buyers named by the risk models"},
                           {"condition", "risk.buyer_hits >= 1"},
                           {"action", "manual_review"},
                           {"priority", 300},
                           {"valid_from", "2026-01-01"},
                           {"valid_to", nullptr},
                           {"enabled", true},
                           {"reason_zh", "风险模型命中的买家"},
                           {"reason_en", "a buyer the risk models named"}};
  REQUIRE(s.Put("/api/v1/routing/rules/risk-hit-buyers", {{"rule", rule}, {"note", "t"}}, admin)
              .status == 201);
  // Before any run the rule sees no hits: a fourth buyer on the phone is released.
  SetSpec before = Spec("RH3");
  before.buyer_id = "410105199208150038";
  before.phone = "139 1234 5678";
  const core::Json released = Declaration(s, admin, SubmitSet(s, admin, MakeSet(before)));
  CHECK(released["status"] == 800);
  REQUIRE(s.Post("/api/v1/risk/runs", core::Json::object(), officer).status == 201);
  // After it, the phone is a hit's subject: the next buyer on it goes to manual review.
  SetSpec after = Spec("RH4");
  after.buyer_id = "410105199208150046";
  after.phone = "+86 139-1234-5678";
  const core::Json held = Declaration(s, admin, SubmitSet(s, admin, MakeSet(after)));
  CHECK(held["status"] == 300);
  Response routing = s.Get(
      "/api/v1/declarations/" + std::to_string(held["id"].get<int64_t>()) + "/routing", admin);
  REQUIRE(routing.status == 200);
  CHECK(routing.json["context"]["risk"]["buyer_hits"].get<int64_t>() >= 1);
  CHECK(routing.json["context"]["risk"]["enterprise_hits"] == 0);
  // A buyer with a phone of her own is not.
  SetSpec other = Spec("RH5");
  other.buyer_id = "410105199208150054";
  other.phone = "13700000009";
  CHECK(Declaration(s, admin, SubmitSet(s, admin, MakeSet(other)))["status"] == 800);
}

}  // namespace server::testing
