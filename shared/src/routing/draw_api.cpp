// JSON entry points of the double-random draws (inspectors, targets). Pure.
#include <string>
#include <utility>
#include <vector>

#include "api/field_reader.h"
#include "core/rules_api.h"
#include "core/sampling.h"
#include "internal/api_common.h"

namespace core {
namespace {

using internal::ReadInt;
using internal::ReadStringArray;
using internal::Respond;

constexpr size_t kMaxPool = 10000;
constexpr size_t kMaxCandidates = 200000;
constexpr size_t kMaxIdChars = 64;

StatusOr<std::string> InspectorsImpl(std::string_view request) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_RETURN_IF_ERROR(internal::RejectUnknownKeys(doc, {"count", "exclude", "pool", "seed"}, ""));
  CORE_ASSIGN_OR_RETURN(uint64_t seed, internal::ReadSeed(doc));
  CORE_ASSIGN_OR_RETURN(std::vector<std::string> pool,
                        ReadStringArray(doc, "pool", "", kMaxPool, kMaxIdChars, true));
  CORE_ASSIGN_OR_RETURN(std::vector<std::string> exclude,
                        ReadStringArray(doc, "exclude", "", kMaxPool, kMaxIdChars, false));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> count, ReadInt(doc, "count", "", 2, 100, true));
  StatusOr<InspectorDraw> draw =
      DrawInspectors(seed, std::move(pool), exclude, static_cast<int>(*count));
  if (!draw.ok()) return draw.status();
  Json out = Json::object();
  out["outcome"] = draw->outcome;
  out["seed"] = SeedToHex(seed);
  out["stream"] = kStreamInspectors;
  out["count"] = *count;
  out["eligible"] = draw->eligible;
  out["excluded"] = draw->excluded;
  out["chosen"] = draw->chosen;
  out["findings"] = FindingsToJson(draw->findings);
  return DumpJson(out);
}

StatusOr<std::string> TargetsImpl(std::string_view request) {
  CORE_ASSIGN_OR_RETURN(Json doc, internal::ParseRequestObject(request));
  CORE_RETURN_IF_ERROR(
      internal::RejectUnknownKeys(doc, {"candidates", "count", "seed", "share_bp"}, ""));
  CORE_ASSIGN_OR_RETURN(uint64_t seed, internal::ReadSeed(doc));
  CORE_ASSIGN_OR_RETURN(std::vector<std::string> candidates,
                        ReadStringArray(doc, "candidates", "", kMaxCandidates, kMaxIdChars, true));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> share,
                        ReadInt(doc, "share_bp", "", 0, 10000, false));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> count,
                        ReadInt(doc, "count", "", 0, static_cast<int64_t>(kMaxCandidates), false));
  if (share.has_value() == count.has_value()) {
    return InvalidArgumentError("exactly one of share_bp and count is required");
  }
  const size_t population = candidates.size();
  const size_t n =
      share ? TargetCount(population, static_cast<int>(*share)) : static_cast<size_t>(*count);
  StatusOr<std::vector<std::string>> chosen = SelectTargets(seed, std::move(candidates), n);
  if (!chosen.ok()) return chosen.status();
  Json out = Json::object();
  out["outcome"] = "drawn";
  out["seed"] = SeedToHex(seed);
  out["stream"] = kStreamTargets;
  out["population"] = population;
  out["share_bp"] = share ? Json(*share) : Json(nullptr);
  out["count"] = n;
  out["chosen"] = *chosen;
  out["findings"] = Json::array();
  return DumpJson(out);
}

}  // namespace

std::string DrawInspectorsJson(std::string_view request) {
  return Respond(InspectorsImpl(request));
}

std::string DrawTargetsJson(std::string_view request) { return Respond(TargetsImpl(request)); }

}  // namespace core
