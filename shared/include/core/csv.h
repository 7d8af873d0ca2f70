// A small CSV reader (RFC 4180 plus the quirks of real exports) for the reference tables the
// core loads: quoted fields with "" escapes and embedded line breaks, CRLF or LF, a UTF-8 BOM,
// blank lines, and '#' comment lines where the caller asks for them. Pure: it reads text only.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace core {

struct CsvOptions {
  // When true, a row whose first character is '#' is a comment: it is not a row, and its text
  // (after the '#') is kept in CsvDocument::comments. When false, '#' is ordinary data.
  bool allow_comments = false;
};

struct CsvRow {
  int line = 0;                     // 1-based line of the text where the row starts
  std::vector<std::string> fields;  // unquoted values, not trimmed
};

struct CsvDocument {
  std::vector<std::string> comments;  // text after '#' of each comment line, in order
  std::vector<CsvRow> rows;           // every non-blank, non-comment row, header included
};

// Splits CSV text into rows. A leading UTF-8 BOM is dropped; lines holding only spaces or tabs
// are skipped; CRLF inside a quoted field becomes LF. InvalidArgument("line N: ...") for an
// unterminated quoted field, text after a closing quote, or a quote inside an unquoted field.
StatusOr<CsvDocument> ParseCsvDocument(std::string_view text, const CsvOptions& options = {});

// The rows' fields only (header included), for callers that need no line numbers.
StatusOr<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text,
                                                         const CsvOptions& options = {});

// "line N: message" as InvalidArgument: the form every table loader reports bad rows in.
Status CsvLineError(const CsvRow& row, std::string_view message);

// Columns of a table by header name, so files may order columns freely and carry extra ones.
class CsvHeader {
 public:
  CsvHeader() = default;
  // InvalidArgument when a name repeats or a required column is missing. Names are trimmed.
  static StatusOr<CsvHeader> FromRow(const CsvRow& row,
                                     std::initializer_list<std::string_view> required);

  // Position of the column, or -1 when the table has none of that name.
  int Index(std::string_view name) const;
  bool Has(std::string_view name) const { return Index(name) >= 0; }
  size_t width() const { return names_.size(); }
  // InvalidArgument("line N: expected K fields, found M") unless the row has the header's width.
  Status CheckWidth(const CsvRow& row) const;
  // The row's value in that column, "" when the table has no such column (or the row is short).
  std::string_view Get(const CsvRow& row, std::string_view name) const;

 private:
  std::vector<std::string> names_;
};

struct CsvTable {
  std::vector<std::string> comments;
  CsvHeader header;
  std::vector<CsvRow> rows;  // data rows (header excluded), each exactly as wide as the header
};

// ParseCsvDocument, then the first row as header (InvalidArgument when there is none or a
// required column is missing), then every data row checked against the header's width.
StatusOr<CsvTable> ParseCsvTable(std::string_view text,
                                 std::initializer_list<std::string_view> required_columns,
                                 const CsvOptions& options = {});

}  // namespace core
