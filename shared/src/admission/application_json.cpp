// Enterprise applications to and from JSON. Parsing is strict (types, known ids, real dates,
// bounded lengths and counts) so that what is stored is exactly what was evaluated. Pure.
#include "../api/field_reader.h"
#include "core/admission.h"
#include "vocabulary.h"

namespace core {
namespace {

using internal::ExpectObject;
using internal::FieldError;
using internal::IndexPath;
using internal::Member;
using internal::ReadBool;
using internal::ReadDate;
using internal::ReadString;
using internal::ReadStringArray;

constexpr size_t kMaxText = 200;
constexpr size_t kMaxUrl = 500;
constexpr size_t kMaxList = 20;

StatusOr<Qualification> QualificationFromJson(const Json& j, const std::string& path) {
  CORE_RETURN_IF_ERROR(ExpectObject(j, path));
  Qualification q;
  CORE_ASSIGN_OR_RETURN(q.type, ReadString(j, "type", path, kMaxText, true));
  if (internal::FindQualificationType(q.type) == nullptr) {
    return FieldError(path + ".type", "is not a known qualification type");
  }
  CORE_ASSIGN_OR_RETURN(q.number, ReadString(j, "number", path, kMaxText, false));
  CORE_ASSIGN_OR_RETURN(q.issuer, ReadString(j, "issuer", path, kMaxText, false));
  CORE_ASSIGN_OR_RETURN(q.valid_from, ReadDate(j, "valid_from", path, false));
  CORE_ASSIGN_OR_RETURN(q.valid_to, ReadDate(j, "valid_to", path, false));
  CORE_ASSIGN_OR_RETURN(q.agent_uscc, ReadString(j, "agent_uscc", path, kMaxText, false));
  return q;
}

Json OptionalDateJson(const std::optional<Date>& d) { return d ? Json(d->ToIso()) : Json(nullptr); }

}  // namespace

StatusOr<EnterpriseApplication> ApplicationFromJson(const Json& obj) {
  CORE_RETURN_IF_ERROR(ExpectObject(obj, "application"));
  EnterpriseApplication app;
  CORE_ASSIGN_OR_RETURN(app.name, ReadString(obj, "name", "", kMaxText, false));
  CORE_ASSIGN_OR_RETURN(app.uscc, ReadString(obj, "uscc", "", kMaxText, false));
  CORE_ASSIGN_OR_RETURN(app.customs_code, ReadString(obj, "customs_code", "", kMaxText, false));
  CORE_ASSIGN_OR_RETURN(app.overseas, ReadBool(obj, "overseas", "", false));
  CORE_ASSIGN_OR_RETURN(app.country, ReadString(obj, "country", "", kMaxText, false));
  CORE_ASSIGN_OR_RETURN(app.roles, ReadStringArray(obj, "roles", "", kMaxList, kMaxText, false));
  for (size_t i = 0; i < app.roles.size(); ++i) {
    if (internal::FindRole(app.roles[i]) == nullptr) {
      return FieldError(IndexPath("roles", i),
                        "is not a known role (ecommerce, platform, payment, logistics)");
    }
  }
  if (const Json* quals = Member(obj, "qualifications")) {
    if (!quals->is_array()) return FieldError("qualifications", "must be an array");
    if (quals->size() > kMaxList) {
      return FieldError("qualifications", "has more than " + std::to_string(kMaxList) + " items");
    }
    for (size_t i = 0; i < quals->size(); ++i) {
      CORE_ASSIGN_OR_RETURN(Qualification q,
                            QualificationFromJson((*quals)[i], IndexPath("qualifications", i)));
      app.qualifications.push_back(std::move(q));
    }
  }
  CORE_ASSIGN_OR_RETURN(app.shop_urls,
                        ReadStringArray(obj, "shop_urls", "", kMaxList, kMaxUrl, false));
  return app;
}

Json ApplicationToJson(const EnterpriseApplication& app) {
  Json j = Json::object();
  j["name"] = app.name;
  j["uscc"] = app.uscc;
  j["customs_code"] = app.customs_code;
  j["overseas"] = app.overseas;
  j["country"] = app.country;
  j["roles"] = app.roles;
  Json quals = Json::array();
  for (const Qualification& q : app.qualifications) {
    Json jq = Json::object();
    jq["type"] = q.type;
    jq["number"] = q.number;
    jq["issuer"] = q.issuer;
    jq["valid_from"] = OptionalDateJson(q.valid_from);
    jq["valid_to"] = OptionalDateJson(q.valid_to);
    if (!q.agent_uscc.empty()) jq["agent_uscc"] = q.agent_uscc;
    quals.push_back(std::move(jq));
  }
  j["qualifications"] = std::move(quals);
  j["shop_urls"] = app.shop_urls;
  return j;
}

}  // namespace core
