// argon2id hashing via libsodium, with a cap on concurrent hashes.
#include "auth/password.h"

#include <sodium.h>

#include <semaphore>

#include "common/crypto.h"

namespace server {

namespace {
// Each hash may take memlimit bytes; four at once bounds memory at 256 MiB with the defaults.
std::counting_semaphore<4>& HashSlots() {
  static std::counting_semaphore<4> slots(4);
  return slots;
}

class SlotGuard {
 public:
  SlotGuard() { HashSlots().acquire(); }
  ~SlotGuard() { HashSlots().release(); }
};
}  // namespace

core::Status CheckPasswordStrength(std::string_view password) {
  if (password.size() < kMinPasswordBytes) {
    return core::InvalidArgumentError("password must have at least " +
                                      std::to_string(kMinPasswordBytes) + " characters");
  }
  if (password.size() > kMaxPasswordBytes) {
    return core::InvalidArgumentError("password must have at most " +
                                      std::to_string(kMaxPasswordBytes) + " bytes");
  }
  return core::OkStatus();
}

core::StatusOr<std::string> HashPassword(std::string_view password, const PasswordParams& params) {
  if (!InitCrypto()) return core::InternalError("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  SlotGuard slot;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), params.opslimit, params.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return core::InternalError("password hashing failed (out of memory?)");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& encoded_hash) {
  if (!InitCrypto()) return false;
  if (encoded_hash.rfind("$argon2id$", 0) != 0) return false;
  SlotGuard slot;
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace server
