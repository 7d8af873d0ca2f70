// The schema-org test pages with expected prices (../shared/testdata/schema-org,
// expected_prices.tsv), shared by the extraction test and the `extract` benchmark. Reads files.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/price_text.h"

namespace crawler::testing {

struct ExpectedPricePage {
  std::string html_path;    // relative to samples/
  core::PriceAmount price;  // lowPrice when the page states a range, else the first price
  std::string currency;     // "" when the expected output names none
};

inline std::string ReadFileOrEmpty(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The page an expected-output file belongs to: "schema.org/product_custom_url.json" and
// "schema.org/CreativeWork_flat.001.json" are variants of product.html / CreativeWork.001.html
// (SOURCE.md).
inline std::string HtmlFor(std::string expected) {
  expected = expected.substr(0, expected.rfind('.'));
  for (const char* variant :
       {"_flat_with_node_id", "_flat", "_custom_url_and_node_id", "_custom_url"}) {
    size_t at = expected.find(variant);
    if (at != std::string::npos) expected.erase(at, std::string(variant).size());
  }
  return expected + ".html";
}

// One entry per page (variants folded), in file order. Empty when the file cannot be read.
inline std::vector<ExpectedPricePage> LoadExpectedPrices(const std::filesystem::path& root) {
  std::vector<ExpectedPricePage> pages;
  std::istringstream lines(ReadFileOrEmpty(root / "expected_prices.tsv"));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    ExpectedPricePage page;
    page.html_path = HtmlFor(line.substr(0, tab));
    std::optional<std::string> price;
    std::optional<std::string> low;
    std::istringstream fields(line.substr(tab + 1));
    std::string field;
    while (std::getline(fields, field, ';')) {
      field.erase(0, field.find_first_not_of(' '));
      size_t eq = field.find('=');
      if (eq == std::string::npos) continue;
      std::string key = field.substr(0, eq);
      std::string value = field.substr(eq + 1);
      if ((key == "price" || key == "product:price:amount") && !price) price = value;
      if (key == "lowPrice" && !low) low = value;
      if ((key == "priceCurrency" || key == "product:price:currency") && page.currency.empty()) {
        page.currency = value;
      }
    }
    std::optional<std::string> wanted = low ? low : price;
    if (!wanted) continue;
    auto amount = core::ParsePriceAmount(*wanted);
    if (!amount.ok()) continue;
    page.price = *amount;
    if (page.currency.empty()) page.currency = amount->currency;
    bool seen = std::any_of(pages.begin(), pages.end(), [&](const ExpectedPricePage& p) {
      return p.html_path == page.html_path;
    });
    if (!seen) pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace crawler::testing
