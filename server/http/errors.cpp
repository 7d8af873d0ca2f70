// Status -> HTTP mapping and error bodies.
#include "http/errors.h"

#include <cstdio>

namespace server {

int HttpStatusFor(core::StatusCode code) {
  switch (code) {
    case core::StatusCode::kOk:
      return 200;
    case core::StatusCode::kInvalidArgument:
    case core::StatusCode::kOutOfRange:
      return 400;
    case core::StatusCode::kUnauthenticated:
      return 401;
    case core::StatusCode::kPermissionDenied:
      return 403;
    case core::StatusCode::kNotFound:
      return 404;
    case core::StatusCode::kAlreadyExists:
    case core::StatusCode::kFailedPrecondition:
      return 409;
    case core::StatusCode::kResourceExhausted:
      return 429;
    case core::StatusCode::kInternal:
      return 500;
    case core::StatusCode::kUnavailable:
      return 503;
    case core::StatusCode::kDeadlineExceeded:
      return 504;
  }
  return 500;
}

core::Json ErrorJson(std::string_view code, std::string_view message) {
  return core::Json{{"error", {{"code", std::string(code)}, {"message", std::string(message)}}}};
}

Reply ErrorReply(const core::Status& status) {
  int http = HttpStatusFor(status.code());
  if (http == 500) {
    std::fprintf(stderr, "internal error: %s\n", status.message().c_str());
    return Reply::Json(500, ErrorJson("internal", "internal server error"));
  }
  return Reply::Json(http, ErrorJson(core::StatusCodeName(status.code()), status.message()));
}

core::Json ErrorJsonForHttpStatus(int http_status) {
  switch (http_status) {
    case 400:
      return ErrorJson("invalid_argument", "malformed request");
    case 401:
      return ErrorJson("unauthenticated", "not signed in");
    case 403:
      return ErrorJson("permission_denied", "forbidden");
    case 404:
      return ErrorJson("not_found", "not found");
    case 405:
      return ErrorJson("method_not_allowed", "method not allowed");
    case 413:
      return ErrorJson("payload_too_large", "request body too large");
    case 414:
      return ErrorJson("uri_too_long", "request URI too long");
    case 415:
      return ErrorJson("unsupported_media_type", "Content-Type must be application/json");
    default:
      break;
  }
  if (http_status >= 500) return ErrorJson("internal", "internal server error");
  return ErrorJson("invalid_argument", "request refused");
}

}  // namespace server
