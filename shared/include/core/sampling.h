// Seeded draws for "double random" supervision (DOMAIN §5): a small PRNG written here (splitmix64
// to seed xoshiro256**), so the same seed gives the same numbers natively and in WebAssembly and
// the server can replay any draw from the seed it recorded. Pure: the seed always comes in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

namespace core {

// Named streams: one seed can feed several independent draws without their numbers overlapping.
inline constexpr uint64_t kStreamRouting = 1;     // the random top-up of a list's route
inline constexpr uint64_t kStreamInspectors = 2;  // the officers assigned to an inspection
inline constexpr uint64_t kStreamTargets = 3;     // the targets of a double-random check
inline constexpr uint64_t kStreamAdaptive = 4;    // adaptive rules' shares (core/routing.h)

// splitmix64 (Steele, Lea, Flood 2014): advances `state` and returns the next output.
uint64_t SplitMix64Next(uint64_t& state);

// xoshiro256** 1.0 (Blackman, Vigna 2018). The four state words come from splitmix64 started at
// a mix of (seed, stream), so streams of one seed are unrelated sequences.
class Prng {
 public:
  Prng(uint64_t seed, uint64_t stream);

  uint64_t Next();
  // Uniform in [0, bound) without modulo bias (rejection of the short top range); 0 when
  // bound is 0.
  uint64_t Below(uint64_t bound);

 private:
  uint64_t s_[4];
};

// The first value of the stream in [0, 10000): compared with rates in basis points.
int DrawBasisPoints(uint64_t seed, uint64_t stream);

// Seeds travel as exactly 16 lower-case hex digits (JSON numbers lose bits past 2^53 in a
// browser). SeedFromHex accepts 1..16 hex digits of either case; nullopt otherwise.
std::string SeedToHex(uint64_t seed);
std::optional<uint64_t> SeedFromHex(std::string_view text);

// The k distinct ids drawn by a partial Fisher–Yates shuffle of `items` (in the given order)
// with stream `stream` of `seed`, in draw order. k larger than items.size() is clamped.
std::vector<std::string> DrawDistinct(uint64_t seed, uint64_t stream,
                                      std::vector<std::string> items, size_t k);

struct InspectorDraw {
  std::string outcome;                // "drawn" | "insufficient"
  std::vector<std::string> eligible;  // the pool less the excluded officers, sorted
  std::vector<std::string> excluded;  // excluded officers that were in the pool, sorted
  std::vector<std::string> chosen;    // in draw order; empty when insufficient
  Findings findings;
};

// Draws `count` distinct inspectors (DOMAIN §5: two or more officers) from `pool` less
// `exclude` (conflicts, e.g. the officer who reviewed the list), on stream kStreamInspectors.
// The pool is sorted first, so the result depends on the set of officers and the seed only.
// Too few eligible officers: outcome "insufficient" with DRAW_POOL_TOO_SMALL (error).
// InvalidArgument for count < 2 or above 100, an empty or duplicate officer id.
StatusOr<InspectorDraw> DrawInspectors(uint64_t seed, std::vector<std::string> pool,
                                       const std::vector<std::string>& exclude, int count);

// How many of `population` targets a share in basis points selects: rounded up, so any
// positive share of a non-empty population selects at least one.
size_t TargetCount(size_t population, int share_bp);

// Draws `count` distinct targets from `candidates` (sorted first) on stream kStreamTargets, in
// draw order. InvalidArgument for an empty or duplicate candidate id or count above the
// population.
StatusOr<std::vector<std::string>> SelectTargets(uint64_t seed, std::vector<std::string> candidates,
                                                 size_t count);

}  // namespace core
