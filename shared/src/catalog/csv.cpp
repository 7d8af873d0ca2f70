// The core's CSV reader: a single pass over the text, tracking line numbers for error messages.
// Pure.
#include "core/csv.h"

#include <utility>

namespace core {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

Status LineError(int line, std::string_view message) {
  return InvalidArgumentError("line " + std::to_string(line) + ": " + std::string(message));
}

bool IsLineEnd(char c) { return c == '\n' || c == '\r'; }

// Reads the text as a CSV document. Kept as a small class so the position and the line
// counter move together.
class Reader {
 public:
  Reader(std::string_view text, const CsvOptions& options) : text_(text), options_(options) {}

  StatusOr<CsvDocument> Read() {
    CsvDocument doc;
    while (pos_ < text_.size()) {
      if (SkipBlankLine()) continue;
      if (options_.allow_comments && text_[pos_] == '#') {
        doc.comments.push_back(std::string(TakeRestOfLine().substr(1)));
        ConsumeLineEnd();
        continue;
      }
      CsvRow row;
      row.line = line_;
      CORE_RETURN_IF_ERROR(ReadRow(row.fields));
      doc.rows.push_back(std::move(row));
    }
    return doc;
  }

 private:
  // A line of only spaces or tabs (or nothing) carries no row: a trailing newline or a stray
  // space at the end of a pasted list must not become a one-field row.
  bool SkipBlankLine() {
    size_t p = pos_;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
    if (p < text_.size() && !IsLineEnd(text_[p])) return false;
    pos_ = p;
    ConsumeLineEnd();
    return true;
  }

  // Advances past the current line's text (not its line end) and returns it.
  std::string_view TakeRestOfLine() {
    size_t end = pos_;
    while (end < text_.size() && !IsLineEnd(text_[end])) ++end;
    std::string_view rest = text_.substr(pos_, end - pos_);
    pos_ = end;
    return rest;
  }

  // Consumes LF, CRLF or a lone CR (old exports) and counts one line.
  void ConsumeLineEnd() {
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  }

  Status ReadRow(std::vector<std::string>& fields) {
    while (true) {
      std::string field;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        CORE_RETURN_IF_ERROR(ReadQuoted(field));
      } else {
        CORE_RETURN_IF_ERROR(ReadPlain(field));
      }
      fields.push_back(std::move(field));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size()) ConsumeLineEnd();
      return OkStatus();
    }
  }

  Status ReadPlain(std::string& field) {
    const size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != ',' && !IsLineEnd(text_[pos_])) {
      // A bare quote usually means a field that should have been quoted; guessing its meaning
      // would silently shift columns, so refuse it.
      if (text_[pos_] == '"') {
        return LineError(line_,
                         "quote inside an unquoted field (quote the whole field and "
                         "double the quote)");
      }
      ++pos_;
    }
    field.assign(text_.substr(start, pos_ - start));
    return OkStatus();
  }

  Status ReadQuoted(std::string& field) {
    const int start_line = line_;
    ++pos_;  // opening quote
    while (true) {
      if (pos_ >= text_.size()) {
        return LineError(start_line, "unterminated quoted field");
      }
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field.push_back('"');
          pos_ += 2;
          continue;
        }
        ++pos_;  // closing quote
        break;
      }
      if (IsLineEnd(c)) {
        // Embedded line breaks are kept as LF whatever the file's line-end style.
        field.push_back('\n');
        ConsumeLineEnd();
        continue;
      }
      field.push_back(c);
      ++pos_;
    }
    if (pos_ < text_.size() && text_[pos_] != ',' && !IsLineEnd(text_[pos_])) {
      return LineError(line_, "unexpected text after a closing quote");
    }
    return OkStatus();
  }

  std::string_view text_;
  const CsvOptions& options_;
  size_t pos_ = 0;
  int line_ = 1;
};

std::string_view TrimName(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

StatusOr<CsvDocument> ParseCsvDocument(std::string_view text, const CsvOptions& options) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  return Reader(text, options).Read();
}

StatusOr<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text,
                                                         const CsvOptions& options) {
  CORE_ASSIGN_OR_RETURN(CsvDocument doc, ParseCsvDocument(text, options));
  std::vector<std::vector<std::string>> rows;
  rows.reserve(doc.rows.size());
  for (CsvRow& row : doc.rows) rows.push_back(std::move(row.fields));
  return rows;
}

Status CsvLineError(const CsvRow& row, std::string_view message) {
  return LineError(row.line, message);
}

StatusOr<CsvHeader> CsvHeader::FromRow(const CsvRow& row,
                                       std::initializer_list<std::string_view> required) {
  CsvHeader header;
  for (const std::string& raw : row.fields) {
    std::string_view name = TrimName(raw);
    if (header.Has(name)) {
      return CsvLineError(row, "column '" + std::string(name) + "' appears twice in the header");
    }
    header.names_.emplace_back(name);
  }
  for (std::string_view name : required) {
    if (!header.Has(name)) {
      return CsvLineError(row, "header lacks the required column '" + std::string(name) + "'");
    }
  }
  return header;
}

int CsvHeader::Index(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Status CsvHeader::CheckWidth(const CsvRow& row) const {
  if (row.fields.size() == names_.size()) return OkStatus();
  return CsvLineError(row, "expected " + std::to_string(names_.size()) + " fields, found " +
                               std::to_string(row.fields.size()));
}

std::string_view CsvHeader::Get(const CsvRow& row, std::string_view name) const {
  const int i = Index(name);
  if (i < 0 || static_cast<size_t>(i) >= row.fields.size()) return {};
  return row.fields[static_cast<size_t>(i)];
}

StatusOr<CsvTable> ParseCsvTable(std::string_view text,
                                 std::initializer_list<std::string_view> required_columns,
                                 const CsvOptions& options) {
  CORE_ASSIGN_OR_RETURN(CsvDocument doc, ParseCsvDocument(text, options));
  if (doc.rows.empty()) return InvalidArgumentError("CSV has no header row");
  CsvTable table;
  CORE_ASSIGN_OR_RETURN(table.header, CsvHeader::FromRow(doc.rows.front(), required_columns));
  table.comments = std::move(doc.comments);
  table.rows.reserve(doc.rows.size() - 1);
  for (size_t i = 1; i < doc.rows.size(); ++i) {
    CORE_RETURN_IF_ERROR(table.header.CheckWidth(doc.rows[i]));
    table.rows.push_back(std::move(doc.rows[i]));
  }
  return table;
}

}  // namespace core
