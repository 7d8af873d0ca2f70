// libFuzzer target: robots.txt from any server, then the questions the crawler asks of it. The
// first line of the input is the path asked about, the rest the file.
#include "fetch/robots.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::Text(data, size);
  const size_t nl = text.find('\n');
  const std::string_view path = nl == std::string_view::npos ? text : text.substr(0, nl);
  const std::string_view body = nl == std::string_view::npos ? "" : text.substr(nl + 1);
  const crawler::RobotsRules rules = crawler::RobotsRules::Parse(body, "cbec-patrol");
  (void)rules.IsAllowed(path);
  (void)rules.IsAllowed("/");
  (void)rules.crawl_delay_ms();
  (void)crawler::RobotsPatternMatches(path, "/a/b?c=d");
  (void)crawler::NormalizeRobotsPath(path);
  return 0;
}
