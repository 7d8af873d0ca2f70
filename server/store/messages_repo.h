// CEB messages as received: the documents (request bodies and imported files, byte for byte,
// zlib-compressed when that is smaller), every stored version of every business record, and the
// customs codes each record names as a party. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct DocumentRecord {
  int64_t id = 0;
  std::string format;        // "xml" | "json"
  std::string message_type;  // "CEB311" ... for XML, "json" for a JSON request
  std::string sha256;        // of the bytes as received
  int64_t size_bytes = 0;
  std::string compression;  // "none" | "zlib" (set by InsertDocument)
  std::string source;       // "api" or "cli:<file name>"
  std::string received_at;
  std::optional<int64_t> received_by_id;
  std::string received_by;
};

// Stores the bytes (compressed with zlib when that saves space) with the document's metadata;
// size_bytes is computed here, and sha256 too unless the caller set it (then it must be the
// bytes' SHA-256). Returns the id.
core::StatusOr<int64_t> InsertDocument(Db& db, DocumentRecord doc, std::string_view bytes);
// Removes a document no record refers to (a request whose records were all duplicates).
core::Status DeleteDocument(Db& db, int64_t id);
core::StatusOr<std::optional<DocumentRecord>> FindDocument(Db& db, int64_t id);
// The exact bytes received. Internal when the stored body does not decompress to bytes with the
// recorded SHA-256 (the row was damaged).
core::StatusOr<std::string> DocumentBytes(Db& db, int64_t id);

// Message states: the current version of its business document, a superseded version, or the
// version that withdrew the document (appType 3).
inline constexpr std::string_view kStateCurrent = "current";
inline constexpr std::string_view kStateSuperseded = "superseded";
inline constexpr std::string_view kStateWithdrawn = "withdrawn";

struct MessageRecord {
  int64_t id = 0;
  int64_t document_id = 0;
  int64_t record_index = 0;
  std::string type;  // "CEB311" ...
  std::string guid;
  std::string business_key;
  int64_t app_type = 1;
  std::string app_time;
  int64_t version = 1;
  std::string state;
  std::string order_no;
  std::string ebp_code;
  std::string ebc_code;
  std::string parsed;  // canonical record JSON
  std::string content_sha256;
  std::string received_at;
};

// {"id","document_id","record_index","type","guid","business_key","app_type","app_time",
//  "version","state","order_no","ebp_code","ebc_code","content_sha256","received_at"}.
core::Json MessageSummaryJson(const MessageRecord& m);

// Inserts the message and its parties (distinct non-empty codes). AlreadyExists when the
// (type, guid) or (type, business_key, version) is taken.
core::StatusOr<int64_t> InsertMessage(Db& db, const MessageRecord& m,
                                      const std::vector<std::string>& parties);
core::Status SetMessageState(Db& db, int64_t id, std::string_view state);
core::StatusOr<std::optional<MessageRecord>> FindMessage(Db& db, int64_t id);
core::StatusOr<std::optional<MessageRecord>> FindMessageByGuid(Db& db, std::string_view type,
                                                               std::string_view guid);
// The highest version stored for a business document, whatever its state.
core::StatusOr<std::optional<MessageRecord>> LatestVersion(Db& db, std::string_view type,
                                                           std::string_view business_key);
core::StatusOr<std::vector<std::string>> MessageParties(Db& db, int64_t message_id);
core::StatusOr<bool> MessageVisibleTo(Db& db, int64_t message_id, std::string_view customs_code);
// How many records stored from the document do not name `customs_code` as a party.
core::StatusOr<int64_t> DocumentRecordsHiddenFrom(Db& db, int64_t document_id,
                                                  std::string_view customs_code);

struct MessageFilter {
  std::string type;                  // "" = any
  std::string order_no;              // "" = any
  std::string guid;                  // "" = any
  std::string state;                 // "" = any
  std::string business_key;          // "" = any (with type: every version of one document)
  std::optional<std::string> party;  // only records naming this customs code
};
// Newest first.
core::StatusOr<ListResult<MessageRecord>> ListMessages(Db& db, const MessageFilter& f,
                                                       const Page& page);

}  // namespace server
