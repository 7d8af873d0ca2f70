// The findings against an enterprise and its answers (issue 5, the enterprise portal): an
// enterprise user sees the open findings of its own enterprise and answers each with an
// explanation or a correction; officers see the answers and accept or reject them (a rejected
// answer leaves the finding open). Every answer and review is audited.
#pragma once

#include <cstdint>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "store/db.h"
#include "store/findings_repo.h"

namespace server {

// The findings the actor may see (an enterprise user: its own enterprise's, whatever filter it
// names), newest first, each with its answers. {"items", "total"}.
core::StatusOr<core::Json> ListFindingsFor(Db& db, const Actor& actor, FindingFilter filter,
                                           const Page& page);

// {"object_type", "object_id", "kind": "explanation"|"correction", "text"}: an enterprise user's
// answer to a finding of its own enterprise (NotFound otherwise). FailedPrecondition when an
// answer waits for review or the finding is closed. {"response", "finding"}.
core::StatusOr<core::Json> RespondToFinding(App& app, Db& db, const Actor& actor,
                                            const core::Json& body);

// {"decision": "accepted"|"rejected", "note"}: an officer's review of an answer (the note is
// required to reject). FailedPrecondition when it was already reviewed. {"response", "finding"}.
core::StatusOr<core::Json> ReviewFindingAnswer(App& app, Db& db, const Actor& actor,
                                               int64_t response_id, const core::Json& body);

}  // namespace server
