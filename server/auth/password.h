// Password hashing with argon2id (libsodium crypto_pwhash_str_alg). CPU and memory heavy by
// design; concurrent hashes are capped so a burst of logins cannot exhaust memory. No I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace server {

struct PasswordParams {
  uint64_t opslimit = 2;        // crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE
  size_t memlimit = 64u << 20;  // crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE (64 MiB)
  static PasswordParams Interactive() { return PasswordParams{}; }
  // The cheapest setting libsodium accepts: for tests only.
  static PasswordParams FastForTests() { return PasswordParams{1, 8192}; }
};

inline constexpr size_t kMinPasswordBytes = 10;
inline constexpr size_t kMaxPasswordBytes = 128;

// InvalidArgument unless the password has kMinPasswordBytes..kMaxPasswordBytes bytes.
core::Status CheckPasswordStrength(std::string_view password);

// "$argon2id$v=19$m=...": the encoded hash with its salt and parameters. Internal when libsodium
// runs out of memory.
core::StatusOr<std::string> HashPassword(std::string_view password, const PasswordParams& params);

// True when `password` matches the encoded hash. Never fails open: a malformed hash is false.
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);

}  // namespace server
