// libFuzzer target: product and listing pages as shops serve them: charset detection and
// conversion, then Gumbo extraction (JSON-LD, microdata, OpenGraph, visible-text prices) and link
// extraction, without a site profile.
#include "fetch/charset.h"
#include "fuzz_input.h"
#include "parse/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const crawler::DecodedPage page = crawler::DecodePage("text/html", fuzz::Text(data, size));
  const std::string url = "http://shop.example:8080/p/1";
  (void)crawler::ExtractedProductJson(crawler::ExtractProduct(page.utf8, url, nullptr));
  (void)crawler::ExtractLinks(page.utf8, url, nullptr);
  return 0;
}
