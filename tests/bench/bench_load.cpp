// Benchmark "load": the server binary (Release, a child process on its own database with the demo
// and its 300 generated lists) driven over loopback by client threads of this process. Normal
// load: 4 readers (the declaration list and single declarations, as officers' pages ask) and one
// sender of generated message sets, for --seconds each. Then ten times that (40 readers, 10
// senders): the server must keep answering, with 503 (load shed: http/shedding_pool.h) or 429
// (the database busy) rather than failing, keep its memory bounded, and store every set it
// acknowledged exactly once and nothing it refused. Prints one line:
// load: read_rps=… read_p99_ms=… ingest_rps=… ingest_p99_ms=… rss_mb=… overload_rps=…
// overload_read_p99_ms=… overload_shed=… overload_busy=… overload_errors=… overload_stored_ok=…
#include <httplib.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "bench_clock.h"
#include "core/json.h"
#include "gen/ceb_text.h"
#include "gen/district.h"
#include "gen/gen_output.h"
#include "gen/sets.h"
#include "server_process.h"
#include "store/db.h"

namespace {

using bench::Clock;
using bench::Since;

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "bench_load: %s\n", what.c_str());
  std::exit(1);
}

constexpr uint64_t kDemoLists = 300;  // as `make run`

server::testing::ServerProcess Start(const std::string& db) {
  const std::string root = PATROL_SOURCE_DIR;
  server::testing::ServerProcess s = server::testing::StartServerProcess(
      PATROL_SERVER_BIN,
      {"--db", db, "--port", "0", "--today", "2026-11-26", "--data-dir", root + "/data",
       "--web-dir", root + "/web", "--seed-demo", "--demo-lists", std::to_string(kDemoLists)});
  if (s.port <= 0) Die("the server did not start: " + s.last_line);
  return s;
}

// The server's peak resident memory (VmHWM), in MB.
double PeakRssMbOf(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  while (in >> key) {
    if (key == "VmHWM:") {
      double kb = 0;
      in >> kb;
      return kb / 1024.0;
    }
    std::string rest;
    std::getline(in, rest);
  }
  return 0;
}

std::string Login(int port, const char* user, const char* password) {
  httplib::Client client("127.0.0.1", port);
  auto r =
      client.Post("/api/v1/auth/login",
                  core::DumpJson({{"username", user}, {"password", password}}), "application/json");
  if (!r || r->status != 200) Die(std::string("cannot sign in as ") + user);
  const std::string cookie = r->get_header_value("Set-Cookie");
  return cookie.substr(0, cookie.find(';'));
}

// Message sets the demo's district would send next (its enterprises are on file), as POST bodies
// with their order numbers.
struct Bodies {
  std::vector<std::string> json;
  std::vector<std::string> order_no;
};

Bodies MakeBodies(size_t n) {
  const gen::District d = gen::MakeDistrict(2026, gen::ConsumersFor(kDemoLists));
  core::StatusOr<core::TaxRateTable> rates =
      gen::LoadRates(std::string(PATROL_SOURCE_DIR) + "/data");
  if (!rates.ok()) Die(rates.status().message());
  gen::SetOptions so;
  so.seed = 77;  // other keys than the demo's
  so.lists = n;
  so.from = core::Date::Parse("2026-10-27").value();
  so.to = core::Date::Parse("2026-11-25").value();
  so.side_records = false;
  gen::SetGenerator g(d, *rates, so);
  gen::GeneratedSet s;
  Bodies b;
  while (g.Next(s)) {
    b.json.push_back(core::DumpJson(gen::JsonOfSet(s)));
    b.order_no.push_back(s.order.head.order_no);
  }
  return b;
}

struct Tally {
  std::mutex mu;
  std::vector<double> read_ms, ingest_ms;
  int64_t ok = 0, shed = 0, busy = 0, errors = 0;
  std::vector<size_t> stored;  // indexes of acknowledged bodies
};

void Failed(const std::string& what, httplib::Error e) {
  std::fprintf(stderr, "bench_load: %s failed: %s\n", what.c_str(), httplib::to_string(e).c_str());
}

double P99(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, v.size() * 99 / 100)];
}

void Note(Tally& t, int status, double ms, bool read, size_t body) {
  std::lock_guard<std::mutex> lock(t.mu);
  if (status == 200) {
    ++t.ok;
    (read ? t.read_ms : t.ingest_ms).push_back(ms);
    if (!read) t.stored.push_back(body);
  } else if (status == 503) {
    ++t.shed;
  } else if (status == 429) {
    ++t.busy;
  } else {
    ++t.errors;
  }
}

// Runs `readers` and `senders` client threads for `seconds`; senders take bodies from `next`.
void Drive(int port, const std::string& officer, const std::string& admin, const Bodies& bodies,
           std::atomic<size_t>& next, int readers, int senders, double seconds, Tally& t) {
  const Clock::time_point end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                   std::chrono::duration<double>(seconds));
  std::vector<std::thread> threads;
  for (int i = 0; i < readers; ++i) {
    threads.emplace_back([&, i] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(30);
      std::mt19937 rng(static_cast<uint32_t>(i));
      const httplib::Headers h = {{"Cookie", officer}};
      for (int n = 0; Clock::now() < end; ++n) {
        const std::string path =
            n % 2 == 0 ? "/api/v1/declarations?limit=20"
                       : "/api/v1/declarations/" + std::to_string(1 + rng() % kDemoLists);
        const Clock::time_point start = Clock::now();
        auto r = client.Get(path, h);
        if (!r) Failed("GET " + path, r.error());
        Note(t, r ? r->status : 0, Since(start) * 1000, true, 0);
      }
    });
  }
  for (int i = 0; i < senders; ++i) {
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(60);
      const httplib::Headers h = {{"Cookie", admin}};
      while (Clock::now() < end) {
        const size_t k = next.fetch_add(1);
        if (k >= bodies.json.size()) return;
        const Clock::time_point start = Clock::now();
        auto r = client.Post("/api/v1/messages", h, bodies.json[k], "application/json");
        if (!r) Failed("POST /api/v1/messages", r.error());
        Note(t, r ? r->status : 0, Since(start) * 1000, false, k);
      }
    });
  }
  for (std::thread& th : threads) th.join();
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "build/bench/work";
  double seconds = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--dir")
      dir = argv[i + 1];
    else if (flag == "--seconds")
      seconds = std::atof(argv[i + 1]);
    else
      Die("unknown flag " + flag + " (--dir DIR, --seconds S)");
  }
  std::filesystem::create_directories(dir);
  const std::string db = dir + "/load.db";
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
  std::fprintf(stderr, "bench_load: generating message sets\n");
  const Bodies bodies = MakeBodies(20000);
  std::fprintf(stderr, "bench_load: starting the server (demo with %llu lists)\n",
               static_cast<unsigned long long>(kDemoLists));
  server::testing::ServerProcess server = Start(db);
  const std::string officer = Login(server.port, "officer", "Officer#2026demo");
  const std::string admin = Login(server.port, "admin", "Admin#2026demo");
  std::atomic<size_t> next{0};

  Tally normal;
  Clock::time_point start = Clock::now();
  Drive(server.port, officer, admin, bodies, next, 4, 1, seconds, normal);
  const double normal_s = Since(start);
  const double read_rps = static_cast<double>(normal.read_ms.size()) / normal_s;
  const double ingest_rps = static_cast<double>(normal.ingest_ms.size()) / normal_s;
  std::fprintf(stderr, "bench_load: normal: %lld ok, %lld shed, %lld busy, %lld errors\n",
               static_cast<long long>(normal.ok), static_cast<long long>(normal.shed),
               static_cast<long long>(normal.busy), static_cast<long long>(normal.errors));

  Tally flood;
  start = Clock::now();
  Drive(server.port, officer, admin, bodies, next, 40, 10, seconds, flood);
  const double flood_s = Since(start);
  std::fprintf(stderr, "bench_load: 10x: %lld ok, %lld shed (503), %lld busy (429), %lld errors\n",
               static_cast<long long>(flood.ok), static_cast<long long>(flood.shed),
               static_cast<long long>(flood.busy), static_cast<long long>(flood.errors));
  const double rss = PeakRssMbOf(server.pid);
  kill(server.pid, SIGTERM);
  server::testing::ReapServerProcess(server);

  // Every acknowledged set stored once; nothing of a refused one.
  core::StatusOr<std::unique_ptr<server::Db>> store = server::Db::Open(db);
  if (!store.ok()) Die(store.status().message());
  bool stored_ok = true;
  std::vector<size_t> acknowledged = normal.stored;
  acknowledged.insert(acknowledged.end(), flood.stored.begin(), flood.stored.end());
  for (size_t k : acknowledged) {
    core::StatusOr<int64_t> n = (*store)->QueryInt(
        "SELECT COUNT(*) FROM declarations WHERE order_no = ?", bodies.order_no[k]);
    if (!n.ok() || *n != 1) stored_ok = false;
  }
  core::StatusOr<int64_t> total = (*store)->QueryInt("SELECT COUNT(*) FROM declarations");
  if (!total.ok() || *total != static_cast<int64_t>(kDemoLists + acknowledged.size())) {
    stored_ok = false;
  }
  std::printf(
      "load: read_rps=%.0f read_p99_ms=%.1f ingest_rps=%.1f ingest_p99_ms=%.1f rss_mb=%.0f "
      "overload_rps=%.0f overload_read_p99_ms=%.1f overload_shed=%lld overload_busy=%lld "
      "overload_errors=%lld overload_stored_ok=%s\n",
      read_rps, P99(normal.read_ms), ingest_rps, P99(normal.ingest_ms), rss,
      static_cast<double>(flood.ok) / flood_s, P99(flood.read_ms),
      static_cast<long long>(flood.shed), static_cast<long long>(flood.busy),
      static_cast<long long>(flood.errors), stored_ok ? "true" : "false");
  return stored_ok && flood.errors == 0 && normal.errors == 0 ? 0 : 1;
}
