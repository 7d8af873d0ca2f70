// Rule contexts: building them value by value or from the JSON the server and the browser send,
// checked against the schema (types, bounds, vocabularies; unknown fields refused). Pure.
#include <algorithm>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "api/field_reader.h"
#include "core/rules.h"

namespace core {
namespace {

using internal::FieldError;
using internal::FieldPath;
using internal::IndexPath;

constexpr size_t kMaxLines = 1000;
constexpr size_t kMaxListValues = 1000;
constexpr size_t kMaxTextBytes = 500;
constexpr std::string_view kGroups[] = {"consumer", "enterprise", "goods",
                                        "history",  "list",       "risk"};

const RuleValue& Unknown() {
  static const RuleValue unknown;
  return unknown;
}

bool Allowed(const FieldDef& def, const std::string& value) {
  return def.allowed.empty() ||
         std::find(def.allowed.begin(), def.allowed.end(), value) != def.allowed.end();
}

// Checks a value against the field's type, bounds and vocabulary; "" when it fits.
std::string Misfit(const FieldDef& def, const RuleValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return "";
  switch (def.type) {
    case FieldType::kInt:
    case FieldType::kMoney: {
      const int64_t* n = std::get_if<int64_t>(&value);
      if (n == nullptr) return "must be an integer";
      if (*n < def.min_value || *n > def.max_value) {
        return "must be between " + std::to_string(def.min_value) + " and " +
               std::to_string(def.max_value);
      }
      return "";
    }
    case FieldType::kString: {
      const std::string* s = std::get_if<std::string>(&value);
      if (s == nullptr) return "must be a string";
      if (s->size() > kMaxTextBytes) return "is too long";
      if (!Allowed(def, *s)) return "has the unknown value '" + *s + "'";
      return "";
    }
    case FieldType::kBool:
      return std::holds_alternative<bool>(value) ? "" : "must be true or false";
    case FieldType::kStringList: {
      const auto* list = std::get_if<std::vector<std::string>>(&value);
      if (list == nullptr) return "must be an array of strings";
      if (list->size() > kMaxListValues) return "has too many items";
      for (const std::string& s : *list) {
        if (s.size() > kMaxTextBytes) return "has an item that is too long";
        if (!Allowed(def, s)) return "has the unknown value '" + s + "'";
      }
      return "";
    }
  }
  return "has an unsupported type";
}

// JSON to a RuleValue of the field's type (shape only; Misfit checks the rest).
StatusOr<RuleValue> ReadValue(const FieldDef& def, const Json& j, const std::string& path) {
  if (j.is_null()) return RuleValue{};
  switch (def.type) {
    case FieldType::kInt:
    case FieldType::kMoney:
      if (j.is_number_unsigned()) {
        const uint64_t u = j.get<uint64_t>();
        if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
          return FieldError(path, "is too large");
        }
        return RuleValue{static_cast<int64_t>(u)};
      }
      if (j.is_number_integer()) return RuleValue{j.get<int64_t>()};
      return FieldError(path, def.type == FieldType::kMoney ? "must be an integer amount in fen"
                                                            : "must be an integer");
    case FieldType::kString:
      if (!j.is_string()) return FieldError(path, "must be a string");
      return RuleValue{j.get<std::string>()};
    case FieldType::kBool:
      if (!j.is_boolean()) return FieldError(path, "must be true or false");
      return RuleValue{j.get<bool>()};
    case FieldType::kStringList: {
      if (!j.is_array()) return FieldError(path, "must be an array of strings");
      if (j.size() > kMaxListValues) return FieldError(path, "has too many items");
      std::vector<std::string> items;
      for (const Json& item : j) {
        if (!item.is_string()) return FieldError(path, "must be an array of strings");
        items.push_back(item.get<std::string>());
      }
      return RuleValue{std::move(items)};
    }
  }
  return FieldError(path, "has an unsupported type");
}

// Reads the members of one group object (or one goods line) into `values`.
Status ReadGroup(const Json& obj, std::string_view group, const RuleSchema& schema,
                 const std::string& path, std::vector<RuleValue>& values) {
  if (!obj.is_object()) return FieldError(path, "must be an object");
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string field_path = std::string(group) + "." + it.key();
    const std::string json_path = FieldPath(path, it.key());
    const FieldDef* def = schema.Find(field_path);
    if (def == nullptr) {
      const std::string hint = schema.Suggest(field_path);
      return FieldError(
          json_path, "is not a rule field" + (hint.empty() ? "" : " (did you mean " + hint + "?)"));
    }
    CORE_ASSIGN_OR_RETURN(RuleValue value, ReadValue(*def, it.value(), json_path));
    const std::string misfit = Misfit(*def, value);
    if (!misfit.empty()) return FieldError(json_path, misfit);
    values[static_cast<size_t>(def->slot)] = std::move(value);
  }
  return OkStatus();
}

}  // namespace

RuleContext EmptyContext(const RuleSchema& schema, size_t lines) {
  RuleContext context;
  context.scalars.resize(static_cast<size_t>(schema.scalar_slots()));
  context.lines.assign(lines, std::vector<RuleValue>(static_cast<size_t>(schema.line_slots())));
  return context;
}

Status SetContextValue(const RuleSchema& schema, RuleContext& context, std::string_view path,
                       RuleValue value, size_t line) {
  const FieldDef* def = schema.Find(path);
  if (def == nullptr)
    return InvalidArgumentError("'" + std::string(path) + "' is not a rule field");
  const std::string misfit = Misfit(*def, value);
  if (!misfit.empty()) return FieldError(path, misfit);
  std::vector<RuleValue>* values = &context.scalars;
  if (def->per_line) {
    if (line >= context.lines.size()) return FieldError(path, "names a goods line out of range");
    values = &context.lines[line];
  }
  const size_t slot = static_cast<size_t>(def->slot);
  if (values->size() <= slot) values->resize(slot + 1);
  (*values)[slot] = std::move(value);
  return OkStatus();
}

const RuleValue& ContextValue(const RuleSchema& schema, const RuleContext& context,
                              std::string_view path, size_t line) {
  const FieldDef* def = schema.Find(path);
  if (def == nullptr) return Unknown();
  const std::vector<RuleValue>* values = &context.scalars;
  if (def->per_line) {
    if (line >= context.lines.size()) return Unknown();
    values = &context.lines[line];
  }
  const size_t slot = static_cast<size_t>(def->slot);
  return slot < values->size() ? (*values)[slot] : Unknown();
}

StatusOr<RuleContext> RuleContextFromJson(const Json& obj, const RuleSchema& schema,
                                          std::string_view parent) {
  const std::string root(parent);
  if (!obj.is_object()) return FieldError(root, "must be an object");
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(std::begin(kGroups), std::end(kGroups), it.key()) == std::end(kGroups)) {
      return FieldError(
          FieldPath(root, it.key()),
          "is not a context group (consumer, enterprise, goods, history, list, risk)");
    }
  }
  const Json* goods = internal::Member(obj, "goods");
  if (goods != nullptr && !goods->is_array()) {
    return FieldError(FieldPath(root, "goods"), "must be an array of goods lines");
  }
  if (goods != nullptr && goods->size() > kMaxLines) {
    return FieldError(FieldPath(root, "goods"),
                      "has more than " + std::to_string(kMaxLines) + " lines");
  }
  RuleContext context = EmptyContext(schema, goods == nullptr ? 0 : goods->size());
  for (std::string_view group : kGroups) {
    if (group == "goods") continue;
    const Json* g = internal::Member(obj, group);
    if (g == nullptr) continue;
    CORE_RETURN_IF_ERROR(ReadGroup(*g, group, schema, FieldPath(root, group), context.scalars));
  }
  const FieldDef* code10 = schema.Find("goods.code10");
  const FieldDef* code8 = schema.Find("goods.code8");
  for (size_t i = 0; goods != nullptr && i < goods->size(); ++i) {
    std::vector<RuleValue>& line = context.lines[i];
    CORE_RETURN_IF_ERROR(
        ReadGroup((*goods)[i], "goods", schema, IndexPath(FieldPath(root, "goods"), i), line));
    // The 8-digit code is the 10-digit code's prefix: derive it rather than make every sender
    // repeat it.
    if (code10 != nullptr && code8 != nullptr) {
      RuleValue& c8 = line[static_cast<size_t>(code8->slot)];
      const std::string* c10 = std::get_if<std::string>(&line[static_cast<size_t>(code10->slot)]);
      if (std::holds_alternative<std::monostate>(c8) && c10 != nullptr && c10->size() >= 8) {
        c8 = c10->substr(0, 8);
      }
    }
  }
  return context;
}

}  // namespace core
