// Path-aware JSON field readers that never throw (JSON_NOEXCEPTION). Pure.
#include "field_reader.h"

#include <limits>

#include "internal/text_fields.h"

namespace core::internal {

std::string FieldPath(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  std::string out(parent);
  out += '.';
  out += key;
  return out;
}

std::string IndexPath(std::string_view parent, size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

Status FieldError(std::string_view path, std::string_view what) {
  return InvalidArgumentError("field '" + std::string(path) + "' " + std::string(what));
}

const Json* Member(const Json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
}

StatusOr<std::string> ReadString(const Json& obj, std::string_view key, std::string_view parent,
                                 size_t max_chars, bool required) {
  const std::string path = FieldPath(parent, key);
  const Json* v = Member(obj, key);
  if (v == nullptr) {
    if (required) return FieldError(path, "is required");
    return std::string();
  }
  if (!v->is_string()) return FieldError(path, "must be a string");
  const std::string& s = v->get_ref<const std::string&>();
  if (Utf8Length(s) > max_chars) {
    return FieldError(path, "is longer than " + std::to_string(max_chars) + " characters");
  }
  if (required && s.empty()) return FieldError(path, "must not be empty");
  return s;
}

StatusOr<std::optional<Date>> ReadDate(const Json& obj, std::string_view key,
                                       std::string_view parent, bool required) {
  const std::string path = FieldPath(parent, key);
  const Json* v = Member(obj, key);
  if (v == nullptr) {
    if (required) return FieldError(path, "is required");
    return std::optional<Date>();
  }
  if (!v->is_string()) return FieldError(path, "must be a date string YYYY-MM-DD");
  const std::string& s = v->get_ref<const std::string&>();
  // Only the dashed form: API documents use one spelling, so stored JSON stays uniform.
  if (s.size() != 10) return FieldError(path, "must be a date YYYY-MM-DD");
  StatusOr<Date> d = Date::Parse(s);
  if (!d.ok()) return FieldError(path, "must be a real date YYYY-MM-DD");
  return std::optional<Date>(*d);
}

StatusOr<std::optional<int64_t>> ReadInt(const Json& obj, std::string_view key,
                                         std::string_view parent, int64_t min_value,
                                         int64_t max_value, bool required) {
  const std::string path = FieldPath(parent, key);
  const Json* v = Member(obj, key);
  if (v == nullptr) {
    if (required) return FieldError(path, "is required");
    return std::optional<int64_t>();
  }
  int64_t value = 0;
  if (v->is_number_integer() && !v->is_number_unsigned()) {
    value = v->get<int64_t>();
  } else if (v->is_number_unsigned()) {
    const uint64_t u = v->get<uint64_t>();
    if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return FieldError(path, "is out of range");
    }
    value = static_cast<int64_t>(u);
  } else {
    return FieldError(path, "must be an integer");
  }
  if (value < min_value || value > max_value) {
    return FieldError(
        path, "must be between " + std::to_string(min_value) + " and " + std::to_string(max_value));
  }
  return std::optional<int64_t>(value);
}

StatusOr<bool> ReadBool(const Json& obj, std::string_view key, std::string_view parent,
                        bool default_value) {
  const Json* v = Member(obj, key);
  if (v == nullptr) return default_value;
  if (!v->is_boolean()) return FieldError(FieldPath(parent, key), "must be true or false");
  return v->get<bool>();
}

StatusOr<std::vector<std::string>> ReadStringArray(const Json& obj, std::string_view key,
                                                   std::string_view parent, size_t max_items,
                                                   size_t max_chars, bool required) {
  const std::string path = FieldPath(parent, key);
  std::vector<std::string> out;
  const Json* v = Member(obj, key);
  if (v == nullptr) {
    if (required) return FieldError(path, "is required");
    return out;
  }
  if (!v->is_array()) return FieldError(path, "must be an array of strings");
  if (v->size() > max_items) {
    return FieldError(path, "has more than " + std::to_string(max_items) + " items");
  }
  for (size_t i = 0; i < v->size(); ++i) {
    const Json& item = (*v)[i];
    if (!item.is_string()) return FieldError(IndexPath(path, i), "must be a string");
    const std::string& s = item.get_ref<const std::string&>();
    if (Utf8Length(s) > max_chars) {
      return FieldError(IndexPath(path, i),
                        "is longer than " + std::to_string(max_chars) + " characters");
    }
    out.push_back(s);
  }
  return out;
}

std::string ErrorResponseJson(const Status& status) {
  Json err = Json::object();
  err["code"] = std::string(StatusCodeName(status.code()));
  err["message"] = status.message();
  Json out = Json::object();
  out["error"] = std::move(err);
  return DumpJson(out);
}

Status ExpectObject(const Json& value, std::string_view path) {
  if (value.is_object()) return OkStatus();
  if (path.empty()) return InvalidArgumentError("expected a JSON object");
  return FieldError(path, "must be an object");
}

Status RejectUnknownKeys(const Json& obj, std::initializer_list<std::string_view> known,
                         std::string_view parent) {
  if (!obj.is_object()) return OkStatus();
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool found = false;
    for (std::string_view k : known) {
      if (it.key() == k) {
        found = true;
        break;
      }
    }
    if (!found) return FieldError(FieldPath(parent, it.key()), "is not a known field");
  }
  return OkStatus();
}

}  // namespace core::internal
