// Steps shared by the demo seeders: each step in its own transaction, and applications submitted
// through the same service path as POST /api/v1/applications. Database I/O.
#pragma once

#include <string>
#include <utility>

#include "app.h"
#include "common/actor.h"
#include "service/applications.h"

namespace server::demo {

// Runs fn(db) in a transaction of its own; an error names the seeder and the step.
template <typename Fn>
core::Status InTransaction(App& app, const std::string& who, const std::string& step, Fn&& fn) {
  CORE_ASSIGN_OR_RETURN(DbPool::Lease db, app.pool().Acquire());
  Transaction tx(*db);
  CORE_RETURN_IF_ERROR(tx.Begin());
  core::Status st = fn(*db);
  if (!st.ok()) return core::Status(st.code(), who + ", " + step + ": " + st.message());
  return tx.Commit();
}

// Submits {application, account?} as `actor`; the stored application.
inline core::StatusOr<ApplicationRecord> SubmitApplication(App& app, const Actor& actor,
                                                           const core::Json& body,
                                                           const std::string& who,
                                                           const std::string& key) {
  core::StatusOr<PreparedSubmission> prepared = PrepareSubmission(app, actor, body);
  if (!prepared.ok()) {
    return core::Status(prepared.status().code(),
                        who + ", application " + key + ": " + prepared.status().message());
  }
  ApplicationRecord stored;
  CORE_RETURN_IF_ERROR(InTransaction(app, who, "application " + key, [&](Db& db) -> core::Status {
    CORE_ASSIGN_OR_RETURN(stored, CommitSubmission(app, db, actor, std::move(*prepared)));
    return core::OkStatus();
  }));
  return stored;
}

}  // namespace server::demo
