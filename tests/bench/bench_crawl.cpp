// The crawl benchmark (issue 4): the same crawl of the heavy demo shops on loopback by our
// crawler's patrol walk (crawl_side.h, in a child process of this binary) and by Scrapy
// (tests/bench/scrapy_spider.py), each measured for pages/s and peak RSS (wait4's rusage).
// Does network, process and file I/O.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/json.h"
#include "crawl_side.h"
#include "gen/gen_output.h"
#include "profile/site_profile.h"
#include "profiles.h"
#include "server.h"

extern char** environ;

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// --child-crawl CONFIG OUT: our side, in its own process so that its peak RSS is its own.
int ChildCrawl(const std::string& config_path, const std::string& out_path) {
  core::StatusOr<core::Json> config = core::ParseJson(ReadFile(config_path));
  if (!config.ok() || !(*config)["profiles"].is_array()) {
    std::fprintf(stderr, "bench_crawl child: bad config %s\n", config_path.c_str());
    return 1;
  }
  std::vector<crawler::SiteProfile> profiles;
  for (const core::Json& j : (*config)["profiles"]) {
    core::StatusOr<crawler::SiteProfile> p = crawler::SiteProfileFromJson(j);
    if (!p.ok()) {
      std::fprintf(stderr, "bench_crawl child: %s\n", p.status().ToString().c_str());
      return 1;
    }
    profiles.push_back(std::move(*p));
  }
  const int concurrency = (*config)["concurrency"].is_number() ? (int)(*config)["concurrency"] : 8;
  const int workers = (*config)["workers"].is_number() ? (int)(*config)["workers"] : 2;
  const std::string enc =
      (*config)["accept_encoding"].is_string() ? (std::string)(*config)["accept_encoding"] : "";
  bench::CrawlSummary s = bench::PatrolCrawl(profiles, concurrency, workers, enc);
  std::ofstream(out_path) << core::DumpJson(s.ToJson()) << "\n";
  return 0;
}

struct ChildResult {
  int status = -1;
  double rss_mb = 0;
  double wall_s = 0;
  double cpu_s = 0;  // user + system
};

// Spawns argv (stdout to `stdout_path` when not empty) and waits for it with wait4.
ChildResult SpawnAndWait(const std::vector<std::string>& args, const std::string& stdout_path) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (!stdout_path.empty()) {
    posix_spawn_file_actions_addopen(&fa, 1, stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
  }
  ChildResult r;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) {
    posix_spawn_file_actions_destroy(&fa);
    return r;
  }
  posix_spawn_file_actions_destroy(&fa);
  int status = 0;
  struct rusage ru {};
  if (wait4(pid, &status, 0, &ru) == pid) {
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.rss_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
    r.cpu_s = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
              static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  }
  r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

double Num(const core::Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0.0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 3 && args[0] == "--child-crawl") return ChildCrawl(args[1], args[2]);
  int products = 1000, concurrency = 8, workers = 2;
  bool gzip = false;
  std::string dir = "build/bench/work";
  for (size_t i = 0; i < args.size(); ++i) {
    const bool has = i + 1 < args.size();
    if (args[i] == "--products" && has) {
      products = std::stoi(args[++i]);
    } else if (args[i] == "--concurrency" && has) {
      concurrency = std::stoi(args[++i]);
    } else if (args[i] == "--workers" && has) {
      workers = std::stoi(args[++i]);
    } else if (args[i] == "--dir" && has) {
      dir = args[++i];
    } else if (args[i] == "--gzip") {
      gzip = true;
    } else {
      std::fprintf(stderr,
                   "usage: bench_crawl [--products N] [--concurrency C] [--workers W] [--gzip] "
                   "[--dir DIR]\n");
      return 2;
    }
  }
  std::filesystem::create_directories(dir);
  core::StatusOr<core::TaxRateTable> rates = gen::LoadRates(PATROL_SOURCE_DIR "/data");
  if (!rates.ok()) {
    std::fprintf(stderr, "bench_crawl: %s\n", rates.status().ToString().c_str());
    return 1;
  }
  shops::DemoShopsOptions so;
  so.catalog.heavy = true;
  so.catalog.listing_products = products;
  so.today = *core::Date::Parse("2026-11-20");
  shops::DemoShops demo(so, *rates);
  if (core::Status st = demo.Start(); !st.ok()) {
    std::fprintf(stderr, "bench_crawl: %s\n", st.ToString().c_str());
    return 1;
  }
  core::Json config = {{"concurrency", concurrency},
                       {"workers", workers},
                       {"accept_encoding", gzip ? "gzip" : ""},
                       {"profiles", core::Json::array()}};
  for (size_t i = 0; i < demo.shops().size(); ++i) {
    config["profiles"].push_back(shops::Profile(demo.shops()[i], demo.Origin(i)));
  }
  const std::string config_path = dir + "/crawl_config.json";
  const std::string ours_path = dir + "/crawl_ours.json";
  const std::string scrapy_path = dir + "/crawl_scrapy.json";
  std::ofstream(config_path) << core::DumpJson(config) << "\n";

  ChildResult ours = SpawnAndWait({"/proc/self/exe", "--child-crawl", config_path, ours_path}, "");
  ChildResult theirs = SpawnAndWait(
      {"/usr/bin/python3", PATROL_SOURCE_DIR "/tests/bench/scrapy_spider.py", config_path},
      scrapy_path);
  demo.Stop();
  core::StatusOr<core::Json> a = core::ParseJson(ReadFile(ours_path));
  core::StatusOr<core::Json> b = core::ParseJson(ReadFile(scrapy_path));
  if (ours.status != 0 || theirs.status != 0 || !a.ok() || !b.ok()) {
    std::fprintf(stderr, "bench_crawl: a crawl failed (ours exit %d, scrapy exit %d)\n",
                 ours.status, theirs.status);
    return 1;
  }
  const double pages = Num(*a, "pages"), secs = Num(*a, "seconds");
  const double spages = Num(*b, "pages"), ssecs = Num(*b, "seconds");
  const double pps = secs > 0 ? pages / secs : 0, spps = ssecs > 0 ? spages / ssecs : 0;
  auto detail = [](const char* name, const core::Json& j, const ChildResult& r) {
    std::fprintf(
        stderr,
        "%s: pages=%.0f products=%.0f name=%.0f sku=%.0f price=%.0f old_price=%.0f "
        "freight=%.0f price_sum=%.0f MB=%.1f crawl_s=%.2f process_s=%.2f cpu_s=%.2f rss_mb=%.1f\n",
        name, Num(j, "pages"), Num(j, "products"), Num(j, "with_name"), Num(j, "with_sku"),
        Num(j, "with_price"), Num(j, "with_old_price"), Num(j, "with_freight"), Num(j, "price_sum"),
        Num(j, "bytes") / 1e6, Num(j, "seconds"), r.wall_s, r.cpu_s, r.rss_mb);
  };
  detail("ours", *a, ours);
  detail("scrapy", *b, theirs);
  std::fprintf(stderr,
               "setup: %zu shops, concurrency %d (per origin and total, both sides), "
               "%d parse workers, Accept-Encoding %s, robots on, Crawl-delay ignored\n",
               demo.shops().size(), concurrency, workers, gzip ? "gzip" : "none");
  if (Num(*a, "products") != Num(*b, "products") || Num(*a, "price_sum") != Num(*b, "price_sum")) {
    std::fprintf(stderr,
                 "warning: the crawls differ (products %.0f vs %.0f, price sums %.0f vs "
                 "%.0f)\n",
                 Num(*a, "products"), Num(*b, "products"), Num(*a, "price_sum"),
                 Num(*b, "price_sum"));
  }
  std::printf(
      "crawl: pages=%.0f pages_per_s=%.1f scrapy_pages_per_s=%.1f ratio=%.2f "
      "rss_mb=%.1f scrapy_rss_mb=%.1f\n",
      pages, pps, spps, spps > 0 ? pps / spps : 0, ours.rss_mb, theirs.rss_mb);
  return 0;
}
