// Ingestion of CEB messages (orders, payments, waybills, declaration lists, returns) from the API
// and the command-line import: reading XML or JSON into records, storing each record once
// (idempotent by type + guid, versioned by business key and appType), keeping the exact bytes
// received, answering a receipt per record, and screening every declaration whose set changed.
// A document (one request body or file) is stored whole or not at all. Does database I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "core/messages.h"
#include "service/ceb_record.h"
#include "store/db.h"

namespace server {

// Records in one JSON request (the XML form holds at most core::kMaxRecordsPerMessage).
inline constexpr size_t kMaxJsonRecords = 1000;

using CebRecord =
    std::variant<core::Order, core::Payment, core::Waybill, core::Inventory, core::Refund>;

// One business record of a document, or why it could not be read.
struct IncomingRecord {
  std::string where;      // "messages[2]", "message" or "CEB311Message/Order[3]"
  std::string type_code;  // "CEB311" ... as sent ("" when absent)
  std::optional<CebRecord> record;
  core::Status error;  // not OK when the record could not be read
};

struct IncomingDocument {
  std::string format;        // "xml" | "json"
  std::string message_type;  // "CEB311" ... for XML, "json" for JSON
  std::string bytes;         // exactly as received
  std::vector<IncomingRecord> records;
};

// A CEB XML message (ParseCebXml). InvalidArgument for anything ParseCebXml refuses (malformed
// XML, a DOCTYPE, another namespace, a type other than 311/411/511/621/625, a field error naming
// its element path), including a message larger than the XML reader's limit.
core::StatusOr<IncomingDocument> ReadXmlDocument(std::string bytes);

// A JSON request: {"type": "CEB311", "message": {record}} or {"messages": [{"type", "message"},
// ...]} (1..kMaxJsonRecords), records in the core's JSON form (core/messages.h). InvalidArgument
// when the body is not a JSON object of either shape; a record the codec refuses (or of an
// unknown type) is returned with its error so that its receipt can say why.
core::StatusOr<IncomingDocument> ReadJsonDocument(std::string bytes);

struct ReceiptError {
  std::string code;  // a core status name ("invalid_argument", ...) or "not_stored"
  std::string message;
};

struct Receipt {
  std::string where;
  std::string type;
  std::string guid;
  std::string business_key;
  // "stored" (a new business document), "new_version" (appType 2), "withdrawn" (appType 3),
  // "duplicate" (the same type + guid with the same content was stored before: nothing
  // changed), "rejected".
  std::string status;
  std::optional<int64_t> message_id;
  std::optional<int64_t> version;
  std::optional<int64_t> declaration_id;  // lists and returns
  std::vector<ReceiptError> errors;
};

core::Json ReceiptJson(const Receipt& r);

struct IngestOutcome {
  std::vector<Receipt> receipts;
  std::optional<int64_t> document_id;  // set when something was stored
  // The first rejection (its code picks the HTTP status); OK when the document was accepted.
  core::Status status;
  std::vector<int64_t> screened;  // declarations screened, in order
};

// {"document_id": id|null, "receipts": [...], "summary": {"records", "stored", "new_version",
//  "withdrawn", "duplicate", "rejected"}}.
core::Json IngestOutcomeJson(const IngestOutcome& outcome);

struct IngestOptions {
  std::string source = "api";  // "api" or "cli:<file name>"
  // The submitting enterprise's customs code: every record must name it as a party. Empty for
  // customs users and the system.
  std::optional<std::string> submitter_code;
};

// Stores a document inside the caller's open write transaction and screens the declarations
// whose set it changed (ScreenDeclarations). A record is rejected when it could not be read, does
// not name the submitter, reuses a guid of its type with different content, is new (appType 1)
// for a business document that exists, changes or withdraws (appType 2/3) one that does not,
// changes a document of a released list, or is a return without a released list (or changes
// one already decided). When any record is rejected, outcome.status carries the first rejection,
// every other receipt becomes "rejected" with a "not_stored" error, and the caller must roll
// back. Errors: Internal (database) only.
core::StatusOr<IngestOutcome> IngestDocument(App& app, Db& db, const Actor& actor,
                                             const IncomingDocument& doc,
                                             const IngestOptions& options);

// The customs code of the actor's enterprise when the actor is an enterprise user (nullopt for
// customs and the system). NotFound when the enterprise does not exist.
core::StatusOr<std::optional<std::string>> EnterpriseCodeOf(Db& db, const Actor& actor);
// As EnterpriseCodeOf, for submitting: FailedPrecondition unless the enterprise is admitted.
core::StatusOr<std::optional<std::string>> SubmitterCodeOf(Db& db, const Actor& actor);

}  // namespace server
