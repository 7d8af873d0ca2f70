// Helpers shared by the ledger, gate, promotion and risk server tests: enterprise ids, row counts
// of the supervision tables, bonded (1210) message sets and an inspection rule. Header only; no
// file I/O itself.
#pragma once

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "ceb_fixtures.h"
#include "test_server.h"

namespace server::testing {

// Saves (as `admin`) a routing rule sending lists at a unit price of 199.00 to inspection.
inline void InspectAt199(TestServer& s, const std::string& admin) {
  const core::Json rule = TestRule("risk-inspect", "goods.unit_price_fen = 199.00 cny", "inspect");
  Response saved = s.Put("/api/v1/routing/rules/risk-inspect", {{"rule", rule}}, admin);
  REQUIRE_MESSAGE(saved.status == 201, saved.body);
}

// 30 lists at 199.00 inspected over ten days (InspectAt199 saved first): those without freight do
// not match, those with freight do. The learned score's tests train on them.
struct InspectedLists {
  std::vector<int64_t> mismatched, matched;
};

inline InspectedLists InspectThirtyAt199(TestServer& s, const std::string& admin,
                                         const std::string& officer) {
  InspectAt199(s, admin);
  InspectedLists out;
  for (int i = 0; i < 30; ++i) {
    SetSpec spec = Spec("LS" + std::to_string(i));
    spec.price = 19900;
    const bool bad = i % 5 < 2;
    spec.freight = bad ? 0 : 1000;
    spec.decl_date = "202611" + std::to_string(10 + i / 3);
    const int64_t id = SubmitSet(s, admin, MakeSet(spec));
    core::Json body = {{"outcome", bad ? "mismatch" : "match"}, {"reason", "查验"}};
    if (bad) {
      body["details"] = "实货与申报不符";
      body["action"] = "reject";
    }
    Response r =
        s.Post("/api/v1/declarations/" + std::to_string(id) + "/inspection", body, officer);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    (bad ? out.mismatched : out.matched).push_back(id);
  }
  return out;
}

// The enterprise id of a signed-in enterprise user.
inline int64_t OwnEnterpriseId(TestServer& s, const std::string& cookie) {
  Response me = s.Get("/api/v1/auth/me", cookie);
  REQUIRE(me.status == 200);
  REQUIRE(me.json["user"]["enterprise_id"].is_number_integer());
  return me.json["user"]["enterprise_id"].get<int64_t>();
}

// A stocktake of hnby's demo ledger T4606W000001 short by 5 face creams (HNBY-0001 counted 495
// of 500), recorded by hnby (`cookie`): the stored stocktake.
inline core::Json ShortDemoStocktake(TestServer& s, const std::string& cookie) {
  Response st = s.Post("/api/v1/ledgers/T4606W000001/stocktakes",
                       {{"stocktake",
                         {{"date", kToday},
                          {"method", "self_count"},
                          {"counts",
                           {{{"sku", "HNBY-0010"}, {"counted", "200"}},
                            {{"sku", "HNBY-0001"}, {"counted", "495"}}}}}}},
                       cookie);
  REQUIRE_MESSAGE(st.status == 201, st.body);
  REQUIRE(st.json["stocktake"]["outcome"] == "shortage");
  return st.json["stocktake"];
}

// Rows of every table the supervision routes write, with the audit log.
inline std::map<std::string, int64_t> SupervisionCounts(TestServer& s) {
  std::map<std::string, int64_t> out;
  for (const char* t : {"ledgers", "ledger_entries", "ledger_transfers", "vehicles", "gate_passes",
                        "gate_events", "promotions", "audit_log"}) {
    out[t] = s.Count(t);
  }
  return out;
}

// The default set of `key` made a bonded (1210) list debiting `ems_no` for account-book item
// `item` (the order line keeps its item number; the list adds itemRecordNo).
inline CebSet BondedSet(const std::string& key, const std::string& ems_no, const std::string& item,
                        int qty, const std::string& decl_date) {
  SetSpec spec = Spec(key);
  spec.qty = qty;
  spec.decl_date = decl_date;
  CebSet set = MakeSet(spec);
  set.list.head.trade_mode = "1210";
  set.list.head.ems_no = ems_no;
  set.list.lines[0].item_record_no = item;
  return set;
}

// The error codes of a findings array.
inline std::string CodesOf(const core::Json& findings) {
  std::string out;
  for (const core::Json& f : findings) out += f["code"].get<std::string>() + " ";
  return out;
}

}  // namespace server::testing
