// Server tests: goods filings over HTTP: the core's verdict with other enterprises' same-name
// filings, admission required, bad input writing nothing, name-codes, listing.
#include <doctest/doctest.h>

#include "core/verdict_api.h"
#include "test_server.h"

namespace server::testing {
namespace {

struct Ids {
  int64_t hnby = 0;
  int64_t jpbeauty = 0;
  int64_t oldlog = 0;
};

Ids EnterpriseIds(TestServer& s, const std::string& officer) {
  Ids ids;
  Response all = s.Get("/api/v1/enterprises?limit=100", officer);
  for (const core::Json& e : all.json["items"]) {
    std::string uscc = e["uscc"].get<std::string>();
    std::string name = e["name"].get<std::string>();
    if (uscc == "9141010052CL12THXP") ids.hnby = e["id"].get<int64_t>();
    if (uscc == "9144030009JC171H9W") ids.oldlog = e["id"].get<int64_t>();
    if (name == "日本美研株式会社") ids.jpbeauty = e["id"].get<int64_t>();
  }
  REQUIRE(ids.hnby > 0);
  REQUIRE(ids.jpbeauty > 0);
  REQUIRE(ids.oldlog > 0);
  return ids;
}

TEST_CASE("an enterprise files goods and gets the core's verdict") {
  TestServer s({.seed_demo = true});
  std::string officer = s.Login("officer", kOfficerPassword);
  Ids ids = EnterpriseIds(s, officer);
  std::string hnby = s.Login("hnby", kEnterprisePassword);
  auto before = s.Counts();
  core::Json filing = ValidFiling("T-0001");
  Response r = s.Post("/api/v1/enterprises/" + std::to_string(ids.hnby) + "/goods",
                      {{"filing", filing}}, hnby);
  REQUIRE(r.status == 201);
  CHECK(r.json["outcome"] == "admitted");
  CHECK(r.json["enterprise_id"] == ids.hnby);
  auto ref = s.app().reference();
  core::Json request = {
      {"filing", filing}, {"decision_date", kToday}, {"other_filings", core::Json::array()}};
  CHECK(core::DumpJson(r.json["verdict"]) ==
        core::EvaluateGoodsJson(core::DumpJson(request), ref->tables, ref->policy));
  CHECK(s.Count("goods_filings") == before["goods_filings"] + 1);
  CHECK(s.Count("audit_log") == before["audit_log"] + 1);

  Response got = s.Get("/api/v1/goods/" + std::to_string(r.json["id"].get<int64_t>()), hnby);
  REQUIRE(got.status == 200);
  CHECK(got.json["verdict"] == r.json["verdict"]);
  CHECK(got.json["filing"]["sku"] == "T-0001");

  // The same SKU again is a conflict; an officer may file on the enterprise's behalf.
  CHECK(s.Post("/api/v1/enterprises/" + std::to_string(ids.hnby) + "/goods", {{"filing", filing}},
               hnby)
            .status == 409);
  CHECK(s.Post("/api/v1/enterprises/" + std::to_string(ids.hnby) + "/goods",
               {{"filing", ValidFiling("T-0002")}}, officer)
            .status == 201);
}

TEST_CASE("same name under another code at another enterprise goes to review") {
  TestServer s({.seed_demo = true});
  std::string officer = s.Login("officer", kOfficerPassword);
  Ids ids = EnterpriseIds(s, officer);
  std::string jp = s.Login("jpbeauty", kEnterprisePassword);
  // hnby filed 便携电动剃须刀 under 8510100000 in the demo data. Spacing and case differ here.
  Response codes = s.Get(
      "/api/v1/goods/name-codes?name=%E4%BE%BF%E6%90%BA%20%E7%94%B5%E5%8A%A8"
      "%E5%89%83%E9%A1%BB%E5%88%80&exclude_enterprise_id=" +
          std::to_string(ids.jpbeauty),
      jp);
  REQUIRE(codes.status == 200);
  REQUIRE(codes.json["other_filings"].size() == 1);
  CHECK(codes.json["other_filings"][0]["code10"] == "8510100000");

  core::Json filing = ValidFiling("JPB-9");
  filing["name"] = "便携 电动剃须刀";
  filing["code10"] = "8516320000";
  Response r = s.Post("/api/v1/enterprises/" + std::to_string(ids.jpbeauty) + "/goods",
                      {{"filing", filing}}, jp);
  REQUIRE(r.status == 201);
  CHECK(r.json["outcome"] == "review");
  bool flagged = false;
  for (const core::Json& f : r.json["verdict"]["findings"]) {
    if (f["code"] == "SAME_NAME_DIFFERENT_CODE") flagged = true;
  }
  CHECK(flagged);
  // The page reproduces the verdict from name-codes and the reference lists.
  auto ref = s.app().reference();
  core::Json request = {{"filing", filing},
                        {"decision_date", kToday},
                        {"other_filings", codes.json["other_filings"]}};
  CHECK(core::DumpJson(r.json["verdict"]) ==
        core::EvaluateGoodsJson(core::DumpJson(request), ref->tables, ref->policy));
  CHECK(s.Get("/api/v1/goods/name-codes", jp).status == 400);
}

TEST_CASE("only admitted enterprises file; bad filings answer 400 and write nothing") {
  TestServer s({.seed_demo = true});
  std::string officer = s.Login("officer", kOfficerPassword);
  Ids ids = EnterpriseIds(s, officer);
  auto before = s.Counts();
  Response pending = s.Post("/api/v1/enterprises/" + std::to_string(ids.oldlog) + "/goods",
                            {{"filing", ValidFiling()}}, officer);
  CHECK(pending.status == 409);
  CHECK(pending.ErrorCode() == "failed_precondition");
  CHECK(s.Post("/api/v1/enterprises/999999/goods", {{"filing", ValidFiling()}}, officer).status ==
        404);

  auto with = [](const std::string& key, core::Json value) {
    core::Json f = ValidFiling();
    f[key] = std::move(value);
    return core::DumpJson({{"filing", f}});
  };
  core::Json no_code = ValidFiling();
  no_code.erase("code10");
  const std::string bodies[] = {
      "not json",
      "{}",
      core::DumpJson({{"filing", 5}}),
      core::DumpJson({{"filing", no_code}}),
      with("declared_unit_price_fen", "12.50"),
      with("declared_unit_price_fen", 12.5),
      with("name", std::string(201, 'n')),
      with("sku", core::Json::array()),
      with("trade_mode", 1210),
  };
  std::string path = "/api/v1/enterprises/" + std::to_string(ids.hnby) + "/goods";
  for (const std::string& body : bodies) {
    CAPTURE(body);
    Response r = s.Send("POST", path, body, officer);
    CHECK(r.status == 400);
    CHECK(r.ErrorCode() == "invalid_argument");
  }
  CHECK(s.Counts() == before);
}

TEST_CASE("goods listing filters and scoping") {
  TestServer s({.seed_demo = true});
  std::string officer = s.Login("officer", kOfficerPassword);
  Ids ids = EnterpriseIds(s, officer);
  Response all = s.Get("/api/v1/goods", officer);
  REQUIRE(all.status == 200);
  CHECK(all.json["total"] == 13);
  CHECK(s.Get("/api/v1/goods?outcome=rejected", officer).json["total"] == 4);
  CHECK(s.Get("/api/v1/goods?outcome=review", officer).json["total"] == 4);
  CHECK(s.Get("/api/v1/goods?outcome=admitted", officer).json["total"] == 5);
  CHECK(
      s.Get("/api/v1/goods?enterprise_id=" + std::to_string(ids.jpbeauty), officer).json["total"] ==
      2);
  CHECK(s.Get("/api/v1/goods?q=3304990099", officer).json["total"] == 1);
  std::string jp = s.Login("jpbeauty", kEnterprisePassword);
  Response own = s.Get("/api/v1/goods?enterprise_id=" + std::to_string(ids.hnby), jp);
  CHECK(own.json["total"] == 2);
  for (const core::Json& g : own.json["items"]) CHECK(g["enterprise_id"] == ids.jpbeauty);
}

TEST_CASE("identifier checks run the core on the server") {
  TestServer s({.seed_demo = true});
  std::string officer = s.Login("officer", kOfficerPassword);
  Response ok = s.Post("/api/v1/check/identifier",
                       {{"kind", "uscc"}, {"value", "91310110666007217T"}}, officer);
  REQUIRE(ok.status == 200);
  CHECK(ok.json["valid"] == true);
  Response bad = s.Post("/api/v1/check/identifier",
                        {{"kind", "commodity_code"}, {"value", "93070090"}}, officer);
  REQUIRE(bad.status == 200);
  CHECK(bad.json["valid"] == false);
  CHECK(bad.json["findings"][0]["code"] == "HS_FORMAT");
  auto ref = s.app().reference();
  core::Json req = {{"kind", "resident_id"}, {"value", "11010519491231002X"}};
  Response id = s.Post("/api/v1/check/identifier", req, officer);
  CHECK(id.body == core::CheckIdentifierJson(core::DumpJson(req), ref->tables, ref->policy));
  CHECK(
      s.Post("/api/v1/check/identifier", {{"kind", "passport"}, {"value", "x"}}, officer).status ==
      400);
}

}  // namespace
}  // namespace server::testing
