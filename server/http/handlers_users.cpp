// Handlers: users (admin only).
#include "http/handlers.h"
#include "service/users.h"

namespace server {

core::StatusOr<Reply> HandleListUsers(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  CORE_ASSIGN_OR_RETURN(ListResult<UserRecord> users, ListUsers(ctx.db, page));
  core::Json items = core::Json::array();
  for (const UserRecord& u : users.items) items.push_back(UserToJson(u));
  return Reply::Json(200, ListJson(std::move(items), users.total));
}

core::StatusOr<Reply> HandleCreateUser(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_ASSIGN_OR_RETURN(UserRecord user, PrepareUser(body, ctx.app.config().password));
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(UserRecord created,
                        CreateUser(ctx.db, ctx.actor, std::move(user), ctx.app.Now()));
  return Reply::Json(201, {{"user", UserToJson(created)}});
}

}  // namespace server
