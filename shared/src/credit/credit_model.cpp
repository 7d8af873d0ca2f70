// The credit model's parameters as policy JSON: read strictly (a typo must not silently change
// grades), written in full. Pure.
#include "core/credit_model.h"

#include <set>
#include <string>

#include "../api/field_reader.h"

namespace core {

using internal::ExpectObject;
using internal::FieldError;
using internal::FieldPath;
using internal::IndexPath;
using internal::Member;
using internal::ReadInt;
using internal::ReadString;
using internal::RejectUnknownKeys;

const std::vector<std::string_view>& CreditFactorIds() {
  static const std::vector<std::string_view> kIds = {
      "REJECTION_RATE",        "INSPECTION_MISMATCH_RATE", "RISK_HIT_RATE", "PATROL_FINDINGS",
      "MYSTERY_DISCREPANCIES", "STOCKTAKE_DIFFERENCES",    "VIOLATIONS"};
  return kIds;
}

StatusOr<CreditModel> CreditModelFromJson(const Json& obj, std::string_view path) {
  CORE_RETURN_IF_ERROR(ExpectObject(obj, path));
  CORE_RETURN_IF_ERROR(
      RejectUnknownKeys(obj,
                        {"factors", "medium_from", "high_from", "violations_per_mille",
                         "penalty_fen", "declarant_penalty_fen", "tax_overdue_days"},
                        path));
  CreditModel m;
  if (const Json* factors = Member(obj, "factors"); factors != nullptr) {
    const std::string at = FieldPath(path, "factors");
    if (!factors->is_array() || factors->empty())
      return FieldError(at, "must be a non-empty array");
    m.factors.clear();
    std::set<std::string> seen;
    int total = 0;
    for (size_t i = 0; i < factors->size(); ++i) {
      const Json& f = (*factors)[i];
      const std::string fp = IndexPath(at, i);
      CORE_RETURN_IF_ERROR(ExpectObject(f, fp));
      CORE_RETURN_IF_ERROR(RejectUnknownKeys(f, {"id", "weight", "full_at"}, fp));
      CreditFactorWeight w;
      CORE_ASSIGN_OR_RETURN(w.id, ReadString(f, "id", fp, 64, true));
      bool known = false;
      for (std::string_view id : CreditFactorIds()) known = known || id == w.id;
      if (!known) return FieldError(FieldPath(fp, "id"), "is not a credit factor: " + w.id);
      if (!seen.insert(w.id).second) return FieldError(FieldPath(fp, "id"), "is listed twice");
      CORE_ASSIGN_OR_RETURN(auto weight, ReadInt(f, "weight", fp, 0, 100, true));
      CORE_ASSIGN_OR_RETURN(auto full_at, ReadInt(f, "full_at", fp, 1, 1'000'000, true));
      w.weight = static_cast<int>(*weight);
      w.full_at = *full_at;
      total += w.weight;
      m.factors.push_back(std::move(w));
    }
    if (total != 100) {
      return FieldError(at, "weights must sum to 100 (they sum to " + std::to_string(total) + ")");
    }
  }
  CORE_ASSIGN_OR_RETURN(auto medium, ReadInt(obj, "medium_from", path, 1, 100, false));
  CORE_ASSIGN_OR_RETURN(auto high, ReadInt(obj, "high_from", path, 1, 100, false));
  if (medium) m.medium_from = static_cast<int>(*medium);
  if (high) m.high_from = static_cast<int>(*high);
  if (m.medium_from >= m.high_from) {
    return FieldError(FieldPath(path, "medium_from"), "must be below high_from");
  }
  CORE_ASSIGN_OR_RETURN(auto per_mille, ReadInt(obj, "violations_per_mille", path, 0, 1000, false));
  if (per_mille) m.violations_per_mille = *per_mille;
  CORE_ASSIGN_OR_RETURN(auto penalty, ReadInt(obj, "penalty_fen", path, 0, kMaxFen, false));
  if (penalty) m.penalty_fen = *penalty;
  CORE_ASSIGN_OR_RETURN(auto declarant,
                        ReadInt(obj, "declarant_penalty_fen", path, 0, kMaxFen, false));
  if (declarant) m.declarant_penalty_fen = *declarant;
  CORE_ASSIGN_OR_RETURN(auto overdue, ReadInt(obj, "tax_overdue_days", path, 1, 3660, false));
  if (overdue) m.tax_overdue_days = *overdue;
  return m;
}

Json CreditModelToJson(const CreditModel& model) {
  Json factors = Json::array();
  for (const CreditFactorWeight& f : model.factors) {
    factors.push_back({{"id", f.id}, {"weight", f.weight}, {"full_at", f.full_at}});
  }
  return {{"factors", factors},
          {"medium_from", model.medium_from},
          {"high_from", model.high_from},
          {"violations_per_mille", model.violations_per_mille},
          {"penalty_fen", model.penalty_fen},
          {"declarant_penalty_fen", model.declarant_penalty_fen},
          {"tax_overdue_days", model.tax_overdue_days}};
}

}  // namespace core
