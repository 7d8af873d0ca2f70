// nlohmann/json wrappers that never throw. Pure.
#include "core/json.h"

namespace core {

StatusOr<Json> ParseJson(std::string_view text) {
  Json parsed = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return InvalidArgumentError("malformed JSON");
  return parsed;
}

std::string DumpJson(const Json& value) {
  return value.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

namespace {
// Appends rather than `"'" + std::string(key)`: GCC 12 -O3 warns (-Wrestrict, a false positive)
// on a literal prepended to a temporary string.
std::string Quoted(std::string_view key) {
  std::string out(1, '\'');
  out += key;
  out += '\'';
  return out;
}
}  // namespace

StatusOr<std::string> OptionalString(const Json& obj, std::string_view key, size_t max_len) {
  if (!obj.is_object()) return InvalidArgumentError("expected a JSON object");
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::string();
  if (!it->is_string()) return InvalidArgumentError("field " + Quoted(key) + " must be a string");
  const std::string& s = it->get_ref<const std::string&>();
  if (s.size() > max_len) {
    return InvalidArgumentError("field " + Quoted(key) + " is longer than " +
                                std::to_string(max_len) + " bytes");
  }
  return s;
}

StatusOr<std::string> RequiredString(const Json& obj, std::string_view key, size_t max_len) {
  if (!obj.is_object()) return InvalidArgumentError("expected a JSON object");
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    return InvalidArgumentError("field " + Quoted(key) + " is required");
  }
  CORE_ASSIGN_OR_RETURN(std::string s, OptionalString(obj, key, max_len));
  if (s.empty()) return InvalidArgumentError("field " + Quoted(key) + " must not be empty");
  return s;
}

StatusOr<std::optional<int64_t>> OptionalInt(const Json& obj, std::string_view key) {
  if (!obj.is_object()) return InvalidArgumentError("expected a JSON object");
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<int64_t>();
  if (it->is_number_integer()) return std::optional<int64_t>(it->get<int64_t>());
  if (it->is_number_unsigned() && it->get<uint64_t>() <= static_cast<uint64_t>(INT64_MAX)) {
    return std::optional<int64_t>(static_cast<int64_t>(it->get<uint64_t>()));
  }
  return InvalidArgumentError("field " + Quoted(key) + " must be an integer");
}

StatusOr<int64_t> RequiredInt(const Json& obj, std::string_view key) {
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> v, OptionalInt(obj, key));
  if (!v) return InvalidArgumentError("field " + Quoted(key) + " is required");
  return *v;
}

StatusOr<bool> OptionalBool(const Json& obj, std::string_view key, bool default_value) {
  if (!obj.is_object()) return InvalidArgumentError("expected a JSON object");
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return default_value;
  if (!it->is_boolean())
    return InvalidArgumentError("field " + Quoted(key) + " must be true or false");
  return it->get<bool>();
}

Json FindingToJson(const Finding& f) {
  Json j = Json::object();
  j["code"] = f.code;
  j["severity"] = std::string(SeverityName(f.severity));
  j["field"] = f.field;
  j["message_zh"] = f.message_zh;
  j["message_en"] = f.message_en;
  return j;
}

Json FindingsToJson(const Findings& findings) {
  Json arr = Json::array();
  for (const Finding& f : findings) arr.push_back(FindingToJson(f));
  return arr;
}

}  // namespace core
