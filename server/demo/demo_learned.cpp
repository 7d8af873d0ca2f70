// The demo's sampling campaign, its inspection outcomes and the learned score trained on them.
#include "demo/demo_learned.h"

#include <cstdio>
#include <vector>

#include "demo/demo_steps.h"
#include "service/learned_scores.h"
#include "service/queues.h"
#include "service/risk_runs.h"
#include "service/routing_rules.h"

namespace server {
namespace {

constexpr const char* kWho = "demo learned score";
constexpr int kRecordedAfterDays = 7;  // inspections of newer lists stay in the queue

core::Json CampaignRule(const App& app, bool enabled) {
  return {{"id", "demo-sampling"},
          {"name", "抽样查验专项 / Sampling campaign"},
          {"condition", "list.value_fen >= 300.00 cny"},
          {"action", "inspect"},
          {"priority", 400},
          {"valid_from", app.Today().AddDays(-30).ToIso()},
          {"valid_to", nullptr},
          {"enabled", enabled},
          {"reason_zh", "抽样查验专项：300元及以上清单查验"},
          {"reason_en", "Sampling campaign: lists of 300.00 CNY or more inspected"}};
}

core::Status SaveCampaign(App& app, const Actor& admin, bool enabled, const char* note) {
  return demo::InTransaction(app, kWho, note, [&](Db& db) -> core::Status {
    CORE_ASSIGN_OR_RETURN(RuleSaveResult saved, SaveRule(app, db, admin, "demo-sampling",
                                                         CampaignRule(app, enabled), note));
    if (saved.invalid) {
      return core::InternalError("the campaign rule is invalid: " + core::DumpJson(*saved.invalid));
    }
    return core::OkStatus();
  });
}

struct Waiting {
  int64_t id = 0;
  std::string order_no;
};

// Lists waiting for inspection declared on or before `last_day`.
core::StatusOr<std::vector<Waiting>> WaitingForInspection(App& app, const core::Date& last_day) {
  CORE_ASSIGN_OR_RETURN(DbPool::Lease db, app.pool().Acquire());
  CORE_ASSIGN_OR_RETURN(Stmt q,
                        db->Query("SELECT d.id, d.order_no FROM declaration_queue q "
                                  "JOIN declarations d ON d.id = q.declaration_id "
                                  "WHERE q.queue = 'inspection' AND d.decl_date <= ? ORDER BY d.id",
                                  last_day.ToIso()));
  std::vector<Waiting> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back({q.Int(0), q.Text(1)});
  }
  return out;
}

}  // namespace

core::Status StartDemoSampling(App& app, const Actor& admin) {
  return SaveCampaign(app, admin, true, "抽样查验专项开始 / campaign on");
}

core::Status FinishDemoSampling(App& app, const Actor& admin,
                                const std::set<std::string>& labelled_orders) {
  CORE_RETURN_IF_ERROR(SaveCampaign(app, admin, false, "抽样查验专项结束 / campaign off"));
  CORE_ASSIGN_OR_RETURN(std::vector<Waiting> waiting,
                        WaitingForInspection(app, app.Today().AddDays(-kRecordedAfterDays)));
  for (const Waiting& w : waiting) {
    const bool mismatch = labelled_orders.count(w.order_no) != 0;
    core::Json body = {{"outcome", mismatch ? "mismatch" : "match"},
                       {"reason", mismatch ? "抽样查验：实货与申报不符" : "抽样查验：货证相符"}};
    if (mismatch) {
      body["details"] = "实货、价格或数量与申报不符 / goods, price or quantity not as declared";
      body["action"] = "reject";
    }
    CORE_RETURN_IF_ERROR(demo::InTransaction(
        app, kWho, "inspection of " + std::to_string(w.id), [&](Db& db) -> core::Status {
          return RecordInspection(app, db, admin, w.id, body).status();
        }));
  }
  const core::Json run = core::Json::object();
  CORE_RETURN_IF_ERROR(demo::InTransaction(app, kWho, "risk run", [&](Db& db) -> core::Status {
    return RunRiskModelsOverStore(app, db, admin, run).status();
  }));
  // A small demo (--demo-lists under a few hundred) may hold no mismatched inspection yet: the
  // demo then starts without a learned model, as a new district would.
  const core::Status trained =
      demo::InTransaction(app, kWho, "training", [&](Db& db) -> core::Status {
        return TrainLearnedModel(app, db, admin, core::Json::object()).status();
      });
  if (trained.code() == core::StatusCode::kFailedPrecondition) {
    std::fprintf(stderr, "demo: no learned model yet (%s)\n", trained.message().c_str());
    return core::OkStatus();
  }
  CORE_RETURN_IF_ERROR(trained);
  return demo::InTransaction(app, kWho, "scoring run", [&](Db& db) -> core::Status {
    return RunRiskModelsOverStore(app, db, admin, run).status();
  });
}

}  // namespace server
