// Handlers: health, OpenAPI, login, logout, me.
#include "audit/audit_log.h"
#include "auth/password.h"
#include "auth/sessions.h"
#include "http/errors.h"
#include "http/handlers.h"
#include "http/routes.h"
#include "store/enterprises_repo.h"
#include "store/users_repo.h"

namespace server {

core::StatusOr<Reply> HandleHealth(RequestContext& ctx) {
  return Reply::Json(200, {{"status", "ok"}});
}

core::StatusOr<Reply> HandleOpenApi(RequestContext& ctx) {
  return Reply::Json(200, OpenApiDocument());
}

namespace {
core::StatusOr<core::Json> UserWithContext(RequestContext& ctx, const UserRecord& user) {
  core::Json out = {{"user", UserToJson(user)}, {"today", ctx.app.Today().ToIso()}};
  if (user.enterprise_id) {
    CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> e,
                          FindEnterprise(ctx.db, *user.enterprise_id));
    if (e) out["enterprise"] = EnterpriseToJson(*e);
  }
  return out;
}
}  // namespace

core::StatusOr<Reply> HandleLogin(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_ASSIGN_OR_RETURN(std::string username, core::RequiredString(body, "username", 64));
  CORE_ASSIGN_OR_RETURN(std::string password, core::RequiredString(body, "password", 128));
  LoginThrottle& throttle = ctx.app.login_throttle();
  int64_t now = ctx.app.Now();
  if (throttle.Blocked(username, now)) {
    return core::ResourceExhaustedError("too many failed sign-ins; try again later");
  }
  CORE_ASSIGN_OR_RETURN(std::optional<UserRecord> user, FindUserByUsername(ctx.db, username));
  // Verify against a decoy when the user is unknown so both cases cost the same time.
  bool ok = VerifyPassword(password, user ? user->password_hash : ctx.app.decoy_password_hash());
  if (!user || !ok) {
    throttle.RecordFailure(username, now);
    return core::UnauthenticatedError("wrong username or password");
  }
  throttle.Reset(username);
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  // A session the browser still carried is dropped: a new sign-in gets a fresh token.
  if (auto old = SessionTokenFromCookies(ctx.req.get_header_value("Cookie"))) {
    CORE_RETURN_IF_ERROR(EndSession(ctx.db, *old));
  }
  const SessionConfig& cfg = ctx.app.config().session;
  CORE_ASSIGN_OR_RETURN(NewSession session, CreateSession(ctx.db, user->id, now, cfg));
  CORE_ASSIGN_OR_RETURN(core::Json out, UserWithContext(ctx, *user));
  Reply reply = Reply::Json(200, out);
  reply.headers.emplace_back("Set-Cookie", SessionCookie(session.token, cfg));
  return reply;
}

core::StatusOr<Reply> HandleLogout(RequestContext& ctx) {
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  if (auto token = SessionTokenFromCookies(ctx.req.get_header_value("Cookie"))) {
    CORE_RETURN_IF_ERROR(EndSession(ctx.db, *token));
  }
  Reply reply = Reply::NoContent();
  reply.headers.emplace_back("Set-Cookie", ClearedSessionCookie(ctx.app.config().session));
  return reply;
}

core::StatusOr<Reply> HandleLogoutAll(RequestContext& ctx) {
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(int64_t ended, DeleteUserSessions(ctx.db, ctx.user->id));
  CORE_RETURN_IF_ERROR(AppendAudit(ctx.db, ctx.actor, "auth.logout_all", "user",
                                   std::to_string(ctx.user->id), {{"sessions", ended}},
                                   ctx.app.Now()));
  Reply reply = Reply::NoContent();
  reply.headers.emplace_back("Set-Cookie", ClearedSessionCookie(ctx.app.config().session));
  return reply;
}

core::StatusOr<Reply> HandleChangePassword(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_ASSIGN_OR_RETURN(std::string current, core::RequiredString(body, "current_password", 128));
  CORE_ASSIGN_OR_RETURN(std::string next, core::RequiredString(body, "new_password", 128));
  // A wrong current password counts as a failed sign-in: this route must not be a way around
  // the throttle.
  LoginThrottle& throttle = ctx.app.login_throttle();
  const int64_t now = ctx.app.Now();
  if (throttle.Blocked(ctx.user->username, now)) {
    return core::ResourceExhaustedError("too many failed sign-ins; try again later");
  }
  if (!VerifyPassword(current, ctx.user->password_hash)) {
    throttle.RecordFailure(ctx.user->username, now);
    return core::PermissionDeniedError("the current password is wrong");
  }
  CORE_RETURN_IF_ERROR(CheckPasswordStrength(next));
  CORE_ASSIGN_OR_RETURN(std::string hash, HashPassword(next, ctx.app.config().password));
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_RETURN_IF_ERROR(UpdatePasswordHash(ctx.db, ctx.user->id, hash));
  // Every session ends, this one too: whoever held the old password is signed out everywhere.
  CORE_ASSIGN_OR_RETURN(int64_t ended, DeleteUserSessions(ctx.db, ctx.user->id));
  CORE_RETURN_IF_ERROR(AppendAudit(ctx.db, ctx.actor, "auth.password_changed", "user",
                                   std::to_string(ctx.user->id), {{"sessions_ended", ended}}, now));
  Reply reply = Reply::NoContent();
  reply.headers.emplace_back("Set-Cookie", ClearedSessionCookie(ctx.app.config().session));
  return reply;
}

core::StatusOr<Reply> HandleMe(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json out, UserWithContext(ctx, *ctx.user));
  return Reply::Json(200, out);
}

}  // namespace server
