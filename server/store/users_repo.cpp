// Users and sessions tables: prepared statements only.
#include "store/users_repo.h"

#include "common/json_text.h"

namespace server {

namespace {
constexpr std::string_view kUserColumns =
    "id, username, password_hash, role, display_name, enterprise_id, created_at";

UserRecord ReadUser(const Stmt& s) {
  UserRecord u;
  u.id = s.Int(0);
  u.username = s.Text(1);
  u.password_hash = s.Text(2);
  u.role = s.Text(3);
  u.display_name = s.Text(4);
  u.enterprise_id = s.OptInt(5);
  u.created_at = s.Text(6);
  return u;
}

core::StatusOr<std::optional<UserRecord>> FindOneUser(Db& db, std::string_view where,
                                                      const auto& arg) {
  std::string sql =
      "SELECT " + std::string(kUserColumns) + " FROM users WHERE " + std::string(where);
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query(sql, arg));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<UserRecord>();
  return std::optional<UserRecord>(ReadUser(s));
}
}  // namespace

core::Json UserToJson(const UserRecord& user) {
  core::Json j = core::Json::object();
  j["id"] = user.id;
  j["username"] = user.username;
  j["role"] = user.role;
  j["display_name"] = user.display_name;
  j["enterprise_id"] = OrNull(user.enterprise_id);
  j["created_at"] = user.created_at;
  return j;
}

core::StatusOr<int64_t> InsertUser(Db& db, const UserRecord& user) {
  core::Status st = db.Exec(
      "INSERT INTO users (username, password_hash, role, display_name, enterprise_id, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?)",
      user.username, user.password_hash, user.role, user.display_name, user.enterprise_id,
      user.created_at);
  if (st.code() == core::StatusCode::kAlreadyExists) {
    return core::AlreadyExistsError("username '" + user.username + "' is taken");
  }
  CORE_RETURN_IF_ERROR(st);
  return db.LastInsertId();
}

core::StatusOr<std::optional<UserRecord>> FindUserByUsername(Db& db, std::string_view username) {
  return FindOneUser(db, "username = ?", username);
}

core::StatusOr<std::optional<UserRecord>> FindUserById(Db& db, int64_t id) {
  return FindOneUser(db, "id = ?", id);
}

core::StatusOr<ListResult<UserRecord>> ListUsers(Db& db, const Page& page) {
  ListResult<UserRecord> out;
  CORE_ASSIGN_OR_RETURN(out.total, CountUsers(db));
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kUserColumns) +
                                             " FROM users ORDER BY id LIMIT ? OFFSET ?",
                                         page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadUser(s));
  }
  return out;
}

core::StatusOr<int64_t> CountUsers(Db& db) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT COUNT(*) FROM users"));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}

core::Status InsertSession(Db& db, const SessionRecord& session) {
  return db.Exec(
      "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?)",
      session.token_hash, session.user_id, session.created_at, session.last_seen_at,
      session.expires_at);
}

core::StatusOr<std::optional<SessionRecord>> FindSession(Db& db, std::string_view token_hash) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT token_hash, user_id, created_at, last_seen_at, expires_at "
                                 "FROM sessions WHERE token_hash = ?",
                                 token_hash));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<SessionRecord>();
  SessionRecord r;
  r.token_hash = s.Text(0);
  r.user_id = s.Int(1);
  r.created_at = s.Int(2);
  r.last_seen_at = s.Int(3);
  r.expires_at = s.Int(4);
  return std::optional<SessionRecord>(r);
}

core::Status TouchSession(Db& db, std::string_view token_hash, int64_t now) {
  return db.Exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", now, token_hash);
}

core::Status DeleteSession(Db& db, std::string_view token_hash) {
  return db.Exec("DELETE FROM sessions WHERE token_hash = ?", token_hash);
}

core::StatusOr<int64_t> DeleteUserSessions(Db& db, int64_t user_id) {
  CORE_ASSIGN_OR_RETURN(int64_t n,
                        db.QueryInt("SELECT COUNT(*) FROM sessions WHERE user_id = ?", user_id));
  CORE_RETURN_IF_ERROR(db.Exec("DELETE FROM sessions WHERE user_id = ?", user_id));
  return n;
}

core::Status UpdatePasswordHash(Db& db, int64_t user_id, const std::string& password_hash) {
  return db.Exec("UPDATE users SET password_hash = ? WHERE id = ?", password_hash, user_id);
}

core::Status DeleteStaleSessions(Db& db, int64_t now, int64_t idle_seconds) {
  return db.Exec("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at + ? <= ?", now,
                 idle_seconds, now);
}

}  // namespace server
