// The core's PRNG: splitmix64 seeding xoshiro256**, bounded draws and seed text. Integer
// arithmetic only (wraps mod 2^64 identically on every platform). Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/sampling.h"

namespace core {
namespace {

uint64_t RotateLeft(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// The splitmix64 output function alone: a bijection that scatters nearby inputs.
uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

uint64_t SplitMix64Next(uint64_t& state) {
  state += 0x9E3779B97F4A7C15ull;
  return Mix64(state);
}

Prng::Prng(uint64_t seed, uint64_t stream) {
  // Mixing the stream before adding it keeps (seed, stream) and (seed + 1, stream - 1) apart.
  uint64_t state = seed + Mix64(stream ^ 0x5851F42D4C957F2Dull);
  for (uint64_t& word : s_) word = SplitMix64Next(state);
  // Four consecutive splitmix64 outputs are never all zero (the output map is a bijection of
  // distinct states), so the all-zero state that would stall xoshiro cannot occur.
}

uint64_t Prng::Next() {
  const uint64_t result = RotateLeft(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = RotateLeft(s_[3], 45);
  return result;
}

uint64_t Prng::Below(uint64_t bound) {
  if (bound == 0) return 0;
  // 2^64 mod bound: outputs below it would make small results more likely; redraw them.
  const uint64_t reject_below = (0 - bound) % bound;
  for (;;) {
    const uint64_t r = Next();
    if (r >= reject_below) return r % bound;
  }
}

int DrawBasisPoints(uint64_t seed, uint64_t stream) {
  Prng prng(seed, stream);
  return static_cast<int>(prng.Below(10000));
}

std::string SeedToHex(uint64_t seed) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kDigits[seed & 0xF];
    seed >>= 4;
  }
  return out;
}

std::optional<uint64_t> SeedFromHex(std::string_view text) {
  if (text.empty() || text.size() > 16) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    value = (value << 4) | static_cast<uint64_t>(digit);
  }
  return value;
}

}  // namespace core
