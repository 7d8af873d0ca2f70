// Findings against enterprises, gathered from where they are kept (patrol findings of their
// shops, stocktakes short, over or incomplete, inspections that found a mismatch, rejected
// lists), with each one's state from the enterprise's answers and the officers' reviews of
// them. Prepared statements only. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

// The kinds of objects a finding is kept on: "patrol_finding", "stocktake", "inspection"
// (a declaration outcome), "declaration" (a rejected list).
bool IsFindingObjectType(std::string_view type);

struct FindingRow {
  std::string object_type;
  int64_t object_id = 0;
  int64_t enterprise_id = 0;
  std::string code;
  std::string severity;
  std::string message_zh, message_en;
  std::string at;
  std::string state;  // open (no answer, or the last was rejected) | answered | closed
  int64_t responses = 0;
};

struct FindingFilter {
  std::optional<int64_t> enterprise_id;
  std::string state;  // "" for every state
};

core::Json FindingRowJson(const FindingRow& f);
core::StatusOr<ListResult<FindingRow>> ListFindings(Db& db, const FindingFilter& filter,
                                                    const Page& page);
// The finding kept on that object, if it is one (a patrol finding that is only a warning, a
// consistent stocktake, a released list are not).
core::StatusOr<std::optional<FindingRow>> FindFinding(Db& db, std::string_view object_type,
                                                      int64_t object_id);

struct FindingResponse {
  int64_t id = 0;
  std::string object_type;
  int64_t object_id = 0;
  int64_t enterprise_id = 0;
  std::string kind;  // explanation | correction
  std::string text;
  std::optional<int64_t> created_by;
  std::string created_by_name;
  std::string created_at;
  std::optional<std::string> review;  // accepted | rejected
  std::optional<std::string> review_note;
  std::optional<std::string> reviewed_by_name;
  std::optional<std::string> reviewed_at;
};

core::Json FindingResponseJson(const FindingResponse& r);
core::StatusOr<int64_t> InsertFindingResponse(Db& db, const FindingResponse& r);
// Oldest first.
core::StatusOr<std::vector<FindingResponse>> ListFindingResponses(Db& db,
                                                                  std::string_view object_type,
                                                                  int64_t object_id);
core::StatusOr<std::optional<FindingResponse>> FindFindingResponse(Db& db, int64_t id);
// Records the review of a response not yet reviewed; false when it already was.
core::StatusOr<bool> ReviewFindingResponse(Db& db, int64_t id, std::string_view review,
                                           std::string_view note, std::string_view by,
                                           std::string_view at);

}  // namespace server
