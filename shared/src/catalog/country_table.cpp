// Customs 3-digit country (region) codes. Pure.
#include <string>
#include <utility>

#include "core/catalog.h"
#include "core/csv.h"
#include "internal/text_fields.h"

namespace core {

using internal::TrimAscii;

StatusOr<CountryTable> CountryTable::FromCsv(std::string_view csv) {
  CORE_ASSIGN_OR_RETURN(CsvTable table, ParseCsvTable(csv, {"code", "name_zh"}));
  CountryTable out;
  for (const CsvRow& row : table.rows) {
    std::string code(TrimAscii(table.header.Get(row, "code")));
    if (code.size() != 3 || !internal::IsAsciiDigits(code)) {
      return CsvLineError(row, "code '" + code + "' must be 3 digits");
    }
    std::string name(TrimAscii(table.header.Get(row, "name_zh")));
    if (name.empty()) return CsvLineError(row, "name_zh is empty");
    if (!out.names_.emplace(std::move(code), std::move(name)).second) {
      return CsvLineError(row, "code appears twice");
    }
  }
  return out;
}

}  // namespace core
