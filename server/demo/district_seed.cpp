// Loading a generated district through the service layer, and importing its message sets.
#include "demo/district_seed.h"

#include <chrono>

#include "audit/audit_log.h"
#include "demo/demo_learned.h"
#include "demo/demo_steps.h"
#include "gen/ceb_text.h"
#include "gen/gen_output.h"
#include "service/applications.h"
#include "service/goods.h"
#include "service/ingestion.h"
#include "store/declarations_repo.h"

namespace server {

namespace {

constexpr const char* kWho = "district seed";

template <typename Fn>
core::Status InTransaction(App& app, const std::string& step, Fn&& fn) {
  return demo::InTransaction(app, kWho, step, std::forward<Fn>(fn));
}

}  // namespace

core::StatusOr<DistrictIds> SeedDistrict(App& app, const gen::District& district,
                                         const Actor& actor) {
  DistrictIds ids;
  for (const gen::GenEnterprise& e : district.enterprises) {
    core::Json body = {{"application", gen::ApplicationJson(e, app.Today())}};
    CORE_ASSIGN_OR_RETURN(ApplicationRecord stored,
                          demo::SubmitApplication(app, actor, body, kWho, e.key));
    CORE_RETURN_IF_ERROR(InTransaction(app, "approval of " + e.key, [&](Db& db) -> core::Status {
      core::Json decision = {{"decision", "approve"}, {"reason", "资质齐全，准予备案（合成数据）"}};
      return DecideApplication(app, db, actor, stored.id, decision).status();
    }));
    ids.enterprises[e.key] = stored.enterprise_id;
  }
  for (const gen::GenGoods& g : district.goods) {
    const int64_t enterprise_id = ids.enterprises[g.ebc_key];
    core::Json body = {{"filing", gen::FilingJson(g)}};
    CORE_RETURN_IF_ERROR(InTransaction(app, "filing " + g.sku, [&](Db& db) -> core::Status {
      CORE_ASSIGN_OR_RETURN(GoodsRecord r, FileGoods(app, db, actor, enterprise_id, body));
      ids.goods_outcome[g.sku] = r.outcome;
      if (r.outcome != "admitted") {
        return core::FailedPreconditionError("filing " + g.sku + " " + g.name + " (" + g.code10 +
                                             ") was " + r.outcome + ": " + r.verdict);
      }
      return core::OkStatus();
    }));
  }
  return ids;
}

core::StatusOr<SetImportCounts> ImportGeneratedSets(App& app, const gen::District& district,
                                                    const gen::SetOptions& options, int batch,
                                                    SetImportTimes* times) {
  CORE_ASSIGN_OR_RETURN(DbPool::Lease db, app.pool().Acquire());
  std::shared_ptr<const ReferenceData> ref = app.reference();
  Actor importer = Actor::System();
  importer.name = "patrol-gen";
  gen::SetGenerator generator(district, ref->tables.tax_rates, options);
  SetImportCounts counts;
  SetImportTimes local;
  SetImportTimes& t = times ? *times : local;
  using Clock = std::chrono::steady_clock;
  auto since = [](Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
  };
  gen::GeneratedSet s;
  bool more = true;
  while (more) {
    Transaction tx(*db);
    CORE_RETURN_IF_ERROR(tx.Begin());
    for (int k = 0; k < batch; ++k) {
      Clock::time_point start = Clock::now();
      more = generator.Next(s);
      if (!more) break;
      ++counts.sets;
      for (const gen::Label& l : s.labels) {
        ++counts.labels_by_kind[l.kind];
        if (l.kind != "overweight_gate_pass") counts.labelled_orders.insert(s.order.head.order_no);
        if (counts.labels.size() < SetImportCounts::kMaxKeptLabels) {
          counts.labels.push_back(gen::LabelJson(l));
        }
      }
      gen::SetXml x = gen::XmlOfSet(s);
      t.generate += since(start);
      for (std::string* text : {&x.order, &x.payment, &x.waybill, &x.list}) {
        start = Clock::now();
        core::StatusOr<IncomingDocument> doc = ReadXmlDocument(std::move(*text));
        t.parse += since(start);
        if (!doc.ok()) {
          ++counts.refused_documents;
          continue;
        }
        start = Clock::now();
        // A savepoint per document: a refused one leaves the rest of the batch in place. Exec
        // reuses the connection's prepared statements instead of parsing these per document.
        CORE_RETURN_IF_ERROR(db->Exec("SAVEPOINT gen_doc"));
        IngestOptions io;
        io.source = "cli:patrol-gen";
        CORE_ASSIGN_OR_RETURN(IngestOutcome outcome, IngestDocument(app, *db, importer, *doc, io));
        if (!outcome.status.ok()) {
          ++counts.refused_documents;
          CORE_RETURN_IF_ERROR(db->Exec("ROLLBACK TO gen_doc"));
        }
        CORE_RETURN_IF_ERROR(db->Exec("RELEASE gen_doc"));
        t.ingest += since(start);
      }
    }
    const Clock::time_point start = Clock::now();
    CORE_RETURN_IF_ERROR(tx.Commit());
    t.commit += since(start);
  }
  CORE_ASSIGN_OR_RETURN(Stmt q, db->Query("SELECT status, COUNT(*) FROM declarations GROUP BY 1"));
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    counts.by_status[std::string(DeclarationStatusName(static_cast<int>(q.Int(0))))] += q.Int(1);
  }
  return counts;
}

core::Status SeedGeneratedDemo(App& app, const Actor& officer, const Actor& admin, uint64_t lists) {
  constexpr uint64_t kDemoSeed = 2026;
  const gen::District d = gen::MakeDistrict(kDemoSeed, gen::ConsumersFor(lists));
  CORE_ASSIGN_OR_RETURN(DistrictIds ids, SeedDistrict(app, d, officer));
  gen::SetOptions so;
  so.seed = kDemoSeed;
  so.lists = lists;
  so.to = app.Today().AddDays(-1);
  so.from = app.Today().AddDays(-30);
  so.fraud_per_mille = 150;
  so.side_records = false;
  CORE_RETURN_IF_ERROR(StartDemoSampling(app, admin));
  CORE_ASSIGN_OR_RETURN(SetImportCounts counts, ImportGeneratedSets(app, d, so, 100));
  CORE_RETURN_IF_ERROR(FinishDemoSampling(app, admin, counts.labelled_orders));
  return InTransaction(app, "generated marker", [&](Db& db) -> core::Status {
    core::Json detail = {{"seed", kDemoSeed},
                         {"enterprises", static_cast<int64_t>(ids.enterprises.size())},
                         {"goods_filings", static_cast<int64_t>(ids.goods_outcome.size())},
                         {"sets", counts.sets},
                         {"refused_documents", counts.refused_documents},
                         {"declarations_by_status", counts.by_status},
                         {"labels_by_kind", counts.labels_by_kind},
                         {"labels", counts.labels}};
    return AppendAudit(db, Actor::System(), "demo.generated", "database", "demo", detail,
                       app.Now());
  });
}

}  // namespace server
