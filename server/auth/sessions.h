// Login sessions: random 32-byte tokens in an HttpOnly SameSite=Strict cookie; the database keeps
// only the token's SHA-256. Idle timeout and absolute expiry. Does file I/O via the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/db.h"
#include "store/users_repo.h"

namespace server {

inline constexpr std::string_view kSessionCookieName = "patrol_session";

struct SessionConfig {
  int64_t idle_seconds = 30 * 60;
  int64_t absolute_seconds = 12 * 3600;
  bool secure_cookie = false;  // set when served over HTTPS
};

struct NewSession {
  std::string token;  // hex; goes only into the Set-Cookie header
  SessionRecord record;
};

// Creates a session for the user (and drops stale ones).
core::StatusOr<NewSession> CreateSession(Db& db, int64_t user_id, int64_t now,
                                         const SessionConfig& config);

// The user owning a live session. Unauthenticated when the token is unknown, idle too long or
// past its absolute expiry (the stale row is deleted). Refreshes last_seen_at at most once a
// minute so reads rarely write.
core::StatusOr<UserRecord> ResolveSession(Db& db, std::string_view token, int64_t now,
                                          const SessionConfig& config);

core::Status EndSession(Db& db, std::string_view token);

// The session token from a Cookie header, when present and well-formed (64 hex characters).
std::optional<std::string> SessionTokenFromCookies(std::string_view cookie_header);

// Set-Cookie values that set and clear the session cookie.
std::string SessionCookie(std::string_view token, const SessionConfig& config);
std::string ClearedSessionCookie(const SessionConfig& config);

}  // namespace server
