// The demo's online patrol (`make run`): the demo shops (tests/shops) of the generated demo
// district registered with their site profiles, a covert buyer, and a crawler account whose
// token is written to a file for the crawler that scripts/run.sh starts. Database and file I/O.
#pragma once

#include <string>

#include "app.h"

namespace server {

// Registers the demo shops served on 127.0.0.1:port_base + i, once (nothing happens when shops
// exist already), and writes a new crawler token to `token_file` (mode 0600). The generated
// demo district (SeedGeneratedDemo) must be seeded. FailedPrecondition when a shop's enterprise
// is missing; Internal for the database or the file.
core::Status SeedDemoPatrol(App& app, int port_base, const std::string& token_file);

}  // namespace server
