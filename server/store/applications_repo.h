// Admission applications with their stored verdicts. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct ApplicationRecord {
  int64_t id = 0;
  int64_t enterprise_id = 0;
  std::string name;  // enterprise name as applied, for lists and search
  std::string uscc;
  std::string status;       // "submitted" | "approved" | "rejected"
  std::string outcome;      // the verdict's outcome: "eligible" | "ineligible"
  std::string application;  // canonical application JSON text
  std::string verdict;      // verdict JSON text exactly as the core produced it
  std::string policy_version;
  std::optional<int64_t> submitted_by;
  std::string submitted_at;
  std::optional<int64_t> decided_by;
  std::optional<std::string> decided_at;
  std::optional<std::string> decision_reason;
};

// The API form: {"id","enterprise_id","status","outcome","verdict":{...},"application":{...},
// "submitted_at","submitted_by","decided_at","decided_by","decision_reason"}.
core::Json ApplicationToApiJson(const ApplicationRecord& a);
// The list form: the same without the application and verdict bodies.
core::Json ApplicationSummaryJson(const ApplicationRecord& a);

core::StatusOr<int64_t> InsertApplication(Db& db, const ApplicationRecord& a);
core::StatusOr<std::optional<ApplicationRecord>> FindApplication(Db& db, int64_t id);
// Records a decision on a submitted application (status, decision fields, and the verdict the
// decision was based on).
core::Status UpdateApplicationDecision(Db& db, const ApplicationRecord& a);
core::StatusOr<bool> HasSubmittedApplication(Db& db, int64_t enterprise_id);

struct ApplicationFilter {
  std::optional<int64_t> enterprise_id;
  std::string status;   // "" = any
  std::string outcome;  // "" = any
  std::string q;        // substring of name or USCC
};
core::StatusOr<ListResult<ApplicationRecord>> ListApplications(Db& db, const ApplicationFilter& f,
                                                               const Page& page);

}  // namespace server
