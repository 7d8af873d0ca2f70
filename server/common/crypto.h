// Hashing and randomness for the server (libsodium): SHA-256 hex digests and random tokens.
// No I/O beyond the OS random source libsodium reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace server {

// Initialises libsodium once; safe to call from any thread, any number of times. Returns false
// when the library cannot start (no random source), which callers treat as fatal.
bool InitCrypto();

// Lower-case hex SHA-256 of the bytes.
std::string Sha256Hex(std::string_view bytes);

// `n` random bytes from randombytes_buf, hex encoded (2n characters).
std::string RandomHex(size_t n);

// Standard base64 (RFC 4648 §4, padded). Decode ignores CR/LF and gives nullopt for anything
// that is not base64.
std::string Base64Encode(std::string_view bytes);
std::optional<std::string> Base64Decode(std::string_view text);

// Constant-time comparison of two strings of equal length (false when lengths differ).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace server
