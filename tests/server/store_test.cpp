// Server tests: the SQLite layer (migrations, transactions, pragmas) and the demo seed.
#include <doctest/doctest.h>

#include <set>

#include "demo/demo_seed.h"
#include "store/migrations.h"
#include "test_server.h"

namespace server::testing {
namespace {

TEST_CASE("migrations apply once, are recorded, and are idempotent on restart") {
  std::string dir = MakeTempDir();
  {
    core::StatusOr<std::unique_ptr<Db>> db = Db::Open(dir + "/m.db");
    REQUIRE(db.ok());
    core::StatusOr<int> first = Migrate(**db);
    REQUIRE(first.ok());
    CHECK(*first == static_cast<int>(AllMigrations().size()));
    core::StatusOr<int> second = Migrate(**db);
    REQUIRE(second.ok());
    CHECK(*second == 0);
    auto q = (*db)->Query("SELECT version, name FROM schema_migrations ORDER BY version");
    REQUIRE(q.ok());
    REQUIRE(*q->Step());
    CHECK(q->Int(0) == 1);
    auto mode = (*db)->Query("PRAGMA journal_mode");
    REQUIRE(*mode->Step());
    CHECK(mode->Text(0) == "wal");
    auto fk = (*db)->Query("PRAGMA foreign_keys");
    REQUIRE(*fk->Step());
    CHECK(fk->Int(0) == 1);
  }
  // Opening an App twice on the same file migrates and seeds the reference data once.
  AppConfig c = TestConfig(dir);
  int64_t lists = 0;
  int64_t audit = 0;
  for (int i = 0; i < 2; ++i) {
    core::StatusOr<std::unique_ptr<App>> app = App::Open(c);
    REQUIRE_MESSAGE(app.ok(), app.status().ToString());
    auto lease = (*app)->pool().Acquire();
    REQUIRE(lease.ok());
    auto q = (**lease).Query(
        "SELECT (SELECT COUNT(*) FROM reference_lists), "
        "(SELECT COUNT(*) FROM audit_log), "
        "(SELECT COUNT(*) FROM schema_migrations)");
    REQUIRE(*q->Step());
    if (i == 0) {
      lists = q->Int(0);
      audit = q->Int(1);
      CHECK(lists == 7);
      CHECK(audit == 8);  // seven lists and the policy
    } else {
      CHECK(q->Int(0) == lists);
      CHECK(q->Int(1) == audit);
    }
    CHECK(q->Int(2) == static_cast<int64_t>(AllMigrations().size()));
  }
}

TEST_CASE("migration 7 rebuilds the evidence table with its rows, ids and references intact") {
  std::string dir = MakeTempDir();
  core::StatusOr<std::unique_ptr<Db>> opened = Db::Open(dir + "/v6.db");
  REQUIRE(opened.ok());
  Db& db = **opened;
  REQUIRE(*Migrate(db, 6) == 6);
  // A version-6 database with a patrol that was retried once and its evidence.
  REQUIRE(db.ExecScript(
                "INSERT INTO enterprises VALUES (1, 'e', '', '4101', 0, 'CN', '[]', '[]', "
                "'admitted', 't', 't');"
                "INSERT INTO shops (id, enterprise_id, name, base_url, cycle_days, next_due_at, "
                "created_at) VALUES (1, 1, 's', 'http://shop/', 7, 't', 't');"
                "INSERT INTO patrol_tasks (id, shop_id, kind, params, status, attempts, "
                "created_by, created_at) VALUES (1, 1, 'patrol', '{}', 'done', 2, 'x', 't');"
                "INSERT INTO crawl_evidence (id, task_id, seq, purpose, method, url, status, "
                "headers, body, body_size, sha256, content_type, fetched_at) VALUES (41, 1, 1, "
                "'page', 'GET', 'http://shop/', 200, '[]', x'3c703e', 3, 'h', 'text/html', 't');"
                "INSERT INTO listing_observations (task_id, shop_id, url, sku, name, currency, "
                "sources, evidence_id, observed_at) VALUES (1, 1, 'http://shop/', 'A', 'a', "
                "'CNY', '{}', 41, 't');")
              .ok());
  core::StatusOr<int> applied = Migrate(db);
  REQUIRE_MESSAGE(applied.ok(), applied.status().ToString());
  CHECK(*applied == static_cast<int>(AllMigrations().size()) - 6);
  auto row = db.Query(
      "SELECT e.attempt, e.seq, e.body, o.evidence_id FROM crawl_evidence e JOIN "
      "listing_observations o ON o.evidence_id = e.id WHERE e.id = 41");
  REQUIRE(row.ok());
  REQUIRE(*row->Step());
  CHECK(row->Int(0) == 2);  // numbered in the attempt that was on record
  CHECK(row->Int(1) == 1);
  CHECK(row->Bytes(2) == "<p>");
  auto fk = db.Query("PRAGMA foreign_keys");
  REQUIRE(*fk->Step());
  CHECK(fk->Int(0) == 1);  // back on after the rebuild
  // A second attempt may number its evidence from 1 again; the same attempt may not.
  const char* insert =
      "INSERT INTO crawl_evidence (task_id, attempt, seq, purpose, method, url, status, headers, "
      "body, body_size, sha256, content_type, fetched_at) VALUES (1, ?, 1, 'page', 'GET', 'u', "
      "200, '[]', x'', 0, 'h', '', 't')";
  CHECK(db.Exec(insert, int64_t{3}).ok());
  CHECK_FALSE(db.Exec(insert, int64_t{3}).ok());
  // The evidence table still refuses rows of unknown tasks.
  CHECK_FALSE(db.Exec("INSERT INTO crawl_evidence (task_id, attempt, seq, purpose, method, url, "
                      "status, headers, body, body_size, sha256, content_type, fetched_at) VALUES "
                      "(99, 1, 1, 'p', 'GET', 'u', 200, '[]', x'', 0, 'h', '', 't')")
                  .ok());
}

TEST_CASE("migration 8 rebuilds the ledger entries with their transfers' references intact") {
  std::string dir = MakeTempDir();
  core::StatusOr<std::unique_ptr<Db>> opened = Db::Open(dir + "/v7.db");
  REQUIRE(opened.ok());
  Db& db = **opened;
  REQUIRE(*Migrate(db, 7) == 7);
  REQUIRE(
      db.ExecScript("INSERT INTO enterprises VALUES (1, 'e', '', '4101', 0, 'CN', '[]', '[]', "
                    "'admitted', 't', 't');"
                    "INSERT INTO ledgers VALUES (1, 'L1', 1, '4101', '4606', 'a', NULL, 't'),"
                    "  (2, 'L2', 1, '4101', '4606', 'b', NULL, 't');"
                    "INSERT INTO ledger_entries (id, ledger_id, kind, date, seq, sku, transfer_id, "
                    "entry, created_at) VALUES (7, 1, 'transfer_out', '2026-05-01', 0, 'A', 'TR1', "
                    "'{}', 't'), (8, 2, 'transfer_in', '2026-05-01', 0, 'A', 'TR1', '{}', 't');"
                    "INSERT INTO ledger_transfers VALUES (1, 'TR1', 1, 2, 7, 8, NULL, 't');")
          .ok());
  // Before: the kind return_in is not allowed.
  CHECK_FALSE(db.Exec("INSERT INTO ledger_entries (ledger_id, kind, date, seq, sku, entry, "
                      "created_at) VALUES (1, 'return_in', '2026-05-02', 0, 'A', '{}', 't')")
                  .ok());
  core::StatusOr<int> applied = Migrate(db);
  REQUIRE_MESSAGE(applied.ok(), applied.status().ToString());
  auto row = db.Query(
      "SELECT o.kind, i.kind FROM ledger_transfers t JOIN ledger_entries o ON o.id = "
      "t.out_entry_id JOIN ledger_entries i ON i.id = t.in_entry_id");
  REQUIRE(row.ok());
  REQUIRE(*row->Step());
  CHECK(row->Text(0) == "transfer_out");
  CHECK(row->Text(1) == "transfer_in");
  CHECK(db.Exec("INSERT INTO ledger_entries (ledger_id, kind, date, seq, sku, entry, "
                "created_at) VALUES (1, 'return_in', '2026-05-02', 0, 'A', '{}', 't')")
            .ok());
  // The release index is back: a list line is debited once per ledger.
  const char* release =
      "INSERT INTO ledger_entries (ledger_id, kind, date, seq, sku, invt_no, gnum, entry, "
      "created_at) VALUES (1, 'release_out', '2026-05-03', ?, 'A', 'INV1', 1, '{}', 't')";
  CHECK(db.Exec(release, int64_t{0}).ok());
  CHECK_FALSE(db.Exec(release, int64_t{1}).ok());
  // After the rebuild no row points at a missing one.
  auto fk = db.Query("PRAGMA foreign_key_check");
  REQUIRE(fk.ok());
  CHECK_FALSE(*fk->Step());
}

TEST_CASE("a transaction rolls back unless committed; foreign keys are enforced") {
  std::string dir = MakeTempDir();
  core::StatusOr<std::unique_ptr<Db>> db = Db::Open(dir + "/t.db");
  REQUIRE(db.ok());
  REQUIRE(Migrate(**db).ok());
  {
    Transaction tx(**db);
    REQUIRE(tx.Begin().ok());
    REQUIRE((*db)
                ->Exec("INSERT INTO policy_versions (version, document, sha256, loaded_by, "
                       "loaded_at) VALUES (?, ?, ?, ?, ?)",
                       "x", "{}", "h", "t", "now")
                .ok());
  }  // destroyed without Commit
  auto q = (*db)->Query("SELECT COUNT(*) FROM policy_versions");
  REQUIRE(*q->Step());
  CHECK(q->Int(0) == 0);
  core::Status fk = (*db)->Exec(
      "INSERT INTO applications (enterprise_id, name, uscc, status, outcome, application, "
      "verdict, policy_version, submitted_at) VALUES (?, '', '', 'submitted', '', '{}', '{}', "
      "'', '')",
      int64_t{424242});
  CHECK_FALSE(fk.ok());
  // Values are bound, never spliced: a quote is just data.
  REQUIRE((*db)
              ->Exec("INSERT INTO policy_versions (version, document, sha256, loaded_by, "
                     "loaded_at) VALUES (?, '{}', '', '', '')",
                     "x'); DROP TABLE users; --")
              .ok());
  auto users = (*db)->Query("SELECT COUNT(*) FROM users");
  REQUIRE(users.ok());
  REQUIRE(*users->Step());
  CHECK(users->Int(0) == 0);
}

TEST_CASE("the demo seed creates what it says, once") {
  TestServer s({.seed_demo = true});
  // Users and roles.
  std::string admin = s.Login("admin", kAdminPassword);
  Response users = s.Get("/api/v1/users", admin);
  std::map<std::string, std::string> roles;
  for (const core::Json& u : users.json["items"]) {
    roles[u["username"].get<std::string>()] = u["role"].get<std::string>();
  }
  CHECK(roles.size() == DemoLogins().size());
  for (const DemoLogin& l : DemoLogins()) {
    CAPTURE(l.username);
    CHECK(roles[l.username] == l.role);
    CHECK(l.password.size() >= 10);
    s.Login(l.username, l.password);
  }
  CHECK(users.body.find("李巡查") != std::string::npos);

  // Enterprises: every role, statuses as described.
  Response es = s.Get("/api/v1/enterprises", admin);
  std::map<std::string, core::Json> by_uscc;
  std::set<std::string> all_roles;
  bool overseas_admitted = false;
  for (const core::Json& e : es.json["items"]) {
    by_uscc[e["uscc"].get<std::string>()] = e;
    if (e["status"] == "admitted") {
      for (const core::Json& r : e["roles"]) all_roles.insert(r.get<std::string>());
      if (e["overseas"] == true && e["country"] == "116") overseas_admitted = true;
    }
  }
  CHECK(all_roles == std::set<std::string>{"ecommerce", "platform", "payment", "logistics"});
  CHECK(overseas_admitted);
  CHECK(by_uscc["9141010052CL12THXP"]["status"] == "admitted");
  CHECK(by_uscc["9144030009JC171H9W"]["status"] == "pending");
  CHECK(by_uscc["9131011524D4H3J92H"]["status"] == "pending");
  CHECK(by_uscc["91410102823JJL6B8N"]["status"] == "rejected");

  // Applications carry the findings the demo promises.
  std::set<std::string> app_codes;
  Response apps = s.Get("/api/v1/applications", admin);
  for (const core::Json& a : apps.json["items"]) {
    Response full = s.Get("/api/v1/applications/" + std::to_string(a["id"].get<int64_t>()), admin);
    for (const core::Json& f : full.json["verdict"]["findings"]) {
      app_codes.insert(f["code"].get<std::string>());
    }
  }
  for (const char* code : {"QUAL_EXPIRED", "QUAL_MISSING", "QUAL_EXPIRING", "SHOP_MISSING"}) {
    CAPTURE(code);
    CHECK(app_codes.count(code) == 1);
  }

  // Goods filings pass and fail for each reason.
  std::set<std::string> goods_codes;
  std::set<std::string> outcomes;
  Response goods = s.Get("/api/v1/goods", admin);
  for (const core::Json& g : goods.json["items"]) {
    outcomes.insert(g["outcome"].get<std::string>());
    Response full = s.Get("/api/v1/goods/" + std::to_string(g["id"].get<int64_t>()), admin);
    for (const core::Json& f : full.json["verdict"]["findings"]) {
      goods_codes.insert(f["code"].get<std::string>());
    }
  }
  CHECK(outcomes == std::set<std::string>{"admitted", "review", "rejected"});
  for (const char* code :
       {"GOODS_HIGH_RISK_QUARANTINE", "POSITIVE_LIST_QUANTITY_CAP", "POSITIVE_LIST_NAME_RESTRICTED",
        "POSITIVE_LIST_BONDED_ONLY", "GOODS_NOT_ON_POSITIVE_LIST", "GOODS_PROHIBITED",
        "HS_NOT_LISTED_IN_YEAR", "SAME_NAME_DIFFERENT_CODE", "POSITIVE_LIST_EXCLUSION",
        "GOODS_PRICE_OVER_LIMIT"}) {
    CAPTURE(code);
    CHECK(goods_codes.count(code) == 1);
  }

  // A second seed changes nothing.
  auto before = s.Counts();
  core::StatusOr<bool> again = SeedDemoIfEmpty(s.app());
  REQUIRE(again.ok());
  CHECK_FALSE(*again);
  CHECK(s.Counts() == before);
  core::StatusOr<bool> present = DemoDataPresent(s.app());
  REQUIRE(present.ok());
  CHECK(*present);
}

TEST_CASE("without --seed-demo there are no users and no demo marker") {
  TestServer s;
  CHECK(s.Count("users") == 0);
  CHECK(s.Count("reference_lists") == 7);
  core::StatusOr<bool> present = DemoDataPresent(s.app());
  REQUIRE(present.ok());
  CHECK_FALSE(*present);
}

}  // namespace
}  // namespace server::testing
