// Ingestion and screening keep a constant amount of work per list as the history grows: every
// statement they run is watched through SQLite's own full-scan counter, early and late in a
// generated district's import. A lookup that scans a growing table (an index the query cannot
// use) shows as a count that grows with the stored history. DB I/O.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <string>

#include "demo/district_seed.h"
#include "gen/ceb_text.h"
#include "gen/gen_output.h"
#include "gen/sets.h"
#include "service/ingestion.h"
#include "test_server.h"

namespace server::testing {
namespace {

// The most rows one execution of each statement stepped through in full-table scans, per phase.
struct ScanWatch {
  int phase = 0;  // 0: not watched, 1: early, 2: late
  std::map<std::string, int64_t> most[3];
};

int OnStatementDone(unsigned /*type*/, void* ctx, void* p, void* /*x*/) {
  auto* watch = static_cast<ScanWatch*>(ctx);
  auto* stmt = static_cast<sqlite3_stmt*>(p);
  // Reset with each reading, so every reading is one execution's count.
  const int64_t steps = sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
  const char* sql = sqlite3_sql(stmt);
  if (watch->phase == 0 || sql == nullptr) return 0;
  int64_t& most = watch->most[watch->phase][sql];
  most = std::max(most, steps);
  return 0;
}

}  // namespace

TEST_CASE("screening: no statement's work per list grows with the stored history") {
  TestServer s;
  const gen::District d = gen::MakeDistrict(23, gen::ConsumersFor(240));
  Actor officer = Actor::System();
  officer.name = "scale-test";
  REQUIRE(SeedDistrict(s.app(), d, officer).ok());

  std::unique_ptr<Db> db = s.OpenDb();
  ScanWatch watch;
  sqlite3_trace_v2(db->raw(), SQLITE_TRACE_PROFILE, OnStatementDone, &watch);
  gen::SetOptions so;
  so.seed = 23;
  so.lists = 240;
  so.from = *core::Date::Parse("2026-11-01");
  so.to = *core::Date::Parse("2026-11-25");
  so.fraud_per_mille = 200;  // the frauds' paths (shared phones, splits, ...) are watched too
  gen::SetGenerator generator(d, s.app().reference()->tables.tax_rates, so);
  gen::GeneratedSet set;
  Actor importer = Actor::System();
  importer.name = "scale-test";
  int sets = 0;
  while (generator.Next(set)) {
    watch.phase = sets < 40 ? 1 : sets >= 200 ? 2 : 0;
    ++sets;
    gen::SetXml x = gen::XmlOfSet(set);
    for (std::string* text : {&x.order, &x.payment, &x.waybill, &x.list}) {
      core::StatusOr<IncomingDocument> doc = ReadXmlDocument(std::move(*text));
      REQUIRE(doc.ok());
      Transaction tx(*db);
      REQUIRE(tx.Begin().ok());
      IngestOptions io;
      io.source = "test";
      core::StatusOr<IngestOutcome> outcome = IngestDocument(s.app(), *db, importer, *doc, io);
      REQUIRE_MESSAGE(outcome.ok(), outcome.status().message());
      REQUIRE(tx.Commit().ok());
    }
  }
  sqlite3_trace_v2(db->raw(), 0, nullptr, nullptr);
  REQUIRE(sets == 240);
  REQUIRE(watch.most[1].size() > 20);  // the watch saw the pipeline's statements
  // 160 sets (640 messages, 160 lists) were stored between the phases: a statement scanning
  // what they added would step through at least that many more rows late than early.
  int checked = 0;
  for (const auto& [sql, late] : watch.most[2]) {
    const auto early = watch.most[1].find(sql);
    const int64_t before = early == watch.most[1].end() ? 0 : early->second;
    CHECK_MESSAGE(late <= before + 40, "full scan grew from ", before, " to ", late,
                  " rows per execution: ", sql);
    ++checked;
  }
  CHECK(checked > 20);
}

}  // namespace server::testing
