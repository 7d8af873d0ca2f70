// Our side of the crawl benchmark: the pipelined walk, the raw-text stripper, RunPatrol as a
// baseline. Does network I/O through CurlFetcher; StripInertRawText is pure.
#include "crawl_side.h"

#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include "core/price_text.h"
#include "fetch/curl_fetcher.h"
#include "fetch/url.h"
#include "parse/html_document.h"
#include "parse/json_path.h"
#include "patrol/patrol_run.h"

namespace bench {
namespace {

std::string PathAndQuery(const std::string& url) {
  core::StatusOr<crawler::UrlParts> p = crawler::ParseUrl(url);
  if (!p.ok()) return "";
  return p->query.empty() ? p->path : p->path + "?" + p->query;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
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

}  // namespace

std::string StripInertRawText(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t copied = 0, at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    if (html.compare(at, 4, "<!--") == 0) {
      size_t end = html.find("-->", at + 4);
      if (end == std::string_view::npos) break;
      at = end + 3;
      continue;
    }
    std::string_view name;
    for (std::string_view t : {"script", "style"}) {
      const size_t e = at + 1 + t.size();
      if (e < html.size() && IEquals(html.substr(at + 1, t.size()), t) &&
          (std::isspace(static_cast<unsigned char>(html[e])) || html[e] == '>' || html[e] == '/')) {
        name = t;
      }
    }
    if (name.empty()) {
      ++at;
      continue;
    }
    size_t gt = at + 1 + name.size();  // end of the start tag, outside quoted values
    for (char quote = 0; gt < html.size(); ++gt) {
      const char c = html[gt];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (gt >= html.size()) break;
    const std::string_view tag = html.substr(at, gt + 1 - at);
    std::string lower(tag);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool keep = name == "script" && lower.find("ld+json") != std::string::npos;
    // The end tag: "</name" then whitespace, '/' or '>'.
    size_t end = gt + 1;
    for (;; ++end) {
      end = html.find("</", end);
      if (end == std::string_view::npos) break;
      const size_t e = end + 2 + name.size();
      if (e < html.size() && IEquals(html.substr(end + 2, name.size()), name) &&
          (std::isspace(static_cast<unsigned char>(html[e])) || html[e] == '>' || html[e] == '/')) {
        break;
      }
    }
    if (end == std::string_view::npos) break;  // unterminated: leave the rest to Gumbo
    if (!keep) {
      out.append(html.substr(copied, gt + 1 - copied));
      copied = end;
    }
    at = end + 2;
  }
  out.append(html.substr(copied));
  return out;
}

// Our crawl: one CurlFetcher drives every shop at once from this thread (the fetcher is
// single-threaded) while `workers` threads parse and extract the pages of the previous batch, so
// fetching and Gumbo parsing overlap on both cores. Bodies are dropped once parsed (no evidence
// is kept: the benchmark measures the walk, not the evidence store).
CrawlSummary PipelinedCrawl(const std::vector<crawler::SiteProfile>& profiles, int concurrency,
                            int workers, bool strip, const std::string& accept_encoding) {
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
          if (strip) job.page.body_utf8 = StripInertRawText(job.page.body_utf8);
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

  CrawlSummary s;
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
  if (s.dump != nullptr) {
    std::fclose(s.dump);
    s.dump = nullptr;
  }
  return s;
}

// RunPatrol shop after shop (serial fetch-then-parse, evidence kept): the library's own walk.
CrawlSummary PatrolCrawl(const std::vector<crawler::SiteProfile>& profiles, int concurrency,
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
  CrawlSummary s;
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

}  // namespace bench
