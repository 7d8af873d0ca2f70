// The 8-digit customs commodity catalogue with the years each code was listed. Pure.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "core/catalog.h"
#include "core/csv.h"
#include "internal/text_fields.h"

namespace core {

using internal::IsAsciiDigits;
using internal::ParseSmallInt;
using internal::TrimAscii;

StatusOr<Hs8Catalog> Hs8Catalog::FromYearsCsv(std::string_view csv) {
  CORE_ASSIGN_OR_RETURN(CsvTable table,
                        ParseCsvTable(csv, {"code", "first_year", "last_year", "years_present",
                                            "name_zh_latest", "name_en_latest"}));
  Hs8Catalog out;
  for (const CsvRow& row : table.rows) {
    Entry e;
    e.code = std::string(TrimAscii(table.header.Get(row, "code")));
    if (e.code.size() != 8 || !IsAsciiDigits(e.code)) {
      return CsvLineError(row, "code '" + e.code + "' must be 8 digits");
    }
    std::optional<int> first = ParseSmallInt(table.header.Get(row, "first_year"));
    std::optional<int> last = ParseSmallInt(table.header.Get(row, "last_year"));
    if (!first || !last || *first < 1 || *last < *first) {
      return CsvLineError(row, "first_year and last_year must be years, first <= last");
    }
    e.first_year = *first;
    e.last_year = *last;
    for (const std::string& y :
         internal::SplitTrimmed(table.header.Get(row, "years_present"), ';')) {
      std::optional<int> year = ParseSmallInt(y);
      if (!year || *year < e.first_year || *year > e.last_year) {
        return CsvLineError(row, "years_present must list years between first_year and last_year");
      }
      e.years_present.push_back(*year);
    }
    std::sort(e.years_present.begin(), e.years_present.end());
    e.name_zh = std::string(TrimAscii(table.header.Get(row, "name_zh_latest")));
    e.name_en = std::string(TrimAscii(table.header.Get(row, "name_en_latest")));
    out.first_catalog_year_ =
        out.entries_.empty() ? e.first_year : std::min(out.first_catalog_year_, e.first_year);
    out.last_catalog_year_ = std::max(out.last_catalog_year_, e.last_year);
    std::string code = e.code;
    if (!out.entries_.emplace(std::move(code), std::move(e)).second) {
      return CsvLineError(row, "code appears twice");
    }
  }
  return out;
}

const Hs8Catalog::Entry* Hs8Catalog::Find(std::string_view code8) const {
  auto it = entries_.find(code8);
  return it == entries_.end() ? nullptr : &it->second;
}

bool Hs8Catalog::ListedIn(std::string_view code8, int year) const {
  const Entry* e = Find(code8);
  if (e == nullptr) return false;
  year = std::clamp(year, first_catalog_year_, last_catalog_year_);
  if (!e->years_present.empty()) {
    return std::binary_search(e->years_present.begin(), e->years_present.end(), year);
  }
  return year >= e->first_year && year <= e->last_year;
}

}  // namespace core
