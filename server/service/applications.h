// Enterprise admission applications: submission (creating the enterprise and its account when
// customs registers it), evaluation by the core, decisions. The API and the demo seed share
// these paths. Does database I/O.
#pragma once

#include <optional>
#include <string>

#include "app.h"
#include "common/actor.h"
#include "core/admission.h"
#include "core/json.h"
#include "store/applications_repo.h"
#include "store/enterprises_repo.h"
#include "store/users_repo.h"

namespace server {

// A verdict as the core wrote it, with the fields the server indexes.
struct StoredVerdict {
  std::string text;  // byte for byte what the core returned
  std::string outcome;
  std::string policy_version;
};

// Evaluates {"application": application, "decision_date": date} with core::EvaluateAdmissionJson.
// InvalidArgument with the core's message when it refuses the input.
core::StatusOr<StoredVerdict> EvaluateApplication(const ReferenceData& ref,
                                                  const core::Json& application,
                                                  const core::Date& date);

struct PreparedSubmission {
  core::Json application;  // as submitted (what was evaluated)
  core::EnterpriseApplication parsed;
  StoredVerdict verdict;
  std::optional<UserRecord> account;  // hashed; bound to the enterprise on commit
};

// Validates {"application": {...}, "account"?: {username, password, display_name?}}, hashes the
// account password and evaluates the application on App::Today(). No database access, so the
// slow parts stay outside the write transaction. InvalidArgument naming the field; an enterprise
// user may not send an account (InvalidArgument).
core::StatusOr<PreparedSubmission> PrepareSubmission(const App& app, const Actor& actor,
                                                     const core::Json& body);

// Stores a prepared submission inside the caller's transaction, audited. Customs (officer,
// admin, system) creates a pending enterprise, and the account when given; an enterprise user
// submits for its own enterprise (FailedPrecondition when one is still awaiting a decision).
// AlreadyExists on a duplicate USCC or username.
core::StatusOr<ApplicationRecord> CommitSubmission(App& app, Db& db, const Actor& actor,
                                                   PreparedSubmission prepared);

// {"decision": "approve"|"reject", "reason": "..."} on a submitted application, inside the
// caller's transaction, audited. Approval re-evaluates on App::Today() and is refused with
// FailedPrecondition when the verdict is ineligible; it sets the enterprise admitted and copies
// the application's data and qualifications to it. Rejection marks a not-yet-admitted enterprise
// rejected. NotFound for an unknown id, FailedPrecondition when already decided.
core::StatusOr<ApplicationRecord> DecideApplication(App& app, Db& db, const Actor& actor,
                                                    int64_t id, const core::Json& body);

// NotFound unless the actor may see that enterprise's data (enterprise users: only their own).
core::Status CheckEnterpriseVisible(const Actor& actor, int64_t enterprise_id);

// The application when the actor may see it, else NotFound.
core::StatusOr<ApplicationRecord> GetApplicationFor(Db& db, const Actor& actor, int64_t id);

}  // namespace server
