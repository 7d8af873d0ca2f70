// The prohibited / restricted goods list, matched by commodity-code prefix or name keyword.
// Pure.
#include <string>
#include <utility>

#include "core/catalog.h"
#include "core/csv.h"
#include "internal/text_fields.h"

namespace core {
namespace {

using internal::TrimAscii;

bool ValidPrefix(std::string_view p) {
  return p.size() >= 2 && p.size() <= 10 && internal::IsAsciiDigits(p);
}

}  // namespace

StatusOr<ControlList> ControlList::FromCsv(std::string_view csv) {
  CORE_ASSIGN_OR_RETURN(CsvTable table, ParseCsvTable(csv, {"kind", "code_prefix", "name_keyword",
                                                            "reason_zh", "reason_en"}));
  const CsvHeader& h = table.header;
  ControlList out;
  for (const CsvRow& row : table.rows) {
    ControlEntry e;
    const std::string kind = internal::ToUpperAscii(TrimAscii(h.Get(row, "kind")));
    if (kind == "PROHIBITED") {
      e.kind = ControlKind::kProhibited;
    } else if (kind == "RESTRICTED") {
      e.kind = ControlKind::kRestricted;
    } else {
      return CsvLineError(row, "kind must be prohibited or restricted");
    }
    e.code_prefix = std::string(TrimAscii(h.Get(row, "code_prefix")));
    if (!e.code_prefix.empty() && !ValidPrefix(e.code_prefix)) {
      return CsvLineError(row, "code_prefix '" + e.code_prefix + "' must be 2-10 digits");
    }
    e.name_keyword = std::string(TrimAscii(h.Get(row, "name_keyword")));
    if (e.code_prefix.empty() && e.name_keyword.empty()) {
      return CsvLineError(row, "a row needs a code_prefix, a name_keyword or both");
    }
    e.reason_zh = std::string(TrimAscii(h.Get(row, "reason_zh")));
    e.reason_en = std::string(TrimAscii(h.Get(row, "reason_en")));
    if (e.reason_zh.empty() || e.reason_en.empty()) {
      return CsvLineError(row, "reason_zh and reason_en must both be given");
    }
    out.entries_.push_back(std::move(e));
  }
  return out;
}

std::vector<const ControlEntry*> ControlList::Match(std::string_view code10,
                                                    std::string_view name) const {
  code10 = TrimAscii(code10);
  std::vector<const ControlEntry*> hits;
  for (const ControlEntry& e : entries_) {
    const bool by_code = !e.code_prefix.empty() &&
                         code10.substr(0, e.code_prefix.size()) == std::string_view(e.code_prefix);
    const bool by_name = internal::ContainsIgnoringAsciiCase(name, e.name_keyword);
    if (by_code || by_name) hits.push_back(&e);
  }
  return hits;
}

}  // namespace core
