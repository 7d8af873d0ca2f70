// Session tokens, cookies and their lifetime rules.
#include "auth/sessions.h"

#include "common/crypto.h"

namespace server {

namespace {
constexpr size_t kTokenBytes = 32;
constexpr int64_t kTouchIntervalSeconds = 60;

bool IsHex(std::string_view s) {
  for (char c : s) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    if (!ok) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

core::StatusOr<NewSession> CreateSession(Db& db, int64_t user_id, int64_t now,
                                         const SessionConfig& config) {
  if (!InitCrypto()) return core::InternalError("libsodium failed to initialise");
  CORE_RETURN_IF_ERROR(DeleteStaleSessions(db, now, config.idle_seconds));
  NewSession s;
  s.token = RandomHex(kTokenBytes);
  s.record.token_hash = Sha256Hex(s.token);
  s.record.user_id = user_id;
  s.record.created_at = now;
  s.record.last_seen_at = now;
  s.record.expires_at = now + config.absolute_seconds;
  CORE_RETURN_IF_ERROR(InsertSession(db, s.record));
  return s;
}

core::StatusOr<UserRecord> ResolveSession(Db& db, std::string_view token, int64_t now,
                                          const SessionConfig& config) {
  std::string hash = Sha256Hex(token);
  CORE_ASSIGN_OR_RETURN(std::optional<SessionRecord> session, FindSession(db, hash));
  if (!session) return core::UnauthenticatedError("not signed in");
  if (now >= session->expires_at || now >= session->last_seen_at + config.idle_seconds) {
    CORE_RETURN_IF_ERROR(DeleteSession(db, hash));
    return core::UnauthenticatedError("session expired; sign in again");
  }
  CORE_ASSIGN_OR_RETURN(std::optional<UserRecord> user, FindUserById(db, session->user_id));
  if (!user) return core::UnauthenticatedError("not signed in");
  if (now - session->last_seen_at >= kTouchIntervalSeconds) {
    CORE_RETURN_IF_ERROR(TouchSession(db, hash, now));
  }
  return *std::move(user);
}

core::Status EndSession(Db& db, std::string_view token) {
  return DeleteSession(db, Sha256Hex(token));
}

std::optional<std::string> SessionTokenFromCookies(std::string_view header) {
  while (!header.empty()) {
    size_t semi = header.find(';');
    std::string_view part = Trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    if (Trim(part.substr(0, eq)) != kSessionCookieName) continue;
    std::string_view value = Trim(part.substr(eq + 1));
    if (value.size() == kTokenBytes * 2 && IsHex(value)) return std::string(value);
  }
  return std::nullopt;
}

std::string SessionCookie(std::string_view token, const SessionConfig& config) {
  std::string c =
      std::string(kSessionCookieName) + "=" + std::string(token) +
      "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(config.absolute_seconds);
  if (config.secure_cookie) c += "; Secure";
  return c;
}

std::string ClearedSessionCookie(const SessionConfig& config) {
  std::string c =
      std::string(kSessionCookieName) + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0";
  if (config.secure_cookie) c += "; Secure";
  return c;
}

}  // namespace server
