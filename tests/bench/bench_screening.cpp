// Benchmark "screening": generated lists (four real-size CEB XML messages each) through the
// server's import pipeline (parse, store, reconcile, quota, tax, route, persist) on a SQLite file
// on disk, and the baseline: a plain batched insert of the same messages (uncompressed) and one
// row per list with the declarations table's indexes. Prints one result line. File and DB I/O.
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "app.h"
#include "bench_clock.h"
#include "demo/district_seed.h"
#include "gen/ceb_text.h"
#include "gen/gen_output.h"

namespace {

namespace fs = std::filesystem;
using bench::Clock;
using bench::PeakRssMb;
using bench::Since;

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
}

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "bench_screening: %s\n", what.c_str());
  std::exit(1);
}

void Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    Die(std::string("baseline: ") + (err ? err : "?") + " in " + sql);
  }
}

// The baseline: the same messages stored raw with a plain batched insert, one list row each.
struct Baseline {
  double seconds = 0;   // inserts and commits only
  double generate = 0;  // making the same sets and their XML again
};

Baseline RunBaseline(const std::string& path, const gen::District& d,
                     const core::TaxRateTable& rates, const gen::SetOptions& so, int batch) {
  RemoveDb(path);
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) Die("cannot open " + path);
  Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  // Raw messages with the identity columns the server looks them up by, and the list rows with
  // the declarations table's columns and indexes (server/store/migrations.cpp).
  Exec(db,
       "CREATE TABLE messages (id INTEGER PRIMARY KEY, type TEXT NOT NULL, guid TEXT NOT NULL, "
       "business_key TEXT NOT NULL, bytes BLOB NOT NULL, UNIQUE (type, guid));"
       "CREATE INDEX messages_key ON messages(type, business_key);"
       "CREATE TABLE declarations (id INTEGER PRIMARY KEY, list_key TEXT NOT NULL UNIQUE, "
       "list_message_id INTEGER NOT NULL, order_no TEXT NOT NULL, ebp_code TEXT NOT NULL, "
       "ebc_code TEXT NOT NULL, agent_code TEXT NOT NULL, logistics_code TEXT NOT NULL, "
       "logistics_no TEXT NOT NULL, buyer_id_number TEXT NOT NULL, buyer_name TEXT NOT NULL, "
       "trade_mode TEXT NOT NULL, invt_no TEXT NOT NULL, decl_date TEXT NOT NULL, "
       "status INTEGER NOT NULL, status_at TEXT NOT NULL, released_on TEXT, "
       "created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
       "CREATE INDEX declarations_set ON declarations(order_no, ebp_code);"
       "CREATE INDEX declarations_logistics ON declarations(logistics_no, logistics_code);"
       "CREATE INDEX declarations_invt ON declarations(invt_no);"
       "CREATE INDEX declarations_status ON declarations(status);"
       "CREATE INDEX declarations_ebc ON declarations(ebc_code, decl_date);");
  sqlite3_stmt* msg = nullptr;
  sqlite3_stmt* list = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO messages (type, guid, business_key, bytes) VALUES (?,?,?,?)",
                     -1, &msg, nullptr);
  sqlite3_prepare_v2(db,
                     "INSERT INTO declarations (list_key, list_message_id, order_no, ebp_code, "
                     "ebc_code, agent_code, logistics_code, logistics_no, buyer_id_number, "
                     "buyer_name, trade_mode, invt_no, decl_date, status, status_at, created_at, "
                     "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,'',?,2,?,?,?)",
                     -1, &list, nullptr);
  gen::SetGenerator g(d, rates, so);
  gen::GeneratedSet s;
  Baseline b;
  bool more = true;
  const std::string now = "2026-11-26T02:00:00Z";
  while (more) {
    Clock::time_point start = Clock::now();
    Exec(db, "BEGIN");
    b.seconds += Since(start);
    for (int k = 0; k < batch; ++k) {
      start = Clock::now();
      more = g.Next(s);
      if (!more) break;
      const gen::SetXml x = gen::XmlOfSet(s);
      const core::MessageIdentity ids[4] = {core::IdentityOf(s.order), core::IdentityOf(s.payment),
                                            core::IdentityOf(s.waybill), core::IdentityOf(s.list)};
      const std::string* texts[4] = {&x.order, &x.payment, &x.waybill, &x.list};
      b.generate += Since(start);
      start = Clock::now();
      int64_t list_id = 0;
      for (int m = 0; m < 4; ++m) {
        const std::string type(core::MessageTypeCode(ids[m].type));
        sqlite3_bind_text(msg, 1, type.data(), static_cast<int>(type.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(msg, 2, ids[m].guid.data(), static_cast<int>(ids[m].guid.size()),
                          SQLITE_STATIC);
        sqlite3_bind_text(msg, 3, ids[m].business_key.data(),
                          static_cast<int>(ids[m].business_key.size()), SQLITE_STATIC);
        sqlite3_bind_blob(msg, 4, texts[m]->data(), static_cast<int>(texts[m]->size()),
                          SQLITE_STATIC);
        if (sqlite3_step(msg) != SQLITE_DONE) Die(std::string("baseline: ") + sqlite3_errmsg(db));
        sqlite3_reset(msg);
        list_id = sqlite3_last_insert_rowid(db);
      }
      const core::InventoryHead& h = s.list.head;
      const std::string decl = h.decl_time.date().ToIso();
      const std::string* texts_l[] = {&ids[3].business_key,
                                      &h.order_no,
                                      &h.ebp_code,
                                      &h.ebc_code,
                                      &h.agent_code,
                                      &h.logistics_code,
                                      &h.logistics_no,
                                      &h.buyer_id_number,
                                      &h.buyer_name,
                                      &h.trade_mode,
                                      &decl};
      sqlite3_bind_text(list, 1, texts_l[0]->data(), static_cast<int>(texts_l[0]->size()),
                        SQLITE_STATIC);
      sqlite3_bind_int64(list, 2, list_id);
      for (int c = 1; c < 11; ++c) {
        sqlite3_bind_text(list, c + 2, texts_l[c]->data(), static_cast<int>(texts_l[c]->size()),
                          SQLITE_STATIC);
      }
      for (int c = 13; c <= 15; ++c) {
        sqlite3_bind_text(list, c, now.data(), static_cast<int>(now.size()), SQLITE_STATIC);
      }
      if (sqlite3_step(list) != SQLITE_DONE) Die(std::string("baseline: ") + sqlite3_errmsg(db));
      sqlite3_reset(list);
      b.seconds += Since(start);
    }
    start = Clock::now();
    Exec(db, "COMMIT");
    b.seconds += Since(start);
  }
  sqlite3_finalize(msg);
  sqlite3_finalize(list);
  sqlite3_close(db);
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t lists = 1'000'000;
  std::string dir = "build/bench/work";
  int batch = 500;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--lists" && i + 1 < argc) {
      lists = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (a == "--batch" && i + 1 < argc) {
      batch = std::atoi(argv[++i]);
    } else if (a == "--keep") {
      keep = true;
    } else {
      Die("usage: bench_screening [--lists N] [--dir DIR] [--batch SETS] [--keep]");
    }
  }
  if (lists == 0 || batch <= 0) Die("--lists and --batch must be positive");
  fs::create_directories(dir);
  const std::string pipeline_db = dir + "/pipeline.db";
  const std::string baseline_db = dir + "/baseline.db";
  RemoveDb(pipeline_db);

  server::AppConfig config;
  config.db_path = pipeline_db;
  config.data_dir = PATROL_SOURCE_DIR "/data";
  config.today = *core::Date::Parse("2026-11-26");
  config.password = server::PasswordParams::Interactive();
  core::StatusOr<std::unique_ptr<server::App>> app = server::App::Open(config);
  if (!app.ok()) Die(app.status().message());
  const gen::District d = gen::MakeDistrict(42, gen::ConsumersFor(lists));
  server::Actor officer = server::Actor::System();
  officer.name = "bench";
  core::StatusOr<server::DistrictIds> ids = server::SeedDistrict(**app, d, officer);
  if (!ids.ok()) Die(ids.status().message());

  gen::SetOptions so;
  so.seed = 42;
  so.lists = lists;
  so.from = *core::Date::Parse("2026-01-01");
  so.to = *core::Date::Parse("2026-11-25");
  so.side_records = false;
  server::SetImportTimes t;
  const Clock::time_point start = Clock::now();
  core::StatusOr<server::SetImportCounts> counts =
      server::ImportGeneratedSets(**app, d, so, batch, &t);
  const double wall = Since(start);
  if (!counts.ok()) Die(counts.status().message());
  const double pipeline = t.parse + t.ingest + t.commit;
  const int64_t db_bytes = static_cast<int64_t>(fs::file_size(pipeline_db));
  std::fprintf(stderr,
               "screening pipeline: %llu lists in %.1f s wall (generator %.1f s, parse %.1f s, "
               "ingest %.1f s, commit %.1f s); %lld refused documents; db %.1f MB;",
               static_cast<unsigned long long>(lists), wall, t.generate, t.parse, t.ingest,
               t.commit, static_cast<long long>(counts->refused_documents), db_bytes / 1e6);
  for (const auto& [status, n] : counts->by_status) {
    std::fprintf(stderr, " %s=%lld", status.c_str(), static_cast<long long>(n));
  }
  std::fprintf(stderr, "\n");
  const core::TaxRateTable rates = (*app)->reference()->tables.tax_rates;
  app->reset();
  if (!keep) RemoveDb(pipeline_db);

  const Baseline b = RunBaseline(baseline_db, d, rates, so, batch);
  std::fprintf(stderr, "baseline: %.1f s inserting (generator %.1f s); db %.1f MB\n", b.seconds,
               b.generate, static_cast<double>(fs::file_size(baseline_db)) / 1e6);
  if (!keep) RemoveDb(baseline_db);
  const double lists_per_s = static_cast<double>(lists) / pipeline;
  const double raw_per_s = static_cast<double>(lists) / b.seconds;
  std::printf(
      "screening: lists_per_s=%.0f raw_insert_per_s=%.0f ratio=%.3f peak_rss_mb=%.0f "
      "lists=%llu\n",
      lists_per_s, raw_per_s, lists_per_s / raw_per_s, PeakRssMb(),
      static_cast<unsigned long long>(lists));
  return 0;
}
