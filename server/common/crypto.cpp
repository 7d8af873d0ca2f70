// SHA-256 and random tokens via libsodium.
#include "common/crypto.h"

#include <sodium.h>

#include <vector>

namespace server {

bool InitCrypto() {
  // sodium_init is thread-safe and returns 1 when already initialised.
  return sodium_init() >= 0;
}

namespace {
std::string ToHex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.resize(n * 2);
  return out;
}
}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return ToHex(digest, sizeof digest);
}

std::string RandomHex(size_t n) {
  std::vector<unsigned char> buf(n);
  randombytes_buf(buf.data(), buf.size());
  std::string hex = ToHex(buf.data(), buf.size());
  sodium_memzero(buf.data(), buf.size());
  return hex;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace server
