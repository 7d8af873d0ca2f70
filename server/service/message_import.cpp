// The --import command: files -> IngestDocument, one transaction per file, one line per record.
#include "service/message_import.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "common/files.h"
#include "service/ingestion.h"

namespace server {

namespace {

namespace fs = std::filesystem;

std::string Extension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

bool Importable(const fs::path& p) {
  const std::string ext = Extension(p);
  return ext == ".xml" || ext == ".json";
}

core::StatusOr<std::vector<fs::path>> FilesOf(const std::string& path) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return core::NotFoundError("no such file or folder: " + path);
  std::vector<fs::path> files;
  if (fs::is_directory(st)) {
    for (const fs::directory_entry& e : fs::directory_iterator(path, ec)) {
      if (e.is_regular_file() && Importable(e.path())) files.push_back(e.path());
    }
    if (ec) return core::InternalError("cannot list " + path + ": " + ec.message());
    std::sort(files.begin(), files.end());
    if (files.empty()) return core::InvalidArgumentError(path + " holds no .xml or .json file");
  } else {
    if (!Importable(path)) {
      return core::InvalidArgumentError(path + " is neither a .xml nor a .json file");
    }
    files.push_back(path);
  }
  return files;
}

void PrintReceipt(std::FILE* out, const std::string& file, const Receipt& r) {
  std::string line = file + " " + r.where + " " + (r.type.empty() ? "-" : r.type) + " " +
                     (r.guid.empty() ? "-" : r.guid) + " " + r.status;
  if (r.message_id) line += " message=" + std::to_string(*r.message_id);
  if (r.version) line += " version=" + std::to_string(*r.version);
  if (r.declaration_id) line += " declaration=" + std::to_string(*r.declaration_id);
  for (const ReceiptError& e : r.errors) line += " | " + e.code + ": " + e.message;
  std::fprintf(out, "%s\n", line.c_str());
}

void Count(ImportSummary& s, const Receipt& r) {
  ++s.records;
  if (r.status == "stored") ++s.stored;
  if (r.status == "new_version") ++s.new_version;
  if (r.status == "withdrawn") ++s.withdrawn;
  if (r.status == "duplicate") ++s.duplicate;
  if (r.status == "rejected") ++s.rejected;
}

// Imports one file in its own transaction; false when the file was refused.
core::StatusOr<bool> ImportFile(App& app, Db& db, const Actor& cli, const fs::path& file,
                                std::FILE* out, ImportSummary& summary) {
  const std::string name = file.filename().string();
  core::StatusOr<std::string> bytes = ReadFile(file.string());
  core::StatusOr<IncomingDocument> doc = core::InternalError("not read");
  if (bytes.ok()) {
    doc = Extension(file) == ".xml" ? ReadXmlDocument(*std::move(bytes))
                                    : ReadJsonDocument(*std::move(bytes));
  } else {
    doc = bytes.status();
  }
  if (!doc.ok()) {
    std::fprintf(out, "%s refused: nothing was stored: %s\n", file.string().c_str(),
                 doc.status().message().c_str());
    return false;
  }
  Transaction tx(db);
  CORE_RETURN_IF_ERROR(tx.Begin());
  IngestOptions options;
  options.source = "cli:" + name;
  CORE_ASSIGN_OR_RETURN(IngestOutcome outcome, IngestDocument(app, db, cli, *doc, options));
  for (const Receipt& r : outcome.receipts) {
    PrintReceipt(out, file.string(), r);
    Count(summary, r);
  }
  if (!outcome.status.ok()) {
    tx.Rollback();
    // The message says "nothing was stored: ..." already.
    std::fprintf(out, "%s refused: %s\n", file.string().c_str(), outcome.status.message().c_str());
    return false;
  }
  CORE_RETURN_IF_ERROR(tx.Commit());
  return true;
}

}  // namespace

core::StatusOr<ImportSummary> ImportMessages(App& app, const std::string& path, std::FILE* out) {
  CORE_ASSIGN_OR_RETURN(std::vector<fs::path> files, FilesOf(path));
  CORE_ASSIGN_OR_RETURN(DbPool::Lease db, app.pool().Acquire());
  Actor cli = Actor::System();
  cli.name = "cli";
  ImportSummary summary;
  for (const fs::path& file : files) {
    ++summary.files;
    CORE_ASSIGN_OR_RETURN(bool accepted, ImportFile(app, *db, cli, file, out, summary));
    if (!accepted) ++summary.refused_files;
  }
  std::fprintf(out,
               "imported %lld files (%lld refused): %lld records, %lld stored, %lld new versions, "
               "%lld withdrawn, %lld duplicates, %lld rejected\n",
               static_cast<long long>(summary.files), static_cast<long long>(summary.refused_files),
               static_cast<long long>(summary.records), static_cast<long long>(summary.stored),
               static_cast<long long>(summary.new_version),
               static_cast<long long>(summary.withdrawn), static_cast<long long>(summary.duplicate),
               static_cast<long long>(summary.rejected));
  return summary;
}

}  // namespace server
