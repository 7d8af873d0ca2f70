// User creation shared by the API and the demo seed.
#include "service/users.h"

#include "audit/audit_log.h"
#include "common/json_text.h"
#include "store/enterprises_repo.h"

namespace server {

Actor ActorFor(const UserRecord& user) {
  Actor a;
  a.user_id = user.id;
  a.name = user.username;
  a.role = user.role;
  a.enterprise_id = user.enterprise_id;
  return a;
}

core::Status CheckUsername(std::string_view username) {
  if (username.size() < 3 || username.size() > 32) {
    return core::InvalidArgumentError("field 'username' must have 3 to 32 characters");
  }
  for (char c : username) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-';
    if (!ok) {
      return core::InvalidArgumentError(
          "field 'username' may contain only letters, digits, '_', '.' and '-'");
    }
  }
  return core::OkStatus();
}

core::StatusOr<UserRecord> PrepareUser(const core::Json& body, const PasswordParams& params) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  UserRecord u;
  CORE_ASSIGN_OR_RETURN(u.username, core::RequiredString(body, "username", 32));
  CORE_RETURN_IF_ERROR(CheckUsername(u.username));
  CORE_ASSIGN_OR_RETURN(std::string password, core::RequiredString(body, "password", 128));
  CORE_RETURN_IF_ERROR(CheckPasswordStrength(password));
  CORE_ASSIGN_OR_RETURN(u.role, core::RequiredString(body, "role", 16));
  if (u.role != "admin" && u.role != "officer" && u.role != "enterprise") {
    return core::InvalidArgumentError("field 'role' must be admin, officer or enterprise");
  }
  CORE_ASSIGN_OR_RETURN(u.display_name, core::OptionalString(body, "display_name", 100));
  if (u.display_name.empty()) u.display_name = u.username;
  CORE_ASSIGN_OR_RETURN(u.enterprise_id, core::OptionalInt(body, "enterprise_id"));
  if (u.role == "enterprise" && !u.enterprise_id) {
    return core::InvalidArgumentError("field 'enterprise_id' is required for role enterprise");
  }
  if (u.role != "enterprise" && u.enterprise_id) {
    return core::InvalidArgumentError("field 'enterprise_id' is only for role enterprise");
  }
  CORE_ASSIGN_OR_RETURN(u.password_hash, HashPassword(password, params));
  return u;
}

core::StatusOr<UserRecord> CreateUser(Db& db, const Actor& actor, UserRecord user, int64_t now) {
  if (user.enterprise_id) {
    CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> e,
                          FindEnterprise(db, *user.enterprise_id));
    if (!e)
      return core::NotFoundError("enterprise " + std::to_string(*user.enterprise_id) +
                                 " does not exist");
  }
  user.created_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(user.id, InsertUser(db, user));
  core::Json detail = {{"username", user.username},
                       {"role", user.role},
                       {"enterprise_id", OrNull(user.enterprise_id)}};
  CORE_RETURN_IF_ERROR(
      AppendAudit(db, actor, "user.create", "user", std::to_string(user.id), detail, now));
  return user;
}

}  // namespace server
