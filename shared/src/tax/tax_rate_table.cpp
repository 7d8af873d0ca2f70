// The tax rate table (data/tax/rates.csv): rows of rates per commodity-code prefix and period,
// looked up by the longest prefix valid on a date. Pure.
#include <optional>
#include <string>
#include <utility>

#include "core/csv.h"
#include "core/tax.h"
#include "internal/text_fields.h"

namespace core {
namespace {

using internal::TrimAscii;

constexpr int kMaxRateBp = 9999;  // a rate of 100% would divide by zero in P/(1-c)

// "# version: 2024-1" -> "2024-1" (the positive list's convention).
std::string VersionFromComment(std::string_view comment) {
  comment = TrimAscii(comment);
  const std::string head = internal::ToUpperAscii(comment.substr(0, 8));
  if (head == "VERSION:" || head == "VERSION=") comment = TrimAscii(comment.substr(8));
  return std::string(comment);
}

StatusOr<std::optional<int>> ReadBp(const CsvTable& table, const CsvRow& row,
                                    std::string_view column, bool required) {
  const std::string_view text = TrimAscii(table.header.Get(row, column));
  if (text.empty()) {
    if (required) return CsvLineError(row, std::string(column) + " is required");
    return std::optional<int>();
  }
  std::optional<int> bp = internal::ParseSmallInt(text);
  if (!bp || *bp > kMaxRateBp) {
    return CsvLineError(row, std::string(column) + " '" + std::string(text) +
                                 "' must be basis points 0.." + std::to_string(kMaxRateBp));
  }
  return bp;
}

StatusOr<Date> ReadRowDate(const CsvRow& row, std::string_view column, std::string_view text) {
  StatusOr<Date> d = Date::Parse(text);
  if (text.size() != 10 || !d.ok()) {
    return CsvLineError(
        row, std::string(column) + " '" + std::string(text) + "' must be a date YYYY-MM-DD");
  }
  return d;
}

StatusOr<TaxRate> ReadRow(const CsvTable& table, const CsvRow& row) {
  const CsvHeader& h = table.header;
  TaxRate r;
  r.line = row.line;
  r.code_prefix = std::string(TrimAscii(h.Get(row, "code_prefix")));
  if ((r.code_prefix.size() != 8 && r.code_prefix.size() != 10) ||
      !internal::IsAsciiDigits(r.code_prefix)) {
    return CsvLineError(row, "code_prefix '" + r.code_prefix + "' must be 8 or 10 digits");
  }
  CORE_ASSIGN_OR_RETURN(r.valid_from,
                        ReadRowDate(row, "valid_from", TrimAscii(h.Get(row, "valid_from"))));
  const std::string_view to = TrimAscii(h.Get(row, "valid_to"));
  if (!to.empty()) {
    CORE_ASSIGN_OR_RETURN(Date d, ReadRowDate(row, "valid_to", to));
    if (d <= r.valid_from) return CsvLineError(row, "valid_to must be after valid_from");
    r.valid_to = d;
  }
  CORE_ASSIGN_OR_RETURN(std::optional<int> vat, ReadBp(table, row, "vat_bp", true));
  CORE_ASSIGN_OR_RETURN(std::optional<int> ct, ReadBp(table, row, "ct_bp", true));
  CORE_ASSIGN_OR_RETURN(r.duty_bp, ReadBp(table, row, "duty_bp", false));
  r.vat_bp = *vat;
  r.ct_bp = *ct;

  const std::string kind = std::string(TrimAscii(h.Get(row, "ct_threshold_kind")));
  if (kind.empty() || kind == "none") {
    r.ct_threshold = CtThreshold::kNone;
  } else if (kind == "per_ml_g") {
    r.ct_threshold = CtThreshold::kPerMlOrG;
  } else if (kind == "per_piece") {
    r.ct_threshold = CtThreshold::kPerPiece;
  } else {
    return CsvLineError(row,
                        "ct_threshold_kind '" + kind + "' must be none, per_ml_g or per_piece");
  }
  const std::string_view fen_text = TrimAscii(h.Get(row, "ct_threshold_fen"));
  if (r.ct_threshold == CtThreshold::kNone) {
    if (!fen_text.empty() && fen_text != "0") {
      return CsvLineError(row, "ct_threshold_fen is given but ct_threshold_kind is none");
    }
  } else {
    std::optional<int> fen = internal::ParseSmallInt(fen_text);
    if (!fen || *fen <= 0) {
      return CsvLineError(
          row, "ct_threshold_kind " + kind + " needs a positive ct_threshold_fen (integer fen)");
    }
    if (r.ct_bp == 0) return CsvLineError(row, "a CT threshold needs a ct_bp above 0");
    r.ct_threshold_fen = *fen;
  }
  r.source = std::string(TrimAscii(h.Get(row, "source")));
  if (r.source.empty()) return CsvLineError(row, "source is empty: every rate must cite one");
  return r;
}

bool Overlap(const TaxRate& a, const TaxRate& b) {
  const bool a_starts_before_b_ends = !b.valid_to || a.valid_from < *b.valid_to;
  const bool b_starts_before_a_ends = !a.valid_to || b.valid_from < *a.valid_to;
  return a_starts_before_b_ends && b_starts_before_a_ends;
}

bool ValidOn(const TaxRate& r, const Date& date) {
  return date >= r.valid_from && (!r.valid_to || date < *r.valid_to);
}

}  // namespace

std::string_view CtThresholdName(CtThreshold kind) {
  switch (kind) {
    case CtThreshold::kNone:
      return "none";
    case CtThreshold::kPerMlOrG:
      return "per_ml_g";
    case CtThreshold::kPerPiece:
      return "per_piece";
  }
  return "none";
}

StatusOr<TaxRateTable> TaxRateTable::FromCsv(std::string_view csv) {
  CsvOptions options;
  options.allow_comments = true;
  CORE_ASSIGN_OR_RETURN(
      CsvTable table, ParseCsvTable(csv,
                                    {"code_prefix", "valid_from", "valid_to", "vat_bp", "ct_bp",
                                     "duty_bp", "ct_threshold_kind", "ct_threshold_fen", "source"},
                                    options));
  TaxRateTable out;
  if (!table.comments.empty()) out.version_ = VersionFromComment(table.comments.front());
  for (const CsvRow& row : table.rows) {
    CORE_ASSIGN_OR_RETURN(TaxRate r, ReadRow(table, row));
    // Two rows of one prefix on one day would make the verdict depend on file order.
    for (const TaxRate& other : out.rows_) {
      if (other.code_prefix == r.code_prefix && Overlap(other, r)) {
        return CsvLineError(row, "period overlaps the row of line " + std::to_string(other.line) +
                                     " for the same code_prefix");
      }
    }
    out.rows_.push_back(std::move(r));
  }
  return out;
}

const TaxRate* TaxRateTable::Find(std::string_view code, const Date& date) const {
  const TaxRate* best = nullptr;
  for (const TaxRate& r : rows_) {
    if (!ValidOn(r, date) || code.substr(0, r.code_prefix.size()) != r.code_prefix) continue;
    if (best == nullptr || r.code_prefix.size() > best->code_prefix.size()) best = &r;
  }
  return best;
}

}  // namespace core
