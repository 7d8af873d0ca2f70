// Request readers shared by the core's text entry points (private to the core). Pure.
#include "internal/api_common.h"

#include <optional>

#include "api/field_reader.h"
#include "core/sampling.h"

namespace core {
namespace internal {

StatusOr<Json> ParseRequestObject(std::string_view request) {
  CORE_ASSIGN_OR_RETURN(Json doc, ParseJson(request));
  if (!doc.is_object()) return InvalidArgumentError("the request must be a JSON object");
  return doc;
}

StatusOr<uint64_t> ReadSeed(const Json& doc) {
  const Json* seed = Member(doc, "seed");
  if (seed == nullptr || !seed->is_string()) {
    return FieldError("seed", "must be a string of 1 to 16 hex digits");
  }
  std::optional<uint64_t> value = SeedFromHex(seed->get_ref<const std::string&>());
  if (!value) return FieldError("seed", "must be a string of 1 to 16 hex digits");
  return *value;
}

std::string Respond(const StatusOr<std::string>& result) {
  return result.ok() ? *result : ErrorResponseJson(result.status());
}

}  // namespace internal

}  // namespace core
