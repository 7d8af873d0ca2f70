// The CBEC positive list (跨境电子商务零售进口商品清单) with each remark decoded into the four
// kinds of control (DOMAIN §3). Pure.
#include <optional>
#include <string>
#include <utility>

#include "core/catalog.h"
#include "core/csv.h"
#include "internal/text_fields.h"

namespace core {
namespace {

using internal::TrimAscii;

// "# version: 2022 (subset)" -> "2022 (subset)".
std::string VersionFromComment(std::string_view comment) {
  comment = TrimAscii(comment);
  const std::string head = internal::ToUpperAscii(comment.substr(0, 8));
  if (head == "VERSION:" || head == "VERSION=") comment = TrimAscii(comment.substr(8));
  return std::string(comment);
}

Status ReadFlag(const CsvTable& table, const CsvRow& row, std::string_view column, bool& out) {
  std::optional<bool> flag = internal::ParseFlag(table.header.Get(row, column));
  if (!flag) {
    return CsvLineError(row, std::string(column) + " must be 1/0, true/false, yes/no or empty");
  }
  out = *flag;
  return OkStatus();
}

StatusOr<PositiveListEntry> ReadEntry(const CsvTable& table, const CsvRow& row) {
  const CsvHeader& h = table.header;
  PositiveListEntry e;
  e.code8 = std::string(TrimAscii(h.Get(row, "code8")));
  if (e.code8.size() != 8 || !internal::IsAsciiDigits(e.code8)) {
    return CsvLineError(row, "code8 '" + e.code8 + "' must be 8 digits");
  }
  e.name = std::string(TrimAscii(h.Get(row, "name")));
  if (e.name.empty()) return CsvLineError(row, "name is empty");
  e.remark = std::string(TrimAscii(h.Get(row, "remark")));
  CORE_RETURN_IF_ERROR(ReadFlag(table, row, "excluded", e.excluded));
  e.exclusion = std::string(TrimAscii(h.Get(row, "exclusion")));
  if (e.excluded && e.exclusion.empty()) {
    return CsvLineError(row, "excluded is set but exclusion does not say what is excluded");
  }
  CORE_RETURN_IF_ERROR(ReadFlag(table, row, "bonded_only", e.bonded_only));
  e.allowed_names = internal::SplitTrimmed(h.Get(row, "allowed_names"), ';');
  const std::string_view cap = TrimAscii(h.Get(row, "annual_cap"));
  e.annual_qty_unit = std::string(TrimAscii(h.Get(row, "cap_unit")));
  if (!cap.empty()) {
    std::optional<int64_t> milli = internal::ParseMilli(cap);
    if (!milli || *milli <= 0) {
      return CsvLineError(row, "annual_cap '" + std::string(cap) +
                                   "' must be a positive number with at most 3 decimals");
    }
    if (e.annual_qty_unit.empty()) return CsvLineError(row, "annual_cap needs a cap_unit");
    e.annual_qty_cap_milli = *milli;
  } else if (!e.annual_qty_unit.empty()) {
    return CsvLineError(row, "cap_unit is given without an annual_cap");
  }
  return e;
}

}  // namespace

StatusOr<PositiveList> PositiveList::FromCsv(std::string_view csv) {
  CsvOptions options;
  options.allow_comments = true;
  CORE_ASSIGN_OR_RETURN(CsvTable table,
                        ParseCsvTable(csv,
                                      {"code8", "name", "remark", "excluded", "exclusion",
                                       "bonded_only", "allowed_names", "annual_cap", "cap_unit"},
                                      options));
  PositiveList out;
  if (!table.comments.empty()) out.version_ = VersionFromComment(table.comments.front());
  for (const CsvRow& row : table.rows) {
    CORE_ASSIGN_OR_RETURN(PositiveListEntry e, ReadEntry(table, row));
    std::string code = e.code8;
    if (!out.entries_.emplace(std::move(code), std::move(e)).second) {
      return CsvLineError(row, "code8 appears twice");
    }
  }
  return out;
}

const PositiveListEntry* PositiveList::Find(std::string_view code8) const {
  auto it = entries_.find(code8);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace core
