// GB/T 2260 division history table: loading from the history CSV and lookups by code. Pure.
#include <optional>
#include <string>
#include <utility>

#include "core/csv.h"
#include "core/ids.h"
#include "internal/text_fields.h"

namespace core {

using internal::IsAsciiDigits;
using internal::ParseSmallInt;
using internal::TrimAscii;

StatusOr<DivisionTable> DivisionTable::FromHistoryCsv(std::string_view csv) {
  CORE_ASSIGN_OR_RETURN(CsvTable table,
                        ParseCsvTable(csv, {"code", "name", "start_year", "end_year"}));
  DivisionTable out;
  for (const CsvRow& row : table.rows) {
    Record r;
    r.code = std::string(TrimAscii(table.header.Get(row, "code")));
    if (r.code.size() != 6 || !IsAsciiDigits(r.code)) {
      return CsvLineError(row, "code '" + r.code + "' must be 6 digits");
    }
    r.name = std::string(TrimAscii(table.header.Get(row, "name")));
    if (r.name.empty()) return CsvLineError(row, "name is empty");
    r.province = std::string(TrimAscii(table.header.Get(row, "province")));
    r.prefecture = std::string(TrimAscii(table.header.Get(row, "prefecture")));
    std::optional<int> start = ParseSmallInt(table.header.Get(row, "start_year"));
    if (!start || *start < 1) return CsvLineError(row, "start_year must be a year");
    r.start_year = *start;
    std::string_view end_text = TrimAscii(table.header.Get(row, "end_year"));
    if (!end_text.empty()) {
      std::optional<int> end = ParseSmallInt(end_text);
      // end_year is exclusive: a record ending in its start year was never listed at all.
      if (!end || *end <= r.start_year) {
        return CsvLineError(row, "end_year must be empty or a year after start_year");
      }
      r.end_year = *end;
    }
    out.by_code_[r.code].push_back(std::move(r));
  }
  return out;
}

bool DivisionTable::EverListed(std::string_view code6) const {
  return by_code_.find(code6) != by_code_.end();
}

const std::vector<DivisionTable::Record>* DivisionTable::Find(std::string_view code6) const {
  auto it = by_code_.find(code6);
  return it == by_code_.end() ? nullptr : &it->second;
}

std::string DivisionTable::FullName(std::string_view code6) const {
  const std::vector<Record>* records = Find(code6);
  if (records == nullptr || records->empty()) return "";
  const Record* latest = &records->front();
  for (const Record& r : *records) {
    if (r.start_year >= latest->start_year) latest = &r;
  }
  // The file writes 直辖 for "directly under the province" and repeats a prefecture's own name
  // as its prefecture: neither belongs in the address.
  std::string name;
  for (const std::string* part : {&latest->province, &latest->prefecture}) {
    if (part->empty() || *part == "\xE7\x9B\xB4\xE8\xBE\x96" || *part == latest->name) continue;
    if (*part == name) continue;
    name += *part;
  }
  return name + latest->name;
}

}  // namespace core
