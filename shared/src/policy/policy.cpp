// The policy document (DOMAIN §8) to and from JSON, with validation strict enough that a typo in
// an administrator's upload is refused rather than silently changing a verdict. Pure.
#include "core/policy.h"

#include <set>

#include "../admission/vocabulary.h"
#include "../api/field_reader.h"

namespace core {
namespace {

using internal::ExpectObject;
using internal::FieldError;
using internal::FieldPath;
using internal::IndexPath;
using internal::Member;
using internal::ReadDate;
using internal::ReadInt;
using internal::ReadString;
using internal::ReadStringArray;
using internal::RejectUnknownKeys;

constexpr size_t kMaxText = 200;
constexpr size_t kMaxDescription = 2000;
constexpr size_t kMaxItems = 50;
constexpr int kMaxBp = 10000;  // 100%

// Only ids admission understands: a policy naming anything else could never be satisfied.
bool KnownRole(std::string_view id) { return internal::FindRole(id) != nullptr; }
bool KnownQualificationType(std::string_view id) {
  return internal::FindQualificationType(id) != nullptr;
}

StatusOr<Grade> GradeFromJson(const Json& j, const std::string& path) {
  CORE_RETURN_IF_ERROR(ExpectObject(j, path));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(j, {"id", "name_zh", "name_en"}, path));
  Grade g;
  CORE_ASSIGN_OR_RETURN(g.id, ReadString(j, "id", path, kMaxText, true));
  CORE_ASSIGN_OR_RETURN(g.name_zh, ReadString(j, "name_zh", path, kMaxText, true));
  CORE_ASSIGN_OR_RETURN(g.name_en, ReadString(j, "name_en", path, kMaxText, true));
  return g;
}

StatusOr<GradeScale> ScaleFromJson(const Json& j, const std::string& path) {
  CORE_RETURN_IF_ERROR(ExpectObject(j, path));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(
      j, {"id", "name_zh", "name_en", "effective_from", "effective_to", "grades"}, path));
  GradeScale s;
  CORE_ASSIGN_OR_RETURN(s.id, ReadString(j, "id", path, kMaxText, true));
  CORE_ASSIGN_OR_RETURN(s.name_zh, ReadString(j, "name_zh", path, kMaxText, true));
  CORE_ASSIGN_OR_RETURN(s.name_en, ReadString(j, "name_en", path, kMaxText, true));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> from, ReadDate(j, "effective_from", path, true));
  s.effective_from = *from;
  CORE_ASSIGN_OR_RETURN(s.effective_to, ReadDate(j, "effective_to", path, false));
  if (s.effective_to && *s.effective_to <= s.effective_from) {
    return FieldError(FieldPath(path, "effective_to"), "must be after effective_from");
  }
  const std::string grades_path = FieldPath(path, "grades");
  const Json* grades = Member(j, "grades");
  if (grades == nullptr || !grades->is_array() || grades->empty()) {
    return FieldError(grades_path, "must be a non-empty array");
  }
  if (grades->size() > kMaxItems) return FieldError(grades_path, "has too many items");
  std::set<std::string> seen;
  for (size_t i = 0; i < grades->size(); ++i) {
    CORE_ASSIGN_OR_RETURN(Grade g, GradeFromJson((*grades)[i], IndexPath(grades_path, i)));
    if (!seen.insert(g.id).second) {
      return FieldError(IndexPath(grades_path, i) + ".id", "repeats grade '" + g.id + "'");
    }
    s.grades.push_back(std::move(g));
  }
  return s;
}

StatusOr<Measures> MeasuresFromJson(const Json& j, const std::string& path) {
  CORE_RETURN_IF_ERROR(ExpectObject(j, path));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(
      j, {"manual_review_bp", "inspection_bp", "stocktake_months", "guarantee"}, path));
  Measures m;
  CORE_ASSIGN_OR_RETURN(auto review, ReadInt(j, "manual_review_bp", path, 0, kMaxBp, true));
  CORE_ASSIGN_OR_RETURN(auto inspection, ReadInt(j, "inspection_bp", path, 0, kMaxBp, true));
  CORE_ASSIGN_OR_RETURN(auto months, ReadInt(j, "stocktake_months", path, 1, 120, true));
  m.manual_review_bp = static_cast<int>(*review);
  m.inspection_bp = static_cast<int>(*inspection);
  m.stocktake_months = static_cast<int>(*months);
  CORE_ASSIGN_OR_RETURN(m.guarantee, ReadString(j, "guarantee", path, kMaxText, true));
  if (m.guarantee != "exempt" && m.guarantee != "bank_guarantee" && m.guarantee != "cash_deposit") {
    return FieldError(FieldPath(path, "guarantee"),
                      "must be exempt, bank_guarantee or cash_deposit");
  }
  return m;
}

// {"role": ["qualification type", ...]} with known ids only.
StatusOr<std::map<std::string, std::vector<std::string>>> RequirementsFromJson(
    const Json& parent, std::string_view key, const std::string& parent_path, bool required) {
  std::map<std::string, std::vector<std::string>> out;
  const std::string path = FieldPath(parent_path, key);
  const Json* j = Member(parent, key);
  if (j == nullptr) {
    if (required) return FieldError(path, "is required");
    return out;
  }
  CORE_RETURN_IF_ERROR(ExpectObject(*j, path));
  for (auto it = j->begin(); it != j->end(); ++it) {
    const std::string role_path = FieldPath(path, it.key());
    if (!KnownRole(it.key())) return FieldError(role_path, "is not a known role");
    CORE_ASSIGN_OR_RETURN(std::vector<std::string> types,
                          ReadStringArray(*j, it.key(), path, kMaxItems, kMaxText, true));
    std::set<std::string> seen;
    for (size_t i = 0; i < types.size(); ++i) {
      if (!KnownQualificationType(types[i])) {
        return FieldError(IndexPath(role_path, i), "is not a known qualification type");
      }
      if (!seen.insert(types[i]).second) {
        return FieldError(IndexPath(role_path, i), "repeats '" + types[i] + "'");
      }
    }
    out[it.key()] = std::move(types);
  }
  return out;
}

StatusOr<AdmissionPolicy> AdmissionFromJson(const Json& j, const std::string& path) {
  CORE_RETURN_IF_ERROR(ExpectObject(j, path));
  CORE_RETURN_IF_ERROR(
      RejectUnknownKeys(j,
                        {"role_requirements", "overseas_role_requirements", "shop_required_roles",
                         "expiry_warning_days", "uscc_mode"},
                        path));
  AdmissionPolicy a;
  CORE_ASSIGN_OR_RETURN(a.role_requirements,
                        RequirementsFromJson(j, "role_requirements", path, true));
  CORE_ASSIGN_OR_RETURN(a.overseas_role_requirements,
                        RequirementsFromJson(j, "overseas_role_requirements", path, false));
  CORE_ASSIGN_OR_RETURN(a.shop_required_roles, ReadStringArray(j, "shop_required_roles", path,
                                                               kMaxItems, kMaxText, false));
  for (size_t i = 0; i < a.shop_required_roles.size(); ++i) {
    if (!KnownRole(a.shop_required_roles[i])) {
      return FieldError(IndexPath(FieldPath(path, "shop_required_roles"), i),
                        "is not a known role");
    }
  }
  CORE_ASSIGN_OR_RETURN(auto days, ReadInt(j, "expiry_warning_days", path, 0, 366, true));
  a.expiry_warning_days = static_cast<int>(*days);
  CORE_ASSIGN_OR_RETURN(std::string mode, ReadString(j, "uscc_mode", path, kMaxText, true));
  if (mode == "lenient") {
    a.uscc_mode = UsccMode::kLenient;
  } else if (mode == "strict") {
    a.uscc_mode = UsccMode::kStrict;
  } else {
    return FieldError(FieldPath(path, "uscc_mode"), "must be lenient or strict");
  }
  return a;
}

StatusOr<Limits> LimitsFromJson(const Json& j, const std::string& path) {
  CORE_RETURN_IF_ERROR(ExpectObject(j, path));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(j, {"transaction_fen", "annual_fen"}, path));
  Limits l;
  CORE_ASSIGN_OR_RETURN(auto tx, ReadInt(j, "transaction_fen", path, 1, kMaxFen, true));
  CORE_ASSIGN_OR_RETURN(auto annual, ReadInt(j, "annual_fen", path, 1, kMaxFen, true));
  l.transaction_fen = *tx;
  l.annual_fen = *annual;
  if (l.annual_fen < l.transaction_fen) {
    return FieldError(FieldPath(path, "annual_fen"), "must not be below transaction_fen");
  }
  return l;
}

StatusOr<LimitPeriod> LimitPeriodFromJson(const Json& j, const std::string& path) {
  CORE_RETURN_IF_ERROR(ExpectObject(j, path));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(j,
                                         {"effective_from", "effective_to", "transaction_fen",
                                          "annual_fen", "over_limit_single_item", "source"},
                                         path));
  LimitPeriod p;
  CORE_ASSIGN_OR_RETURN(std::optional<Date> from, ReadDate(j, "effective_from", path, true));
  p.effective_from = *from;
  CORE_ASSIGN_OR_RETURN(p.effective_to, ReadDate(j, "effective_to", path, false));
  if (p.effective_to && *p.effective_to <= p.effective_from) {
    return FieldError(FieldPath(path, "effective_to"), "must be after effective_from");
  }
  Json amounts = Json::object();
  for (const char* key : {"transaction_fen", "annual_fen"}) {
    if (j.contains(key)) amounts[key] = j[key];
  }
  CORE_ASSIGN_OR_RETURN(p.limits, LimitsFromJson(amounts, path));
  CORE_ASSIGN_OR_RETURN(std::string rule,
                        ReadString(j, "over_limit_single_item", path, kMaxText, true));
  if (rule == "cbec_full_tax") {
    p.single_item_full_tax = true;
  } else if (rule == "general_trade") {
    p.single_item_full_tax = false;
  } else {
    return FieldError(FieldPath(path, "over_limit_single_item"),
                      "must be cbec_full_tax or general_trade");
  }
  CORE_ASSIGN_OR_RETURN(p.source, ReadString(j, "source", path, kMaxDescription, false));
  return p;
}

Json RequirementsToJson(const std::map<std::string, std::vector<std::string>>& reqs) {
  Json j = Json::object();
  for (const auto& [role, types] : reqs) j[role] = types;
  return j;
}

}  // namespace

const GradeScale* Policy::ScaleOn(const Date& date) const {
  for (const GradeScale& s : grade_scales) {
    if (date >= s.effective_from && (!s.effective_to || date < *s.effective_to)) return &s;
  }
  return nullptr;
}

LimitsInForce Policy::LimitsOn(const Date& date) const {
  for (const LimitPeriod& p : limit_periods) {
    if (date >= p.effective_from && (!p.effective_to || date < *p.effective_to)) {
      return LimitsInForce{p.limits, p.single_item_full_tax,
                           p.effective_from.ToIso() + ".." +
                               (p.effective_to ? p.effective_to->ToIso() : std::string())};
    }
  }
  return LimitsInForce{limits, true, ""};
}

StatusOr<Policy> PolicyFromJson(const Json& doc) {
  CORE_RETURN_IF_ERROR(ExpectObject(doc, ""));
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(
      doc,
      {"version", "effective_date", "description", "grade_scales", "measures",
       "risk_level_addon_bp", "admission", "limits", "limit_periods", "gate_weight_tolerance_bp",
       "price_tolerance_bp", "patrol_lookback_days", "mystery_window_days", "patrol_cycle_divisor",
       "stocktake_referral_tax_fen", "credit_model", "rule_noise"},
      ""));
  Policy p;
  CORE_ASSIGN_OR_RETURN(p.version, ReadString(doc, "version", "", 64, true));
  CORE_ASSIGN_OR_RETURN(std::optional<Date> eff, ReadDate(doc, "effective_date", "", true));
  p.effective_date = *eff;
  CORE_ASSIGN_OR_RETURN(p.description, ReadString(doc, "description", "", kMaxDescription, false));

  const Json* scales = Member(doc, "grade_scales");
  if (scales == nullptr || !scales->is_array() || scales->empty()) {
    return FieldError("grade_scales", "must be a non-empty array");
  }
  if (scales->size() > kMaxItems) return FieldError("grade_scales", "has too many items");
  std::set<std::string> scale_ids;
  for (size_t i = 0; i < scales->size(); ++i) {
    const std::string path = IndexPath("grade_scales", i);
    CORE_ASSIGN_OR_RETURN(GradeScale s, ScaleFromJson((*scales)[i], path));
    if (!scale_ids.insert(s.id).second) {
      return FieldError(path + ".id", "repeats scale '" + s.id + "'");
    }
    // Overlapping periods would make ScaleOn depend on document order.
    for (const GradeScale& other : p.grade_scales) {
      const bool starts_before_other_ends =
          !other.effective_to || s.effective_from < *other.effective_to;
      const bool ends_after_other_starts =
          !s.effective_to || other.effective_from < *s.effective_to;
      if (starts_before_other_ends && ends_after_other_starts) {
        return FieldError(path, "overlaps the period of scale '" + other.id + "'");
      }
    }
    p.grade_scales.push_back(std::move(s));
  }

  const Json* measures = Member(doc, "measures");
  if (measures == nullptr || !measures->is_object()) {
    return FieldError("measures", "must be an object keyed by grade id");
  }
  for (auto it = measures->begin(); it != measures->end(); ++it) {
    CORE_ASSIGN_OR_RETURN(Measures m,
                          MeasuresFromJson(it.value(), FieldPath("measures", it.key())));
    p.measures[it.key()] = std::move(m);
  }
  for (const GradeScale& s : p.grade_scales) {
    for (const Grade& g : s.grades) {
      if (p.measures.count(g.id) == 0) {
        return FieldError(FieldPath("measures", g.id),
                          "is required (grade of scale '" + s.id + "')");
      }
    }
  }

  const Json* addon = Member(doc, "risk_level_addon_bp");
  if (addon == nullptr || !addon->is_object()) {
    return FieldError("risk_level_addon_bp", "must be an object {low, medium, high}");
  }
  CORE_RETURN_IF_ERROR(RejectUnknownKeys(*addon, {"low", "medium", "high"}, "risk_level_addon_bp"));
  for (const char* level : {"low", "medium", "high"}) {
    CORE_ASSIGN_OR_RETURN(auto bp, ReadInt(*addon, level, "risk_level_addon_bp", 0, kMaxBp, true));
    p.risk_level_addon_bp[level] = static_cast<int>(*bp);
  }

  const Json* admission = Member(doc, "admission");
  if (admission == nullptr) return FieldError("admission", "is required");
  CORE_ASSIGN_OR_RETURN(p.admission, AdmissionFromJson(*admission, "admission"));

  const Json* limits = Member(doc, "limits");
  if (limits == nullptr) return FieldError("limits", "is required");
  CORE_ASSIGN_OR_RETURN(p.limits, LimitsFromJson(*limits, "limits"));

  const Json* periods = Member(doc, "limit_periods");
  if (periods != nullptr) {
    if (!periods->is_array()) return FieldError("limit_periods", "must be an array");
    if (periods->size() > kMaxItems) return FieldError("limit_periods", "has too many items");
    for (size_t i = 0; i < periods->size(); ++i) {
      const std::string path = IndexPath("limit_periods", i);
      CORE_ASSIGN_OR_RETURN(LimitPeriod lp, LimitPeriodFromJson((*periods)[i], path));
      // Overlapping periods would make LimitsOn depend on document order.
      for (const LimitPeriod& other : p.limit_periods) {
        const bool starts_before_other_ends =
            !other.effective_to || lp.effective_from < *other.effective_to;
        const bool ends_after_other_starts =
            !lp.effective_to || other.effective_from < *lp.effective_to;
        if (starts_before_other_ends && ends_after_other_starts) {
          return FieldError(path, "overlaps another limit period");
        }
      }
      p.limit_periods.push_back(std::move(lp));
    }
  }
  CORE_ASSIGN_OR_RETURN(auto gate_bp,
                        ReadInt(doc, "gate_weight_tolerance_bp", "", 0, kMaxBp, false));
  if (gate_bp) p.gate_weight_tolerance_bp = static_cast<int>(*gate_bp);
  CORE_ASSIGN_OR_RETURN(auto price_bp, ReadInt(doc, "price_tolerance_bp", "", 0, kMaxBp, false));
  if (price_bp) p.price_tolerance_bp = static_cast<int>(*price_bp);
  CORE_ASSIGN_OR_RETURN(auto lookback, ReadInt(doc, "patrol_lookback_days", "", 1, 366, false));
  if (lookback) p.patrol_lookback_days = static_cast<int>(*lookback);
  CORE_ASSIGN_OR_RETURN(auto window, ReadInt(doc, "mystery_window_days", "", 1, 90, false));
  if (window) p.mystery_window_days = static_cast<int>(*window);
  CORE_ASSIGN_OR_RETURN(auto referral,
                        ReadInt(doc, "stocktake_referral_tax_fen", "", 1, kMaxFen, false));
  if (referral) p.stocktake_referral_tax_fen = *referral;
  if (const Json* credit = Member(doc, "credit_model"); credit != nullptr) {
    CORE_ASSIGN_OR_RETURN(p.credit, CreditModelFromJson(*credit, "credit_model"));
  }
  if (const Json* divisor = Member(doc, "patrol_cycle_divisor"); divisor != nullptr) {
    if (!divisor->is_object()) {
      return FieldError("patrol_cycle_divisor", "must be an object {low, medium, high}");
    }
    CORE_RETURN_IF_ERROR(
        RejectUnknownKeys(*divisor, {"low", "medium", "high"}, "patrol_cycle_divisor"));
    for (const char* level : {"low", "medium", "high"}) {
      CORE_ASSIGN_OR_RETURN(auto d, ReadInt(*divisor, level, "patrol_cycle_divisor", 1, 30, true));
      p.patrol_cycle_divisor[level] = static_cast<int>(*d);
    }
  }
  if (const Json* noise = Member(doc, "rule_noise"); noise != nullptr) {
    CORE_RETURN_IF_ERROR(ExpectObject(*noise, "rule_noise"));
    CORE_RETURN_IF_ERROR(RejectUnknownKeys(*noise, {"min_inspected", "factor_pm"}, "rule_noise"));
    CORE_ASSIGN_OR_RETURN(auto inspected,
                          ReadInt(*noise, "min_inspected", "rule_noise", 1, 100000, true));
    CORE_ASSIGN_OR_RETURN(auto factor, ReadInt(*noise, "factor_pm", "rule_noise", 1, 10000, true));
    p.rule_noise = RuleNoisePolicy{static_cast<int>(*inspected), static_cast<int>(*factor)};
  }
  return p;
}

Json PolicyToJson(const Policy& policy) {
  Json doc = Json::object();
  doc["version"] = policy.version;
  doc["effective_date"] = policy.effective_date.ToIso();
  if (!policy.description.empty()) doc["description"] = policy.description;

  Json scales = Json::array();
  for (const GradeScale& s : policy.grade_scales) {
    Json js = Json::object();
    js["id"] = s.id;
    js["name_zh"] = s.name_zh;
    js["name_en"] = s.name_en;
    js["effective_from"] = s.effective_from.ToIso();
    js["effective_to"] = s.effective_to ? Json(s.effective_to->ToIso()) : Json(nullptr);
    Json grades = Json::array();
    for (const Grade& g : s.grades) {
      grades.push_back(Json{{"id", g.id}, {"name_zh", g.name_zh}, {"name_en", g.name_en}});
    }
    js["grades"] = std::move(grades);
    scales.push_back(std::move(js));
  }
  doc["grade_scales"] = std::move(scales);

  Json measures = Json::object();
  for (const auto& [grade, m] : policy.measures) {
    measures[grade] = Json{{"manual_review_bp", m.manual_review_bp},
                           {"inspection_bp", m.inspection_bp},
                           {"stocktake_months", m.stocktake_months},
                           {"guarantee", m.guarantee}};
  }
  doc["measures"] = std::move(measures);

  Json addon = Json::object();
  for (const auto& [level, bp] : policy.risk_level_addon_bp) addon[level] = bp;
  doc["risk_level_addon_bp"] = std::move(addon);

  const AdmissionPolicy& a = policy.admission;
  Json adm = Json::object();
  adm["role_requirements"] = RequirementsToJson(a.role_requirements);
  adm["overseas_role_requirements"] = RequirementsToJson(a.overseas_role_requirements);
  adm["shop_required_roles"] = a.shop_required_roles;
  adm["expiry_warning_days"] = a.expiry_warning_days;
  adm["uscc_mode"] = a.uscc_mode == UsccMode::kStrict ? "strict" : "lenient";
  doc["admission"] = std::move(adm);

  doc["limits"] = Json{{"transaction_fen", policy.limits.transaction_fen},
                       {"annual_fen", policy.limits.annual_fen}};
  // Only when present, so documents without periods round-trip unchanged.
  if (!policy.limit_periods.empty()) {
    Json periods = Json::array();
    for (const LimitPeriod& lp : policy.limit_periods) {
      Json j = Json::object();
      j["effective_from"] = lp.effective_from.ToIso();
      j["effective_to"] = lp.effective_to ? Json(lp.effective_to->ToIso()) : Json(nullptr);
      j["transaction_fen"] = lp.limits.transaction_fen;
      j["annual_fen"] = lp.limits.annual_fen;
      j["over_limit_single_item"] = lp.single_item_full_tax ? "cbec_full_tax" : "general_trade";
      if (!lp.source.empty()) j["source"] = lp.source;
      periods.push_back(std::move(j));
    }
    doc["limit_periods"] = std::move(periods);
  }
  doc["gate_weight_tolerance_bp"] = policy.gate_weight_tolerance_bp;
  doc["price_tolerance_bp"] = policy.price_tolerance_bp;
  doc["patrol_lookback_days"] = policy.patrol_lookback_days;
  doc["mystery_window_days"] = policy.mystery_window_days;
  doc["stocktake_referral_tax_fen"] = policy.stocktake_referral_tax_fen;
  Json divisor = Json::object();
  for (const auto& [level, d] : policy.patrol_cycle_divisor) divisor[level] = d;
  doc["patrol_cycle_divisor"] = std::move(divisor);
  doc["credit_model"] = CreditModelToJson(policy.credit);
  doc["rule_noise"] = Json{{"min_inspected", policy.rule_noise.min_inspected},
                           {"factor_pm", policy.rule_noise.factor_pm}};
  return doc;
}

}  // namespace core
