// Reading whole files (reference data, policy documents, the SPA index). Does file I/O.
#pragma once

#include <string>

#include "core/status.h"

namespace server {

// The file's bytes. NotFound when it does not exist, Internal on a read error.
core::StatusOr<std::string> ReadFile(const std::string& path);

// Joins a directory and a relative path with exactly one '/'.
std::string JoinPath(const std::string& dir, const std::string& rel);

}  // namespace server
