// The append-only, hash-chained audit log: every decision, user creation, list or policy change,
// application submission and goods filing. Does file I/O through the Db handle.
//
// hash = hex SHA-256( prev_hash + "\n" + canonical JSON of {id, at, actor_id, actor_name,
// action, object_type, object_id, detail} ), prev_hash of the first entry = 64 zeros. The
// canonical JSON is core::DumpJson (sorted keys, compact), so the hash does not depend on how the
// detail text happens to be spelled in the table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/actor.h"
#include "core/json.h"
#include "store/db.h"

namespace server {

struct AuditEntry {
  int64_t id = 0;
  std::string at;  // UTC ISO time
  std::optional<int64_t> actor_id;
  std::string actor_name;
  std::string action;       // e.g. "application.approve"
  std::string object_type;  // e.g. "application"
  std::string object_id;
  std::string detail;  // JSON text
  std::string prev_hash;
  std::string hash;
};

core::Json AuditEntryToJson(const AuditEntry& e);

// Appends one entry chained to the newest one. Call inside the transaction of the change it
// records (BEGIN IMMEDIATE serialises appenders, so the chain never forks).
core::Status AppendAudit(Db& db, const Actor& actor, std::string_view action,
                         std::string_view object_type, std::string_view object_id,
                         const core::Json& detail, int64_t now_unix);

struct AuditFilter {
  std::string object_type;  // "" = any
  std::string object_id;    // "" = any
  std::string action;       // "" = any
};
// Newest first.
core::StatusOr<ListResult<AuditEntry>> ListAudit(Db& db, const AuditFilter& f, const Page& page);

struct AuditVerification {
  bool ok = true;
  int64_t entries = 0;
  std::optional<int64_t> broken_at;  // id of the first entry whose link or hash is wrong
  std::string reason;
};
// Recomputes the whole chain in id order.
core::StatusOr<AuditVerification> VerifyAuditChain(Db& db);

}  // namespace server
