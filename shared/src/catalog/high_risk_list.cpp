// High-risk quarantine categories, matched by the longest commodity-code prefix. Pure.
#include <string>
#include <utility>

#include "core/catalog.h"
#include "core/csv.h"
#include "internal/text_fields.h"

namespace core {

using internal::TrimAscii;

StatusOr<HighRiskList> HighRiskList::FromCsv(std::string_view csv) {
  CORE_ASSIGN_OR_RETURN(
      CsvTable table, ParseCsvTable(csv, {"code_prefix", "category_zh", "category_en", "measure_zh",
                                          "measure_en"}));
  const CsvHeader& h = table.header;
  HighRiskList out;
  for (const CsvRow& row : table.rows) {
    HighRiskCategory c;
    c.code_prefix = std::string(TrimAscii(h.Get(row, "code_prefix")));
    if (c.code_prefix.size() < 2 || c.code_prefix.size() > 10 ||
        !internal::IsAsciiDigits(c.code_prefix)) {
      return CsvLineError(row, "code_prefix '" + c.code_prefix + "' must be 2-10 digits");
    }
    c.category_zh = std::string(TrimAscii(h.Get(row, "category_zh")));
    c.category_en = std::string(TrimAscii(h.Get(row, "category_en")));
    if (c.category_zh.empty() || c.category_en.empty()) {
      return CsvLineError(row, "category_zh and category_en must both be given");
    }
    c.measure_zh = std::string(TrimAscii(h.Get(row, "measure_zh")));
    c.measure_en = std::string(TrimAscii(h.Get(row, "measure_en")));
    out.entries_.push_back(std::move(c));
  }
  return out;
}

const HighRiskCategory* HighRiskList::Match(std::string_view code10) const {
  code10 = TrimAscii(code10);
  const HighRiskCategory* best = nullptr;
  for (const HighRiskCategory& c : entries_) {
    if (code10.substr(0, c.code_prefix.size()) != std::string_view(c.code_prefix)) continue;
    // Strictly longer only, so among equal prefixes the first in the file wins.
    if (best == nullptr || c.code_prefix.size() > best->code_prefix.size()) best = &c;
  }
  return best;
}

}  // namespace core
