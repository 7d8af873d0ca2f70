// Double-random draws over the core's PRNG: distinct items by partial Fisher–Yates, inspectors
// with conflicts excluded, and a share of targets. Inputs are sorted first so a draw depends only
// on the set drawn from and the seed. Pure.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/sampling.h"

namespace core {
namespace {

constexpr int kMinInspectors = 2;  // DOMAIN §5: inspections by two or more officers
constexpr int kMaxInspectors = 100;

// Sorts ids and refuses an empty or repeated one (a repeated officer could be drawn twice).
Status SortUnique(std::vector<std::string>& ids, std::string_view what) {
  std::sort(ids.begin(), ids.end());
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].empty()) return InvalidArgumentError(std::string(what) + " holds an empty id");
    if (i > 0 && ids[i] == ids[i - 1]) {
      return InvalidArgumentError(std::string(what) + " holds '" + ids[i] + "' twice");
    }
  }
  return OkStatus();
}

}  // namespace

std::vector<std::string> DrawDistinct(uint64_t seed, uint64_t stream,
                                      std::vector<std::string> items, size_t k) {
  k = std::min(k, items.size());
  Prng prng(seed, stream);
  for (size_t i = 0; i < k; ++i) {
    const size_t j = i + static_cast<size_t>(prng.Below(items.size() - i));
    std::swap(items[i], items[j]);
  }
  items.resize(k);
  return items;
}

StatusOr<InspectorDraw> DrawInspectors(uint64_t seed, std::vector<std::string> pool,
                                       const std::vector<std::string>& exclude, int count) {
  if (count < kMinInspectors || count > kMaxInspectors) {
    return InvalidArgumentError("count must be between " + std::to_string(kMinInspectors) +
                                " and " + std::to_string(kMaxInspectors) +
                                " (inspections are carried out by two or more officers)");
  }
  CORE_RETURN_IF_ERROR(SortUnique(pool, "pool"));
  InspectorDraw draw;
  for (std::string& officer : pool) {
    const bool excluded = std::find(exclude.begin(), exclude.end(), officer) != exclude.end();
    (excluded ? draw.excluded : draw.eligible).push_back(std::move(officer));
  }
  if (draw.eligible.size() < static_cast<size_t>(count)) {
    draw.outcome = "insufficient";
    const std::string need = std::to_string(count);
    const std::string have = std::to_string(draw.eligible.size());
    draw.findings.push_back(MakeFinding(
        "DRAW_POOL_TOO_SMALL", Severity::kError, "pool",
        "可抽取的查验人员只有 " + have + " 名，少于所需的 " + need + " 名（已排除回避人员）",
        "only " + have + " eligible officers for the " + need +
            " required (conflicted officers excluded)"));
    return draw;
  }
  draw.outcome = "drawn";
  draw.chosen = DrawDistinct(seed, kStreamInspectors, draw.eligible, static_cast<size_t>(count));
  return draw;
}

size_t TargetCount(size_t population, int share_bp) {
  if (share_bp <= 0 || population == 0) return 0;
  if (share_bp >= 10000) return population;
  // 64-bit arithmetic: size_t is 32 bits in WebAssembly and the product could overflow it.
  const uint64_t selected =
      (static_cast<uint64_t>(population) * static_cast<uint64_t>(share_bp) + 9999) / 10000;
  return static_cast<size_t>(selected);
}

StatusOr<std::vector<std::string>> SelectTargets(uint64_t seed, std::vector<std::string> candidates,
                                                 size_t count) {
  CORE_RETURN_IF_ERROR(SortUnique(candidates, "candidates"));
  if (count > candidates.size()) {
    return InvalidArgumentError("count " + std::to_string(count) + " exceeds the " +
                                std::to_string(candidates.size()) + " candidates");
  }
  return DrawDistinct(seed, kStreamTargets, std::move(candidates), count);
}

}  // namespace core
