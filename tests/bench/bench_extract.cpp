// Benchmark `extract`: price extraction accuracy on ../shared/testdata/schema-org's pages with
// expected prices (expected_prices.tsv), and extraction speed in MB/s. Reads the sample files.
// stdout: one line "extract: pages=… correct=… accuracy=…"; details on stderr.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/money.h"
#include "parse/extract.h"
#include "parse/html_document.h"
#include "schema_org_samples.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
  fs::path root = PATROL_SCHEMA_ORG_TESTDATA;
  double min_seconds = 2.0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--samples" && i + 1 < argc) {
      root = argv[++i];
    } else if (a == "--seconds" && i + 1 < argc) {
      min_seconds = std::atof(argv[++i]);
    } else if (a == "--dir" && i + 1 < argc) {
      ++i;  // run.sh passes a work directory; this benchmark writes nothing
    } else {
      std::fprintf(stderr, "usage: bench_extract [--samples DIR] [--seconds S]\n");
      return 2;
    }
  }
  const auto expected = crawler::testing::LoadExpectedPrices(root);
  if (expected.empty()) {
    std::fprintf(stderr, "bench_extract: no expected prices under %s\n", root.c_str());
    return 1;
  }
  std::vector<std::string> pages;
  size_t bytes = 0;
  int correct = 0;
  for (const auto& page : expected) {
    std::string html = crawler::testing::ReadFileOrEmpty(root / "samples" / page.html_path);
    bytes += html.size();
    crawler::ExtractedProduct p =
        crawler::ExtractProduct(html, "http://www.example.com/" + page.html_path, nullptr);
    bool ok = p.price == page.price.hundredths && p.currency == page.currency;
    correct += ok ? 1 : 0;
    std::fprintf(stderr, "%-4s %-45s expected %s %s, got %s %s (%s)\n", ok ? "ok" : "MISS",
                 page.html_path.c_str(), core::FormatCny(page.price.hundredths).c_str(),
                 page.currency.c_str(), p.price ? core::FormatCny(*p.price).c_str() : "-",
                 p.currency.c_str(), p.price_source.c_str());
    pages.push_back(std::move(html));
  }

  // Speed: whole extraction (parse + structured data + text heuristics) against Gumbo alone.
  auto measure = [&](auto run) {
    size_t rounds = 0;
    auto start = Clock::now();
    do {
      for (const std::string& html : pages) run(html);
      ++rounds;
    } while (Seconds(Clock::now() - start) < min_seconds);
    return static_cast<double>(bytes) * static_cast<double>(rounds) / 1e6 /
           Seconds(Clock::now() - start);
  };
  size_t sink = 0;
  double extract_mb_s = measure([&](const std::string& html) {
    sink += crawler::ExtractProduct(html, "http://www.example.com/", nullptr).candidates.size();
  });
  double parse_mb_s = measure([&](const std::string& html) {
    crawler::HtmlDocument doc(html);
    sink += doc.json_ld_scripts().size();
  });
  std::fprintf(stderr, "extract: %.1f MB/s, gumbo parse alone: %.1f MB/s (%zu bytes, %zu pages)\n",
               extract_mb_s, parse_mb_s, bytes, pages.size());
  std::fprintf(stderr, "(checksum %zu)\n", sink);

  const double accuracy = static_cast<double>(correct) / static_cast<double>(expected.size());
  std::printf("extract: pages=%zu correct=%d accuracy=%.3f\n", expected.size(), correct, accuracy);
  return 0;
}
