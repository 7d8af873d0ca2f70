// The supervision demo data, built through the ledger, gate and promotion services.
#include "demo/demo_supervision.h"

#include "demo/demo_steps.h"
#include "service/gates.h"
#include "service/ledgers.h"
#include "service/ledgers_booking.h"
#include "service/promotions.h"

namespace server {

namespace {

constexpr const char* kDemoEmsNo = "T4606W000001";

template <typename Fn>
core::Status Step(App& app, const std::string& step, Fn&& fn) {
  return demo::InTransaction(app, "demo seed", step, std::forward<Fn>(fn));
}

core::StatusOr<const Actor*> ActorOf(const std::map<std::string, Actor>& actors,
                                     const std::string& key) {
  auto it = actors.find(key);
  if (it == actors.end()) return core::InternalError("demo seed: no account for " + key);
  return &it->second;
}

core::Json FirstLineIn(const core::Date& date, const std::string& sku, const std::string& code10,
                       const std::string& qty, const std::string& unit,
                       const std::string& entry_no) {
  return {{"entry",
           {{"kind", "first_line_in"},
            {"date", date.ToIso()},
            {"sku", sku},
            {"item_no", sku},
            {"code10", code10},
            {"qty", qty},
            {"unit", unit},
            {"entry_no", entry_no}}}};
}

}  // namespace

core::Status SeedSupervisionDemo(App& app, const std::map<std::string, Actor>& enterprise_actors) {
  CORE_ASSIGN_OR_RETURN(const Actor* hnby, ActorOf(enterprise_actors, "hnby"));
  CORE_ASSIGN_OR_RETURN(const Actor* ztlog, ActorOf(enterprise_actors, "ztlog"));
  const core::Date today = app.Today();

  CORE_RETURN_IF_ERROR(Step(app, "bonded ledger", [&](Db& db) -> core::Status {
    core::Json body = {{"ledger",
                        {{"ems_no", kDemoEmsNo},
                         {"customs_code", "4606"},
                         {"name", "郑州新郑综保区跨境电商账册"}}}};
    return CreateLedger(app, db, *hnby, body).status();
  }));
  // Two first-line entries: the shaver and the face cream the demo lists sell from the area.
  const core::Json entries[] = {
      FirstLineIn(today.AddDays(-30), "HNBY-0010", "8510100000", "200", "001",
                  "460620260000001001"),
      FirstLineIn(today.AddDays(-12), "HNBY-0001", "3304990099", "500", "142",
                  "460620260000001002"),
  };
  int n = 0;
  for (const core::Json& body : entries) {
    CORE_RETURN_IF_ERROR(
        Step(app, "ledger entry " + std::to_string(++n), [&](Db& db) -> core::Status {
          CORE_ASSIGN_OR_RETURN(LedgerRecord ledger, GetLedgerFor(db, *hnby, kDemoEmsNo));
          CORE_ASSIGN_OR_RETURN(LedgerBooking b, BookLedgerEntry(app, db, *hnby, ledger, body));
          if (!b.accepted) return core::InternalError("the core refused a demo ledger entry");
          return core::OkStatus();
        }));
  }

  const core::Json vehicles[] = {
      {{"vehicle", {{"plate", "豫A8G301"}, {"ic_card_no", "ICZT20260001"}, {"frame_wt", "8500"}}}},
      {{"vehicle", {{"plate", "豫AK7752"}, {"ic_card_no", "ICZT20260002"}, {"frame_wt", "12000"}}}},
  };
  for (const core::Json& body : vehicles) {
    CORE_RETURN_IF_ERROR(Step(app, "vehicle", [&](Db& db) -> core::Status {
      return RegisterVehicle(app, db, *ztlog, body).status();
    }));
  }

  // Filed ahead of its period for the face cream (goods filing HNBY-0001 at 128 CNY).
  return Step(app, "promotion", [&](Db& db) -> core::Status {
    core::Json body = {{"promotion",
                        {{"skus", {"HNBY-0001"}},
                         {"promo_price_fen", 9900},
                         {"normal_price_fen", 12800},
                         {"from", today.AddDays(7).ToIso()},
                         {"to", today.AddDays(21).ToIso()}}}};
    return FilePromotion(app, db, *hnby, body).status();
  });
}

}  // namespace server
