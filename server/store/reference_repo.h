// Versioned reference lists (reference_lists) and policy documents (policy_versions). The
// newest row of each name is the one in force. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct ListVersionRecord {
  int64_t id = 0;
  std::string name;
  std::string version;
  std::string content;  // the CSV text exactly as loaded
  std::string sha256;
  int64_t rows = 0;
  std::string loaded_by;
  std::string loaded_at;
};

// Without content: {"name","version","rows","sha256","loaded_by","loaded_at"}.
core::Json ListVersionToJson(const ListVersionRecord& r);

// AlreadyExists when that list already has this version.
core::StatusOr<int64_t> InsertListVersion(Db& db, const ListVersionRecord& r);
// The version in force (newest), with content; empty when the list was never loaded.
core::StatusOr<std::optional<ListVersionRecord>> CurrentList(Db& db, std::string_view name);

struct PolicyVersionRecord {
  int64_t id = 0;
  std::string version;
  std::string document;  // canonical JSON text
  std::string sha256;
  std::string loaded_by;
  std::string loaded_at;
};

// AlreadyExists when that version string was used before.
core::StatusOr<int64_t> InsertPolicyVersion(Db& db, const PolicyVersionRecord& r);
core::StatusOr<std::optional<PolicyVersionRecord>> CurrentPolicy(Db& db);

}  // namespace server
