// Handlers: the policy in force and new policy versions.
#include <cstdio>

#include "http/handlers.h"
#include "service/reference_data.h"

namespace server {

namespace {
core::Json PolicyJson(const PolicyVersionRecord& p, const core::Json& document) {
  return {{"version", p.version},
          {"sha256", p.sha256},
          {"loaded_by", p.loaded_by},
          {"loaded_at", p.loaded_at},
          {"document", document}};
}
}  // namespace

core::StatusOr<Reply> HandleGetPolicy(RequestContext& ctx) {
  std::shared_ptr<const ReferenceData> ref = ctx.app.reference();
  return Reply::Json(200, PolicyJson(ref->policy_record, ref->PolicyDocument()));
}

core::StatusOr<Reply> HandlePutPolicy(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  auto it = body.find("document");
  if (it == body.end() || !it->is_object()) {
    return core::InvalidArgumentError("field 'document' is required and must be an object");
  }
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(PolicyVersionRecord stored,
                        StorePolicyVersion(ctx.db, ctx.actor, *it, ctx.app.Now()));
  App& app = ctx.app;
  ctx.OnCommit([&app, stored] {
    core::Status st = app.ApplyPolicy(stored);
    if (!st.ok())
      std::fprintf(stderr, "applying policy %s: %s\n", stored.version.c_str(),
                   st.message().c_str());
  });
  return Reply::Json(200, PolicyJson(stored, *it));
}

}  // namespace server
