// The crawl benchmark (issue 4): the same crawl of the heavy demo shops on loopback by our
// crawler (crawler_lib, in a child process of this binary) and by Scrapy
// (tests/bench/scrapy_spider.py), each measured for pages/s and peak RSS (wait4's rusage).
// Does network, process and file I/O.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/json.h"
#include "core/price_text.h"
#include "fetch/curl_fetcher.h"
#include "fetch/url.h"
#include "gen/gen_output.h"
#include "parse/extract.h"
#include "parse/html_document.h"
#include "parse/json_path.h"
#include "patrol/patrol_run.h"
#include "profile/site_profile.h"
#include "profiles.h"
#include "server.h"

extern char** environ;

namespace {

struct Summary {
  size_t pages = 0, products = 0, with_name = 0, with_sku = 0, with_price = 0, with_old = 0,
         with_freight = 0;
  int64_t price_sum = 0;  // hundredths: a checksum that both sides read the same prices
  int64_t bytes = 0;
  double seconds = 0;

  std::FILE* dump = nullptr;  // "sku price" per product, to compare the sides (BENCH_CRAWL_DUMP)

  void Add(const crawler::ExtractedProduct& p) {
    ++products;
    if (dump) std::fprintf(dump, "%s %lld\n", p.sku.c_str(), p.price ? (long long)*p.price : -1);
    with_name += !p.name.empty();
    with_sku += !p.sku.empty();
    if (p.price) {
      ++with_price;
      price_sum += *p.price;
    }
    with_old += p.old_price.has_value();
    with_freight += p.freight.has_value();
  }
  core::Json ToJson() const {
    return {{"pages", pages},
            {"products", products},
            {"with_name", with_name},
            {"with_sku", with_sku},
            {"with_price", with_price},
            {"with_old_price", with_old},
            {"with_freight", with_freight},
            {"price_sum", price_sum},
            {"bytes", bytes},
            {"seconds", seconds}};
  }
};

std::string PathAndQuery(const std::string& url) {
  core::StatusOr<crawler::UrlParts> p = crawler::ParseUrl(url);
  if (!p.ok()) return "";
  return p->query.empty() ? p->path : p->path + "?" + p->query;
}

// One fetched page handed to a parse worker, and what the worker read from it.
struct Job {
  size_t shop = 0;
  crawler::FetchResult page;
};
struct Parsed {
  size_t shop = 0;
  std::string url;
  bool product = false;
  crawler::ExtractedProduct read;
  std::vector<std::string> links;
};

enum class Kind { kPage, kPriceJson };
struct Pending {
  size_t shop;
  std::string url;
  Kind kind;
  crawler::ExtractedProduct product;  // kPriceJson: the product waiting for its price
};

// Our crawl: one CurlFetcher drives every shop at once from this thread (the fetcher is
// single-threaded) while `workers` threads parse and extract the pages of the previous batch, so
// fetching and Gumbo parsing overlap on both cores. Bodies are dropped once parsed (no evidence
// is kept: the benchmark measures the walk, not the evidence store).
Summary PipelinedCrawl(const std::vector<crawler::SiteProfile>& profiles, int concurrency,
                       int workers, const std::string& accept_encoding) {
  crawler::FetcherOptions fo;
  fo.max_per_origin = concurrency;
  fo.max_total = concurrency;
  fo.max_crawl_delay_ms = 0;  // the member shop's Crawl-delay 1 is ignored, as Scrapy does
  fo.accept_encoding = accept_encoding;
  crawler::CurlFetcher fetcher(fo);

  std::mutex mu;
  std::condition_variable cv_jobs, cv_out;
  std::deque<Job> jobs;
  std::deque<Parsed> out;
  size_t busy = 0;  // jobs queued or being parsed
  bool done = false;
  std::vector<std::thread> pool;
  for (int w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      for (;;) {
        Job job;
        {
          std::unique_lock<std::mutex> lock(mu);
          cv_jobs.wait(lock, [&] { return done || !jobs.empty(); });
          if (jobs.empty()) return;
          job = std::move(jobs.front());
          jobs.pop_front();
        }
        Parsed p;
        p.shop = job.shop;
        p.url = job.page.request.url;
        const crawler::SiteProfile& profile = profiles[job.shop];
        if (job.page.ok() && job.page.status == 200 && !job.page.body_utf8.empty()) {
          const crawler::HtmlDocument doc(job.page.body_utf8);
          p.product = profile.IsProductPath(PathAndQuery(p.url));
          if (p.product) {
            p.read = crawler::ExtractProduct(doc, &profile);
          } else {
            crawler::ExtractedLinks links = crawler::ExtractLinks(
                doc, job.page.final_url.empty() ? p.url : job.page.final_url, &profile);
            p.links = std::move(links.product_links);
            for (std::string& l : links.next_pages) p.links.push_back(std::move(l));
          }
        }
        job = Job{};  // free the body before handing the result back
        std::lock_guard<std::mutex> lock(mu);
        out.push_back(std::move(p));
        --busy;
        cv_out.notify_one();
      }
    });
  }

  Summary s;
  if (const char* d = std::getenv("BENCH_CRAWL_DUMP")) s.dump = std::fopen(d, "w");
  std::deque<Pending> frontier;
  std::set<std::string> seen;
  auto enqueue = [&](size_t shop, const std::string& url, Kind kind,
                     crawler::ExtractedProduct product = {}) {
    if (seen.insert(url).second) frontier.push_back({shop, url, kind, std::move(product)});
  };
  for (size_t i = 0; i < profiles.size(); ++i) {
    for (const std::string& u : profiles[i].start_urls) enqueue(i, u, Kind::kPage);
  }
  const size_t batch_size = static_cast<size_t>(concurrency) * 4;
  const size_t max_busy = batch_size * 2;  // bounds the bodies waiting for a parser
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    std::deque<Parsed> ready;
    {
      std::unique_lock<std::mutex> lock(mu);
      if (frontier.empty() || busy >= max_busy) {
        if (busy == 0 && out.empty()) break;
        cv_out.wait(lock, [&] { return !out.empty(); });
      }
      ready.swap(out);
    }
    for (Parsed& p : ready) {
      const crawler::SiteProfile& profile = profiles[p.shop];
      if (!p.product) {
        for (const std::string& l : p.links) enqueue(p.shop, l, Kind::kPage);
      } else if (profile.price_json && p.read.price_source != "profile" && !p.read.sku.empty()) {
        // The profile says the price comes from the JSON endpoint: a price the text heuristics
        // guessed (the heavy pages list related products' prices) does not replace it.
        std::string path = profile.price_json->url;
        if (size_t at = path.find("{sku}"); at != std::string::npos) {
          path.replace(at, 5, p.read.sku);
        }
        core::StatusOr<std::string> url = crawler::ResolveUrl(p.url, path);
        if (url.ok()) enqueue(p.shop, *url, Kind::kPriceJson, std::move(p.read));
      } else {
        s.Add(p.read);
      }
    }
    if (frontier.empty()) continue;
    std::vector<crawler::FetchRequest> batch;
    std::vector<Pending> meta;
    while (!frontier.empty() && batch.size() < batch_size) {
      crawler::FetchRequest r;
      r.url = frontier.front().url;
      r.charset = profiles[frontier.front().shop].charset;
      batch.push_back(std::move(r));
      meta.push_back(std::move(frontier.front()));
      frontier.pop_front();
    }
    std::vector<crawler::FetchResult> results = fetcher.FetchAll(batch);
    std::lock_guard<std::mutex> lock(mu);
    for (size_t i = 0; i < results.size(); ++i) {
      ++s.pages;
      s.bytes += static_cast<int64_t>(results[i].body.size());
      if (meta[i].kind == Kind::kPriceJson) {  // small: read here
        crawler::ExtractedProduct product = std::move(meta[i].product);
        core::StatusOr<core::Json> json = core::ParseJson(results[i].body);
        const auto& pj = profiles[meta[i].shop].price_json;
        if (json.ok() && pj->path) {
          if (const core::Json* v = pj->path->Find(*json)) {
            if (std::optional<std::string> text = crawler::JsonScalarText(*v)) {
              core::StatusOr<core::PriceAmount> a = core::ParsePriceAmount(*text);
              if (a.ok()) product.price = a->hundredths;
            }
          }
        }
        s.Add(product);
        continue;
      }
      results[i].body.clear();
      results[i].body.shrink_to_fit();
      jobs.push_back(Job{meta[i].shop, std::move(results[i])});
      ++busy;
    }
    cv_jobs.notify_all();
  }
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  cv_jobs.notify_all();
  for (std::thread& t : pool) t.join();
  return s;
}

// RunPatrol shop after shop (serial fetch-then-parse, evidence kept): the library's own walk.
Summary PatrolCrawl(const std::vector<crawler::SiteProfile>& profiles, int concurrency,
                    const std::string& accept_encoding) {
  crawler::FetcherOptions fo;
  fo.max_per_origin = concurrency;
  fo.max_total = concurrency;
  fo.max_crawl_delay_ms = 0;
  fo.accept_encoding = accept_encoding;
  crawler::CurlFetcher fetcher(fo);
  crawler::PatrolOptions po;
  po.max_pages = 1'000'000;
  po.batch = static_cast<size_t>(concurrency) * 4;
  Summary s;
  const auto start = std::chrono::steady_clock::now();
  for (const crawler::SiteProfile& p : profiles) {
    crawler::PatrolRun run = crawler::RunPatrol(fetcher, &p, p.start_urls.front(), po);
    s.pages += run.fetched.size();
    for (const crawler::FetchResult& f : run.fetched) s.bytes += f.body.size();
    for (const crawler::PatrolObservation& o : run.observations) s.Add(o.product);
  }
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

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
  const bool patrol = (*config)["mode"].is_string() && (*config)["mode"] == "patrol";
  Summary s = patrol ? PatrolCrawl(profiles, concurrency, enc)
                     : PipelinedCrawl(profiles, concurrency, workers, enc);
  std::ofstream(out_path) << core::DumpJson(s.ToJson()) << "\n";
  return 0;
}

struct ChildResult {
  int status = -1;
  double rss_mb = 0;
  double wall_s = 0;
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
  std::string dir = "build/bench/work", mode = "pipeline";
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
    } else if (args[i] == "--patrol") {
      mode = "patrol";
    } else if (args[i] == "--gzip") {
      gzip = true;
    } else {
      std::fprintf(stderr,
                   "usage: bench_crawl [--products N] [--concurrency C] [--workers W] [--gzip] "
                   "[--patrol] [--dir DIR]\n");
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
                       {"mode", mode},
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
    std::fprintf(stderr,
                 "%s: pages=%.0f products=%.0f name=%.0f sku=%.0f price=%.0f old_price=%.0f "
                 "freight=%.0f price_sum=%.0f MB=%.1f crawl_s=%.2f process_s=%.2f rss_mb=%.1f\n",
                 name, Num(j, "pages"), Num(j, "products"), Num(j, "with_name"), Num(j, "with_sku"),
                 Num(j, "with_price"), Num(j, "with_old_price"), Num(j, "with_freight"),
                 Num(j, "price_sum"), Num(j, "bytes") / 1e6, Num(j, "seconds"), r.wall_s, r.rss_mb);
  };
  detail("ours", *a, ours);
  detail("scrapy", *b, theirs);
  std::fprintf(stderr,
               "setup: %zu shops, concurrency %d (per origin and total, both sides), "
               "%d parse workers, mode %s, Accept-Encoding %s, robots on, Crawl-delay ignored\n",
               demo.shops().size(), concurrency, workers, mode.c_str(), gzip ? "gzip" : "none");
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
