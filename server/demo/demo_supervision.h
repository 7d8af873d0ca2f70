// Demo data of the supervision area: a bonded ledger with first-line entries for the demo
// e-commerce enterprise, two vehicles of the demo logistics enterprise and one promotion filed in
// advance, all through the service functions the API uses (core checks, audit entries). Does
// database I/O.
#pragma once

#include <map>
#include <string>

#include "app.h"
#include "common/actor.h"
#include "core/status.h"

namespace server {

// `enterprise_actors` holds the signed-up enterprise users by demo key ("hnby", "ztlog"). Each
// step commits its own transaction; errors name the step.
core::Status SeedSupervisionDemo(App& app, const std::map<std::string, Actor>& enterprise_actors);

}  // namespace server
