// A small deterministic pseudo-random generator for the synthetic data (SplitMix64): the same
// seed gives the same stream on every platform and compiler, which <random>'s distributions do
// not promise. Not for security. No I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gen {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  // A generator for item `index` of stream `stream` under `seed`: independent of how many values
  // other items drew, so item i is the same whatever came before it.
  static Rng For(uint64_t seed, uint64_t stream, uint64_t index) {
    Rng r(seed ^ (stream * 0x9E3779B97F4A7C15ull));
    r.state_ += index * 0xD1B54A32D192ED03ull;
    r.Next();
    return r;
  }

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  uint64_t Below(uint64_t n) { return Next() % n; }
  // Uniform in [lo, hi].
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo + 1)));
  }
  // True with probability per_mille / 1000.
  bool Chance(int per_mille) { return static_cast<int>(Below(1000)) < per_mille; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }
  // `n` characters from `alphabet`.
  std::string Chars(const char* alphabet, size_t alphabet_size, size_t n) {
    std::string s(n, '0');
    for (char& c : s) c = alphabet[Below(alphabet_size)];
    return s;
  }
  std::string Digits(size_t n) { return Chars("0123456789", 10, n); }

 private:
  uint64_t state_;
};

// `n` in decimal, left-padded with zeros to `width` digits.
inline std::string Pad(uint64_t n, size_t width) {
  std::string s = std::to_string(n);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

}  // namespace gen
