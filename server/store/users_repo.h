// Users and sessions tables. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct UserRecord {
  int64_t id = 0;
  std::string username;
  std::string password_hash;  // argon2id string; never leaves the server
  std::string role;           // "admin" | "officer" | "enterprise"
  std::string display_name;
  std::optional<int64_t> enterprise_id;
  std::string created_at;
};

// The user as the API shows it (no password hash).
core::Json UserToJson(const UserRecord& user);

// Inserts and returns the new id. AlreadyExists when the username is taken.
core::StatusOr<int64_t> InsertUser(Db& db, const UserRecord& user);
core::StatusOr<std::optional<UserRecord>> FindUserByUsername(Db& db, std::string_view username);
core::StatusOr<std::optional<UserRecord>> FindUserById(Db& db, int64_t id);
core::StatusOr<ListResult<UserRecord>> ListUsers(Db& db, const Page& page);
core::StatusOr<int64_t> CountUsers(Db& db);

struct SessionRecord {
  std::string token_hash;
  int64_t user_id = 0;
  int64_t created_at = 0;  // Unix seconds
  int64_t last_seen_at = 0;
  int64_t expires_at = 0;  // absolute expiry
};

core::Status InsertSession(Db& db, const SessionRecord& session);
core::StatusOr<std::optional<SessionRecord>> FindSession(Db& db, std::string_view token_hash);
core::Status TouchSession(Db& db, std::string_view token_hash, int64_t now);
core::Status DeleteSession(Db& db, std::string_view token_hash);
// Ends every session of the user; how many there were.
core::StatusOr<int64_t> DeleteUserSessions(Db& db, int64_t user_id);
core::Status UpdatePasswordHash(Db& db, int64_t user_id, const std::string& password_hash);
// Removes sessions past their absolute expiry or idle for longer than idle_seconds.
core::Status DeleteStaleSessions(Db& db, int64_t now, int64_t idle_seconds);

}  // namespace server
