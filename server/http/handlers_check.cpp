// Handlers: identifier checks with the core on the server.
#include "common/json_text.h"
#include "core/verdict_api.h"
#include "http/handlers.h"
#include "service/reference_data.h"

namespace server {

core::StatusOr<Reply> HandleCheckIdentifier(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  std::shared_ptr<const ReferenceData> ref = ctx.app.reference();
  std::string result = core::CheckIdentifierJson(core::DumpJson(body), ref->tables, ref->policy);
  CORE_RETURN_IF_ERROR(CoreResult(result).status());
  // The core's bytes unchanged, so the page can compare them with its own.
  return Reply{200, result, "application/json; charset=utf-8", {}};
}

}  // namespace server
