// reference_lists and policy_versions tables: prepared statements only.
#include "store/reference_repo.h"

namespace server {

core::Json ListVersionToJson(const ListVersionRecord& r) {
  core::Json j = core::Json::object();
  j["name"] = r.name;
  j["version"] = r.version;
  j["rows"] = r.rows;
  j["sha256"] = r.sha256;
  j["loaded_by"] = r.loaded_by;
  j["loaded_at"] = r.loaded_at;
  return j;
}

core::StatusOr<int64_t> InsertListVersion(Db& db, const ListVersionRecord& r) {
  core::Status st = db.Exec(
      "INSERT INTO reference_lists (name, version, content, sha256, rows, loaded_by, loaded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      r.name, r.version, r.content, r.sha256, r.rows, r.loaded_by, r.loaded_at);
  if (st.code() == core::StatusCode::kAlreadyExists) {
    return core::AlreadyExistsError("list " + r.name + " already has version '" + r.version + "'");
  }
  CORE_RETURN_IF_ERROR(st);
  return db.LastInsertId();
}

core::StatusOr<std::optional<ListVersionRecord>> CurrentList(Db& db, std::string_view name) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT id, name, version, content, sha256, rows, loaded_by, loaded_at "
                       "FROM reference_lists WHERE name = ? ORDER BY id DESC LIMIT 1",
                       name));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<ListVersionRecord>();
  ListVersionRecord r;
  r.id = s.Int(0);
  r.name = s.Text(1);
  r.version = s.Text(2);
  r.content = s.Text(3);
  r.sha256 = s.Text(4);
  r.rows = s.Int(5);
  r.loaded_by = s.Text(6);
  r.loaded_at = s.Text(7);
  return std::optional<ListVersionRecord>(std::move(r));
}

core::StatusOr<int64_t> InsertPolicyVersion(Db& db, const PolicyVersionRecord& r) {
  core::Status st = db.Exec(
      "INSERT INTO policy_versions (version, document, sha256, loaded_by, loaded_at) "
      "VALUES (?, ?, ?, ?, ?)",
      r.version, r.document, r.sha256, r.loaded_by, r.loaded_at);
  if (st.code() == core::StatusCode::kAlreadyExists) {
    return core::AlreadyExistsError("policy version '" + r.version + "' already exists");
  }
  CORE_RETURN_IF_ERROR(st);
  return db.LastInsertId();
}

core::StatusOr<std::optional<PolicyVersionRecord>> CurrentPolicy(Db& db) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT id, version, document, sha256, loaded_by, loaded_at "
                                 "FROM policy_versions ORDER BY id DESC LIMIT 1"));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<PolicyVersionRecord>();
  PolicyVersionRecord r;
  r.id = s.Int(0);
  r.version = s.Text(1);
  r.document = s.Text(2);
  r.sha256 = s.Text(3);
  r.loaded_by = s.Text(4);
  r.loaded_at = s.Text(5);
  return std::optional<PolicyVersionRecord>(std::move(r));
}

}  // namespace server
