// Server entry point: flags, wiring, signals. Either loads a list and exits (--load-list),
// imports CEB messages and exits (--import), or serves HTTP until SIGINT/SIGTERM. Does file,
// network and terminal I/O.
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "app.h"
#include "common/crypto.h"
#include "common/files.h"
#include "demo/demo_patrol.h"
#include "demo/demo_seed.h"
#include "http/server.h"
#include "service/message_import.h"
#include "service/reference_data.h"
#include "service/risk_history.h"

namespace {

constexpr const char* kUsage = R"(usage: server [flags]
  --host HOST                  listen address (default 127.0.0.1)
  --port N                     port; 0 picks a free one (default 8080)
  --db FILE                    SQLite database (default var/patrol.db)
  --data-dir DIR               bundled lists and policy (default data)
  --web-dir DIR                static web UI (default web)
  --wasm-dir DIR               core.mjs + core.wasm, served at /wasm (default build/wasm/wasm-ui)
  --vendor-dir DIR             browser libraries from Debian packages, served at /vendor
                               (default /usr/share/javascript: chart.js from libjs-chart.js)
  --seed-demo                  seed the demo data when the database has no users
  --demo-lists N               with --seed-demo: also N generated message sets (server/gen)
                               through the real ingestion (default 0)
  --demo-shops PORT            with --seed-demo and --demo-lists: register the demo shops served
                               on 127.0.0.1:PORT.. (tests/shops) with their profiles, a covert
                               buyer and a crawler account (once)
  --crawler-token-file FILE    where --demo-shops writes the crawler's token (var/crawler.token)
  --today YYYY-MM-DD           fixed decision date (tests); default: today in China (UTC+8)
  --session-idle-minutes N     sign out after N idle minutes (default 30)
  --threads N                  worker threads serving connections (default 32)
  --max-queued N               connections waiting for a worker beyond which new ones are
                               answered 503 (default 256)
  --max-queue-wait-ms N        a connection that waited longer for a worker is answered 503
                               (default 5000; more than the 2 s keep-alive)
  --session-hours N            absolute session lifetime in hours (default 12)
  --log-requests               log method, path and status of each request to stderr
  --load-list NAME=FILE        store FILE as a new version of list NAME and exit
                               (NAME: divisions, hs8, positive_list, controls, high_risk, countries,
                               tax_rates)
  --list-version V             the version label for --load-list
  --import PATH                import a CEB XML or JSON file, or every *.xml/*.json of a folder,
                               print a receipt per record and exit (1 if any file was refused;
                               nothing of a refused file is stored)
  --evaluate-risk FILE         run the risk models over a district's past declarations (CSV,
                               docs/risk-history-csv.md) and print each model's precision and
                               recall against the inspection outcomes, then exit (no database)
  --as-of YYYY-MM-DD           with --evaluate-risk: the day the models' windows end (default:
                               the file's last declaration date)
  --budget-pm N                with --evaluate-risk: the inspection budget in per mille of the
                               lists (default 50 = 5%)
  --help                       this text
)";

struct Flags {
  server::AppConfig config;
  std::string host = "127.0.0.1";
  int port = 8080;
  bool seed_demo = false;
  int demo_lists = 0;
  int demo_shops_port = 0;  // 0: no demo shops
  std::string crawler_token_file = "var/crawler.token";
  std::string load_list;  // NAME=FILE
  std::string list_version;
  std::string import_path;
  std::string evaluate_risk;  // CSV file
  std::string as_of;
  int budget_pm = 50;
};

[[noreturn]] void BadFlag(const std::string& message) {
  std::fprintf(stderr, "server: %s\n(run with --help for the flags)\n", message.c_str());
  std::exit(2);
}

int ParseIntFlag(const std::string& name, const std::string& value, int min, int max) {
  char* end = nullptr;
  long v = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || v < min || v > max) {
    BadFlag(name + " must be an integer from " + std::to_string(min) + " to " +
            std::to_string(max) + ", got '" + value + "'");
  }
  return static_cast<int>(v);
}

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    bool has_inline = false;
    if (size_t eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      has_inline = true;
    }
    auto next = [&]() -> std::string {
      if (has_inline) return value;
      if (i + 1 >= argc) BadFlag(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    } else if (arg == "--host") {
      f.host = next();
    } else if (arg == "--port") {
      f.port = ParseIntFlag(arg, next(), 0, 65535);
    } else if (arg == "--db") {
      f.config.db_path = next();
    } else if (arg == "--data-dir") {
      f.config.data_dir = next();
    } else if (arg == "--web-dir") {
      f.config.web_dir = next();
    } else if (arg == "--wasm-dir") {
      f.config.wasm_dir = next();
    } else if (arg == "--vendor-dir") {
      f.config.vendor_dir = next();
    } else if (arg == "--seed-demo") {
      f.seed_demo = true;
    } else if (arg == "--demo-shops") {
      f.demo_shops_port = ParseIntFlag(arg, next(), 1, 65000);
    } else if (arg == "--crawler-token-file") {
      f.crawler_token_file = next();
    } else if (arg == "--demo-lists") {
      f.demo_lists = ParseIntFlag(arg, next(), 0, 100000);
    } else if (arg == "--today") {
      std::string v = next();
      core::StatusOr<core::Date> d = core::Date::Parse(v);
      if (!d.ok() || v.size() != 10) BadFlag("--today must be a date YYYY-MM-DD, got '" + v + "'");
      f.config.today = *d;
    } else if (arg == "--session-idle-minutes") {
      f.config.session.idle_seconds = 60LL * ParseIntFlag(arg, next(), 1, 24 * 60);
    } else if (arg == "--session-hours") {
      f.config.session.absolute_seconds = 3600LL * ParseIntFlag(arg, next(), 1, 24 * 30);
    } else if (arg == "--log-requests") {
      f.config.log_requests = true;
    } else if (arg == "--threads") {
      f.config.threads = static_cast<size_t>(ParseIntFlag(arg, next(), 1, 256));
    } else if (arg == "--max-queued") {
      f.config.max_queued_connections = static_cast<size_t>(ParseIntFlag(arg, next(), 0, 100000));
    } else if (arg == "--max-queue-wait-ms") {
      f.config.max_queue_wait_ms = ParseIntFlag(arg, next(), 1, 600000);
    } else if (arg == "--load-list") {
      f.load_list = next();
    } else if (arg == "--list-version") {
      f.list_version = next();
    } else if (arg == "--import") {
      f.import_path = next();
    } else if (arg == "--evaluate-risk") {
      f.evaluate_risk = next();
    } else if (arg == "--as-of") {
      f.as_of = next();
    } else if (arg == "--budget-pm") {
      f.budget_pm = ParseIntFlag(arg, next(), 1, 1000);
    } else {
      BadFlag("unknown flag '" + arg + "'");
    }
  }
  if (!f.list_version.empty() && f.load_list.empty()) BadFlag("--list-version needs --load-list");
  if (f.config.max_queue_wait_ms <= f.config.keep_alive_seconds * 1000) {
    BadFlag("--max-queue-wait-ms must be more than the keep-alive of " +
            std::to_string(f.config.keep_alive_seconds) +
            " s, or an idle browser connection makes a quiet server answer 503");
  }
  if (!f.import_path.empty() && !f.load_list.empty()) {
    BadFlag("--import and --load-list exclude each other");
  }
  return f;
}

// --load-list NAME=FILE: validate with the core, store a new version (audited), exit.
int LoadList(server::App& app, const Flags& f) {
  size_t eq = f.load_list.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == f.load_list.size()) {
    BadFlag("--load-list needs NAME=FILE, got '" + f.load_list + "'");
  }
  std::string name = f.load_list.substr(0, eq);
  std::string path = f.load_list.substr(eq + 1);
  if (!server::IsListName(name)) {
    BadFlag("--load-list: unknown list '" + name +
            "' (divisions, hs8, positive_list, controls, high_risk, countries, tax_rates)");
  }
  core::StatusOr<std::string> csv = server::ReadFile(path);
  if (!csv.ok()) {
    std::fprintf(stderr, "server: %s\n", csv.status().message().c_str());
    return 1;
  }
  std::string version = f.list_version;
  if (version.empty()) version = server::SelfDeclaredVersion(name, *csv);
  if (version.empty()) version = "cli-" + server::Sha256Hex(*csv).substr(0, 12);
  core::StatusOr<server::DbPool::Lease> db = app.pool().Acquire();
  if (!db.ok()) {
    std::fprintf(stderr, "server: %s\n", db.status().message().c_str());
    return 1;
  }
  server::Actor cli = server::Actor::System();
  cli.name = "cli";
  server::Transaction tx(**db);
  core::Status st = tx.Begin();
  core::StatusOr<server::ListVersionRecord> stored = core::InternalError("not run");
  if (st.ok()) {
    stored = server::StoreListVersion(**db, cli, name, version, *csv, app.Now());
    st = stored.ok() ? tx.Commit() : stored.status();
  }
  if (!st.ok()) {
    std::fprintf(stderr, "server: %s not loaded (nothing stored): %s\n", path.c_str(),
                 st.message().c_str());
    return 1;
  }
  std::printf("loaded %s version %s: %lld rows, sha256 %s\n", name.c_str(), stored->version.c_str(),
              static_cast<long long>(stored->rows), stored->sha256.c_str());
  return 0;
}

// --evaluate-risk FILE: the models' quality on a district's own history; prints a table and, last,
// the evaluation as one JSON line.
int EvaluateRisk(const Flags& f) {
  core::StatusOr<std::string> csv = server::ReadFile(f.evaluate_risk);
  if (!csv.ok()) {
    std::fprintf(stderr, "server: %s\n", csv.status().message().c_str());
    return 1;
  }
  core::Date as_of;
  if (!f.as_of.empty()) {
    core::StatusOr<core::Date> d = core::Date::Parse(f.as_of);
    if (!d.ok()) BadFlag("--as-of needs YYYY-MM-DD, got '" + f.as_of + "'");
    as_of = *d;
  }
  core::StatusOr<server::RiskHistory> history = server::ReadRiskHistoryCsv(*csv, as_of);
  if (!history.ok()) {
    std::fprintf(stderr, "server: %s: %s\n", f.evaluate_risk.c_str(),
                 history.status().message().c_str());
    return 1;
  }
  if (f.as_of.empty()) {  // the windows end with the file's last list
    for (const core::RiskDeclaration& d : history->data.declarations) {
      history->data.as_of = std::max(history->data.as_of, d.date);
    }
  }
  const core::Json out = server::EvaluateRiskHistory(*history, f.budget_pm);
  const core::Json& e = out["evaluation"];
  auto pm = [](const core::Json& v) { return static_cast<double>(v.get<int64_t>()) / 1000.0; };
  std::printf("lists %lld, with an outcome %lld, mismatches %lld; as of %s; %lld hits\n",
              static_cast<long long>(e["lists"].get<int64_t>()),
              static_cast<long long>(e["known"].get<int64_t>()),
              static_cast<long long>(e["frauds"].get<int64_t>()),
              history->data.as_of.ToIso().c_str(),
              static_cast<long long>(out["hits"].get<int64_t>()));
  for (const core::Json& m : e["models"]) {
    std::printf("  %-28s lists=%-8lld precision=%.3f recall=%.3f\n",
                m["model"].get<std::string>().c_str(),
                static_cast<long long>(m["flagged"].get<int64_t>()), pm(m["precision_pm"]),
                pm(m["recall_pm"]));
  }
  std::printf("budget %lld lists: precision=%.3f recall=%.3f\n",
              static_cast<long long>(e["budget"].get<int64_t>()), pm(e["precision_pm"]),
              pm(e["recall_pm"]));
  std::printf("%s\n", core::DumpJson(out).c_str());
  return 0;
}

void PrintDemoLogins() {
  std::printf("demo logins:\n");
  for (const server::DemoLogin& l : server::DemoLogins()) {
    std::printf("  %-10s %-18s %-10s %s\n", l.username.c_str(), l.password.c_str(), l.role.c_str(),
                l.note.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags = ParseFlags(argc, argv);

  // Block the stop signals in every thread; one thread waits for them with sigwait, so the
  // shutdown runs as ordinary code rather than inside a signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  if (!flags.evaluate_risk.empty()) return EvaluateRisk(flags);
  core::StatusOr<std::unique_ptr<server::App>> app = server::App::Open(flags.config);
  if (!app.ok()) {
    std::fprintf(stderr, "server: cannot start: %s\n", app.status().message().c_str());
    return 1;
  }
  if (!flags.load_list.empty()) return LoadList(**app, flags);
  if (!flags.import_path.empty()) {
    core::StatusOr<server::ImportSummary> imported =
        server::ImportMessages(**app, flags.import_path, stdout);
    if (!imported.ok()) {
      std::fprintf(stderr, "server: --import: %s\n", imported.status().message().c_str());
      return 1;
    }
    return imported->refused_files > 0 ? 1 : 0;
  }

  bool demo = false;
  if (flags.seed_demo) {
    core::StatusOr<bool> seeded =
        server::SeedDemoIfEmpty(**app, static_cast<uint64_t>(flags.demo_lists));
    if (!seeded.ok()) {
      std::fprintf(stderr, "server: %s\n", seeded.status().message().c_str());
      return 1;
    }
  }
  if (flags.seed_demo && flags.demo_shops_port > 0) {
    core::Status st =
        server::SeedDemoPatrol(**app, flags.demo_shops_port, flags.crawler_token_file);
    if (!st.ok()) {
      std::fprintf(stderr, "server: demo shops: %s\n", st.message().c_str());
      return 1;
    }
  }
  core::StatusOr<bool> present = server::DemoDataPresent(**app);
  demo = present.ok() && *present;

  server::HttpServer http(**app);
  core::StatusOr<int> port = http.Bind(flags.host, flags.port);
  if (!port.ok()) {
    std::fprintf(stderr, "server: %s\n", port.status().message().c_str());
    return 1;
  }

  std::atomic<bool> listen_done{false};
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    if (listen_done.load()) return;
    std::fprintf(stderr, "server: stopping (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    // stop() is lost if it lands before the accept loop starts, so repeat until it returns.
    while (!listen_done.load()) {
      http.Stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });

  std::printf("listening on http://%s:%d\n", flags.host.c_str(), *port);
  if (demo) PrintDemoLogins();
  std::fflush(stdout);

  bool ok = http.Listen();
  listen_done.store(true);
  // Wake the stopper when the server ended on its own (it is blocked in sigwait).
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return ok ? 0 : 1;
}
