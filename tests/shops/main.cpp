// demo-shops: serves the demo shops on 127.0.0.1 (one port per shop from --port-base) until
// SIGINT/SIGTERM, printing one line per shop and one per order; or prints their site profiles
// (--print-profiles) or catalogue (--print-catalog) and exits. Does network and file I/O.
#include <signal.h>

#include <charconv>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

#include "catalog_json.h"
#include "gen/gen_output.h"
#include "profiles.h"
#include "server.h"

namespace {

void Usage() {
  std::fprintf(
      stderr,
      "usage: demo-shops [--port-base 18081] [--seed 42] [--heavy] [--products N]\n"
      "                  [--data-dir data] [--today YYYY-MM-DD] [--orders-jsonl FILE]\n"
      "                  [--print-profiles | --print-catalog]\n"
      "--print-profiles / --print-catalog write one JSON object keyed by shop and exit.\n");
}

bool ParseInt(const char* text, int64_t& out) {
  const std::string s(text);
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Today in China (UTC+8), as the server's default decision date.
core::Date TodayInChina() {
  const std::time_t now = std::time(nullptr) + 8 * 3600;
  std::tm tm{};
  gmtime_r(&now, &tm);
  core::StatusOr<core::Date> d = core::Date::FromYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return d.ok() ? *d : core::Date();
}

}  // namespace

int main(int argc, char** argv) {
  shops::DemoShopsOptions opt;
  opt.port_base = 18081;
  opt.today = TodayInChina();
  std::string data_dir = "data";
  std::string orders_path;
  bool print_profiles = false;
  bool print_catalog = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    int64_t n = 0;
    if (a == "--heavy") {
      opt.catalog.heavy = true;
    } else if (a == "--print-profiles") {
      print_profiles = true;
    } else if (a == "--print-catalog") {
      print_catalog = true;
    } else if (a == "--port-base" && has_value && ParseInt(argv[++i], n) && n >= 0 && n < 65500) {
      opt.port_base = static_cast<int>(n);
    } else if (a == "--seed" && has_value && ParseInt(argv[++i], n) && n >= 0) {
      opt.catalog.seed = static_cast<uint64_t>(n);
    } else if (a == "--products" && has_value && ParseInt(argv[++i], n) && n >= 1 && n <= 100000) {
      opt.catalog.listing_products = static_cast<int>(n);
    } else if (a == "--data-dir" && has_value) {
      data_dir = argv[++i];
    } else if (a == "--orders-jsonl" && has_value) {
      orders_path = argv[++i];
    } else if (a == "--today" && has_value) {
      core::StatusOr<core::Date> d = core::Date::Parse(argv[++i]);
      if (!d.ok()) {
        std::fprintf(stderr, "--today: %s\n", d.status().ToString().c_str());
        return 2;
      }
      opt.today = *d;
    } else {
      Usage();
      return 2;
    }
  }
  if (print_profiles || print_catalog) {
    if (print_profiles && opt.port_base == 0) {
      std::fprintf(stderr, "--print-profiles needs a fixed --port-base\n");
      return 2;
    }
    core::Json out = core::Json::object();
    for (const shops::DemoShop& s : shops::MakeDemoShops(opt.catalog)) {
      const std::string origin =
          "http://" + opt.host + ":" + std::to_string(opt.port_base + s.index);
      out[s.key] = print_profiles ? shops::Profile(s, origin) : shops::ShopToJson(s);
    }
    std::printf("%s\n", core::DumpJson(out).c_str());
    return 0;
  }
  core::StatusOr<core::TaxRateTable> rates = gen::LoadRates(data_dir);
  if (!rates.ok()) {
    std::fprintf(stderr, "demo-shops: %s\n", rates.status().ToString().c_str());
    return 1;
  }
  std::mutex out_mu;
  std::FILE* orders_file = nullptr;
  if (!orders_path.empty()) {
    orders_file = std::fopen(orders_path.c_str(), "ab");
    if (!orders_file) {
      std::fprintf(stderr, "demo-shops: cannot open %s\n", orders_path.c_str());
      return 1;
    }
  }
  opt.on_order = [&](const shops::DemoOrder& o) {
    std::lock_guard<std::mutex> lock(out_mu);
    std::printf("order %s %s total=%s declared=%s\n", o.shop_key.c_str(), o.order_no.c_str(),
                core::FormatCny(o.total_charged).c_str(), o.declared ? "yes" : "no");
    std::fflush(stdout);
    if (orders_file) {
      std::fprintf(orders_file, "%s\n", core::DumpJson(shops::OrderToJson(o)).c_str());
      std::fflush(orders_file);
    }
  };

  // Block the stop signals in every thread; the main thread waits for them with sigwait.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  shops::DemoShops demo(opt, *rates);
  if (core::Status st = demo.Start(); !st.ok()) {
    std::fprintf(stderr, "demo-shops: %s\n", st.ToString().c_str());
    return 1;
  }
  for (size_t i = 0; i < demo.shops().size(); ++i) {
    const shops::DemoShop& s = demo.shops()[i];
    std::printf("%s %s %s %s\n", s.key.c_str(), std::string(shops::ShopStyleName(s.style)).c_str(),
                std::string(shops::ShopScenarioName(s.scenario)).c_str(), demo.Origin(i).c_str());
  }
  std::fflush(stdout);
  int sig = 0;
  sigwait(&stop_signals, &sig);
  demo.Stop();
  if (orders_file) std::fclose(orders_file);
  std::fprintf(stderr, "demo-shops: stopped (signal %d)\n", sig);
  return 0;
}
