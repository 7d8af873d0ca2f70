// Command-line import of CEB messages: one file (.xml or .json) or every *.xml / *.json file of a
// folder (not recursive, in name order), each through IngestDocument in its own transaction, so
// a file is stored whole or not at all. Reads files and writes report lines.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "app.h"
#include "core/status.h"

namespace server {

struct ImportSummary {
  int64_t files = 0;
  int64_t refused_files = 0;  // unreadable, not CEB, or with a rejected record
  int64_t records = 0;
  int64_t stored = 0;
  int64_t new_version = 0;
  int64_t withdrawn = 0;
  int64_t duplicate = 0;
  int64_t rejected = 0;
};

// Imports `path` as the system actor "cli", printing one line per record (its receipt) to `out`
// ("<file> <where> <type> <guid> <status> ...") and, per refused file, "<file> refused: nothing
// was stored: <why>"; then a summary line.
// NotFound when the path does not exist, InvalidArgument for a file that is not .xml or .json or
// a folder without any; Internal on database errors (the current file is rolled back).
core::StatusOr<ImportSummary> ImportMessages(App& app, const std::string& path, std::FILE* out);

}  // namespace server
