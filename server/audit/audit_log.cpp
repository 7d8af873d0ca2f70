// Hash-chained audit log: append, list, verify.
#include "audit/audit_log.h"

#include "common/clock.h"
#include "common/crypto.h"
#include "common/json_text.h"

namespace server {

namespace {
const std::string kGenesisHash(64, '0');

constexpr std::string_view kColumns =
    "id, at, actor_id, actor_name, action, object_type, object_id, detail, prev_hash, hash";

AuditEntry ReadEntry(const Stmt& s) {
  AuditEntry e;
  e.id = s.Int(0);
  e.at = s.Text(1);
  e.actor_id = s.OptInt(2);
  e.actor_name = s.Text(3);
  e.action = s.Text(4);
  e.object_type = s.Text(5);
  e.object_id = s.Text(6);
  e.detail = s.Text(7);
  e.prev_hash = s.Text(8);
  e.hash = s.Text(9);
  return e;
}

// The hash of an entry, or an error when its detail is not JSON (only possible by tampering).
core::StatusOr<std::string> ComputeHash(const AuditEntry& e) {
  CORE_ASSIGN_OR_RETURN(core::Json detail, core::ParseJson(e.detail));
  core::Json body = core::Json::object();
  body["id"] = e.id;
  body["at"] = e.at;
  body["actor_id"] = OrNull(e.actor_id);
  body["actor_name"] = e.actor_name;
  body["action"] = e.action;
  body["object_type"] = e.object_type;
  body["object_id"] = e.object_id;
  body["detail"] = detail;
  return Sha256Hex(e.prev_hash + "\n" + core::DumpJson(body));
}
}  // namespace

core::Json AuditEntryToJson(const AuditEntry& e) {
  core::Json j = core::Json::object();
  j["id"] = e.id;
  j["at"] = e.at;
  j["actor_id"] = OrNull(e.actor_id);
  j["actor_name"] = e.actor_name;
  j["action"] = e.action;
  j["object_type"] = e.object_type;
  j["object_id"] = e.object_id;
  core::Json detail = JsonOrNull(e.detail);
  j["detail"] = detail.is_null() ? core::Json(e.detail) : detail;
  j["prev_hash"] = e.prev_hash;
  j["hash"] = e.hash;
  return j;
}

core::Status AppendAudit(Db& db, const Actor& actor, std::string_view action,
                         std::string_view object_type, std::string_view object_id,
                         const core::Json& detail, int64_t now_unix) {
  if (!db.InTransaction()) {
    return core::InternalError("audit entries must be written inside the change's transaction");
  }
  AuditEntry e;
  {
    CORE_ASSIGN_OR_RETURN(Stmt s,
                          db.Query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    e.id = row ? s.Int(0) + 1 : 1;
    e.prev_hash = row ? s.Text(1) : kGenesisHash;
  }
  e.at = FormatUtcIso(now_unix);
  e.actor_id = actor.user_id;
  e.actor_name = actor.name;
  e.action = std::string(action);
  e.object_type = std::string(object_type);
  e.object_id = std::string(object_id);
  e.detail = core::DumpJson(detail.is_null() ? core::Json::object() : detail);
  CORE_ASSIGN_OR_RETURN(e.hash, ComputeHash(e));
  return db.Exec(
      "INSERT INTO audit_log (id, at, actor_id, actor_name, action, object_type, object_id, "
      "detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      e.id, e.at, e.actor_id, e.actor_name, e.action, e.object_type, e.object_id, e.detail,
      e.prev_hash, e.hash);
}

core::StatusOr<ListResult<AuditEntry>> ListAudit(Db& db, const AuditFilter& f, const Page& page) {
  static constexpr std::string_view kWhere =
      " FROM audit_log WHERE (?1 = '' OR object_type = ?1) AND (?2 = '' OR object_id = ?2) AND "
      "(?3 = '' OR action = ?3)";
  ListResult<AuditEntry> out;
  {
    CORE_ASSIGN_OR_RETURN(Stmt c, db.Query("SELECT COUNT(*)" + std::string(kWhere), f.object_type,
                                           f.object_id, f.action));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT " + std::string(kColumns) + std::string(kWhere) +
                                     " ORDER BY id DESC LIMIT ?4 OFFSET ?5",
                                 f.object_type, f.object_id, f.action, page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadEntry(s));
  }
  return out;
}

core::StatusOr<AuditVerification> VerifyAuditChain(Db& db) {
  AuditVerification v;
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT " + std::string(kColumns) + " FROM audit_log ORDER BY id"));
  std::string expected_prev = kGenesisHash;
  int64_t expected_id = 1;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    AuditEntry e = ReadEntry(s);
    ++v.entries;
    std::string reason;
    if (e.id != expected_id) {
      reason = "entry " + std::to_string(expected_id) + " is missing";
    } else if (e.prev_hash != expected_prev) {
      reason = "prev_hash does not match the previous entry's hash";
    } else {
      core::StatusOr<std::string> hash = ComputeHash(e);
      if (!hash.ok()) {
        reason = "detail is not valid JSON";
      } else if (*hash != e.hash) {
        reason = "hash does not match the entry's content";
      }
    }
    if (!reason.empty() && v.ok) {
      v.ok = false;
      v.broken_at = e.id;
      v.reason = reason;
    }
    expected_prev = e.hash;
    expected_id = e.id + 1;
  }
  return v;
}

}  // namespace server
