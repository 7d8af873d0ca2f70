// The one mapping from core::Status to an HTTP status and the JSON error body
// {"error":{"code","message"}}. No I/O.
#pragma once

#include <string_view>

#include "core/json.h"
#include "core/status.h"
#include "http/context.h"

namespace server {

// invalid_argument/out_of_range 400, unauthenticated 401, permission_denied 403, not_found 404,
// already_exists/failed_precondition 409, resource_exhausted 429, anything else 500.
int HttpStatusFor(core::StatusCode code);

core::Json ErrorJson(std::string_view code, std::string_view message);

// The reply for an error status. Internal errors answer a generic message: details go to the
// server log only.
Reply ErrorReply(const core::Status& status);

// The error body for an HTTP status produced outside the handlers (413, 404, 400 ...).
core::Json ErrorJsonForHttpStatus(int http_status);

}  // namespace server
