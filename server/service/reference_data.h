// Reference lists and the policy: their names and bundled files, parsing with the core, storing
// new versions (validated first, audited), and the parsed in-memory snapshot the evaluations
// use. Does file I/O (bundled files) and database I/O.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/actor.h"
#include "core/catalog.h"
#include "core/json.h"
#include "core/policy.h"
#include "store/db.h"
#include "store/reference_repo.h"

namespace server {

struct ListSpec {
  std::string_view name;          // API name: divisions, hs8, positive_list, ...
  std::string_view bundled_path;  // relative to the data directory
};
// The seven lists, in a fixed order.
const std::vector<ListSpec>& ListSpecs();
bool IsListName(std::string_view name);
inline constexpr std::string_view kBundledPolicyPath = "policy/default.json";
// Upper bound for an uploaded list's CSV text.
inline constexpr size_t kMaxListBytes = 8u << 20;

// An immutable parsed snapshot of everything evaluations read. Replaced whole (copy on write)
// when an administrator loads a new list or policy, so a request never sees half an update.
struct ReferenceData {
  core::ReferenceTables tables;
  core::Policy policy;
  PolicyVersionRecord policy_record;
  std::map<std::string, ListVersionRecord, std::less<>> lists;  // with content

  // The policy document in force as JSON (what GET /api/v1/policy returns).
  core::Json PolicyDocument() const;
};

// Parses `csv` as the named list into `tables`, returning its row count. InvalidArgument (with
// the core's message) on bad data or an unknown name.
core::StatusOr<int64_t> ParseListInto(std::string_view name, std::string_view csv,
                                      core::ReferenceTables& tables);

// The version a list's CSV names for itself (the positive list's '#' first line, up to any
// parenthesised note), or "" when it names none or does not parse.
std::string SelfDeclaredVersion(std::string_view name, std::string_view csv);

// Validates a policy document with the core. InvalidArgument naming the field.
core::StatusOr<core::Policy> ParsePolicyDocument(const core::Json& doc);

// First start: stores every list and the policy that has no version yet from the bundled files
// under `data_dir`, audited as the system. Later starts change nothing.
core::Status SeedReferenceData(Db& db, const std::string& data_dir, int64_t now);

// Reads the versions in force from the database and parses them. Internal when a stored
// version no longer parses (the database was edited by hand).
core::StatusOr<std::shared_ptr<const ReferenceData>> LoadReferenceData(Db& db);

// A copy of `base` with one list replaced (the record must hold content that parses).
core::StatusOr<std::shared_ptr<const ReferenceData>> WithList(const ReferenceData& base,
                                                              const ListVersionRecord& list);
// A copy of `base` with the policy replaced.
core::StatusOr<std::shared_ptr<const ReferenceData>> WithPolicy(const ReferenceData& base,
                                                                const PolicyVersionRecord& p);

// Validates and stores a new version of a list, audited ("list.replace"). Must run inside a
// transaction. InvalidArgument on bad CSV or version, AlreadyExists when the version exists.
core::StatusOr<ListVersionRecord> StoreListVersion(Db& db, const Actor& actor,
                                                   std::string_view name, std::string_view version,
                                                   std::string_view csv, int64_t now);

// Validates and stores a new policy version, audited ("policy.replace"). Must run inside a
// transaction. InvalidArgument on a bad document, AlreadyExists when the version was used.
core::StatusOr<PolicyVersionRecord> StorePolicyVersion(Db& db, const Actor& actor,
                                                       const core::Json& doc, int64_t now);

}  // namespace server
