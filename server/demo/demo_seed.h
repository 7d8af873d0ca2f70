// Demo data for `make run` and the browser test: users, enterprises in every role (some with
// expired or missing qualifications), applications and their decisions, goods filings that pass
// and fail for each reason. Created through the same service code the API uses (core verdicts,
// audit entries). Does database I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app.h"
#include "core/status.h"

namespace server {

struct DemoLogin {
  std::string username;
  std::string password;
  std::string role;
  std::string note;  // who it is, for the start-up banner
};

// Every demo account.
const std::vector<DemoLogin>& DemoLogins();

// Seeds the demo data when the database has no users. Returns true when it seeded, false when
// users already existed. Each step commits its own transaction; a failure leaves the steps
// before it in place and says which step failed.
core::StatusOr<bool> SeedDemoIfEmpty(App& app);
// The same, plus `generated_lists` message sets of the generated district (SeedGeneratedDemo in
// demo/district_seed.h) when it seeds.
core::StatusOr<bool> SeedDemoIfEmpty(App& app, uint64_t generated_lists);

// True when this database was seeded with the demo data (it has the "demo.seed" audit entry).
core::StatusOr<bool> DemoDataPresent(App& app);

}  // namespace server
